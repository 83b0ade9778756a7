// A step policy invoked in ALARM whose steps cover no part of the breach changes nothing
// (API_StepAdjustment.html: bounds are relative to the threshold; a metric of 60 above a
// threshold of 50 is a breach of +10, and a step [-inf, 0) cannot take it), and says so:
// a no-step-adjustment event, which explain reads back, and a warning at validate.
// 4 tasks at 240 rps, cpuBaseline 0, capacityRps 100: 60 % CPU each (cpu.ts).

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { scalingLines } from '../../src/output/explain/scaling-lines.js';
import { runKeepingRows, quickstart } from '../helpers.js';

function scenario(stepAdjustments: unknown[], comparisonOperator = 'GreaterThanThreshold') {
  const s = quickstart();
  s.duration = '10m';
  const web = s.services.web;
  web.desiredCount = 4;
  web.workload.requestRate = 240;
  web.workload.perTask.cpuBaseline = 0;
  delete web.workload.slo;
  web.autoScaling = {
    minCapacity: 1,
    maxCapacity: 20,
    policies: {
      out: {
        policyType: 'StepScaling',
        alarm: { metricName: 'CPUUtilization', threshold: 50, comparisonOperator },
        adjustmentType: 'ChangeInCapacity',
        stepAdjustments,
      },
    },
  };
  return s;
}

describe('a step policy that finds no step for the breach', () => {
  const s = scenario([{ metricIntervalUpperBound: 0, scalingAdjustment: 1 }]);

  it('logs one no-step-adjustment event when the alarm enters ALARM (not again each minute it stays there), and scales nothing', () => {
    const r = runKeepingRows(s, { seed: 1 });
    const alarm = r.events.filter((e) => e.type === 'alarm-state' && e.message.includes('-> ALARM'));
    const noStep = r.events.filter((e) => e.type === 'no-step-adjustment');
    expect(alarm).toHaveLength(1);
    expect(noStep).toHaveLength(1);
    expect(noStep[0].time).toBe(alarm[0].time);
    expect(noStep[0].subject).toBe('web');
    expect(noStep[0].message).toContain('Average 60.0 is 10.0 above 50: no step adjustment covers it, nothing scaled; steps (-inf, 0) +1');
    expect(r.events.filter((e) => e.type === 'scaling-activity')).toEqual([]);

    // explain: the alarm line says why nothing scaled, not "scale-out cooldown"
    const rows = r.events.map((e) => ({ timeS: e.time / 1000, type: e.type, subject: e.subject, message: e.message }));
    const policies = [{ name: 'out', policyType: 'StepScaling', metricName: 'CPUUtilization', targetValue: null, disableScaleIn: false }];
    const services = new Map([['web', { name: 'web', minCapacity: 1, maxCapacity: 20, workloadType: 'http', newTarget: null, policies }]]);
    const lines = scalingLines(rows, { services: services as never, series: new Map() }).map((l) => l.text);
    expect(lines).toEqual(['web: alarm StepScaling-web-out in ALARM: CPU above 50 % for 1 datapoint (60.0); no step adjustment for Average 60.0, 10.0 above 50 (steps (-inf, 0) +1): nothing scaled']);
  });

  it('is warned of at validate: a Greater* alarm whose steps all end at or below 0, or begin above 0; a Less* alarm whose steps all begin at or above 0', () => {
    const at = (x: Record<string, any>) => scenarioWarnings(loadScenarioObject('t', x, { baseDir: '.' })).filter((w) => w.at.includes('stepAdjustments'));
    const none = at(s);
    expect(none.map((w) => w.at.join('.'))).toEqual(['services.web.autoScaling.policies.out.stepAdjustments']);
    expect(none[0].message).toMatch(/^no step covers a breach above the threshold \(every metricIntervalUpperBound is <= 0\) of the alarm \(GreaterThanThreshold 50\)/);
    const part = at(scenario([{ metricIntervalLowerBound: 10, scalingAdjustment: 1 }]));
    expect(part[0].message).toMatch(/^no step covers a breach above the threshold by less than 10 /);
    const below = at(scenario([{ metricIntervalLowerBound: 0, scalingAdjustment: -1 }], 'LessThanThreshold'));
    expect(below[0].message).toMatch(/^no step covers a breach below the threshold \(every metricIntervalLowerBound is >= 0\)/);
    // covered: [0, +inf) above; (-inf, 0] below
    expect(at(scenario([{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }]))).toEqual([]);
    expect(at(scenario([{ metricIntervalUpperBound: 0, scalingAdjustment: -1 }], 'LessThanThreshold'))).toEqual([]);
  });
});

// metricAggregationType combines all the datapoints the alarm evaluated (AWS's CDK reference,
// BasicStepScalingPolicyProps): with datapointsToAlarm below evaluationPeriods the Average,
// or the extreme on the non-breaching side (Minimum for Greater*, Maximum for Less*), can be
// on the non-breaching side while the alarm is in ALARM; unless a step reaches there
// (no lower bound for Greater*, no upper bound for Less*), nothing scales then.
describe('a warning for an M-of-N step alarm whose aggregate can fall where no step covers it', () => {
  const warned = (alarm: Record<string, unknown>, extra: Record<string, unknown> = {}, steps: unknown[] = [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }], op = 'GreaterThanThreshold') => {
    const s = scenario(steps, op);
    Object.assign(s.services.web.autoScaling.policies.out.alarm, alarm);
    Object.assign(s.services.web.autoScaling.policies.out, extra);
    return scenarioWarnings(loadScenarioObject('t', s, { baseDir: '.' })).filter((w) => w.at.at(-1) === 'metricAggregationType');
  };
  it('2 of 3 with Average (the default) or Minimum on a Greater* alarm, steps from 0 up: warned; Maximum, 3 of 3, or a step with no lower bound: not', () => {
    const w = warned({ evaluationPeriods: 3, datapointsToAlarm: 2 });
    expect(w.map((x) => x.at.join('.'))).toEqual(['services.web.autoScaling.policies.out.metricAggregationType']);
    expect(w[0].message).toMatch(/^Average of all 3 datapoints the alarm evaluates \(datapointsToAlarm 2 of evaluationPeriods 3\): the alarm can be in ALARM with the Average below the threshold 50, where no step covers it/);
    expect(w[0].message).toContain('use Maximum, or a step with no metricIntervalLowerBound');
    expect(warned({ evaluationPeriods: 3, datapointsToAlarm: 2 }, { metricAggregationType: 'Minimum' })).toHaveLength(1);
    expect(warned({ evaluationPeriods: 3, datapointsToAlarm: 2 }, { metricAggregationType: 'Maximum' })).toEqual([]);
    expect(warned({ evaluationPeriods: 3, datapointsToAlarm: 3 })).toEqual([]);
    expect(warned({ evaluationPeriods: 3 })).toEqual([]);
    expect(warned({ evaluationPeriods: 3, datapointsToAlarm: 2 }, {}, [{ metricIntervalUpperBound: 10, scalingAdjustment: 1 }, { metricIntervalLowerBound: 10, scalingAdjustment: 2 }])).toEqual([]);
  });
  it('a Greater* alarm whose steps reach down to a breach of -threshold covers every value (metrics are 0 or more): a "> 0" wake alarm with a step from 0 is not warned; steps from 10 on "> 0" are', () => {
    // "> 0", 2 of 3, Average or Minimum: the aggregate of values >= 0 is >= 0, a breach >= 0, in [0, +inf)
    expect(warned({ evaluationPeriods: 3, datapointsToAlarm: 2, threshold: 0 })).toEqual([]);
    expect(warned({ evaluationPeriods: 3, datapointsToAlarm: 2, threshold: 0 }, { metricAggregationType: 'Minimum' })).toEqual([]);
    // steps from a breach of 10: an Average of 0 0 30 = 10 is covered, of 0 5 5 = 3.3 (2 of 3 > 0) is not
    expect(warned({ evaluationPeriods: 3, datapointsToAlarm: 2, threshold: 0 }, {}, [{ metricIntervalLowerBound: 10, scalingAdjustment: 1 }])).toHaveLength(1);
  });
  it('a Less* alarm: Maximum warned (above the threshold), Minimum not, a step with no upper bound not', () => {
    const down = [{ metricIntervalUpperBound: 0, scalingAdjustment: -1 }];
    const w = warned({ evaluationPeriods: 5, datapointsToAlarm: 3 }, { metricAggregationType: 'Maximum' }, down, 'LessThanThreshold');
    expect(w).toHaveLength(1);
    expect(w[0].message).toContain('Maximum above the threshold 50');
    expect(w[0].message).toContain('use Minimum, or a step with no metricIntervalUpperBound');
    expect(warned({ evaluationPeriods: 5, datapointsToAlarm: 3 }, { metricAggregationType: 'Minimum' }, down, 'LessThanThreshold')).toEqual([]);
    expect(warned({ evaluationPeriods: 5, datapointsToAlarm: 3 }, {}, [{ metricIntervalLowerBound: -10, scalingAdjustment: -1 }, { metricIntervalUpperBound: -10, scalingAdjustment: -2 }], 'LessThanThreshold')).toEqual([]);
  });
});
