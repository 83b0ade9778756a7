import { describe, it, expect } from 'vitest';
import {
  capacityProviderReservation,
  packProvisioningTasks,
  registeredResources,
  lookupInstanceType,
} from '../../src/model/capacity/index.js';

// m5.large registers 2048 CPU units and floor(8192 x 0.98 = 8028.16) = 8028 MiB, 2 awsvpc ENIs.
const m5large = registeredResources(lookupInstanceType('m5.large'));
const busy = { hasNonDaemonTasks: true };
const daemonOnly = { hasNonDaemonTasks: false };
const task = (cpu: number, memory: number, enis = 0) => ({ cpu, memory, enis });

describe('CapacityProviderReservation = M / N x 100 (§6)', () => {
  it('N = 0 and M > 0 gives 200', () => {
    const r = capacityProviderReservation([], [task(512, 1024)], { largest: m5large });
    expect(r).toEqual({ m: 1, n: 0, reservation: 200, incompatibleTasks: 0, waitingInstances: 1, boundedInstances: 1 });
  });

  it('carries the waiting tasks\' instances before and after the step sizes bound them (for the messages)', () => {
    // 1 task of 512 CPU units: X = 1, raised to minimumScalingStepSize 3; N = 0, M = 3
    const up = capacityProviderReservation([], [task(512, 1024)], { largest: m5large, minimumScalingStepSize: 3 });
    expect([up.m, up.waitingInstances, up.boundedInstances]).toEqual([3, 1, 3]);
    // 10 tasks of 1024 CPU units, 2 per m5.large (2048 units): X = 5, capped at maximumScalingStepSize 1; M = 2 busy + 1
    const tasks = Array.from({ length: 10 }, () => task(1024, 1024));
    const down = capacityProviderReservation([busy, busy], tasks, { largest: m5large, maximumScalingStepSize: 1 });
    expect([down.m, down.waitingInstances, down.boundedInstances]).toEqual([3, 5, 1]);
  });

  it('N = 0 and M = 0 gives 100', () => {
    expect(capacityProviderReservation([], [], { largest: m5large }).reservation).toBe(100);
  });

  it('an instance running only daemon tasks counts as empty: 2 busy + 1 daemon-only -> 2 / 3 = 66.7', () => {
    const r = capacityProviderReservation([busy, busy, daemonOnly], [], { largest: m5large });
    expect(r.m).toBe(2);
    expect(r.n).toBe(3);
    expect(r.reservation).toBeCloseTo(66.667, 3);
  });

  it('terminating instances are not in N; DRAINING ones still are', () => {
    const r = capacityProviderReservation([busy, { hasNonDaemonTasks: false, terminating: true }], [], { largest: m5large });
    expect([r.m, r.n, r.reservation]).toEqual([1, 1, 100]);
  });

  it('PROVISIONING tasks the group can run: M = N + the instances they pack onto: N 4 + 10 x (512, 1024) at 4 per m5.large -> M = 4 + 3', () => {
    // 2048 / 512 = 4 by CPU, 8028 / 1024 = 7 by memory -> 4 per instance, ceil(10 / 4) = 3.
    // The daemon-only instance counts in M too: the waiting tasks found no room there.
    const tasks = Array.from({ length: 10 }, () => task(512, 1024));
    const r = capacityProviderReservation([busy, busy, busy, daemonOnly], tasks, { largest: m5large });
    expect([r.m, r.n, r.reservation]).toEqual([7, 4, 175]);
  });

  it('an empty instance that cannot take the waiting tasks (memberOf, architecture) still drives M above N: 1 empty + 2 x (1024, 1024) -> M = 1 + 1 = 2, 200 %', () => {
    // 2 per m5.large by CPU: 1 instance for them. busy + packed would read 0 + 1 = 1 = N: 100 %,
    // and at targetCapacity 100 the group never scaled out
    const r = capacityProviderReservation([daemonOnly], [task(1024, 1024), task(1024, 1024)], { largest: m5large });
    expect([r.m, r.n, r.reservation]).toEqual([2, 1, 200]);
  });

  describe('targetCapacity below 100: the spare instances the target keeps are not counted as needed (model)', () => {
    // M = max(busy + X, ceil(N x t / 100) + X) when X > 0
    it('4 instances, 2 busy, t 50, 1 task (1024, 1024) no instance takes: X = 1, M = max(2 + 1, ceil(4 x 0.5) + 1) = 3, 75 %', () => {
      const r = capacityProviderReservation([busy, busy, daemonOnly, daemonOnly], [task(1024, 1024)], { largest: m5large, targetCapacity: 50 });
      expect([r.m, r.n, r.reservation]).toEqual([3, 4, 75]);
    });

    it('busy above the target share wins: 4 instances, 3 busy, t 50, X = 1 -> M = max(3 + 1, 2 + 1) = 4, 100 %', () => {
      const r = capacityProviderReservation([busy, busy, busy, daemonOnly], [task(1024, 1024)], { largest: m5large, targetCapacity: 50 });
      expect([r.m, r.n, r.reservation]).toEqual([4, 4, 100]);
    });

    it('the share is rounded up: 3 instances, none busy, t 70, X = 1 -> M = ceil(2.1) + 1 = 4', () => {
      const r = capacityProviderReservation([daemonOnly, daemonOnly, daemonOnly], [task(1024, 1024)], { largest: m5large, targetCapacity: 70 });
      expect([r.m, r.n]).toEqual([4, 3]);
    });

    it('at t 100 it is N + X (the empty instance still counts): 1 empty + X = 1 -> M = 2 whether t is given or not', () => {
      const tasks = [task(1024, 1024), task(1024, 1024)];
      expect(capacityProviderReservation([daemonOnly], tasks, { largest: m5large, targetCapacity: 100 }).m).toBe(2);
      expect(capacityProviderReservation([daemonOnly], tasks, { largest: m5large }).m).toBe(2);
    });

    it('no waiting task: M = busy whatever the target', () => {
      expect(capacityProviderReservation([busy, daemonOnly, daemonOnly, daemonOnly], [], { largest: m5large, targetCapacity: 50 }).m).toBe(1);
    });
  });

  describe('the scaling step sizes bound X in M (AWS scale-out step 4)', () => {
    // X' = X < minStep ? minStep : min(maxStep, X); M built from X'
    it('N = 2 busy, 6 x (1024, 1024) pack 2 to an m5.large: X = 3, maximumScalingStepSize 1 -> M = 2 + 1 = 3, 150 %', () => {
      const r = capacityProviderReservation([busy, busy], Array.from({ length: 6 }, () => task(1024, 1024)), {
        largest: m5large,
        maximumScalingStepSize: 1,
      });
      expect([r.m, r.n, r.reservation]).toEqual([3, 2, 150]);
    });

    it('N = 2 busy, 1 waiting task: X = 1, minimumScalingStepSize 3 -> M = 2 + 3 = 5, 250 %', () => {
      const r = capacityProviderReservation([busy, busy], [task(1024, 1024)], { largest: m5large, minimumScalingStepSize: 3 });
      expect([r.m, r.n, r.reservation]).toEqual([5, 2, 250]);
    });

    it('X between the step sizes is kept: X = 3, steps 2-4 -> M = 2 + 3 = 5', () => {
      const tasks = Array.from({ length: 6 }, () => task(1024, 1024));
      expect(capacityProviderReservation([busy, busy], tasks, { largest: m5large, minimumScalingStepSize: 2, maximumScalingStepSize: 4 }).m).toBe(5);
    });

    it('no waiting task: the minimum step adds nothing (M = busy)', () => {
      expect(capacityProviderReservation([busy, daemonOnly], [], { largest: m5large, minimumScalingStepSize: 3 }).m).toBe(1);
    });

    it('N = 0: M = X bounded, the reservation 200 whatever the steps', () => {
      const tasks = Array.from({ length: 6 }, () => task(1024, 1024));
      expect(capacityProviderReservation([], tasks, { largest: m5large, maximumScalingStepSize: 1 })).toMatchObject({ m: 1, reservation: 200 });
      expect(capacityProviderReservation([], [task(1024, 1024)], { largest: m5large, minimumScalingStepSize: 3 })).toMatchObject({ m: 3, reservation: 200 });
    });

    it('below targetCapacity 100 the bounded X adds to the target share: N 4, 2 busy, t 50, X = 1, minStep 3 -> M = max(2, 2) + 3 = 5', () => {
      const r = capacityProviderReservation([busy, busy, daemonOnly, daemonOnly], [task(1024, 1024)], {
        largest: m5large,
        targetCapacity: 50,
        minimumScalingStepSize: 3,
      });
      expect([r.m, r.n, r.reservation]).toEqual([5, 4, 125]);
    });
  });

  it('no waiting task the group can run (none, or all too large): M = the busy instances', () => {
    const small = registeredResources(lookupInstanceType('c5.large'));
    const r = capacityProviderReservation([busy, daemonOnly, daemonOnly], [task(1024, 6000)], { largest: m5large, smallest: small });
    expect([r.m, r.n, r.incompatibleTasks]).toEqual([1, 3, 1]);
    expect(capacityProviderReservation([busy, daemonOnly], [], { largest: m5large }).m).toBe(1);
  });

  it('tasks that fit no instance of the smallest type are left out (AWS: not compatible)', () => {
    const small = registeredResources(lookupInstanceType('c5.large')); // 2048 units, floor(4096 x 0.98 = 4014.08) = 4014 MiB
    const r = capacityProviderReservation([], [task(1024, 6000), task(1024, 1024)], { largest: m5large, smallest: small });
    expect([r.m, r.incompatibleTasks]).toEqual([1, 1]);
  });
});

describe('first-fit decreasing packing of PROVISIONING tasks', () => {
  it('packs by the scarcer resource: 2 x (1024, 6000) + 4 x (512, 512) fit 2 m5.large', () => {
    // big tasks take 6000 of 8028 MiB each (one per instance), the small ones fill the CPU left:
    // instance 1: 1024 + 512 + 512 = 2048 units; instance 2 the same.
    const tasks = [task(512, 512), task(1024, 6000), task(512, 512), task(512, 512), task(1024, 6000), task(512, 512)];
    expect(packProvisioningTasks(tasks, m5large)).toEqual({ instances: 2, incompatible: 0 });
  });

  it('awsvpc tasks are limited by ENIs: 2 per m5.large (3 ENIs - primary)', () => {
    const tasks = Array.from({ length: 5 }, () => task(256, 512, 1));
    expect(packProvisioningTasks(tasks, m5large).instances).toBe(3); // ceil(5 / 2)
  });

  it('tasks of different sizes share instances (model: AWS groups them by exact requirements and does not say how the groups combine): 2 x 1536 + 2 x 512 units -> 2 m5.large, not 2 + 1', () => {
    // 1536 + 512 = 2048 units on each; packing each group alone would give 2 (1536) + 1 (2 x 512)
    expect(packProvisioningTasks([task(512, 512), task(1536, 512), task(512, 512), task(1536, 512)], m5large).instances).toBe(2);
  });

  it('a task bigger than the instance is incompatible', () => {
    expect(packProvisioningTasks([task(4096, 1024)], m5large)).toEqual({ instances: 0, incompatible: 1 });
  });
});
