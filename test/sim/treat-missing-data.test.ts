// TreatMissingData end to end, on a step scaling alarm (CPUUtilization > 30, 3 of 3) of a
// service whose tasks start with the run: minute 0 has no RUNNING task, so no datapoint;
// minute 1 onwards is real and breaching (35 % in minute 1, the tasks being RUNNING from
// 72 s). Each datapoint is visible one minute plus the 60 s publish delay after its start.
// AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html

import { describe, it, expect } from 'vitest';
import { runKeepingRows, quickstart } from '../helpers.js';

function run(treatMissingData?: string) {
  const s = quickstart();
  s.duration = '10m';
  s.metrics = { period: '60s', publishDelay: '60s' };
  s.services.web.workload.requestRate = 450;
  s.services.web.autoScaling.policies = {
    out: {
      policyType: 'StepScaling',
      alarm: { metricName: 'CPUUtilization', period: '60s', evaluationPeriods: 3, threshold: 30, comparisonOperator: 'GreaterThanThreshold', ...(treatMissingData ? { treatMissingData } : {}) },
      adjustmentType: 'ChangeInCapacity',
      stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 2 }],
    },
  };
  const r = runKeepingRows(s, { seed: 1 });
  return {
    states: r.events.filter((e) => e.type === 'alarm-state').map((e) => `${e.time / 1000} ${e.message.split(':')[0].replace('StepScaling-web-out ', '')}`),
    firstScaleOut: r.events.find((e) => e.type === 'scaling-activity')?.time,
    messages: r.events.filter((e) => e.type === 'alarm-state').map((e) => e.message),
  };
}

describe('treatMissingData on a step scaling alarm', () => {
  it('missing (the default): INSUFFICIENT_DATA while fewer than 3 datapoints are real and the oldest breaching one is under 3 periods old; ALARM at 300 s', () => {
    // 180 s: "- - - - X"; 240 s: "- - - X X"; 300 s: "- - X X X"
    for (const t of [undefined, 'missing']) {
      const r = run(t);
      expect(r.states.slice(0, 1)).toEqual(['300 INSUFFICIENT_DATA -> ALARM']);
      expect(r.firstScaleOut).toBe(300_000);
    }
  });

  it('breaching: ALARM at 120 s on three filled datapoints, which scales nothing (no metric value to choose a step); at 180 s one real + two filled scale out, two minutes sooner', () => {
    const r = run('breaching');
    expect(r.states[0]).toBe('120 INSUFFICIENT_DATA -> ALARM');
    expect(r.messages[0]).toContain('3 datapoints > 30 (3 missing, treated as breaching)');
    expect(r.firstScaleOut).toBe(180_000);
  });

  it('notBreaching: OK at 120 s (three filled, not breaching), then OK while one or two real ones breach, ALARM at 300 s', () => {
    const r = run('notBreaching');
    expect(r.states.slice(0, 2)).toEqual(['120 INSUFFICIENT_DATA -> OK', '300 OK -> ALARM']);
    expect(r.messages[0]).toContain('(3 missing, treated as not breaching)');
    expect(r.firstScaleOut).toBe(300_000);
  });

  it('ignore: keeps INSUFFICIENT_DATA (its state) until 3 real datapoints decide', () => {
    const r = run('ignore');
    expect(r.states.slice(0, 1)).toEqual(['300 INSUFFICIENT_DATA -> ALARM']);
    expect(r.firstScaleOut).toBe(300_000);
  });
});
