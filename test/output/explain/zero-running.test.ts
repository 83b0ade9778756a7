// `ecsim explain` on a service at 0 tasks: CPU, memory, RequestCountPerTarget and
// BacklogPerTask are measured over RUNNING tasks, so with none there is no datapoint and no
// alarm on them can scale the service out from 0; target tracking asks for
// ceil(0 x metric / target) = 0. The queue's ApproximateNumberOfMessagesVisible is reported
// whatever the tasks (sqs-available-cloudwatch-metrics.html), so a step alarm on it may.

import { describe, it, expect } from 'vitest';
import { scalingNotes } from '../../../src/output/explain/scaling-notes.js';
import { scalingLines } from '../../../src/output/explain/scaling-lines.js';
import type { PolicyInfo, SeriesRow, ServiceInfo } from '../../../src/output/explain/results-tables.js';

const START = Date.parse('2026-03-02T06:00:00Z');
const clock = { startEpochMs: START, withDate: false };

/** 10 messages/s and no worker: 600 more visible messages each minute. */
function rows(n: number, over: Partial<SeriesRow> = {}): SeriesRow[] {
  return Array.from({ length: n }, (_, k) => ({
    timeS: 60 * k,
    service: 'worker',
    requestRate: 10,
    desiredCount: 0,
    runningCount: 0,
    cpuUtilization: null,
    memoryUtilization: null,
    minCapacity: 0,
    maxCapacity: 10,
    backlog: 600 * (k + 1),
    requestCountPerTarget: null,
    ...over,
  }));
}

function step(name: string, metricName: string): PolicyInfo {
  return { name, policyType: 'StepScaling', metricName, targetValue: null, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300 };
}

function worker(policies: PolicyInfo[]): ServiceInfo {
  return { name: 'worker', minCapacity: 0, maxCapacity: 10, workloadType: 'queue', newTarget: null, policies };
}

const window = { fromS: 0, toS: 600, activityTimes: [] };

describe('explain: no scale out from 0 tasks', () => {
  it('a step alarm on BacklogPerTask: "no datapoint: 0 RUNNING" over the 10 minutes, the backlog at 600 x 10', () => {
    const lines = scalingNotes(worker([step('out', 'BacklogPerTask')]), rows(10), window, clock);
    expect(lines.map((l) => [l.timeS, l.text])).toEqual([
      [
        0,
        "worker: no scale out from 0 (06:00-06:10, desired 0, the backlog reached 6000): policy out: no datapoint: 0 RUNNING (BacklogPerTask is measured over running tasks); a step scaling alarm on ApproximateNumberOfMessagesVisible (the queue's, reported whatever the tasks while the queue is active) scales out from 0",
      ],
    ]);
  });

  it('target tracking on CPU and on the queue metric: both named, the second by ceil(0 x metric/100) = 0', () => {
    const tt = (name: string, metricName: string): PolicyInfo => ({ ...step(name, metricName), policyType: 'TargetTrackingScaling', targetValue: 100 });
    const lines = scalingNotes(worker([tt('cpu', 'CPUUtilization'), tt('depth', 'ApproximateNumberOfMessagesVisible')]), rows(3), window, clock);
    expect(lines[0].text).toContain('policy cpu: no datapoint: 0 RUNNING (CPUUtilization is measured over running tasks); policy depth: target tracking asks for ceil(0 x ApproximateNumberOfMessagesVisible/100) = 0');
  });

  it('nothing said with a step alarm on ApproximateNumberOfMessagesVisible, with tasks RUNNING (desired 1, or desired 0 and 2 stopping), or with nothing waiting', () => {
    expect(scalingNotes(worker([step('out', 'BacklogPerTask'), step('depth', 'ApproximateNumberOfMessagesVisible')]), rows(10), window, clock)).toEqual([]);
    expect(scalingNotes(worker([step('out', 'BacklogPerTask')]), rows(10, { desiredCount: 1, runningCount: 1 }), window, clock).filter((l) => l.text.includes('from 0'))).toEqual([]);
    // scaled in to 0, 2 tasks still RUNNING while they stop: their datapoints still come
    expect(scalingNotes(worker([step('out', 'BacklogPerTask')]), rows(10, { runningCount: 2 }), window, clock)).toEqual([]);
    expect(scalingNotes(worker([step('out', 'BacklogPerTask')]), rows(10).map((r) => ({ ...r, requestRate: 0, backlog: 0 })), window, clock)).toEqual([]);
  });

  it('a step alarm in ALARM on missing datapoints treated as breaching, 0 RUNNING: says there was no datapoint and nothing scaled', () => {
    const services = new Map([['worker', worker([step('out', 'BacklogPerTask')])]]);
    const series = new Map([['worker', rows(10)]]);
    const e = { timeS: 120, type: 'alarm-state', subject: 'worker', message: 'StepScaling-worker-out INSUFFICIENT_DATA -> ALARM: 2 datapoints > 1000 (2 missing, treated as breaching): no real datapoints' };
    const lines = scalingLines([e], { services, series });
    expect(lines.map((l) => l.text)).toEqual([
      'worker: alarm StepScaling-worker-out in ALARM on missing datapoints treated as breaching (2 datapoints > 1000 (2 missing, treated as breaching): no real datapoints); no datapoint: 0 RUNNING (BacklogPerTask is measured over running tasks), so nothing scaled: an ALARM with no real datapoint has no metric value to scale on',
    ]);
  });
});
