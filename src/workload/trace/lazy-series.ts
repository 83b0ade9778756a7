// A random sequence drawn lazily and always in index order, so value k never depends on
// which times were asked for first (determinism under any query pattern).
//
// Memory is bounded: only the most recent values are held, in a ring. Asking for an older
// value starts the sequence over from a fresh generator (the same draws again, O(k)) and
// widens the ring to reach that far back, so a query pattern restarts at most a few times.
// Callers size the ring to cover how far back the simulation asks (keptFor): the period
// just closed, while request fidelity has drawn arrivals up to an hour ahead.

export type LazySeries = (k: number) => number;

/** `generate(k, previous)`: value k given value k - 1 (NaN for k = 0). */
export type Generate = (k: number, previous: number) => number;

/** Values held at least (a power of two): 4 096 pieces, e.g. 2.8 days of one-minute noise. */
export const KEPT = 4096;

/** Simulated time a series of pieces of `everyMs` keeps reachable: two hours. */
export const KEPT_MS = 2 * 3_600_000;

/** The ring size for pieces of `everyMs`: KEPT_MS of them, at least KEPT, a power of two. */
export function keptFor(everyMs: number): number {
  return Math.max(KEPT, nextPowerOfTwo(Math.ceil(KEPT_MS / everyMs)));
}

/**
 * `start()` returns a generator whose draws begin at the sequence's start; it is called
 * once, and again only when a value older than those held is asked for. Each generator is
 * called for k = 0, 1, 2, ... in order. The ring grows to `kept` values as they are drawn.
 */
export function lazySeries(start: () => Generate, kept = KEPT): LazySeries {
  if (!(kept > 0 && (kept & (kept - 1)) === 0)) throw new Error(`lazySeries: kept must be a power of two, found ${kept}`);
  let generate = start();
  // values[k & (values.length - 1)] holds value k for k in [length - values.length, length)
  let values = new Float64Array(Math.min(256, kept));
  let length = 0;
  return (k) => {
    if (k < length) {
      if (k >= length - values.length) return values[k & (values.length - 1)];
      // older than what is held: reach this far back from now on, and draw it all again
      kept = Math.max(kept, nextPowerOfTwo(2 * (length - k)));
      generate = start();
      length = 0;
    }
    for (; length <= k; length++) {
      if (length === values.length && length < kept) {
        // grow before the ring wraps: value i stays at position i
        const grown = new Float64Array(Math.min(kept, values.length * 2));
        grown.set(values);
        values = grown;
      }
      const mask = values.length - 1;
      values[length & mask] = generate(length, length > 0 ? values[(length - 1) & mask] : NaN);
    }
    return values[k & (values.length - 1)];
  };
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Index of the piece of length `every` that holds t (pieces start at time 0; earlier times use piece 0). */
export function pieceIndex(t: number, every: number): number {
  return t > 0 ? Math.floor(t / every) : 0;
}

/** Start of the piece after the one holding t: the next break of a piecewise-constant series. */
export function nextPieceStart(t: number, every: number): number {
  if (t < 0) return 0;
  const next = (Math.floor(t / every) + 1) * every;
  return next > t ? next : next + every;
}
