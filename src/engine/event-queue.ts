// A binary-heap event queue on typed arrays. Events are totally ordered by
// (time, priority, sequence): earlier time first, then lower priority number, then the
// order in which they were scheduled. This is the one place the order is defined.

export type EventHandler<A> = (arg: A, time: number) => void;

/** An opaque handle for cancel(): slot index plus a generation, so stale handles are no-ops. */
export type EventHandle = number;

const GEN_SHIFT = 2 ** 22; // slots per generation: up to ~4 M events pending at once

export class EventQueue {
  private time: Float64Array;
  private prio: Int32Array;
  private seq: Float64Array;
  private gen: Uint32Array;
  private fn: (EventHandler<any> | null)[] = [];
  private arg: unknown[] = [];
  private heap: Int32Array; // slot indices, heap-ordered
  private size = 0;
  private free: number[] = [];
  private nextSlot = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    this.time = new Float64Array(initialCapacity);
    this.prio = new Int32Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.gen = new Uint32Array(initialCapacity);
    this.heap = new Int32Array(initialCapacity);
  }

  get length(): number {
    return this.size;
  }

  push<A>(time: number, handler: EventHandler<A>, arg: A, priority = 0): EventHandle {
    const slot = this.allocSlot();
    this.time[slot] = time;
    this.prio[slot] = priority;
    this.seq[slot] = this.nextSeq++;
    this.fn[slot] = handler;
    this.arg[slot] = arg;
    if (this.size === this.heap.length) this.heap = grow(this.heap, this.heap.length * 2) as Int32Array;
    this.heap[this.size] = slot;
    this.siftUp(this.size++);
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
    return this.size === 0 ? Infinity : this.time[this.heap[0]];
  }

  /**
   * Removes the earliest event and runs it; returns false when the event was cancelled
   * (nothing ran). The caller checks peekTime() first.
   */
  popAndRun(): boolean {
    const heap = this.heap;
    const slot = heap[0];
    const last = heap[--this.size];
    if (this.size > 0) {
      heap[0] = last;
      this.siftDown(0);
    }
    const handler = this.fn[slot];
    const arg = this.arg[slot];
    const t = this.time[slot];
    // the slot's handler and arg stay until it is reused (LIFO, soon); the new generation
    // already makes old handles to it stale
    this.gen[slot] = (this.gen[slot] + 1) >>> 0;
    this.free.push(slot);
    if (handler === null) return false;
    handler(arg, t);
    return true;
  }

  private allocSlot(): number {
    if (this.free.length > 0) return this.free.pop()!;
    const slot = this.nextSlot++;
    if (slot === this.time.length) {
      const n = this.time.length * 2;
      this.time = grow(this.time, n) as Float64Array;
      this.prio = grow(this.prio, n) as Int32Array;
      this.seq = grow(this.seq, n) as Float64Array;
      this.gen = grow(this.gen, n) as Uint32Array;
    }
    return slot;
  }

  private less(a: number, b: number): boolean {
    const ta = this.time[a];
    const tb = this.time[b];
    if (ta !== tb) return ta < tb;
    const pa = this.prio[a];
    const pb = this.prio[b];
    if (pa !== pb) return pa < pb;
    return this.seq[a] < this.seq[b];
  }

  // The sift loops compare times inline (the common case: times differ) and fall back to
  // less() only on ties.
  private siftUp(i: number): void {
    const heap = this.heap;
    const time = this.time;
    const slot = heap[i];
    const t = time[slot];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      const tp = time[p];
      if (tp < t || (tp === t && !this.less(slot, p))) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = slot;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const time = this.time;
    const n = this.size;
    const slot = heap[i];
    const t = time[slot];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let c = heap[child];
      let tc = time[c];
      const right = child + 1;
      if (right < n) {
        const r = heap[right];
        const tr = time[r];
        if (tr < tc || (tr === tc && this.less(r, c))) {
          child = right;
          c = r;
          tc = tr;
        }
      }
      if (t < tc || (t === tc && this.less(slot, c))) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = slot;
  }
}

type TypedArray = Float64Array | Int32Array | Uint32Array;

function grow(a: TypedArray, n: number): TypedArray {
  const b = new (a.constructor as { new (n: number): TypedArray })(n);
  b.set(a);
  return b;
}
