import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { buildReportHtml } from '../../../src/output/report/index.js';
import { ROLE } from '../../../src/output/report/charts/palette.js';
import { charts, tempDir, writeFakeRun } from './fixtures.js';

/** The fill colours of the shaded alarm bands of one chart, in drawing order. */
const bandColors = (svg: string) => [...svg.matchAll(/<rect class="band"[^>]*fill="([^"]+)"/g)].map((m) => m[1]);
const chartTitled = (html: string, title: string) => charts(html).find((s) => s.includes(title))!;

const step = (metricName: string, comparisonOperator: string, threshold: number, adjustments: number[], adjustmentType = 'ChangeInCapacity') => ({
  policyType: 'StepScaling',
  alarm: { metricName, comparisonOperator, threshold, evaluationPeriods: 1 },
  adjustmentType,
  stepAdjustments: adjustments.map((a) => (a > 0 ? { metricIntervalLowerBound: 0, scalingAdjustment: a } : { metricIntervalUpperBound: 0, scalingAdjustment: a })),
});

describe('alarm bands: each alarm on the chart of its metric, shaded by what its policy does', () => {
  it('a step policy with negative adjustments is a scale-in band (blue), one with positive ones scale-out (red), by its policy not its name', () => {
    const dir = writeFakeRun(join(tempDir('step-bands'), 'run'), {
      services: ['web'],
      providers: ['asg'],
      periods: 60,
      events: [
        '600,alarm-state,web,StepScaling-web-surge OK -> ALARM: 1 datapoint >= 70: 90.0',
        '900,alarm-state,web,StepScaling-web-surge ALARM -> OK: 1 of 1 datapoint not >= 70: 50.0',
        '1800,alarm-state,web,StepScaling-web-calm OK -> ALARM: 10 datapoints < 40: 30.0',
        '2400,alarm-state,web,StepScaling-web-calm ALARM -> OK: 1 of 10 datapoints not < 40: 45.0',
      ],
      scenario: {
        duration: '1h',
        services: {
          web: {
            autoScaling: {
              minCapacity: 1,
              maxCapacity: 10,
              policies: { surge: step('CPUUtilization', 'GreaterThanOrEqualToThreshold', 70, [2]), calm: step('CPUUtilization', 'LessThanThreshold', 40, [-1]) },
            },
          },
        },
      },
    });
    const html = buildReportHtml(dir);
    const util = chartTitled(html, 'utilization vs scaling targets');
    expect(bandColors(util)).toEqual([ROLE.alarmHigh, ROLE.alarmLow]);
    expect(util).toContain('alarm in ALARM (its policy scales in)');
    // the two thresholds in two colours
    const refColors = [...util.matchAll(/<line class="ref"[^>]*stroke="([^"]+)"/g)].map((m) => m[1]);
    expect(refColors.length).toBe(2);
    expect(new Set(refColors).size).toBe(2);
  });

  it('a queue metric alarm goes on the backlog chart, not the CPU one; a RequestCountPerTarget alarm on none, named in a note', () => {
    const dir = writeFakeRun(join(tempDir('queue-bands'), 'run'), {
      services: ['worker'],
      providers: ['asg'],
      periods: 60,
      backlog: (k) => (k < 30 ? 500 : 0),
      events: [
        '60,alarm-state,worker,StepScaling-worker-wake OK -> ALARM: 1 datapoint > 0: 500',
        '1800,alarm-state,worker,StepScaling-worker-wake ALARM -> OK: 1 of 1 datapoint not > 0: 0',
        '120,alarm-state,worker,TargetTracking-worker-cpu-AlarmHigh OK -> ALARM: 3 datapoints > 50: 90.0 90.0 90.0',
        '600,alarm-state,worker,TargetTracking-worker-cpu-AlarmHigh ALARM -> OK: 1 of 3 datapoints not > 50: 20.0',
        '700,alarm-state,worker,StepScaling-worker-req OK -> ALARM: 1 datapoint > 1000: 2000',
      ],
      scenario: {
        duration: '1h',
        services: {
          worker: {
            workload: { type: 'queue' },
            autoScaling: {
              minCapacity: 0,
              maxCapacity: 10,
              policies: {
                wake: step('ApproximateNumberOfMessagesVisible', 'GreaterThanThreshold', 0, [2]),
                cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 },
                req: step('RequestCountPerTarget', 'GreaterThanThreshold', 1000, [1]),
              },
            },
          },
        },
      },
    });
    const html = buildReportHtml(dir);
    expect(bandColors(chartTitled(html, 'utilization vs scaling targets'))).toEqual([ROLE.alarmHigh]);
    const backlog = chartTitled(html, 'backlog per task vs target');
    expect(bandColors(backlog)).toEqual([ROLE.alarmHigh]);
    expect(backlog).toContain('wake: alarm threshold 0 (right axis)');
    expect(html).toContain('Alarms not drawn, as no chart shows their metric: StepScaling-worker-req (RequestCountPerTarget).');
  });

  it('without scenario.json no alarm is drawn (their metrics are unknown)', () => {
    const dir = writeFakeRun(join(tempDir('noscn-bands'), 'run'), {
      services: ['web'],
      providers: ['asg'],
      periods: 60,
      events: ['600,alarm-state,web,TargetTracking-web-cpu-AlarmHigh OK -> ALARM: 3 datapoints > 60: 90.0 90.0 90.0'],
    });
    const html = buildReportHtml(dir);
    expect(bandColors(chartTitled(html, 'utilization'))).toEqual([]);
    expect(html).toContain('targets and alarms unknown: no scenario.json');
  });
});
