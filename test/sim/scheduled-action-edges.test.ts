// Scheduled actions at the edges of the run and of the capacity bounds (review of scheduled scaling).
import { describe, it, expect } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord } from '../../src/sim/index.js';

const td = { t: { cpu: 512, memory: 1024, requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', containerDefinitions: { app: { cpu: 512, memory: 1024 } }, startup: { imagePull: '5s', containerStart: '1s' } } };

/** One Fargate service, desired 2, min 1 / max 10, 1 h from 2026-01-05T00:00:00Z. */
function scenario(actions: Record<string, unknown>, bounds = { minCapacity: 1, maxCapacity: 10 }) {
  return {
    name: 'edges',
    start: '2026-01-05T00:00:00Z',
    duration: '1h',
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: {} } },
    taskDefinitions: td,
    services: { web: { taskDefinition: 't', launchType: 'FARGATE', desiredCount: 2, autoScaling: { ...bounds, scheduledActions: actions } } },
  };
}

const load = (raw: any) => loadScenarioObject(raw.name, raw, { baseDir: '.' });
const warned = (raw: any) => scenarioWarnings(load(raw)).map((w) => `${w.at.join('.')}: ${w.message}`);

describe('a scheduled action exactly at the end of the run', () => {
  const atEnd = { last: { schedule: 'at(2026-01-05T01:00:00)', scalableTargetAction: { minCapacity: 5 } } };
  it('does not fire (the last row, explain and the report end before it), as a step at the end never happens', () => {
    const events: EventRecord[] = [];
    runSimulation(load(scenario(atEnd)), { event: (e) => events.push(e), timeseries: () => {}, capacity: () => {}, task: () => {} }, { seed: 1 });
    expect(events.filter((e) => e.type === 'scheduled-action')).toEqual([]);
  });
  it('one a minute before the end fires (at 59 min)', () => {
    const events: EventRecord[] = [];
    const before = { last: { schedule: 'at(2026-01-05T00:59:00)', scalableTargetAction: { minCapacity: 5 } } };
    runSimulation(load(scenario(before)), { event: (e) => events.push(e), timeseries: () => {}, capacity: () => {}, task: () => {} }, { seed: 1 });
    expect(events.filter((e) => e.type === 'scheduled-action').map((e) => e.time)).toEqual([59 * 60_000]);
  });
  it('is warned of', () => {
    expect(warned(scenario(atEnd))).toEqual([
      'services.web.autoScaling.scheduledActions.last.schedule: "at(2026-01-05T01:00:00)" does not fire within the run (1h from 2026-01-05T00:00:00Z); its first firing is at the end of the run, which is not simulated',
    ]);
  });
});

describe('a scheduled action that can never succeed is warned of', () => {
  it('minCapacity 12 alone when every maxCapacity is at most 10 (base 10, another action 8)', () => {
    const w = warned(scenario({
      high: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { minCapacity: 12 } },
      low: { schedule: 'at(2026-01-05T00:20:00)', scalableTargetAction: { maxCapacity: 8 } },
    }));
    expect(w).toEqual([
      "services.web.autoScaling.scheduledActions.high.scalableTargetAction.minCapacity: 12 is above every maxCapacity the service can have (at most 10: autoScaling.maxCapacity and the scheduled actions'), so each firing fails and changes nothing; set maxCapacity too, or lower it",
    ]);
  });
  it('maxCapacity 0 alone when every minCapacity is at least 1', () => {
    expect(warned(scenario({ off: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { maxCapacity: 0 } } }))).toEqual([
      "services.web.autoScaling.scheduledActions.off.scalableTargetAction.maxCapacity: 0 is below every minCapacity the service can have (at least 1: autoScaling.minCapacity and the scheduled actions'), so each firing fails and changes nothing; set minCapacity too, or raise it",
    ]);
  });
  it('not when another action can make it succeed: maxCapacity 20 elsewhere, or minCapacity 0 elsewhere; not at the bound itself', () => {
    expect(warned(scenario({
      high: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { minCapacity: 12 } },
      wide: { schedule: 'at(2026-01-05T00:05:00)', scalableTargetAction: { maxCapacity: 20 } },
    }))).toEqual([]);
    expect(warned(scenario({
      off: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { maxCapacity: 0 } },
      zero: { schedule: 'at(2026-01-05T00:05:00)', scalableTargetAction: { minCapacity: 0 } },
    }))).toEqual([]);
    expect(warned(scenario({ top: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { minCapacity: 10 } } }))).toEqual([]);
    expect(warned(scenario({ bottom: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { maxCapacity: 1 } } }))).toEqual([]);
  });
});

// A cron() time the clocks jump over (EventBridge Scheduler: "your schedule invocation gets
// skipped"): a scheduled-action row at the jump says so, and nothing changes. 02:30 New York
// on 2026-03-08 does not exist: 02:00 EST (07:00Z) -> 03:00 EDT; a run from 05:00Z has it at 2 h.
describe('a cron firing skipped by a daylight-saving jump (reviewer sched 3)', () => {
  const gapDay = { g: { schedule: 'cron(30 2 8 3 ? 2026)', timezone: 'America/New_York', scalableTargetAction: { minCapacity: 5 } } };
  const raw = { ...scenario(gapDay), start: '2026-03-08T05:00:00Z', duration: '4h' };
  it('one scheduled-action row at 07:00Z (2 h), saying skipped; no scaling activity, the bounds unchanged', () => {
    const events: EventRecord[] = [];
    runSimulation(load(raw), { event: (e) => events.push(e), timeseries: () => {}, capacity: () => {}, task: () => {} }, { seed: 1 });
    expect(events.filter((e) => e.type === 'scheduled-action').map((e) => [e.time, e.message])).toEqual([
      [2 * 3_600_000, 'scheduled action g (cron(30 2 8 3 ? 2026)) skipped: 02:30 does not exist in America/New_York on 2026-03-08 (clocks jump 02:00 -> 03:00)'],
    ]);
    expect(events.filter((e) => e.type === 'scaling-activity')).toEqual([]);
  });
  it('the warning that it never fires says why', () => {
    expect(warned(raw)).toEqual([
      'services.web.autoScaling.scheduledActions.g.schedule: "cron(30 2 8 3 ? 2026)" does not fire within the run (4h from 2026-03-08T05:00:00Z); it never fires (its time falls in a daylight-saving jump: 02:30 does not exist in America/New_York on 2026-03-08, clocks jump 02:00 -> 03:00)',
    ]);
  });
});
