// explain's "no scale in" note when a target tracking policy's metric has no datapoints:
// RequestCountPerTarget with no requests. AWS: missing datapoints leave the alarm
// INSUFFICIENT_DATA and the policy cannot scale; target tracking scales in only when every
// policy with scale in enabled is ready to, so the CPU policy is blocked too
// (autoscaling/application/userguide/application-auto-scaling-target-tracking.html).

import { describe, it, expect } from 'vitest';
import { scalingNotes } from '../../../src/output/explain/scaling-notes.js';
import type { EventRow, PolicyInfo, SeriesRow, ServiceInfo } from '../../../src/output/explain/results-tables.js';

const clock = { startEpochMs: Date.parse('2026-03-02T09:00:00Z'), withDate: false };
const cpu: PolicyInfo = { name: 'cpu', policyType: 'TargetTrackingScaling', metricName: 'CPUUtilization', targetValue: 60, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300 };
const req: PolicyInfo = { name: 'req', policyType: 'TargetTrackingScaling', metricName: 'RequestCountPerTarget', targetValue: 6000, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300 };
const api = (policies: PolicyInfo[]): ServiceInfo => ({ name: 'api', minCapacity: 1, maxCapacity: 20, workloadType: 'http', newTarget: null, policies });
const ev = (timeS: number, message: string): EventRow => ({ timeS, type: 'alarm-state', subject: 'api', message });
const fifteen = (v: string) => Array.from({ length: 15 }, () => v).join(' ');

// 12 tasks; 09:00-09:09 1200 rps, 6000 requests per target, CPU 52.5; from 09:10 no requests:
// no RequestCountPerTarget datapoint, CPU 5. (column: null = no datapoint; `gapFrom` minutes)
function rows(gapFrom: number, count = 40, rcpt: number | null = 6000): SeriesRow[] {
  return Array.from({ length: count }, (_, i) => ({
    timeS: i * 60, service: 'api', requestRate: i < gapFrom ? 1200 : 0, desiredCount: 12, runningCount: 12,
    cpuUtilization: i < gapFrom ? 52.5 : 5, memoryUtilization: 30, minCapacity: 1, maxCapacity: 20, backlog: null,
    requestCountPerTarget: i < gapFrom ? rcpt : null,
  }));
}
// CPU 52.5 < 54 from 09:00: cpu's AlarmLow in ALARM at 09:15; req's AlarmLow OK (6000 not < 5400), INSUFFICIENT_DATA at 09:27
const events = [
  ev(240, `TargetTracking-api-req-AlarmLow INSUFFICIENT_DATA -> OK: 1 of 4 datapoints not < 5400: 6000.0 6000.0 6000.0 6000.0`),
  ev(900, `TargetTracking-api-cpu-AlarmLow INSUFFICIENT_DATA -> ALARM: 15 datapoints < 54: ${fifteen('52.5')}`),
  ev(1620, 'TargetTracking-api-req-AlarmLow OK -> INSUFFICIENT_DATA: no RequestCountPerTarget datapoints in the last 17 periods'),
];
const notes = (policies: PolicyInfo[], rs: SeriesRow[], evs: EventRow[] = events, toS = 2400) =>
  scalingNotes(api(policies), rs, { fromS: 0, toS, activityTimes: [], events: evs }, clock).map((n) => n.text);

describe('scalingNotes: no scale in while a policy\'s metric has no datapoints', () => {
  it('cpu and req, no requests from 09:10: req has no datapoints (INSUFFICIENT_DATA), and cpu, in ALARM, is blocked by req', () => {
    expect(notes([cpu, req], rows(10))).toEqual([
      "api: no scale in since 09:00: policy cpu's AlarmLow is in ALARM, but target tracking policy req's AlarmLow is INSUFFICIENT_DATA, and target tracking scales in only when every policy is ready to",
      'api: no scale in since 09:00: no RequestCountPerTarget datapoints since 09:10 (no requests): its AlarmLow is INSUFFICIENT_DATA, and target tracking scales in only when every policy is ready to',
    ]);
  });

  it('req alone, no alarm-state rows, 30 periods with no datapoint: its AlarmLow has none to go to ALARM on', () => {
    expect(notes([req], rows(10), [])).toEqual(['api: no scale in since 09:00: no RequestCountPerTarget datapoints since 09:10 (no requests): its AlarmLow has no datapoint to go to ALARM on']);
  });

  it('a gap of 5 periods with the AlarmLow still OK is not told as missing data (the values before it are)', () => {
    expect(notes([req], rows(35), [events[0]])).toEqual(['api: no scale in since 09:00: requests per target stayed at or above 5400 (90 % of the target 6000), lowest 6000']);
  });

  it('a stretch with no requests inside the window (09:10-09:30), the AlarmLow INSUFFICIENT_DATA 09:27-09:32, is told after the values seen', () => {
    // rows 10..29 have no datapoint (to 09:30); 17 periods after 09:10 the alarm has none in
    // its 15 + 2 lookback: INSUFFICIENT_DATA at 09:27; minute 30's datapoint is seen at 09:32
    const rs = rows(10).map((r, i) => (i >= 30 ? { ...r, requestRate: 1200, requestCountPerTarget: 6000, cpuUtilization: 52.5 } : r));
    const evs = [events[0], events[2], ev(1920, 'TargetTracking-api-req-AlarmLow INSUFFICIENT_DATA -> OK: 1 datapoint not < 5400: 6000.0')];
    expect(notes([req], rs, evs)).toEqual([
      'api: no scale in since 09:00: requests per target stayed at or above 5400 (90 % of the target 6000), lowest 6000; no RequestCountPerTarget datapoints 09:10-09:30 (no requests): its AlarmLow was INSUFFICIENT_DATA 09:27-09:32',
    ]);
    // without alarm-state rows: a gap of 20 periods (15 or more) is told all the same
    expect(notes([req], rs, [])).toEqual([
      'api: no scale in since 09:00: requests per target stayed at or above 5400 (90 % of the target 6000), lowest 6000; no RequestCountPerTarget datapoints 09:10-09:30 (no requests): 20 periods its AlarmLow could not go to ALARM on',
    ]);
  });

  it('a folder written before request_count_per_target (no datapoint in any row): no note for req', () => {
    expect(notes([req], rows(10, 40, null), [])).toEqual([]);
  });
});
