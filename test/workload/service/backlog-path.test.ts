// What requests served behind a fluid backlog saw ahead of them (hand-computed cases).
import { describe, it, expect } from 'vitest';
import { backlogSeen, fitServedTo, newBacklogSeen } from '../../../src/workload/service/backlog-path.js';

describe('backlogSeen', () => {
  it('no backlog and arrivals below the rate: nothing served backlogged', () => {
    const o = newBacklogSeen();
    backlogSeen(0, 3000, 0.1, 60_000, 100, o);
    expect(o.lineServed + o.fullServed).toBe(0);
  });

  it('overload from empty: fills the cap, then full; waits scaled by rate / lambda while filling', () => {
    // lambda 0.15/ms, rate 0.1/ms: +0.05/ms, cap 100 reached after 2 000 ms.
    const o = newBacklogSeen();
    backlogSeen(0, 9000, 0.1, 60_000, 100, o);
    expect(o.lineServed).toBeCloseTo(200, 9);
    const b = (100 * 2) / 3 + 1; // D at the end of the line: q rate / lambda + 1
    expect(o.lineDepartures).toBeCloseTo((1 + b) / 2, 9);
    expect(o.lineDeparturesVar).toBeCloseTo(((b - 1) * (b - 1)) / 12, 9);
    expect(o.fullServed).toBeCloseTo(5800, 9);
    // x = 2/3: free places seen ~ geometric, mean 1/(1-x) = 3 (x^100 negligible), variance x/(1-x)^2 = 6.
    expect(o.fullDepartures).toBeCloseTo(100 + 1 - 3, 9);
    expect(o.fullDeparturesVar).toBeCloseTo(6, 9);
  });

  // draining (FIFO: the head part D = q0 + 1, then D from q0 + 1 down to 1): http-drain-fifo.test.ts

  it('a full queue at lambda just above the rate: free places nearly uniform (mean (K+1)/2)', () => {
    const o = newBacklogSeen();
    backlogSeen(100, 0.1 * 60_000 * (1 + 1e-12), 0.1, 60_000, 100, o);
    expect(o.fullDepartures).toBeCloseTo(100 + 1 - 50.5, 6);
    expect(o.fullDeparturesVar).toBeCloseTo(10000 / 12, 6);
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
});
