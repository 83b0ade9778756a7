// How explain and the report's narrative tell a scheduled action's firing before the run,
// replayed at its start: when it fired, how long before the run, and whether its bounds are
// in force at the start.
import { describe, it, expect } from 'vitest';
import { describeScheduled } from '../../../src/output/explain/scaling-lines.js';
import { explainCause } from '../../../src/output/report/narrative/explain-cause.js';
import { readScenarioSettings } from '../../../src/output/report/data/scenario-settings.js';

const clock = { startEpochMs: Date.parse('2026-03-02T12:00:00Z'), withDate: true };
const replayed = 'scheduled action open (cron(0 8 ? * MON-FRI *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 8; in force at the start (after 5 earlier firings replayed since 2026-02-25T18:00:00Z)';

describe('explain: a replayed firing', () => {
  it('says when it fired (08:00 UTC) and how long before the run (12:00 - 08:00 = 4 h), then the bounds', () => {
    expect(describeScheduled(replayed, clock)).toBe('scheduled action open (cron(0 8 ? * MON-FRI *)), fired 2026-03-02 08:00 UTC (4 h before the run), replayed at time 0: minCapacity 2 -> 8; in force at the start (after 5 earlier firings replayed since 2026-02-25 18:00 UTC)');
  });
  it('one earlier firing: "firing", its instant told the same way', () => {
    const m = 'scheduled action w (cron(0 8 ? * MON *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: maxCapacity 20 -> 20; in force at the start (after 1 earlier firing replayed since 2026-02-23T08:00:00Z)';
    expect(describeScheduled(m, clock)).toBe('scheduled action w (cron(0 8 ? * MON *)), fired 2026-03-02 08:00 UTC (4 h before the run), replayed at time 0: maxCapacity 20 -> 20; in force at the start (after 1 earlier firing replayed since 2026-02-23 08:00 UTC)');
  });
  it('an overridden one (Friday 18:00) says which firing overrode it, not that it is in force; its instant told as the line\'s others', () => {
    const m = 'scheduled action close (cron(0 18 ? * MON-FRI *)) fired 2026-02-27T18:00:00Z, before the run; replayed at time 0: minCapacity 8 -> 2; overridden by open (fired 2026-03-02T08:00:00Z)';
    expect(describeScheduled(m, clock)).toBe('scheduled action close (cron(0 18 ? * MON-FRI *)), fired 2026-02-27 18:00 UTC (2 d 18 h before the run), replayed at time 0: minCapacity 8 -> 2; overridden by open (fired 2026-03-02 08:00 UTC)');
  });
  it('a failed one (Friday 18:00, 2 d 18 h before Monday 12:00) says it failed', () => {
    const failed = 'scheduled action high (cron(0 18 ? * MON-FRI *)) fired 2026-02-27T18:00:00Z, before the run; replayed at time 0; failed: minCapacity 12 would exceed maxCapacity 10; nothing changed';
    expect(describeScheduled(failed, clock)).toBe('scheduled action high (cron(0 18 ? * MON-FRI *)), fired 2026-02-27 18:00 UTC (2 d 18 h before the run), replayed at time 0; failed: minCapacity 12 would exceed maxCapacity 10; nothing changed');
  });
  it('the count of earlier firings says they are all the service\'s actions\' (the wording since 2026-11-27): its instant told the same way', () => {
    const m = "scheduled action open (cron(0 8 ? * MON-FRI *)) fired 2026-03-02T08:00:00Z, before the run; replayed at time 0: minCapacity 2 -> 8; in force at the start (after 5 earlier firings of this service's scheduled actions replayed since 2026-02-25T18:00:00Z)";
    expect(describeScheduled(m, clock)).toBe("scheduled action open (cron(0 8 ? * MON-FRI *)), fired 2026-03-02 08:00 UTC (4 h before the run), replayed at time 0: minCapacity 2 -> 8; in force at the start (after 5 earlier firings of this service's scheduled actions replayed since 2026-02-25 18:00 UTC)");
    const settings = readScenarioSettings(null, undefined);
    expect(explainCause('svc', `${m}; desired count 2 < minCapacity 8`, { settings, periodS: 60 })).toBe(
      'scheduled action open, fired 2026-03-02T08:00:00Z before the run, was in force at the start (minCapacity 2 -> 8; desired count 2 < minCapacity 8)',
    );
  });
  it('a firing in the run is left as written', () => {
    const m = 'scheduled action open (cron(0 8 ? * MON-FRI *)): minCapacity 2 -> 8';
    expect(describeScheduled(m, clock)).toBe(m);
  });
});

describe("the report's narrative: a scale at the start caused by a replayed firing", () => {
  it('says the action, fired before the run, was in force at the start (not that it ran)', () => {
    const settings = readScenarioSettings(null, undefined);
    expect(explainCause('svc', `${replayed}; desired count 2 < minCapacity 8`, { settings, periodS: 60 })).toBe(
      'scheduled action open, fired 2026-03-02T08:00:00Z before the run, was in force at the start (minCapacity 2 -> 8; desired count 2 < minCapacity 8)',
    );
  });
  it('one in the run still "ran"', () => {
    const settings = readScenarioSettings(null, undefined);
    expect(explainCause('svc', 'scheduled action open (cron(0 8 ? * MON-FRI *)): minCapacity 2 -> 8; desired count 2 < minCapacity 8', { settings, periodS: 60 })).toBe(
      'scheduled action open ran (minCapacity 2 -> 8; desired count 2 < minCapacity 8)',
    );
  });
});
