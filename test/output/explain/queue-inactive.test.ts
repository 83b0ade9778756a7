// `ecsim explain` honours an inactive SQS queue (docs/assumptions.md, "Inactive queue"):
// ApproximateNumberOfMessagesVisible and BacklogPerTask have no datapoint for a period
// starting at or after the queue-inactive row (logged at the end of the last period that
// keeps one) and ending before the queue-metrics-resumed row (logged at the end of the first
// period with one again); explain rebuilds no value for those periods.
//
// Hand computation, the 7 h 50 min gap of test/sim/sqs-inactive-queue.test.ts (60 s periods):
// the workers leave at T0 = 20 min; the queue goes inactive at T0 + 6 h = 06:20; the batch
// from 08:00 activates it, its metrics resume with the period starting 15 min later, 08:15
// (the resumed row at 08:16), first evaluated at 08:17 (period + publish delay): the wake
// alarm goes to ALARM then, 0 -> 2. From 08:00 (600 visible messages at the period's end) to
// 08:17 the service sits at 0 tasks with messages waiting; the wake alarm has no datapoint
// for the periods 08:00 ... 08:14 (08:00-08:15), and the CPU one none with 0 RUNNING.

import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadScenarioObject } from '../../../src/scenario/index.js';
import { runToFolder } from '../../../src/output/run-to-folder.js';
import { readResults } from '../../../src/output/explain/read-results.js';
import { explainRun } from '../../../src/output/explain/explain-run.js';
import { metricOf, scalingNotes } from '../../../src/output/explain/scaling-notes.js';
import { markQueueSilences } from '../../../src/output/explain/queue-silences.js';
import type { EventRow, PolicyInfo, SeriesRow, ServiceInfo } from '../../../src/output/explain/results-tables.js';
import { scenario } from '../../sim/sqs-inactive-scenario.js';
import { tempDir } from '../report/fixtures.js';

function explainOf(batchAt: string, batchEnd: string, duration: string): string[] {
  const dir = join(tempDir('sqs-inactive'), 'run');
  runToFolder(loadScenarioObject('test', scenario(batchAt, batchEnd, duration), { baseDir: '.' }), { outDir: dir, seed: 1 });
  return explainRun(readResults(dir)).split('\n');
}

describe('explain: no queue datapoints while the SQS queue is inactive', () => {
  it('the 7 h 50 min gap: no scale out from 0 08:00-08:17, the wake alarm without datapoints 08:00-08:15', () => {
    const lines = explainOf('8h', '8h10m', '8h40m');
    expect(lines.filter((l) => l.includes('no scale out from 0'))).toEqual([
      '08:00  worker: no scale out from 0 (08:00-08:17, desired 0, the backlog reached 6000): policy wake: no ApproximateNumberOfMessagesVisible datapoints 08:00-08:15 ' +
        '(SQS queue inactive since 06:20; its metrics resumed with the 08:15 datapoint); policy cpu: no datapoint: 0 RUNNING (CPUUtilization is measured over running tasks)',
    ]);
  });

  it("the queue's own rows with the clock's times, not the run's: inactive since 06:20, untouched since 00:20; active again since 08:00, the 08:15 datapoint", () => {
    const lines = explainOf('8h', '8h10m', '8h40m');
    expect(lines.filter((l) => l.includes('  worker: SQS queue '))).toEqual([
      '06:20  worker: SQS queue inactive since 06:20: no message and no task polling it since 00:20 (inactiveAfter 6h); SQS stops sending its CloudWatch metrics ' +
        '(ApproximateNumberOfMessagesVisible, and BacklogPerTask computed from it): alarms on them see missing data',
      '08:16  worker: SQS queue active again since 08:00 (a message arrived); its CloudWatch metrics resume with the datapoint at 08:15, 15m after activation ' +
        '(activationMetricsDelay 15m: "may be delayed up to 15 minutes")',
    ]);
  });

  it('a 5 h gap: the queue stays active, the wake alarm sees the 05:10 datapoint at 05:12: nothing said', () => {
    const lines = explainOf('5h10m', '5h20m', '5h40m');
    expect(lines.filter((l) => l.includes('no scale out from 0'))).toEqual([]);
  });
});

const row = (timeS: number, over: Partial<SeriesRow> = {}): SeriesRow => ({
  timeS,
  service: 'worker',
  requestRate: 0,
  desiredCount: 0,
  runningCount: 0,
  cpuUtilization: null,
  memoryUtilization: null,
  minCapacity: 0,
  maxCapacity: 4,
  backlog: 0,
  requestCountPerTarget: null,
  ...over,
});
const ev = (timeS: number, type: string): EventRow => ({ timeS, type, subject: 'worker', message: '' });

describe('markQueueSilences: the periods without a queue datapoint', () => {
  it('from the period starting at the queue-inactive row to the one ending one period before the resumed row', () => {
    const rows = [22_740, 22_800, 22_860, 29_640, 29_700, 29_760].map((t) => row(t, { backlog: 600, runningCount: 2 }));
    const marked = markQueueSilences(rows, [ev(22_800, 'queue-inactive'), ev(29_760, 'queue-metrics-resumed')]);
    expect(marked.map((r) => r.queueSilent === true)).toEqual([false, true, true, true, false, false]);
    // 600 visible messages over 2 RUNNING, except in the silence
    expect(marked.map((r) => metricOf(r, 'ApproximateNumberOfMessagesVisible'))).toEqual([600, null, null, null, 600, 600]);
    expect(marked.map((r) => metricOf(r, 'BacklogPerTask'))).toEqual([300, null, null, null, 300, 300]);
    // the ECS metric is not the queue's
    expect(markQueueSilences([row(22_800, { cpuUtilization: 40, runningCount: 2 })], [ev(22_800, 'queue-inactive')]).map((r) => metricOf(r, 'CPUUtilization'))).toEqual([40]);
    // another service's rows are left alone
    expect(markQueueSilences([row(22_800, { service: 'other', backlog: 5 })], [ev(0, 'queue-inactive')])[0].queueSilent).toBeUndefined();
  });

  it('no resumed row by the window: "no datapoint since" in the note', () => {
    const wake: PolicyInfo = { name: 'wake', policyType: 'StepScaling', metricName: 'ApproximateNumberOfMessagesVisible', targetValue: null, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300 };
    const svc: ServiceInfo = { name: 'worker', minCapacity: 0, maxCapacity: 4, workloadType: 'queue', newTarget: null, policies: [wake] };
    // inactive at 60 s; messages from 120 s (600 a minute), 5 periods to 420 s
    const rows = [0, 60, 120, 180, 240, 300, 360].map((t) => row(t, { backlog: t >= 120 ? 600 * (t / 60 - 1) : 0, requestRate: t >= 120 ? 10 : 0 }));
    const clock = { startEpochMs: Date.parse('2026-03-02T00:00:00Z'), withDate: false };
    const lines = scalingNotes(svc, rows, { fromS: 0, toS: 420, activityTimes: [], events: [ev(60, 'queue-inactive')] }, clock);
    expect(lines.map((l) => l.text)).toEqual([
      'worker: no scale out from 0 (00:02-00:07, desired 0, the backlog reached 3000): policy wake: no ApproximateNumberOfMessagesVisible datapoints 00:02-00:07 (SQS queue inactive since 00:01; no datapoint since)',
    ]);
  });

  it('a target tracking policy on BacklogPerTask with tasks RUNNING: the silent periods are no datapoints "(SQS queue inactive)", not values below the target', () => {
    const tt: PolicyInfo = { name: 'backlog', policyType: 'TargetTrackingScaling', metricName: 'BacklogPerTask', targetValue: 100, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300 };
    const svc: ServiceInfo = { name: 'worker', minCapacity: 0, maxCapacity: 4, workloadType: 'queue', newTarget: null, policies: [tt] };
    // 2 RUNNING, 50 visible messages: 25 per task, below 90 (90 % of 100) were it published;
    // the queue silent from the period starting at 300 s: rows 5..19, 15 periods, none published
    const rows = Array.from({ length: 20 }, (_, k) => row(60 * k, { desiredCount: 2, runningCount: 2, backlog: 50 }));
    const clock = { startEpochMs: Date.parse('2026-03-02T00:00:00Z'), withDate: false };
    const lines = scalingNotes(svc, rows, { fromS: 0, toS: 1200, activityTimes: [], events: [ev(300, 'queue-inactive')] }, clock);
    expect(lines.map((l) => l.text)).toEqual([
      'worker: no scale in since 00:00: no BacklogPerTask datapoints since 00:05 (SQS queue inactive): its AlarmLow has no datapoint to go to ALARM on',
    ]);
  });
});

describe('queueTimesOnClock', () => {
  it('a time off the minute to the second, a run longer than a day with the date; durations in parentheses left', async () => {
    const { queueTimesOnClock } = await import('../../../src/output/explain/cluster-lines.js');
    const start = Date.parse('2026-03-02T09:00:00Z');
    expect(queueTimesOnClock('SQS queue inactive since 2h32m30s: no message and no task polling it since 32m (inactiveAfter 2h30s); ...', { startEpochMs: start, withDate: false })).toBe(
      'SQS queue inactive since 11:32:30: no message and no task polling it since 09:32 (inactiveAfter 2h30s); ...',
    );
    expect(queueTimesOnClock('SQS queue active again since 1d6h (2 tasks poll it); its CloudWatch metrics resume with the datapoint at 1d6h15m, 15m after activation (...)', { startEpochMs: start, withDate: true })).toBe(
      'SQS queue active again since 03-03 15:00 (2 tasks poll it); its CloudWatch metrics resume with the datapoint at 03-03 15:15, 15m after activation (...)',
    );
    expect(queueTimesOnClock('SQS queue inactive since 6h: no message and no task polling it since 0s (inactiveAfter 6h); ...', { startEpochMs: start, withDate: false })).toBe(
      'SQS queue inactive since 15:00: no message and no task polling it since 09:00 (inactiveAfter 6h); ...',
    );
  });
});
