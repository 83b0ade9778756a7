// A capacity provider strategy "can contain a maximum of 20 capacity providers" (the current
// ECS API model, in AWS's SDK references for CreateService's capacityProviderStrategy and
// CapacityProviderStrategyItem; older revisions of API_CapacityProviderStrategyItem.html say 6). 20
// providers load; a 21st is refused at the strategy's path, for a service's strategy and the
// cluster's default alike.

import { describe, it, expect } from 'vitest';
import { quickstart, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';

const dir = tempDir();

function withProviders(n: number, where: 'service' | 'default') {
  const s = quickstart();
  const asg = s.cluster.capacityProviders.ec2;
  asg.autoScalingGroup.minSize = 0;
  asg.autoScalingGroup.desiredCapacity = 0;
  const strategy = [];
  for (let i = 1; i <= n; i++) {
    const name = `p${i}`;
    s.cluster.capacityProviders[name] = structuredClone(asg);
    strategy.push({ capacityProvider: name, weight: 1 });
  }
  delete s.services.web.launchType;
  if (where === 'service') s.services.web.capacityProviderStrategy = strategy;
  else s.cluster.defaultCapacityProviderStrategy = strategy;
  return s;
}

function problems(s: unknown, name: string): string {
  try {
    loadScenarioFile(writeScenario(dir, name, s));
    return '';
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
}

describe('capacity provider strategy size', () => {
  for (const where of ['service', 'default'] as const) {
    it(`${where}: 20 providers load (7 did not before: the old cap of 6)`, () => {
      expect(problems(withProviders(7, where), `seven-${where}`)).toBe('');
      expect(problems(withProviders(20, where), `twenty-${where}`)).toBe('');
    });

    it(`${where}: 21 are refused at the strategy's path`, () => {
      const at = where === 'service' ? 'services\\.web\\.capacityProviderStrategy' : 'cluster\\.defaultCapacityProviderStrategy';
      expect(problems(withProviders(21, where), `twentyone-${where}`)).toMatch(new RegExp(`${at}: expected at most 20 items`));
    });
  }
});
