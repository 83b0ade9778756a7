// What requests served behind a fluid backlog saw ahead of them (hand-computed cases).
import { describe, it, expect } from 'vitest';
import { backlogSeen, fitServedTo, fullRange, newBacklogSeen, newQueueRange } from '../../../src/workload/service/backlog-path.js';

describe('backlogSeen', () => {
  it('no backlog and arrivals below the rate: nothing served backlogged', () => {
    const o = newBacklogSeen();
    backlogSeen(0, 3000, 0.1, 60_000, 100, o);
    expect(o.lineServed + o.fullServed).toBe(0);
  });

  it('overload from empty: fills the cap, then full; FIFO, the arrivals before the fill first, then those admitted at the cap', () => {
    // lambda 0.15/ms, rate 0.1/ms: +0.05/ms, cap 100 reached after 2 000 ms. The 300 that
    // arrived by then found 0 up to 100 ahead (D 1 -> 101, uniform: mean 51) and are served
    // first (0-3 000 ms); then 5 700 of those admitted at the cap, at its law; the last 100
    // admitted are left.
    const o = newBacklogSeen();
    backlogSeen(0, 9000, 0.1, 60_000, 100, o);
    expect(o.lineServed).toBeCloseTo(300, 9);
    expect(o.lineDepartures).toBeCloseTo(51, 9);
    expect(o.lineDeparturesVar).toBeCloseTo((100 * 100) / 12, 9);
    expect(o.fullServed).toBeCloseTo(5700, 9);
    // x = 2/3: free places seen ~ geometric, mean 1/(1-x) = 3 (x^100 negligible), variance x/(1-x)^2 = 6.
    expect(o.fullDepartures).toBeCloseTo(100 + 1 - 3, 9);
    expect(o.fullDeparturesVar).toBeCloseTo(6, 9);
    expect(o.end.backFirst).toBe(0);
    expect(o.end.full).toBeCloseTo(100, 9);
  });

  // draining (FIFO: the head part D = q0 + 1, then D from q0 + 1 down to 1): http-drain-fifo.test.ts

  it('a full queue at lambda just above the rate: free places nearly uniform (mean (K+1)/2)', () => {
    const o = newBacklogSeen();
    backlogSeen(100, 0.1 * 60_000 * (1 + 1e-12), 0.1, 60_000, 100, o);
    expect(o.fullDepartures).toBeCloseTo(100 + 1 - 50.5, 6);
    expect(o.fullDeparturesVar).toBeCloseTo(10000 / 12, 6);
  });

  it('a queue held full the whole period: every request served was admitted at the cap, none is the head\'s line', () => {
    // q0 10 = cap 10, lambda 120 / 60 000 = 0.002/ms above the rate 0.001/ms: the queue
    // stays full, so lineMs = 0 and the 0.001 x 60 000 = 60 served are all at the full
    // queue's law (the 10 at the start were themselves admitted behind a full queue). x =
    // 0.5, x^10 = 1/1024: E[free] = 1/(1 - x) - K x^K / (1 - x^K) = 2 - 10 / 1023, D = 11 -
    // E[free]; Var = min(x / (1 - x)^2, K^2 / 12) = min(2, 8.33) = 2. The queue left is 10
    // admitted at the cap again (a held-full range).
    const freeMean = 2 - 10 / 1023;
    const heads = [undefined, newQueueRange()];
    fullRange(heads[1]!, 10);
    for (const head of heads) {
      const o = newBacklogSeen();
      backlogSeen(10, 120, 0.001, 60_000, 10, o, head);
      expect(o.headServed).toBe(0);
      expect(o.lineServed).toBe(0);
      expect(o.fullServed).toBeCloseTo(60, 9);
      expect(o.fullDepartures).toBeCloseTo(11 - freeMean, 9);
      expect(o.fullDepartures).toBeCloseTo(9.00978, 5);
      expect(o.fullDeparturesVar).toBeCloseTo(2, 9);
      expect([o.end.front, o.end.backFirst, o.end.backLast]).toEqual([0, 0, 0]);
      expect(o.end.full).toBeCloseTo(10, 9);
    }
  });

  it('nothing served (rate 0): the queue kept, the arrivals joined behind it up to the cap', () => {
    // 10 queued (no range given, below the cap 50: one segment at D q0 + 1 = 11), 100 arrive,
    // none served: the queue grows to min(50, 110) = 50, the last admitted at D 50 + 1 (the
    // rest rejected)
    const o = newBacklogSeen();
    backlogSeen(10, 100, 0, 60_000, 50, o);
    expect(o.lineServed + o.fullServed).toBe(0);
    expect(o.end).toEqual({ front: 0, frontFirst: 0, frontLast: 0, backFirst: 11, backLast: 51, full: 0 });
  });
});

describe('fitServedTo', () => {
  it('scales the parts to the fluid count when a queue is left over or they exceed it, and leaves them otherwise', () => {
    const seen = { ...newBacklogSeen(), lineServed: 30, fullServed: 10 };
    fitServedTo(seen, 20, 5); // a queue left: everything (20) was served backlogged, split 3:1
    expect([seen.lineServed, seen.fullServed]).toEqual([15, 5]);
    const under = { ...newBacklogSeen(), lineServed: 6, fullServed: 2 };
    fitServedTo(under, 20, 0); // drained within the period: 12 more served without a backlog
    expect([under.lineServed, under.fullServed]).toEqual([6, 2]);
    // nothing served backlogged (a queue left by a rounding error): the requests go to the
    // G/G/c groups (it made them all a zero-wait backlogged group)
    const none = { ...newBacklogSeen() };
    fitServedTo(none, 20, 3);
    expect([none.lineServed, none.fullServed]).toEqual([0, 0]);
  });

  it('a queue left over (rest > 0) with the parts below the fluid count: scaled up to it, the head with them', () => {
    // 8 + 0 served backlogged but 10 done and 3 left: all 10 were served backlogged, k =
    // 10 / 8 = 1.25: lineServed 10, headServed 2 x 1.25 = 2.5, fullServed 10 - 10 = 0
    const seen = { ...newBacklogSeen(), lineServed: 8, headServed: 2, fullServed: 0 };
    fitServedTo(seen, 10, 3);
    expect([seen.lineServed, seen.headServed, seen.fullServed]).toEqual([10, 2.5, 0]);
  });
});
