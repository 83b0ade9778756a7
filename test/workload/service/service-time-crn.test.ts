// Common random numbers at request fidelity: a request's service time belongs to its
// arrival (drawn as it arrives, whatever becomes of it), so two variants that differ in
// the number of tasks (hence in queueing, rejections and start order) give the same arrival
// the same service time, and a queue message returned by a stopped task restarts with the
// service time it had.
//
// Observed through the model's start(r, s, t): after it, the request's exact arrival time
// and its departure time less t (its service time, to rounding) are in the model's typed
// arrays.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestServiceModel } from '../../../src/workload/service/request-model.js';
import { runKeepingRows } from '../../helpers.js';
import { build } from './harness.js';

type Internals = { arrT: Float64Array; doneT: Float64Array };

/** Records (arrival time, service time) of every request start while `fn` runs. */
function recordStarts(fn: () => void): Array<[number, number]> {
  const starts: Array<[number, number]> = [];
  const proto = RequestServiceModel.prototype as unknown as { start(r: number, s: number, t: number): void };
  const original = proto.start;
  const spy = vi.spyOn(proto, 'start').mockImplementation(function (this: Internals, r: number, s: number, t: number) {
    original.call(this, r, s, t);
    starts.push([this.arrT[r], this.doneT[r] - t]);
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return starts;
}

afterEach(() => vi.restoreAllMocks());

function oneService(desiredCount: number) {
  return {
    name: 'one',
    seed: 5,
    start: '2026-03-02T09:00:00Z',
    duration: '10m',
    cluster: { availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], capacityProviders: { FARGATE: {} } },
    taskDefinitions: {
      web: {
        cpu: 256,
        memory: 512,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        containerDefinitions: { app: { cpu: 256, memory: 512, portMappings: [{ containerPort: 8080 }] } },
        startup: { imagePull: '10s', containerStart: '2s' },
      },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount,
        launchType: 'FARGATE',
        loadBalancer: { routing: 'round-robin' },
        fidelity: 'request',
        workload: {
          type: 'http',
          requestRate: { constant: 250 },
          perTask: { capacityRps: 100, concurrency: 4, serviceTime: { distribution: 'exponential', mean: '40ms' } },
          maxQueuePerTask: 5,
        },
      },
    },
  };
}

describe('request fidelity: common random numbers for service times', () => {
  it('desiredCount 3 and 5 (other queueing, rejections and start order) give every arrival served in both the same service time', () => {
    const run = (n: number) => {
      const starts = recordStarts(() => runKeepingRows(oneService(n), { seed: 5 }));
      return { starts, byArrival: new Map(starts) };
    };
    const three = run(3);
    const five = run(5);
    // 3 tasks at 250/s of 300/s capacity queue and reject; 5 tasks seldom do
    expect(three.starts.length).toBeGreaterThan(100_000);
    expect(three.byArrival.size).toBe(three.starts.length); // arrival times name requests
    let common = 0;
    let same = 0;
    for (const [a, svc] of three.byArrival) {
      const other = five.byArrival.get(a);
      if (other === undefined) continue;
      common++;
      if (Math.abs(other - svc) < 1e-6) same++; // (t + svc) - t rounds
    }
    expect(common).toBeGreaterThan(0.9 * three.starts.length);
    expect(same).toBe(common);
  });

  it('a queue message returned by a stopped task restarts with the service time it had', () => {
    const { sim, model } = build(
      { type: 'queue', perTask: { concurrency: 1, serviceTime: { distribution: 'exponential', mean: 2000 } }, fidelity: 'request' },
      20,
    );
    const starts = recordStarts(() => {
      model.setInRotation('a', true, 0);
      model.setInRotation('b', true, 0);
      sim.run(1000);
      // every message in flight at a and b goes back to the head of the queue, then to c
      model.removeTask('a', 1000);
      model.removeTask('b', 1000);
      model.setInRotation('c', true, 1000);
      sim.run(60_000);
    });
    const first = new Map<number, number>();
    let restarts = 0;
    for (const [a, svc] of starts) {
      const had = first.get(a);
      if (had === undefined) first.set(a, svc);
      else {
        restarts++;
        expect(svc).toBeCloseTo(had, 6);
      }
    }
    expect(restarts).toBe(2);
  });
});
