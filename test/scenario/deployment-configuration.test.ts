// deploymentConfiguration at load time. ECS's DeploymentConfiguration
// (APIReference/API_DeploymentConfiguration.html) has more keys than the two ecsim reads:
// they govern deployments, which ecsim does not model, so the loader says that rather than
// guess a "did you mean"; without them written ECS runs no circuit breaker and no deployment
// alarms (the API's default), which is how ecsim behaves. maximumPercent is "Type: Integer"
// with no range documented: ecsim takes 100 up to the API's largest Integer.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';

function scenario(deploymentConfiguration: Record<string, unknown>): Record<string, unknown> {
  return {
    name: 'dc',
    duration: '10m',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'] },
    taskDefinitions: { t: { cpu: 256, memory: 512, requiresCompatibilities: ['FARGATE'] } },
    services: {
      web: { taskDefinition: 't', launchType: 'FARGATE', desiredCount: 2, deploymentConfiguration, loadBalancer: {} },
    },
  };
}

function loadError(deploymentConfiguration: Record<string, unknown>): string {
  try {
    loadScenarioObject('s.yaml', scenario(deploymentConfiguration));
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('deploymentConfiguration: ECS keys ecsim does not model', () => {
  it('deploymentCircuitBreaker is refused as an ECS key ecsim does not model, saying ecsim behaves as with it off', () => {
    const msg = loadError({ deploymentCircuitBreaker: { enable: true, rollback: true } });
    expect(msg).toBe(
      's.yaml: services.web.deploymentConfiguration.deploymentCircuitBreaker: unknown key "deploymentCircuitBreaker" (an ECS key ecsim does not model: deployments are not modelled, nor is their circuit breaker; ecsim behaves as with the circuit breaker off, the API default: remove the key); expected one of: minimumHealthyPercent, maximumPercent',
    );
  });

  it('alarms and the deployment strategy keys are refused the same way, each on its own line', () => {
    const msg = loadError({ alarms: { alarmNames: ['a'], enable: true, rollback: false }, strategy: 'ROLLING', bakeTimeInMinutes: 5, canaryConfiguration: {}, linearConfiguration: {}, lifecycleHooks: [] });
    const lines = msg.split('\n');
    expect(lines).toHaveLength(6);
    for (const [key, line] of ['alarms', 'strategy', 'bakeTimeInMinutes', 'canaryConfiguration', 'linearConfiguration', 'lifecycleHooks'].map((k, i) => [k, lines[i]])) {
      expect(line).toContain(`deploymentConfiguration.${key}: unknown key "${key}" (an ECS key ecsim does not model: deployments are not modelled`);
      expect(line).not.toMatch(/did you mean/);
    }
    expect(lines[0]).toContain('ecsim behaves as without deployment alarms, the API default');
  });

  it('a misspelt modelled key still gets its hint', () => {
    expect(loadError({ maximumPercnt: 150 })).toMatch(/unknown key "maximumPercnt".*maximumPercent/);
  });
});

describe('deploymentConfiguration.maximumPercent: no upper limit documented', () => {
  it('takes values above 200 (300, the API largest Integer) and refuses below 100 or a fraction', () => {
    expect(loadError({ maximumPercent: 300 })).toBe('no error');
    expect(loadError({ maximumPercent: 2_147_483_647 })).toBe('no error');
    const expected = 'expected a whole number from 100 to 2147483647 (at least 100; AWS documents no upper limit, so up to the API\'s largest Integer)';
    expect(loadError({ maximumPercent: 99 })).toBe(`s.yaml: services.web.deploymentConfiguration.maximumPercent: ${expected}, found number 99`);
    expect(loadError({ maximumPercent: 2_147_483_648 })).toContain(`${expected}, found number 2147483648`);
    expect(loadError({ maximumPercent: 150.5 })).toContain(`${expected}, found number 150.5`);
  });

  it('300 is kept as written; minimumHealthyPercent alone still gets the default 200', () => {
    const s = loadScenarioObject('s.yaml', scenario({ maximumPercent: 300 }));
    expect(s.scenario.services.web.deploymentConfiguration).toEqual({ minimumHealthyPercent: 100, maximumPercent: 300 });
    const d = loadScenarioObject('s.yaml', scenario({ minimumHealthyPercent: 50 }));
    expect(d.scenario.services.web.deploymentConfiguration).toEqual({ minimumHealthyPercent: 50, maximumPercent: 200 });
  });
});
