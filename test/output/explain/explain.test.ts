// Unit tests of src/output/explain: the CSV reader, --from/--to parsing, reading back the
// scaling sentences, load changes, and the "why not" notes. Expected values are worked
// out by hand from the AWS rules named in each test.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseCsv, parseCsvRows, parseTimeArg, parseScalingActivity, parseAlarmTransition, formatSpan, formatSpanRange } from '../../../src/output/explain/index.js';
import { loadChanges } from '../../../src/output/explain/load-changes.js';
import { reasonsBetween, provisioningWaitLines } from '../../../src/output/explain/provisioning-waits.js';
import { unplaceableEpisodes } from '../../../src/output/report/narrative/unplaceable-episodes.js';
import { taskPlacements } from '../../../src/output/explain/task-placements.js';
import { metricOf, scalingNotes } from '../../../src/output/explain/scaling-notes.js';
import { describeActivity, scalingLines } from '../../../src/output/explain/scaling-lines.js';
import { newTaskLines } from '../../../src/output/explain/new-tasks.js';
import { clusterLines } from '../../../src/output/explain/cluster-lines.js';
import { warmStartLine } from '../../../src/output/explain/warm-start.js';
import { explainLines } from '../../../src/output/explain/explain-run.js';
import { LINE_ORDER, sortLines } from '../../../src/output/explain/explain-line.js';
import { evaluationLagOf, servicesOf } from '../../../src/output/explain/read-results.js';
import type { SeriesRow, ServiceInfo, EventRow, TaskRow, ResultsTables } from '../../../src/output/explain/results-tables.js';

const START = Date.parse('2026-03-02T09:00:00Z');
const clock = { startEpochMs: START, withDate: false };

function row(timeS: number, over: Partial<SeriesRow> = {}): SeriesRow {
  return { timeS, service: 'web', requestRate: 100, desiredCount: 3, runningCount: 3, cpuUtilization: 50, memoryUtilization: 40, minCapacity: 3, maxCapacity: 12, backlog: null, requestCountPerTarget: null, ...over };
}

const web: ServiceInfo = {
  name: 'web',
  minCapacity: 3,
  maxCapacity: 12,
  workloadType: 'http',
  newTarget: { healthyAfterS: 150 },
  policies: [{ name: 'cpu', policyType: 'TargetTrackingScaling', metricName: 'CPUUtilization', targetValue: 60, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300 }],
};

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines (RFC 4180)', () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines",\n';
    expect(parseCsv(text)).toEqual([
      { a: '1', b: 'x, y', c: 'say "hi"' },
      { a: '2', b: 'two\nlines', c: '' },
    ]);
  });

  it('round-trips any fields written with RFC 4180 quoting', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0].length;
        const data = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
        // a row of one empty field is a blank line, which CSV readers skip
        fc.pre(data.every((r) => !(r.length === 1 && r[0] === '')));
        const text = data.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsvRows(text)).toEqual(data);
      }),
    );
  });
});

describe('parseTimeArg (--from / --to)', () => {
  it('takes durations since the start', () => {
    expect(parseTimeArg('20m', START)).toBe(1_200_000);
    expect(parseTimeArg('1h30m', START)).toBe(5_400_000);
    expect(parseTimeArg('90', START)).toBe(90_000); // a number is seconds, as in scenario files
  });
  it('takes a UTC clock time: the first at or after the start', () => {
    expect(parseTimeArg('09:20', START)).toBe(1_200_000);
    expect(parseTimeArg('09:00', START)).toBe(0);
    expect(parseTimeArg('08:00', START)).toBe(23 * 3_600_000); // next day
    expect(parseTimeArg('09:26:42', START)).toBe(26 * 60_000 + 42_000);
  });
  it('names what it expected when the text is neither', () => {
    expect(parseTimeArg('soon', START)).toMatch(/expected a duration since the start .* or a UTC time "hh:mm", found "soon"/);
  });
});

describe('reading scaling sentences back', () => {
  it('target tracking scale out: ceil(current x metric / target), 3 high-alarm datapoints', () => {
    const a = parseScalingActivity('desired count 3 -> 6: target tracking cpu: 3 datapoints > 60: 105.0 105.0 105.0; ceil(3 x 105.0/60) = 6');
    expect(a).toMatchObject({ from: 3, to: 6, kind: 'target tracking', policy: 'cpu', arithmetic: 'ceil(3 x 105.0/60) = 6' });
    expect(a!.evaluation).toEqual({ breaching: 3, evaluated: 3, op: '>', threshold: 60, values: [105, 105, 105] });
  });

  it('managed scaling activity keeps its cause', () => {
    const a = parseScalingActivity('desired 1 -> 2 (managed scaling asg: CapacityProviderReservation 1 datapoint > 100: 200.0; M=1 N=0; ceil(1 / 1.00) = 1)');
    expect(a).toMatchObject({ from: 1, to: 2, kind: 'managed scaling' });
  });

  it('alarm transitions: "1 of 3 datapoints not > 60" means 2 breaching', () => {
    const t = parseAlarmTransition('TargetTracking-web-cpu-AlarmHigh ALARM -> OK: 1 of 3 datapoints not > 60: 105.0 105.0 55.0');
    expect(t).toMatchObject({ alarm: 'TargetTracking-web-cpu-AlarmHigh', from: 'ALARM', to: 'OK' });
    expect(t!.evaluation).toMatchObject({ breaching: 2, evaluated: 3, threshold: 60 });
  });

  it('a scale in names the low alarm threshold as 90 % of the target (AAS AlarmLow)', () => {
    const values = Array.from({ length: 15 }, (_, i) => (i === 14 ? '30.0' : '40.0')).join(' ');
    const text = describeActivity(
      { timeS: 3000, type: 'scaling-activity', subject: 'web', message: `desired count 9 -> 5: target tracking cpu: 15 datapoints < 54: ${values}; ceil(9 x 30.0/60) = 5` },
      web,
    );
    expect(text).toBe('web: CPU below 54 % (90 % of the target 60) for 15 datapoints (lowest 30.0, highest 40.0, newest 30.0) -> target tracking cpu set desired 9 -> 5 (ceil(9 x 30.0/60) = 5)');
  });

  it('an unknown sentence is printed whole', () => {
    expect(describeActivity({ timeS: 0, type: 'scaling-activity', subject: 'web', message: 'something new' }, web)).toBe('web: something new');
  });
});

describe('loadChanges', () => {
  const told = (rates: number[]) => loadChanges('web', rates.map((r, i) => row(i * 60, { requestRate: r }))).map((l) => [l.timeS, l.text]);

  it('reports a step of at least 20 % between periods, from the rate last told, and ignores small wiggles', () => {
    // 150 -> 155 is 3 %: not told, so the step is from the 150 told (not from 155)
    expect(told([150, 155, 450, 440])).toEqual([
      [0, 'load starts at 150 rps (web)'],
      [120, 'load steps from 150 to 450 rps (web)'],
    ]);
  });

  it('tells a run of changes in one direction as one ramp, from its first changed period to the first at the rate reached', () => {
    // flash-crowd.yaml: 200 rps, rampUp 1m to 1000 at 2 min (the minute 2 averages 600), hold,
    // rampDown 5m from 7 min (minutes 7..11 average 920 760 600 440 280), 200 from 12 min.
    expect(told([200, 200, 600, 1000, 1000, 1000, 1000, 920, 760, 600, 440, 280, 200, 200])).toEqual([
      [0, 'load starts at 200 rps (web)'],
      [120, 'load ramps up from 200 to 1000 rps over 1 min (web)'],
      [420, 'load ramps down from 1000 to 200 rps over 5 min (web)'],
    ]);
  });

  it('a ramp\'s partial first and last periods belong to it (sqs-worker-backlog: 160 to 40 msg/s over 10 min from 07:50:30)', () => {
    expect(told([160, 160, 154, 142, 130, 118, 106, 94, 82, 70, 58, 46, 40, 40])).toEqual([
      [0, 'load starts at 160 rps (web)'],
      [120, 'load ramps down from 160 to 40 rps over 10 min (web)'],
    ]);
  });

  it('a steady +10 rps a minute (10 % of the 100 told, each period) is one ramp: 100 to 230 over minutes 1..13', () => {
    expect(told(Array.from({ length: 14 }, (_, i) => 100 + 10 * i))).toEqual([
      [0, 'load starts at 100 rps (web)'],
      [60, 'load ramps up from 100 to 230 rps over 12 min (web)'],
    ]);
  });

  it('reports a slow drift (2 % a period, no ramp) once it reaches 50 % of the rate last told, timed from the last period near that rate', () => {
    // +2 rps a minute: 150 = 100 x 1.5 at 25 min; the last period within 10 % of the change (5) of 100 is 2 min (104)
    expect(told(Array.from({ length: 26 }, (_, i) => 100 + 2 * i))).toEqual([
      [0, 'load starts at 100 rps (web)'],
      [180, 'load rises from 100 to 150 rps over 22 min (web)'],
    ]);
  });

  it('a hold, then a ramp: the ramp is timed from its first period, not from when the rate was told', () => {
    // 160 rps held from 0 to 45 min, then down 12 rps a minute (7.5 %): 46 min 148 ... 50 min 100
    const rates = [...Array.from({ length: 46 }, () => 160), 148, 136, 124, 112, 100];
    expect(told(rates)).toEqual([
      [0, 'load starts at 160 rps (web)'],
      [2760, 'load ramps down from 160 to 100 rps over 4 min (web)'],
    ]);
  });

  it('a step after small changes that were never told says where they took the load, so each line starts where the last one left it', () => {
    expect(told([100, 104, 108, 112, 116, 120, 124, 128, 130, 60])).toEqual([
      [0, 'load starts at 100 rps (web)'],
      [540, 'load goes from 100 rps by small changes to 130 rps, then steps to 60 rps (web)'],
    ]);
  });

  // A move runs on only through periods whose change is comparable to its own per period
  // (between EDGE_FRACTION and 1/EDGE_FRACTION of it): a creep and a step are two things.
  it('a step after a creep of 5 % a period is told as the creep, then the step (not one ramp from 100 to 300)', () => {
    // +5 rps a minute (5 % of 100: each period "moves") to 130 at 6 min, then 130 -> 300 (170)
    expect(told([100, 105, 110, 115, 120, 125, 130, 300, 300])).toEqual([
      [0, 'load starts at 100 rps (web)'],
      [420, 'load goes from 100 rps by small changes to 130 rps, then steps to 300 rps (web)'],
    ]);
  });

  it('a drift reached the period before a step is told with the step (/tmp/rev-second/drift.yaml: 100 -> 150 by 5 a minute, 400 at 11 min)', () => {
    // 150 is 50 % above 100 at 10 min (a drift), but 150 -> 400 at 11 min is a step (250 >= 20 % of 400)
    expect(told([...Array.from({ length: 11 }, (_, k) => 100 + 5 * k), 400, 400])).toEqual([
      [0, 'load starts at 100 rps (web)'],
      [660, 'load goes from 100 rps by small changes to 150 rps, then steps to 400 rps (web)'],
    ]);
  });

  it('a drift that goes on a period before a step ends where the step begins', () => {
    // 100 -> 155 by 5 a minute (1..11 min), then 155 -> 400 at 12 min: the ramp stops at 155;
    // its first period (100 -> 105, 5 rps) is a whole one, so it starts at 1 min and runs 10 min
    expect(told([...Array.from({ length: 12 }, (_, k) => 100 + 5 * k), 400, 400])).toEqual([
      [0, 'load starts at 100 rps (web)'],
      [60, 'load ramps up from 100 to 155 rps over 10 min (web)'],
      [720, 'load steps from 155 to 400 rps (web)'],
    ]);
  });

  it('a step followed by a creep is the step alone; the creep is told when it drifts 50 % from the rate told', () => {
    // 100 -> 400 at 2 min (300), then +20 a minute (5 % of 400) to 600 at 12 min: 600 - 400 = 50 % of 400.
    // The creep's last period within 10 % of its change (20) of 400 is 3 min (420); its first
    // period 400 -> 420 is kept as the ramp's partial first one: 3 min to 12 min, 9 min.
    expect(told([100, 100, ...Array.from({ length: 11 }, (_, k) => 400 + 20 * k)])).toEqual([
      [0, 'load starts at 100 rps (web)'],
      [120, 'load steps from 100 to 400 rps (web)'],
      [180, 'load ramps up from 400 to 600 rps over 9 min (web)'],
    ]);
    // the reviewer's sequence: the creep to 500 is 25 %, under the drift threshold, so not told
    expect(told([100, 100, 400, 420, 440, 460, 480, 500])).toEqual([
      [0, 'load starts at 100 rps (web)'],
      [120, 'load steps from 100 to 400 rps (web)'],
    ]);
  });
});

describe('formatSpan', () => {
  it('words for durations', () => {
    expect([formatSpan(12), formatSpan(90), formatSpan(240), formatSpan(3600), formatSpan(5400), formatSpan(86400 * 3)]).toEqual(['12 s', '90 s', '4 min', '1 h', '1 h 30 min', '3 d']);
  });
});

describe('reasonsBetween (why tasks waited in PROVISIONING)', () => {
  const ev = (timeS: number, message: string) => ({ timeS, type: 'task-unplaceable', subject: 'web', message: `service web was unable to place a task because no container instance met all of its requirements. ecsim: ${message}` });
  const launching = ev(0, 'no container instance is registered in the cluster yet (3 launching), so no container instance can run the task');
  it('names every rejection of each message, constraints too, as the report\'s episodes do', () => {
    const events = [launching, ev(30, '3 rejected for memberOf constraint; closest i-1 is excluded by memberOf(x)'), ev(90, '2 rejected for RESOURCE:MEMORY, 1 for RESOURCE:CPU')];
    expect(reasonsBetween(events, 0, 100)).toBe(' (memberOf, RESOURCE:MEMORY, RESOURCE:CPU)');
    expect(reasonsBetween(events, 60, 100)).toBe(' (RESOURCE:MEMORY, RESOURCE:CPU)');
  });
  it('reads the event as ECS now writes it (the closest instance\'s sentence, then ecsim\'s counts): every reason counted', () => {
    const message =
      'service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance i-00000000000000001 has insufficient CPU units available. ' +
      'For more information, see the Troubleshooting section. ecsim: the task waits in PROVISIONING for asg capacity; 2 rejected for RESOURCE:CPU, 1 for RESOURCE:MEMORY, 1 for distinctInstance constraint; closest i-00000000000000001 (us-east-1a) lacks 256 CPU units';
    const e = { timeS: 0, type: 'task-unplaceable', subject: 'web', message };
    expect(reasonsBetween([e], 0, 100)).toBe(' (RESOURCE:CPU, RESOURCE:MEMORY, distinctInstance)');
    // the report's episodes count the same three
    expect([...unplaceableEpisodes([e])[0].reasons.keys()]).toEqual(['RESOURCE:CPU', 'RESOURCE:MEMORY', 'distinctInstance constraint']);
  });
  it('says no instance was registered only when no message named a rejection', () => {
    expect(reasonsBetween([launching], 0, 100)).toBe(' (no instance registered)');
    expect(reasonsBetween([ev(0, 'no container instances are registered in the cluster, so no container instance can run the task')], 0, 100)).toBe(' (no instance registered)');
    expect(reasonsBetween([ev(0, 'no container instance of capacity provider spot is registered, so no container instance can run the task')], 0, 100)).toBe(' (no instance registered)');
    expect(reasonsBetween([ev(0, 'no container instance of capacity provider spot is registered yet (2 launching), so no container instance can run the task')], 0, 100)).toBe(' (no instance registered)');
    expect(reasonsBetween([launching], 10, 100)).toBe('');
  });
});

describe('provisioningWaitLines: each wait with the reasons recorded for it', () => {
  // /tmp/rev-cap/ms1: 10 tasks of 1024 CPU at 0 and one m5.large (2048 CPU) launching. At
  // 60 s it registers and takes 2; the 8 left are refused for CPU at that same instant,
  // after the placement. The 2 waited because no instance was registered, not for CPU.
  const msg = (m: string) => `service web was unable to place a task because no container instance met all of its requirements. ecsim: the task waits in PROVISIONING for A capacity; ${m}`;
  const events: EventRow[] = [
    { timeS: 0, type: 'task-unplaceable', subject: 'web', message: msg('no container instance is registered in the cluster yet (1 launching), so no container instance can run the task') },
    { timeS: 60, type: 'instance-registered', subject: 'i-1', message: 'm5.large in us-east-1a registered' },
    { timeS: 60, type: 'task-placed', subject: 'web-1', message: 'web-1 placed on i-1 (m5.large, us-east-1a)' },
    { timeS: 60, type: 'task-placed', subject: 'web-2', message: 'web-2 placed on i-1 (m5.large, us-east-1a)' },
    { timeS: 60, type: 'task-unplaceable', subject: 'web', message: msg('1 rejected for RESOURCE:CPU; closest i-1 (us-east-1a) lacks 1024 CPU units') },
    { timeS: 360, type: 'instance-registered', subject: 'i-2', message: 'm5.large in us-east-1b registered' },
    { timeS: 360, type: 'task-placed', subject: 'web-3', message: 'web-3 placed on i-2 (m5.large, us-east-1b)' },
  ];
  const task = (n: number, placedS: number | null, instanceId: string): TaskRow => ({ taskId: `web-${n}`, service: 'web', capacityProvider: 'A', instanceId, createdS: 0, runningS: placedS === null ? null : placedS + 6, stoppedS: null, stopReason: 'simulation-end' });
  const tasks = [task(1, 60, 'i-1'), task(2, 60, 'i-1'), task(3, 360, 'i-2'), task(4, null, '')];
  const lines = provisioningWaitLines(events, tasks, taskPlacements(events), clock, 600).map((l) => l.text);
  it('the 2 placed at 09:01 waited for no registered instance; the RESOURCE:CPU row after their placement is the next wait\'s', () => {
    expect(lines).toContain('web: 2 tasks (web-1, web-2) waited in PROVISIONING for 60 s (no instance registered) until i-1 registered');
    // the one placed at 09:06 waited from 0 through both rows: a rejection is named, so "no instance registered" is not
    expect(lines).toContain('web: 1 task (web-3) waited in PROVISIONING for 6 min (RESOURCE:CPU) until i-2 registered');
    expect(lines).toContain('web: 1 task still PROVISIONING at the end, waiting since 09:00 (RESOURCE:CPU)');
  });
});

describe('provisioningWaitLines: a wait still open at --to is told at toS', () => {
  // The ms1 rows above: web-1, web-2 placed at 60 s; web-3 at 360 s; web-4 never.
  const msg = (m: string) => `service web was unable to place a task because no container instance met all of its requirements. ecsim: the task waits in PROVISIONING for A capacity; ${m}`;
  const events: EventRow[] = [
    { timeS: 0, type: 'task-unplaceable', subject: 'web', message: msg('no container instance is registered in the cluster yet (1 launching), so no container instance can run the task') },
    { timeS: 60, type: 'instance-registered', subject: 'i-1', message: 'm5.large in us-east-1a registered' },
    { timeS: 60, type: 'task-placed', subject: 'web-1', message: 'web-1 placed on i-1 (m5.large, us-east-1a)' },
    { timeS: 60, type: 'task-placed', subject: 'web-2', message: 'web-2 placed on i-1 (m5.large, us-east-1a)' },
    { timeS: 60, type: 'task-unplaceable', subject: 'web', message: msg('1 rejected for RESOURCE:CPU; closest i-1 (us-east-1a) lacks 1024 CPU units') },
    { timeS: 360, type: 'instance-registered', subject: 'i-2', message: 'm5.large in us-east-1b registered' },
    { timeS: 360, type: 'task-placed', subject: 'web-3', message: 'web-3 placed on i-2 (m5.large, us-east-1b)' },
    { timeS: 360, type: 'task-placed', subject: 'web-6', message: 'web-6 placed on i-2 (m5.large, us-east-1b)' },
  ];
  const task = (n: number, placedS: number | null, instanceId: string, createdS = 0): TaskRow => ({ taskId: `web-${n}`, service: 'web', capacityProvider: 'A', instanceId, createdS, runningS: placedS === null ? null : placedS + 6, stoppedS: null, stopReason: 'simulation-end' });
  const tasks = [task(1, 60, 'i-1'), task(2, 60, 'i-1'), task(3, 360, 'i-2'), task(4, null, ''), task(5, null, '', 400), task(6, 360, 'i-2', 320)];
  const at = (toS: number) => provisioningWaitLines(events, tasks, taskPlacements(events), clock, 600, new Map(), toS).map((l) => [l.timeS, l.text]);
  it('at 300 s web-3 (placed at 360 s) and web-4 still wait; the reasons are those up to 300 s; web-5 and web-6 (created at 400 and 320 s) are not yet', () => {
    expect(at(300)).toEqual([
      [60, 'web: 2 tasks (web-1, web-2) waited in PROVISIONING for 60 s (no instance registered) until i-1 registered'],
      [300, 'web: 2 tasks (web-3, web-4) waiting in PROVISIONING since 09:00 (RESOURCE:CPU), still at 09:05'],
    ]);
  });
  it('at 30 s all 4 wait, with only the reason recorded by then; a --to not on the minute is said with seconds', () => {
    expect(at(30)).toEqual([[30, 'web: 4 tasks (web-1, web-2, web-3 +1 more) waiting in PROVISIONING since 09:00 (no instance registered), still at 09:00:30']]);
  });
  it('at the end of the run the line is the end\'s', () => {
    expect(at(600).map((x) => x[1])).toContain('web: 2 tasks still PROVISIONING at the end, waiting since 09:00 (RESOURCE:CPU)');
    expect(at(600).map((x) => x[1]).some((t) => String(t).includes('still at'))).toBe(false);
  });
  it('launchType EC2: a wait read from the events still open at toS', () => {
    const ec2: EventRow[] = [
      { timeS: 0, type: 'task-unplaceable', subject: 'reports', message: 'service reports was unable to place a task because no container instance met all of its requirements. 3 rejected for RESOURCE:MEMORY' },
      { timeS: 900, type: 'task-placed', subject: 'reports-1', message: 'reports-1 placed on i-9 (r5.large, us-east-1a)' },
    ];
    const lines = (toS: number) => provisioningWaitLines(ec2, [], taskPlacements(ec2), clock, 1800, new Map(), toS).map((l) => [l.timeS, l.text]);
    expect(lines(600)).toEqual([[600, 'reports: no instance could take its tasks since 09:00 (RESOURCE:MEMORY), still at 09:10; with launchType EC2 ECS creates no task until one can']]);
    expect(lines(1800)).toEqual([[900, 'reports: no instance could take a task for 15 min (RESOURCE:MEMORY); ECS created 1 task when capacity was freed on a registered instance']]);
  });
  it('explainLines passes --to on: the window ending at 300 s tells the open wait', () => {
    const tables: ResultsTables = { scenarioName: 'w', seed: 1, startEpochMs: START, durationS: 600, events, timeseries: [], tasks, services: new Map() };
    expect(explainLines(tables, { toS: 300 }).map((l) => l.text)).toContain('web: 2 tasks (web-3, web-4) waiting in PROVISIONING since 09:00 (RESOURCE:CPU), still at 09:05');
  });
});

describe('provisioningWaitLines: tasks placed together that were created at different times', () => {
  // capacity-target.yaml, target-100, seed 13: web-9 created at 3840 s (10:04), web-10 at
  // 3960 s (10:06), both placed at 4065.397 s on the instance that registered then. Their
  // waits are 225.4 s (3.76 min, "4 min") and 105.4 s ("105 s": formatSpan words spans
  // under 2 minutes in seconds), so one figure for both would be wrong for one of them.
  const unplaceable = (timeS: number): EventRow => ({ timeS, type: 'task-unplaceable', subject: 'web', message: 'service web was unable to place a task because no container instance met all of its requirements. ecsim: the task waits in PROVISIONING for A capacity; 2 rejected for RESOURCE:CPU' });
  const placed = (timeS: number, taskId: string, instanceId: string): EventRow => ({ timeS, type: 'task-placed', subject: taskId, message: `${taskId} placed on ${instanceId} (m5.large, us-east-1a)` });
  const task = (n: number, createdS: number, placedS: number, instanceId: string): TaskRow => ({ taskId: `web-${n}`, service: 'web', capacityProvider: 'A', instanceId, createdS, runningS: placedS + 14, stoppedS: null, stopReason: 'simulation-end' });
  function waitLine(created: readonly [number, number], placedS: number): string[] {
    const events: EventRow[] = [
      unplaceable(created[0]),
      unplaceable(created[1]),
      { timeS: placedS, type: 'instance-registered', subject: 'i-4', message: 'm5.large in us-east-1a registered' },
      placed(placedS, 'web-9', 'i-4'),
      placed(placedS, 'web-10', 'i-4'),
    ];
    const tasks = [task(9, created[0], placedS, 'i-4'), task(10, created[1], placedS, 'i-4')];
    return provisioningWaitLines(events, tasks, taskPlacements(events), clock, 14400).map((l) => l.text);
  }
  it('says the shortest and the longest wait when they read differently', () => {
    expect(waitLine([3840, 3960], 4065.397)).toEqual(['web: 2 tasks (web-9, web-10) waited in PROVISIONING for 105 s to 4 min (RESOURCE:CPU) until i-4 registered']);
    // 400 s and 340 s: 6.67 and 5.67 min, "7 min" and "6 min"
    expect(waitLine([0, 60], 400)).toEqual(['web: 2 tasks (web-9, web-10) waited in PROVISIONING for 6 to 7 min (RESOURCE:CPU) until i-4 registered']);
  });
  it('one figure when both waits round to it', () => {
    // 360 s and 350 s: 6 min and 5.83 min, both "6 min"
    expect(waitLine([0, 10], 360)).toEqual(['web: 2 tasks (web-9, web-10) waited in PROVISIONING for 6 min (RESOURCE:CPU) until i-4 registered']);
  });
  it('formatSpanRange: one unit said once, mixed units in full', () => {
    expect([formatSpanRange(240, 240), formatSpanRange(105.4, 225.4), formatSpanRange(30, 90), formatSpanRange(3600, 5400), formatSpanRange(3600, 7200)]).toEqual(['4 min', '105 s to 4 min', '30 to 90 s', '1 h to 1 h 30 min', '1 to 2 h']);
  });
});

describe('provisioningWaitLines: a DAEMON task that fits no instance', () => {
  // its task-unplaceable rows name no provider to wait for, but it is no launchType EC2 wait
  const events: EventRow[] = [
    { timeS: 60, type: 'task-unplaceable', subject: 'agent', message: 'service agent was unable to place a task because no container instance met all of its requirements. The closest matching container-instance i-1 has insufficient memory available. For more information, see the Troubleshooting section. ecsim: DAEMON task pending on 2 instances; 2 rejected for RESOURCE:MEMORY; closest i-1 (us-east-1a) lacks 1300 MiB memory' },
    { timeS: 400, type: 'task-unplaceable', subject: 'agent', message: 'service agent was unable to place a task because no container instance met all of its requirements. The closest matching container-instance i-1 has insufficient memory available. For more information, see the Troubleshooting section. ecsim: DAEMON task pending on 3 instances; 3 rejected for RESOURCE:MEMORY; closest i-1 (us-east-1a) lacks 1300 MiB memory' },
  ];
  it('one line at the first row, with the reasons and the most instances named', () => {
    const lines = provisioningWaitLines(events, [], taskPlacements(events), clock, 600);
    expect(lines.map((l) => [l.timeS, l.text])).toEqual([[60, 'agent: its DAEMON task did not fit up to 3 instances it should run on (RESOURCE:MEMORY); ECS keeps it pending there until one has room']]);
    expect(provisioningWaitLines(events.slice(0, 1), [], new Map(), clock, 600).map((l) => l.text)).toEqual([
      'agent: its DAEMON task did not fit 2 instances it should run on (RESOURCE:MEMORY); ECS keeps it pending there until one has room',
    ]);
  });
});

describe('scalingNotes (why it did not scale)', () => {
  it('no scale in while CPU stays at or above 90 % of the target (AlarmLow threshold 54 for target 60)', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(i * 60, { desiredCount: 6, cpuUtilization: 55 }));
    const notes = scalingNotes(web, rows, { fromS: 0, toS: 1200, activityTimes: [] }, clock);
    expect(notes.map((n) => n.text)).toEqual(['web: no scale in since 09:00: CPU stayed at or above 54 % (90 % of the target 60), lowest 55 %']);
  });

  it('ALBRequestCountPerTarget reads the request_count_per_target column: no scale in while it stays at or above 900 (90 % of the target 1000)', () => {
    const alb: ServiceInfo = { ...web, policies: [{ ...web.policies[0], name: 'rpt', metricName: 'RequestCountPerTarget', targetValue: 1000 }] };
    const rows = Array.from({ length: 20 }, (_, i) => row(i * 60, { desiredCount: 6, requestCountPerTarget: 950 + i }));
    const notes = scalingNotes(alb, rows, { fromS: 0, toS: 1200, activityTimes: [] }, clock);
    expect(notes.map((n) => n.text)).toEqual(['web: no scale in since 09:00: requests per target stayed at or above 900 (90 % of the target 1000), lowest 950']);
  });

  it('no scale in when fewer than 15 consecutive datapoints are below 54 (AlarmLow 15 of 15)', () => {
    const cpu = [40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 58, 40, 40];
    const rows = cpu.map((c, i) => row(i * 60, { desiredCount: 6, cpuUtilization: c }));
    const notes = scalingNotes(web, rows, { fromS: 0, toS: 17 * 60, activityTimes: [] }, clock);
    expect(notes[0].text).toBe('web: no scale in since 09:00: CPU was below 54 % (90 % of the target 60) for at most 14 consecutive datapoints; the low alarm needs 15');
  });

  // target 50, minCapacity 1: the low alarm's threshold is 45
  const api: ServiceInfo = { ...web, minCapacity: 1, policies: [{ ...web.policies[0], targetValue: 50 }] };

  it('low alarm in ALARM, but ceil(3 x 38.3/50) = ceil(2.3) = 3: removing a task would push CPU above the target, so no scale in', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(i * 60, { desiredCount: 3, minCapacity: 1, cpuUtilization: 38.3 }));
    const notes = scalingNotes(api, rows, { fromS: 0, toS: 1200, activityTimes: [] }, clock);
    expect(notes.map((n) => n.text)).toEqual([
      'web: no scale in since 09:00: CPU below 45 % (90 % of the target 50) for 20 consecutive datapoints, so the low alarm is in ALARM, ' +
        'but ceil(3 x 38.3/50) = 3: removing a task would push CPU above the target, so target tracking keeps 3',
    ]);
  });

  it('low alarm in ALARM and ceil(3 x 30/50) = ceil(1.8) = 2 < 3: a scale in is due', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(i * 60, { desiredCount: 3, minCapacity: 1, cpuUtilization: 30 }));
    const notes = scalingNotes(api, rows, { fromS: 0, toS: 1200, activityTimes: [] }, clock);
    expect(notes[0].text).toMatch(/^web: CPU below 45 % \(90 % of the target 50\) for 20 consecutive datapoints since 09:00: scale in is due once the low alarm sees 15 of them/);
  });

  it('low alarm was in ALARM while desired sat at minCapacity: ceil(4 x 30/50) = 3, clamped to minCapacity 4', () => {
    // minCapacity 4 for 17 minutes below 45 % (in ALARM from the 15th), then lowered to 2 while CPU is back at 50
    const cpu = [...Array<number>(17).fill(30), 50, 50, 50];
    const rows = cpu.map((c, i) => row(i * 60, { desiredCount: 4, minCapacity: i < 17 ? 4 : 2, cpuUtilization: c }));
    const notes = scalingNotes(api, rows, { fromS: 0, toS: 1200, activityTimes: [] }, clock);
    expect(notes[0].text).toBe(
      'web: no scale in since 09:00: CPU below 45 % (90 % of the target 50) for 17 consecutive datapoints, so the low alarm was in ALARM, but ceil(4 x 30/50) = 3, and desired 4 is at minCapacity 4',
    );
  });

  it('nothing to say at minCapacity', () => {
    const rows = Array.from({ length: 5 }, (_, i) => row(i * 60, { desiredCount: 3, cpuUtilization: 10 }));
    expect(scalingNotes(web, rows, { fromS: 0, toS: 300, activityTimes: [] }, clock)).toEqual([]);
  });

  it('scale out blocked at maxCapacity for 3+ periods above target (AlarmHigh needs 3)', () => {
    const cpu = [50, 70, 80, 90, 50];
    const rows = cpu.map((c, i) => row(i * 60, { desiredCount: 12, cpuUtilization: c }));
    const notes = scalingNotes(web, rows, { fromS: 0, toS: 300, activityTimes: [] }, clock);
    expect(notes[0]).toMatchObject({ timeS: 60, text: 'web: scale out blocked: already at maxCapacity 12 while CPU was above 60 % (09:01-09:04, up to 90 %)' });
  });

  it('at maxCapacity in the scale-out cooldown with tasks PENDING: not blocked, the policy asks for ceil(base x metric / target) <= max', () => {
    // 8 -> 12 at 09:00 starts the scale-out cooldown until 09:05 (300 s). The row of the
    // period starting at T is evaluated at T + 60 s period + 60 s publish delay (alarm.ts):
    // the 09:00, 09:01, 09:02 rows at 09:02-09:04, in the cooldown, where the scaler computes
    // from max(8 before, min(6 RUNNING, 12)) = 8: ceil(8 x 70/60) = 10, not above 12. The
    // 09:03 row on, evaluated from 09:05 (cooldown over), from desired 12: ceil(12 x 70/60) = 14 > 12.
    const events: EventRow[] = [{ timeS: 0, type: 'scaling-activity', subject: 'web', message: 'desired count 8 -> 12: target tracking cpu: 3 datapoints > 60: 90.0 90.0 90.0; ceil(8 x 90.0/60) = 12' }];
    const rows = [70, 70, 70, 70, 70, 70, 70, 70, 50].map((c, i) => row(i * 60, { desiredCount: 12, runningCount: i < 5 ? 6 : 12, cpuUtilization: c }));
    const notes = scalingNotes(web, rows, { fromS: 0, toS: 540, activityTimes: [0], events }, clock).map((n) => n.text);
    expect(notes.slice(0, 2)).toEqual([
      'web: CPU above 60 % while 6 of 12 tasks were not yet RUNNING (pending) (09:00-09:03, up to 70 %): in the scale-out cooldown target tracking asks for ceil(8 x 70/60) = 10, not above maxCapacity 12',
      'web: scale out blocked: already at maxCapacity 12 while CPU was above 60 % (09:03-09:08, up to 70 %)',
    ]);
    // metrics.period 60 s, publishDelay 0: evaluated at T + 60, the 09:00-09:03 rows are in the cooldown
    const lag60 = scalingNotes(web, rows, { fromS: 0, toS: 540, activityTimes: [0], events, evaluationLagS: 60 }, clock).map((n) => n.text);
    expect(lag60.slice(0, 2)).toEqual([
      'web: CPU above 60 % while 6 of 12 tasks were not yet RUNNING (pending) (09:00-09:04, up to 70 %): in the scale-out cooldown target tracking asks for ceil(8 x 70/60) = 10, not above maxCapacity 12',
      'web: scale out blocked: already at maxCapacity 12 while CPU was above 60 % (09:04-09:08, up to 70 %)',
    ]);
  });

  it('disableScaleIn on every target tracking policy', () => {
    const svc: ServiceInfo = { ...web, policies: [{ ...web.policies[0], disableScaleIn: true }] };
    const rows = Array.from({ length: 3 }, (_, i) => row(i * 60, { desiredCount: 6, cpuUtilization: 10 }));
    expect(scalingNotes(svc, rows, { fromS: 0, toS: 180, activityTimes: [] }, clock)[0].text).toMatch(/no scale in: every target tracking policy has disableScaleIn/);
  });
});

describe('metricOf: the queue metrics as published', () => {
  it('BacklogPerTask is the whole count of visible messages over the running tasks; ApproximateNumberOfMessagesVisible the count', () => {
    // a fluid backlog of 0.2797 on 3 tasks publishes 0 visible messages, so 0 per task (not 0.093);
    // 20.6 on 10 tasks publishes 21, so 2.1 (not 2.06)
    expect(metricOf(row(0, { backlog: 0.2797, runningCount: 3 }), 'BacklogPerTask')).toBe(0);
    expect(metricOf(row(0, { backlog: 20.6, runningCount: 10 }), 'BacklogPerTask')).toBe(2.1);
    expect(metricOf(row(0, { backlog: 20.6, runningCount: 0 }), 'BacklogPerTask')).toBeNull();
    expect(metricOf(row(0, { backlog: 20.6, runningCount: 10 }), 'ApproximateNumberOfMessagesVisible')).toBe(21);
  });
});

describe('a new task in the load balancer (servicesOf reads it from scenario.json; newTaskLines says it)', () => {
  const scenarioJson = (applicationStart: unknown, grace: number) => ({
    taskDefinitions: { web: { startup: { applicationStart } } },
    services: { web: { taskDefinition: 'web', healthCheckGracePeriodSeconds: grace, loadBalancer: { healthCheck: { interval: 30_000, healthyThreshold: 5, unhealthyThreshold: 2 } } } },
  });
  const lineFor = (info: ServiceInfo) => {
    const events = [{ timeS: 1440, type: 'scaling-activity', subject: 'web', message: 'desired count 3 -> 4: target tracking cpu: 3 datapoints > 60: 90.0 90.0 90.0; ceil(3 x 90.0/60) = 5' }];
    const task = { taskId: 'web-4', service: 'web', instanceId: 'i-1', availabilityZone: 'us-east-1a', createdS: 1440, runningS: 1452, stoppedS: null, stopReason: 'simulation-end' } as any;
    return newTaskLines(events, new Map([['web', [task]]]), new Map([['web', info]]), clock, 3600)[0].text;
  };

  it('an application that starts at once: healthy at the first check (30 s after RUNNING)', () => {
    const info = servicesOf(scenarioJson({ distribution: 'fixed', value: 0 }, 0)).get('web')!;
    expect(info.newTarget).toEqual({ healthyAfterS: 30 });
    expect(lineFor(info)).toBe('web: the new task of the 09:24 decision (web-4): RUNNING by 09:24:12 (12 s after the decision); healthy in the load balancer at 09:24:42');
  });

  it('an application starting 90 s after RUNNING, no grace period: marked unhealthy at the second failed check (60 s), healthy again at the fifth pass (90..210 s)', () => {
    const info = servicesOf(scenarioJson({ distribution: 'fixed', value: 90_000 }, 0)).get('web')!;
    expect(info.newTarget).toEqual({ markedAfterS: 60, recoveredAfterS: 210 });
    expect(lineFor(info)).toMatch(/; failed its load balancer health checks and was marked unhealthy \(replaced\) at 09:25:12$/);
  });

  it('tasks of one decision RUNNING far apart: the line names the decision, its tasks, and the task whose health it tells', () => {
    // capacity-target: of the 10:04 decision's tasks, web-6 ran at once (10:04:15) and web-7..web-9
    // waited for instances (RUNNING by 10:07:24); the health clause is web-6's (RUNNING + 30 s).
    const info = servicesOf(scenarioJson({ distribution: 'fixed', value: 0 }, 0)).get('web')!;
    const events = [{ timeS: 240, type: 'scaling-activity', subject: 'web', message: 'desired count 5 -> 9: target tracking cpu: 3 datapoints > 60: 100.0 100.0 100.0; ceil(5 x 100.0/60) = 9' }];
    const task = (n: number, runningS: number) => ({ taskId: `web-${n}`, service: 'web', instanceId: 'i-1', availabilityZone: 'us-east-1a', createdS: 240, runningS, stoppedS: null, stopReason: 'simulation-end' }) as any;
    // tasks.csv order is not the names' order: web-10 after web-9 by number
    const tasks = [task(10, 448), task(7, 440), task(6, 256), task(9, 446)];
    const [line] = newTaskLines(events, new Map([['web', tasks]]), new Map([['web', info]]), clock, 3600);
    expect(line.timeS).toBe(448);
    expect(line.text).toBe('web: the 4 new tasks of the 09:04 decision (web-6, web-7, web-9 +1 more): RUNNING by 09:07:28 (3 min after the decision); web-6 healthy in the load balancer at 09:04:46');
  });

  it('a Fargate Spot task reclaimed while already leaving is replaced by nothing: a task created at its stop goes to the scale out still short', () => {
    // web-1 drains after a scale in; its notice says "no replacement" and it stops at 09:24:10
    // (spot-interruption). The scale out 3 -> 5 of 09:24 created web-4 at once and web-5 at
    // 09:24:10: web-5 is that decision's second task, not web-1's replacement
    const info = servicesOf(scenarioJson({ distribution: 'fixed', value: 0 }, 0)).get('web')!;
    const events = [
      { timeS: 1400, type: 'spot-interruption', subject: 'web-1', message: 'FARGATE_SPOT reclaims web-1 while it deregisters (scale-in): SIGTERM now, stopped when its containers exit (by stopTimeout, within 2 minutes); no replacement (it was already leaving the service)' },
      { timeS: 1440, type: 'scaling-activity', subject: 'web', message: 'desired count 3 -> 5: target tracking cpu: 3 datapoints > 60: 90.0 90.0 90.0; ceil(3 x 90.0/60) = 5' },
      { timeS: 1450, type: 'task-stopped', subject: 'web-1', message: 'web-1 STOPPED (spot-interruption)' },
    ];
    const tasks = [
      { taskId: 'web-1', service: 'web', instanceId: '', availabilityZone: 'us-east-1a', createdS: 0, runningS: 12, stoppedS: 1450, stopReason: 'spot-interruption' },
      { taskId: 'web-4', service: 'web', instanceId: '', availabilityZone: 'us-east-1a', createdS: 1440, runningS: 1452, stoppedS: null, stopReason: 'simulation-end' },
      { taskId: 'web-5', service: 'web', instanceId: '', availabilityZone: 'us-east-1b', createdS: 1450, runningS: 1462, stoppedS: null, stopReason: 'simulation-end' },
    ] as any[];
    const [line] = newTaskLines(events, new Map([['web', tasks]]), new Map([['web', info]]), clock, 3600);
    expect(line?.text).toMatch(/^web: the 2 new tasks of the 09:24 decision \(web-4, web-5; 1 created later\)/);
  });

  it('a window ending before the decision\'s last task ran (--to): told at --to, as far as it got', () => {
    // capacity-target's 09:04 decision: web-6 RUNNING at 09:04:16, the other three at 09:07:20..28;
    // --to 09:05 tells 1 of 4 RUNNING and 3 not yet; --to 09:04 none yet (both lines at --to)
    const info = servicesOf(scenarioJson({ distribution: 'fixed', value: 0 }, 0)).get('web')!;
    const events = [{ timeS: 240, type: 'scaling-activity', subject: 'web', message: 'desired count 5 -> 9: target tracking cpu: 3 datapoints > 60: 100.0 100.0 100.0; ceil(5 x 100.0/60) = 9' }];
    const task = (n: number, runningS: number) => ({ taskId: `web-${n}`, service: 'web', instanceId: 'i-1', availabilityZone: 'us-east-1a', createdS: 240, runningS, stoppedS: null, stopReason: 'simulation-end' }) as any;
    const tasks = [task(10, 448), task(7, 440), task(6, 255.2), task(9, 446)];
    const at = (toS: number) => newTaskLines(events, new Map([['web', tasks]]), new Map([['web', info]]), clock, 3600, toS).map((l) => [l.timeS, l.text]);
    expect(at(300)).toEqual([[300, 'web: 1 of the 4 new tasks of the 09:04 decision (web-6, web-7, web-9 +1 more): RUNNING by 09:04:16; the other 3 not yet at 09:05']]);
    expect(at(240)).toEqual([[240, 'web: the 4 new tasks of the 09:04 decision (web-6, web-7, web-9 +1 more) started; none RUNNING yet at 09:04']]);
    // a window past the last: the usual line, at the last task's RUNNING
    expect(at(3600)[0][0]).toBe(448);
    // --to off the minute: said to the second
    expect(at(290)[0][1]).toMatch(/; the other 3 not yet at 09:04:50$/);
    // a task stopped before RUNNING by --to is said so, not counted as not yet RUNNING
    const withStop = [...tasks, { ...task(11, 0), runningS: null, stoppedS: 250, stopReason: 'scale-in' }];
    const lines = newTaskLines(events, new Map([['web', withStop]]), new Map([['web', info]]), clock, 3600, 300);
    expect(lines.map((l) => l.text)).toEqual(['web: 1 of the 5 new tasks of the 09:04 decision (web-6, web-7, web-9 +2 more): RUNNING by 09:04:16; web-11 stopped at 09:04:10 (scale-in) before RUNNING; the other 3 not yet at 09:05']);
  });

  it('a task RUNNING at a fractional second: "healthy at" is rounded to the nearest second, not truncated', () => {
    const info = servicesOf(scenarioJson({ distribution: 'fixed', value: 0 }, 0)).get('web')!;
    const events = [{ timeS: 1440, type: 'scaling-activity', subject: 'web', message: 'desired count 3 -> 4: target tracking cpu: 3 datapoints > 60: 90.0 90.0 90.0; ceil(3 x 90.0/60) = 5' }];
    // RUNNING at 09:24:12.7, healthy 30 s later at 09:24:42.7: nearer 09:24:43 than 09:24:42
    const task = { taskId: 'web-4', service: 'web', instanceId: 'i-1', availabilityZone: 'us-east-1a', createdS: 1440, runningS: 1452.7, stoppedS: null, stopReason: 'simulation-end' } as any;
    const [line] = newTaskLines(events, new Map([['web', [task]]]), new Map([['web', info]]), clock, 3600);
    expect(line.text).toMatch(/RUNNING by 09:24:13 .*; healthy in the load balancer at 09:24:43$/);
  });

  it('with a 300 s grace period: healthy at the fifth passing check, 210 s after RUNNING', () => {
    expect(servicesOf(scenarioJson({ distribution: 'fixed', value: 90_000 }, 300)).get('web')!.newTarget).toEqual({ healthyAfterS: 210 });
  });

  it('a varying application start cannot be told in advance; a scenario.json from before applicationStart counts it as 0', () => {
    const info = servicesOf(scenarioJson({ distribution: 'uniform', min: 0, max: 60_000 }, 0)).get('web')!;
    expect(info.newTarget).toBe('varies');
    expect(lineFor(info)).toMatch(/once its application has started \(startup\.applicationStart varies/);
    expect(servicesOf({ services: { web: { taskDefinition: 'web', loadBalancer: { healthCheck: { interval: 10_000 } } } } }).get('web')!.newTarget).toEqual({ healthyAfterS: 10 });
    expect(servicesOf({ services: { web: { taskDefinition: 'web' } } }).get('web')!.newTarget).toBeNull();
  });
});

describe('clusterLines: an unhealthy target', () => {
  it('is told on its service\'s line, the message naming the task', () => {
    const message = 'web-3 is unhealthy in (target-group web) due to (reason Health checks failed): 2 consecutive checks failed, the last 60 s after RUNNING (its application starts 125.8 s after RUNNING); the service stops it: Task failed ELB health checks in (target-group web)';
    const task = { taskId: 'web-3', service: 'web' } as any;
    const lines = clusterLines([{ timeS: 105, type: 'task-unhealthy', subject: 'web-3', message }], new Map([['web-3', task]]));
    expect(lines).toEqual([expect.objectContaining({ timeS: 105, service: 'web', provider: null, text: `web: ${message}` })]);
  });
});

describe('clusterLines: stopped tasks of more than one capacity provider', () => {
  it('say how they split over the providers; of one provider, nothing more', () => {
    // a scale in of 5 (FARGATE base 2 weight 1, FARGATE_SPOT weight 3 going from 10 to 5
    // tasks): 2 on FARGATE, 3 on FARGATE_SPOT, named in the order of the tasks
    const provider: Record<string, string> = { 's-6': 'FARGATE_SPOT', 's-10': 'FARGATE', 's-4': 'FARGATE_SPOT', 's-9': 'FARGATE', 's-8': 'FARGATE_SPOT' };
    const tasks = new Map(Object.entries(provider).map(([taskId, capacityProvider]) => [taskId, { taskId, service: 's', capacityProvider } as any]));
    const stopped = (ids: string[]) =>
      clusterLines(
        ids.map((id) => ({ timeS: 300, type: 'task-stopped', subject: id, message: `${id} STOPPED (scale-in)` })),
        tasks,
      ).map((l) => l.text);
    expect(stopped(['s-6', 's-10', 's-4', 's-9', 's-8'])).toEqual(['s: 5 tasks STOPPED (scale-in: s-6, s-10, s-4 +2 more; FARGATE_SPOT 3, FARGATE 2)']);
    expect(stopped(['s-6', 's-4'])).toEqual(['s: 2 tasks STOPPED (scale-in: s-6, s-4)']);
  });
});

describe('clusterLines: a Fargate Spot notice names its replacement', () => {
  const notice = (id: string, then: string) => `FARGATE_SPOT reclaims ${id}: SIGTERM now, stopped when its containers exit (by stopTimeout, within 2 minutes); ${then}`;
  const task = (taskId: string, capacityProvider: string, createdS: number, stoppedS: number | null = null) =>
    [taskId, { taskId, service: 'web', capacityProvider, instanceId: '', createdS, runningS: null, stoppedS, stopReason: '' }] as const;
  const lines = (events: { timeS: number; subject: string; message: string }[], tasks: ReturnType<typeof task>[]) =>
    clusterLines(events.map((e) => ({ ...e, type: 'spot-interruption' })), new Map(tasks)).map((l) => l.text);

  it('the task of the service created at the notice, with its capacity provider', () => {
    // web-4 reclaimed at 133.556 s; web-9 created then on FARGATE (a FARGATE base); web-8 earlier
    const tasks = [task('web-4', 'FARGATE_SPOT', 0, 135.556), task('web-8', 'FARGATE_SPOT', 100), task('web-9', 'FARGATE', 133.556)];
    expect(lines([{ timeS: 133.556, subject: 'web-4', message: notice('web-4', 'the service starts a replacement') }], tasks)).toEqual([
      `web-4: ${notice('web-4', 'the service starts a replacement')}: web-9 on FARGATE`,
    ]);
  });

  it('with no room under maximumPercent, the task created when the reclaimed one stopped (the first stop after it)', () => {
    const then = 'the service starts a replacement when a task of the service stops (maximumPercent 100 %)';
    const tasks = [task('web-4', 'FARGATE_SPOT', 0, 160.25), task('web-9', 'FARGATE_SPOT', 160.25)];
    expect(lines([{ timeS: 133.556, subject: 'web-4', message: notice('web-4', then) }], tasks)).toEqual([`web-4: ${notice('web-4', then)}: web-9 on FARGATE_SPOT`]);
    // a results folder from before 2026-11-28 ('when it stops') is read alike
    const old = 'the service starts a replacement when it stops (maximumPercent 100 %)';
    expect(lines([{ timeS: 133.556, subject: 'web-4', message: notice('web-4', old) }], tasks)).toEqual([`web-4: ${notice('web-4', old)}: web-9 on FARGATE_SPOT`]);
  });

  it('two notices waiting: replacements start at any task\'s stop, the stopped task\'s notice first, else the oldest, each task named once', () => {
    const wait = 'the service starts a replacement when a task of the service stops (maximumPercent 125 %)';
    // web-1 noticed at 100 s, web-2 at 120 s, both waiting. web-5 (reclaimed earlier, its
    // replacement web-6 started at once at 20 s) stops at 140 s: web-7 starts then, web-1's
    // (the older notice). web-1 stops at 160 s: web-8 starts, web-2's. web-9 at 170 s is a
    // scale out's (no task stopped then): no one's. web-2 stops at 200 s: nothing waits.
    const tasks = [
      task('web-1', 'FARGATE_SPOT', 0, 160),
      task('web-2', 'FARGATE_SPOT', 0, 200),
      task('web-5', 'FARGATE_SPOT', 0, 140),
      task('web-6', 'FARGATE_SPOT', 20),
      task('web-7', 'FARGATE_SPOT', 140),
      task('web-8', 'FARGATE', 160),
      task('web-9', 'FARGATE_SPOT', 170),
    ];
    expect(
      lines(
        [
          { timeS: 20, subject: 'web-5', message: notice('web-5', 'the service starts a replacement') },
          { timeS: 100, subject: 'web-1', message: notice('web-1', wait) },
          { timeS: 120, subject: 'web-2', message: notice('web-2', wait) },
        ],
        tasks,
      ),
    ).toEqual([
      `web-5: ${notice('web-5', 'the service starts a replacement')}: web-6 on FARGATE_SPOT`,
      `web-1: ${notice('web-1', wait)}: web-7 on FARGATE_SPOT`,
      `web-2: ${notice('web-2', wait)}: web-8 on FARGATE`,
    ]);
    // web-2's own task stops first (130 s): the task started then is web-2's, and the one
    // at web-1's stop (150 s) web-1's; each replacement by its own task's stop
    const own = [task('web-1', 'FARGATE_SPOT', 0, 150), task('web-2', 'FARGATE_SPOT', 0, 130), task('web-7', 'FARGATE', 130), task('web-8', 'FARGATE_SPOT', 150)];
    expect(
      lines(
        [
          { timeS: 100, subject: 'web-1', message: notice('web-1', wait) },
          { timeS: 120, subject: 'web-2', message: notice('web-2', wait) },
        ],
        own,
      ),
    ).toEqual([`web-1: ${notice('web-1', wait)}: web-8 on FARGATE_SPOT`, `web-2: ${notice('web-2', wait)}: web-7 on FARGATE`]);
    // none started by its own task's stop (130 s; the quota held it back): web-4, started at
    // web-3's stop at 135 s, is not web-1's, and its line names nothing
    const lone = [task('web-1', 'FARGATE_SPOT', 0, 130), task('web-3', 'FARGATE_SPOT', 0, 135), task('web-4', 'FARGATE_SPOT', 135)];
    expect(lines([{ timeS: 100, subject: 'web-1', message: notice('web-1', wait) }], lone)).toEqual([
      `web-1: ${notice('web-1', wait)}`,
    ]);
  });

  it('several tasks created then: their provider when they share one, else nothing more', () => {
    const now = 'the service starts a replacement';
    const events = [
      { timeS: 50, subject: 'web-1', message: notice('web-1', now) },
      { timeS: 50, subject: 'web-2', message: notice('web-2', now) },
    ];
    const one = [task('web-1', 'FARGATE_SPOT', 0, 52), task('web-2', 'FARGATE_SPOT', 0, 52), task('web-3', 'FARGATE_SPOT', 50), task('web-4', 'FARGATE_SPOT', 50)];
    expect(lines(events, one)).toEqual([`web-1: ${notice('web-1', now)}: on FARGATE_SPOT`, `web-2: ${notice('web-2', now)}: on FARGATE_SPOT`]);
    const mixed = [...one.slice(0, 3), task('web-4', 'FARGATE', 50)];
    expect(lines(events, mixed)).toEqual([`web-1: ${notice('web-1', now)}`, `web-2: ${notice('web-2', now)}`]);
  });

  it('none created then (held back), or a notice with no replacement: nothing more', () => {
    const now = 'the service starts a replacement';
    expect(lines([{ timeS: 50, subject: 'web-1', message: notice('web-1', now) }], [task('web-1', 'FARGATE_SPOT', 0, 52), task('web-3', 'FARGATE_SPOT', 51)])).toEqual([
      `web-1: ${notice('web-1', now)}`,
    ]);
    const none = 'no replacement (it was already leaving the service)';
    expect(lines([{ timeS: 50, subject: 'web-1', message: notice('web-1', none) }], [task('web-1', 'FARGATE_SPOT', 0, 52), task('web-3', 'FARGATE_SPOT', 50)])).toEqual([
      `web-1: ${notice('web-1', none)}`,
    ]);
  });
});

describe('clusterLines: a marked task healthy again', () => {
  const marked = 'web-2 is still unhealthy in (target-group web) when the health check grace period ends, 120 s after RUNNING (2 of the 5 consecutive passing checks it needs); the service marks it unhealthy and replaces it';
  const again = 'web-2 is healthy again in (target-group web) after 5 consecutive passing checks, 240 s after RUNNING; it takes traffic, and counts toward the desired count again';
  const task = { taskId: 'web-2', service: 'web' } as any;
  const told = (type: string) =>
    sortLines(
      clusterLines(
        [
          { timeS: 160, type: 'task-unhealthy', subject: 'web-2', message: marked },
          { timeS: 280, type, subject: 'web-2', message: again },
        ],
        new Map([['web-2', task]]),
      ),
    ).map((l) => [l.timeS, l.text]);

  it('a task-healthy row is told on its service\'s line after the marking, as the marking is', () => {
    expect(told('task-healthy')).toEqual([
      [160, `web: ${marked}`],
      [280, `web: ${again}`],
    ]);
  });

  it('a results folder from before task-healthy (the row typed task-unhealthy) is told the same', () => {
    expect(told('task-unhealthy')).toEqual(told('task-healthy'));
  });
});

describe('clusterLines: the target group failing open', () => {
  it('is told after the health change and the stop of its instant that caused it, as in events.csv', () => {
    // the load balancer decides at the end of the instant: web-1 turning unhealthy at 40 s
    // makes the group fail open; web-1 killed at 80 s (STOPPED at once) ends it
    const unhealthy = '(service web) (task web-1) is unhealthy in (target-group web) due to (reason Health checks failed): 2 consecutive checks failed';
    const open = '(target-group web) has no healthy target: the load balancer fails open and routes requests to its 1 unhealthy target';
    const oom = 'web-1 used 520 MiB (mean over the metric period), above the task\'s hard memory limit 512 MiB';
    const closed = '(target-group web) has no unhealthy target registered any more: the load balancer stops failing open';
    const events: EventRow[] = [
      { timeS: 40, type: 'task-unhealthy', subject: 'web-1', message: unhealthy },
      { timeS: 40, type: 'target-group-fail-open', subject: 'web', message: open },
      { timeS: 80, type: 'task-out-of-memory', subject: 'web-1', message: oom },
      { timeS: 80, type: 'task-stopped', subject: 'web-1', message: 'web-1 STOPPED (out-of-memory)' },
      { timeS: 80, type: 'target-group-fail-open', subject: 'web', message: closed },
    ];
    const task = { taskId: 'web-1', service: 'web' } as any;
    const lines = sortLines(clusterLines(events, new Map([['web-1', task]])));
    expect(lines.map((l) => [l.timeS, l.text])).toEqual([
      [40, `web: ${unhealthy}`],
      [40, `web: ${open}`],
      [80, `web: ${oom}`],
      [80, 'web: 1 task STOPPED (out-of-memory: web-1)'],
      [80, `web: ${closed}`],
    ]);
  });
});

describe('clusterLines: a task killed out of memory', () => {
  it('is told on its service\'s line among the stopped tasks, the message naming the task', () => {
    const message = "web-2 used 520 MiB (mean over the metric period), above the task's hard memory limit 512 MiB: OutOfMemoryError: Container killed due to memory usage; the service starts a replacement";
    const task = { taskId: 'web-2', service: 'web' } as any;
    const lines = clusterLines([{ timeS: 360, type: 'task-out-of-memory', subject: 'web-2', message }], new Map([['web-2', task]]));
    expect(lines).toEqual([expect.objectContaining({ timeS: 360, service: 'web', provider: null, order: LINE_ORDER.stopped, text: `web: ${message}` })]);
  });
});

describe('scalingLines: a target tracking alarm in ALARM with no scaling activity says why', () => {
  const low15 = (v: string) => Array.from({ length: 15 }, () => v).join(' ');
  const api = (policies: string[]): ServiceInfo => ({
    name: 'api',
    minCapacity: 1,
    maxCapacity: 20,
    workloadType: 'http',
    newTarget: null,
    policies: policies.map((name) => ({
      name,
      policyType: 'TargetTrackingScaling',
      metricName: name === 'cpu' ? 'CPUUtilization' : 'RequestCountPerTarget',
      targetValue: name === 'cpu' ? 60 : 6000,
      disableScaleIn: false,
      scaleOutCooldownS: 300,
      scaleInCooldownS: 300,
    })),
  });
  const rows = (desiredCount: number) => [0, 900].map((t) => ({ ...row(t), service: 'api', desiredCount, runningCount: desiredCount, minCapacity: 1, maxCapacity: 20 }));
  const lineAt = (events: EventRow[], svc: ServiceInfo, desired: number, t: number) =>
    scalingLines(events, { services: new Map([['api', svc]]), series: new Map([['api', rows(desired)]]) }).find((l) => l.timeS === t)!.text;
  const cpuLow = (t: number, v: string): EventRow => ({
    timeS: t,
    type: 'alarm-state',
    subject: 'api',
    message: `TargetTracking-api-cpu-AlarmLow INSUFFICIENT_DATA -> ALARM: 15 datapoints < 54: ${low15(v)}`,
  });

  it('one policy, 3 tasks at 50 % CPU, target 60: ceil(3 x 50/60) = ceil(2.5) = 3, so no scale in (no cooldown, no other policy)', () => {
    const text = lineAt([cpuLow(960, '50.0')], api(['cpu']), 3, 960);
    expect(text).toMatch(/; no scale in: ceil\(3 x 50\.0\/60\) = 3, not below desired 3$/);
  });

  it('two policies, ceil(10 x 30/60) = 5 < 10, the other policy\'s AlarmLow never reported: it is INSUFFICIENT_DATA and blocks the scale in', () => {
    const text = lineAt([cpuLow(960, '30.0')], api(['cpu', 'req']), 10, 960);
    expect(text).toMatch(/; no scale in: target tracking policy req's AlarmLow is INSUFFICIENT_DATA, and target tracking scales in only when every policy is ready to$/);
  });

  it('two policies, the other policy\'s AlarmLow last went ALARM -> OK: it is OK and blocks the scale in', () => {
    const reqOk: EventRow = { timeS: 600, type: 'alarm-state', subject: 'api', message: `TargetTracking-api-req-AlarmLow ALARM -> OK: 1 of 15 datapoints not < 5400: ${low15('6000.0')}` };
    const text = lineAt([reqOk, cpuLow(960, '30.0')], api(['cpu', 'req']), 10, 960);
    expect(text).toMatch(/req's AlarmLow is OK,/);
  });

  it('a scale in 2 min before, within the 300 s scale-in cooldown: the cooldown, not the other policy', () => {
    const scaleIn: EventRow = { timeS: 840, type: 'scaling-activity', subject: 'api', message: 'desired count 12 -> 10: target tracking cpu: 15 datapoints < 54: 30.0; ceil(12 x 30.0/60) = 6; minCapacity 10' };
    const text = lineAt([scaleIn, cpuLow(960, '30.0')], api(['cpu']), 10, 960);
    expect(text).toMatch(/; no scale in: scale-in cooldown \(300 s\), 2 min after the scale in 12 -> 10$/);
  });

  it('a scale in 6 min before is past the 300 s cooldown; a scale out after a scale in ends its cooldown', () => {
    const scaleIn: EventRow = { timeS: 600, type: 'scaling-activity', subject: 'api', message: 'desired count 12 -> 10: target tracking cpu: 15 datapoints < 54: 30.0; ceil(12 x 30.0/60) = 6' };
    expect(lineAt([scaleIn, cpuLow(960, '30.0')], api(['cpu', 'req']), 10, 960)).toMatch(/req's AlarmLow is INSUFFICIENT_DATA/);
    const recent: EventRow = { timeS: 840, type: 'scaling-activity', subject: 'api', message: 'desired count 12 -> 9: target tracking cpu: 15 datapoints < 54: 30.0; ceil(12 x 30.0/60) = 6' };
    const out: EventRow = { timeS: 900, type: 'scaling-activity', subject: 'api', message: 'desired count 9 -> 10: target tracking req: 3 datapoints > 6000: 6700.0; ceil(9 x 6700.0/6000) = 11' };
    expect(lineAt([recent, out, cpuLow(960, '30.0')], api(['cpu', 'req']), 10, 960)).toMatch(/req's AlarmLow is INSUFFICIENT_DATA/);
  });

  it('a scheduled action\'s scale in 2 min before starts no policy cooldown (docs/notes/scaling.md)', () => {
    const scheduled: EventRow = { timeS: 840, type: 'scaling-activity', subject: 'api', message: 'desired count 12 -> 10: scheduled action x: maxCapacity 10' };
    expect(lineAt([scheduled, cpuLow(960, '30.0')], api(['cpu', 'req']), 10, 960)).toMatch(/req's AlarmLow is INSUFFICIENT_DATA/);
  });
});

describe('scalingLines: a target tracking AlarmHigh in ALARM with no scaling activity', () => {
  it('2 min after a scale out 3 -> 6, within the 300 s scale-out cooldown, says the cooldown', () => {
    const svc: ServiceInfo = { ...web, name: 'web', minCapacity: 1, maxCapacity: 20 };
    const series = [0, 900].map((t) => row(t, { desiredCount: 6, minCapacity: 1, maxCapacity: 20 }));
    const events: EventRow[] = [
      { timeS: 840, type: 'scaling-activity', subject: 'web', message: 'desired count 3 -> 6: target tracking cpu: 3 datapoints > 60: 120.0 120.0 120.0; ceil(3 x 120.0/60) = 6' },
      { timeS: 960, type: 'alarm-state', subject: 'web', message: 'TargetTracking-web-cpu-AlarmHigh OK -> ALARM: 3 datapoints > 60: 70.0 70.0 70.0' },
    ];
    const text = scalingLines(events, { services: new Map([['web', svc]]), series: new Map([['web', series]]) }).find((l) => l.timeS === 960)!.text;
    expect(text).toMatch(/; no scale out: scale-out cooldown \(300 s\), 2 min after the scale out 3 -> 6, and no more capacity asked for than that set$/);
  });
});

describe('scalingLines: a scheduled action at the alarm\'s own instant counts', () => {
  // 09:10: uncap maxCapacity 2 -> 10 runs at the instant the AlarmHigh goes to ALARM; the
  // row before (09:09) still shows maxCapacity 2, so "already at maxCapacity 2" was said
  const svc: ServiceInfo = { ...web, minCapacity: 1, maxCapacity: 10 };
  const series = [480, 540].map((t) => row(t, { desiredCount: 2, minCapacity: 1, maxCapacity: 2 }));
  const alarm: EventRow = { timeS: 600, type: 'alarm-state', subject: 'web', message: 'TargetTracking-web-cpu-AlarmHigh OK -> ALARM: 3 datapoints > 60: 70.0 70.0 70.0' };
  const line = (events: EventRow[]) => scalingLines(events, { services: new Map([['web', svc]]), series: new Map([['web', series]]) }).find((l) => l.timeS === 600 && l.text.includes('AlarmHigh in ALARM'))!.text;
  it('an uncap to 10 at 09:10 means the scale out was not blocked by maxCapacity 2', () => {
    const uncap: EventRow = { timeS: 600, type: 'scheduled-action', subject: 'web', message: 'scheduled action uncap (at(2026-03-02T09:10:00)): maxCapacity 2 -> 10' };
    expect(line([uncap, alarm])).not.toMatch(/maxCapacity/);
  });
  it('without it, or with a failed one, the row\'s maxCapacity 2 blocks', () => {
    expect(line([alarm])).toMatch(/; scale out blocked: already at maxCapacity 2$/);
    const failed: EventRow = { timeS: 600, type: 'scheduled-action', subject: 'web', message: 'scheduled action uncap (at(2026-03-02T09:10:00)) failed: minCapacity 12 would exceed maxCapacity 10; nothing changed' };
    expect(line([failed, alarm])).toMatch(/; scale out blocked: already at maxCapacity 2$/);
  });
  it('a cap to 2 from 10 at the same instant blocks (cron text with parentheses)', () => {
    const rows10 = [480, 540].map((t) => row(t, { desiredCount: 2, minCapacity: 1, maxCapacity: 10 }));
    const cap: EventRow = { timeS: 600, type: 'scheduled-action', subject: 'web', message: 'scheduled action cap (cron(10 9 ? * MON-FRI *)): minCapacity 1 -> 1, maxCapacity 10 -> 2' };
    const text = scalingLines([cap, alarm], { services: new Map([['web', svc]]), series: new Map([['web', rows10]]) }).find((l) => l.timeS === 600 && l.text.includes('AlarmHigh in ALARM'))!.text;
    expect(text).toMatch(/; scale out blocked: already at maxCapacity 2$/);
  });
});

describe('warm start (warmStart: true): one line, not a cold launch', () => {
  const e = (type: string, subject: string, message: string): EventRow => ({ timeS: 0, type, subject, message });
  const events: EventRow[] = [
    e('instance-launched', 'i-1', 'asg-m5 launched m5.large in us-east-1a (desired 2; warmStart: registered at once)'),
    e('instance-registered', 'i-1', 'm5.large in us-east-1a registered with 2048 CPU units, 7700 MiB'),
    e('instance-launched', 'i-2', 'asg-m5 launched m5.large in us-east-1b (desired 2; warmStart: registered at once)'),
    e('instance-registered', 'i-2', 'm5.large in us-east-1b registered with 2048 CPU units, 7700 MiB'),
    e('task-running', 'web-1', 'web-1 RUNNING at time 0 (warmStart), healthy and in rotation'),
    e('task-running', 'web-2', 'web-2 RUNNING at time 0 (warmStart), healthy and in rotation'),
    e('task-running', 'worker-1', 'worker-1 RUNNING at time 0 (warmStart), healthy'),
  ];
  const task = (taskId: string, service: string): TaskRow => ({ taskId, service, capacityProvider: 'asg-m5', instanceId: 'i-1', createdS: 0, runningS: 0, stoppedS: null, stopReason: '' });
  const byId = new Map([['web-1', task('web-1', 'web')], ['web-2', task('web-2', 'web')], ['worker-1', task('worker-1', 'worker')]]);

  it('the instances per provider and the tasks per service, in rotation only behind a load balancer', () => {
    expect(warmStartLine(events, byId).map((l) => l.text)).toEqual(['warm start: 2 instances running (asg-m5), web: 2 tasks RUNNING and in rotation, worker: 1 task RUNNING']);
    expect(warmStartLine(events, byId, 'worker', new Set(['asg-m5']))).toEqual([
      { timeS: 0, service: 'worker', provider: null, order: LINE_ORDER.instance, text: 'warm start: 2 instances running (asg-m5), worker: 1 task RUNNING' },
    ]);
  });

  it('the warm instances are not told as launched or registered; a later launch is', () => {
    const later: EventRow = { timeS: 60, type: 'instance-launched', subject: 'i-3', message: 'asg-m5 launched m5.large in us-east-1c (desired 3)' };
    expect(clusterLines([...events, later], byId).map((l) => l.text)).toEqual(['asg-m5: instance launched (m5.large i-3 in us-east-1c)']);
  });

  it('no warmStart, no line', () => {
    expect(warmStartLine([e('instance-launched', 'i-1', 'asg-m5 launched m5.large in us-east-1a (desired 1)')], byId)).toEqual([]);
  });
});

describe('clusterLines: which instance, and AZ rebalancing said as such', () => {
  const e = (timeS: number, type: string, subject: string, message: string): EventRow => ({ timeS, type, subject, message });
  it('two launches in one AZ at one instant and a termination are told apart by instance id', () => {
    const events = [
      e(1140, 'instance-launched', 'i-7', 'asg-m5 launched m5.large in us-east-1a (desired 7)'),
      e(1140, 'instance-terminated', 'i-4', 'm5.large in us-east-1a terminated: EC2 Spot interruption (ran 0.17 h, registered 76 s after launch)'),
      e(1140, 'instance-launched', 'i-8', 'asg-m5 launched m5.large in us-east-1a (desired 7)'),
    ];
    const byProvider = [e(0, 'instance-launched', 'i-4', 'asg-m5 launched m5.large in us-east-1a (desired 6)'), ...events];
    expect(clusterLines(byProvider, new Map()).map((l) => l.text)).toEqual([
      'asg-m5: m5.large i-4 in us-east-1a terminated: EC2 Spot interruption (ran 0.17 h, registered 76 s after launch)',
      'asg-m5: instance launched (m5.large i-4 in us-east-1a)',
      'asg-m5: 2 instances launched (m5.large i-7 in us-east-1a, m5.large i-8 in us-east-1a)',
    ]);
  });
  it('an az-rebalancing event (ECS\'s own message) is prefixed "AZ rebalancing:"', () => {
    const msg = 'service web is unable to place a task in us-east-1b because no container instance met all of its requirements.';
    expect(clusterLines([e(4440, 'az-rebalancing', 'web', msg)], new Map()).map((l) => l.text)).toEqual([
      `web: AZ rebalancing: ${msg} The failure ends this rebalancing; ECS tries again later but logs the same failure again only after 6 h.`,
    ]);
    const started = 'service web is not AZ balanced with 6 tasks in us-east-1a, 4 in us-east-1b, and 4 in us-east-1c. AZ Rebalancing in progress.';
    expect(clusterLines([e(4440, 'az-rebalancing', 'web', started)], new Map()).map((l) => l.text)).toEqual([`web: AZ rebalancing: ${started}`]);
    const fargate = 'service web is unable to place a task in us-east-1a.';
    expect(clusterLines([e(4440, 'az-rebalancing', 'web', fargate)], new Map()).map((l) => l.text)[0]).toMatch(/us-east-1a\. The failure ends this rebalancing; /);
  });
});

describe('--to: the end line and the notes agree with the activities at toS', () => {
  // quickstart --to 09:26: the 09:26 decision 5 -> 7 is told at 09:26; the end line is the
  // period 09:25-09:26 (desired 5, 5 RUNNING) updated by it: desired 7, 5 RUNNING (its tasks
  // are RUNNING at 09:26:12); at 09:26:30 they are RUNNING: 7.
  const rows = Array.from({ length: 30 }, (_, i) => row(i * 60, { desiredCount: i < 26 ? 5 : 7, runningCount: i < 26 ? 5 : 7, cpuUtilization: 50 }));
  const task = (n: number, createdS: number, runningS: number): TaskRow => ({ taskId: `web-${n}`, service: 'web', capacityProvider: 'FARGATE', instanceId: '', createdS, runningS, stoppedS: null, stopReason: '' });
  const tables: ResultsTables = {
    scenarioName: 'q',
    seed: 1,
    startEpochMs: START,
    durationS: 1800,
    events: [{ timeS: 1560, type: 'scaling-activity', subject: 'web', message: 'desired count 5 -> 7: target tracking cpu: 3 datapoints > 60: 100.0 100.0 74.1; ceil(5 x 74.1/60) = 7' }],
    timeseries: rows,
    tasks: [1, 2, 3, 4, 5].map((n) => task(n, 0, 10)).concat([task(6, 1560, 1572), task(7, 1560, 1572)]),
    services: new Map([['web', { ...web, policies: [] }]]),
  };
  const end = (toS: number) => explainLines(tables, { fromS: 1200, toS }).filter((l) => l.order === LINE_ORDER.end).map((l) => l.text);

  it('an activity at toS is told and the end line reflects it', () => {
    expect(end(1560)).toEqual(['web: desired 7 (minCapacity 3, maxCapacity 12), 5 RUNNING']);
    expect(end(1590)).toEqual(['web: desired 7 (minCapacity 3, maxCapacity 12), 7 RUNNING']);
    expect(end(1500)).toEqual(['web: desired 5 (minCapacity 3, maxCapacity 12), 5 RUNNING']);
  });

  it('notes are judged only on the periods that ended by toS', () => {
    // at maxCapacity 12 above the target 60 from 09:01: the 09:03 period ends at 09:04
    const atMax = [50, 70, 70, 70, 50].map((c, i) => row(i * 60, { desiredCount: 12, runningCount: 12, cpuUtilization: c }));
    const blocked = (toS: number) => scalingNotes(web, atMax, { fromS: 0, toS, activityTimes: [] }, clock).map((n) => n.text).filter((t) => t.includes('blocked'));
    expect(blocked(230)).toEqual([]);
    expect(blocked(240)).toEqual([
      'web: scale out blocked: already at maxCapacity 12 while CPU was above 60 % (09:01-09:04, up to 70 %)',
    ]);
  });

  it('a run at maxCapacity is counted from before --from, and told at --from', () => {
    const atMax = [50, 70, 70, 70, 70, 50].map((c, i) => row(i * 60, { desiredCount: 12, runningCount: 12, cpuUtilization: c }));
    const blocked = (fromS: number, toS: number) => scalingNotes(web, atMax, { fromS, toS, activityTimes: [] }, clock).map((n) => [n.timeS, n.text]).filter((t) => String(t[1]).includes('blocked'));
    // the window 09:03-09:05 holds 2 of the run's 4 periods (09:01-09:05)
    expect(blocked(180, 300)).toEqual([[180, 'web: scale out blocked: already at maxCapacity 12 while CPU was above 60 % (09:01-09:05, up to 70 %)']]);
    // a run that ended by --from is not told
    expect(blocked(300, 360)).toEqual([]);
  });

  it('a step policy\'s scale-out alarm in ALARM since before --from at maxCapacity through the window', () => {
    const step: ServiceInfo = { ...web, policies: [{ name: 'out', policyType: 'StepScaling', metricName: 'CPUUtilization', targetValue: null, disableScaleIn: false, scaleOutCooldownS: 300, scaleInCooldownS: 300 }] };
    const rows = Array.from({ length: 10 }, (_, i) => row(i * 60, { desiredCount: 12, runningCount: 12, cpuUtilization: 13 }));
    const entry: EventRow = { timeS: 180, type: 'alarm-state', subject: 'web', message: 'StepScaling-web-out OK -> ALARM: 1 datapoint > 10: 13.2' };
    const notes = (events: EventRow[], fromS = 240, toS = 600, r = rows) =>
      scalingNotes(step, r, { fromS, toS, activityTimes: [], events }, clock).map((n) => [n.timeS, n.text]).filter((t) => String(t[1]).includes('blocked'));
    expect(notes([entry])).toEqual([[240, "web: scale out blocked: already at maxCapacity 12 while step scaling out's alarm StepScaling-web-out was in ALARM (since 09:03)"]]);
    // an entry inside the window is told by the alarm's own line
    expect(notes([entry], 120)).toEqual([]);
    // back to OK by --to
    expect(notes([entry, { timeS: 420, type: 'alarm-state', subject: 'web', message: 'StepScaling-web-out ALARM -> OK: 1 datapoint > 10: 8.0' }])).toEqual([]);
    // below maxCapacity in the window
    expect(notes([entry], 240, 600, rows.map((x, i) => (i === 6 ? { ...x, desiredCount: 11 } : x)))).toEqual([]);
    // no step for the breach: it asked for nothing
    expect(notes([entry, { timeS: 180, type: 'no-step-adjustment', subject: 'web', message: 'step scaling out: 1 datapoint > 10: 13.2; Average 13.2 is 3.2 above 10: no step adjustment covers it, nothing scaled; steps [5, +inf) +1' }])).toEqual([]);
  });
});

describe('clusterLines: a scale in stops tasks unhealthy in the grace period first', () => {
  // default checks (30 s, 5 passes to turn healthy again), a 600 s grace period. web-3 runs
  // at 50 s, its application at 464.6 s after: the first passing check is the 16th (480 s),
  // healthy again at the 20th (600 s after RUNNING, 650 s): still unhealthy at the scale in
  // of 360 s. web-1 runs at 44.5 s, its application at 139.2 s: passes from the 5th check,
  // healthy again at the 9th (270 s after RUNNING, 314.5 s): recovered by 360 s.
  const hc = { intervalMs: 30_000, healthyThreshold: 5, unhealthyThreshold: 2, gracePeriodMs: 600_000 };
  const services = new Map([['web', { ...web, healthCheck: hc }]]);
  const task = (taskId: string, runningS: number): TaskRow => ({ taskId, service: 'web', capacityProvider: 'FARGATE', instanceId: '', createdS: 0, runningS, stoppedS: 360, stopReason: 'scale-in' });
  const byId = new Map([['web-1', task('web-1', 44.5)], ['web-3', task('web-3', 50)], ['web-4', task('web-4', 92)]]);
  const e = (timeS: number, type: string, subject: string, message: string): EventRow => ({ timeS, type, subject, message });
  const ignored = (id: string, at: number, app: number) =>
    e(at, 'task-unhealthy', id, `(service web) (task ${id}) is unhealthy in (target-group web) due to (reason Health checks failed): 2 consecutive checks failed, the last 60 s after RUNNING (its application starts ${app} s after RUNNING); ignored during the health check grace period (600 s after RUNNING)`);
  const base = [ignored('web-1', 104.5, 139.2), ignored('web-3', 110, 464.6), ignored('web-4', 152, 321.8), e(360, 'scaling-activity', 'web', 'desired count 4 -> 2: scheduled action cut')];
  const stopped = (...ids: string[]) => ids.map((id) => e(360, 'task-stopped', id, `${id} STOPPED (scale-in)`));

  it('all of them: the suffix; some: the ones named; a recovered one is not', () => {
    expect(clusterLines([...base, ...stopped('web-4', 'web-3')], byId, services).map((l) => l.text).filter((x) => x.includes('STOPPED'))).toEqual(['web: 2 tasks STOPPED (scale-in: web-4, web-3) (unhealthy in the grace period first)']);
    expect(clusterLines([...base, ...stopped('web-1', 'web-3')], byId, services).map((l) => l.text).filter((x) => x.includes('STOPPED'))).toEqual(['web: 2 tasks STOPPED (scale-in: web-1, web-3) (web-3 unhealthy in the grace period first)']);
    expect(clusterLines([...base, ...stopped('web-1')], byId, services).map((l) => l.text).filter((x) => x.includes('STOPPED'))).toEqual(['web: 1 task STOPPED (scale-in: web-1)']);
  });

  it('a task marked when its grace period ended is no longer in it', () => {
    const marked = e(300, 'task-unhealthy', 'web-3', 'web-3 is still unhealthy in (target-group web) when the health check grace period ends, 600 s after RUNNING (0 of the 5 consecutive passing checks it needs); the service marks it unhealthy and replaces it');
    expect(clusterLines([...base.slice(0, 3), marked, base[3], ...stopped('web-3')], byId, services).map((l) => l.text).filter((x) => x.includes('STOPPED'))).toEqual(['web: 1 task STOPPED (scale-in: web-3)']);
  });
});

describe('evaluationLagOf: a period\'s datapoint is first evaluated metrics.period + metrics.publishDelay after its start', () => {
  it('30 s + 0 s from scenario.json (ms); 60 s + 60 s when absent', () => {
    expect(evaluationLagOf({ metrics: { period: 30_000, publishDelay: 0 } })).toBe(30);
    expect(evaluationLagOf({ metrics: { period: 300_000 } })).toBe(360);
    expect(evaluationLagOf({})).toBe(120);
  });
});
