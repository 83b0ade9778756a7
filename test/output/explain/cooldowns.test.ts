// explain's cooldowns, replayed from events.csv as the scaler keeps them
// (src/scaling/service-auto-scaler.ts, decide-scaling.ts scaleInsThatCount, cooldown.ts), and
// what the new tasks of a decision did when some were stopped before RUNNING. Expectations
// are worked out by hand from the AWS rules named in each test
// (autoscaling/application/userguide/target-tracking-scaling-policy-overview.html: AlarmLow
// 15 of 15 datapoints below 90 % of the target; the scale-in cooldown blocks scale in;
// application-auto-scaling-target-tracking.html: a step policy's scale in needs no target
// tracking agreement).

import { describe, it, expect } from 'vitest';
import { scalingNotes } from '../../../src/output/explain/scaling-notes.js';
import { scalingLines } from '../../../src/output/explain/scaling-lines.js';
import { newTaskLines } from '../../../src/output/explain/new-tasks.js';
import type { EventRow, PolicyInfo, SeriesRow, ServiceInfo, TaskRow } from '../../../src/output/explain/results-tables.js';

const START = Date.parse('2026-03-02T09:00:00Z');
const clock = { startEpochMs: START, withDate: false };

function row(timeS: number, over: Partial<SeriesRow> = {}): SeriesRow {
  return { timeS, service: 'api', requestRate: 100, desiredCount: 11, runningCount: 11, cpuUtilization: 35, memoryUtilization: 40, minCapacity: 3, maxCapacity: 20, backlog: null, requestCountPerTarget: null, ...over };
}

const cpu: PolicyInfo = { name: 'cpu', policyType: 'TargetTrackingScaling', metricName: 'CPUUtilization', targetValue: 60, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300 };
const trim: PolicyInfo = { name: 'trim', policyType: 'StepScaling', metricName: 'CPUUtilization', targetValue: null, disableScaleIn: false, scaleOutCooldownS: 3600, scaleInCooldownS: 3600 };
const api = (policies: PolicyInfo[]): ServiceInfo => ({ name: 'api', minCapacity: 3, maxCapacity: 20, workloadType: 'http', newTarget: null, policies });
const fifteen = (v: string) => Array.from({ length: 15 }, () => v).join(' ');
const ev = (timeS: number, type: string, message: string): EventRow => ({ timeS, type, subject: 'api', message });

describe('scalingNotes: no scale in after a target tracking scale in', () => {
  // 09:00-09:14 CPU 35 < 54 (90 % of 60) on 11 tasks: AlarmLow OK -> ALARM at 09:15 and the
  // scale in ceil(11 x 35/60) = ceil(6.4) = 7; CPU stays 35 on 7 tasks; the alarm never goes back to OK.
  const rows = Array.from({ length: 22 }, (_, i) => row(i * 60, i < 15 ? {} : { desiredCount: 7, runningCount: 7 }));
  const events = [
    ev(900, 'alarm-state', `TargetTracking-api-cpu-AlarmLow OK -> ALARM: 15 datapoints < 54: ${fifteen('35.0')}`),
    ev(900, 'scaling-activity', `desired count 11 -> 7: target tracking cpu: 15 datapoints < 54: ${fifteen('35.0')}; ceil(11 x 35.0/60) = 7`),
  ];
  const notesAt = (toS: number, policy = cpu) => scalingNotes(api([policy]), rows, { fromS: 0, toS, activityTimes: [900], events }, clock).map((n) => n.text);

  it('at 09:19, inside the 300 s scale-in cooldown (09:15-09:20) with the low alarm in ALARM, names the cooldown, not "the low alarm needs 15"', () => {
    expect(notesAt(19 * 60)).toEqual(['api: no scale in since 09:15: the low alarm is in ALARM, but scale-in cooldown (300 s) after the scale in 11 -> 7 at 09:15, until 09:20']);
  });

  it('at 09:15 itself, the instant of the scale in, no datapoint since: nothing to say (not the cooldown the scale in just started)', () => {
    expect(notesAt(15 * 60)).toEqual([]);
  });

  it('with a 1 h cooldown, at 09:50 the cooldown still blocks until 10:15', () => {
    expect(notesAt(50 * 60, { ...cpu, scaleInCooldownS: 3600 })).toEqual([
      'api: no scale in since 09:15: the low alarm is in ALARM, but scale-in cooldown (3600 s) after the scale in 11 -> 7 at 09:15, until 10:15',
    ]);
  });

  it('at 09:22, past the cooldown, the run below 54 is counted across the scale in: 22 datapoints (09:00-09:21), and ceil(7 x 35/60) = 5 < 7 is due', () => {
    const [text] = notesAt(22 * 60);
    expect(text).toMatch(/^api: CPU below 54 % \(90 % of the target 60\) for 22 consecutive datapoints since 09:00: scale in is due/);
  });
});

describe('scalingLines: a step policy\'s scale in that counted starts the target tracking policy\'s scale-in cooldown', () => {
  // tt-in: cpu (target 60, scale-in cooldown 3600 s) and step trim (CPU < 40). At 09:26 both
  // alarms go to ALARM on 28.8: cpu asks ceil(8 x 28.8/60) = ceil(3.84) = 4, trim asks 8 - 1 = 7;
  // the larger, 7, wins; every target tracking policy asked, so cpu's cooldown runs to 10:26.
  const rows = [...Array.from({ length: 26 }, (_, i) => row(i * 60, { desiredCount: 8, runningCount: 8, cpuUtilization: 28.8 })), ...Array.from({ length: 30 }, (_, i) => row((26 + i) * 60, { desiredCount: 7, runningCount: 7, cpuUtilization: 32.1 }))];
  const svc = api([{ ...cpu, scaleInCooldownS: 3600 }, trim]);
  const at = (events: EventRow[], t: number) =>
    scalingLines(events, { services: new Map([['api', svc]]), series: new Map([['api', rows]]), clock }).find((l) => l.timeS === t && l.text.includes('AlarmLow'))!.text;
  const stepIn = ev(1560, 'scaling-activity', `desired count 8 -> 7: step scaling trim: 15 datapoints < 40: ${fifteen('28.8')}; Average 28.75 is 11.25 below 40, step (-inf, 0]: 8 - 1 = 7`);
  const lowAgain = [
    ev(2220, 'alarm-state', `TargetTracking-api-cpu-AlarmLow ALARM -> OK: 1 of 15 datapoints not < 54: ${fifteen('32.1').replace(/32\.1$/, '66.1')}`),
    ev(3180, 'alarm-state', `TargetTracking-api-cpu-AlarmLow OK -> ALARM: 15 datapoints < 54: ${fifteen('32.1')}`),
  ];

  it('at 09:53 (ceil(7 x 32.1/60) = 4 < 7): cpu\'s scale-in cooldown, 27 min after the scale in 8 -> 7', () => {
    const events = [ev(1560, 'alarm-state', `TargetTracking-api-cpu-AlarmLow OK -> ALARM: 15 datapoints < 54: ${fifteen('28.8')}`), stepIn, ...lowAgain];
    expect(at(events, 3180)).toMatch(/; no scale in: scale-in cooldown \(3600 s\), 27 min after the scale in 8 -> 7$/);
  });

  it('when cpu\'s AlarmLow was not in ALARM at the step scale in, cpu did not ask, its cooldown never started, and no "another policy" is named (cpu is the only target tracking policy)', () => {
    const events = [ev(1500, 'alarm-state', `TargetTracking-api-cpu-AlarmLow INSUFFICIENT_DATA -> OK: 1 of 15 datapoints not < 54: ${fifteen('60.0')}`), stepIn, ...lowAgain];
    const text = at(events, 3180);
    expect(text).not.toMatch(/cooldown \(3600 s\)|another/);
    expect(text).toMatch(/; no scale in \(no cooldown or capacity limit explains it from the results\)$/);
  });
});

describe('scalingLines: a scale-out cooldown lowered by a scale in', () => {
  it('scale out 3 -> 6 at 09:14, scale in 6 -> 4 at 09:15: the AlarmHigh at 09:16 is refused against 4, and the line says so', () => {
    const svc = api([cpu]);
    const series = [0, 900].map((t) => row(t, { desiredCount: 4, runningCount: 4, cpuUtilization: 70 }));
    const events = [
      ev(840, 'scaling-activity', 'desired count 3 -> 6: target tracking cpu: 3 datapoints > 60: 120.0 120.0 120.0; ceil(3 x 120.0/60) = 6'),
      ev(900, 'scaling-activity', 'desired count 6 -> 4: scheduled action cap: maxCapacity 6 -> 4'),
      ev(960, 'alarm-state', 'TargetTracking-api-cpu-AlarmHigh OK -> ALARM: 3 datapoints > 60: 70.0 70.0 70.0'),
    ];
    const text = scalingLines(events, { services: new Map([['api', svc]]), series: new Map([['api', series]]), clock }).find((l) => l.timeS === 960)!.text;
    expect(text).toMatch(/; no scale out: scale-out cooldown \(300 s\), 2 min after the scale out 3 -> 6, lowered to 4 by the scale in 6 -> 4 at 09:15, and no more capacity asked for than that set$/);
  });
});

describe('newTaskLines: tasks stopped before RUNNING', () => {
  const task = (taskId: string, over: Partial<TaskRow>): TaskRow => ({ taskId, service: 'api', capacityProvider: 'FARGATE', instanceId: '', createdS: 720, runningS: null, stoppedS: null, stopReason: '', ...over });
  const out = (from: number, to: number) => [ev(720, 'scaling-activity', `desired count ${from} -> ${to}: target tracking cpu: 3 datapoints > 60: 90.0 90.0 90.0; ceil(${from} x 90.0/60) = ${to}`)];
  const lines = (tasks: TaskRow[], from: number, to: number) => newTaskLines(out(from, to), new Map([['api', tasks]]), new Map(), clock, 3600).map((l) => l.text);

  it('the only new task stopped at 09:13 by a scale in: said so, not "none RUNNING by the end"', () => {
    expect(lines([task('api-6', { stoppedS: 780, stopReason: 'scale-in' })], 5, 6)).toEqual([
      'api: the new task of the 09:12 decision (api-6) started; stopped at 09:13 (scale-in) before RUNNING',
    ]);
  });

  it('1 of 3 RUNNING: the stopped one and the one still waiting are named', () => {
    const tasks = [task('api-6', { runningS: 780 }), task('api-7', { stoppedS: 790, stopReason: 'scale-in' }), task('api-8', {})];
    expect(lines(tasks, 5, 8)).toEqual([
      'api: 1 of the 3 new tasks of the 09:12 decision (api-6, api-7, api-8): RUNNING by 09:13:00 (60 s after the decision); api-7 stopped at 09:13:10 (scale-in) before RUNNING; api-8 not RUNNING by the end',
    ]);
  });

  it('"RUNNING by" is an upper bound: 780.508 s is 09:13:01, not 09:13:00', () => {
    expect(lines([task('api-6', { runningS: 780.508 })], 5, 6)[0]).toBe('api: the new task of the 09:12 decision (api-6): RUNNING by 09:13:01 (61 s after the decision)');
  });
});

describe('newTaskLines: tasks created after the decision (the PROVISIONING quota)', () => {
  // quota.yaml (provisioningTaskLimit 2): 5 -> 9 at 09:04 creates 3 tasks at once and is
  // short 1; 9 -> 10 at 09:06 creates none; 2 tasks created at 09:06:59 go to the earliest
  // scale out still short: web-9 to 09:04's (4 asked, now 4), web-10 to 09:06's.
  const task = (n: number, createdS: number, runningS: number | null): TaskRow => ({ taskId: `api-${n}`, service: 'api', capacityProvider: 'asg', instanceId: 'i-1', createdS, runningS, stoppedS: null, stopReason: '' });
  const act = (timeS: number, from: number, to: number) => ev(timeS, 'scaling-activity', `desired count ${from} -> ${to}: target tracking cpu: 3 datapoints > 60: 90.0 90.0 90.0; ceil(${from} x 90.0/60) = ${to}`);
  const quota = ev(240, 'provisioning-quota', 'service api could not create 1 task: the cluster has 2 tasks in PROVISIONING, its quota (cluster.provisioningTaskLimit 2, "Tasks in the PROVISIONING state per cluster"); they are created as tasks leave PROVISIONING');
  const early = [task(6, 240, 250), task(7, 240, 440), task(8, 240, 440)];

  it('told as n of the decision with k created later (provisioning quota), each decision its own', () => {
    const tasks = [...early, task(10, 419, 700), task(9, 419, 680)];
    const lines = newTaskLines([act(240, 5, 9), quota, act(360, 9, 10)], new Map([['api', tasks]]), new Map(), clock, 3600).map((l) => l.text);
    expect(lines).toEqual([
      'api: the 4 new tasks of the 09:04 decision (api-6, api-7, api-8 +1 more; 1 created later (provisioning quota)): RUNNING by 09:11:20 (7 min after the decision)',
      'api: the new task of the 09:06 decision (api-10; created later (provisioning quota)): RUNNING by 09:11:40 (6 min after the decision)',
    ]);
  });

  it('a scale in ends what a scale out still waited for: fewer than asked is said, and a later task is nobody\'s', () => {
    const tasks = [...early, task(9, 419, 680)];
    const lines = newTaskLines([act(240, 5, 9), act(300, 9, 8)], new Map([['api', tasks]]), new Map(), clock, 3600).map((l) => l.text);
    expect(lines).toEqual(['api: the 3 new tasks of the 09:04 decision (api-6, api-7, api-8; 3 of the 4 it asked for): RUNNING by 09:07:20 (3 min after the decision)']);
  });
});

describe('newTaskLines: tasks AZ rebalancing started and replacements are no scale out\'s', () => {
  // az-rebalancing.ts: AZ rebalancing starts one task in the zone with the fewest tasks; a
  // change of the desired count stops the operation and the started task becomes one of the
  // service's, so ECS starts desired - (tasks it has) (services.ts reconcile).
  const task = (n: number, createdS: number, runningS: number | null, over: Partial<TaskRow> = {}): TaskRow => ({
    taskId: `api-${n}`, service: 'api', capacityProvider: 'asg', instanceId: 'i-1', createdS, runningS, stoppedS: null, stopReason: '', ...over,
  });
  const act = (timeS: number, from: number, to: number) => ev(timeS, 'scaling-activity', `desired count ${from} -> ${to}: target tracking cpu: 3 datapoints > 60: 90.0 90.0 90.0; ceil(${from} x 90.0/60) = ${to}`);
  const started = (timeS: number, id: string) => ev(timeS, 'az-rebalancing', `api has started 1 tasks in us-east-1a to AZ Rebalance: ${id}.`);
  const settled = (timeS: number, id: string) => ev(timeS, 'az-rebalancing', `api has stopped 1 running tasks in us-east-1b due to AZ rebalancing: ${id}.`);
  const interrupted = (timeS: number, from: number, to: number) => ev(timeS, 'az-rebalancing', `service api stopped AZ Rebalancing. (the desired count changed ${from} -> ${to})`);
  const linesOf = (events: EventRow[], tasks: TaskRow[]) => newTaskLines(events, new Map([['api', tasks]]), new Map(), clock, 3600).map((l) => l.text);

  it('5 -> 7 with the rebalancing task api-6 (09:03:20) not yet paired: ECS starts 7 - 6 = 1 (api-7); api-8, rebalancing\'s next, is not "created later"', () => {
    const events = [started(200, 'api-6'), act(240, 5, 7), interrupted(240, 5, 7), started(300, 'api-8')];
    const tasks = [task(6, 200, 210), task(7, 240, 250), task(8, 300, 310)];
    expect(linesOf(events, tasks)).toEqual(['api: the new task of the 09:04 decision (api-7; with api-6, which AZ rebalancing had started): RUNNING by 09:04:10 (10 s after the decision)']);
  });

  it('a rebalancing task paired with its stop (api-1) before the decision is no extra: 5 -> 6 needs api-7', () => {
    const events = [started(200, 'api-6'), settled(230, 'api-1'), act(240, 5, 6)];
    const tasks = [task(1, 0, 5, { stoppedS: 290, stopReason: 'az-rebalancing' }), task(6, 200, 210), task(7, 240, 250)];
    expect(linesOf(events, tasks)).toEqual(['api: the new task of the 09:04 decision (api-7): RUNNING by 09:04:10 (10 s after the decision)']);
  });

  it('5 -> 6 with the rebalancing task started at the decision\'s instant (its row first): no new task was needed', () => {
    const events = [started(240, 'api-6'), act(240, 5, 6), interrupted(240, 5, 6)];
    expect(linesOf(events, [task(6, 240, 250)])).toEqual(['api: the 09:04 decision needed no new task: api-6, which AZ rebalancing had started, counts toward its desired count']);
  });

  it('a scale out short of 2 (5 -> 8, only api-6 created): a rebalancing task and a replacement created later are not its; api-7 is', () => {
    // api-2 marked unhealthy at 09:05 (after its grace period): its replacement api-9 starts then
    const marked = { timeS: 300, type: 'task-unhealthy', subject: 'api-2', message: '(service api) (task api-2) is unhealthy in (target-group api) due to (reason Health checks failed): 2 consecutive checks failed' };
    const events = [act(240, 5, 8), marked, started(320, 'api-10')];
    const tasks = [task(2, 0, 5, { stoppedS: 400, stopReason: 'failed-elb-health-checks' }), task(6, 240, 250), task(9, 300, 310), task(10, 320, 330), task(7, 360, 370)];
    expect(linesOf(events, tasks)).toEqual(['api: the 2 new tasks of the 09:04 decision (api-6, api-7; 2 of the 3 it asked for; 1 created later): RUNNING by 09:06:10 (2 min after the decision)']);
  });

  it('a marked task healthy again starts no replacement: a task created at its instant is the scale out\'s, in a folder of either type', () => {
    // api-2, marked earlier, is healthy again at 09:05; api-9 created then is the short scale out's
    const again = (type: string) => ({ timeS: 300, type, subject: 'api-2', message: 'api-2 is healthy again in (target-group api) after 5 consecutive passing checks, 210 s after RUNNING; it takes traffic' });
    const tasks = [task(2, 0, 5), task(6, 240, 250), task(9, 300, 310), task(7, 360, 370)];
    const without = linesOf([act(240, 5, 8)], tasks);
    expect(without).toEqual(['api: the 3 new tasks of the 09:04 decision (api-6, api-7, api-9; 2 created later): RUNNING by 09:06:10 (2 min after the decision)']);
    // task-healthy, and task-unhealthy as results folders from before task-healthy have it
    expect(linesOf([act(240, 5, 8), again('task-healthy')], tasks)).toEqual(without);
    expect(linesOf([act(240, 5, 8), again('task-unhealthy')], tasks)).toEqual(without);
  });
});
