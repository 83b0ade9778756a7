// A binary-heap event queue on typed arrays. Events are totally ordered by
// (time, priority, sequence): earlier time first, then lower priority number, then the
// order in which they were scheduled. This is the one place the order is defined.

export type EventHandler<A> = (arg: A, time: number) => void;

/** An opaque handle for cancel(): slot index plus a generation, so stale handles are no-ops. */
export type EventHandle = number;

const GEN_SHIFT = 2 ** 22; // slots per generation: up to ~4 M events pending at once

export class EventQueue {
  // per slot (an event's storage, reused after it runs)
  private prio: Int32Array;
  private seq: Float64Array;
  private gen: Uint32Array;
  private fn: (EventHandler<any> | null)[] = [];
  private arg: unknown[] = [];
  // the heap: slot indices and, beside them, their times, so the sift loops compare
  // times without an indirection (ties fall back to priority and sequence per slot)
  private heap: Int32Array;
  private heapTime: Float64Array;
  private size = 0;
  /** Slots free for reuse, a stack (the most recently freed is reused first). */
  private free: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    this.prio = new Int32Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.gen = new Uint32Array(initialCapacity);
    this.heap = new Int32Array(initialCapacity);
    this.heapTime = new Float64Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
  }

  get length(): number {
    return this.size;
  }

  push<A>(time: number, handler: EventHandler<A>, arg: A, priority = 0): EventHandle {
    const slot = this.allocSlot();
    this.prio[slot] = priority;
    this.seq[slot] = this.nextSeq++;
    this.fn[slot] = handler;
    this.arg[slot] = arg;
    if (this.size === this.heap.length) {
      this.heap = grow(this.heap, this.heap.length * 2) as Int32Array;
      this.heapTime = grow(this.heapTime, this.heapTime.length * 2) as Float64Array;
    }
    this.siftUp(this.size++, slot, time);
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

  /** Time of the earliest event, cancelled ones included; Infinity when empty. */
  peekTime(): number {
    return this.size === 0 ? Infinity : this.heapTime[0];
  }

  /**
   * Removes the earliest event and runs it; returns false when the event was cancelled
   * (nothing ran). The caller checks peekTime() first.
   */
  popAndRun(): boolean {
    const slot = this.heap[0];
    const t = this.heapTime[0];
    const n = --this.size;
    if (n > 0) this.siftDown(this.heap[n], this.heapTime[n], n);
    const handler = this.fn[slot];
    const arg = this.arg[slot];
    // the slot's handler and arg stay until it is reused (LIFO, soon); the new generation
    // already makes old handles to it stale
    this.gen[slot] = (this.gen[slot] + 1) >>> 0;
    this.free[this.freeCount++] = slot;
    if (handler === null) return false;
    handler(arg, t);
    return true;
  }

  private allocSlot(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount];
    const slot = this.nextSlot++;
    if (slot === this.prio.length) {
      const n = this.prio.length * 2;
      this.prio = grow(this.prio, n) as Int32Array;
      this.seq = grow(this.seq, n) as Float64Array;
      this.gen = grow(this.gen, n) as Uint32Array;
      this.free = grow(this.free, n) as Int32Array;
    }
    return slot;
  }

  /** Of two events at the same time, whether slot a runs before slot b. */
  private tieBefore(a: number, b: number): boolean {
    const pa = this.prio[a];
    const pb = this.prio[b];
    if (pa !== pb) return pa < pb;
    return this.seq[a] < this.seq[b];
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
