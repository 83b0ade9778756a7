// Common random numbers: a change to one part of a scenario (another group's size, one
// startup quantity's distribution, another service's load) must not move the random draws
// of the parts it does not touch, so that two variants compared with the same seed see the
// same interruptions, delays and load. Each test runs a pair of scenarios that differ in
// one place and checks that the draws elsewhere are identical.

import { describe, expect, it, vi } from 'vitest';
import { ServiceRuntime } from '../../src/sim/services.js';
import type { Task } from '../../src/model/task.js';
import { runKeepingRows } from '../helpers.js';

const START = '2026-03-02T09:00:00Z';

/** Two EC2 groups: `od` (on-demand) and `sp` (Spot, interrupted every 40 min on average). */
function ec2Spot(odDesired: number) {
  return {
    name: 'ec2spot',
    seed: 4,
    start: START,
    duration: '3h',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: {
        od: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 4, desiredCapacity: odDesired, launchDelay: '60s' } },
        sp: {
          autoScalingGroup: {
            instanceTypes: ['m5.large'],
            minSize: 3,
            maxSize: 3,
            desiredCapacity: 3,
            launchDelay: '60s',
            purchaseOption: 'spot',
            spotInterruptions: { meanTimeBetween: '40m' },
          },
        },
      },
    },
    taskDefinitions: {
      t: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { app: { cpu: 256, memory: 512 } }, startup: { imagePull: '10s', containerStart: '3s' } },
    },
    services: {
      a: { taskDefinition: 't', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'od', weight: 1 }] },
      b: { taskDefinition: 't', desiredCount: 3, capacityProviderStrategy: [{ capacityProvider: 'sp', weight: 1 }] },
    },
  };
}

/** One Fargate service: provisioning 30 s, image pull lognormal, containerStart as given. */
function fargateStartup(containerStart: unknown) {
  return {
    name: 'startup',
    seed: 2,
    start: START,
    duration: '10m',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'], capacityProviders: { FARGATE: { provisioningDelay: '30s' } } },
    taskDefinitions: {
      t: {
        cpu: 256,
        memory: 512,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        containerDefinitions: { app: { cpu: 256, memory: 512 } },
        startup: { imagePull: { distribution: 'lognormal', median: '12s', p95: '30s' }, containerStart },
      },
    },
    services: { s: { taskDefinition: 't', desiredCount: 8, launchType: 'FARGATE' } },
  };
}

const fargateTaskDefinition = {
  cpu: 256,
  memory: 512,
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  containerDefinitions: { app: { cpu: 256, memory: 512 } },
  startup: { imagePull: { distribution: 'lognormal', median: '12s', p95: '30s' }, containerStart: '3s' },
};

describe('common random numbers', () => {
  it("EC2 Spot: another group's desiredCapacity does not move this group's interruptions (drawn per group and launch ordinal)", () => {
    const spotInterruptions = (odDesired: number) => {
      const r = runKeepingRows(ec2Spot(odDesired), { seed: 4 });
      const spotIds = new Set(r.events.filter((e) => e.type === 'instance-launched' && e.message.startsWith('sp ')).map((e) => e.subject));
      return r.events.filter((e) => e.type === 'spot-interruption' && spotIds.has(e.subject)).map((e) => e.time);
    };
    const one = spotInterruptions(1);
    const three = spotInterruptions(3);
    expect(one.length).toBeGreaterThan(1);
    expect(three).toEqual(one);
  });

  it("task startup: changing containerStart's distribution leaves every image pull as it was (one stream per quantity)", () => {
    // created -> RUNNING = provisioning (30 s) + imagePull + containerStart; containerStart
    // 3 s fixed (no draw) against uniform on [2999 ms, 3001 ms] (one draw per task)
    const imagePulls = (containerStart: unknown) =>
      runKeepingRows(fargateStartup(containerStart), { seed: 2 })
        .tasks.slice()
        .sort((x, y) => x.taskId.localeCompare(y.taskId))
        .map((t) => t.running! - t.created - 30_000 - 3000);
    const fixed = imagePulls('3s');
    const almost = imagePulls({ distribution: 'uniform', min: '2999ms', max: '3001ms' });
    expect(fixed.length).toBe(8);
    expect(new Set(fixed.map(Math.round)).size).toBeGreaterThan(4); // the pulls are random
    expect(almost.length).toBe(fixed.length);
    for (let k = 0; k < fixed.length; k++) expect(Math.abs(almost[k] - fixed[k])).toBeLessThanOrEqual(1.5);
  });

  it("Fargate: FARGATE_SPOT's provisioningDelay, and FARGATE's base, move neither the other provider's provisioning nor the Spot interruptions", () => {
    const run = (spotProvisioning: unknown, fargateBase: number) =>
      runKeepingRows(
        {
          name: 'providers',
          seed: 5,
          start: START,
          duration: '1h',
          cluster: {
            availabilityZones: ['us-east-1a', 'us-east-1b'],
            capacityProviders: {
              FARGATE: { provisioningDelay: { distribution: 'uniform', min: '20s', max: '60s' } },
              FARGATE_SPOT: { provisioningDelay: spotProvisioning, interruptions: { meanTimeBetween: '10m' } },
            },
          },
          taskDefinitions: { t: { ...fargateTaskDefinition, startup: { imagePull: '10s', containerStart: '3s' } } },
          services: {
            s: {
              taskDefinition: 't',
              desiredCount: 6,
              capacityProviderStrategy: [
                { capacityProvider: 'FARGATE', base: fargateBase, weight: 1 },
                { capacityProvider: 'FARGATE_SPOT', weight: 1 },
              ],
            },
          },
        },
        { seed: 5 },
      );
    // created -> RUNNING less the fixed 13 s startup: the provisioning delay, per provider in start order
    const provisioning = (r: ReturnType<typeof run>, provider: string) =>
      r.tasks
        .filter((t) => t.capacityProvider === provider && t.running !== null)
        .sort((x, y) => x.created - y.created || Number(x.taskId.split('-')[1]) - Number(y.taskId.split('-')[1]))
        .map((t) => t.running! - t.created - 13_000);
    // RUNNING -> interruption notice of each Spot task, in start order
    const spotLifetimes = (r: ReturnType<typeof run>) => {
      const notice = new Map(r.events.filter((e) => e.type === 'spot-interruption').map((e) => [e.subject, e.time]));
      return r.tasks
        .filter((t) => t.capacityProvider === 'FARGATE_SPOT' && t.running !== null && notice.has(t.taskId))
        .sort((x, y) => x.created - y.created || Number(x.taskId.split('-')[1]) - Number(y.taskId.split('-')[1]))
        .map((t) => notice.get(t.taskId)! - t.running!);
    };
    const a = run('30s', 1);
    const b = run({ distribution: 'uniform', min: '29999ms', max: '30001ms' }, 1);
    expect(provisioning(a, 'FARGATE').length).toBeGreaterThan(2);
    expect(provisioning(b, 'FARGATE')).toEqual(provisioning(a, 'FARGATE'));
    // two more tasks on FARGATE first: the Spot tasks are numbered differently by the
    // service, but the k-th Spot task still draws the k-th Spot interruption
    const c = run('30s', 3);
    const first = spotLifetimes(a);
    const shifted = spotLifetimes(c);
    expect(first.length).toBeGreaterThan(2);
    const n = Math.min(first.length, shifted.length, 3);
    expect(shifted.slice(0, n)).toEqual(first.slice(0, n));
  });

  it("stream names cannot collide across purposes: another service's load, whatever the services are called, leaves a service's draws alone", () => {
    // Without a purpose in the workload's stream names, service `fargate-az`'s service
    // times would share a stream with the AZ choices of service `serviceTime` (and before
    // that, `task-startup`'s with `service`'s startups).
    const run = (rps: number) =>
      runKeepingRows(
        {
          name: 'collide',
          seed: 2,
          start: START,
          duration: '30m',
          cluster: {
            availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
            capacityProviders: { FARGATE: { provisioningDelay: '30s' }, FARGATE_SPOT: { interruptions: { meanTimeBetween: '5m' } } },
          },
          taskDefinitions: { t: fargateTaskDefinition },
          services: Object.fromEntries(
            ['fargate-az', 'task-startup'].map((name): [string, unknown] => [
              name,
              {
                taskDefinition: 't',
                desiredCount: 2,
                launchType: 'FARGATE',
                fidelity: 'request',
                loadBalancer: { routing: 'random' },
                workload: { type: 'http', requestRate: { constant: rps }, perTask: { capacityRps: 100, concurrency: 8, serviceTime: { distribution: 'exponential', mean: '40ms' } } },
              },
            ]).concat(
              ['serviceTime', 'service', 'arrivals', 'routing'].map((name): [string, unknown] => [
                name,
                { taskDefinition: 't', desiredCount: 4, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] },
              ]),
            ),
          ),
        },
        { seed: 2 },
      );
    const others = (r: ReturnType<typeof run>) => r.tasks.filter((t) => !['fargate-az', 'task-startup'].includes(t.service));
    const at50 = others(run(50));
    const at60 = others(run(60));
    expect(at50.length).toBeGreaterThan(16); // replacements after interruptions
    expect(at60).toEqual(at50);
  });

  it('per-task startup and shutdown draws go by task number: provisioning delays that reorder PENDING, RUNNING and STOPPING give each task number the same image pull + container start, application start and shutdown', () => {
    // FARGATE_SPOT tasks, interrupted every 10 min on average and replaced; the variants
    // differ only in the provisioning delay (fixed 30 s, or uniform on [5 s, 60 s]), so
    // tasks go PENDING, RUNNING and (interrupted at other times) STOPPING in other orders
    const run = (provisioningDelay: unknown) => {
      const perTask = new Map<string, { pull: number; app: number; stopping?: number }>();
      const proto = ServiceRuntime.prototype;
      const toRunning = proto.toRunning;
      const beginStopping = proto.beginStopping;
      const spyRunning = vi.spyOn(proto, 'toRunning').mockImplementation(function (this: ServiceRuntime, task: Task) {
        toRunning.call(this, task);
        perTask.set(task.id, { pull: task.runningAt! - task.pendingAt!, app: task.applicationStartsAt - task.runningAt! });
      });
      const spyStopping = vi.spyOn(proto, 'beginStopping').mockImplementation(function (this: ServiceRuntime, task: Task, deadline?: number) {
        const entry = perTask.get(task.id);
        if (entry) entry.stopping = (this as unknown as { world: { now: number } }).world.now;
        beginStopping.call(this, task, deadline);
      });
      try {
        const r = runKeepingRows(
          {
            name: 'per-task',
            seed: 3,
            start: START,
            duration: '1h',
            cluster: {
              availabilityZones: ['us-east-1a', 'us-east-1b'],
              capacityProviders: { FARGATE_SPOT: { provisioningDelay, interruptions: { meanTimeBetween: '10m' } } },
            },
            taskDefinitions: {
              t: {
                ...fargateTaskDefinition,
                startup: {
                  imagePull: { distribution: 'lognormal', median: '12s', p95: '30s' },
                  containerStart: { distribution: 'uniform', min: '1s', max: '5s' },
                  applicationStart: { distribution: 'exponential', mean: '20s' },
                },
                shutdown: { distribution: 'uniform', min: '1s', max: '20s' },
              },
            },
            services: { s: { taskDefinition: 't', desiredCount: 6, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] } },
          },
          { seed: 3 },
        );
        const shutdown = new Map<string, number>();
        for (const t of r.tasks) {
          const stopping = perTask.get(t.taskId)?.stopping;
          if (stopping !== undefined && t.stopped !== null) shutdown.set(t.taskId, t.stopped - stopping);
        }
        return { perTask, shutdown, order: [...perTask.keys()] };
      } finally {
        spyRunning.mockRestore();
        spyStopping.mockRestore();
      }
    };
    const fixed = run('30s');
    const random = run({ distribution: 'uniform', min: '5s', max: '60s' });
    // the variants reach RUNNING in other orders, with interruptions and replacements
    expect(random.order.slice(0, 6)).not.toEqual(fixed.order.slice(0, 6));
    expect(fixed.shutdown.size).toBeGreaterThan(3);
    let common = 0;
    for (const [id, a] of fixed.perTask) {
      const b = random.perTask.get(id);
      if (!b) continue;
      common++;
      expect({ id, pull: b.pull, app: b.app }).toEqual({ id, pull: a.pull, app: a.app });
    }
    expect(common).toBeGreaterThanOrEqual(6);
    let commonStops = 0;
    for (const [id, d] of fixed.shutdown) {
      if (!random.shutdown.has(id)) continue;
      commonStops++;
      expect({ id, shutdown: random.shutdown.get(id) }).toEqual({ id, shutdown: d });
    }
    expect(commonStops).toBeGreaterThan(2);
  });
});
