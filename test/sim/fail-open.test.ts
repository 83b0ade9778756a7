// ALB fail-open (elasticloadbalancing/latest/application/target-group-health-checks.html):
// "If a target group contains only unhealthy registered targets, the load balancer routes
// requests to all those targets, regardless of their health status." A task whose
// application answers serves its share; one whose application has not started fails it
// (a 502 from the load balancer: dropped). Expected figures are worked out by hand from the
// scenario's fixed delays and the two application starts drawn from their stream.
//
// Two Fargate tasks, RUNNING at 35 s (PROVISIONING 25 s, image pull 10 s); checks every
// 30 s from RUNNING (65, 95, ... s); unhealthy threshold 2, healthy threshold 2; grace
// period 600 s, so ECS marks neither (each is healthy again 60 s after its first pass at
// the latest: 210 s after RUNNING). Applications start a1 < a2 after RUNNING, both past
// 60 s: the checks at 65 and 95 s fail, both targets are unhealthy at 95 s and the load
// balancer fails open: both fail their shares until 35 + a1, then the first serves half
// the requests, until it is healthy at H1 = 35 + (ceil(a1 / 30) + 1) x 30 s; from then it
// takes all of them (routing as without fail-open: the other, unhealthy, gets none). The
// seed is one where the second application starts after H1, so a share still sent to it
// would be dropped.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';
import { RATE, RUNNING, UNHEALTHY, appStarts, failOpenScenario, healthyAfter, seedWhere } from './fail-open-scenario.js';

const seed = seedWhere((a1, a2) => a2 > healthyAfter(a1) + 10_000 && healthyAfter(a1) - a1 > 15_000 && a1 > 70_000, 1000);

function scenario(fidelity: 'fluid' | 'request') {
  return failOpenScenario('fail-open', fidelity, { top: { metrics: { period: '5s' } } });
}

const [a1, a2] = appStarts(seed);
const START1 = RUNNING + a1;
const H1 = RUNNING + healthyAfter(a1);
const START2 = RUNNING + a2;

/** The requests served in [from, to) ms, by hand: none before START1, half up to H1, all after. */
function expectedServed(from: number, to: number): number {
  const overlap = (x: number, y: number) => Math.max(0, Math.min(to, y) - Math.max(from, x)) / 1000;
  return (RATE / 2) * overlap(START1, H1) + RATE * overlap(H1, Infinity);
}

describe('ALB fail-open: two tasks, both unhealthy at 95 s, applications starting at 35 s + a1 and 35 s + a2', () => {
  it('the chosen seed gives the timeline the expectations assume', () => {
    expect(a1).toBeGreaterThan(60_000);
    expect(START1).toBeLessThan(H1);
    expect(START2).toBeGreaterThan(H1);
  });

  it('fluid: per 5 s period, nothing served before 35 + a1, half the requests up to H1 (the other half fail: 502), all after', () => {
    const r = runKeepingRows(scenario('fluid'), { seed });
    const fo = r.events.filter((e) => e.type === 'target-group-fail-open');
    expect(fo.map((e) => [e.time, e.subject])).toEqual([
      [UNHEALTHY, 'web'],
      [H1, 'web'],
    ]);
    expect(fo[0].message).toBe(
      '(target-group web) has no healthy target: the load balancer fails open and routes requests to all its 2 unhealthy targets ' +
        '(0 whose application answers and serves them, 2 whose application has not started: their requests fail, 502)',
    );
    expect(fo[1].message).toBe('(target-group web) has 1 healthy target again: the load balancer stops failing open and routes to the healthy targets only');
    for (const row of r.timeseries) {
      const served = expectedServed(row.time, row.time + 5_000);
      expect(row.requestsServed, `period ${row.time / 1000} s`).toBeCloseTo(served, 6);
      expect(row.requestsDropped, `period ${row.time / 1000} s`).toBeCloseTo(RATE * 5 - served, 6);
    }
    expect(r.tasks.every((t) => t.stopReason === 'simulation-end')).toBe(true);
  });

  it('request fidelity (round-robin): the same regimes, request by request', () => {
    const r = runKeepingRows(scenario('request'), { seed });
    expect(r.events.filter((e) => e.type === 'target-group-fail-open').map((e) => e.time)).toEqual([UNHEALTHY, H1]);
    const inside = (x: number, y: number) => r.timeseries.filter((row) => row.time >= x && row.time + 5_000 <= y);
    // both applications down: every request fails
    const down = inside(UNHEALTHY, START1);
    expect(down.length).toBeGreaterThan(0);
    for (const row of down) expect(row.requestsServed).toBe(0);
    expect(down.reduce((s, row) => s + row.requestsDropped, 0)).toBeGreaterThan(0);
    // one serving, one failing: round-robin alternates between them, so over the span the
    // served and the failed differ by at most the request in service at each end
    const half = inside(START1, H1);
    expect(half.length).toBeGreaterThan(0);
    const served = half.reduce((s, row) => s + row.requestsServed, 0);
    const dropped = half.reduce((s, row) => s + row.requestsDropped, 0);
    expect(served).toBeGreaterThan(0);
    expect(Math.abs(served - dropped)).toBeLessThanOrEqual(2);
    // one healthy target: no fail-open, the unhealthy one (application not started yet) gets nothing
    const healthy = inside(H1, START2);
    expect(healthy.length).toBeGreaterThan(0);
    for (const row of healthy) expect(row.requestsDropped).toBe(0);
    expect(healthy.reduce((s, row) => s + row.requestsServed, 0)).toBeGreaterThan(0);
  });

  it('is deterministic in both fidelities', () => {
    for (const f of ['fluid', 'request'] as const) expect(runKeepingRows(scenario(f), { seed })).toEqual(runKeepingRows(scenario(f), { seed }));
  });
});

describe('ALB fail-open needs a registered unhealthy target', () => {
  it('maximumPercent 100: the only task is stopped at the instant it turns unhealthy (no room for a replacement first): no fail-open, not even for an instant', () => {
    // one task, application 100 s, no grace: unhealthy and marked at 95 s; no room for a
    // replacement first: stopped at once (deregistered), so fail-open begins and ends at 95 s
    const s = scenario('fluid');
    const web = { ...s.services.web, desiredCount: 1, healthCheckGracePeriodSeconds: 0, deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 } };
    const td = { ...s.taskDefinitions.web, startup: { ...s.taskDefinitions.web.startup, applicationStart: '100s' } };
    const r = runKeepingRows({ ...s, duration: '100s', taskDefinitions: { web: td }, services: { web } }, { seed: 1 });
    expect(r.events.filter((e) => e.type === 'target-group-fail-open')).toEqual([]);
    expect((r.summary.services.web as any).requests.served).toBe(0);
  });

  it('a queue service behind a load balancer does not fail open: its workers pull messages, the load balancer routes none', () => {
    const s = scenario('fluid');
    const web = { ...s.services.web, workload: { type: 'queue', requestRate: { constant: RATE }, perTask: { concurrency: 1, serviceTime: '10ms' } } };
    const r = runKeepingRows({ ...s, services: { web } }, { seed });
    expect(r.events.some((e) => e.type === 'task-unhealthy')).toBe(true);
    expect(r.events.filter((e) => e.type === 'target-group-fail-open')).toEqual([]);
  });

});
