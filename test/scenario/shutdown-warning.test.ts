// stopTimeout is how long ECS waits after SIGTERM before it kills the containers (SIGKILL;
// AmazonECS/latest/developerguide/task_definition_parameters.html). A task definition's
// `shutdown` (how long its containers take to exit after SIGTERM, a model) that is always at
// or above stopTimeout never ends a stop: every stop takes stopTimeout. Said at load.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

function said(shutdown: unknown, stopTimeout?: string) {
  const td: any = { cpu: 256, memory: 512, requiresCompatibilities: ['FARGATE'], shutdown };
  if (stopTimeout !== undefined) td.stopTimeout = stopTimeout;
  const s = loadScenarioObject(
    'shutdown',
    {
      name: 'shutdown',
      duration: '10m',
      cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: {} } },
      taskDefinitions: { web: td },
      services: { web: { taskDefinition: 'web', desiredCount: 1, launchType: 'FARGATE' } },
    },
    { baseDir: '.' },
  );
  return scenarioWarnings(s)
    .filter((w) => w.at.join('.') === 'taskDefinitions.web.shutdown')
    .map((w) => w.message);
}

describe('a shutdown at or above stopTimeout', () => {
  it('fixed 50s with stopTimeout 20s: said, with SIGKILL at stopTimeout', () => {
    expect(said('50s', '20s')).toEqual([
      "is 50s, at or above the task definition's stopTimeout (20s): containers are always killed at stopTimeout (SIGKILL), so every stop takes 20s and this shutdown has no effect; lower it under stopTimeout, or raise stopTimeout",
    ]);
  });

  it('the bound, against the 30 s default stopTimeout: 30s is said, 29s is not', () => {
    expect(said('30s')).toHaveLength(1);
    expect(said('29s')).toEqual([]);
    expect(said({ distribution: 'fixed', value: '30s' })).toHaveLength(1);
  });

  it('uniform: said when its min is at or above stopTimeout (35s..40s), not when some draws are under it (25s..40s)', () => {
    expect(said({ distribution: 'uniform', min: '35s', max: '40s' })).toEqual([
      "never draws under 35s (uniform min), at or above the task definition's stopTimeout (30s): containers are always killed at stopTimeout (SIGKILL), so every stop takes 30s and this shutdown has no effect; lower it under stopTimeout, or raise stopTimeout",
    ]);
    expect(said({ distribution: 'uniform', min: '25s', max: '40s' })).toEqual([]);
  });

  it('distributions with no positive lower bound (lognormal, exponential) are not said', () => {
    expect(said({ distribution: 'lognormal', median: '60s', p95: '90s' })).toEqual([]);
    expect(said({ distribution: 'exponential', mean: '60s' })).toEqual([]);
  });
});
