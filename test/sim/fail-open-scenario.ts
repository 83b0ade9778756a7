// The scenario the fail-open tests share (fail-open.test.ts, fail-open-metrics.test.ts): two
// Fargate tasks RUNNING at 35 s (PROVISIONING 25 s, image pull 10 s), load balancer checks
// every 30 s from RUNNING, unhealthy threshold 2, healthy threshold 2, grace period 600 s
// (ECS marks neither), applications starting a uniform MIN..MAX after RUNNING (both checks
// at 65 and 95 s fail: both targets unhealthy at 95 s), a constant RATE, capacity 100/s.

import { RandomStreams } from '../../src/engine/index.js';

export const MIN = 61_000;
export const MAX = 179_000;
export const RATE = 10; // requests/s
export const RUNNING = 35_000;
export const UNHEALTHY = 95_000;

/** The two application starts (ms after RUNNING) a run with `seed` draws for web-1 and web-2 (a stream per task number), in increasing order. */
export function appStarts(seed: number): [number, number] {
  const streams = new RandomStreams(seed);
  const draw = (k: number) => Math.round(MIN + (MAX - MIN) * streams.stream('task-startup', 'web', 'applicationStart', String(k)).next());
  const a = draw(1);
  const b = draw(2);
  return a < b ? [a, b] : [b, a];
}

/** When (ms after RUNNING) a target whose application starts at `a` is healthy again: 2 passes, the first at the check at or after `a`. */
export const healthyAfter = (a: number) => (Math.ceil(a / 30_000) + 1) * 30_000;

/** The first seed below `below` whose two application starts satisfy `fits`. */
export function seedWhere(fits: (a1: number, a2: number) => boolean, below: number): number {
  for (let s = 1; s < below; s++) if (fits(...appStarts(s))) return s;
  throw new Error('no seed');
}

/** The scenario, in `fidelity`, with `extra` keys of the service (autoScaling) and at the top (metrics). */
export function failOpenScenario(name: string, fidelity: 'fluid' | 'request', extra: { top?: Record<string, unknown>; service?: Record<string, unknown> } = {}) {
  return {
    name,
    duration: '6m',
    ...extra.top,
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: { provisioningDelay: '25s' } } },
    taskDefinitions: {
      web: {
        cpu: 256,
        memory: 512,
        requiresCompatibilities: ['FARGATE'],
        startup: { imagePull: '10s', containerStart: '0s', applicationStart: { distribution: 'uniform', min: `${MIN}ms`, max: `${MAX}ms` } },
        shutdown: '1s',
      },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: 2,
        launchType: 'FARGATE',
        fidelity,
        healthCheckGracePeriodSeconds: 600,
        loadBalancer: { deregistrationDelay: '30s', healthCheck: { interval: '30s', unhealthyThreshold: 2, healthyThreshold: 2 } },
        workload: { requestRate: { constant: RATE }, perTask: { capacityRps: 100 } },
        ...extra.service,
      },
    },
  };
}
