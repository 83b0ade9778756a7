// The standard "month" benchmark scenario (issue 8): 30 days, 3 AZs, two EC2 capacity
// providers with managed scaling, Fargate and Fargate Spot, 30 services with
// diurnal + weekly + spike traces, target tracking + step + scheduled policies, peaking
// around 5 000 tasks on about 600 instances, fluid fidelity. `scale` multiplies services
// and the Auto Scaling groups' sizes (minimum, desired, maximum) for the scaling curve: a
// cluster of the same shape, scale times larger. `bench/month.yaml` is this at scale 1
// (regenerate with `npx tsx bench/month-scenario.ts > bench/month.yaml`).

import { stringify } from 'yaml';

export function monthScenario(scale = 1, days = 30): Record<string, unknown> {
  const services: Record<string, unknown> = {};
  const ec2Services = 24 * scale;
  const fargateServices = 6 * scale;
  for (let i = 0; i < ec2Services; i++) {
    const provider = i % 2 === 0 ? 'asg-general' : 'asg-compute';
    const peak = 4000 + (i % 5) * 500; // rps; 100 rps per task at 60 % CPU -> ~180 tasks at peak
    services[`api-${String(i + 1).padStart(3, '0')}`] = {
      taskDefinition: 'api',
      desiredCount: 20,
      capacityProviderStrategy: [{ capacityProvider: provider, weight: 1 }],
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
      loadBalancer: { routing: 'round-robin', deregistrationDelay: '60s' },
      workload: {
        type: 'http',
        requestRate: {
          diurnal: { min: peak / 6, max: peak, peakAt: `${12 + (i % 8)}:00`, period: '1d' },
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
          'business-hours': { schedule: 'cron(0 8 ? * MON-FRI *)', timezone: 'America/New_York', scalableTargetAction: { minCapacity: 30 } },
          night: { schedule: 'cron(0 20 ? * MON-FRI *)', timezone: 'America/New_York', scalableTargetAction: { minCapacity: 10 } },
        },
      },
    };
  }
  for (let i = 0; i < fargateServices; i++) {
    const spot = i % 2 === 1;
    services[`worker-${String(i + 1).padStart(3, '0')}`] = {
      taskDefinition: 'worker',
      desiredCount: 10,
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
  const asg = (type: string, maxSize: number) => ({
    autoScalingGroup: { instanceTypes: [type], minSize: 6 * scale, maxSize, desiredCapacity: 30 * scale, launchDelay: { distribution: 'lognormal', median: '90s', p95: '180s' } },
    managedScaling: { status: 'ENABLED', targetCapacity: 90, instanceWarmupPeriod: '300s' },
    managedTerminationProtection: 'ENABLED',
    managedDraining: 'ENABLED',
  });
  return {
    name: scale === 1 ? 'month' : `month-x${scale}`,
    description: 'Benchmark: a month of a large mixed EC2/Fargate cluster (issue 8).',
    seed: 42,
    start: '2026-03-02T00:00:00Z',
    duration: `${days}d`,
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      capacityProviders: {
        // a group's maxSize is at most 5000 (ECS's quota of container instances per cluster,
        // which the scenario format holds each group to): 16x stays below it at its peak
        'asg-general': asg('m5.2xlarge', Math.min(400 * scale, 5000)),
        'asg-compute': asg('c5.2xlarge', Math.min(400 * scale, 5000)),
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

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`# Generated by bench/month-scenario.ts — the issue 8 benchmark scenario.\n${stringify(monthScenario(1))}`);
}
