// Fargate Spot replacements within deploymentConfiguration.maximumPercent. At the
// interruption notice "the service scheduler uses the minimumHealthyPercent and
// maximumPercent values" to decide whether to launch a replacement; if it cannot, the old
// task ends after stopTimeout and the replacement starts then
// (repost.aws/knowledge-center/fargate-spot-termination-notice). Expectations by hand:
// shutdown fixed 100 s < stopTimeout 110 s < the 2-minute notice, so a noticed task stops
// 100 s after its notice; desiredCount 4.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord, type TaskRow } from '../../src/sim/index.js';

function run(maximumPercent: number | undefined, meanTimeBetween = '20m', desiredCount = 4) {
  const s: any = {
    name: 'spot-max',
    duration: '2h',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: { FARGATE_SPOT: { provisioningDelay: 0, interruptions: { meanTimeBetween } } },
    },
    taskDefinitions: {
      web: {
        cpu: 512,
        memory: 1024,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        startup: { imagePull: 0, containerStart: 0 },
        shutdown: { distribution: 'fixed', value: '100s' },
        stopTimeout: '110s',
      },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount,
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
        ...(maximumPercent === undefined ? {} : { deploymentConfiguration: { maximumPercent, minimumHealthyPercent: 50 } }),
      },
    },
  };
  const events: EventRecord[] = [];
  const tasks: TaskRow[] = [];
  const r = runSimulation(loadScenarioObject('spot-max', s, { baseDir: '.' }), { event: (e) => events.push(e), timeseries: () => {}, capacity: () => {}, task: (t) => tasks.push(t) }, { seed: 1, checkTallies: true });
  const notices = events.filter((e) => e.type === 'spot-interruption');
  // the tasks the service started after the first desiredCount: one replacement per interruption
  const replacements = tasks.filter((t) => Number(t.taskId.split('-')[1]) > desiredCount).map((t) => t.created).sort((a, b) => a - b);
  // (a task noticed in the run's last 100 s is still stopping at its end: no stop time, and
  // no replacement yet)
  const stops = tasks.filter((t) => t.stopReason === 'spot-interruption' && t.stopped !== null).map((t) => t.stopped!).sort((a, b) => a - b);
  // the most tasks alive at once (created, not yet STOPPED: a task stopping after its notice counts)
  const marks: [number, number][] = [];
  for (const t of tasks) {
    marks.push([t.created, 1]);
    if (t.stopped !== null) marks.push([t.stopped, -1]);
  }
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]); // at one instant, a stop before a start
  let alive = 0;
  let most = 0;
  for (const [, d] of marks) most = Math.max(most, (alive += d));
  return { r, notices, tasks, replacements, stops, most };
}

/**
 * The replacements' start times by hand from the notice and stop times: walk them in order,
 * with the number of tasks stopping (noticed, not STOPPED) and the replacements owed; a
 * replacement starts when the live tasks (desired - owed) + it + the stopping ones stay
 * within the cap floor(desired x maximumPercent / 100).
 */
function expectedReplacements(notices: EventRecord[], tasks: TaskRow[], desired: number, cap: number): number[] {
  const stopOf = new Map(tasks.map((t) => [t.taskId, t.stopped]));
  const points: [number, number][] = [];
  for (const n of notices) {
    points.push([n.time, 1]);
    const st = stopOf.get(n.subject);
    if (st !== null && st !== undefined) points.push([st, -1]);
  }
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let stopping = 0;
  let owed = 0;
  const expected: number[] = [];
  for (const [time, d] of points) {
    stopping += d;
    if (d === 1) owed++;
    while (owed > 0 && desired - owed + 1 + stopping <= cap) {
      expected.push(time);
      owed--;
    }
  }
  return expected;
}

describe('Fargate Spot replacements and maximumPercent (knowledge-center/fargate-spot-termination-notice)', () => {
  it('maximumPercent 100 (cap floor(4 x 100 / 100) = 4): no room at the notice, so each replacement starts when the noticed task stops, 100 s later; never more than 4 tasks', () => {
    const { notices, tasks, replacements, stops, most } = run(100);
    expect(notices.length).toBeGreaterThan(2);
    for (const n of notices) {
      const row = tasks.find((t) => t.taskId === n.subject)!;
      if (row.stopped !== null) expect(row.stopped - n.time).toBe(100_000);
      // nothing was started at the notice
      expect(replacements).not.toContain(n.time);
    }
    // one replacement at each stop time, none elsewhere
    expect(replacements).toEqual(stops);
    expect(most).toBe(4);
    expect(notices[0].message).toContain('the service starts a replacement when a task of the service stops (maximumPercent 100 %)');
  });

  it('default maximumPercent 200 (cap 8): the replacement starts at the notice, while the noticed task stops (5 alive)', () => {
    const { notices, tasks, replacements, most } = run(undefined);
    expect(notices.length).toBeGreaterThan(2);
    expect(replacements).toEqual(notices.map((n) => n.time));
    for (const n of notices) {
      const row = tasks.find((t) => t.taskId === n.subject)!;
      if (row.stopped !== null) expect(row.stopped - n.time).toBe(100_000);
    }
    expect(most).toBeGreaterThanOrEqual(5);
    expect(most).toBeLessThanOrEqual(8);
    expect(notices[0].message).toMatch(/; the service starts a replacement$/);
  });

  it('maximumPercent 125 (cap floor(4 x 125 / 100) = 5): one task may be stopping beside 4 live ones; a second notice while the first task stops waits for a stop', () => {
    const { notices, tasks, replacements, stops, most } = run(125, '5m');
    const expected = expectedReplacements(notices, tasks, 4, 5);
    expect(replacements).toEqual(expected);
    // both cases occur in this run: some replacements at a notice, some at a stop
    const noticeTimes = new Set(notices.map((n) => n.time));
    expect(replacements.some((t) => noticeTimes.has(t))).toBe(true);
    expect(replacements.some((t) => !noticeTimes.has(t) && stops.includes(t))).toBe(true);
    expect(most).toBe(5);
  });

  it('maximumPercent 200 given explicitly behaves as the default', () => {
    const a = run(undefined);
    const b = run(200);
    expect(b.replacements).toEqual(a.replacements);
    expect(b.notices.map((n) => n.time)).toEqual(a.notices.map((n) => n.time));
  });

  it('maximumPercent above 200 (AWS documents no upper limit): 300 of desired 1 is a cap of 3, two noticed tasks stopping beside a live one; 250 rounds down to 2', () => {
    // a notice every 40 s on average against a 100 s stop: notices overlap often
    const r300 = run(300, '40s', 1);
    expect(r300.replacements).toEqual(expectedReplacements(r300.notices, r300.tasks, 1, 3));
    expect(r300.most).toBe(3);
    const r250 = run(250, '40s', 1);
    expect(r250.replacements).toEqual(expectedReplacements(r250.notices, r250.tasks, 1, 2));
    expect(r250.most).toBe(2);
    // a notice while another task stops: no room under 250, room under 300
    expect(r250.notices.some((n) => n.message.includes('the service starts a replacement when a task of the service stops (maximumPercent 250 %)'))).toBe(true);
    expect(r300.replacements.length).toBeGreaterThan(0);
  });
});
