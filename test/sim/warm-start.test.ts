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
    // with a load balancer: in rotation (without one, 'healthy' only: see the Spot notice test below)
    expect(r.events.find((e) => e.type === 'task-running' && e.subject === 'web-1')!.message).toBe('web-1 RUNNING at time 0 (warmStart), healthy and in rotation');
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
    // (no warning that the warm variant's fixed fleet never uses launchDelay: the cold base does)
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
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const md = readFileSync(join(out, 'comparison.md'), 'utf8');
    expect(md).toContain('The points with `warmStart` true start warm (tasks RUNNING and in rotation at time 0), the others cold');
  });

  it('a warm base with a fixed fleet: its launchDelay is warned of (no run of the file uses it)', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'warm-base', { ...http(true), variants: { a: {}, b: { services: { web: { desiredCount: 1 } } } } });
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('cluster.capacityProviders.ec2.autoScalingGroup.launchDelay: has no effect on the run: under warmStart');
  });

  it('a value that is not a boolean is refused at its key', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'warm-bad', { ...http(), warmStart: 'yes' });
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^[^\n]*:\d+: warmStart: expected true or false, found "yes"\n$/);
  });
});

// Two Spot m5.large priced at $0.10 an hour on demand, Spot discount 0.5: $0.05 an hour each
// (1 s = $0.05 / 3600). A service of 2 tasks without a load balancer (startup 10 s + 2 s,
// shutdown 1 s, minimumHealthyPercent 100, the default), Spot instance draining on. Spot
// interruptions a mean of ten years apart (none in the run, seed 1): the test gives i-2 its
// notice at 20 s (terminated 2 min later).
function spotFleet(warmStart: boolean) {
  return {
    name: 'warm-spot-notice',
    start: '2026-03-02T00:00:00Z',
    duration: '10m',
    warmStart,
    pricing: { ec2: { 'm5.large': 0.1 }, ec2SpotDiscount: 0.5 },
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: {
        ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], purchaseOption: 'spot', minSize: 2, maxSize: 2, desiredCapacity: 2, launchDelay: '60s', spotInterruptions: { meanTimeBetween: '3650d' }, spotInstanceDraining: true } },
      },
    },
    taskDefinitions: {
      w: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { app: { cpu: 256, memory: 512 } }, startup: { imagePull: '10s', containerStart: '2s' } },
    },
    services: { w: { taskDefinition: 'w', desiredCount: 2, launchType: 'EC2' } },
  };
}

/** Runs `raw` with an EC2 Spot interruption notice given to instance k at `atMs`. */
function runWithNotice(raw: unknown, k: number, atMs: number) {
  const s = loadScenarioObject('test', raw, { baseDir: '.' });
  const events: { time: number; type: string; subject: string; message: string }[] = [];
  const capacity: { time: number; costToDate: number }[] = [];
  const sim = new Simulation(s, { event: (e) => events.push(e as any), task: () => {}, timeseries: () => {}, capacity: (c) => capacity.push(c as any) }, 1);
  sim.begin();
  sim.runChunk(atMs);
  const inst = sim.cluster.byId.get(id(k))!;
  sim.cluster.groups.get('ec2')!.spotNotice(inst);
  for (const t of sim.chunkEnds()) if (t > atMs) sim.runChunk(t);
  sim.end();
  return { events, capacity, summary: sim.result().summary };
}

describe('warmStart: warm tasks without a load balancer count as healthy from 0', () => {
  it('a Spot notice at 20 s: the warm task on the draining instance stops only once its replacement counts as healthy (40 s after RUNNING)', () => {
    const r = runWithNotice(spotFleet(true), 2, 20_000);
    const of = (task: string) => r.events.filter((e) => e.subject === task).map((e) => [e.time, e.type]);
    // w-2 on i-2 counts as healthy (warm), so minimumHealthyPercent 100 (2 healthy tasks)
    // holds it; its replacement w-3 is placed on i-1 at 20 s, RUNNING at 20 + 12 = 32 s,
    // healthy at 32 + 40 = 72 s: w-2 is stopped then (SIGTERM), STOPPED 1 s later
    // (later: i-2 terminates at 140 s, i-3 replaces it in us-east-1b, registered at 200 s;
    // AZ rebalancing, looking every 60 s, finds the service steady and unbalanced at 240 s:
    // w-4 on i-3, RUNNING at 252 s, healthy at 292 s, when w-3 stops, STOPPED at 293 s)
    expect(of('w-3')).toEqual([
      [20_000, 'task-placed'],
      [32_000, 'task-running'],
      [293_000, 'task-stopped'],
    ]);
    expect(of('w-2')).toEqual([
      [0, 'task-placed'],
      [0, 'task-running'],
      [73_000, 'task-stopped'],
    ]);
    // the message says "healthy", not "in rotation": there is no target group
    expect(r.events.find((e) => e.type === 'task-running' && e.subject === 'w-1')!.message).toBe('w-1 RUNNING at time 0 (warmStart), healthy');
  });
});

describe('warmStart: a warm instance or Fargate task has been running (no first-minute minimum, no first-hour Spot waiver)', () => {
  it('a warm Spot instance interrupted by EC2 30 s after time 0 is charged, and is in cost_to_date from 0', () => {
    const r = runWithNotice(spotFleet(true), 2, 20_000);
    const term = r.events.find((e) => e.type === 'instance-terminated' && e.subject === id(2))!;
    expect(term.time).toBe(140_000);
    expect(term.message).toBe('m5.large in us-east-1b terminated: EC2 Spot interruption (ran 0.04 h from time 0, running before it (warmStart))');
    // i-1 0-600 s, i-2 0-140 s (charged), i-3 launched at 140 s, 460 s: 1200 s x $0.05 / 3600
    expect(r.summary.cost.total).toBe(0.016667);
    // the first period's cost_to_date: 2 instances x 60 s x $0.05 / 3600, not held out for a first hour
    expect(r.capacity[0].costToDate).toBeCloseTo((2 * 60 * 0.05) / 3600, 9);
  });

  it('cold, the same notice at 20 s: i-2 launched at 0 is interrupted in its first hour, not charged', () => {
    const r = runWithNotice(spotFleet(false), 2, 20_000);
    const term = r.events.find((e) => e.type === 'instance-terminated' && e.subject === id(2))!;
    expect(term.message).toContain('not charged: interrupted by EC2 in its first hour');
    // i-1 600 s, i-3 460 s: 1060 s x $0.05 / 3600
    expect(r.summary.cost.total).toBe(0.014722);
  });

  it('cold, the notice at 20 s reaches i-2 while it launches: it registers at 60 s (launchDelay), is drained then, and terminates at 140 s', () => {
    const r = runWithNotice(spotFleet(false), 2, 20_000);
    expect(r.events.filter((e) => e.subject === id(2)).map((e) => [e.time, e.type])).toEqual([
      [0, 'instance-launched'],
      [20_000, 'spot-interruption'],
      [60_000, 'instance-registered'],
      [60_000, 'instance-draining'],
      [140_000, 'instance-terminated'],
    ]);
    expect(r.events.find((e) => e.type === 'instance-terminated' && e.subject === id(2))!.message).toBe('m5.large in us-east-1b terminated: EC2 Spot interruption (ran 0.04 h, registered 60 s after launch; not charged: interrupted by EC2 in its first hour)');
  });

  it('a notice at 9 min whose termination falls after the end of the run: the warm instance is charged to the end (no waiver at the end)', () => {
    // i-1 and i-2 0-600 s: 1200 s x $0.05 / 3600; cold, i-2 (launched at 0) would be waived
    expect(runWithNotice(spotFleet(true), 2, 540_000).summary.cost.total).toBe(0.016667);
  });

  it('a 30 s run: warm instances are billed 30 s each (no 60 s minimum), cold ones 60 s', () => {
    const short = (warmStart: boolean) => ({ ...http(warmStart), duration: '30s', metrics: { period: '10s' }, pricing: { ec2: { 'm5.large': 0.12 } } });
    // 2 x 30 s x $0.12 / 3600 = $0.002; cold, 2 x 60 s = $0.004
    expect(runKeepingRows(short(true), { seed: 1 }).summary.cost.total).toBe(0.002);
    expect(runKeepingRows(short(false), { seed: 1 }).summary.cost.total).toBe(0.004);
  });

  it('a 30 s run: a warm Fargate task is billed 30 s (no 1-minute minimum)', () => {
    // 0.25 vCPU x $0.4 + 0.5 GB x $0.04 = $0.12 an hour; 30 s = $0.001 (with the minimum it would be $0.002)
    const r = runKeepingRows({ ...fargate(true), duration: '30s', metrics: { period: '10s' }, pricing: { fargate: { vcpuHour: 0.4, gbHour: 0.04 } } }, { seed: 1 });
    expect(r.summary.cost.total).toBe(0.001);
    expect(r.events.find((e) => e.type === 'task-placed')!.message).toBe('f-1 on FARGATE in us-east-1a (warmStart: RUNNING)');
  });
});
