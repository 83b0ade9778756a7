// explain credits an alarm to the policy that owns it by the alarm's exact name
// (TargetTracking-<service>-<policy>-AlarmHigh/AlarmLow, a step policy's alarm.name or
// StepScaling-<service>-<policy>), not by a prefix: policies cpu and cpu2, out and out-fast.
// Expectations by hand: AWS's target tracking AlarmLow threshold is 90 % of the target
// (autoscaling/application/userguide/target-tracking-scaling-policy-overview.html) and the
// capacity asked for is ceil(desired x metric / target).

import { describe, it, expect } from 'vitest';
import { scalingLines } from '../../../src/output/explain/scaling-lines.js';
import { servicesOf } from '../../../src/output/explain/read-results.js';
import type { EventRow, PolicyInfo, SeriesRow, ServiceInfo } from '../../../src/output/explain/results-tables.js';

const clock = { startEpochMs: Date.parse('2026-03-02T08:00:00Z'), withDate: false };
const row = (timeS: number): SeriesRow => ({ timeS, service: 'api', requestRate: 300, desiredCount: 3, runningCount: 3, cpuUtilization: 52.5, memoryUtilization: 40, minCapacity: 1, maxCapacity: 3, backlog: null, requestCountPerTarget: null });
const tt = (name: string, targetValue: number): PolicyInfo => ({ name, policyType: 'TargetTrackingScaling', metricName: 'CPUUtilization', targetValue, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300 });
const step = (name: string, alarmName: string | null = null): PolicyInfo => ({ name, policyType: 'StepScaling', metricName: 'CPUUtilization', targetValue: null, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300, alarmName });
const api = (policies: PolicyInfo[]): ServiceInfo => ({ name: 'api', minCapacity: 1, maxCapacity: 10, workloadType: 'http', newTarget: null, policies });
const ev = (timeS: number, type: string, message: string): EventRow => ({ timeS, type, subject: 'api', message });
const fifteen = Array.from({ length: 15 }, () => '52.5').join(' ');
const linesOf = (svc: ServiceInfo, events: EventRow[]) =>
  scalingLines(events, { services: new Map([['api', svc]]), series: new Map([['api', [row(0), row(600)]]]), clock }).map((l) => l.text);

describe('explain: an alarm is its own policy\'s, matched by its whole name', () => {
  it('cpu (target 60) listed before cpu2 (target 70): cpu2\'s AlarmLow (< 63) is told with cpu2\'s target: ceil(3 x 52.5/70) = 3', () => {
    const lines = linesOf(api([tt('cpu', 60), tt('cpu2', 70)]), [ev(960, 'alarm-state', `TargetTracking-api-cpu2-AlarmLow INSUFFICIENT_DATA -> ALARM: 15 datapoints < 63: ${fifteen}`)]);
    expect(lines).toEqual([
      'api: alarm TargetTracking-api-cpu2-AlarmLow in ALARM: CPU below 63 % (90 % of the target 70) for 15 datapoints (lowest 52.5, highest 52.5, newest 52.5); no scale in: ceil(3 x 52.5/70) = 3, not below desired 3',
    ]);
  });

  it('step policies out and out-fast: out-fast\'s alarm is told with out-fast\'s no-step event', () => {
    const events = [
      ev(600, 'alarm-state', 'StepScaling-api-out-fast OK -> ALARM: 3 datapoints > 50: 60.0 60.0 60.0'),
      ev(600, 'no-step-adjustment', 'step scaling out-fast: 3 datapoints > 50: 60.0 60.0 60.0; Average 60.0 is 10.0 above 50: no step adjustment covers it, nothing scaled; steps (-inf, 0] +1'),
    ];
    expect(linesOf(api([step('out'), step('out-fast')]), events)).toEqual([
      'api: alarm StepScaling-api-out-fast in ALARM: CPU above 50 % for 3 datapoints (60.0, 60.0, 60.0); no step adjustment for Average 60.0, 10.0 above 50 (steps (-inf, 0] +1): nothing scaled',
    ]);
  });

  it('a step policy with its own alarm.name (scenario.json) owns that alarm', () => {
    const scenario = { services: { api: { autoScaling: { policies: { out: { policyType: 'StepScaling', alarm: { name: 'api-cpu-high', metricName: 'CPUUtilization' } } } } } } };
    const svc = servicesOf(scenario).get('api')!;
    const events = [
      ev(600, 'alarm-state', 'api-cpu-high OK -> ALARM: 3 datapoints > 50: 60.0 60.0 60.0'),
      ev(600, 'no-step-adjustment', 'step scaling out: 3 datapoints > 50: 60.0 60.0 60.0; Average 60.0 is 10.0 above 50: no step adjustment covers it, nothing scaled; steps (-inf, 0] +1'),
    ];
    expect(linesOf(svc, events)).toEqual([
      'api: alarm api-cpu-high in ALARM: CPU above 50 % for 3 datapoints (60.0, 60.0, 60.0); no step adjustment for Average 60.0, 10.0 above 50 (steps (-inf, 0] +1): nothing scaled',
    ]);
  });
});

describe('explain: an alarm entering ALARM when another policy of the service scales at that instant', () => {
  // AAS: with several policies, the one that gives the largest capacity wins
  // (application-auto-scaling-target-tracking.html, "Multiple scaling policies"). Only the
  // alarm of the policy that made the activity is told by the activity's line.
  const ttActivity = ev(1440, 'scaling-activity', 'desired count 3 -> 6: target tracking tt: 3 datapoints > 50: 100.0 100.0 100.0; ceil(3 x 100.0/50) = 6');
  const ttHigh = ev(1440, 'alarm-state', 'TargetTracking-api-tt-AlarmHigh OK -> ALARM: 3 datapoints > 50: 100.0 100.0 100.0');
  const svc = api([step('out'), step('in'), tt('tt', 50)]);
  it('step out (74.7 > 70) is told with the winner; tt\'s own AlarmHigh is not told twice', () => {
    const lines = linesOf(svc, [ev(1440, 'alarm-state', 'StepScaling-api-out OK -> ALARM: 1 datapoint > 70: 74.7'), ttHigh, ttActivity]);
    expect(lines).toEqual([
      'api: alarm StepScaling-api-out in ALARM: CPU above 70 % for 1 datapoint (74.7); the largest capacity asked for wins: target tracking tt\'s 3 -> 6 at this instant, not step scaling out\'s',
      'api: CPU above 50 % for 3 datapoints (100.0, 100.0, 100.0) -> target tracking tt set desired 3 -> 6 (ceil(3 x 100.0/50) = 6)',
    ]);
  });
  it('a scale-in alarm at a scale out: no scale in', () => {
    const lines = linesOf(svc, [ev(1440, 'alarm-state', 'StepScaling-api-in OK -> ALARM: 3 datapoints < 30: 20.0 20.0 20.0'), ttActivity]);
    expect(lines[0]).toBe('api: alarm StepScaling-api-in in ALARM: CPU below 30 % for 3 datapoints (20.0, 20.0, 20.0); no scale in: target tracking tt scales out 3 -> 6 at this instant, and the largest capacity asked for wins');
  });
  it('a step policy that found no step says so, once', () => {
    const lines = linesOf(svc, [
      ev(1440, 'alarm-state', 'StepScaling-api-out OK -> ALARM: 1 datapoint > 70: 74.7'),
      ev(1440, 'no-step-adjustment', 'step scaling out: 1 datapoint > 70: 74.7; Average 74.7 is 4.7 above 70: no step adjustment covers it, nothing scaled; steps [10, +inf) +1'),
      ttActivity,
    ]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('api: alarm StepScaling-api-out in ALARM: CPU above 70 % for 1 datapoint (74.7); no step adjustment for Average 74.7, 4.7 above 70 (steps [10, +inf) +1): nothing scaled');
  });
  it('at a scheduled action\'s activity the alarms are left to its line, as before', () => {
    const sched = ev(1440, 'scaling-activity', 'desired count 3 -> 6: scheduled action peak (at(2026-03-02T08:24:00)): minCapacity 3 -> 6');
    expect(linesOf(svc, [ev(1440, 'alarm-state', 'StepScaling-api-out OK -> ALARM: 1 datapoint > 70: 74.7'), sched])).toHaveLength(1);
  });
});
