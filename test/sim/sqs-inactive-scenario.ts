// The scenario of test/sim/sqs-inactive-queue.test.ts (also read by explain's and report's
// tests of it): a queue service at 0 tasks woken by a step alarm "ApproximateNumberOfMessagesVisible
// > 0", CPU target tracking taking it back to 0; 10 messages/s in [0, 10 min) and again in
// [batchAt, batchEnd).

export function scenario(batchAt: string, batchEnd: string, duration: string, workload: Record<string, unknown> = {}) {
  return {
    name: 'sqs-inactive',
    seed: 1,
    start: '2026-03-02T00:00:00Z',
    duration,
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: {} } },
    taskDefinitions: {
      worker: {
        cpu: 512,
        memory: 1024,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        containerDefinitions: { worker: { cpu: 512, memory: 1024 } },
        startup: { imagePull: '15s', containerStart: '3s' },
      },
    },
    services: {
      worker: {
        taskDefinition: 'worker',
        desiredCount: 0,
        launchType: 'FARGATE',
        workload: {
          type: 'queue',
          requestRate: { step: { from: 10, steps: [{ at: '10m', to: 0 }, { at: batchAt, to: 10 }, { at: batchEnd, to: 0 }] } },
          perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: '200ms' } },
          ...workload,
        },
        autoScaling: {
          minCapacity: 0,
          maxCapacity: 4,
          policies: {
            wake: {
              policyType: 'StepScaling',
              alarm: { metricName: 'ApproximateNumberOfMessagesVisible', statistic: 'Maximum', threshold: 0, comparisonOperator: 'GreaterThanThreshold' },
              adjustmentType: 'ChangeInCapacity',
              stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 2 }],
            },
            cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 },
          },
        },
      },
    },
  };
}
