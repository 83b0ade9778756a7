// warmStart: true starts the run from a cluster that has been running (docs/assumptions.md,
// "Start of the run"): the groups' initial instances registered at time 0, the services'
// initial tasks RUNNING, healthy and in rotation at 0; tasks that do not fit wait as in a
// cold run. Every expectation below is worked out by hand from the scenario.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, expectSameRun, runKeepingRows, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { Simulation } from '../../src/sim/simulation.js';

const id = (k: number) => `i-${String(k).padStart(17, '0')}`;

// Two m5.large (2048 CPU units each, $0.096 an hour), launchDelay 60 s; one http service of 2
// tasks (256 CPU units, startup 10 s + 2 s) behind a load balancer (health check every 5 s,
// 2 passing checks to be healthy), 100 requests a second, 100 a second per task: the two
// tasks serve all of it once in rotation. 10 minutes, metric period 60 s.
function http(warmStart?: boolean) {
  return {
    name: 'warm-http',
    start: '2026-03-02T00:00:00Z',
    duration: '10m',
    ...(warmStart === undefined ? {} : { warmStart }),
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 2, maxSize: 2, desiredCapacity: 2, launchDelay: '60s' } } },
    },
    taskDefinitions: {
      web: {
        cpu: 256,
        memory: 512,
        networkMode: 'bridge',
        containerDefinitions: { app: { cpu: 256, memory: 512, portMappings: [{ containerPort: 8080 }] } },
        startup: { imagePull: '10s', containerStart: '2s' },
      },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: 2,
        launchType: 'EC2',
        loadBalancer: { deregistrationDelay: '0s', healthCheck: { interval: '5s', healthyThreshold: 2 } },
        workload: { type: 'http', requestRate: 100, perTask: { capacityRps: 100, concurrency: 8, serviceTime: '40ms' }, slo: { errorRate: 1 } },
      },
    },
  };
}

describe('warmStart: an http service on a fixed fleet', () => {
  it('cold (the default): the first minute drops every request (no instance registers before 60 s)', () => {
    const r = runKeepingRows(http(), { seed: 1 });
    const first = r.timeseries[0];
    expect(first.runningCount).toBe(0);
    // 100 rps x 60 s, none served
    expect(first.requestsDropped).toBe(6000);
    expect(first.requestsServed).toBe(0);
    // the key written false is the default
    expectSameRun(runKeepingRows(http(false), { seed: 1 }), r);
  });

  it('warm: both tasks RUNNING and in rotation in the first row, no request dropped in the run, no SLO minute', () => {
    const r = runKeepingRows(http(true), { seed: 1 });
    const first = r.timeseries[0];
    expect(first.time).toBe(0);
    expect(first.desiredCount).toBe(2);
    expect(first.runningCount).toBe(2);
    expect(first.pendingCount).toBe(0);
    expect(first.requestsDropped).toBe(0);
    expect(first.requestsServed).toBe(6000);
    const web = r.summary.services.web as any;
    expect(web.requests).toEqual({ offered: 60_000, served: 60_000, dropped: 0 });
    expect(web.sloViolationMinutes).toBe(0);
    expect(web.tasksStarted).toBe(2);
    // 2 tasks x 10 min = 1/3 h; 2 instances x 10 min at $0.096 = $0.032
    expect(web.taskHours).toBe(0.3333);
    expect((r.summary.capacityProviders.ec2 as any).instanceHours).toBe(0.3333);
    expect(r.summary.cost.total).toBe(0.032);
  });

  it('warm: the instances are launched and registered at 0 and the tasks placed and RUNNING at 0 in the event log', () => {
    const r = runKeepingRows(http(true), { seed: 1 });
    const at0 = r.events.filter((e) => e.time === 0).map((e) => [e.type, e.subject]);
    expect(at0).toEqual([
      ['instance-launched', id(1)],
      ['instance-registered', id(1)],
      ['instance-launched', id(2)],
      ['instance-registered', id(2)],
      ['task-placed', 'web-1'],
      ['task-running', 'web-1'],
      ['task-placed', 'web-2'],
      ['task-running', 'web-2'],
    ]);
    // nothing else registers or starts later: no health check event, no other task
    expect(r.events.filter((e) => e.time > 0).map((e) => e.type)).toEqual([]);
    expect(r.tasks.map((t) => [t.taskId, t.created, t.running, t.availabilityZone])).toEqual([
      ['web-1', 0, 0, 'us-east-1a'],
      ['web-2', 0, 0, 'us-east-1b'],
    ]);
  });

  it('is deterministic: the same seed gives the same rows and summary', () => {
    expectSameRun(runKeepingRows(http(true), { seed: 7 }), runKeepingRows(http(true), { seed: 7 }));
  });
});

// One m5.large (2048 CPU units) and a service of 3 tasks of 1024 CPU units: two fit at time 0,
// the third waits in PROVISIONING. Managed scaling (target 100 %, instanceWarmupPeriod 300 s,
// the default) with publishDelay 0: the datapoint of [0, 60 s) is acted on at 60 s: M = N + 1
// = 2 (one waiting task fits one new m5.large), N = 1, 200 % > 100 %: desired ceil(2 x 100 /
// 100) = 2, a launch at 60 s, registered at 60 + 60 = 120 s; the task is placed then and
// RUNNING after its startup (10 s + 2 s) at 132 s. Warm, the initial instance is not warming
// up (it has been running); cold it launched at 0 and the scale out would wait for 300 s.
function tooMany(o: { warmStart: boolean; managed: boolean; launchDelay?: unknown }) {
  return {
    name: 'warm-too-many',
    start: '2026-03-02T00:00:00Z',
    duration: '10m',
    warmStart: o.warmStart,
    metrics: { period: '60s', publishDelay: '0s' },
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        ec2: {
          autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: o.managed ? 3 : 1, desiredCapacity: 1, launchDelay: o.launchDelay ?? '60s' },
          ...(o.managed ? { managedScaling: { status: 'ENABLED', targetCapacity: 100 } } : {}),
          managedTerminationProtection: o.managed ? 'ENABLED' : 'DISABLED',
        },
      },
    },
    taskDefinitions: {
      job: { cpu: 1024, memory: 1024, networkMode: 'bridge', containerDefinitions: { c: { memory: 1024 } }, startup: { imagePull: '10s', containerStart: '2s' } },
    },
    services: { job: { taskDefinition: 'job', desiredCount: 3, capacityProviderStrategy: [{ capacityProvider: 'ec2', weight: 1 }] } },
  };
}

describe('warmStart: initial tasks that do not fit the initial instances', () => {
  it('a fixed fleet: two RUNNING at 0, the third waits in PROVISIONING for the whole run', () => {
    const r = runKeepingRows(tooMany({ warmStart: true, managed: false }), { seed: 1 });
    expect(r.timeseries[0]).toMatchObject({ desiredCount: 3, runningCount: 2, pendingCount: 1 });
    expect(r.timeseries.at(-1)).toMatchObject({ runningCount: 2, pendingCount: 1 });
    expect(r.capacity[0]).toMatchObject({ instancesRunning: 1, tasksRunning: 2, tasksProvisioning: 1 });
    expect(r.tasks.map((t) => [t.taskId, t.running])).toEqual([
      ['job-1', 0],
      ['job-2', 0],
      ['job-3', null],
    ]);
    const unplaceable = r.events.filter((e) => e.type === 'task-unplaceable');
    expect(unplaceable.map((e) => e.time)).toEqual([0]);
  });

  it('managed scaling: the waiting task scales out at 60 s (no warm-up for the initial instance) and starts as a cold task, RUNNING at 132 s', () => {
    const r = runKeepingRows(tooMany({ warmStart: true, managed: true }), { seed: 1 });
    const launched = r.events.filter((e) => e.type === 'instance-launched').map((e) => [e.time, e.subject]);
    expect(launched).toEqual([
      [0, id(1)],
      [60_000, id(2)],
    ]);
    expect(r.events.find((e) => e.type === 'instance-registered' && e.subject === id(2))?.time).toBe(120_000);
    expect(r.tasks.map((t) => [t.taskId, t.instanceId, t.created, t.running])).toEqual([
      ['job-1', id(1), 0, 0],
      ['job-2', id(1), 0, 0],
      ['job-3', id(2), 0, 132_000],
    ]);
  });

  it('cold, the same scenario: the initial instance warms up for 300 s from its launch at 0, so no scale out before 300 s', () => {
    const r = runKeepingRows(tooMany({ warmStart: false, managed: true }), { seed: 1 });
    const second = r.events.find((e) => e.type === 'instance-launched' && e.subject === id(2));
    expect(second!.time).toBeGreaterThanOrEqual(300_000);
  });

  it("the initial instance's launch delay is drawn all the same: the scale out's instance draws the delay it draws cold (common random numbers)", () => {
    const launchDelay = { distribution: 'exponential', mean: '60s' };
    const delayOf = (r: ReturnType<typeof runKeepingRows>, k: number) => {
      const at = (type: string) => r.events.find((e) => e.type === type && e.subject === id(k))!.time;
      return at('instance-registered') - at('instance-launched');
    };
    const cold = runKeepingRows(tooMany({ warmStart: false, managed: true, launchDelay }), { seed: 3 });
    const warm = runKeepingRows(tooMany({ warmStart: true, managed: true, launchDelay }), { seed: 3 });
    expect(delayOf(warm, 1)).toBe(0);
    expect(delayOf(cold, 1)).toBeGreaterThan(0);
    // the group's second draw, in both runs (its launch time differs: 60 s warm, after the warm-up cold)
    expect(delayOf(warm, 2)).toBe(delayOf(cold, 2));
    expect(delayOf(warm, 2)).not.toBe(delayOf(cold, 1));
  });

  it('managed termination protection: the warm instance running service tasks is protected from scale in at time 0', () => {
    const s = loadScenarioObject('test', tooMany({ warmStart: true, managed: true }), { baseDir: '.' });
    const sim = new Simulation(s, { event: () => {}, task: () => {}, timeseries: () => {}, capacity: () => {} }, 1);
    sim.begin();
    sim.runChunk(0);
    const inst = sim.cluster.byId.get(id(1))!;
    expect([inst.lifecycle, inst.registeredAt, inst.serviceTaskCount, inst.protectedFromScaleIn]).toEqual(['ACTIVE', 0, 2, true]);
  });
});

// A Fargate service: RUNNING at 0 and billed from 0. Prices set: 0.25 vCPU x $0.04 + 0.5 GB x
// $0.004 = $0.012 an hour; 10 minutes = $0.002. Cold: PENDING (billed) from the 30 s
// provisioning delay: 9.5 minutes = $0.0019.
function fargate(warmStart: boolean) {
  return {
    name: 'warm-fargate',
    start: '2026-03-02T00:00:00Z',
    duration: '10m',
    warmStart,
    pricing: { fargate: { vcpuHour: 0.04, gbHour: 0.004 } },
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: { provisioningDelay: '30s' } } },
    taskDefinitions: { f: { cpu: 256, memory: 512, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], containerDefinitions: { c: { memory: 512 } }, startup: { imagePull: '10s', containerStart: '2s' } } },
    services: { f: { taskDefinition: 'f', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] } },
  };
}

describe('warmStart: Fargate', () => {
  it('the task is RUNNING at 0 and billed from 0', () => {
    const r = runKeepingRows(fargate(true), { seed: 1 });
    expect(r.tasks.map((t) => [t.taskId, t.created, t.running])).toEqual([['f-1', 0, 0]]);
    expect(r.timeseries[0]).toMatchObject({ runningCount: 1, pendingCount: 0 });
    expect(r.summary.cost.total).toBe(0.002);
  });

  it('cold: RUNNING after the provisioning delay and the startup (42 s), billed from PENDING at 30 s', () => {
    const r = runKeepingRows(fargate(false), { seed: 1 });
    expect(r.tasks.map((t) => [t.taskId, t.created, t.running])).toEqual([['f-1', 0, 42_000]]);
    expect(r.summary.cost.total).toBe(0.0019);
  });
});

describe('warmStart in compare and sweep (merge patches over the scenario)', () => {
  it('a variant may set it: comparison.md names the warm variant; the warm variant drops nothing in the first minute and the cold one does', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'warm-compare', { ...http(), variants: { cold: {}, warm: { warmStart: true } } });
    const out = join(dir, 'out');
    const r = await cli('compare', file, '--jobs', '1', '--quiet', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'comparison.md'), 'utf8');
    expect(md).toContain('The variant `warm` starts warm (`warmStart: true`');
    const first = (v: string) => readFileSync(join(out, 'runs', v, 'timeseries.csv'), 'utf8').split('\n')[1].split(',');
    const header = readFileSync(join(out, 'runs', 'cold', 'timeseries.csv'), 'utf8').split('\n')[0].split(',');
    const col = (v: string, name: string) => Number(first(v)[header.indexOf(name)]);
    expect([col('cold', 'running_count'), col('cold', 'requests_dropped')]).toEqual([0, 6000]);
    expect([col('warm', 'running_count'), col('warm', 'requests_dropped')]).toEqual([2, 0]);
  });

  it('a sweep may sweep it: comparison.md says the points with warmStart true start warm', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'warm-sweep', { ...http(), sweep: { warmStart: [false, true] } });
    const out = join(dir, 'out');
    const r = await cli('sweep', file, '--jobs', '1', '--quiet', '--no-runs', '--out', out);
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'comparison.md'), 'utf8');
    expect(md).toContain('The points with `warmStart` true start warm (tasks RUNNING and in rotation at time 0), the others cold');
  });

  it('a value that is not a boolean is refused at its key', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'warm-bad', { ...http(), warmStart: 'yes' });
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^[^\n]*:\d+: warmStart: expected true or false, found "yes"\n$/);
  });
});
