// The service's metrics while the load balancer fails open (target-group-health-checks.html:
// "If a target group contains only unhealthy registered targets, the load balancer routes
// requests to all those targets, regardless of their health status").
//
// RequestCountPerTarget (elasticloadbalancing/latest/application/load-balancer-cloudwatch-
// metrics.html): "This count uses the total number of requests received by the target group,
// divided by the number of healthy targets in the target group. If there are no healthy
// targets in the target group, it is divided by the total number of registered targets."
// So under fail-open every request routed to a target counts (served, or failed at a target
// whose application has not started: 502), over every registered target.
//
// CPUUtilization: a task the load balancer stopped failing open to in a period (another
// became healthy) stays RUNNING; it counts with what it served in that period, not as idle.
//
// Two Fargate tasks RUNNING at 35 s (as test/sim/fail-open.test.ts): checks every 30 s from
// RUNNING, unhealthy threshold 2, healthy threshold 2, grace period 600 s (never marked);
// applications starting a1 < a2 after RUNNING (> 61 s): both targets unhealthy at 95 s,
// the load balancer fails open to both; task i serves its half from 35 s + ai, task 1 is
// healthy at H1 = 35 + (ceil(a1 / 30) + 1) x 30 s and takes every request from then, task 2
// from its own H2 (> the end of H1's period, for the seeds chosen). 10 requests/s, capacity
// 100/s, baseline 0 %: a task's CPU is its served rate over its time RUNNING in the
// period / 100 x 100 %, its queue empty (rho 0.05, fluid).

import { afterEach, describe, it, expect, vi } from 'vitest';
import { runKeepingRows } from '../helpers.js';
import { RATE, RUNNING, UNHEALTHY, appStarts, failOpenScenario, healthyAfter, seedWhere } from './fail-open-scenario.js';
import { MetricStore } from '../../src/scaling/metric-store.js';

const PERIOD = 60_000;
const periodEnd = (t: number) => Math.ceil(t / PERIOD) * PERIOD;

/** A seed where task 2's application starts before task 1 is healthy, and task 2 turns healthy after H1's period. */
const seed = seedWhere((a1, a2) => {
  const h1 = RUNNING + healthyAfter(a1);
  return RUNNING + a2 < h1 - 5_000 && RUNNING + healthyAfter(a2) > periodEnd(h1) && RUNNING + a1 > 120_000;
}, 2000);
const [a1, a2] = appStarts(seed);
const START1 = RUNNING + a1;
const START2 = RUNNING + a2;
const H1 = RUNNING + healthyAfter(a1);

function scenario(fidelity: 'fluid' | 'request') {
  return failOpenScenario('fail-open-metrics', fidelity, {
    service: {
      autoScaling: {
        minCapacity: 2,
        maxCapacity: 2,
        policies: { rc: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ALBRequestCountPerTarget', targetValue: 100000 } },
      },
    },
  });
}

/** Runs and returns the RequestCountPerTarget datapoints (period start -> value) and the rows. */
function run(fidelity: 'fluid' | 'request') {
  const points = new Map<number, number>();
  const orig = MetricStore.prototype.putValues;
  const spy = vi.spyOn(MetricStore.prototype, 'putValues').mockImplementation(function (this: MetricStore, name, start, sum, min, max, n, tasks) {
    if (name === 'RequestCountPerTarget') points.set(start, sum / n);
    return orig.call(this, name, start, sum, min, max, n, tasks);
  });
  const r = runKeepingRows(scenario(fidelity), { seed });
  spy.mockRestore();
  return { points, r };
}

const overlap = (from: number, to: number, x: number, y: number) => Math.max(0, Math.min(to, y) - Math.max(from, x)) / 1000;

afterEach(() => vi.restoreAllMocks());

describe('metrics while the load balancer fails open', () => {
  it('the chosen seed gives the timeline the expectations assume', () => {
    expect(START1).toBeGreaterThan(120_000);
    expect(START2).toBeLessThan(H1);
    expect(H1).toBeLessThan(periodEnd(START1) + PERIOD);
  });

  it('fluid: RequestCountPerTarget counts every request routed to a target (failed ones too) over the registered targets while none is healthy', () => {
    const { points, r } = run('fluid');
    expect(r.events.filter((e) => e.type === 'target-group-fail-open').map((e) => e.time)).toEqual([UNHEALTHY, H1]);
    // [60, 120 s): fail-open from 95 s, both applications down: 25 s x 10/s all fail (502),
    // none healthy at the end: over the 2 registered targets = 125 (the period before: no
    // request, 0 over the 2 registered targets)
    expect(points.get(60_000)).toBeCloseTo((RATE * 25) / 2, 6);
    // H1's period: every request routed to a target (fail-open to both before H1, failed or
    // served; task 1 only after), over the 1 healthy target at the end: 600 (before: task
    // 1's requests only)
    const p = H1 - (H1 % PERIOD);
    expect(points.get(p)).toBeCloseTo(RATE * 60, 6);
    // both healthy later: 600 / 2
    expect(points.get(300_000)).toBeCloseTo((RATE * 60) / 2, 6);
  });

  for (const fidelity of ['fluid', 'request'] as const) {
    it(`${fidelity}: timeseries request_count_per_target is the alarms' datapoint, period by period (0 with no request while a target is registered)`, () => {
      const { points, r } = run(fidelity);
      expect(points.size).toBeGreaterThan(3);
      for (const row of r.timeseries) expect(row.requestCountPerTarget, `period ${row.time}`).toBe(points.get(row.time) ?? null);
      // [0, 60 s): no request routed yet (both targets registered at 35 s, still initial, not
      // failed open to): 0 / 2 registered targets = 0; [60, 120 s): fail-open, 125 (above)
      expect(r.timeseries[0].requestCountPerTarget).toBe(0);
      if (fidelity === 'fluid') expect(r.timeseries[1].requestCountPerTarget).toBeCloseTo((RATE * 25) / 2, 6);
    });
  }

  it('fluid: in H1\'s period task 2 (out of fail-open at H1, still RUNNING) counts with what it served, not as idle', () => {
    const { r } = run('fluid');
    const p = H1 - (H1 % PERIOD);
    const row = r.timeseries.find((x) => x.time === p)!;
    // task 1: half the requests from its start (or the period start) to H1, all after;
    // task 2: half from its start (or the period start) to H1, then none (its queue is empty)
    const served1 = (RATE / 2) * overlap(p, p + PERIOD, START1, H1) + RATE * overlap(p, p + PERIOD, H1, Infinity);
    const served2 = (RATE / 2) * overlap(p, p + PERIOD, START2, H1);
    expect(served2).toBeGreaterThan(0);
    expect(row.requestsServed).toBeCloseTo(served1 + served2, 6);
    // CPU: served / 60 s / 100 per s x 100 %, each RUNNING the whole period; the service's mean
    const cpu = (served1 / 60 + served2 / 60) / 2;
    expect(row.cpuUtilization!).toBeCloseTo(cpu, 6);
  });

  it('request fidelity: the same counts, request by request', () => {
    const { points, r } = run('request');
    // [60, 120 s): every request from 95 s fails at a target (both applications down), over
    // the 2 registered targets: 10/s x 25 s = 250 expected (Poisson: within 4 sd, 63), the
    // requests before 95 s (no target routed to: both initial) not counted
    const row60 = r.timeseries.find((x) => x.time === 60_000)!;
    expect(row60.requestsServed).toBe(0);
    const received60 = points.get(60_000)! * 2;
    expect(Math.abs(received60 - RATE * 25)).toBeLessThan(63);
    expect(received60).toBeLessThan(row60.requestsDropped);
    // H1's period: every request that arrived was routed to a target (served, failed, or
    // still queued at the end: at most 1 in service per task at rho 0.05 ... allow 2), over 1 healthy target
    const p = H1 - (H1 % PERIOD);
    const row = r.timeseries.find((x) => x.time === p)!;
    expect(Math.abs(points.get(p)! - (row.requestsServed + row.requestsDropped))).toBeLessThanOrEqual(2);
  });
});
