// The keys of summary.json (docs/outputs.md), so that a misspelt `expect:` path is caught
// when the scenario loads instead of after a long run. `*` stands for a service or
// capacity provider name. Keep in step with src/sim's summary (a test compares them).

export type Shape = { readonly [key: string]: Shape | 'number' };

const stats: Shape = { mean: 'number', p50: 'number', p95: 'number', max: 'number' };

export const SUMMARY_SHAPE: Shape = {
  seed: 'number',
  durationSeconds: 'number',
  services: {
    '*': {
      taskHours: 'number',
      desiredCount: { min: 'number', max: 'number', mean: 'number', final: 'number' },
      cpuUtilization: stats,
      memoryUtilization: stats,
      requests: { offered: 'number', served: 'number', dropped: 'number' },
      latencyMs: { p50: 'number', p95: 'number', p99: 'number' },
      sloViolationMinutes: 'number',
      scalingActivities: { out: 'number', in: 'number' },
      tasksStarted: 'number',
      tasksStopped: 'number',
      spotInterruptions: 'number',
    },
  },
  capacityProviders: {
    // Auto Scaling group providers have the first three, Fargate providers the last two.
    '*': { instanceHours: 'number', maxInstances: 'number', meanReservation: 'number', taskHours: 'number', maxTasks: 'number' },
  },
  cost: { total: 'number', byProvider: { '*': 'number' } },
};
