// A queue worker behind a load balancer pulls messages from its application start, healthy
// or not: target group health decides where the load balancer routes requests and which
// tasks ECS marks unhealthy, nothing ties SQS polling to it. Fluid fidelity, 10 msg/s constant.
// Tasks: provisioningDelay 10 s + imagePull 5 s + containerStart 5 s: RUNNING at 20 s.
import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(opts: { applicationStart: string; concurrency: number; healthCheck: object; grace?: number }) {
  return {
    name: 'queue-lb-pulling',
    seed: 1,
    start: '2026-03-02T09:00:00Z',
    duration: '2m',
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: { provisioningDelay: '10s' } } },
    taskDefinitions: {
      worker: {
        cpu: 512,
        memory: 1024,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        containerDefinitions: { worker: { cpu: 512, memory: 1024, portMappings: [{ containerPort: 8080 }] } },
        startup: { imagePull: '5s', containerStart: '5s', applicationStart: opts.applicationStart },
      },
    },
    services: {
      worker: {
        taskDefinition: 'worker',
        desiredCount: 1,
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
        launchType: 'FARGATE',
        availabilityZoneRebalancing: 'DISABLED',
        healthCheckGracePeriodSeconds: opts.grace ?? 0,
        loadBalancer: { healthCheck: opts.healthCheck },
        workload: { type: 'queue', requestRate: { constant: 10 }, perTask: { concurrency: opts.concurrency, serviceTime: '50ms' } },
      },
    },
  };
}

function minute(r: ReturnType<typeof runKeepingRows>, at: number) {
  const row = r.timeseries.find((x) => x.time === at)!;
  return { served: row.requestsServed, backlog: row.backlog };
}

describe('a queue worker behind a load balancer', () => {
  it('pulls from RUNNING + application start, not from its first passing check', () => {
    // interval 60 s: healthy at 80 s. Application at once: pulls from 20 s, 4 slots x 50 ms
    // = 80 msg/s, so the 200 waiting at 20 s are gone 200 / 70 = 2.9 s later: the first
    // minute serves all its 600 arrivals, none visible at its end (pulling from 80 s: 0
    // served, 600 visible)
    const r = runKeepingRows(scenario({ applicationStart: '0s', concurrency: 4, healthCheck: { interval: '60s' } }), { seed: 1 });
    // (the fluid queue keeps a steady-state residue of 0.0001 message at 10 / 80 load)
    for (const at of [0, 60_000]) {
      const m = minute(r, at);
      expect(m.served).toBeCloseTo(600, 2);
      expect(m.backlog).toBeCloseTo(0, 2);
    }
  });

  it('keeps pulling while marked unhealthy', () => {
    // interval 10 s, thresholds 5 and 3, application 45 s after RUNNING, 1 slot x 50 ms = 20
    // msg/s. worker-1 (RUNNING 20 s): checks at 30, 40, 50 s fail: unhealthy and marked at
    // 50 s (no grace period); the application answers at 65 s: it pulls from then. Its
    // replacement (RUNNING 70 s, application 115 s) fails its checks at 80, 90, 100 s and is
    // stopped at 100 s (worker-1 passes from 70 s, healthy at 110 s; either way the one
    // unhealthy task stops) before it answers. Minute [60, 120) s: 650 waiting at 65 s,
    // served at 20/s to 120 s: 55 x 20 = 1 100 served, 1 200 - 1 100 = 100 visible at 120 s
    // (pulling only once healthy at 110 s: 200 served, 1 000 visible).
    const r = runKeepingRows(scenario({ applicationStart: '45s', concurrency: 1, healthCheck: { interval: '10s', healthyThreshold: 5, unhealthyThreshold: 3 } }), { seed: 1 });
    expect(r.events.some((e) => e.type === 'task-unhealthy' && e.subject === 'worker-1')).toBe(true);
    expect(minute(r, 0)).toEqual({ served: 0, backlog: 600 });
    const m = minute(r, 60_000);
    expect(m.served).toBeCloseTo(1100, 6);
    expect(m.backlog).toBeCloseTo(100, 6);
  });

  it('gets no request from the load balancer: RequestCountPerTarget 0 while a target is registered, empty with none', () => {
    // the load balancer never sees a pulled message: each minute serves ~600 messages, and
    // the target group receives 0 requests (its 1 target registered from 20 s); both fidelities
    for (const fidelity of ['fluid', 'request'] as const) {
      const s = scenario({ applicationStart: '0s', concurrency: 4, healthCheck: { interval: '10s' } });
      const worker = { ...s.services.worker, fidelity };
      const r = runKeepingRows({ ...s, services: { worker } }, { seed: 1 });
      for (const row of r.timeseries) {
        expect(row.requestsServed, `${fidelity} ${row.time}`).toBeGreaterThan(500);
        expect(row.requestCountPerTarget, `${fidelity} ${row.time}`).toBe(0);
      }
      // no task: no registered target, no datapoint
      const none = runKeepingRows({ ...s, services: { worker: { ...worker, desiredCount: 0 } } }, { seed: 1 });
      for (const row of none.timeseries) expect(row.requestCountPerTarget, `${fidelity} ${row.time}`).toBe(null);
    }
  });
});
