// `requests_queued` (PeriodStats.waiting) is the requests WAITING at the period end, not in
// service (docs/outputs.md), in both fidelities: http, the tasks' queues; queue services,
// the visible messages. PeriodStats.queued keeps "accepted, not completed" for the
// conservation check (waiting + in service in request fidelity).

import { describe, it, expect } from 'vitest';
import { build, runPeriod, runPeriods } from './harness.js';

const overloaded = (fidelity: 'fluid' | 'request') => ({
  type: 'http' as const,
  perTask: { concurrency: 4, serviceTime: { distribution: 'exponential' as const, mean: 40 } },
  maxQueuePerTask: 200,
  fidelity,
  routing: 'random' as const,
});

describe('requests waiting at the period end', () => {
  it('one http task at rho 1.5 (150/s against 4 / 40 ms = 100/s), queue capped at 200: both fidelities report the nearly full queue waiting (fluid: the M/M/4/204 mean 200 - r / (1 - r) = 198, r = 1 / 1.5; request fidelity: within a few departures of the cap); the 4 in service are not counted', () => {
    const f = build(overloaded('fluid'), 150);
    f.model.setInRotation('a', true, 0);
    const fs = runPeriod(f.sim, f.model, 0, 60_000);
    expect(fs.waiting).toBeCloseTo(198, 9);
    expect(fs.queued).toBeCloseTo(198, 9);
    const r = build(overloaded('request'), 150, 4);
    r.model.setInRotation('a', true, 0);
    const rs = runPeriod(r.sim, r.model, 0, 60_000);
    // 50 requests/s more than served for 60 s: the queue is (nearly) full at the end, and
    // with a request waiting all 4 slots are busy (FIFO per task)
    expect(rs.waiting).toBeGreaterThan(190);
    expect(rs.waiting).toBeLessThanOrEqual(200);
    expect(rs.queued - rs.waiting).toBe(4);
  });

  it('request fidelity, service longer than the period (fixed 100 s, concurrency 2): of N arrivals, 2 are in service and N - 2 wait', () => {
    const { sim, model } = build({ type: 'http', perTask: { concurrency: 2, serviceTime: { distribution: 'fixed', value: 100_000 } }, maxQueuePerTask: 1000, fidelity: 'request', routing: 'random' }, 0.5, 2);
    model.setInRotation('a', true, 0);
    const s = runPeriod(sim, model, 0, 60_000);
    expect(s.served).toBe(0);
    expect(s.offered).toBeGreaterThan(2);
    expect(s.queued).toBe(s.offered);
    expect(s.waiting).toBe(s.offered - 2);
  });

  it('queue services: waiting = the visible messages (backlog), in-flight ones excluded', () => {
    const worker = (fidelity: 'fluid' | 'request') => ({ type: 'queue' as const, perTask: { concurrency: 4, serviceTime: { distribution: 'fixed' as const, value: 200 } }, fidelity });
    for (const fidelity of ['fluid', 'request'] as const) {
      const { sim, model } = build(worker(fidelity), 40, 3);
      model.setInRotation('w', true, 0);
      const s = runPeriod(sim, model, 0, 60_000);
      expect(s.waiting, fidelity).toBe(s.backlog);
      // 40/s against 4 / 0.2 s = 20/s: about 1200 wait
      expect(s.waiting, fidelity).toBeGreaterThan(1000);
      if (fidelity === 'request') expect(s.queued - s.waiting).toBe(4);
    }
  });
});

describe('timeseries.csv requests_queued', () => {
  it('is the waiting count: for a request-fidelity queue worker it equals backlog (in-flight messages excluded)', async () => {
    const { runKeepingRows } = await import('../../helpers.js');
    const r = runKeepingRows(
      {
        name: 'waiting',
        duration: '10m',
        cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '1s' } } } },
        taskDefinitions: { w: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { app: { cpu: 256, memory: 512 } }, startup: { imagePull: '1s', containerStart: '1s' } } },
        services: { w: { taskDefinition: 'w', desiredCount: 1, launchType: 'EC2', fidelity: 'request', workload: { type: 'queue', requestRate: 40, perTask: { concurrency: 4, serviceTime: { distribution: 'fixed', value: '200ms' } } } } },
      },
      { seed: 1 },
    );
    expect(r.timeseries.length).toBe(10);
    for (const row of r.timeseries) {
      expect(row.queued).toBe(row.backlog);
      expect(row.queued).toBeGreaterThan(0);
    }
  });
});

// Erlang C by its textbook sum, written out here (not the model's erlangC):
// C(c, a) = (a^c / c!) (c / (c - a)) / (sum_{k<c} a^k / k! + (a^c / c!) (c / (c - a))).
function erlangCByHand(c: number, a: number): number {
  let term = 1; // a^k / k!
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term * (c / (c - a));
  return top / (sum + top);
}

describe('fluid fidelity: the waiting queue below capacity (Little: Lq = lambda x Wq)', () => {
  it('queue worker, 10 slots (10 workers of concurrency 1), exponential 30 s, 0.32 msg/s (rho 0.96): backlog = Erlang C Lq = C(10, 9.6) x 0.96 / 0.04 ~ 20.6, not 0', () => {
    const c = 10;
    const a = 0.32 * 30; // offered load, Erlangs
    const C = erlangCByHand(c, a);
    const lq = (C * (a / c)) / (1 - a / c); // M/M/c: Lq = C rho / (1 - rho)
    expect(lq).toBeGreaterThan(20);
    expect(lq).toBeLessThan(21);
    const { sim, model } = build({ type: 'queue', perTask: { concurrency: 1, serviceTime: { distribution: 'exponential', mean: 30_000 } }, fidelity: 'fluid' }, 0.32);
    for (let i = 0; i < c; i++) model.setInRotation(`w${i}`, true, 0);
    const stats = runPeriods(sim, model, 0, 5, 60_000);
    for (const s of stats) {
      // below capacity the fluid excess is 0: all of it is the stationary queue, within 1 %
      expect(Math.abs(s.backlog! - lq) / lq).toBeLessThan(0.01);
      expect(s.waiting).toBe(s.backlog);
      // and it agrees with the wait the model gives (Little), 0.32 msg/s x mean wait
      expect(s.backlog! / (0.32 * (s.meanWaitMs! / 1000))).toBeCloseTo(1, 6);
    }
    // what BacklogPerTask reads: 20.6 / 10 = 2.06 per task, above a target of 1.5
    expect(stats[4].backlog! / c).toBeGreaterThan(2);
  });

  it('http, one task of 4 slots, exponential 40 ms, 80 req/s (rho 0.8), a large buffer: requests_queued = the M/M/4 Lq = C(4, 3.2) x 0.8 / 0.2, not 0', () => {
    const C = erlangCByHand(4, 3.2);
    const lq = (C * 0.8) / 0.2;
    const { sim, model } = build({ type: 'http', perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: 40 } }, maxQueuePerTask: 100_000, fidelity: 'fluid', routing: 'random' }, 80);
    model.setInRotation('a', true, 0);
    // the first period the task is new (handled alone), then a steady cohort: both the same
    for (const s of runPeriods(sim, model, 0, 3, 60_000)) {
      expect(s.queued).toBe(0); // the fluid excess (what conservation counts)
      expect(Math.abs(s.waiting - lq) / lq).toBeLessThan(0.01);
    }
  });

  it('http, least-outstanding over 2 tasks of 2 slots, the same 80 req/s: P(wait) of the pooled 4 slots, the wait at its own task (routed-wait.ts)', () => {
    // a request waits with the pooled queue's probability (Erlang C over 4 slots, a = 3.2)
    // and then for its own task's 2 slots: mean wait 1 / (2 mu (1 - rho^2)), mu = 1/40 per
    // ms, rho = 0.8; Little: Lq = lambda x C x that = 0.08 x C x 40 / (2 x 0.36) = C x 4.44
    // (the pooled M/M/4 queue would give C x rho / (1 - rho) = C x 4)
    const lq = (0.08 * erlangCByHand(4, 3.2) * 40) / (2 * (1 - 0.8 * 0.8));
    const { sim, model } = build({ type: 'http', perTask: { concurrency: 2, serviceTime: { distribution: 'exponential', mean: 40 } }, maxQueuePerTask: 100_000, fidelity: 'fluid', routing: 'least-outstanding' }, 80);
    model.setInRotation('a', true, 0);
    model.setInRotation('b', true, 0);
    for (const s of runPeriods(sim, model, 0, 3, 60_000)) {
      expect(s.queued).toBe(0);
      expect(Math.abs(s.waiting - lq) / lq).toBeLessThan(0.01);
    }
  });
});

describe('round-robin\'s steady queue with a small buffer (the truncated wait)', () => {
  it('http, round-robin over 4 tasks of concurrency 1, exponential 100 ms, 7 req/s each (rho 0.7), maxQueuePerTask 20: requests_queued = 4 x the E_4/M/1 Lq = rho sigma / (1 - sigma) each (0.866), not the Allen-Cunneen 1.02', () => {
    // each task sees every 4th arrival of a Poisson stream: Erlang-4 interarrivals, E_4/M/1.
    // sigma solves sigma = (4 lambda / (4 lambda + mu (1 - sigma)))^4 (bisection on the
    // fixed point, lambda / mu = rho); a request waits with P sigma, then Exp(mu (1 - sigma)):
    // W = sigma / (mu (1 - sigma)), Lq = lambda W = rho sigma / (1 - sigma). The buffer of
    // 20 cuts the queue with weight about sigma^20 (1e-5): it barely matters.
    const rho = 0.7;
    const f = (x: number) => Math.pow((4 * rho) / (4 * rho + 1 - x), 4) - x;
    let lo = 0.01;
    let hi = 0.99;
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (f(mid) > 0) lo = mid;
      else hi = mid;
    }
    const sigma = (lo + hi) / 2;
    const lqTask = (rho * sigma) / (1 - sigma);
    expect(lqTask).toBeCloseTo(0.8657, 3);
    const { sim, model } = build({ type: 'http', perTask: { concurrency: 1, serviceTime: { distribution: 'exponential', mean: 100 } }, maxQueuePerTask: 20, fidelity: 'fluid', routing: 'round-robin' }, 28);
    for (const id of ['a', 'b', 'c', 'd']) model.setInRotation(id, true, 0);
    for (const s of runPeriods(sim, model, 0, 3, 60_000)) {
      expect(s.queued).toBe(0);
      expect(Math.abs(s.waiting - 4 * lqTask) / (4 * lqTask)).toBeLessThan(0.01);
    }
  });
});

describe('timeseries.csv backlog in fluid fidelity below capacity', () => {
  it('10 workers of concurrency 1, exponential 30 s, 0.32 msg/s from 2 min (all running): backlog reads Erlang C Lq (20.6, 2.06 per task) every period, and a BacklogPerTask alarm above 1.5 fires', async () => {
    const { runKeepingRows } = await import('../../helpers.js');
    const r = runKeepingRows(
      {
        name: 'erlang',
        duration: '30m',
        cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: {} } },
        taskDefinitions: { w: { cpu: 256, memory: 512, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], containerDefinitions: { app: { cpu: 256, memory: 512 } }, startup: { imagePull: '1s', containerStart: '1s' } } },
        services: {
          w: {
            taskDefinition: 'w',
            desiredCount: 10,
            launchType: 'FARGATE',
            workload: { type: 'queue', requestRate: { step: { from: 0, to: 0.32, at: '2m' } }, perTask: { concurrency: 1, serviceTime: { distribution: 'exponential', mean: '30s' } } },
            autoScaling: {
              minCapacity: 10,
              maxCapacity: 10,
              policies: { backlog: { policyType: 'StepScaling', alarm: { metricName: 'BacklogPerTask', threshold: 1.5, comparisonOperator: 'GreaterThanThreshold', evaluationPeriods: 3 }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] } },
            },
          },
        },
      },
      { seed: 1 },
    );
    let term = 1;
    let sum = 0;
    for (let k = 0; k < 10; k++) {
      sum += term;
      term *= 9.6 / (k + 1);
    }
    const top = term * (10 / 0.4);
    const lq = ((top / (sum + top)) * 0.96) / 0.04;
    // the messages start at 2 min, when all 10 workers run (started in the first minute)
    const steady = r.timeseries.slice(2);
    expect(steady).toHaveLength(28);
    for (const row of steady) {
      expect(row.runningCount).toBe(10);
      expect(Math.abs(row.backlog! - lq) / lq).toBeLessThan(0.01);
    }
    expect(r.events.some((e) => e.type === 'alarm-state' && /AlarmHigh|backlog/.test(e.message) && /-> ALARM/.test(e.message))).toBe(true);
  });
});

describe('fluid fidelity: a queue worker above capacity (the stationary queue does not add to the fluid backlog)', () => {
  // One worker of concurrency 1, exponential 100 ms: capacity 10 msg/s. At 100 msg/s each
  // minute sends 6000 and the worker takes 600, so the visible messages grow by 5400 a
  // minute: 5400, 10800, 16200. Before the fix the M/M/1 waiting queue at rho 0.98
  // (0.98^2 / 0.02 = 48.02) was added on top of the fluid backlog every period.
  const worker = { type: 'queue' as const, perTask: { concurrency: 1, serviceTime: { distribution: 'exponential' as const, mean: 100 } }, fidelity: 'fluid' as const };

  it('100 msg/s against 10 msg/s: visible = sent - taken = 5400 more each minute, not + 48.02', () => {
    const { sim, model } = build(worker, 100);
    model.setInRotation('w', true, 0);
    const stats = runPeriods(sim, model, 0, 3, 60_000);
    let sent = 0;
    let taken = 0;
    for (let i = 0; i < 3; i++) {
      sent += 6000;
      taken += 600;
      const s = stats[i];
      expect(s.served).toBeCloseTo(600, 6);
      expect(s.backlog!).toBeLessThanOrEqual(sent - taken + 1e-6);
      expect(s.backlog!).toBeCloseTo(5400 * (i + 1), 6);
      expect(s.waiting).toBe(s.backlog);
    }
  });

  it('below capacity the stationary queue is unchanged: 5 msg/s (rho 0.5) holds the M/M/1 Lq = 0.5^2 / 0.5 = 0.5', () => {
    const { sim, model } = build(worker, 5);
    model.setInRotation('w', true, 0);
    for (const s of runPeriods(sim, model, 0, 3, 60_000)) {
      expect(s.served).toBeCloseTo(300, 6);
      expect(s.backlog!).toBeCloseTo(0.5, 6);
    }
  });

  it('just above capacity, a fluid backlog smaller than the stationary queue: visible is the stationary queue at rho 0.98 (48.02), the larger of the two, as the latency takes the longer wait', () => {
    // 10.001 msg/s: the fluid backlog grows by 0.06 a minute, far below 0.98^2 / 0.02
    const { sim, model } = build(worker, 10.001);
    model.setInRotation('w', true, 0);
    for (const s of runPeriods(sim, model, 0, 3, 60_000)) expect(s.backlog!).toBeCloseTo(0.98 ** 2 / 0.02, 6);
  });
});

describe('fluid fidelity: an http task above capacity (the stationary queue does not add to the fluid backlog)', () => {
  // One task of concurrency 1, exponential 100 ms: capacity 10 req/s. At 20 req/s each
  // minute routes 1200 to it and it serves 600, so its queue grows by 600 a minute: 600,
  // 1200, 1800 (a buffer of 100 000 never fills). Before the fix the M/M/1 waiting queue at
  // rho 0.98 (0.98^2 / 0.02 = 48.02) was added on top of the fluid backlog every period.
  const web = (routing: 'round-robin' | 'random' | 'least-outstanding') => ({
    type: 'http' as const,
    perTask: { concurrency: 1, serviceTime: { distribution: 'exponential' as const, mean: 100 } },
    maxQueuePerTask: 100_000,
    fidelity: 'fluid' as const,
    routing,
  });
  const mm1Lq = (rho: number) => rho ** 2 / (1 - rho);

  it('random, a second task joins rotation mid-period (the period balanced by sub-interval): 16 req/s, a alone for 30 s (480 routed, 300 served: 180 queued), then 8 req/s each: a 180 + 240 - 300 = 120 queued, b at rho 0.8 the M/M/1 Lq 0.8^2 / 0.2 = 3.2; waiting 123.2 (before: a 120 + 3.2 on top, 126.4)', () => {
    const { sim, model } = build(web('random'), 16);
    model.setInRotation('a', true, 0);
    sim.run(30_000);
    model.setInRotation('b', true, 30_000);
    const s = runPeriod(sim, model, 0, 60_000);
    expect(s.offered).toBeCloseTo(960, 6);
    expect(s.served).toBeCloseTo(300 + 300 + 240, 6);
    expect(s.queued).toBeCloseTo(120, 6);
    expect(s.waiting).toBeCloseTo(120 + mm1Lq(0.8), 6);
  });

  for (const routing of ['round-robin', 'random', 'least-outstanding'] as const) {
    it(`${routing}: 1 task, 20 req/s against 10 req/s: waiting = sent - served = 600 more each minute, not + 48.02`, () => {
      const { sim, model } = build(web(routing), 20);
      model.setInRotation('a', true, 0);
      const stats = runPeriods(sim, model, 0, 3, 60_000);
      for (let i = 0; i < 3; i++) {
        const s = stats[i];
        expect(s.offered).toBeCloseTo(1200, 6);
        expect(s.served).toBeCloseTo(600, 6);
        expect(s.rejected).toBeCloseTo(0, 6);
        expect(s.waiting).toBeLessThanOrEqual(1200 * (i + 1) - 600 * (i + 1) + 1e-6);
        expect(s.waiting).toBeCloseTo(600 * (i + 1), 6);
      }
    });

    it(`${routing}: 2 tasks at 40 req/s: the two queues, 2 x 600 more each minute`, () => {
      const { sim, model } = build(web(routing), 40);
      model.setInRotation('a', true, 0);
      model.setInRotation('b', true, 0);
      const stats = runPeriods(sim, model, 0, 3, 60_000);
      for (let i = 0; i < 3; i++) expect(stats[i].waiting).toBeCloseTo(1200 * (i + 1), 6);
    });

    it(`${routing}: below capacity the stationary queue is unchanged: 5 req/s (rho 0.5) holds the M/M/1 Lq = 0.5^2 / 0.5 = 0.5`, () => {
      const { sim, model } = build(web(routing), 5);
      model.setInRotation('a', true, 0);
      for (const s of runPeriods(sim, model, 0, 3, 60_000)) {
        expect(s.served).toBeCloseTo(300, 6);
        expect(s.waiting).toBeCloseTo(mm1Lq(0.5), 6);
      }
    });

    it(`${routing}: just above capacity (10.001 req/s), a fluid backlog (0.06 a minute) smaller than the stationary queue: waiting is the stationary queue at rho 0.98, 48.02, the larger of the two`, () => {
      const { sim, model } = build(web(routing), 10.001);
      model.setInRotation('a', true, 0);
      for (const s of runPeriods(sim, model, 0, 3, 60_000)) {
        expect(s.queued).toBeLessThan(1);
        expect(s.waiting).toBeCloseTo(mm1Lq(0.98), 6);
      }
    });
  }
});
