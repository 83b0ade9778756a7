// customMetricStatistic on a target tracking policy with customMetric: the Statistic of AAS's
// CustomizedMetricSpecification (Average | Minimum | Maximum | SampleCount | Sum), used by both
// managed alarms; RequestCountPerTarget accepts only Sum (its only valid statistic); a
// predefined metric has its own statistic, so the key is refused beside predefinedMetricType.

import { describe, it, expect } from 'vitest';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { targetTrackingAlarms } from '../../src/scaling/target-tracking.js';

const dir = tempDir();
const withPolicy = (name: string, policy: Record<string, unknown>) => {
  const s = quickstart();
  s.services.web.autoScaling.policies = { cpu: { policyType: 'TargetTrackingScaling', targetValue: 60, ...policy } };
  return writeScenario(dir, name, s);
};

describe('customMetricStatistic', () => {
  it('Maximum on customMetric CPUUtilization: accepted, and both managed alarms use Maximum', async () => {
    const file = withPolicy('max', { customMetric: 'CPUUtilization', customMetricStatistic: 'Maximum' });
    const policy = loadScenarioFile(file).services[0].config.autoScaling!.policies.cpu as any;
    expect(targetTrackingAlarms('web', 'cpu', policy).map((a) => [a.name, a.statistic])).toEqual([
      ['TargetTracking-web-cpu-AlarmHigh', 'Maximum'],
      ['TargetTracking-web-cpu-AlarmLow', 'Maximum'],
    ]);
    expect((await cli('validate', file)).code).toBe(0);
  });

  it('Average on customMetric RequestCountPerTarget: refused, one line naming the key', async () => {
    const r = await cli('validate', withPolicy('rc-average', { customMetric: 'RequestCountPerTarget', customMetricStatistic: 'Average' }));
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/services\.web\.autoScaling\.policies\.cpu\.customMetricStatistic: expected Sum .*found Average$/);
  });

  it('beside predefinedMetricType: refused, one line naming the key (it would be ignored)', async () => {
    const r = await cli('validate', withPolicy('predefined', { predefinedMetricType: 'ECSServiceAverageCPUUtilization', customMetricStatistic: 'Maximum' }));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/services\.web\.autoScaling\.policies\.cpu\.customMetricStatistic: expected only with customMetric \(a predefined metric has its own statistic\), found Maximum; remove it or use customMetric$/),
    ]);
  });
});
