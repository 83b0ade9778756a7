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

describe('ASG scale-in termination (default policy, scale-in protection honoured)', () => {
  it('never terminates a protected instance, even when asked for more', () => {
    const group = [inst('a1', 'a', 0, true), inst('a2', 'a', 5, true), inst('b1', 'b', 1), inst('c1', 'c', 2, true)];
    expect(chooseInstancesToTerminate(group, 3, AZS).map((i) => i.id)).toEqual(['b1']);
  });

  it('picks the AZ with the most instances that has an unprotected one (protected ones count toward the AZ)', () => {
    // a: 3 instances (2 protected), b: 2 unprotected -> a first.
    const group = [inst('a1', 'a', 0, true), inst('a2', 'a', 1, true), inst('a3', 'a', 9), inst('b1', 'b', 2), inst('b2', 'b', 3)];
    expect(chooseInstancesToTerminate(group, 1, AZS).map((i) => i.id)).toEqual(['a3']);
    // then a and b both have 2: tie in AZ order -> a has none left unprotected -> b, oldest first.
    expect(chooseInstancesToTerminate(group, 3, AZS).map((i) => i.id)).toEqual(['a3', 'b1', 'b2']);
  });

  it('within the AZ: oldest launch template version first, then the oldest instance', () => {
    const group = [
      inst('a1', 'a', 0, false, { launchTemplateVersion: 2 }),
      inst('a2', 'a', 50, false, { launchTemplateVersion: 1 }),
      inst('a3', 'a', 10, false, { launchTemplateVersion: 2 }),
    ];
    expect(chooseInstancesToTerminate(group, 3, AZS).map((i) => i.id)).toEqual(['a2', 'a1', 'a3']);
  });

  it('ignores instances already terminating', () => {
    const group = [inst('a1', 'a', 0, false, { terminating: true }), inst('b1', 'b', 1)];
    expect(chooseInstancesToTerminate(group, 2, AZS).map((i) => i.id)).toEqual(['b1']);
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
