// loadBalancer.healthCheck keys of the target group that ecsim does not model: the loader
// says why instead of a bare unknown key. HealthCheckTimeoutSeconds (2-120 s,
// API_CreateTargetGroup.html) never matters: ecsim's check fails at once while the
// application has not started (connection refused) and passes once it answers; so does
// HealthCheckPath (any path passes once the application answers).

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';

function loadError(healthCheck: Record<string, unknown>): string {
  try {
    loadScenarioObject('s.yaml', {
      name: 'hc',
      duration: '10m',
      cluster: { availabilityZones: ['us-east-1a'] },
      taskDefinitions: { t: { cpu: 256, memory: 512, requiresCompatibilities: ['FARGATE'] } },
      services: { web: { taskDefinition: 't', launchType: 'FARGATE', desiredCount: 1, loadBalancer: { healthCheck } } },
    });
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('loadBalancer.healthCheck: target group keys ecsim does not model', () => {
  it('timeout and path are refused with a note, each on its own line', () => {
    const lines = loadError({ interval: '10s', timeout: '5s', path: '/health' }).split('\n');
    expect(lines).toEqual([
      's.yaml: services.web.loadBalancer.healthCheck.timeout: unknown key "timeout" (the target group\'s HealthCheckTimeoutSeconds (2-120 s), which ecsim does not model: ' +
        'a check fails at once while the application has not started (the connection is refused) and passes once it answers, so no check waits out a timeout; remove the key); ' +
        'expected one of: interval, healthyThreshold, unhealthyThreshold',
      's.yaml: services.web.loadBalancer.healthCheck.path: unknown key "path" (the target group\'s HealthCheckPath, which ecsim does not model: ' +
        "its check passes once the task's application answers, startup.applicationStart after RUNNING, whatever the path; remove the key); " +
        'expected one of: interval, healthyThreshold, unhealthyThreshold',
    ]);
  });

  it('the modelled keys alone load', () => {
    expect(loadError({ interval: '10s', healthyThreshold: 3, unhealthyThreshold: 2 })).toBe('no error');
  });
});
