// Golden checks on the quick start, computed by hand from the scenario and AWS's rules.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord, type TimeseriesRow, type TaskRow } from '../../src/sim/index.js';
import { quickstart } from '../helpers.js';

function run(mutate: (s: Record<string, any>) => void = () => {}) {
  const raw = quickstart();
  mutate(raw);
  const scenario = loadScenarioObject('quickstart', raw, { baseDir: 'scenarios' });
  const events: EventRecord[] = [];
  const series: TimeseriesRow[] = [];
  const tasks: TaskRow[] = [];
  const result = runSimulation(scenario, { event: (e) => events.push(e), timeseries: (r) => series.push(r), capacity: () => {}, task: (t) => tasks.push(t) }, { seed: scenario.scenario.seed, checkTallies: true });
  return { ...result, events, series, tasks };
}

describe('quick start, fixed fleet (no auto scaling)', () => {
  const r = run((s) => {
    delete s.services.web.autoScaling;
    s.services.web.workload.requestRate = { constant: 150 };
  });
  const web = r.summary.services.web as any;

  it('tasks run from launch 60 s + image pull 10 s + container start 2 s = 72 s: 3 x (3600 - 72) / 3600 task-hours', () => {
    expect(web.taskHours).toBeCloseTo((3 * (3600 - 72)) / 3600, 6);
    expect(r.tasks.map((t) => t.running)).toEqual([72_000, 72_000, 72_000]);
  });

  it('three m5.large for one hour at 0.096 USD/h (per-second billing) cost 0.288 USD', () => {
    expect(r.summary.cost.total).toBeCloseTo(3 * 0.096, 6);
  });

  it('CPU = baseline 5 % + (100 - 5) x (150/3 rps) / 100 rps = 52.5 %; memory = (200 + 0.5 x 50) / 512', () => {
    const steady = r.series.filter((row) => row.time >= 600_000);
    for (const row of steady) {
      expect(row.cpuUtilization).toBeCloseTo(52.5, 6);
      expect(row.memoryUtilization).toBeCloseTo(((200 + 0.5 * 50) / 512) * 100, 6);
    }
  });

  it('requests are refused until the first target is healthy: 72 s + one 30 s health check = 102 s', () => {
    expect(web.requests.offered).toBe(150 * 3600);
    expect(web.requests.dropped).toBe(150 * 102);
  });

  it('tasks spread across the three AZs (default service strategy)', () => {
    expect(new Set(r.tasks.map((t) => t.availabilityZone))).toEqual(new Set(['us-east-1a', 'us-east-1b', 'us-east-1c']));
  });
});

describe('quick start with target tracking on CPU (aws-behaviour.md §2)', () => {
  const r = run();
  const activities = r.events.filter((e) => e.type === 'scaling-activity');

  it('first scale out at 24:00: the step at 20:00 breaches in periods 20, 21, 22; the third datapoint is visible at 23:00 + 60 s publish delay', () => {
    expect(activities[0].time).toBe(24 * 60_000);
  });

  it('proportional new capacity: CPU = 5 + 95 x min(150, 100)/100 = 100 %; ceil(3 x 100/60) = 5', () => {
    expect(activities[0].message).toMatch(/3 -> 5/);
    expect(activities[0].message).toMatch(/ceil\(3 x 100(\.0)?\/60\) = 5/);
  });

  // During the scale-out cooldown (24:00-29:00) each request is computed from the tasks its
  // datapoint covered: the 2 added at 24:00 are RUNNING from 24:12 (10 s pull + 2 s start),
  // so the datapoints of 24:00 and 25:00 cover 5 tasks.
  it('25:00: the 23:00 datapoint covered the 3 tasks before the scale out: ceil(3 x 100/60) = 5, not more than 5, nothing', () => {
    expect(activities[1].time).toBe(26 * 60_000);
  });

  // The 2 new tasks over the 48 s they ran (service_utilization.html: CPU used over CPU
  // reserved while they run): 30 s at the 5 % baseline, then 450 / 5 = 90 rps for 18 s:
  // 5 + 95 x (90 x 18 / 48) / 100 = 37.06 %. The 3 old tasks (round-robin: 150 rps each
  // against 100) serve 100 rps for the 42 s to 24:42, their queues full (100), then their
  // 90 rps for 18 s and their queues: (4 200 + 1 620 + 100) / 6 000 = 98.67 % of capacity,
  // 5 + 95 x 0.9867 = 98.73 %. (3 x 98.73 + 2 x 37.06) / 5 = 74.07
  it('26:00: the 24:00 datapoint covered 5 tasks (3 saturated until 24:42, 2 RUNNING from 24:12, in rotation from 24:42): ceil(5 x 74.1/60) = ceil(6.17) = 7', () => {
    expect(activities[1].message).toMatch(/5 -> 7/);
    expect(activities[1].message).toMatch(/ceil\(5 x 74\.1\/60\) = 7 \(scale-out cooldown: from the 5 tasks the datapoint covered\)/);
    // the 3 old tasks at 100 % and the 2 new ones at no less than the 5 % baseline: >= 62 %
    const v = Number(/ceil\(5 x ([\d.]+)\/60\)/.exec(activities[1].message)![1]);
    expect(v).toBeGreaterThanOrEqual((3 * 100 + 2 * 5) / 5);
  });

  it('27:00: the 25:00 datapoint, 5 tasks at 90 rps each (450 / 5; the queues drained in 24:00): 5 + 95 x 0.9 = 90.5 %; ceil(5 x 90.5/60) = ceil(7.54) = 8', () => {
    expect(activities[2]).toMatchObject({ time: 27 * 60_000 });
    expect(activities[2].message).toMatch(/7 -> 8/);
    expect(activities[2].message).toMatch(/ceil\(5 x 90\.5\/60\) = 8 \(scale-out cooldown: from the 5 tasks the datapoint covered\)/);
    // then 8 tasks at 56.25 rps (58.4 %, below 60): no more scale out
    expect(activities).toHaveLength(3);
  });

  it('no scale in: before the step CPU is 52.5 % (< 54, AlarmLow in ALARM) but 3 is minCapacity; after it, 8 tasks at 56.25 rps read 58.4 % (> 54)', () => {
    const low = r.events.find((e) => e.type === 'alarm-state' && /AlarmLow INSUFFICIENT_DATA -> ALARM/.test(e.message));
    expect(low).toBeDefined();
    for (const e of activities) {
      const [, from, to] = /(\d+) -> (\d+)/.exec(e.message)!;
      expect(Number(to)).toBeGreaterThan(Number(from));
    }
    expect(r.series.at(-1)!.cpuUtilization).toBeCloseTo(5 + 95 * (450 / 8 / 100), 6);
  });
});
