import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Simulator, EventQueue, RandomStreams, sample, lognormalParams, type EventHandle, type Place } from '../../src/engine/index.js';
import { roundMs } from '../../src/engine/simulator.js';

describe('Simulator event order', () => {
  it('runs events in (time, priority, sequence) order — property over random schedules', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 50 }), p: fc.integer({ min: -2, max: 2 }) }), { maxLength: 200 }),
        (items) => {
          const sim = new Simulator();
          const ran: number[] = [];
          items.forEach((it, i) => sim.schedule(it.t, (idx: number) => ran.push(idx), i, it.p));
          sim.run(1000);
          const expected = items
            .map((it, i) => ({ ...it, i }))
            .sort((a, b) => a.t - b.t || a.p - b.p || a.i - b.i)
            .map((x) => x.i);
          expect(ran).toEqual(expected);
        },
      ),
    );
  });

  it('events that schedule and cancel others run as a sorted-list model runs them — property', () => {
    // Each event schedules 0-3 more (0: the queue refills the popped root from its last
    // entry; 1 or more: the first takes the root's place) and may cancel a pending one.
    const child = fc.record({ d: fc.integer({ min: 0, max: 4 }), p: fc.integer({ min: -1, max: 1 }) });
    const step = fc.record({ children: fc.array(child, { maxLength: 3 }), cancel: fc.option(fc.nat({ max: 30 }), { nil: undefined }) });
    type Key = [time: number, priority: number, order: number];
    const before = (a: Key, b: Key) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 6 }), p: fc.integer({ min: -1, max: 1 }) }), { minLength: 1, maxLength: 20 }),
        fc.array(step, { minLength: 1, maxLength: 120 }),
        (initial, steps) => {
          // the same script on the simulator and on the model: the k-th event run takes steps[k]
          // each run also records how many events are pending as it starts (the popped one not counted)
          const play = (schedule: (t: number, p: number) => number, cancel: (n: number) => boolean, runAll: () => void, now: () => number, pending: () => number) => {
            const ran: number[] = [];
            let scheduled = 0;
            const onRun = (n: number) => {
              const s = steps[(ran.length / 2) % steps.length];
              ran.push(n, pending());
              for (const c of s.children) if (scheduled < 400) scheduled = schedule(now() + c.d, c.p) + 1;
              if (s.cancel !== undefined && s.cancel < scheduled) cancel(s.cancel);
            };
            const start = () => {
              for (const it of initial) scheduled = schedule(it.t, it.p) + 1;
              runAll();
            };
            return { ran, onRun, start };
          };
          // the simulator
          const sim = new Simulator();
          const handles: EventHandle[] = [];
          const a = play(
            (t, p) => {
              const n = handles.length;
              handles.push(sim.schedule(t, (k: number) => a.onRun(k), n, p));
              return n;
            },
            (n) => sim.cancel(handles[n]),
            () => sim.run(10_000),
            () => sim.now,
            () => sim.pending,
          );
          a.start();
          // the model: a list of pending keys, the least run first; a cancelled event stays
          // pending (and counted) until its turn, as in the queue, and then does not run
          const pending: Key[] = [];
          const cancelled = new Set<number>();
          let clock = 0;
          let count = 0;
          const b = play(
            (t, p) => {
              pending.push([t, p, count]);
              return count++;
            },
            (n) => {
              if (cancelled.has(n) || !pending.some((k) => k[2] === n)) return false;
              cancelled.add(n);
              return true;
            },
            () => {
              while (pending.length > 0) {
                pending.sort(before);
                const k = pending.shift()!;
                clock = k[0];
                if (!cancelled.has(k[2])) b.onRun(k[2]);
              }
            },
            () => clock,
            () => pending.length,
          );
          b.start();
          expect(a.ran).toEqual(b.ran);
          expect(sim.pending).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cancelled events never run; stale handles are no-ops', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean()), { maxLength: 100 }), (items) => {
        const sim = new Simulator();
        const ran = new Set<number>();
        const handles = items.map(([t], i) => sim.schedule(t, (idx: number) => ran.add(idx), i));
        items.forEach(([, cancel], i) => { if (cancel) expect(sim.cancel(handles[i])).toBe(true); });
        sim.run(100);
        items.forEach(([, cancel], i) => expect(ran.has(i)).toBe(!cancel));
        // handles of events that already ran (or were cancelled) cannot cancel newer events
        const later = sim.schedule(200, (idx: number) => ran.add(idx), 999);
        handles.forEach((h) => sim.cancel(h));
        sim.run(300);
        expect(ran.has(999)).toBe(true);
        expect(sim.cancel(later)).toBe(false);
      }),
    );
  });

  it('a handle stays exact when a slot\'s generation wraps (2 ** 31 reuses)', () => {
    const q = new EventQueue(4);
    const noop = () => {};
    q.push(1, noop, null);
    q.push(2, noop, null); // slot 1
    // slot 1 as if reused 2 ** 31 - 1 times: its next pop takes the generation to 2 ** 31,
    // where slot + generation * 2 ** 22 would round to 2 ** 53 and lose the slot
    (q as unknown as { gen: Uint32Array }).gen[1] = 2 ** 31 - 1;
    const stale = 1 + (2 ** 31 - 1) * 2 ** 22;
    q.popAndRun(); // slot 0
    q.popAndRun(); // slot 1, its generation wraps
    expect(q.push(3, noop, null)).toBe(1); // the most recently freed slot, generation 0
    const ran: number[] = [];
    const h = q.push(3, (x: number) => ran.push(x), 7); // slot 0, generation 1
    expect(q.cancel(stale)).toBe(false);
    expect(q.cancel(h)).toBe(true);
    while (q.peekTime() !== Infinity) q.popAndRun();
    expect(ran).toEqual([]);
  });

  it('refuses a slot past 2 ** 22 events pending at once (its handle would be another slot\'s)', () => {
    const q = new EventQueue(4);
    const noop = () => {};
    q.push(1, noop, null);
    // as if 2 ** 22 - 1 slots were taken and none freed
    (q as unknown as { nextSlot: number }).nextSlot = 2 ** 22 - 1;
    (q as unknown as { tie: Float64Array }).tie = new Float64Array(2 ** 22);
    (q as unknown as { gen: Uint32Array }).gen = new Uint32Array(2 ** 22);
    expect(q.push(2, noop, null)).toBe(2 ** 22 - 1); // the last slot, generation 0
    expect(() => q.push(3, noop, null)).toThrow(/more than 4194304 events pending at once/);
  });

  it('run(until) stops at until, leaves later events pending and sets the clock', () => {
    const sim = new Simulator();
    const ran: number[] = [];
    sim.schedule(10, () => ran.push(10), null);
    sim.schedule(20, () => ran.push(20), null);
    sim.run(15);
    expect(ran).toEqual([10]);
    expect(sim.now).toBe(15);
    expect(sim.pending).toBe(1);
    sim.run(20);
    expect(ran).toEqual([10, 20]);
  });

  it('events scheduled by events run in order, including at the same instant', () => {
    const sim = new Simulator();
    const log: string[] = [];
    sim.schedule(5, () => {
      log.push('a');
      sim.after(0, () => log.push('c'), null);
    }, null);
    sim.schedule(5, () => log.push('b'), null);
    sim.run(10);
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('refuses to schedule in the past', () => {
    const sim = new Simulator();
    sim.run(100);
    expect(() => sim.schedule(50, () => {}, null)).toThrow(/already at 100/);
  });

  it('after: a negative delay runs now, a fraction of a ms rounds, NaN is refused', () => {
    const sim = new Simulator();
    sim.run(100);
    const at: number[] = [];
    sim.after(-5, (_, t) => at.push(t), null);
    sim.after(2.4, (_, t) => at.push(t), null);
    sim.after(2.6, (_, t) => at.push(t), null);
    sim.run(200);
    expect(at).toEqual([100, 102, 103]);
    expect(() => sim.after(NaN, () => {}, null)).toThrow(/NaN/);
  });

  it('roundMs is Math.round over the clock\'s range — property, and the doubles next to halves', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 ** 52, noNaN: true, maxExcluded: true }), (x) => {
        expect(roundMs(x)).toBe(Math.round(x));
      }),
      { numRuns: 2000 },
    );
    const below = (x: number) => {
      // the double just below x (x > 0): its bit pattern less one
      const bits = new BigUint64Array(new Float64Array([x]).buffer);
      bits[0] -= 1n;
      return new Float64Array(bits.buffer)[0];
    };
    expect(below(0.5)).toBe(0.49999999999999994);
    for (const x of [0, 0.5, 0.49999999999999994, 1.5, 2.5, 2 ** 31 + 0.5, 2 ** 32, 2 ** 51 + 0.5, 2 ** 52 - 0.5, 1e12 + 0.5]) {
      for (const y of [x, x > 0 ? below(x) : x, x + Number.EPSILON * Math.max(1, x)]) {
        if (y < 2 ** 52) expect(roundMs(y)).toBe(Math.round(y));
      }
    }
    for (let i = 0; i < 10_000; i++) expect(roundMs(i + 0.5)).toBe(i + 1);
  });

  it('refuses priorities outside -2048 .. 2047 or not integers, at a push and at a held place', () => {
    const sim = new Simulator();
    for (const p of [2048, -2049, 1.5, 1e-300, 2047.0000000000002, NaN, Infinity]) {
      expect(() => sim.after(1, () => {}, null, p)).toThrow(/priority must be an integer from -2048 to 2047/);
      expect(() => sim.holdPlace(p)).toThrow(/priority must be an integer/);
    }
    const at: number[] = [];
    sim.after(1, () => at.push(2047), null, 2047);
    sim.after(1, () => at.push(-2048), null, -2048);
    sim.run(10);
    expect(at).toEqual([-2048, 2047]);
  });

  it('priority 0 (the push without a range check) orders among explicit priorities and by sequence', () => {
    const sim = new Simulator();
    const ran: string[] = [];
    const at = (name: string, priority?: number) => sim.after(5, () => ran.push(name), null, priority);
    at('0a');
    at('1a', 1);
    at('-1a', -1);
    at('0b', 0);
    at('2047', 2047);
    at('-2048', -2048);
    at('0c', -0);
    at('1b', 1);
    at('0d');
    sim.run(10);
    expect(ran).toEqual(['-2048', '-1a', '0a', '0b', '0c', '0d', '1a', '1b', '2047']);
  });

  it('refuses a sequence number past the limit at priority 0 as at the others', () => {
    const q = new EventQueue();
    (q as unknown as { nextSeq: number }).nextSeq = 2 ** 40 - 1;
    q.push(1, () => {}, null); // the last one that fits
    expect(() => q.push(1, () => {}, null)).toThrow(/more than 1099511627776 events/);
    expect(() => q.push(1, () => {}, null, 3)).toThrow(/more than 1099511627776 events/);
  });

  it('grows past its initial capacity', () => {
    const sim = new Simulator();
    let n = 0;
    for (let i = 0; i < 5000; i++) sim.schedule(5000 - i, () => n++, null);
    sim.run(10_000);
    expect(n).toBe(5000);
    expect(sim.eventsProcessed).toBe(5000);
  });
});

describe('RandomStreams', () => {
  it('the same name gives the same sequence; different names differ', () => {
    const a = new RandomStreams(42);
    const b = new RandomStreams(42);
    const xs = Array.from({ length: 5 }, () => a.stream('arrivals/web').next());
    // draw from another stream in between: must not shift 'arrivals/web'
    b.stream('launch-delay').next();
    const ys = Array.from({ length: 5 }, () => b.stream('arrivals/web').next());
    expect(ys).toEqual(xs);
    expect(new RandomStreams(43).stream('arrivals/web').next()).not.toBe(xs[0]);
    expect(a.stream('other').next()).not.toBe(new RandomStreams(42).stream('arrivals/web').next());
  });

  it('a fresh stream draws what the kept stream of that name would, and is not kept', () => {
    const kept = new RandomStreams(42).stream('spot-fargate/web-7');
    const streams = new RandomStreams(42);
    const fresh = streams.fresh('spot-fargate/web-7');
    expect(Array.from({ length: 5 }, () => fresh.next())).toEqual(Array.from({ length: 5 }, () => kept.next()));
    // not kept: asking again starts over, and the kept stream of the name is untouched
    const again = streams.fresh('spot-fargate/web-7');
    expect(again.next()).toBe(new RandomStreams(42).stream('spot-fargate/web-7').next());
    expect(streams.stream('spot-fargate/web-7').next()).toBe(new RandomStreams(42).stream('spot-fargate/web-7').next());
  });

  it('purpose and keys name a stream unambiguously, whatever characters the keys hold', () => {
    const first = (s: RandomStreams, purpose: string, ...keys: string[]) => s.fresh(purpose, ...keys).next();
    const s = new RandomStreams(42);
    // the same parts joined differently are different streams
    expect(first(s, 'task-startup', 'service')).not.toBe(first(s, 'task-startup/service'));
    expect(first(s, 'workload', 'a', 'b/c')).not.toBe(first(s, 'workload', 'a/b', 'c'));
    expect(first(s, 'workload', 'a', 'b')).not.toBe(first(s, 'workload', 'ab'));
    expect(first(s, 'workload', 'a', 'b')).toBe(first(new RandomStreams(42), 'workload', 'a', 'b'));
    expect(s.fresh('spot-ec2', 'sp', '0').next()).toBe(new RandomStreams(42).stream('spot-ec2', 'sp', '0').next());
    // the separator itself can be in no part
    expect(() => s.stream('workload', 'a\u0000b')).toThrow(/NUL/);
    expect(() => s.fresh('a\u0000b')).toThrow(/NUL/);
  });
});

describe('distributions', () => {
  const n = 40_000;
  const draws = (d: Parameters<typeof sample>[0]) => {
    const rng = new RandomStreams(7).stream('d');
    return Array.from({ length: n }, () => sample(d, rng)).sort((x, y) => x - y);
  };
  it('lognormal given median and p95 reproduces both quantiles', () => {
    const xs = draws({ distribution: 'lognormal', median: 90_000, p95: 180_000 });
    expect(xs[Math.floor(n * 0.5)] / 90_000).toBeCloseTo(1, 1);
    expect(xs[Math.floor(n * 0.95)] / 180_000).toBeCloseTo(1, 1);
    // sigma = ln(2)/1.6449
    expect(lognormalParams(90, 180).sigma).toBeCloseTo(Math.log(2) / 1.6448536, 6);
  });
  it('exponential has the given mean; uniform stays in range; fixed is fixed', () => {
    const xs = draws({ distribution: 'exponential', mean: 40 });
    expect(xs.reduce((s, x) => s + x, 0) / n).toBeCloseTo(40, 0);
    const us = draws({ distribution: 'uniform', min: 2, max: 5 });
    expect(us[0]).toBeGreaterThanOrEqual(2);
    expect(us[n - 1]).toBeLessThan(5);
    expect(draws({ distribution: 'fixed', value: 3 })[17]).toBe(3);
  });
  it('normal has the given mean and sd', () => {
    const xs = draws({ distribution: 'normal', mean: 100, sd: 10 });
    const m = xs.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / n);
    expect(m).toBeCloseTo(100, 0);
    expect(sd / 10).toBeCloseTo(1, 1);
  });
});

describe('Simulator places held for events that may never be scheduled', () => {
  // Two runs of one random script. Eager: every hold is an event at once, which does
  // something only if it was "used" before it ran. Held: a hold only takes a place; a use
  // before the loop passes it schedules the event there (scheduleAtPlace), a use after
  // schedules a new event now — as the eager run does when its event has already run. The
  // runs go in chunks (run(until) several times, with holds and uses between them), and
  // events cancel others. The logs must be the same, event for event.
  type Action = { k: 'child'; d: number; p: number } | { k: 'reserve'; p: number } | { k: 'use'; j: number } | { k: 'cancel'; j: number };
  const action = fc.oneof(
    fc.record({ k: fc.constant('child' as const), d: fc.integer({ min: 0, max: 3 }), p: fc.integer({ min: -1, max: 1 }) }),
    fc.record({ k: fc.constant('reserve' as const), p: fc.integer({ min: -1, max: 1 }) }),
    fc.record({ k: fc.constant('use' as const), j: fc.nat({ max: 50 }) }),
    fc.record({ k: fc.constant('cancel' as const), j: fc.nat({ max: 50 }) }),
  );

  function play(scripts: Action[][], starts: { t: number; p: number }[], chunks: number[], between: Action[][], held: boolean): string[] {
    const sim = new Simulator();
    const log: string[] = [];
    let ran = 0;
    // per hold: its place (held run), whether it was used and whether its event ran
    const places: { p: number; place: Place | null; used: boolean; done: boolean }[] = [];
    const children: EventHandle[] = [];
    const act = (a: Action, name: string): void => {
      if (a.k === 'child') children.push(sim.after(a.d, step, `${name}.${children.length}`, a.p));
      else if (a.k === 'cancel') {
        if (children.length > 0) sim.cancel(children[a.j % children.length]);
      } else if (a.k === 'reserve') {
        const r = { p: a.p, place: null as Place | null, used: false, done: false };
        const id = places.length;
        places.push(r);
        if (held) r.place = sim.holdPlace(a.p);
        else sim.after(0, () => { r.done = true; if (r.used) log.push(`R${id}`); }, null, a.p);
      } else if (places.length > 0) {
        const id = a.j % places.length;
        const r = places[id];
        const again = () => sim.after(0, () => log.push(`R${id}'`), null, r.p);
        if (!held) {
          if (r.done) again();
          else r.used = true;
        } else if (!r.used && !sim.isPast(r.place!)) {
          r.used = true;
          sim.scheduleAtPlace(r.place!, () => { r.done = true; log.push(`R${id}`); }, null);
        } else if (r.done || sim.isPast(r.place!)) again();
      }
    };
    function step(name: string): void {
      log.push(name);
      if (++ran > 300) return;
      scripts[ran % scripts.length].forEach((a) => act(a, name));
    }
    starts.forEach((s, i) => sim.schedule(s.t, step, `e${i}`, s.p));
    let until = 0;
    chunks.forEach((c, i) => {
      until += c;
      sim.run(until);
      (between[i % between.length] ?? []).forEach((a) => act(a, `b${i}`));
    });
    sim.run(10_000);
    return log;
  }

  it('run where the eager events would have run', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(action, { maxLength: 4 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 5 }), p: fc.integer({ min: -1, max: 1 }) }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 6 }),
        fc.array(fc.array(action, { maxLength: 3 }), { maxLength: 4 }),
        (scripts, starts, chunks, between) => {
          expect(play(scripts, starts, chunks, between, true)).toEqual(play(scripts, starts, chunks, between, false));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a place the loop has passed', () => {
    const sim = new Simulator();
    let place: Place | null = null;
    sim.schedule(0, () => { place = sim.holdPlace(0); }, null, 0);
    sim.schedule(0, () => {
      expect(sim.isPast(place!)).toBe(true);
      expect(() => sim.scheduleAtPlace(place!, () => {}, null)).toThrow(/passed/);
    }, null, 1);
    sim.run(10);
  });

  it('a held place takes one event', () => {
    const sim = new Simulator();
    sim.schedule(0, () => {
      const place = sim.holdPlace(0);
      sim.scheduleAtPlace(place, () => {}, null);
      expect(() => sim.scheduleAtPlace(place, () => {}, null)).toThrow(/one event/);
    }, null, 0);
    sim.run(10);
  });

  it('a place held by the last event before run(until) returns is past afterwards', () => {
    const sim = new Simulator();
    let place: Place | null = null;
    sim.schedule(5, () => { place = sim.holdPlace(1); }, null, 0);
    sim.run(5);
    expect(sim.isPast(place!)).toBe(true);
    // a place held now, between runs, is not
    const later = sim.holdPlace(1);
    expect(sim.isPast(later)).toBe(false);
    let ran = false;
    sim.scheduleAtPlace(later, () => { ran = true; }, null);
    sim.run(6);
    expect(ran).toBe(true);
  });
});
