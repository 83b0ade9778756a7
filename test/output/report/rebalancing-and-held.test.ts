// The report's timeline items for AZ rebalancing operations and scale ins held off. The
// messages are ECS's service event templates (AmazonECS/latest/developerguide/
// track-service-rebalancing.html) and ecsim's scale-in-held wording (docs/outputs.md); the
// expected sentences are written by hand from them.

import { describe, it, expect } from 'vitest';
import { heldScaleInText, noRoomRebalancing, noRoomRebalancingText, rebalancingOps, rebalancingText } from '../../../src/output/report/narrative/rebalancing-and-held.js';
import { whatHappened } from '../../../src/output/report/narrative/what-happened.js';
import { readScenarioSettings } from '../../../src/output/report/data/scenario-settings.js';
import { simClock } from '../../../src/output/report/format/sim-time.js';
import type { ResultsData } from '../../../src/output/report/data/results-data.js';

const START = Date.parse('2026-03-02T10:00:00Z');
const clock = simClock(START, 7200);
const ev = (timeS: number, message: string, type = 'az-rebalancing', subject = 'web') => ({ timeS, type, subject, message });

describe('AZ rebalancing operations', () => {
  const completed = [
    ev(240, 'service web is not AZ balanced with 1 tasks in us-east-1a and 3 tasks in us-east-1b. AZ Rebalancing in progress.'),
    ev(240, 'web has started 1 tasks in us-east-1a to AZ Rebalance: web-5.'),
    ev(283, 'web has stopped 1 running tasks in us-east-1b due to AZ rebalancing: web-2.'),
    ev(314, 'service web is AZ balanced with 2 tasks in us-east-1a and 2 tasks in us-east-1b.'),
  ];
  it('one completed: from STARTED to COMPLETED, the tasks it started and stopped', () => {
    const ops = rebalancingOps(completed, 7200);
    expect(ops.map((o) => [o.startS, o.endS, o.started, o.stopped, o.outcome.kind])).toEqual([[240, 314, 1, 1, 'balanced']]);
    expect(rebalancingText(ops[0], clock)).toBe(
      '10:04–10:05 web: AZ rebalancing (not balanced: 1 tasks in us-east-1a and 3 tasks in us-east-1b): started 1 task, stopped 1; AZ balanced with 2 tasks in us-east-1a and 2 tasks in us-east-1b.',
    );
  });
  it('a placement failure after STARTED ends the operation at that instant', () => {
    const ops = rebalancingOps(
      [
        ev(840, 'service web is not AZ balanced with 6 tasks in us-east-1a, 4 in us-east-1b, and 4 in us-east-1c. AZ Rebalancing in progress.'),
        ev(840, 'service web is unable to place a task in us-east-1b because no container instance met all of its requirements.'),
      ],
      7200,
    );
    expect(ops.map((o) => rebalancingText(o, clock))).toEqual([
      'At 10:14 web: AZ rebalancing (not balanced: 6 tasks in us-east-1a, 4 in us-east-1b, and 4 in us-east-1c); unable to place a task in us-east-1b, which ended it (ECS logs the same failure again only after 6 h).',
    ]);
  });
  it('a failure alone (a folder of an older ecsim, "service (web)"), one stopped by a desired count change, one still going at the end', () => {
    const ops = rebalancingOps(
      [
        ev(100, 'service (web) is unable to place a task in us-east-1c.'),
        ev(200, 'service web is not AZ balanced with 0 tasks in us-east-1a, 2 in us-east-1b, and 1 in us-east-1c. AZ Rebalancing in progress.'),
        ev(200, 'web has started 1 tasks in us-east-1a to AZ Rebalance: web-4.'),
        ev(230, 'service web stopped AZ Rebalancing. (the desired count changed 3 -> 6)'),
        ev(3000, 'service web is not AZ balanced with 0 tasks in us-east-1a, 3 in us-east-1b, and 3 in us-east-1c. AZ Rebalancing in progress.'),
      ],
      7200,
    );
    expect(ops.map((o) => [o.startS, o.endS, o.outcome.kind])).toEqual([[100, 100, 'failed'], [200, 230, 'stopped'], [3000, 7200, 'open']]);
    expect(ops.map((o) => rebalancingText(o, clock))).toEqual([
      'At 10:01 web: AZ rebalancing; unable to place a task in us-east-1c, which ended it (ECS logs the same failure again only after 6 h).',
      'At 10:03 web: AZ rebalancing (not balanced: 0 tasks in us-east-1a, 2 in us-east-1b, and 1 in us-east-1c): started 1 task, stopped 0; stopped (the desired count changed 3 -> 6).',
      '10:50–12:00 web: AZ rebalancing (not balanced: 0 tasks in us-east-1a, 3 in us-east-1b, and 3 in us-east-1c); still in progress at the end.',
    ]);
  });
});

describe('no room under maximumPercent for AZ rebalancing (ecsim\'s event)', () => {
  // services.ts: floor(desiredCount x maximumPercent / 100) tasks at most; 6 x 110 / 100 = 6.6 -> 6
  const noRoom = (t: number, service: string, zones: string, desired: number, pct: number) =>
    ev(t, `service ${service} is not AZ balanced with ${zones}. ecsim: no task can start to AZ Rebalance: maximumPercent ${pct} allows floor(${desired} x ${pct} / 100) = ${Math.floor((desired * pct) / 100)} tasks, leaving no room to start another.`, 'az-rebalancing', service);
  const z6 = '1 tasks in us-east-1a, 4 in us-east-1b, and 1 in us-east-1c';
  const z8 = '2 tasks in us-east-1a, 5 in us-east-1b, and 1 in us-east-1c';
  const why = (desired: number, pct: number) => `maximumPercent ${pct} allows floor(${desired} x ${pct} / 100) = ${Math.floor((desired * pct) / 100)} tasks, leaving no room to start another`;
  it('is no operation: one item per episode, a new one when the figures change', () => {
    const events = [noRoom(840, 'web', z6, 6, 110), noRoom(1200, 'api', z6, 6, 100), noRoom(3000, 'web', z8, 8, 110)];
    expect(rebalancingOps(events, 7200)).toEqual([]);
    expect(noRoomRebalancing(events).map((s) => noRoomRebalancingText(s, clock))).toEqual([
      `At 10:14 web: not AZ balanced (${z6}), and no task could start to AZ rebalance: ${why(6, 110)}.`,
      `At 10:20 api: not AZ balanced (${z6}), and no task could start to AZ rebalance: ${why(6, 100)}.`,
      `At 10:50 web: not AZ balanced (${z8}), and no task could start to AZ rebalance: ${why(8, 110)}.`,
    ]);
  });
  it('its repeats (the same message after 6 h) are told on its item, by their times', () => {
    // a 13 h run from 10:00: 180 s = 10:03, + 6 h (21780 s) = 16:03, + 6 h (43380 s) = 22:03
    const day = simClock(START, 13 * 3600);
    const events = [noRoom(180, 'web', z6, 6, 110), noRoom(21780, 'web', z6, 6, 110), noRoom(43380, 'web', z6, 6, 110)];
    expect(noRoomRebalancing(events).map((s) => noRoomRebalancingText(s, day))).toEqual([
      `At 10:03 web: not AZ balanced (${z6}), and no task could start to AZ rebalance: ${why(6, 110)}; the same event again at 16:03 and 22:03 (logged again only after 6 h).`,
    ]);
    // 5 repeats over 2 days: counted, to the last
    const two = simClock(START, 2 * 86400);
    const five = [0, 1, 2, 3, 4, 5].map((k) => noRoom(180 + k * 21600, 'web', z6, 6, 110));
    expect(noRoomRebalancing(five).map((s) => noRoomRebalancingText(s, two))).toEqual([
      `At 03-02 Mon 10:03 web: not AZ balanced (${z6}), and no task could start to AZ rebalance: ${why(6, 110)}; the same event again 5 times, to 03-03 Tue 16:03 (logged again only after 6 h).`,
    ]);
  });
  it('an operation of the service in between ends the episode; one of another service does not', () => {
    const events = [
      noRoom(180, 'web', z6, 6, 110),
      ev(600, 'service api is AZ balanced with 2 tasks in us-east-1a and 2 tasks in us-east-1b.', 'az-rebalancing', 'api'),
      noRoom(21780, 'web', z6, 6, 110),
      ev(22000, 'service web is AZ balanced with 2 tasks in us-east-1a, 2 tasks in us-east-1b, and 2 tasks in us-east-1c.'),
      noRoom(43380, 'web', z6, 6, 110),
    ];
    expect(noRoomRebalancing(events).map((s) => [s.service, s.times])).toEqual([
      ['web', [180, 21780]],
      ['web', [43380]],
    ]);
  });
  it('the same message sooner than 6 h after the last starts an episode of its own (the cause was resolved in between, without an event)', () => {
    // 10:03, then 10:27 (the service had one AZ for a while, which logs nothing), then 16:27
    const day = simClock(START, 13 * 3600);
    const events = [noRoom(180, 'web', z6, 6, 110), noRoom(1620, 'web', z6, 6, 110), noRoom(23220, 'web', z6, 6, 110)];
    expect(noRoomRebalancing(events).map((s) => noRoomRebalancingText(s, day))).toEqual([
      `At 10:03 web: not AZ balanced (${z6}), and no task could start to AZ rebalance: ${why(6, 110)}.`,
      `At 10:27 web: not AZ balanced (${z6}), and no task could start to AZ rebalance: ${why(6, 110)}; the same event again at 16:27 (logged again only after 6 h).`,
    ]);
  });
  it('is on the report\'s timeline', () => {
    const data = { startEpochMs: START, durationSeconds: 7200, summary: { services: {} }, services: new Map(), providers: new Map(), tasks: [], scenario: null, events: [noRoom(840, 'web', z6, 6, 110)] } as unknown as ResultsData;
    expect(whatHappened(data, readScenarioSettings(null, undefined), 60).timeline.map((i) => i.text)).toEqual([
      'At 10:14 web: not AZ balanced (1 tasks in us-east-1a, 4 in us-east-1b, and 1 in us-east-1c), and no task could start to AZ rebalance: maximumPercent 110 allows floor(6 x 110 / 100) = 6 tasks, leaving no room to start another.',
    ]);
  });
});

describe('scale ins held off', () => {
  it('says who asked for what, and that the largest capacity wins', () => {
    const e = ev(960, 'target tracking cpu asks for 5 (scale in from 20), not applied: target tracking req asks for 20 (maxCapacity): largest capacity wins; target tracking cpu: 15 datapoints < 54: 15.0; ceil(20 x 15.0/60) = 5', 'scale-in-held', 'api');
    expect(heldScaleInText(e, clock)).toBe(
      'At 10:16 api did not scale in: target tracking cpu asked for 5 (from 20), but target tracking req asked for 20 (maxCapacity), and the largest capacity wins.',
    );
  });
});

describe('whatHappened: both on the timeline, the held stays first left out when it is cut', () => {
  const held = (t: number) => ev(t, 'target tracking cpu asks for 3 (scale in from 6), not applied: step scaling out asks for 6 (scale-out cooldown): largest capacity wins; x', 'scale-in-held', 'web');
  const data = {
    startEpochMs: START,
    durationSeconds: 7200,
    summary: { services: {} },
    services: new Map(),
    providers: new Map(),
    tasks: [],
    scenario: null,
    events: [held(60), ...[
      ev(240, 'service web is not AZ balanced with 1 tasks in us-east-1a and 3 tasks in us-east-1b. AZ Rebalancing in progress.'),
      ev(240, 'web has started 1 tasks in us-east-1a to AZ Rebalance: web-5.'),
      ev(314, 'service web is AZ balanced with 2 tasks in us-east-1a and 2 tasks in us-east-1b.'),
    ], held(400)],
  } as unknown as ResultsData;
  const settings = readScenarioSettings(null, undefined);
  it('lists them in time order', () => {
    expect(whatHappened(data, settings, 60).timeline.map((i) => i.text.slice(0, 24))).toEqual(['At 10:01 web did not sca', '10:04–10:05 web: AZ reba', 'At 10:06 web did not sca']);
  });
  it('cut to 1 item: the rebalancing stays', () => {
    const n = whatHappened(data, settings, 60, 1);
    expect([n.timeline.map((i) => i.text.slice(0, 16)), n.omitted]).toEqual([['10:04–10:05 web:'], 2]);
  });
});
