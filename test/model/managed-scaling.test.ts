import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  ManagedScaling,
  capacityProviderReservation,
  registeredResources,
  lookupInstanceType,
  validateManagedScaling,
  reservationFromCounts,
} from '../../src/model/capacity/index.js';

const MIN = 60_000;
const m5large = registeredResources(lookupInstanceType('m5.large')); // 2048 units, floor(8192 x 0.98) = 8028 MiB
const tasks = (k: number) => Array.from({ length: k }, () => ({ cpu: 512, memory: 1024 })); // 4 per m5.large
const busy = (k: number) => Array.from({ length: k }, () => ({ hasNonDaemonTasks: true }));

function policy(over: Partial<ConstructorParameters<typeof ManagedScaling>[0]> = {}) {
  return new ManagedScaling({ name: 'asg-m5', minSize: 0, maxSize: 40, ...over });
}

describe('managed scaling: scale out (managed-scaling-behavior.html, §6)', () => {
  it('message explains the arithmetic: M=5 N=3 -> ceil(5 / 1.00) = 5', () => {
    expect(policy().onMetric(0, 5, 3, 3)).toEqual({
      desired: 5,
      message:
        'desired 3 -> 5 (managed scaling asg-m5: CapacityProviderReservation 1 datapoint > 100: 166.7; M=5 N=3; ceil(5 / 1.00) = 5)',
    });
  });

  it('a reservation just above the target is printed with the digits that show it: M=100 N=101 is 99.0099 > 99, not "99.0 > 99"', () => {
    const d = policy({ maxSize: 200, targetCapacity: 99 }).onMetric(0, 100, 101, 101);
    expect(d?.message).toContain('CapacityProviderReservation 1 datapoint > 99: 99.01; M=100 N=101; ceil(100 / 0.99) = 102');
  });

  it('M / N exactly at the target is the steady state (no scale out, no scale in) at every target and N up to 200: 11 / 20 at 55 %, where (11 / 20) x 100 reads 55.00000000000001', () => {
    for (let target = 1; target <= 100; target++) {
      for (let n = 1; n <= 200; n++) {
        if ((target * n) % 100 !== 0) continue;
        const m = (target * n) / 100; // M / N = target / 100 exactly
        const ms = policy({ maxSize: 400, targetCapacity: target, minimumScalingStepSize: 3 });
        for (let minute = 0; minute < 20; minute++) expect(ms.onMetric(minute * MIN, m, n, n), `M=${m} N=${n} target ${target}`).toBeNull();
      }
    }
  });

  describe('scale from zero: 10 tasks of 512 units / 1024 MiB need ceil(10 / 4) = 3 m5.large', () => {
    it('N = 0: reservation 200; AWS first scales out to two instances, then to the packed count after warm-up', () => {
      const r0 = capacityProviderReservation([], tasks(10), { largest: m5large });
      expect([r0.m, r0.n, r0.reservation]).toEqual([3, 0, 200]);
      const ms = policy({ targetCapacity: 100 });
      expect(ms.onMetric(0, r0.m, r0.n, 0)?.desired).toBe(2);
      // The two instances register and take 8 tasks; 2 tasks still PROVISIONING -> M = 2 + 1 = 3, N = 2.
      const r1 = capacityProviderReservation(busy(2), tasks(2), { largest: m5large });
      expect([r1.m, r1.n, r1.reservation]).toEqual([3, 2, 150]);
      expect(ms.onMetric(4 * MIN, r1.m, r1.n, 2)).toBeNull(); // within instanceWarmupPeriod 300 s
      expect(ms.onMetric(5 * MIN, r1.m, r1.n, 2)?.desired).toBe(3); // ceil(3 / 1.00)
    });

    it('targetCapacity 80 keeps spare: ceil(3 / 0.80) = ceil(3.75) = 4', () => {
      const ms = policy({ targetCapacity: 80 });
      expect(ms.onMetric(0, 3, 0, 0)?.desired).toBe(2);
      const d = ms.onMetric(5 * MIN, 3, 2, 2)!;
      expect(d.desired).toBe(4);
      expect(d.message).toContain('ceil(3 / 0.80) = 4');
    });

    it('with initialScaleOutFromZero 0 the first step is proportional: 3 at 100, 4 at 80', () => {
      expect(policy({ initialScaleOutFromZero: 0 }).onMetric(0, 3, 0, 0)?.desired).toBe(3);
      expect(policy({ initialScaleOutFromZero: 0, targetCapacity: 80 }).onMetric(0, 3, 0, 0)?.desired).toBe(4);
    });
  });

  it('step size clamps: minimumScalingStepSize 3 turns +1 into +3', () => {
    const d = policy({ minimumScalingStepSize: 3 }).onMetric(0, 5, 4, 4)!;
    expect(d.desired).toBe(7);
    expect(d.message).toContain('step 1 -> 3');
  });

  it('step size clamps: maximumScalingStepSize 2 turns +6 into +2', () => {
    expect(policy({ maximumScalingStepSize: 2 }).onMetric(0, 10, 4, 4)?.desired).toBe(6);
  });

  it('at targetCapacity 100 the step-bounded M launches what the step clamp of X launched: N + min(maxStep, max(minStep, X))', () => {
    // AWS scale-out step 4 bounds X in the metric; the launch is still the clamped step, so
    // bounding M changes the published value, not the decision
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (n, busyRaw, waiting, a, b) => {
          const nBusy = Math.min(n, busyRaw);
          const minStep = a;
          const maxStep = a + b;
          const r = reservationFromCounts(n, nBusy, tasks(waiting), { largest: m5large, minimumScalingStepSize: minStep, maximumScalingStepSize: maxStep });
          const x = Math.ceil(waiting / 4); // 4 per m5.large
          // AWS step 4: X raised to the minimum step when below it, else capped at the maximum
          expect(r.m).toBe(n + (x <= 0 ? 0 : x < minStep ? minStep : Math.min(maxStep, x)));
          const d = policy({ maxSize: 10_000, minimumScalingStepSize: minStep, maximumScalingStepSize: maxStep }).onMetric(0, r.m, r.n, n);
          expect(d?.desired).toBe(n + Math.min(maxStep, Math.max(minStep, x)));
        },
      ),
    );
  });

  it('below targetCapacity 100 a bound minimum step counts in M and the target tracking goes past it (model, capacity notes): N 4, 2 busy, t 50, X = 1, minStep 3 -> M 5, desired ceil(5 / 0.50) = 10', () => {
    const r = reservationFromCounts(4, 2, tasks(1), { largest: m5large, targetCapacity: 50, minimumScalingStepSize: 3 });
    expect(r.m).toBe(5); // max(2, ceil(4 x 0.50)) + 3
    const d = policy({ targetCapacity: 50, minimumScalingStepSize: 3 }).onMetric(0, r.m, r.n, 4)!;
    expect(d.desired).toBe(10); // step 6, within 3-10000
    expect(d.message).toContain('ceil(5 / 0.50) = 10');
  });

  it('says after M and N when the step sizes bounded the waiting tasks\' instances, and not otherwise', () => {
    // maximumScalingStepSize 1, N 4 all busy, 10 tasks needing X = 5 instances: M = 4 + 1 = 5,
    // 125 %; ceil(5 / 1.00) = 5, step 1
    const d = policy({ maximumScalingStepSize: 1 }).onMetric(0, 5, 4, 4, 5, false, 5, 1)!;
    expect(d.message).toBe(
      'desired 4 -> 5 (managed scaling asg-m5: CapacityProviderReservation 1 datapoint > 100: 125.0; M=5 N=4; ' +
        'waiting tasks need 5 instances, capped at 1 (maximumScalingStepSize 1); ceil(5 / 1.00) = 5)',
    );
    // minimumScalingStepSize 3 from N 0, 1 task (X = 1): M = 3, the first scale out from zero (2) raised to 3
    const z = policy({ minimumScalingStepSize: 3 }).onMetric(0, 3, 0, 0, 3, false, 1, 3)!;
    expect(z.message).toContain('M=3 N=0; waiting tasks need 1 instance, raised to 3 (minimumScalingStepSize 3); N=0: the first scale out from zero launches 2; step 2 -> 3');
    // both set (2-3): a raise names the minimum, a cap the maximum. 1 task from N 4 all busy,
    // X = 1 -> 2, M = 4 + 2 = 6; 8 tasks, X = 4 -> 3, M = 4 + 3 = 7
    const both = policy({ minimumScalingStepSize: 2, maximumScalingStepSize: 3 });
    expect(both.onMetric(0, 6, 4, 4, 6, false, 1, 2)!.message).toContain('M=6 N=4; waiting tasks need 1 instance, raised to 2 (minimumScalingStepSize 2); ceil(6 / 1.00) = 6');
    const both2 = policy({ minimumScalingStepSize: 2, maximumScalingStepSize: 3 });
    expect(both2.onMetric(0, 7, 4, 4, 7, false, 4, 3)!.message).toContain('M=7 N=4; waiting tasks need 4 instances, capped at 3 (maximumScalingStepSize 3); ceil(7 / 1.00) = 7');
    // no bound: no clause
    expect(policy({ maximumScalingStepSize: 10 }).onMetric(0, 5, 4, 4, 5, false, 1, 1)!.message).toContain('M=5 N=4; ceil(5 / 1.00) = 5)');
  });

  it('the Auto Scaling group maxSize caps the result', () => {
    expect(policy({ maxSize: 5 }).onMetric(0, 10, 4, 4)?.desired).toBe(5);
  });

  it('an instance running only daemon tasks is empty, so it does not drive scale out: M=2 N=3 -> no action', () => {
    const r = capacityProviderReservation([...busy(2), { hasNonDaemonTasks: false }], [], { largest: m5large });
    expect(policy().onMetric(0, r.m, r.n, 3)).toBeNull();
  });

  it('no scale out while already at the wanted size (launches in flight)', () => {
    expect(policy().onMetric(0, 5, 3, 5)).toBeNull();
  });

  it('N = 0 and M = 0 does nothing, even with targetCapacity < 100 (model)', () => {
    expect(policy({ targetCapacity: 80 }).onMetric(0, 0, 0, 0)).toBeNull();
  });

  it('a scale out held by the warm-up lists every datapoint above the target since the alarm, oldest first: M / N of each', () => {
    const ms = policy();
    ms.noteLaunch(0);
    // M/N: 5/4 = 125 %, 6/4 = 150 %, 7/4 = 175 %, 7/4, 7/5 = 140 %, 12/5 = 240 %; the sixth is past the 300 s warm-up.
    const mn: Array<[number, number]> = [[5, 4], [6, 4], [7, 4], [7, 4], [7, 5], [12, 5]];
    const out = mn.map(([m, n], k) => ms.onMetric(k * MIN, m, n, n));
    expect(out.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(out[5]?.message).toBe(
      'desired 5 -> 12 (managed scaling asg-m5: CapacityProviderReservation 6 datapoints > 100: 125.0 150.0 175.0 175.0 140.0 240.0; M=12 N=5; ceil(12 / 1.00) = 12)',
    );
  });

  it('a longer run lists its newest 15 datapoints and says so', () => {
    const ms = policy();
    ms.onMetric(0, 3, 6, 6); // 50 %: below, not listed
    // 150 % for 19 minutes, no action: desired is already the 3 instances wanted (launches in flight).
    for (let k = 1; k <= 19; k++) expect(ms.onMetric(k * MIN, 3, 2, 3)).toBeNull();
    expect(ms.onMetric(20 * MIN, 4, 2, 3)?.message).toBe(
      'desired 3 -> 4 (managed scaling asg-m5: CapacityProviderReservation 20 datapoints > 100 (newest 15 listed): ' +
        '150.0 150.0 150.0 150.0 150.0 150.0 150.0 150.0 150.0 150.0 150.0 150.0 150.0 150.0 200.0; M=4 N=2; ceil(4 / 1.00) = 4)',
    );
  });

  it('a launch reported with noteLaunch blocks scale out for the warm-up period', () => {
    const ms = policy();
    ms.noteLaunch(0);
    expect(ms.onMetric(MIN, 5, 3, 3)).toBeNull();
    expect(ms.onMetric(5 * MIN, 5, 3, 3)?.desired).toBe(5);
  });
});

describe('managed scaling: scale in (15 of 15 datapoints, only empty instances, <= 50 % a step)', () => {
  it('waits for 15 one-minute datapoints below target, then goes to ceil(M / 1.00)', () => {
    const ms = policy();
    for (let k = 1; k <= 14; k++) expect(ms.onMetric(k * MIN, 3, 6, 6)).toBeNull();
    const d = ms.onMetric(15 * MIN, 3, 6, 6)!;
    expect(d.desired).toBe(3);
    expect(d.message).toBe(
      'desired 6 -> 3 (managed scaling asg-m5: CapacityProviderReservation 15 datapoints < 100: 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0; M=3 N=6; ceil(3 / 1.00) = 3)',
    );
  });

  it('a datapoint at or above target restarts the 15-minute count', () => {
    const ms = policy();
    for (let k = 1; k <= 10; k++) ms.onMetric(k * MIN, 3, 6, 6);
    ms.onMetric(11 * MIN, 6, 6, 6);
    for (let k = 12; k <= 25; k++) expect(ms.onMetric(k * MIN, 3, 6, 6)).toBeNull();
    expect(ms.onMetric(26 * MIN, 3, 6, 6)?.desired).toBe(3);
  });

  it('removes at most 50 % of the group per step', () => {
    const ms = policy();
    for (let k = 1; k < 15; k++) ms.onMetric(k * MIN, 0, 10, 10);
    expect(ms.onMetric(15 * MIN, 0, 10, 10)?.desired).toBe(5);
    // the datapoint still counts the 10 (measured before the step), but the 5 left are all
    // removable now (0 not removable): keep = max(0, 0, 0) = 0, step floor(5 / 2) = 2: 5 -> 3
    // the next minute, not a minute later (the floor read N - removable-now = 10 - 5 = 5)
    expect(ms.onMetric(16 * MIN, 0, 10, 5, 0)?.desired).toBe(3);
    expect(ms.onMetric(17 * MIN, 0, 5, 3, 0)?.desired).toBe(2); // floor(3 / 2) = 1
    expect(ms.onMetric(18 * MIN, 0, 3, 2, 0)?.desired).toBe(1); // floor(2 / 2) = 1
  });

  it('the floor is the instances not removable when the policy acts, not N of the (older) datapoint minus them', () => {
    // 10 registered, 2 busy and protected: M = 2, N = 10, 8 removable. 15th datapoint:
    // keep = max(ceil(2 / 1.00) = 2, 0, 2) = 2, step floor(10 / 2) = 5: 10 -> 5.
    const ms = policy();
    for (let k = 1; k < 15; k++) ms.onMetric(k * MIN, 2, 10, 10, 2);
    expect(ms.onMetric(15 * MIN, 2, 10, 10, 2)?.desired).toBe(5);
    // next minute the datapoint still says N = 10; now 5 registered, 2 not removable:
    // keep = max(2, 0, 2) = 2, step floor(5 / 2) = 2: 5 -> 3 (N - removable = 10 - 3 = 7 held it)
    const d = ms.onMetric(16 * MIN, 2, 10, 5, 2);
    expect(d?.desired).toBe(3);
    // then 3 -> max(2, 3 - 1) = 2, and no further: the 2 busy ones stay
    expect(ms.onMetric(17 * MIN, 2, 5, 3, 2)?.desired).toBe(2);
    expect(ms.onMetric(18 * MIN, 2, 3, 2, 2)).toBeNull();
  });

  it("the 50 % is of the group's desired capacity, launching instances included, and the message says so", () => {
    // N = 4 registered, all removable, 4 more launching: desired 8. At most floor(8 x 0.5) = 4
    // per step: 8 -> 4 (a cap on N, floor(4 x 0.5) = 2, would have asked 8 -> 2, removing 6)
    const ms = policy();
    for (let k = 1; k < 15; k++) ms.onMetric(k * MIN, 0, 4, 8, 0);
    const d = ms.onMetric(15 * MIN, 0, 4, 8, 0);
    expect(d?.desired).toBe(4);
    expect(d?.message).toContain('at most 4 per step (50 % of desired 8)');
  });

  it('the message names the instances not removable in words true with and without termination protection', () => {
    // M=2 N=6, 1 removable, so 5 not: keep = max(ceil(2 / 1.00) = 2, 0, 5) = 5
    const ms = policy();
    for (let k = 1; k < 15; k++) ms.onMetric(k * MIN, 2, 6, 6, 5);
    const d = ms.onMetric(15 * MIN, 2, 6, 6, 5);
    expect(d?.desired).toBe(5);
    expect(d?.message).toContain('; 5 instances not removable now (removable: registered, not protected from scale in)');
    expect(d?.message).not.toContain('empty');
  });

  it('only removable (registered, not protected from scale in) instances can go; minSize holds', () => {
    const ms = policy({ minSize: 1 });
    for (let k = 1; k < 15; k++) ms.onMetric(k * MIN, 2, 6, 6, 5);
    expect(ms.onMetric(15 * MIN, 2, 6, 6, 5)?.desired).toBe(5);
    const ms2 = policy({ minSize: 2 });
    for (let k = 1; k < 15; k++) ms2.onMetric(k * MIN, 0, 3, 3);
    expect(ms2.onMetric(15 * MIN, 0, 3, 3)?.desired).toBe(2);
  });

  it('targetCapacity 80 keeps spare on scale in: M=4 N=8 -> ceil(4 / 0.80) = 5', () => {
    const ms = policy({ targetCapacity: 80 });
    for (let k = 1; k < 15; k++) ms.onMetric(k * MIN, 4, 8, 8);
    expect(ms.onMetric(15 * MIN, 4, 8, 8)?.desired).toBe(5);
  });

  it('no scale in within 15 minutes of a scale out', () => {
    const ms = policy({ lowAlarmDatapoints: 1 });
    expect(ms.onMetric(0, 5, 3, 3)?.desired).toBe(5);
    expect(ms.onMetric(MIN, 1, 5, 5)).toBeNull();
    expect(ms.onMetric(15 * MIN, 1, 5, 5)?.desired).toBe(3); // max(ceil(1 / 1.00), 5 - floor(5 / 2))
  });
});

describe('validateManagedScaling (API_ManagedScaling ranges)', () => {
  it('rejects out-of-range values', () => {
    const p = validateManagedScaling({ name: 'x', targetCapacity: 0, minimumScalingStepSize: 5, maximumScalingStepSize: 2, minSize: 0, maxSize: 1 });
    expect(p.join('\n')).toMatch(/targetCapacity must be an integer from 1 to 100, found 0/);
    expect(p.join('\n')).toMatch(/minimumScalingStepSize \(5\) must not exceed maximumScalingStepSize \(2\)/);
    expect(() => policy({ targetCapacity: 101 })).toThrow(/targetCapacity/);
  });
});
