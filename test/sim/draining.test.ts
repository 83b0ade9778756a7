// Tasks on a DRAINING instance stop as minimumHealthyPercent allows, counting a task as
// healthy as the service scheduler does (APIReference/API_DeploymentConfiguration.html):
// with a load balancer once its target group health check reports it healthy, without one
// 40 s after it reaches RUNNING. Times worked out by hand from the scenario's fixed delays.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

/**
 * Two m5.large (registered at 60 s), two web tasks binpacked onto i-1 (PENDING 10 + 3 s).
 * Managed scaling needs one instance. Both launched at 0, so they are equally close to
 * their next billing hour and the default termination policy draws one at random
 * (ec2-auto-scaling-termination-policies.html): on seed 5 the group's first draw (0.16 of
 * the 2 tied, in launch order) takes i-1 (no termination protection), and managed draining
 * sets it DRAINING at some time T; the two replacements go to i-2 at T and are RUNNING at
 * T + 13 s.
 */
function drainScenario(service: Record<string, unknown>) {
  return {
    name: 'drain',
    duration: '40m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        asg: {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 4, desiredCapacity: 2, launchDelay: '60s' },
          managedScaling: { status: 'ENABLED', targetCapacity: 100 },
          managedTerminationProtection: 'DISABLED',
          managedDraining: 'ENABLED',
        },
      },
    },
    taskDefinitions: {
      web: { cpu: 512, memory: 1024, startup: { imagePull: '10s', containerStart: '3s' }, stopTimeout: '30s', shutdown: '1s' },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: 2,
        capacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
        placementStrategy: [{ type: 'binpack', field: 'memory' }],
        ...service,
      },
    },
  };
}

function drainRun(service: Record<string, unknown>) {
  const r = runKeepingRows(drainScenario(service), { seed: 5 });
  const drains = r.events.filter((e) => e.type === 'instance-draining');
  expect(drains.map((e) => e.subject)).toEqual(['i-00000000000000001']);
  const T = drains[0].time;
  const task = (id: string) => r.tasks.find((t) => t.taskId === id)!;
  // the replacements: placed at T, RUNNING 13 s later
  expect([task('web-3').created, task('web-3').running, task('web-4').running]).toEqual([T, T + 13_000, T + 13_000]);
  return { ...r, T, task };
}

describe('draining: a replacement counts toward minimumHealthyPercent once healthy', () => {
  it('with a load balancer: the old tasks leave rotation when the replacements pass their first health check (interval 30 s), not at RUNNING', () => {
    const r = drainRun({ loadBalancer: { deregistrationDelay: '60s' }, workload: { requestRate: { constant: 50 }, perTask: { capacityRps: 100, concurrency: 4 } } });
    const T = r.T;
    // healthy at T + 13 + 30 = T + 43 s: then each old task is stopped (minimumHealthyPercent
    // 100 keeps 2 healthy), DEACTIVATING 60 s, STOPPING, containers exit after 1 s
    for (const id of ['web-1', 'web-2']) {
      expect(r.task(id).stopReason).toBe('instance-drained');
      expect(r.task(id).stopped).toBe(T + 43_000 + 60_000 + 1_000);
    }
    // so two tasks are in rotation all the time: nothing is dropped from the drain on
    const after = r.timeseries.filter((x) => x.time >= T);
    expect(after.length).toBeGreaterThan(5);
    expect(after.map((x) => x.requestsDropped)).toEqual(after.map(() => 0));
  });

  it('without a load balancer: the old tasks stop 40 s after the replacements are RUNNING', () => {
    const r = drainRun({});
    // RUNNING at T + 13 s, counted at T + 53 s; SIGTERM then, containers exit after 1 s
    for (const id of ['web-1', 'web-2']) expect(r.task(id).stopped).toBe(r.T + 53_000 + 1_000);
  });

  it("running_count counts every RUNNING task, as ECS's runningCount: the old tasks still running on the draining instance too", () => {
    // health check every 120 s: the replacements are healthy at T + 13 + 120 s, so at the
    // end of the drain's period (T + 60 s) two old and two new tasks are RUNNING
    const r = drainRun({ loadBalancer: { deregistrationDelay: '0s', healthCheck: { interval: '120s' } } });
    const row = r.timeseries.find((x) => x.time === r.T)!;
    expect([row.desiredCount, row.runningCount]).toEqual([2, 4]);
    // from T + 133 s the old ones are stopping: the next period ends with the two new ones
    expect(r.timeseries.find((x) => x.time === r.T + 120_000)!.runningCount).toBe(2);
  });

  it('minimumHealthyPercent 50 (1 of 2 must stay healthy): one old task stops at the drain, the other when a replacement is healthy', () => {
    const r = drainRun({ deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 } });
    const stopped = [r.task('web-1').stopped, r.task('web-2').stopped].sort((a, b) => a! - b!);
    // ceil(2 x 50 %) = 1: at T two old tasks are healthy, one may go (STOPPED 1 s later);
    // the second waits for a replacement to count, at T + 13 + 40 s
    expect(stopped).toEqual([r.T + 1_000, r.T + 53_000 + 1_000]);
  });
});

describe('draining with a slow application: a replacement that is unhealthy or recovering does not count as healthy', () => {
  /** Both tasks' applications start 90 s after RUNNING (checks every 30 s; thresholds 2 and 5). */
  function slowDrainRun(grace: number) {
    const s = drainScenario({
      healthCheckGracePeriodSeconds: grace,
      loadBalancer: { deregistrationDelay: '60s' },
      workload: { requestRate: { constant: 50 }, perTask: { capacityRps: 100, concurrency: 4 } },
    });
    (s.taskDefinitions.web.startup as Record<string, string>).applicationStart = '90s';
    // seed 5, as drainRun: the termination policy's draw among the two tied instances takes i-1
    const r = runKeepingRows(s, { seed: 5 });
    const T = r.events.find((e) => e.type === 'instance-draining')!.time;
    return { ...r, T, task: (id: string) => r.tasks.find((t) => t.taskId === id)! };
  }

  it('grace 300 s: the replacements fail at 30 and 60 s (unhealthy, ignored) and are healthy at their fifth pass, 210 s after RUNNING; only then do the old tasks stop', () => {
    const r = slowDrainRun(300);
    expect([r.task('web-3').created, r.task('web-3').running]).toEqual([r.T, r.T + 13_000]);
    // healthy at T + 13 + 210 s; the old tasks (still in rotation) stop then: 60 s DEACTIVATING, exit 1 s later
    for (const id of ['web-1', 'web-2']) expect(r.task(id)).toMatchObject({ stopReason: 'instance-drained', stopped: r.T + 223_000 + 61_000 });
    expect(r.tasks.filter((t) => t.stopReason === 'failed-elb-health-checks')).toEqual([]);
    // the old tasks served all the while: nothing dropped from the drain on
    const after = r.timeseries.filter((x) => x.time >= r.T);
    expect(after.map((x) => x.requestsDropped)).toEqual(after.map(() => 0));
  });

  it('no grace period: the first tasks, marked unhealthy and replaced first, recover; at the drain they are held while their replacements fail and are stopped first (maximumPercent leaves no room)', () => {
    // ECS starts a replacement before stopping an unhealthy task (developerguide
    // ecs_services.html), so an unhealthy task keeps running and recovers 210 s after
    // RUNNING unless stopped first: the service comes up before the drain. At the drain its
    // two healthy tasks stay (minimumHealthyPercent 100) until replacements are healthy;
    // each replacement fails its checks at 30 and 60 s after RUNNING and is marked then, and
    // with 2 draining + 2 marked = 4 = maximumPercent 200 of 2 there is no room to start
    // another first: it stops and a new one starts. Never in rotation, nor failed open to (the
    // old tasks are healthy), its target has no connection and deregisters at once (no 60 s
    // DEACTIVATING, edit-target-group-attributes.html): STOPPED 1 s later. The
    // drain does not end within the run; the old tasks serve all the while.
    const r = slowDrainRun(0);
    expect(r.tasks.filter((t) => t.stopReason === 'instance-drained')).toEqual([]);
    const held = r.tasks.filter((t) => t.stopReason === 'simulation-end' && t.running !== null && t.running < r.T);
    expect(held).toHaveLength(2);
    const replacements = r.tasks.filter((t) => t.created >= r.T && t.stopped !== null);
    expect(replacements.length).toBeGreaterThan(10);
    for (const t of replacements) expect(t).toMatchObject({ stopReason: 'failed-elb-health-checks', stopped: t.running! + 60_000 + 1_000 });
    const firsts = r.events.filter((e) => e.time >= r.T && e.message.startsWith('the service stops'));
    expect(firsts.length).toBeGreaterThan(10);
    for (const e of firsts) expect(e.message).toMatch(/^the service stops web-\d+ first \(maximumPercent 200 leaves no room to start its replacement first\)/);
    const after = r.timeseries.filter((x) => x.time >= r.T);
    expect(after.map((x) => x.requestsDropped)).toEqual(after.map(() => 0));
  });
});
