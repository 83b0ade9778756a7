import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReportHtml } from '../../../src/output/report/index.js';
import { ROLE } from '../../../src/output/report/charts/palette.js';
import { charts, seriesPaths, tempDir, writeFakeRun } from './fixtures.js';

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

  it('a queue metric alarm goes on the backlog chart, not the CPU one', () => {
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
    expect(html).not.toContain('Alarms not drawn');
    expect(html).not.toContain('requests per target');
  });

  it('RequestCountPerTarget: a requests-per-target chart with the target line, the scale-in threshold and the alarms in ALARM; a step alarm on it too', () => {
    // 2 tasks, 100 requests/s: 6000 requests a minute over 2 healthy targets = 3000 per target
    const dir = writeFakeRun(join(tempDir('rcpt-bands'), 'run'), {
      services: ['web'],
      providers: ['asg'],
      periods: 60,
      running: () => 2,
      requestCountPerTarget: (k) => (k < 5 ? null : 6000 / 2),
      events: [
        '600,alarm-state,web,TargetTracking-web-rc-AlarmHigh OK -> ALARM: 3 datapoints > 2000: 3000.0 3000.0 3000.0',
        '900,alarm-state,web,TargetTracking-web-rc-AlarmHigh ALARM -> OK: 1 of 3 datapoints not > 2000: 1000.0',
        '1200,alarm-state,web,StepScaling-web-surge OK -> ALARM: 1 datapoint > 2500: 3000.0',
        '1500,alarm-state,web,StepScaling-web-surge ALARM -> OK: 1 of 1 datapoint not > 2500: 1000.0',
        '1800,alarm-state,web,TargetTracking-web-cpu-AlarmHigh OK -> ALARM: 3 datapoints > 50: 90.0 90.0 90.0',
      ],
      scenario: {
        duration: '1h',
        services: {
          web: {
            loadBalancer: {},
            workload: { type: 'http' },
            autoScaling: {
              minCapacity: 1,
              maxCapacity: 10,
              policies: {
                rc: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ALBRequestCountPerTarget', targetValue: 2000 },
                surge: step('RequestCountPerTarget', 'GreaterThanThreshold', 2500, [2]),
                cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 },
              },
            },
          },
        },
      },
    });
    const html = buildReportHtml(dir);
    const chart = chartTitled(html, 'web — requests per target vs target');
    expect(chart).toBeDefined();
    // the target, 90 % of it (AAS's low alarm) and the step alarm's threshold
    expect(chart).toContain('rc: target 2000');
    expect(chart).toContain('rc: scale-in threshold 1800');
    expect(chart).toContain('surge: alarm threshold 2500');
    // the target tracking high alarm and the step alarm (scale out): two red bands; the CPU alarm is not here
    expect(bandColors(chart)).toEqual([ROLE.alarmHigh, ROLE.alarmHigh]);
    expect(bandColors(chartTitled(html, 'utilization vs scaling targets'))).toEqual([ROLE.alarmHigh]);
    // the datapoints drawn: 3000 from period 5 (at each period's middle), none before
    const path = seriesPaths(chart)[0];
    const points = [...path.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(points.length).toBe(55);
    expect(path.match(/M/g)!.length).toBe(1);
    const tick3000 = Number(/y="([\d.]+)"[^>]*class="tick">3,000</.exec(chart)![1]);
    for (const [, y] of points) expect(y).toBe(tick3000);
    expect(html).not.toContain('Alarms not drawn');
  });

  it('no requests-per-target chart for a service whose policies do not scale on it, nor for a folder without the column (its alarms are named in a note)', () => {
    const noPolicy = writeFakeRun(join(tempDir('rcpt-none'), 'run'), {
      services: ['web'],
      providers: ['asg'],
      periods: 30,
      requestCountPerTarget: () => 3000,
      scenario: { duration: '30m', services: { web: { autoScaling: { minCapacity: 1, maxCapacity: 4, policies: { cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 } } } } } },
    });
    expect(buildReportHtml(noPolicy)).not.toContain('requests per target');
    // a results folder of an older ecsim, without the column
    const old = writeFakeRun(join(tempDir('rcpt-old'), 'run'), {
      services: ['web'],
      providers: ['asg'],
      periods: 30,
      scenario: { duration: '30m', services: { web: { autoScaling: { minCapacity: 1, maxCapacity: 4, policies: { rc: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ALBRequestCountPerTarget', targetValue: 2000 } } } } } },
    });
    const file = join(old, 'timeseries.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/,[^,\n]*$/gm, ''));
    const html = buildReportHtml(old);
    expect(html).not.toContain('requests per target vs target');
    expect(html).toContain('Alarms not drawn, as no chart shows their metric: TargetTracking-web-rc-AlarmHigh (ALBRequestCountPerTarget), TargetTracking-web-rc-AlarmLow (ALBRequestCountPerTarget).');
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
