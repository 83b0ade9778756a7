// explain tells a scale in a held scale out overruled (a scale-in-held event: AAS "scales
// based on the policy that provides the largest capacity for both scale in and scale out",
// application-auto-scaling-target-tracking.html): on the AlarmLow line when it entered ALARM
// at that instant, else on a line of its own.

import { describe, it, expect } from 'vitest';
import { scalingLines } from '../../../src/output/explain/scaling-lines.js';
import { scalingNotes } from '../../../src/output/explain/scaling-notes.js';
import type { EventRow, PolicyInfo, SeriesRow, ServiceInfo } from '../../../src/output/explain/results-tables.js';

const clock = { startEpochMs: Date.parse('2026-03-02T08:00:00Z'), withDate: false };
const row = (timeS: number): SeriesRow => ({ timeS, service: 'api', requestRate: 600, desiredCount: 20, runningCount: 20, cpuUtilization: 15, memoryUtilization: 40, minCapacity: 2, maxCapacity: 20, backlog: null, requestCountPerTarget: 1800 });
const cpu: PolicyInfo = { name: 'cpu', policyType: 'TargetTrackingScaling', metricName: 'CPUUtilization', targetValue: 60, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300 };
const req: PolicyInfo = { name: 'req', policyType: 'TargetTrackingScaling', metricName: 'RequestCountPerTarget', targetValue: 1000, disableScaleIn: true, scaleOutCooldownS: 300, scaleInCooldownS: 300 };
const api: ServiceInfo = { name: 'api', minCapacity: 2, maxCapacity: 20, workloadType: 'http', newTarget: null, policies: [cpu, req] };
const ev = (timeS: number, type: string, message: string): EventRow => ({ timeS, type, subject: 'api', message });
const fifteen = Array.from({ length: 15 }, () => '15.0').join(' ');
const held = (timeS: number) =>
  ev(timeS, 'scale-in-held', `target tracking cpu asks for 5 (scale in from 20), not applied: target tracking req asks for 20 (maxCapacity): largest capacity wins; target tracking cpu: 15 datapoints < 54: ${fifteen}; ceil(20 x 15.0/60) = 5`);
const linesOf = (events: EventRow[]) =>
  scalingLines(events, { services: new Map([['api', api]]), series: new Map([['api', [row(0), row(900)]]]), clock }).map((l) => l.text);

describe('explain: a scale in held off by a policy asking for more', () => {
  it('on the AlarmLow line entering ALARM at that instant: no scale in to ceil(20 x 15/60) = 5, req asking for 20', () => {
    const lines = linesOf([ev(960, 'alarm-state', `TargetTracking-api-cpu-AlarmLow INSUFFICIENT_DATA -> ALARM: 15 datapoints < 54: ${fifteen}`), held(960)]);
    expect(lines).toEqual([
      'api: alarm TargetTracking-api-cpu-AlarmLow in ALARM: CPU below 54 % (90 % of the target 60) for 15 datapoints (lowest 15.0, highest 15.0, newest 15.0); no scale in to 5: target tracking req asks for 20 (maxCapacity): largest capacity wins',
    ]);
  });

  it('on a line of its own when the alarm was in ALARM already', () => {
    expect(linesOf([held(1020)])).toEqual([
      'api: target tracking cpu asks for 5 (scale in from 20): not applied, target tracking req asks for 20 (maxCapacity): largest capacity wins',
    ]);
  });
});

describe('explain notes: no scale in since, held off', () => {
  it('cpu\'s AlarmLow in ALARM from 08:16 and req asking for 20 at maxCapacity: the note says so, not that nothing explains it', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(i * 60));
    const events = [ev(960, 'alarm-state', `TargetTracking-api-cpu-AlarmLow INSUFFICIENT_DATA -> ALARM: 15 datapoints < 54: ${fifteen}`), held(960)];
    const notes = scalingNotes(api, rows, { fromS: 0, toS: 1800, activityTimes: [], events }, clock).map((n) => n.text);
    expect(notes).toContain(
      "api: no scale in since 08:00: policy cpu's AlarmLow is in ALARM, but target tracking req asks for 20 (maxCapacity): largest capacity wins (since 08:16)",
    );
  });

  // logged once per stay: a window from 08:20 still sees the 08:16 event; a stay ends with a
  // scaling activity, or when cpu's AlarmLow or req's AlarmHigh leaves ALARM
  const rows = Array.from({ length: 40 }, (_, i) => row(i * 60));
  const lowAlarm = ev(960, 'alarm-state', `TargetTracking-api-cpu-AlarmLow INSUFFICIENT_DATA -> ALARM: 15 datapoints < 54: ${fifteen}`);
  const notesFrom = (events: EventRow[], fromS = 1200, activityTimes: number[] = []) =>
    scalingNotes(api, rows, { fromS, toS: 2400, activityTimes, events }, clock)
      .map((n) => n.text)
      .filter((t) => t.includes('no scale in'));
  const heldNote = (since: string) => `policy cpu's AlarmLow is in ALARM, but target tracking req asks for 20 (maxCapacity): largest capacity wins (since ${since})`;

  it('a window from 08:20 to 08:40: the stay that started at 08:16 goes on, told from its event', () => {
    expect(notesFrom([lowAlarm, held(960)])).toEqual([`api: no scale in since 08:20: ${heldNote('08:16')}`]);
  });

  it('the stay ended before the window: req\'s AlarmHigh left ALARM at 08:18, or a scaling activity at 08:18: not told as held', () => {
    const highOk = ev(1080, 'alarm-state', 'TargetTracking-api-req-AlarmHigh ALARM -> OK: 1 of 3 datapoints not > 1000: 3600.0 3600.0 900.0');
    expect(notesFrom([lowAlarm, held(960), highOk]).some((n) => n.includes('asks for 20'))).toBe(false);
    const act = ev(1080, 'scaling-activity', 'desired count 20 -> 20: x');
    expect(notesFrom([lowAlarm, held(960), act], 1200, [1080]).some((n) => n.includes('asks for 20'))).toBe(false);
    // another alarm leaving ALARM (cpu2's, not the holder's) ends nothing
    const other = ev(1080, 'alarm-state', 'TargetTracking-api-cpu2-AlarmHigh ALARM -> OK: 1 of 3 datapoints not > 1000: 3600.0 3600.0 900.0');
    expect(notesFrom([lowAlarm, held(960), other])).toEqual([`api: no scale in since 08:20: ${heldNote('08:16')}`]);
  });

  it('cpu\'s AlarmLow left ALARM at 08:18 and is back in ALARM at 08:33 with no new event: the stay ended, not told as held', () => {
    const lowOk = ev(1080, 'alarm-state', 'TargetTracking-api-cpu-AlarmLow ALARM -> OK: 1 of 15 datapoints not < 54: 60.0');
    const lowAgain = ev(1980, 'alarm-state', `TargetTracking-api-cpu-AlarmLow OK -> ALARM: 15 datapoints < 54: ${fifteen}`);
    expect(notesFrom([lowAlarm, held(960), lowOk, lowAgain]).some((n) => n.includes('asks for 20'))).toBe(false);
  });

  it('a step policy holding: its own alarm leaving ALARM ends the stay', () => {
    const out: PolicyInfo = { name: 'out', policyType: 'StepScaling', metricName: 'CPUUtilization', targetValue: null, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300, alarmName: 'cpu-high' };
    const withStep: ServiceInfo = { ...api, policies: [cpu, req, out] };
    const stepHeld = ev(960, 'scale-in-held', `target tracking cpu asks for 5 (scale in from 20), not applied: step scaling out asks for 20 (maxCapacity): largest capacity wins; target tracking cpu: 15 datapoints < 54: ${fifteen}; ceil(20 x 15.0/60) = 5`);
    const notes = (events: EventRow[]) =>
      scalingNotes(withStep, rows, { fromS: 1200, toS: 2400, activityTimes: [], events }, clock)
        .map((n) => n.text)
        .filter((t) => t.includes('no scale in'));
    expect(notes([lowAlarm, stepHeld])).toEqual([
      "api: no scale in since 08:20: policy cpu's AlarmLow is in ALARM, but step scaling out asks for 20 (maxCapacity): largest capacity wins (since 08:16)",
    ]);
    const stepOk = ev(1080, 'alarm-state', 'cpu-high ALARM -> OK: 1 datapoint not > 70: 50.0');
    expect(notes([lowAlarm, stepHeld, stepOk]).some((n) => n.includes('asks for 20'))).toBe(false);
  });
});
