// The hold model: N pending processes, each rescheduling itself after an exponential
// delay, the classic benchmark of an event list. Measured on ecsim's engine and on a
// minimal typed-array heap loop (the floor any engine pays), in the same invocation.

import { performance } from 'node:perf_hooks';
import { Simulator, RandomStreams } from '../src/engine/index.js';

export interface HoldResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

export function holdModel(processes = 1000, events = 3_000_000, meanDelayMs = 1000): HoldResult {
  const sim = new Simulator();
  const rng = new RandomStreams(1).stream('hold');
  let remaining = events;
  const step = (_: null, _t: number): void => {
    if (--remaining > 0) sim.after(-meanDelayMs * Math.log(1 - rng.next()), step, null);
  };
  for (let i = 0; i < processes; i++) sim.after(-meanDelayMs * Math.log(1 - rng.next()), step, null);
  const t0 = performance.now();
  sim.run(Number.MAX_SAFE_INTEGER);
  const seconds = (performance.now() - t0) / 1000;
  return { events: sim.eventsProcessed, seconds, eventsPerSecond: sim.eventsProcessed / seconds };
}

/** The same workload on a bare typed-array binary heap of times: no handlers, no cancel. */
export function minimalHeapLoop(processes = 1000, events = 3_000_000, meanDelayMs = 1000): HoldResult {
  const rng = new RandomStreams(1).stream('hold');
  const heap = new Float64Array(processes + 1);
  let size = 0;
  const push = (t: number) => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (heap[p] <= t) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = t;
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap[--size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && heap[c + 1] < heap[c]) c++;
      if (heap[c] >= last) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = last;
    return top;
  };
  for (let i = 0; i < processes; i++) push(-meanDelayMs * Math.log(1 - rng.next()));
  const t0 = performance.now();
  let n = 0;
  while (size > 0 && n < events) {
    const t = pop();
    n++;
    if (n < events) push(t - meanDelayMs * Math.log(1 - rng.next()));
  }
  const seconds = (performance.now() - t0) / 1000;
  return { events: n, seconds, eventsPerSecond: n / seconds };
}
