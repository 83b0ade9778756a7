// results/scenario.json is the scenario as the run used it: every default filled in,
// including those applied after parsing (outputs.md).

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUICKSTART, cli, quickstart, tempDir, writeScenario } from '../helpers.js';

describe('scenario.json', () => {
  it('records the capacity providers\' defaults, the default placement strategy and a step alarm\'s datapointsToAlarm', async () => {
    const dir = tempDir();
    const r = await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', join(dir, 'out'));
    expect(r.code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'out', 'scenario.json'), 'utf8'));
    const ec2 = s.cluster.capacityProviders.ec2;
    // not written in quickstart.yaml: filled in as the run used them
    expect(ec2.autoScalingGroup.purchaseOption).toBe('on-demand');
    expect(ec2.autoScalingGroup.desiredCapacity).toBe(ec2.autoScalingGroup.minSize);
    expect(ec2.managedDraining).toBe('ENABLED');
    expect(s.services.web.placementStrategy).toEqual([
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
      { type: 'spread', field: 'instanceId' },
    ]);
  });

  it('a step alarm without datapointsToAlarm records N of N (evaluationPeriods)', async () => {
    const dir = tempDir();
    const q = quickstart();
    q.services.web.autoScaling.policies.calm = {
      policyType: 'StepScaling',
      alarm: { metricName: 'CPUUtilization', evaluationPeriods: 10, threshold: 40, comparisonOperator: 'LessThanThreshold' },
      adjustmentType: 'ChangeInCapacity',
      stepAdjustments: [{ metricIntervalUpperBound: 0, scalingAdjustment: -1 }],
    };
    const file = writeScenario(dir, 'calm', q);
    expect((await cli('run', file, '--duration', '10m', '--quiet', '--out', join(dir, 'out'))).code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'out', 'scenario.json'), 'utf8'));
    expect(s.services.web.autoScaling.policies.calm.alarm).toMatchObject({ evaluationPeriods: 10, datapointsToAlarm: 10, statistic: 'Average', period: 60_000 });
  });
});
