// Application Auto Scaling's quota "Step adjustments per step scaling policy" is 20 and
// adjustable (application-auto-scaling-quotas.html): a policy with more is run, not refused
// (unlike the 50 policies and 200 scheduled actions, which are not adjustable), and warned of.

import { describe, it, expect } from 'vitest';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, scenarioWarnings } from '../../src/scenario/index.js';

const dir = tempDir();
/** n steps of width 1 from the threshold up, the last one open-ended: no gap, no overlap. */
const steps = (n: number) =>
  Array.from({ length: n }, (_, i) => (i === n - 1 ? { metricIntervalLowerBound: i, scalingAdjustment: 1 } : { metricIntervalLowerBound: i, metricIntervalUpperBound: i + 1, scalingAdjustment: 1 }));
const scenario = (name: string, n: number) => {
  const s = quickstart();
  s.services.web.autoScaling.policies = {
    out: {
      policyType: 'StepScaling',
      alarm: { metricName: 'CPUUtilization', threshold: 70, comparisonOperator: 'GreaterThanThreshold' },
      adjustmentType: 'ChangeInCapacity',
      stepAdjustments: steps(n),
    },
  };
  return writeScenario(dir, name, s);
};
const quota = (file: string) =>
  scenarioWarnings(loadScenarioFile(file))
    .map((w) => `${w.at.join('.')}: ${w.message}`)
    .filter((w) => w.includes('quota'));

describe('more step adjustments than the default quota of 20', () => {
  it('25: accepted with one warning naming the key and the count', async () => {
    const file = scenario('steps25', 25);
    expect(quota(file)).toEqual([
      "services.web.autoScaling.policies.out.stepAdjustments: 25 step adjustments, above Application Auto Scaling's default quota of 20 per step scaling policy (adjustable: request an increase before relying on this)",
    ]);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*steps25\.yaml: services\.web\.autoScaling\.policies\.out\.stepAdjustments: 25 step adjustments, above/);
  });

  it('20 (at the quota) and 1: not warned; 21: warned', () => {
    expect(quota(scenario('steps20', 20))).toEqual([]);
    expect(quota(scenario('steps1', 1))).toEqual([]);
    expect(quota(scenario('steps21', 21))).toHaveLength(1);
  });
});
