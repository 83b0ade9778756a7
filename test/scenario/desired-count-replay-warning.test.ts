// A written desiredCount the service does not start with because of the scheduled actions'
// firings before the run, replayed at time 0: the bounds the last ones set are in force at
// the start, and the count is brought inside them (application-auto-scaling-scheduled-scaling.html:
// an action sets the bounds "at the time specified" and nothing reverts them). One warning at
// desiredCount, with the base bounds' clamp at registration when that applies too, naming the
// count the run really starts with (checked against the run's time-0 scaling activity). A
// service without desiredCount starts at its minCapacity: the same warning, at
// autoScaling.minCapacity, when the replayed bounds move it.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, scenarioWarnings } from '../../src/scenario/index.js';

const dir = tempDir();
// the quick start begins 2026-03-02T09:00:00Z
const scenario = (name: string, desiredCount: number, minCapacity: number, maxCapacity: number, scheduledActions: Record<string, unknown>) => {
  const s = quickstart();
  s.services.web.desiredCount = desiredCount;
  s.services.web.autoScaling.minCapacity = minCapacity;
  s.services.web.autoScaling.maxCapacity = maxCapacity;
  s.services.web.autoScaling.scheduledActions = scheduledActions;
  return writeScenario(dir, name, s);
};
const atDesired = (file: string, key = 'desiredCount') =>
  scenarioWarnings(loadScenarioFile(file))
    .filter((w) => w.at.join('.') === `services.web.${key}`)
    .map((w) => w.message);
/** The scenario without desiredCount: the service starts at minCapacity. */
const unwritten = (name: string, minCapacity: number, maxCapacity: number, scheduledActions: Record<string, unknown>) => {
  const s = quickstart();
  delete s.services.web.desiredCount;
  s.services.web.autoScaling.minCapacity = minCapacity;
  s.services.web.autoScaling.maxCapacity = maxCapacity;
  s.services.web.autoScaling.scheduledActions = scheduledActions;
  return writeScenario(dir, name, s);
};
/** The time-0 scaling activities of a 1-minute run: "desired count A -> B". */
const startActivities = async (file: string, name: string) => {
  const out = join(dir, `out-${name}`);
  expect((await cli('run', file, '--duration', '1m', '--quiet', '--out', out)).code).toBe(0);
  return readFileSync(join(out, 'events.csv'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('0,') && l.includes(',scaling-activity,'))
    .map((l) => /desired count \d+ -> \d+/.exec(l)![0]);
};

describe('desiredCount outside the bounds the replayed scheduled actions left in force', () => {
  it('a daily cron setting max 0 that fired before the run: desiredCount 8 starts with 0, one warning', async () => {
    // cron(20 8 * * ? *) UTC last fired 2026-03-02T08:20:00Z, 40 min before the start
    const file = scenario('stop', 8, 0, 30, { stop: { schedule: 'cron(20 8 * * ? *)', scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } } });
    expect(atDesired(file)).toEqual([
      'desiredCount 8 is above maxCapacity 0 set by scheduled action stop (fired 2026-03-02T08:20:00Z, before the run; replayed at time 0): the service starts with 0',
    ]);
    expect(await startActivities(file, 'stop')).toEqual(['desired count 8 -> 0']);
    const r = await cli('validate', file);
    expect(r.stderr).toMatch(/warning: .*stop\.yaml: services\.web\.desiredCount: desiredCount 8 is above maxCapacity 0 set by scheduled action stop/);
  });

  it('outside the base bounds and then the replayed ones: one warning with both, the count the run starts with', async () => {
    // 10 -> 7 at registration ([1, 7]); open (08:00Z, before the run) set [9, 12]: 7 -> 9
    const file = scenario('both', 10, 1, 7, { open: { schedule: 'at(2026-03-02T08:00:00)', scalableTargetAction: { minCapacity: 9, maxCapacity: 12 } } });
    expect(atDesired(file)).toEqual([
      'desiredCount 10 is above maxCapacity 7: Application Auto Scaling sets it to 7 when the scalable target is registered; 7 is below minCapacity 9 set by scheduled action open (fired 2026-03-02T08:00:00Z, before the run; replayed at time 0): the service starts with 9',
    ]);
    expect(await startActivities(file, 'both')).toEqual(['desired count 7 -> 9']);
  });

  it('a replayed bound the registered count is inside: only the base warning, unchanged', () => {
    const file = scenario('base-only', 10, 1, 7, { wide: { schedule: 'at(2026-03-02T08:00:00)', scalableTargetAction: { maxCapacity: 20 } } });
    expect(atDesired(file)).toEqual([
      'desiredCount 10 is above maxCapacity 7: Application Auto Scaling sets it to 7 when the scalable target is registered, so the service starts with 7',
    ]);
  });

  it('a firing at time 0 after the registration clamp: the count named is the one after it', async () => {
    // 10 -> 7 at registration; cap fires at 09:00:00Z, the start: max 3, 7 -> 3
    const file = scenario('at-zero', 10, 1, 7, { cap: { schedule: 'at(2026-03-02T09:00:00)', scalableTargetAction: { maxCapacity: 3 } } });
    expect(atDesired(file)).toEqual([
      'desiredCount 10 is above maxCapacity 7: Application Auto Scaling sets it to 7 when the scalable target is registered; the scheduled actions firing at time 0 then set it to 3: the service starts with 3',
    ]);
    expect(await startActivities(file, 'at-zero')).toEqual(['desired count 7 -> 3']);
  });

  it('inside the bounds in force: not warned (a firing at time 0 alone is the run, not warned of)', () => {
    expect(atDesired(scenario('inside', 5, 1, 30, { stop: { schedule: 'cron(20 8 * * ? *)', scalableTargetAction: { maxCapacity: 6 } } }))).toEqual([]);
    expect(atDesired(scenario('zero-only', 5, 1, 30, { cap: { schedule: 'at(2026-03-02T09:00:00)', scalableTargetAction: { maxCapacity: 3 } } }))).toEqual([]);
  });
});

describe('no desiredCount: the service starts at minCapacity, which the replayed bounds may move', () => {
  it('a minCapacity 5 set before the run: minCapacity 1 starts with 5, warned at autoScaling.minCapacity', async () => {
    const file = unwritten('open', 1, 30, { open: { schedule: 'at(2026-03-02T08:00:00)', scalableTargetAction: { minCapacity: 5 } } });
    expect(atDesired(file, 'autoScaling.minCapacity')).toEqual([
      'no desiredCount: it defaults to minCapacity 1, which is below minCapacity 5 set by scheduled action open (fired 2026-03-02T08:00:00Z, before the run; replayed at time 0): the service starts with 5',
    ]);
    expect(atDesired(file)).toEqual([]);
    expect(await startActivities(file, 'open')).toEqual(['desired count 1 -> 5']);
    const r = await cli('validate', file);
    expect(r.stderr).toMatch(/warning: .*open\.yaml: services\.web\.autoScaling\.minCapacity: no desiredCount: it defaults to minCapacity 1, which is below minCapacity 5 /);
  });

  it('a daily cron setting max 0 before the run: minCapacity 2 starts with 0', async () => {
    const file = unwritten('night', 2, 30, { stop: { schedule: 'cron(20 8 * * ? *)', scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } } });
    expect(atDesired(file, 'autoScaling.minCapacity')).toEqual([
      'no desiredCount: it defaults to minCapacity 2, which is above maxCapacity 0 set by scheduled action stop (fired 2026-03-02T08:20:00Z, before the run; replayed at time 0): the service starts with 0',
    ]);
    expect(await startActivities(file, 'night')).toEqual(['desired count 2 -> 0']);
  });

  it('bounds that keep minCapacity inside, or no scheduled action: not warned', () => {
    expect(atDesired(unwritten('wide', 2, 30, { wide: { schedule: 'at(2026-03-02T08:00:00)', scalableTargetAction: { minCapacity: 1, maxCapacity: 40 } } }), 'autoScaling.minCapacity')).toEqual([]);
    expect(atDesired(unwritten('none', 2, 30, {}), 'autoScaling.minCapacity')).toEqual([]);
  });
});
