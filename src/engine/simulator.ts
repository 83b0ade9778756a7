// The simulation clock and event loop: integer milliseconds of simulated time, events
// run in (time, priority, sequence) order (see event-queue.ts).

import { EventQueue, type EventHandle, type EventHandler, type Place } from './event-queue.js';

export type { EventHandle, EventHandler, Place };

export class Simulator {
  private queue = new EventQueue();
  private clock = 0;
  private processed = 0;

  /** Current simulated time in milliseconds. */
  get now(): number {
    return this.clock;
  }

  /** Events run so far (cancelled ones not counted). */
  get eventsProcessed(): number {
    return this.processed;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Runs `handler(arg, time)` at absolute time `time` (ms, not before now). */
  schedule<A>(time: number, handler: EventHandler<A>, arg: A, priority = 0): EventHandle {
    if (!(time >= this.clock)) {
      throw new RangeError(`cannot schedule at ${time} ms: the clock is already at ${this.clock} ms`);
    }
    return this.queue.push(roundMs(time), handler, arg, priority);
  }

  /** Runs `handler(arg, time)` `delay` ms from now (a negative delay counts as 0). */
  after<A>(delay: number, handler: EventHandler<A>, arg: A, priority = 0): EventHandle {
    // straight to the queue (never in the past): every handler's next event comes through
    // here, and this short it can be inlined into the event loop
    if (delay !== delay) throw new RangeError(`cannot schedule after NaN ms`);
    return this.queue.push(roundMs(delay > 0 ? this.clock + delay : this.clock), handler, arg, priority);
  }

  /**
   * Holds a place in the order of events for an event that may never be scheduled: the
   * place an event scheduled now at `priority` would take. scheduleAtPlace before the loop
   * passes it runs the event exactly where it would have run had it been scheduled now;
   * holding a place changes the order of no other event.
   */
  holdPlace(priority = 0): Place {
    return this.queue.hold(this.clock, priority);
  }

  /** Whether the loop has passed `place`: an event scheduled there when it was held would have run. */
  isPast(place: Place): boolean {
    return this.queue.isPast(place, this.clock);
  }

  /** Schedules at a held place the loop has not passed; a place takes one event. */
  scheduleAtPlace<A>(place: Place, handler: EventHandler<A>, arg: A): EventHandle {
    if (this.isPast(place)) {
      throw new RangeError(`cannot schedule at a place the loop has passed (${place.time} ms, priority ${place.priority})`);
    }
    return this.queue.pushAt(place, handler, arg);
  }

  cancel(handle: EventHandle): boolean {
    return this.queue.cancel(handle);
  }

  /** Runs every event with time <= until, then sets the clock to `until`. */
  run(until: number): void {
    const queue = this.queue;
    for (;;) {
      const t = queue.peekTime();
      if (t > until) break; // Infinity when empty
      this.clock = t;
      if (queue.popAndRun()) this.processed++;
    }
    // every event of this instant has run: places held in it are past
    queue.closeInstant(this.clock);
    if (until > this.clock) this.clock = until;
  }
}

/**
 * Math.round(x) for the times the clock takes (x >= 0): the nearest integer, halves up.
 * Written with Math.floor because Node 20 runs Math.round in the event loop markedly
 * slower (the hold model, the two alternating in one process: 6.85 M events/s with
 * Math.round, 7.86 M with this). x + 0.5 can round up to the next integer only when x is
 * just below a half (0.49999999999999994); the comparison takes that back.
 */
export function roundMs(x: number): number {
  const r = Math.floor(x + 0.5);
  return r - 0.5 > x ? r - 1 : r;
}
