// The arithmetic target health timeline equals a check-by-check replay of the Application
// Load Balancer's health states (initial -> healthy after one pass; unhealthy after
// UnhealthyThresholdCount failures in a row; healthy again after HealthyThresholdCount
// passes in a row: elasticloadbalancing target-group-health-checks.html) and of the ECS
// service scheduler, which ignores an unhealthy target until healthCheckGracePeriodSeconds
// after the task started (APIReference/API_CreateService.html). And in a whole run: with a
// grace period at least as long as the target needs to come back healthy, no task is
// ever stopped for failed health checks.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { targetHealthTimeline, type TargetHealthCheck, type TargetHealthTimeline } from '../../src/model/target-health.js';
import { runKeepingRows } from '../helpers.js';

/**
 * One check at a time, every interval, until the target is healthy (failedChecks: those
 * seen until ECS marks the task). ECS marks an unhealthy target once the grace period is
 * over; the marked task keeps running and being checked, so the replay goes on to its
 * recovery.
 */
function replay(appStart: number, hc: TargetHealthCheck): TargetHealthTimeline {
  let state: 'initial' | 'unhealthy' = 'initial';
  let passes = 0;
  let failures = 0;
  let failedChecks = 0;
  let unhealthyAt: number | null = null;
  let markedAt: number | null = null;
  let graceLooked = false;
  for (let k = 1; ; k++) {
    const t = k * hc.intervalMs;
    // ECS looks when the grace period ends (between checks: the state then is the last check's)
    if (!graceLooked && hc.gracePeriodMs < t) {
      graceLooked = true;
      if (state === 'unhealthy' && markedAt === null) markedAt = hc.gracePeriodMs;
    }
    const pass = t >= appStart;
    if (pass) {
      passes++;
      failures = 0;
    } else {
      failures++;
      passes = 0;
      if (state === 'initial' || markedAt === null) failedChecks++;
    }
    if (state === 'initial' && pass) return { failedChecks, unhealthyAt: null, markedAt: null, healthyAt: t, recoveredAt: null };
    if (state === 'initial' && failures >= hc.unhealthyThreshold) {
      state = 'unhealthy';
      unhealthyAt = t;
    } else if (state === 'unhealthy' && passes >= hc.healthyThreshold) {
      return { failedChecks, unhealthyAt, markedAt, healthyAt: markedAt === null ? t : null, recoveredAt: t };
    }
    // at a check (the grace period's end included, the check first): an unhealthy target once the period is over
    if (t >= hc.gracePeriodMs) graceLooked = true;
    if (state === 'unhealthy' && t >= hc.gracePeriodMs && markedAt === null) markedAt = t;
  }
}

const settings = fc.record({
  intervalMs: fc.integer({ min: 5, max: 300 }).map((s) => s * 1000),
  healthyThreshold: fc.integer({ min: 2, max: 10 }),
  unhealthyThreshold: fc.integer({ min: 2, max: 10 }),
  gracePeriodMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 4000 }).map((s) => s * 1000)),
});

describe('targetHealthTimeline', () => {
  it('equals the check-by-check replay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000 }), settings, (appStart, hc) => {
        // (failedChecks: the replay stops counting when the task is stopped)
        const { failedChecks: _a, ...got } = targetHealthTimeline(appStart, hc);
        const { failedChecks: _b, ...want } = replay(appStart, hc);
        expect(got).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });

  it('hand-worked cases (interval 30 s, thresholds 2 unhealthy, 5 healthy)', () => {
    const hc = { intervalMs: 30_000, healthyThreshold: 5, unhealthyThreshold: 2, gracePeriodMs: 0 };
    expect(targetHealthTimeline(0, hc)).toEqual({ failedChecks: 0, unhealthyAt: null, markedAt: null, healthyAt: 30_000, recoveredAt: null });
    expect(targetHealthTimeline(45_000, hc)).toEqual({ failedChecks: 1, unhealthyAt: null, markedAt: null, healthyAt: 60_000, recoveredAt: null });
    // passes at 90, 120, 150, 180, 210 s: healthy again at 210 s, marked unhealthy by ECS at 60 s
    expect(targetHealthTimeline(90_000, hc)).toEqual({ failedChecks: 2, unhealthyAt: 60_000, markedAt: 60_000, healthyAt: null, recoveredAt: 210_000 });
    expect(targetHealthTimeline(90_000, { ...hc, gracePeriodMs: 120_000 })).toEqual({ failedChecks: 2, unhealthyAt: 60_000, markedAt: 120_000, healthyAt: null, recoveredAt: 210_000 });
    // healthy at 210 s, when a 210 s grace period ends: never marked
    expect(targetHealthTimeline(90_000, { ...hc, gracePeriodMs: 210_000 })).toEqual({ failedChecks: 2, unhealthyAt: 60_000, markedAt: null, healthyAt: 210_000, recoveredAt: 210_000 });
  });
});

describe('a whole run: the first task follows the timeline, and a grace period covering the recovery stops no task', () => {
  it('for any application start, interval, thresholds and grace period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 12 }).map((k) => k * 5_000),
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 2, max: 10 }),
        fc.integer({ min: 0, max: 900 }),
        fc.boolean(),
        (appStartS, intervalMs, healthyThreshold, unhealthyThreshold, graceS, coverRecovery) => {
          const hc = { intervalMs, healthyThreshold, unhealthyThreshold, gracePeriodMs: 0 };
          // the time the target needs to come back healthy: its recovery, however long the grace period
          const recovery = replay(appStartS * 1000, { ...hc, gracePeriodMs: Number.MAX_SAFE_INTEGER }).healthyAt!;
          const grace = coverRecovery ? Math.ceil(recovery / 1000) + graceS : graceS;
          const r = runKeepingRows(
            {
              name: 'health-property',
              duration: '30m',
              metrics: { period: '5s' },
              cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: { provisioningDelay: '25s' } } },
              taskDefinitions: { web: { cpu: 256, memory: 512, requiresCompatibilities: ['FARGATE'], startup: { imagePull: '10s', containerStart: '0s', applicationStart: appStartS }, shutdown: '1s' } },
              services: {
                web: {
                  taskDefinition: 'web',
                  desiredCount: 2,
                  launchType: 'FARGATE',
                  healthCheckGracePeriodSeconds: grace,
                  loadBalancer: { deregistrationDelay: '30s', healthCheck: { interval: intervalMs / 1000, healthyThreshold, unhealthyThreshold } },
                  workload: { requestRate: { constant: 10 }, perTask: { capacityRps: 100 } },
                },
              },
            },
            { seed: 3 },
          );
          const expected = replay(appStartS * 1000, { ...hc, gracePeriodMs: grace * 1000 });
          const first = r.tasks.find((t) => t.taskId === 'web-1')!;
          expect(first.running).toBe(35_000);
          if (expected.markedAt !== null) {
            // marked unhealthy then, and replaced first: still running when marked (if stopped,
            // not before its 30 s deregistration delay and 1 s to exit)
            expect(r.events.some((e) => e.type === 'task-unhealthy' && e.subject === 'web-1' && e.time === 35_000 + expected.markedAt!)).toBe(true);
            if (first.stopped !== null) expect(first.stopped).toBeGreaterThanOrEqual(35_000 + expected.markedAt + 31_000);
          } else {
            expect(first.stopReason).toBe('simulation-end');
            const firstServed = r.timeseries.find((x) => x.requestsServed > 0)!.time;
            if (expected.unhealthyAt === null) {
              // in rotation at RUNNING + healthyAt (a multiple of 5 s: the 5 s periods start there)
              expect(firstServed).toBe(35_000 + expected.healthyAt!);
            } else {
              // both targets (the same timeline) unhealthy at once: the load balancer fails open
              // to them until they are healthy (in rotation) at RUNNING + healthyAt; they serve
              // from their application's start, which comes after the unhealthy check
              const failOpen = r.events.filter((e) => e.type === 'target-group-fail-open').map((e) => e.time);
              expect(failOpen).toEqual([35_000 + expected.unhealthyAt, 35_000 + expected.healthyAt!]);
              expect(firstServed).toBe(Math.floor((35_000 + appStartS * 1000) / 5_000) * 5_000);
            }
          }
          if (coverRecovery) {
            expect(r.tasks.filter((t) => t.stopReason === 'failed-elb-health-checks')).toEqual([]);
            expect((r.summary.services.web as any).tasksStarted).toBe(2);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
