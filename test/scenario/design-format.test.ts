// The shared design's annotated scenario (../shared/design/scenario.yaml) is accepted
// whole, except where it contradicts AWS or the model (each refusal is asserted here).

import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { loadScenarioFile, loadScenarioObject, parseScenarioText, ScenarioError } from '../../src/scenario/index.js';

const DESIGN = '../shared/design/scenario.yaml';

describe.skipIf(!existsSync(DESIGN))('the design scenario file', () => {
  it('is refused for two reasons, each an AWS rule (the mixed strategy once, without its consequences)', () => {
    let error: ScenarioError | undefined;
    try {
      loadScenarioFile(DESIGN);
    } catch (e) {
      error = e as ScenarioError;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const lines = error!.message.split('\n');
    expect(lines).toHaveLength(2);
    // purchaseOption on-demand with spotInterruptions (the design's own comment says "only with spot")
    expect(lines[0]).toMatch(/autoScalingGroup\.spotInterruptions: expected only with purchaseOption: spot \(only Spot Instances get interruption notices\), found purchaseOption on-demand; set purchaseOption: spot or remove spotInterruptions$/);
    // AWS: a strategy contains ASG providers or Fargate providers, not both
    // (not also "expected no placementStrategy on Fargate": which launch type is moot until the strategy is fixed)
    expect(lines[1]).toMatch(/services\.web\.capacityProviderStrategy: expected capacity providers of one kind, Auto Scaling group providers or FARGATE \/ FARGATE_SPOT \(as in ECS, a strategy cannot mix them\), found /);
  });

  it('loads whole once those two are fixed: every other key is accepted, the grace period of 30 s too (web has a load balancer)', () => {
    const raw = parseScenarioText(DESIGN, readFileSync(DESIGN, 'utf8')).value as any;
    delete raw.cluster.capacityProviders['asg-m5'].autoScalingGroup.spotInterruptions;
    raw.services.web.capacityProviderStrategy = [{ capacityProvider: 'asg-m5', base: 2, weight: 1 }];
    const s = loadScenarioObject(DESIGN, raw, { baseDir: '../shared/design' });
    expect(s.services.map((x) => x.name)).toEqual(['web', 'worker']);
    expect(Object.keys(s.scenario.variants ?? {})).toEqual(['baseline', 'tt-cpu-45', 'no-step']);
    expect(s.scenario.services.web.autoScaling?.policies.surge.policyType).toBe('StepScaling');
    expect(s.scenario.services.web.healthCheckGracePeriodSeconds).toBe(30);
  });
});
