// A binary-heap event queue on typed arrays. Events are totally ordered by
// (time, priority, sequence): earlier time first, then lower priority number, then the
// order in which they were scheduled. This is the one place the order is defined.

export type EventHandler<A> = (arg: A, time: number) => void;

/** An opaque handle for cancel(): slot index plus a generation, so stale handles are no-ops. */
export type EventHandle = number;

/**
 * A place in the order of events held for an event that may or may not be scheduled later
 * (EventQueue.hold): where an event scheduled at `time` with `priority` when the place was
 * held would run. `after`: how many events the queue had popped at `time` (counted from
 * that instant's first hold) when it was held.
 */
export interface Place {
  readonly time: number;
  /** Kept for messages; the order reads `tie`. */
  readonly priority: number;
  /** (priority, the sequence number the place took) as one number: see tieKey. */
  readonly tie: number;
  readonly after: number;
  /** An event was pushed there (a place takes one event: two would tie on every key). */
  used: boolean;
}

const GEN_SHIFT = 2 ** 22; // slots per generation: up to 4 194 304 events pending at once (more throw)
// A slot's generation counts modulo 2 ** 31, so that a handle (slot + generation *
// GEN_SHIFT) stays below 2 ** 53 and exact: counted on to 2 ** 32, a generation of 2 ** 31
// or more made handles whose slot was lost to rounding, and cancel() a silent no-op. A
// stale handle is mistaken for a live one only if its slot is reused 2 ** 31 times while
// it is kept.
const GEN_MASK = 2 ** 31 - 1;

// An event's (priority, sequence) as one number, so that two events at the same time
// compare with one read each: (priority - MIN_PRIORITY) * SEQUENCE_LIMIT + sequence, an
// integer below 2 ** 52 and so exact (priorities -2048 .. 2047, fewer than 2 ** 40
// sequence numbers: over a day of wall time at the hold model's pace, months at a
// scenario's; past that a push throws rather than misorders).
const MIN_PRIORITY = -2048;
const PRIORITY_SPAN = 4096;
const SEQUENCE_LIMIT = 2 ** 40;

/** The tie key of (priority, sequence); throws for a priority outside -2048 .. 2047 or not an integer. */
function tieKey(priority: number, sequence: number): number {
  const p = priority - MIN_PRIORITY;
  if ((priority | 0) !== priority || p < 0 || p >= PRIORITY_SPAN) {
    throw new RangeError(`an event's priority must be an integer from ${MIN_PRIORITY} to ${MIN_PRIORITY + PRIORITY_SPAN - 1}; got ${priority}`);
  }
  if (sequence >= SEQUENCE_LIMIT) throw new RangeError(`more than ${SEQUENCE_LIMIT} events scheduled in one run`);
  return p * SEQUENCE_LIMIT + sequence;
}

/** The priority part of the tie key of priority 0, most events' priority: tieKey(0, s) is this + s. */
const TIE_PRIORITY_0 = -MIN_PRIORITY * SEQUENCE_LIMIT;

export class EventQueue {
  // per slot (an event's storage, reused after it runs); tie: see tieKey
  private tie: Float64Array;
  private gen: Uint32Array;
  private fn: (EventHandler<any> | null)[] = [];
  private arg: unknown[] = [];
  // the heap: slot indices and, beside them, their times, so the sift loops compare
  // times without an indirection (ties fall back to the slots' tie keys)
  private heap: Int32Array;
  private heapTime: Float64Array;
  private size = 0;
  /**
   * The root was popped and not yet refilled: the next push takes its place and sifts down
   * once (instead of the last entry sifting down at the pop and the new event sifting up
   * at the push); the next peek or pop with no push before it refills it with the last
   * entry. `size` still counts it.
   */
  private rootTaken = false;
  /** Slots free for reuse, a stack (the most recently freed is reused first). */
  private free: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private nextSeq = 0;
  // The events popped at the instant of the latest held place, from its first hold on
  // (cancelled ones included), numbered from 0: a stack of (pop number, tie key) whose
  // tie keys decrease from bottom to top, so the largest key popped since any pop number
  // is the first entry at or after that number. A pop at another instant costs one
  // comparison; one at that instant a short walk down the stack (usually to its bottom).
  private watchTime = NaN;
  private watchPops = 0;
  private watchLength = 0;
  private readonly watchPop: number[] = [];
  private readonly watchTie: number[] = [];

  constructor(initialCapacity = 1024) {
    this.tie = new Float64Array(initialCapacity);
    this.gen = new Uint32Array(initialCapacity);
    this.heap = new Int32Array(initialCapacity);
    this.heapTime = new Float64Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
  }

  get length(): number {
    return this.rootTaken ? this.size - 1 : this.size;
  }

  push<A>(time: number, handler: EventHandler<A>, arg: A, priority = 0): EventHandle {
    const sequence = this.nextSeq++;
    // priority 0 needs no range check (tieKey checks the others and a sequence past the limit)
    const tie = priority === 0 && sequence < SEQUENCE_LIMIT ? TIE_PRIORITY_0 + sequence : tieKey(priority, sequence);
    return this.pushWithTie(time, handler, arg, tie);
  }

  private pushWithTie<A>(time: number, handler: EventHandler<A>, arg: A, tie: number): EventHandle {
    const slot = this.allocSlot();
    this.tie[slot] = tie;
    this.fn[slot] = handler;
    this.arg[slot] = arg;
    if (this.rootTaken) {
      // the popped root's place: positions 1 .. size-1 still hold two valid subheaps, so
      // one sift down from the root makes a heap again, whatever the new key
      this.rootTaken = false;
      this.siftDown(slot, time, this.size);
    } else {
      if (this.size === this.heap.length) {
        this.heap = grow(this.heap, this.heap.length * 2) as Int32Array;
        this.heapTime = grow(this.heapTime, this.heapTime.length * 2) as Float64Array;
      }
      this.siftUp(this.size++, slot, time);
    }
    return slot + this.gen[slot] * GEN_SHIFT;
  }

  /** Cancels a pending event. Cancelled events stay in the heap and are skipped when popped. */
  cancel(handle: EventHandle): boolean {
    const slot = handle % GEN_SHIFT;
    const generation = Math.floor(handle / GEN_SHIFT);
    if (slot >= this.nextSlot || this.gen[slot] !== generation || this.fn[slot] === null) return false;
    this.fn[slot] = null;
    this.arg[slot] = undefined;
    return true;
  }

  /**
   * Holds the place an event pushed now at (`now`, `priority`) would take, without pushing
   * one: it takes a sequence number, so every other event is ordered as if it had been.
   */
  hold(now: number, priority: number): Place {
    const tie = tieKey(priority, this.nextSeq++);
    if (now !== this.watchTime) {
      this.watchTime = now;
      this.watchPops = 0;
      this.watchLength = 0;
    }
    return { time: now, priority, tie, after: this.watchPops, used: false };
  }

  /**
   * Whether an event pushed at `place` when it was held would have run by now: it would
   * have been popped before any event with a larger key, so it has iff one of those was
   * popped since the hold, or the clock has moved on, or the instant was closed (run()
   * returned after running every event of it).
   */
  isPast(place: Place, now: number): boolean {
    if (place.time !== now) return place.time < now;
    // the first entry popped at or after the hold (pop numbers rise up the stack)
    let lo = 0;
    let hi = this.watchLength;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.watchPop[mid] < place.after) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.watchLength) return false;
    return this.watchTie[lo] >= place.tie;
  }

  /** Pushes an event at a held place (not past: see isPast), once. */
  pushAt<A>(place: Place, handler: EventHandler<A>, arg: A): EventHandle {
    if (place.used) throw new RangeError(`a held place takes one event; this one (${place.time} ms, priority ${place.priority}) has one`);
    place.used = true;
    return this.pushWithTie(place.time, handler, arg, place.tie);
  }

  /**
   * Every event at `time` has run (the loop stopped after them): places held at `time`
   * until now are past, as if an event with the largest key had been popped; places held
   * from now on are not.
   */
  closeInstant(time: number): void {
    if (time !== this.watchTime) return;
    this.watchPop[0] = this.watchPops++;
    this.watchTie[0] = Infinity;
    this.watchLength = 1;
  }

  /**
   * Time of the earliest event, cancelled ones included; Infinity when empty. Refills a
   * popped root first (see rootTaken).
   */
  peekTime(): number {
    if (this.rootTaken) this.refillRoot();
    return this.size === 0 ? Infinity : this.heapTime[0];
  }

  /** The popped root's place goes to the last entry (no event was pushed since the pop). */
  private refillRoot(): void {
    this.rootTaken = false;
    const n = --this.size;
    if (n > 0) this.siftDown(this.heap[n], this.heapTime[n], n);
  }

  /**
   * Removes the earliest event and runs it; returns false when the event was cancelled
   * (nothing ran). The caller checks peekTime() first.
   */
  popAndRun(): boolean {
    if (this.rootTaken) this.refillRoot();
    const slot = this.heap[0];
    const t = this.heapTime[0];
    // the root's place is refilled by the handler's first push, or at the next peek
    this.rootTaken = true;
    if (t === this.watchTime) this.watch(slot);
    const handler = this.fn[slot];
    const arg = this.arg[slot];
    // the slot's handler and arg stay until it is reused (LIFO, soon); the new generation
    // already makes old handles to it stale
    this.gen[slot] = (this.gen[slot] + 1) & GEN_MASK;
    this.free[this.freeCount++] = slot;
    if (handler === null) return false;
    handler(arg, t);
    return true;
  }

  /** Records a popped event in the watch stack (see watchTime). */
  private watch(slot: number): void {
    const k = this.tie[slot];
    let n = this.watchLength;
    while (n > 0 && this.watchTie[n - 1] < k) n--;
    this.watchPop[n] = this.watchPops++;
    this.watchTie[n] = k;
    this.watchLength = n + 1;
  }

  private allocSlot(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount];
    // a handle keeps its slot below GEN_SHIFT: slot 2 ** 22 of generation 0 would have the
    // handle of slot 0 of generation 1, and cancel() could stop the wrong event (checked
    // before the slot is taken: a caller that catches it finds the queue as it was)
    if (this.nextSlot === GEN_SHIFT) throw new RangeError(`more than ${GEN_SHIFT} events pending at once`);
    const slot = this.nextSlot++;
    if (slot === this.tie.length) {
      const n = this.tie.length * 2;
      this.tie = grow(this.tie, n) as Float64Array;
      this.gen = grow(this.gen, n) as Uint32Array;
      this.free = grow(this.free, n) as Int32Array;
    }
    return slot;
  }

  /** Of two events at the same time, whether slot a runs before slot b. */
  private tieBefore(a: number, b: number): boolean {
    return this.tie[a] < this.tie[b];
  }

  /** Puts (slot, t) at heap position i or above. */
  private siftUp(i: number, slot: number, t: number): void {
    const heap = this.heap;
    const time = this.heapTime;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const tp = time[parent];
      if (tp < t || (tp === t && !this.tieBefore(slot, heap[parent]))) break;
      heap[i] = heap[parent];
      time[i] = tp;
      i = parent;
    }
    heap[i] = slot;
    time[i] = t;
  }

  /** Puts (slot, t) at the root or below, within the first n positions. */
  private siftDown(slot: number, t: number, n: number): void {
    const heap = this.heap;
    const time = this.heapTime;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let tc = time[child];
      const right = child + 1;
      if (right < n) {
        const tr = time[right];
        if (tr < tc || (tr === tc && this.tieBefore(heap[right], heap[child]))) {
          child = right;
          tc = tr;
        }
      }
      if (t < tc || (t === tc && this.tieBefore(slot, heap[child]))) break;
      heap[i] = heap[child];
      time[i] = tc;
      i = child;
    }
    heap[i] = slot;
    time[i] = t;
  }
}

type TypedArray = Float64Array | Int32Array | Uint32Array;

function grow(a: TypedArray, n: number): TypedArray {
  const b = new (a.constructor as { new (n: number): TypedArray })(n);
  b.set(a);
  return b;
}
