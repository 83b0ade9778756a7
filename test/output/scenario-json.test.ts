// results/scenario.json is the scenario as the run used it: every default filled in,
// including those applied after parsing (outputs.md).

import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { effectiveScenario, loadScenarioFile, loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation } from '../../src/sim/index.js';
import { join } from 'node:path';
import { QUICKSTART, cli, quickstart, tempDir, writeScenario } from '../helpers.js';

describe('scenario.json', () => {
  it('records the capacity providers\' defaults, the default placement strategy and a step alarm\'s datapointsToAlarm', async () => {
    const dir = tempDir();
    const r = await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', join(dir, 'out'));
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'out', 'scenario.json'), 'utf8'));
    const ec2 = s.cluster.capacityProviders.ec2;
    // not written in quickstart.yaml: filled in as the run used them
    expect(ec2.autoScalingGroup.purchaseOption).toBe('on-demand');
    expect(ec2.autoScalingGroup.desiredCapacity).toBe(ec2.autoScalingGroup.minSize);
    expect(ec2.managedDraining).toBe('ENABLED');
    expect(s.services.web.placementStrategy).toEqual([
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
      { type: 'spread', field: 'instanceId' },
    ]);
  });

  it('a step alarm without datapointsToAlarm records N of N (evaluationPeriods)', async () => {
    const dir = tempDir();
    const q = quickstart();
    q.services.web.autoScaling.policies.calm = {
      policyType: 'StepScaling',
      alarm: { metricName: 'CPUUtilization', evaluationPeriods: 10, threshold: 40, comparisonOperator: 'LessThanThreshold' },
      adjustmentType: 'ChangeInCapacity',
      stepAdjustments: [{ metricIntervalUpperBound: 0, scalingAdjustment: -1 }],
    };
    const file = writeScenario(dir, 'calm', q);
    expect((await cli('run', file, '--duration', '10m', '--quiet', '--out', join(dir, 'out'))).code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'out', 'scenario.json'), 'utf8'));
    expect(s.services.web.autoScaling.policies.calm.alarm).toMatchObject({ evaluationPeriods: 10, datapointsToAlarm: 10, statistic: 'Average', period: 60_000 });
  });

  it('records timezone UTC for an at() or cron() scheduled action without one, and none for a rate() one (it has no wall-clock time)', () => {
    const q = quickstart();
    q.services.web.autoScaling.scheduledActions = {
      nine: { schedule: 'cron(0 9 * * ? *)', scalableTargetAction: { minCapacity: 4 } },
      every: { schedule: 'rate(1 hour)', scalableTargetAction: { minCapacity: 4 } },
    };
    const s = effectiveScenario(loadScenarioObject('tz', q, { baseDir: '.' })) as any;
    expect(s.services.web.autoScaling.scheduledActions.nine.timezone).toBe('UTC');
    expect(s.services.web.autoScaling.scheduledActions.every).not.toHaveProperty('timezone');
  });

  it('records a task definition\'s networkMode and how a service is launched when the file leaves them out', async () => {
    const dir = tempDir();
    const q = quickstart();
    delete q.taskDefinitions.web.networkMode;
    delete q.services.web.launchType;
    const file = writeScenario(dir, 'defaults', q);
    expect((await cli('run', file, '--duration', '10m', '--quiet', '--out', join(dir, 'out'))).code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'out', 'scenario.json'), 'utf8'));
    // an EC2 task definition defaults to bridge; no strategy anywhere: launchType EC2
    expect(s.taskDefinitions.web.networkMode).toBe('bridge');
    expect(s.services.web.launchType).toBe('EC2');
    expect(s.services.web.capacityProviderStrategy).toBeUndefined();
    // under a cluster default strategy the service gets that strategy, not a launch type
    const ct = effectiveScenario(loadScenarioFile('scenarios/capacity-target.yaml')) as any;
    expect(ct.services.web.launchType).toBeUndefined();
    expect(ct.services.web.capacityProviderStrategy).toEqual(ct.cluster.defaultCapacityProviderStrategy);
  });

  it('a REPLICA service records the REPLICA deployment defaults (minimumHealthyPercent 100, maximumPercent 200); a DAEMON service none, unless written', () => {
    // APIReference API_DeploymentConfiguration: "The default maximumPercent value for a service
    // using the REPLICA service scheduler is 200%"; ecsim applies no deployment configuration to
    // a DAEMON service, so none is recorded as if it were used
    const s = effectiveScenario(loadScenarioFile('scenarios/daemon-service.yaml')) as any;
    const daemons = Object.entries<any>(s.services).filter(([, v]) => v.schedulingStrategy === 'DAEMON');
    const replicas = Object.entries<any>(s.services).filter(([, v]) => v.schedulingStrategy !== 'DAEMON');
    expect(daemons.length).toBeGreaterThan(0);
    expect(replicas.length).toBeGreaterThan(0);
    for (const [name, v] of daemons) expect(v, name).not.toHaveProperty('deploymentConfiguration');
    for (const [name, v] of replicas) expect(v.deploymentConfiguration, name).toEqual({ minimumHealthyPercent: 100, maximumPercent: 200 });
    // written on a DAEMON service: kept as written (the loader warns that it has no effect)
    const raw = parse(readFileSync('scenarios/daemon-service.yaml', 'utf8'));
    const [dname] = daemons[0];
    raw.services[dname].deploymentConfiguration = { minimumHealthyPercent: 50, maximumPercent: 100 };
    const w = effectiveScenario(loadScenarioObject('d', raw, { baseDir: 'scenarios' })) as any;
    expect(w.services[dname].deploymentConfiguration).toEqual({ minimumHealthyPercent: 50, maximumPercent: 100 });
  });

  it('records each REPLICA service\'s availabilityZoneRebalancing as resolved when not written (ENABLED when compatible, DISABLED for binpack first); none for a DAEMON service', () => {
    // CreateService: "when no value is specified ... Amazon ECS defaults the value to ENABLED"
    // for an eligible service (APIReference/API_CreateService.html, developerguide/service-rebalancing.html);
    // a first placement strategy other than spread by AZ is not eligible
    const q = quickstart();
    delete q.services.web.availabilityZoneRebalancing;
    delete q.services.web.placementStrategy;
    const packed = structuredClone(q.services.web);
    packed.placementStrategy = [{ type: 'binpack', field: 'memory' }];
    q.services.packed = packed;
    const s = effectiveScenario(loadScenarioObject('az', q, { baseDir: '.' })) as any;
    expect(s.services.web.availabilityZoneRebalancing).toBe('ENABLED');
    expect(s.services.packed.availabilityZoneRebalancing).toBe('DISABLED');
    // written: kept as written
    q.services.web.availabilityZoneRebalancing = 'DISABLED';
    expect((effectiveScenario(loadScenarioObject('az', q, { baseDir: '.' })) as any).services.web.availabilityZoneRebalancing).toBe('DISABLED');
    const d = effectiveScenario(loadScenarioFile('scenarios/daemon-service.yaml')) as any;
    const daemons = Object.entries<any>(d.services).filter(([, v]) => v.schedulingStrategy === 'DAEMON');
    expect(daemons.length).toBeGreaterThan(0);
    for (const [name, v] of daemons) expect(v, name).not.toHaveProperty('availabilityZoneRebalancing');
  });

  it('an http workload records maxQueuePerTask 100 and no messageRetentionPeriod; a queue workload the reverse: SQS\'s 4 days (345600 s), inactiveAfter 6 h and activationMetricsDelay 15 min, and no maxQueuePerTask, a key it refuses', () => {
    const http = quickstart();
    delete http.services.web.workload.maxQueuePerTask;
    const h = (effectiveScenario(loadScenarioObject('http', http, { baseDir: '.' })) as any).services.web.workload;
    expect(h.maxQueuePerTask).toBe(100);
    expect(h).not.toHaveProperty('messageRetentionPeriod');
    expect(h).not.toHaveProperty('inactiveAfter');
    expect(h).not.toHaveProperty('activationMetricsDelay');
    // in the place the schema gives the key: after perTask
    expect(Object.keys(h)).toEqual(['type', 'requestRate', 'perTask', 'maxQueuePerTask', 'slo']);
    const queue = quickstart();
    const w = queue.services.web.workload;
    w.type = 'queue';
    delete queue.services.web.loadBalancer;
    delete w.maxQueuePerTask;
    delete w.slo.errorRate;
    w.perTask = { concurrency: 4, serviceTime: { distribution: 'fixed', value: '100ms' } };
    queue.services.web.autoScaling.policies = {};
    const q = (effectiveScenario(loadScenarioObject('queue', queue, { baseDir: '.' })) as any).services.web.workload;
    expect(q).not.toHaveProperty('maxQueuePerTask');
    expect(q.messageRetentionPeriod).toBe(4 * 24 * 3600 * 1000);
    expect(q.inactiveAfter).toBe(6 * 3600 * 1000);
    expect(q.activationMetricsDelay).toBe(15 * 60 * 1000);
    expect(Object.keys(q)).toEqual(['type', 'requestRate', 'perTask', 'messageRetentionPeriod', 'inactiveAfter', 'activationMetricsDelay', 'slo']);
    // a written one is kept
    w.messageRetentionPeriod = '60s';
    expect((effectiveScenario(loadScenarioObject('queue60', queue, { baseDir: '.' })) as any).services.web.workload.messageRetentionPeriod).toBe(60_000);
    w.inactiveAfter = '1h';
    w.activationMetricsDelay = 0;
    const q1 = (effectiveScenario(loadScenarioObject('queue1h', queue, { baseDir: '.' })) as any).services.web.workload;
    expect([q1.inactiveAfter, q1.activationMetricsDelay]).toEqual([3_600_000, 0]);
  });

  it('a workload\'s keys in the schema\'s order, whichever the scenario wrote and in what order: writing a default or leaving it out gives the same scenario.json', () => {
    const queue = quickstart();
    delete queue.services.web.loadBalancer;
    queue.services.web.autoScaling.policies = {};
    const order = ['type', 'requestRate', 'perTask', 'messageRetentionPeriod', 'inactiveAfter', 'activationMetricsDelay', 'slo'];
    const written = (extra: Record<string, unknown>, first: Record<string, unknown> = {}) => {
      // the written keys first, in reverse schema order, then the rest
      queue.services.web.workload = { ...first, ...extra, type: 'queue', requestRate: 5, perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: '100ms' } } };
      return (effectiveScenario(loadScenarioObject('q', queue, { baseDir: '.' })) as any).services.web.workload;
    };
    const none = written({});
    const retention = written({ messageRetentionPeriod: '4d' });
    const inactive = written({ inactiveAfter: '6h' });
    const all = written({ slo: { latencyP95: '5m' }, activationMetricsDelay: '15m', inactiveAfter: '6h', messageRetentionPeriod: '345600s' });
    for (const w of [none, retention, inactive]) {
      expect(Object.keys(w)).toEqual(order.slice(0, -1));
      expect(JSON.stringify(w)).toBe(JSON.stringify(none));
    }
    expect(Object.keys(all)).toEqual(order);
    const { slo: _slo, ...allButSlo } = all;
    expect(JSON.stringify(allButSlo)).toBe(JSON.stringify(none));
    // other values: the same order
    expect(Object.keys(written({ messageRetentionPeriod: '1d' }))).toEqual(order.slice(0, -1));
    expect(Object.keys(written({ inactiveAfter: '1h' }))).toEqual(order.slice(0, -1));
    // an http workload: maxQueuePerTask after perTask, before slo, written or not
    const http = quickstart();
    const keysOf = (w: Record<string, unknown>) => {
      http.services.web.workload = w;
      return Object.keys((effectiveScenario(loadScenarioObject('h', http, { baseDir: '.' })) as any).services.web.workload);
    };
    const base = { type: 'http', requestRate: 5, perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: '100ms' } } };
    expect(keysOf({ slo: { latencyP95: '1s' }, ...base })).toEqual(['type', 'requestRate', 'perTask', 'maxQueuePerTask', 'slo']);
    expect(keysOf({ slo: { latencyP95: '1s' }, maxQueuePerTask: 7, ...base })).toEqual(['type', 'requestRate', 'perTask', 'maxQueuePerTask', 'slo']);
  });

  it('a target tracking policy with customMetric records its customMetricStatistic (Sum for RequestCountPerTarget, else Average), as a step alarm its statistic; none with a predefined metric', () => {
    const q = quickstart();
    q.services.web.autoScaling.policies = {
      cpu: { policyType: 'TargetTrackingScaling', customMetric: 'CPUUtilization', targetValue: 60 },
      rc: { policyType: 'TargetTrackingScaling', customMetric: 'RequestCountPerTarget', targetValue: 1000 },
      max: { policyType: 'TargetTrackingScaling', customMetric: 'MemoryUtilization', customMetricStatistic: 'Maximum', targetValue: 70 },
      pre: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60 },
    };
    const p = (effectiveScenario(loadScenarioObject('tt', q, { baseDir: '.' })) as any).services.web.autoScaling.policies;
    expect(p.cpu.customMetricStatistic).toBe('Average');
    expect(Object.keys(p.cpu).slice(0, 3)).toEqual(['policyType', 'customMetric', 'customMetricStatistic']);
    expect(p.rc.customMetricStatistic).toBe('Sum');
    expect(p.max.customMetricStatistic).toBe('Maximum');
    expect(p.pre).not.toHaveProperty('customMetricStatistic');
  });

  it('the values filled in are the ones the run used: written into each library scenario, they change nothing', () => {
    const filledIn: string[] = [];
    for (const f of readdirSync('scenarios').filter((n) => n.endsWith('.yaml'))) {
      const raw = parse(readFileSync(join('scenarios', f), 'utf8'));
      const load = (value: unknown) => loadScenarioObject(f, value, { baseDir: 'scenarios', durationMs: 1_800_000 });
      const before = load(raw);
      const eff = effectiveScenario(before) as any;
      const filled = structuredClone(raw);
      let added = 0;
      for (const [name, td] of Object.entries<any>(filled.taskDefinitions)) {
        if (td.networkMode === undefined) (td.networkMode = eff.taskDefinitions[name].networkMode), added++;
      }
      for (const [name, svc] of Object.entries<any>(filled.services)) {
        for (const key of ['launchType', 'capacityProviderStrategy', 'availabilityZoneRebalancing']) {
          if (svc[key] === undefined && eff.services[name][key] !== undefined) (svc[key] = eff.services[name][key]), added++;
        }
      }
      const after = load(filled);
      expect(after.services.map((x) => [x.name, x.launchType, x.strategy, x.azRebalancing]), f).toEqual(before.services.map((x) => [x.name, x.launchType, x.strategy, x.azRebalancing]));
      expect([...after.taskDefinitions.values()].map((x) => x.networkMode), f).toEqual([...before.taskDefinitions.values()].map((x) => x.networkMode));
      if (added === 0) continue;
      filledIn.push(f);
      const rows = (s: typeof before) => {
        const out: unknown[][] = [[], [], [], []];
        const r = runSimulation(s, { event: (e) => out[0].push(e), task: (t) => out[1].push(t), timeseries: (x) => out[2].push(x), capacity: (x) => out[3].push(x) }, { seed: s.scenario.seed });
        return { out, summary: r.summary };
      };
      expect(rows(after), f).toEqual(rows(before));
    }
    // the library has both kinds: bridge task definitions and services under a cluster default strategy
    expect(filledIn).toEqual(expect.arrayContaining(['capacity-target.yaml', 'daemon-service.yaml']));
  }, 120_000);
  it('records the derived figures the run used: desiredCount, task-level cpu/memory, perTask capacityRps / cpuPerBusySlot / memoryMiB, an undeclared FARGATE provider', () => {
    const q = quickstart();
    // web: no desiredCount (autoScaling minCapacity 3), no task-level size (containers 256 + 128 CPU, 512 + 256 MiB),
    // no capacityRps (concurrency 8 / 40 ms = 200 requests/s), no memoryMiB
    delete q.services.web.desiredCount;
    delete q.taskDefinitions.web.cpu;
    delete q.taskDefinitions.web.memory;
    q.taskDefinitions.web.containerDefinitions.side = { cpu: 128, memory: 256 };
    delete q.services.web.workload.perTask.capacityRps;
    delete q.services.web.workload.perTask.memoryMiB;
    // worker: a queue service on launchType FARGATE, FARGATE not declared; cpuBaseline 10, concurrency 4:
    // a busy slot (100 - 10) / 4 = 22.5 % CPU
    q.taskDefinitions.worker = { cpu: 512, memory: 1024, requiresCompatibilities: ['FARGATE'], containerDefinitions: { app: { cpu: 512, memory: 1024 } } };
    q.services.worker = {
      taskDefinition: 'worker',
      desiredCount: 2,
      launchType: 'FARGATE',
      workload: { type: 'queue', requestRate: 5, perTask: { cpuBaseline: 10, concurrency: 4, serviceTime: { distribution: 'exponential', mean: '200ms' } }, slo: { latencyP95: '5m' } },
    };
    const s = effectiveScenario(loadScenarioObject('derived', q, { baseDir: '.' })) as any;
    expect(Object.keys(s.services.web).slice(0, 2)).toEqual(['taskDefinition', 'desiredCount']);
    expect(s.services.web.desiredCount).toBe(3);
    expect(s.services.worker.desiredCount).toBe(2);
    expect(s.taskDefinitions.web).toMatchObject({ cpu: 384, memory: 768 });
    expect(Object.keys(s.taskDefinitions.web).slice(0, 2)).toEqual(['cpu', 'memory']);
    expect(s.services.web.workload.perTask).toMatchObject({ capacityRps: 200, memoryMiB: { base: 0, perRps: 0 } });
    expect(s.services.web.workload.perTask).not.toHaveProperty('cpuPerBusySlot'); // refused on http: not filled in
    expect(s.services.worker.workload.perTask).toMatchObject({ cpuPerBusySlot: 22.5, memoryMiB: { base: 0, perRps: 0 } });
    expect(s.services.worker.workload.perTask).not.toHaveProperty('capacityRps'); // refused on queue
    expect(Object.keys(s.cluster.capacityProviders)).toEqual(['ec2', 'FARGATE']);
    expect(s.cluster.capacityProviders.FARGATE.provisioningDelay).toEqual({ distribution: 'lognormal', median: 35_000, p95: 70_000 });
    // the same scenario gives the same JSON (written as is: deterministic)
    expect(JSON.stringify(effectiveScenario(loadScenarioObject('derived', q, { baseDir: '.' })))).toBe(JSON.stringify(s));
  });
});

