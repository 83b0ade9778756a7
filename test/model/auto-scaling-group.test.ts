import { describe, it, expect } from 'vitest';
import {
  chooseLaunchAvailabilityZone,
  chooseInstancesToTerminate,
  countByAvailabilityZone,
  planLaunches,
  nextSpotInterruption,
  SPOT_INTERRUPTION_NOTICE_MS,
  type AsgInstance,
} from '../../src/model/capacity/index.js';
import { RandomStreams } from '../../src/engine/index.js';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const inst = (id: string, az: string, launchMs: number, prot = false, extra: Partial<AsgInstance> = {}): AsgInstance => ({
  id,
  availabilityZone: `us-east-1${az}`,
  launchMs,
  protectedFromScaleIn: prot,
  ...extra,
});

describe('ASG launches balance AZs (fewest instances, ties in AZ order)', () => {
  it('launches into the AZ with the fewest instances', () => {
    const counts = countByAvailabilityZone(AZS, [inst('a1', 'a', 0), inst('a2', 'a', 0), inst('b1', 'b', 0), inst('c1', 'c', 0)]);
    expect(chooseLaunchAvailabilityZone(AZS, counts)).toBe('us-east-1b');
  });
  it('from empty, 4 launches go a, b, c, a', () => {
    expect(planLaunches(AZS, countByAvailabilityZone(AZS, []), 4)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1a']);
  });
});

const MIN = 60_000;
/** A stream that must not be drawn from (no exact tie). */
const NO_DRAW = { next: (): number => { throw new Error('drew without a tie'); } };
/** A stream returning the given numbers in turn, counting its draws. */
function scripted(...xs: number[]) {
  const s = { draws: 0, next: () => xs[s.draws++ % xs.length] };
  return s;
}
const ids = (xs: AsgInstance[]) => xs.map((i) => i.id);

describe('ASG scale-in termination (default policy, scale-in protection honoured)', () => {
  it('never terminates a protected instance, even when asked for more', () => {
    const group = [inst('a1', 'a', 0, true), inst('a2', 'a', 5, true), inst('b1', 'b', 1), inst('c1', 'c', 2, true)];
    expect(ids(chooseInstancesToTerminate(group, 3, AZS, 10 * MIN, NO_DRAW))).toEqual(['b1']);
  });

  it('picks the AZ with the most instances that has an unprotected one (protected ones count toward the AZ)', () => {
    // a: 3 instances (2 protected), b: 2 unprotected -> a first, though b2 is closer to its hour
    const group = [inst('a1', 'a', 0, true), inst('a2', 'a', 1, true), inst('a3', 'a', 9 * MIN), inst('b1', 'b', 2 * MIN), inst('b2', 'b', 59 * MIN)];
    // at 60 min: a3 has 9 min to its next hour, b1 2 min, b2 59
    expect(ids(chooseInstancesToTerminate(group, 1, AZS, 60 * MIN, NO_DRAW))).toEqual(['a3']);
    // then a and b both have 2: across both, a has none left unprotected -> b, closest first
    expect(ids(chooseInstancesToTerminate(group, 3, AZS, 60 * MIN, NO_DRAW))).toEqual(['a3', 'b1', 'b2']);
  });

  it('the review case: i-1 launched 0:00, i-2 at 0:49; at 1:08 i-2 is 60 - 19 = 41 min from its next hour, i-1 60 - 8 = 52: i-2 goes, not the oldest', () => {
    const group = [inst('i-1', 'a', 0), inst('i-2', 'a', 49 * MIN)];
    expect(ids(chooseInstancesToTerminate(group, 1, AZS, 68 * MIN, NO_DRAW))).toEqual(['i-2']);
    // at 0:55 i-1 is 5 min from its first hour, i-2 54: i-1
    expect(ids(chooseInstancesToTerminate(group, 1, AZS, 55 * MIN, NO_DRAW))).toEqual(['i-1']);
  });

  it('billing hours count from launch: 2 h 05 min into its run an instance has 55 min to go; one launched 10 min ago has 50: the newer one goes', () => {
    const group = [inst('old', 'a', 0), inst('new', 'a', 115 * MIN)];
    expect(ids(chooseInstancesToTerminate(group, 2, AZS, 125 * MIN, NO_DRAW))).toEqual(['new', 'old']);
  });

  it('AZs tied for the most: the policy runs across them (b1 closer to its hour than a1 goes first)', () => {
    const group = [inst('a1', 'a', 0), inst('a2', 'a', 30 * MIN), inst('b1', 'b', 50 * MIN), inst('b2', 'b', 40 * MIN)];
    // at 60 min: a1 60 (a full hour: it just began its second), a2 30, b1 50, b2 40
    expect(ids(chooseInstancesToTerminate(group, 1, AZS, 60 * MIN, NO_DRAW))).toEqual(['a2']);
    // a2 gone: b has the most (2): b2 (40), then both at 1: b1 (50) before a1 (60)
    expect(ids(chooseInstancesToTerminate(group, 4, AZS, 60 * MIN, NO_DRAW))).toEqual(['a2', 'b2', 'b1', 'a1']);
  });

  it('within the AZ: oldest launch template version first, then closest to the next billing hour', () => {
    const group = [
      inst('a1', 'a', 0, false, { launchTemplateVersion: 2 }),
      inst('a2', 'a', 50 * MIN, false, { launchTemplateVersion: 1 }),
      inst('a3', 'a', 10 * MIN, false, { launchTemplateVersion: 2 }),
    ];
    // at 20 min: a1 has 40 min to its hour, a3 50
    expect(ids(chooseInstancesToTerminate(group, 3, AZS, 20 * MIN, NO_DRAW))).toEqual(['a2', 'a1', 'a3']);
  });

  it('exact ties are drawn at random, one draw per tied choice: 3 launched together, draws 0.5 then 0.5 take the 2nd of 3, then the 2nd of the 2 left', () => {
    const group = [inst('a1', 'a', 0), inst('a2', 'a', 0), inst('a3', 'a', 0), inst('a4', 'a', 5 * MIN)];
    const rng = scripted(0.5);
    // at 30 min a1-a3 have 30 min to go, a4 35: a4 last and without a draw
    expect(ids(chooseInstancesToTerminate(group, 4, AZS, 30 * MIN, rng))).toEqual(['a2', 'a3', 'a1', 'a4']);
    expect(rng.draws).toBe(2);
  });

  it('ties across AZs tied for the most are one draw over both: 0.7 of 4 tied -> the 3rd (b1)', () => {
    const group = [inst('a1', 'a', 0), inst('a2', 'a', 0), inst('b1', 'b', 0), inst('b2', 'b', 0)];
    const rng = scripted(0.7);
    expect(ids(chooseInstancesToTerminate(group, 1, AZS, 30 * MIN, rng))).toEqual(['b1']);
    expect(rng.draws).toBe(1);
  });

  it('the draw is uniform: each of 3 tied instances goes first about a third of the time (30000 seeded draws, within 2 %)', () => {
    const rng = new RandomStreams(3).stream('termination/test');
    const group = [inst('a1', 'a', 0), inst('a2', 'a', 0), inst('a3', 'a', 0)];
    const counts = new Map<string, number>();
    for (let k = 0; k < 30_000; k++) {
      const id = chooseInstancesToTerminate(group, 1, AZS, 30 * MIN, rng)[0].id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of ['a1', 'a2', 'a3']) expect(Math.abs((counts.get(id) ?? 0) / 30_000 - 1 / 3)).toBeLessThan(0.02);
  });

  it('ignores instances already terminating', () => {
    const group = [inst('a1', 'a', 0, false, { terminating: true }), inst('b1', 'b', 1)];
    expect(ids(chooseInstancesToTerminate(group, 2, AZS, 10 * MIN, NO_DRAW))).toEqual(['b1']);
  });
});

describe('Spot interruptions (2-minute notice; model: exponential time between)', () => {
  it('stop comes 120 s after the notice and the draws are seeded', () => {
    const a = nextSpotInterruption(1000, 3_600_000, new RandomStreams(7).stream('spot:i-1'));
    const b = nextSpotInterruption(1000, 3_600_000, new RandomStreams(7).stream('spot:i-1'));
    expect(a).toEqual(b);
    expect(a.stopMs - a.noticeMs).toBe(SPOT_INTERRUPTION_NOTICE_MS);
    expect(a.noticeMs).toBeGreaterThan(1000);
    expect(Number.isInteger(a.noticeMs)).toBe(true);
  });
  it('mean time between interruptions is meanTimeBetween (within 5 % over 20000 draws)', () => {
    const rng = new RandomStreams(1).stream('spot');
    let sum = 0;
    for (let k = 0; k < 20000; k++) sum += nextSpotInterruption(0, 6 * 3_600_000, rng).noticeMs;
    expect(sum / 20000 / (6 * 3_600_000)).toBeGreaterThan(0.95);
    expect(sum / 20000 / (6 * 3_600_000)).toBeLessThan(1.05);
  });
  it('rejects a non-positive mean', () => {
    expect(() => nextSpotInterruption(0, 0, new RandomStreams(1).stream('x'))).toThrow(/meanTimeBetween must be > 0/);
  });
});
