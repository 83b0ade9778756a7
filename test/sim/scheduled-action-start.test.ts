// Scheduled actions at the start of a run: the bounds in force then (the actions' firings
// before the start, replayed at time 0: docs/notes/scaling.md), firings at time 0, both before the first placement;
// and a firing at the same instant as the policies' evaluation runs before it, whatever the
// order the two events were scheduled in (docs/assumptions.md, clock and order).
import { describe, it, expect } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord } from '../../src/sim/index.js';

const td = (ports = false) => ({
  td: {
    cpu: 512,
    memory: 1024,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    containerDefinitions: { app: { cpu: 512, memory: 1024, ...(ports ? { portMappings: [{ containerPort: 8080 }] } : {}) } },
  },
});

function scenario(start: string, duration: string, autoScaling: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    name: 'start',
    seed: 1,
    start,
    duration,
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'], capacityProviders: { FARGATE: {} } },
    taskDefinitions: td('loadBalancer' in extra),
    services: { svc: { taskDefinition: 'td', desiredCount: 2, launchType: 'FARGATE', ...extra, autoScaling } },
  };
}

const load = (raw: any) => loadScenarioObject(raw.name, raw, { baseDir: '.' });
function run(raw: any) {
  const events: EventRecord[] = [];
  const r = runSimulation(load(raw), { event: (e) => events.push(e), timeseries: () => {}, capacity: () => {}, task: () => {} }, { seed: 1 });
  return { events, summary: r.summary as any };
}

describe('the bounds in force at the start (reviewer t7)', () => {
  const officeHours = {
    minCapacity: 2,
    maxCapacity: 10,
    scheduledActions: {
      open: { schedule: 'cron(0 8 ? * MON-FRI *)', scalableTargetAction: { minCapacity: 8 } },
      close: { schedule: 'cron(0 18 ? * MON-FRI *)', scalableTargetAction: { minCapacity: 2 } },
    },
  };
  it('a run from Monday 12:00Z places 8 tasks at time 0 (min 8 since 08:00), after the replayed firings', () => {
    const { events } = run(scenario('2026-03-02T12:00:00Z', '2h', officeHours));
    const atZero = events.filter((e) => e.time === 0 && e.type !== 'task-running');
    const placed = atZero.filter((e) => e.type === 'task-placed');
    expect(placed).toHaveLength(8);
    const firstPlaced = atZero.indexOf(placed[0]);
    // close Wed 18:00, open Thu 08:00 (seeds), close Thu 18:00, open Fri 08:00, close Fri 18:00,
    // open Mon 08:00 replayed; each action's last one logged: close Fri 18:00, open Mon 08:00
    expect(atZero.slice(0, firstPlaced).map((e) => e.type)).toEqual(['scheduled-action', 'scheduled-action', 'scaling-activity']);
    expect(atZero[1].message).toBe('scheduled action open (cron(0 8 ? * MON-FRI *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 8; in force at the start (after 5 earlier firings of this service\'s scheduled actions replayed since 2026-02-25T18:00:00Z)');
    expect(atZero[2].message).toMatch(/^desired count 2 -> 8: /);
  });
  it('a run from Monday 20:00Z (after the close) keeps the scenario desired count: 2 tasks placed, no scaling activity', () => {
    const { events, summary } = run(scenario('2026-03-02T20:00:00Z', '2h', officeHours));
    expect(events.filter((e) => e.time === 0 && e.type === 'task-placed')).toHaveLength(2);
    expect(summary.services.svc.scalingActivities).toMatchObject({ out: 0, in: 0 });
  });
});

describe('a firing at time 0 applies before the first placement (reviewer t10)', () => {
  it('min 0 / max 0 at 02:00 daily, run from 02:00Z: no task ever started, one scale in (2 -> 0)', () => {
    const { events, summary } = run(scenario('2026-03-02T02:00:00Z', '1h', {
      minCapacity: 0,
      maxCapacity: 10,
      scheduledActions: { stop: { schedule: 'cron(0 2 * * ? *)', scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } } },
    }));
    expect(events.filter((e) => e.type === 'task-placed')).toEqual([]);
    expect(summary.services.svc.tasksStarted).toBe(0);
    expect(summary.services.svc.scalingActivities).toMatchObject({ out: 0, in: 1 });
  });
  it('an at() at the start itself (no firing before it), raising min to 5: 5 tasks placed at time 0', () => {
    const { events } = run(scenario('2026-03-02T02:00:00Z', '1h', {
      minCapacity: 1,
      maxCapacity: 10,
      scheduledActions: { now: { schedule: 'at(2026-03-02T02:00:00)', scalableTargetAction: { minCapacity: 5 } } },
    }));
    expect(events.filter((e) => e.time === 0 && e.type === 'task-placed')).toHaveLength(5);
    expect(events.find((e) => e.type === 'scheduled-action')!.message).toBe('scheduled action now (at(2026-03-02T02:00:00)): minCapacity 1 -> 5');
  });
});

// Reviewer t5 / t9: 600 rps on tasks of 100 rps capacity keeps CPU at 100 % > target 60, so
// target tracking's AlarmHigh stays in ALARM; `cap` holds the service at 4 from 00:30. When
// `uncap` lifts maxCapacity at 01:00, the policy evaluation of that instant (every 60 s) scales
// out to ceil(4 x 100/60) = 7, at 60 min, whether or not another action fired in between.
describe('a scheduled action runs before the policies of its instant', () => {
  const http = {
    loadBalancer: { routing: 'round-robin' },
    workload: {
      type: 'http',
      requestRate: { constant: 600 },
      perTask: { capacityRps: 100, cpuBaseline: 5, memoryMiB: { base: 300, perRps: 1 }, concurrency: 4, serviceTime: { distribution: 'exponential', mean: '40ms' } },
    },
  };
  const withActions = (actions: Record<string, unknown>) => scenario('2026-03-02T00:00:00Z', '65m', {
    minCapacity: 1,
    maxCapacity: 20,
    policies: { cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60 } },
    scheduledActions: actions,
  }, http);
  const cap = { schedule: 'at(2026-03-02T00:30:00)', scalableTargetAction: { maxCapacity: 4 } };
  const uncap = { schedule: 'at(2026-03-02T01:00:00)', scalableTargetAction: { maxCapacity: 20 } };
  const noop = { schedule: 'at(2026-03-02T00:59:00)', scalableTargetAction: { maxCapacity: 4 } };
  const firstOutAfterUncap = (events: EventRecord[]) => events.find((e) => e.type === 'scaling-activity' && e.time >= 60 * 60_000 && /^desired count 4 -> /.test(e.message));
  for (const [name, actions] of [['t5: cap, uncap', { cap, uncap }], ['t9: cap, a no-op at 00:59, uncap', { cap, noop, uncap }]] as const) {
    it(`${name}: scale out 4 -> 7 at 60 min, after the uncap of that instant`, () => {
      const { events } = run(withActions(actions));
      const out = firstOutAfterUncap(events)!;
      expect(out.time).toBe(60 * 60_000);
      expect(out.message).toMatch(/^desired count 4 -> 7: target tracking cpu: .*ceil\(4 x 100\.0\/60\) = 7$/);
      const uncapped = events.findIndex((e) => e.type === 'scheduled-action' && e.message.startsWith('scheduled action uncap'));
      expect(uncapped).toBeGreaterThanOrEqual(0);
      expect(events[uncapped].time).toBe(60 * 60_000);
      expect(uncapped).toBeLessThan(events.indexOf(out));
    });
  }
});

// (desiredCount 2 below a replayed minCapacity: the service starts at that minimum, and the
// desiredCount warning says so too, naming the firing that set it)
describe('warnings of an action that does not fire within the run (reviewer w3)', () => {
  const warned = (actions: Record<string, unknown>) =>
    scenarioWarnings(load(scenario('2026-03-02T00:00:00Z', '1d', { minCapacity: 1, maxCapacity: 10, scheduledActions: actions }))).map((w) => `${w.at.join('.')}: ${w.message}`);
  it('an endTime before the start: at endTime, the window ended before the run; its last firing (28 Feb 08:00Z) is in force', () => {
    expect(warned({ a: { schedule: 'cron(0 8 * * ? *)', endTime: '2026-03-01T00:00:00Z', scalableTargetAction: { minCapacity: 3 } } })).toEqual([
      'services.svc.desiredCount: desiredCount 2 is below minCapacity 3 set by scheduled action a (fired 2026-02-28T08:00:00Z, before the run; replayed at time 0): the service starts with 3',
      "services.svc.autoScaling.scheduledActions.a.endTime: 2026-03-01T00:00:00Z is at or before the start of the run (1d from 2026-03-02T00:00:00Z): the action's window ended before the run, so it does not fire within it; it last fired before the run, at 2026-02-28T08:00:00Z: the bounds it set are in force from the start (replayed at time 0)",
    ]);
  });
  it('a window that ended before the run with no firing in it says so', () => {
    expect(warned({ a: { schedule: 'cron(0 8 * * ? *)', startTime: '2026-02-28T09:00:00Z', endTime: '2026-02-28T10:00:00Z', scalableTargetAction: { minCapacity: 3 } } })).toEqual([
      'services.svc.desiredCount: desiredCount 2 is below minCapacity 3 set by scheduled action a (fired 2026-02-28T09:00:00Z, before the run; replayed at time 0): the service starts with 3',
      "services.svc.autoScaling.scheduledActions.a.endTime: 2026-02-28T10:00:00Z is at or before the start of the run (1d from 2026-03-02T00:00:00Z): the action's window ended before the run, so it does not fire within it; it last fired before the run, at 2026-02-28T09:00:00Z: the bounds it set are in force from the start (replayed at time 0)",
    ]);
  });
  it('a past at(): before the start, fired before the run, in force from the start', () => {
    expect(warned({ b: { schedule: 'at(2026-03-01T08:00:00)', scalableTargetAction: { minCapacity: 3 } } })).toEqual([
      'services.svc.desiredCount: desiredCount 2 is below minCapacity 3 set by scheduled action b (fired 2026-03-01T08:00:00Z, before the run; replayed at time 0): the service starts with 3',
      'services.svc.autoScaling.scheduledActions.b.schedule: "at(2026-03-01T08:00:00)" is before the start of the run (1d from 2026-03-02T00:00:00Z), so it does not fire within it; it fired before the run, at 2026-03-01T08:00:00Z: the bounds it set are in force from the start (replayed at time 0)',
    ]);
  });
  it('a past at() in a zone names it; 08:00 Berlin (CET, UTC+1) fired at 07:00Z', () => {
    expect(warned({ b: { schedule: 'at(2026-03-01T08:00:00)', timezone: 'Europe/Berlin', scalableTargetAction: { minCapacity: 3 } } })).toEqual([
      'services.svc.desiredCount: desiredCount 2 is below minCapacity 3 set by scheduled action b (fired 2026-03-01T07:00:00Z, before the run; replayed at time 0): the service starts with 3',
      'services.svc.autoScaling.scheduledActions.b.schedule: "at(2026-03-01T08:00:00)" (Europe/Berlin) is before the start of the run (1d from 2026-03-02T00:00:00Z), so it does not fire within it; it fired before the run, at 2026-03-01T07:00:00Z: the bounds it set are in force from the start (replayed at time 0)',
    ]);
  });
  // the reviewer's warn2: an at() within or after the run that its window excludes is not
  // "before the start"; the bound that excludes it is named
  it('an at() within the run after its endTime: outside the window, never fires (not "before the start")', () => {
    expect(warned({ e: { schedule: 'at(2026-03-02T12:00:00)', endTime: '2026-03-02T06:00:00Z', scalableTargetAction: { minCapacity: 3 } } })).toEqual([
      `services.svc.autoScaling.scheduledActions.e.schedule: "at(2026-03-02T12:00:00)" is after its endTime (2026-03-02T06:00:00Z), outside the action's startTime / endTime window, so it never fires`,
    ]);
  });
  it('an at() within the run before its startTime, in a zone: 12:00 Berlin (CET) is 11:00Z, before startTime 11:30Z', () => {
    expect(warned({ s: { schedule: 'at(2026-03-02T12:00:00)', timezone: 'Europe/Berlin', startTime: '2026-03-02T11:30:00Z', scalableTargetAction: { minCapacity: 3 } } })).toEqual([
      `services.svc.autoScaling.scheduledActions.s.schedule: "at(2026-03-02T12:00:00)" (Europe/Berlin: 2026-03-02T11:00:00Z) is before its startTime (2026-03-02T11:30:00Z), outside the action's startTime / endTime window, so it never fires`,
    ]);
  });
  it('an at() before the run and before its startTime: before the start, and the bound is named', () => {
    expect(warned({ b: { schedule: 'at(2026-03-01T12:00:00)', startTime: '2026-03-01T13:00:00Z', scalableTargetAction: { minCapacity: 3 } } })).toEqual([
      'services.svc.autoScaling.scheduledActions.b.schedule: "at(2026-03-01T12:00:00)" is before the start of the run (1d from 2026-03-02T00:00:00Z), so it does not fire within it; nor did it fire before: it is before its startTime (2026-03-01T13:00:00Z)',
    ]);
  });
  it('a weekly action whose next firing is after the run, last fired before it: both said', () => {
    expect(warned({ w: { schedule: 'cron(0 8 ? * SUN *)', scalableTargetAction: { minCapacity: 3 } } })).toEqual([
      'services.svc.desiredCount: desiredCount 2 is below minCapacity 3 set by scheduled action w (fired 2026-03-01T08:00:00Z, before the run; replayed at time 0): the service starts with 3',
      'services.svc.autoScaling.scheduledActions.w.schedule: "cron(0 8 ? * SUN *)" does not fire within the run (1d from 2026-03-02T00:00:00Z); it last fired before the run, at 2026-03-01T08:00:00Z: the bounds it set are in force from the start (replayed at time 0)',
    ]);
  });

  // the second reader's s1, s2 and s8: the warning replays all the service's actions as the run
  // does, and says "in force from the start" only of bounds no later firing overrode
  const warnedAt = (start: string, actions: Record<string, unknown>) =>
    scenarioWarnings(load(scenario(start, '2h', { minCapacity: 2, maxCapacity: 10, scheduledActions: actions }))).map((w) => `${w.at.join('.')}: ${w.message}`);
  const run2h = 'the run (2h from 2026-03-02T12:00:00Z)';
  it('s1: from Monday 12:00Z, close (Friday 18:00Z) was overridden by open (Monday 08:00Z), which is in force', () => {
    expect(warnedAt('2026-03-02T12:00:00Z', {
      open: { schedule: 'cron(0 8 ? * MON-FRI *)', scalableTargetAction: { minCapacity: 8 } },
      close: { schedule: 'cron(0 18 ? * MON-FRI *)', scalableTargetAction: { minCapacity: 2 } },
    })).toEqual([
      'services.svc.desiredCount: desiredCount 2 is below minCapacity 8 set by scheduled action open (fired 2026-03-02T08:00:00Z, before the run; replayed at time 0): the service starts with 8',
      `services.svc.autoScaling.scheduledActions.open.schedule: "cron(0 8 ? * MON-FRI *)" does not fire within ${run2h}; it last fired before the run, at 2026-03-02T08:00:00Z: the bounds it set are in force from the start (replayed at time 0)`,
      `services.svc.autoScaling.scheduledActions.close.schedule: "cron(0 18 ? * MON-FRI *)" does not fire within ${run2h}; it last fired before the run, at 2026-02-27T18:00:00Z, replayed at time 0; overridden by open (fired 2026-03-02T08:00:00Z)`,
    ]);
  });
  it('s2 without raisemax: highmin (min 12 > max 10) failed at its replay; the warning says so, not that its bounds are in force', () => {
    const w = warnedAt('2026-03-02T12:00:00Z', { highmin: { schedule: 'cron(0 8 * * ? *)', scalableTargetAction: { minCapacity: 12 } } });
    expect(w).toContain(
      `services.svc.autoScaling.scheduledActions.highmin.schedule: "cron(0 8 * * ? *)" does not fire within ${run2h}; it last fired before the run, at 2026-03-02T08:00:00Z, replayed at time 0; failed: minCapacity 12 would exceed maxCapacity 10; nothing changed`,
    );
  });
  it('s8: a cron with a past year 425 days before the run (beyond the 400-day cron look-back): said, and not replayed; an at() as old has no limit: replayed', () => {
    const actions = {
      y: { schedule: 'cron(0 8 1 1 ? 2025)', scalableTargetAction: { minCapacity: 4 } },
      z: { schedule: 'at(2025-01-01T08:00:00)', scalableTargetAction: { maxCapacity: 6 } },
    };
    expect(warnedAt('2026-03-02T12:00:00Z', actions)).toEqual([
      `services.svc.autoScaling.scheduledActions.y.schedule: "cron(0 8 1 1 ? 2025)" does not fire within ${run2h}; it last fired before the run, at 2025-01-01T08:00:00Z, more than 400 days before the run, taken as not in force (not replayed)`,
      `services.svc.autoScaling.scheduledActions.z.schedule: "at(2025-01-01T08:00:00)" is before the start of ${run2h}, so it does not fire within it; it fired before the run, at 2025-01-01T08:00:00Z: the bounds it set are in force from the start (replayed at time 0)`,
    ]);
    const { events } = run(scenario('2026-03-02T12:00:00Z', '2h', { minCapacity: 2, maxCapacity: 10, scheduledActions: actions }));
    expect(events.filter((e) => e.type === 'scheduled-action').map((e) => e.message)).toEqual([
      'scheduled action z (at(2025-01-01T08:00:00)) fired 2025-01-01T08:00:00Z, before the run; replayed at time 0: maxCapacity 10 -> 6; in force at the start',
    ]);
  });
  it('a cron firing less often than yearly (29 February: last 2024-02-29, 732 days before 2026-03-02): beyond the look-back, said not in force', () => {
    expect(warnedAt('2026-03-02T12:00:00Z', { leap: { schedule: 'cron(0 8 29 2 ? *)', scalableTargetAction: { minCapacity: 4 } } })).toEqual([
      `services.svc.autoScaling.scheduledActions.leap.schedule: "cron(0 8 29 2 ? *)" does not fire within ${run2h}; it last fired before the run, at 2024-02-29T08:00:00Z, more than 400 days before the run, taken as not in force (not replayed)`,
    ]);
  });
  // the second reader's s3: daily max 20 at 06:00Z lets Monday's min 15 (07:00Z) succeed; from
  // Thursday 26 Mar 12:00Z both are in force (15..20), and no warning says "failed"
  it('s3: actions at different rates: both in force, 15 tasks placed at time 0, no "failed"', () => {
    const actions = {
      'daily-max': { schedule: 'cron(0 6 ? * * *)', scalableTargetAction: { maxCapacity: 20 } },
      'monday-min': { schedule: 'cron(0 7 ? * MON *)', scalableTargetAction: { minCapacity: 15 } },
    };
    const raw = scenario('2026-03-26T12:00:00Z', '1h', { minCapacity: 2, maxCapacity: 10, scheduledActions: actions });
    const w = scenarioWarnings(load(raw)).map((x) => `${x.at.join('.')}: ${x.message}`);
    const run1h = 'the run (1h from 2026-03-26T12:00:00Z)';
    expect(w).toEqual([
      'services.svc.desiredCount: desiredCount 2 is below minCapacity 15 set by scheduled action monday-min (fired 2026-03-23T07:00:00Z, before the run; replayed at time 0): the service starts with 15',
      `services.svc.autoScaling.scheduledActions.daily-max.schedule: "cron(0 6 ? * * *)" does not fire within ${run1h}; it last fired before the run, at 2026-03-26T06:00:00Z: the bounds it set are in force from the start (replayed at time 0)`,
      `services.svc.autoScaling.scheduledActions.monday-min.schedule: "cron(0 7 ? * MON *)" does not fire within ${run1h}; it last fired before the run, at 2026-03-23T07:00:00Z: the bounds it set are in force from the start (replayed at time 0)`,
    ]);
    const { events } = run(raw);
    expect(events.filter((e) => e.time === 0 && e.type === 'task-placed')).toHaveLength(15);
    expect(events.some((e) => /failed/.test(e.message))).toBe(false);
  });
});
