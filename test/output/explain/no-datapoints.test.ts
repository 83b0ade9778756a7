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

// 12 tasks; 09:00-09:09 1200 rps, 6000 requests per target, CPU 52.5; from 09:10 no requests
// and no RequestCountPerTarget datapoint. (column: null = no datapoint; `gapFrom` minutes.)
// Since 2026-11-27 a period with no request has a datapoint of 0 while a target is registered
// (a task RUNNING): a gap is one with no task RUNNING (`gapRunning` 0, no CPU either). A
// folder written before then has a gap with tasks RUNNING and no requests (`gapRunning` 12,
// CPU 5): "(no requests)".
function rows(gapFrom: number, count = 40, rcpt: number | null = 6000, gapRunning = 0): SeriesRow[] {
  return Array.from({ length: count }, (_, i) => ({
    timeS: i * 60, service: 'api', requestRate: i < gapFrom ? 1200 : 0, desiredCount: 12, runningCount: i < gapFrom ? 12 : gapRunning,
    cpuUtilization: i < gapFrom ? 52.5 : gapRunning > 0 ? 5 : null, memoryUtilization: 30, minCapacity: 1, maxCapacity: 20, backlog: null,
    requestCountPerTarget: i < gapFrom ? rcpt : null,
  }));
}
const OLD_FOLDER = 12;
// CPU 52.5 < 54 from 09:00: cpu's AlarmLow in ALARM at 09:15; req's AlarmLow OK (6000 not < 5400), INSUFFICIENT_DATA at 09:27
const events = [
  ev(240, `TargetTracking-api-req-AlarmLow INSUFFICIENT_DATA -> OK: 1 of 4 datapoints not < 5400: 6000.0 6000.0 6000.0 6000.0`),
  ev(900, `TargetTracking-api-cpu-AlarmLow INSUFFICIENT_DATA -> ALARM: 15 datapoints < 54: ${fifteen('52.5')}`),
  ev(1620, 'TargetTracking-api-req-AlarmLow OK -> INSUFFICIENT_DATA: no RequestCountPerTarget datapoints in the last 17 periods'),
];
const notes = (policies: PolicyInfo[], rs: SeriesRow[], evs: EventRow[] = events, toS = 2400) =>
  scalingNotes(api(policies), rs, { fromS: 0, toS, activityTimes: [], events: evs }, clock).map((n) => n.text);

describe('scalingNotes: no scale in while a policy\'s metric has no datapoints', () => {
  it('cpu and req, no requests from 09:10 (a folder written before 2026-11-27): req has no datapoints (INSUFFICIENT_DATA), and cpu, in ALARM, is blocked by req', () => {
    expect(notes([cpu, req], rows(10, 40, 6000, OLD_FOLDER))).toEqual([
      "api: no scale in since 09:00: policy cpu's AlarmLow is in ALARM, but target tracking policy req's AlarmLow is INSUFFICIENT_DATA, and target tracking scales in only when every policy is ready to",
      'api: no scale in since 09:00: no RequestCountPerTarget datapoints since 09:10 (no requests): its AlarmLow is INSUFFICIENT_DATA, and target tracking scales in only when every policy is ready to',
    ]);
  });

  it('req alone, no alarm-state rows, 30 periods with no datapoint: its AlarmLow has none to go to ALARM on', () => {
    // no task RUNNING from 09:10: no registered target to divide by
    expect(notes([req], rows(10), [])).toEqual([
      'api: no scale in since 09:00: no RequestCountPerTarget datapoints since 09:10 (no registered target): its AlarmLow has no datapoint to go to ALARM on',
    ]);
    // a folder written before 2026-11-27: tasks RUNNING, no requests, no datapoint
    expect(notes([req], rows(10, 40, 6000, OLD_FOLDER), [])).toEqual([
      'api: no scale in since 09:00: no RequestCountPerTarget datapoints since 09:10 (no requests): its AlarmLow has no datapoint to go to ALARM on',
    ]);
    // neither all RUNNING nor all without a task (tasks back at 09:20, still no datapoint): no cause said
    const mixed = rows(10).map((r, i) => (i >= 20 ? { ...r, runningCount: 12 } : r));
    expect(notes([req], mixed, [])).toEqual([
      'api: no scale in since 09:00: no RequestCountPerTarget datapoints since 09:10: its AlarmLow has no datapoint to go to ALARM on',
    ]);
  });

  it('a gap of 5 periods with the AlarmLow still OK is not told as missing data (the values before it are)', () => {
    expect(notes([req], rows(35), [events[0]])).toEqual(['api: no scale in since 09:00: requests per target stayed at or above 5400 (90 % of the target 6000), lowest 6000']);
  });

  it('a stretch with no registered target inside the window (09:10-09:30), the AlarmLow INSUFFICIENT_DATA 09:27-09:32, is told after the values seen', () => {
    // rows 10..29 have no datapoint (to 09:30); 17 periods after 09:10 the alarm has none in
    // its 15 + 2 lookback: INSUFFICIENT_DATA at 09:27; minute 30's datapoint is seen at 09:32
    const back = (r: SeriesRow, i: number) => (i >= 30 ? { ...r, requestRate: 1200, runningCount: 12, requestCountPerTarget: 6000, cpuUtilization: 52.5 } : r);
    const rs = rows(10).map(back);
    const evs = [events[0], events[2], ev(1920, 'TargetTracking-api-req-AlarmLow INSUFFICIENT_DATA -> OK: 1 datapoint not < 5400: 6000.0')];
    expect(notes([req], rs, evs)).toEqual([
      'api: no scale in since 09:00: requests per target stayed at or above 5400 (90 % of the target 6000), lowest 6000; no RequestCountPerTarget datapoints 09:10-09:30 (no registered target): its AlarmLow was INSUFFICIENT_DATA 09:27-09:32',
    ]);
    // without alarm-state rows: a gap of 20 periods (15 or more) is told all the same
    expect(notes([req], rs, [])).toEqual([
      'api: no scale in since 09:00: requests per target stayed at or above 5400 (90 % of the target 6000), lowest 6000; no RequestCountPerTarget datapoints 09:10-09:30 (no registered target): 20 periods its AlarmLow could not go to ALARM on',
    ]);
    // a folder written before 2026-11-27: the same gap with tasks RUNNING and no requests
    expect(notes([req], rows(10, 40, 6000, OLD_FOLDER).map(back), evs)).toEqual([
      'api: no scale in since 09:00: requests per target stayed at or above 5400 (90 % of the target 6000), lowest 6000; no RequestCountPerTarget datapoints 09:10-09:30 (no requests): its AlarmLow was INSUFFICIENT_DATA 09:27-09:32',
    ]);
  });

  it('an INSUFFICIENT_DATA span that does not match the gap is not told as its span', () => {
    const back = (from: number) => (r: SeriesRow, i: number) =>
      i >= from ? { ...r, requestRate: 1200, runningCount: 12, requestCountPerTarget: 6000, cpuUtilization: 52.5 } : r;
    const insufficient = (from: number, to: number) => [
      ev(from, 'TargetTracking-api-req-AlarmLow OK -> INSUFFICIENT_DATA: no RequestCountPerTarget datapoints in the last 17 periods'),
      ev(to, 'TargetTracking-api-req-AlarmLow INSUFFICIENT_DATA -> OK: 1 datapoint not < 5400: 6000.0'),
    ];
    // a span 09:05-09:06, before the 20-period gap 09:10-09:30: the gap is told by its length
    expect(notes([req], rows(10).map(back(30)), [events[0], ...insufficient(300, 360)])).toEqual([
      'api: no scale in since 09:00: requests per target stayed at or above 5400 (90 % of the target 6000), lowest 6000; no RequestCountPerTarget datapoints 09:10-09:30 (no registered target): 20 periods its AlarmLow could not go to ALARM on',
    ]);
    // a span from 09:36, more than 15 periods after the 5-period gap 09:10-09:15 ends (09:30):
    // not the gap's, and the gap is too short to be told on its own
    expect(notes([req], rows(10).map(back(15)), [events[0], ...insufficient(2160, 2220)])).toEqual([
      'api: no scale in since 09:00: requests per target stayed at or above 5400 (90 % of the target 6000), lowest 6000',
    ]);
  });

  it('a folder written before request_count_per_target (no datapoint in any row): no note for req', () => {
    expect(notes([req], rows(10, 40, null), [])).toEqual([]);
  });
});
