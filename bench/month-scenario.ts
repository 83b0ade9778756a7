// The standard "month" benchmark scenario (issue 8): 30 days, 3 AZs, two EC2 capacity
// providers with managed scaling, Fargate and Fargate Spot, 30 services with
// diurnal + weekly + spike traces, target tracking + step + scheduled policies, peaking
// around 5 000 tasks on about 600 instances on a weekday (measured over the 30 days in round
// 21: 4 850 to 5 000 tasks on 600 to 620 instances; docs/performance.md),
// fluid fidelity. `scale` multiplies services and the Auto Scaling groups' sizes (minimum,
// desired, maximum) for the scaling curve: a cluster of the same shape, scale times larger.
// `bench/month.yaml` is this at scale 1 (regenerate with
// `npx tsx bench/month-scenario.ts > bench/month.yaml`; test/bench/month-scenario.test.ts
// checks that the two agree).
//
// The month starts near steady state (round 21): each service's desiredCount is what its
// target tracking policy would hold for its trace's rate at the start (Monday 00:00 UTC),
// and each group's desiredCapacity puts its CapacityProviderReservation near targetCapacity
// 90 for those tasks. The scheduled actions are in phase with each service's traffic: on
// weekdays `business-hours` raises minCapacity to half the service's peak tasks 9 hours
// before its peak (3 hours into the morning ramp, when target tracking holds about 29 % of
// the peak), so it binds and scales the service out; `night` lowers it again 4 hours after
// the peak and target tracking scales in from there. Their cron times are Europe/London wall
// clock (UTC until 29 March, then an hour earlier in UTC), so the month crosses a DST change.

import { stringify } from 'yaml';

/** The scenario's start: a Monday, so no weekend factor applies at time 0. */
const START = '2026-03-02T00:00:00Z';

/** A one-day diurnal trace's rate at 00:00 UTC (the cosine of src/workload/trace/shapes/diurnal.ts). */
function diurnalAtMidnight(min: number, max: number, peakHour: number): number {
  return (min + max) / 2 + ((max - min) / 2) * Math.cos((2 * Math.PI * peakHour) / 24);
}

/** Requests per second per task at which the task's CPU, cpuBaseline + (100 - cpuBaseline) x rps / capacityRps, is `targetCpu`. */
function rpsAtTargetCpu(capacityRps: number, cpuBaseline: number, targetCpu: number): number {
  return (capacityRps * (targetCpu - cpuBaseline)) / (100 - cpuBaseline);
}

/** The desiredCount target tracking would hold for `rps` (within the scalable target's bounds). */
function tasksFor(rps: number, rpsPerTask: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.ceil(rps / rpsPerTask)));
}

// api: capacityRps 40, cpuBaseline 4, target 60 % CPU -> 23.3 rps per task
const API_RPS_PER_TASK = rpsAtTargetCpu(40, 4, 60);
// worker: capacityRps 50, cpuBaseline 3, target 55 % CPU -> 26.8 rps per task
const WORKER_RPS_PER_TASK = rpsAtTargetCpu(50, 3, 55);
// an api task (1 vCPU, 1.5 GiB) on m5.2xlarge or c5.2xlarge: 8 by CPU (memory would take 10 or 20)
const API_TASKS_PER_INSTANCE = 8;
const TARGET_CAPACITY = 90;

export function monthScenario(scale = 1, days = 30): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  const ec2Services = 24 * scale;
  const fargateServices = 6 * scale;
  const startTasks: Record<string, number> = { 'asg-general': 0, 'asg-compute': 0 };
  for (let i = 0; i < ec2Services; i++) {
    const provider = i % 2 === 0 ? 'asg-general' : 'asg-compute';
    // peak rps: 146 to 215 tasks at 23.3 rps per task; the quietest hour (half a day later) a sixth of it
    const peak = 3400 + (i % 5) * 400;
    const peakHour = 12 + (i % 8); // UTC
    const desiredCount = tasksFor(diurnalAtMidnight(peak / 6, peak, peakHour), API_RPS_PER_TASK, 10, 400);
    startTasks[provider] += desiredCount;
    // half the peak's tasks, from 9 hours before the peak (target tracking then holds about 29 % of them)
    const businessMin = Math.ceil((0.5 * peak) / API_RPS_PER_TASK);
    services[`api-${String(i + 1).padStart(3, '0')}`] = {
      taskDefinition: 'api',
      desiredCount,
      capacityProviderStrategy: [{ capacityProvider: provider, weight: 1 }],
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
      loadBalancer: { routing: 'round-robin', deregistrationDelay: '60s' },
      workload: {
        type: 'http',
        requestRate: {
          diurnal: { min: peak / 6, max: peak, peakAt: `${peakHour}:00`, period: '1d' },
          weekly: { weekendFactor: 0.6 },
          spikes: [{ at: `${3 + (i % 20)}d${i % 24}h`, rampUp: '5m', hold: '30m', multiplier: 1.8 }],
          noise: { type: 'gaussian', cv: 0.05, every: '5m' },
        },
        perTask: { capacityRps: 40, cpuBaseline: 4, memoryMiB: { base: 600, perRps: 2 }, concurrency: 4, serviceTime: { distribution: 'exponential', mean: '100ms' } },
        maxQueuePerTask: 200,
        slo: { latencyP95: '400ms', errorRate: 0.5 },
      },
      autoScaling: {
        minCapacity: 10,
        maxCapacity: 400,
        policies: {
          cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60 },
          surge: {
            policyType: 'StepScaling',
            alarm: { metricName: 'CPUUtilization', statistic: 'Average', period: '60s', evaluationPeriods: 2, threshold: 85, comparisonOperator: 'GreaterThanOrEqualToThreshold' },
            adjustmentType: 'PercentChangeInCapacity',
            stepAdjustments: [{ metricIntervalLowerBound: 0, metricIntervalUpperBound: 10, scalingAdjustment: 20 }, { metricIntervalLowerBound: 10, scalingAdjustment: 50 }],
            minAdjustmentMagnitude: 2,
            cooldown: '120s',
          },
        },
        scheduledActions: {
          'business-hours': { schedule: `cron(0 ${peakHour - 9} ? * MON-FRI *)`, timezone: 'Europe/London', scalableTargetAction: { minCapacity: businessMin } },
          night: { schedule: `cron(0 ${peakHour + 4} ? * MON-FRI *)`, timezone: 'Europe/London', scalableTargetAction: { minCapacity: 10 } },
        },
      },
    };
  }
  for (let i = 0; i < fargateServices; i++) {
    const spot = i % 2 === 1;
    services[`worker-${String(i + 1).padStart(3, '0')}`] = {
      taskDefinition: 'worker',
      desiredCount: tasksFor(diurnalAtMidnight(300, 2400, 15), WORKER_RPS_PER_TASK, 5, 200),
      capacityProviderStrategy: spot
        ? [{ capacityProvider: 'FARGATE', base: 5, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 3 }]
        : [{ capacityProvider: 'FARGATE', weight: 1 }],
      loadBalancer: { routing: 'least-outstanding', deregistrationDelay: '30s' },
      workload: {
        type: 'http',
        requestRate: {
          diurnal: { min: 300, max: 2400, peakAt: '15:00' },
          weekly: { weekendFactor: 0.5 },
          noise: { type: 'gaussian', cv: 0.03, every: '1m' },
        },
        perTask: { capacityRps: 50, cpuBaseline: 3, memoryMiB: { base: 300, perRps: 1 } },
        maxQueuePerTask: 100,
        slo: { latencyP95: '250ms' },
      },
      autoScaling: {
        minCapacity: 5,
        maxCapacity: 200,
        policies: { cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 55 } },
      },
    };
  }
  // managed scaling's own sizing for the group's starting tasks, ceil(M x 100 / targetCapacity)
  // with M the instances they fill: the reservation starts at or just below targetCapacity
  const startInstances = (name: string) => Math.ceil((Math.ceil(startTasks[name] / API_TASKS_PER_INSTANCE) * 100) / TARGET_CAPACITY);
  const asg = (name: string, type: string, maxSize: number) => ({
    autoScalingGroup: {
      instanceTypes: [type],
      minSize: 6 * scale,
      maxSize,
      desiredCapacity: Math.min(maxSize, Math.max(6 * scale, startInstances(name))),
      launchDelay: { distribution: 'lognormal', median: '90s', p95: '180s' },
    },
    managedScaling: { status: 'ENABLED', targetCapacity: TARGET_CAPACITY, instanceWarmupPeriod: '300s' },
    managedTerminationProtection: 'ENABLED',
    managedDraining: 'ENABLED',
  });
  return {
    name: scale === 1 ? 'month' : `month-x${scale}`,
    description: 'Benchmark: a month of a large mixed EC2/Fargate cluster (issue 8).',
    seed: 42,
    start: START,
    duration: `${days}d`,
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      capacityProviders: {
        // a group's maxSize is at most 5000 (ECS's quota of container instances per cluster,
        // which the scenario format holds each group to). At 1x a group's desired capacity
        // peaks at about 305 on the first day and 320 over the month, so the scaling curve's
        // 16x day (about 4 880 a group) stays below it; a 16x month would reach it
        'asg-general': asg('asg-general', 'm5.2xlarge', Math.min(400 * scale, 5000)),
        'asg-compute': asg('asg-compute', 'c5.2xlarge', Math.min(400 * scale, 5000)),
        FARGATE_SPOT: { interruptions: { meanTimeBetween: '12h' } },
      },
    },
    taskDefinitions: {
      api: { cpu: 1024, memory: 1536, networkMode: 'bridge', containerDefinitions: { app: { cpu: 1024, memory: 1536, portMappings: [{ containerPort: 8080 }] } } },
      worker: { cpu: 512, memory: 1024, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'] },
    },
    services,
  };
}

/** The text of bench/month.yaml: the scenario at scale 1 for 30 days. */
export function monthYaml(): string {
  return `# Generated by bench/month-scenario.ts — the issue 8 benchmark scenario.\n${stringify(monthScenario(1))}`;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(monthYaml());
