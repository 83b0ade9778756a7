// A target tracking policy names its metric with exactly one of predefinedMetricType or
// customMetric (API_TargetTrackingScalingPolicyConfiguration.html); a policy with both or
// neither is told once, on one line naming the policy.

import { describe, it, expect } from 'vitest';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';

const dir = tempDir();

describe('predefinedMetricType and customMetric on one target tracking policy', () => {
  it('both: one line, exit 2; a second such policy gets its own one line', async () => {
    const s = quickstart();
    const policies = s.services.web.autoScaling.policies;
    const [name, p] = Object.entries<any>(policies).find(([, x]) => x.policyType === 'TargetTrackingScaling')!;
    p.predefinedMetricType = 'ECSServiceAverageCPUUtilization';
    p.customMetric = 'CPUUtilization';
    const one = await cli('validate', writeScenario(dir, 'both', s));
    expect(one.code).toBe(2);
    expect(one.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`services\\.web\\.autoScaling\\.policies\\.${name}: expected exactly one of predefinedMetricType or customMetric, found both$`)),
    ]);
    policies.second = { policyType: 'TargetTrackingScaling', targetValue: 50 };
    const two = await cli('validate', writeScenario(dir, 'both-and-neither', s));
    expect(two.code).toBe(2);
    const lines = two.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/services\.web\.autoScaling\.policies\.second: expected exactly one of predefinedMetricType or customMetric, found neither$/);
  });
});
