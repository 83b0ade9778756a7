// A random sequence drawn lazily and always in index order, so value k never depends on
// which times were asked for first (determinism under any query pattern).

export type LazySeries = (k: number) => number;

/** `generate(k, previous)` is called for k = 0, 1, 2, ... exactly once each. */
export function lazySeries(generate: (k: number, previous: number) => number): LazySeries {
  let values = new Float64Array(256);
  let length = 0;
  return (k) => {
    if (k < length) return values[k];
    if (k >= values.length) {
      let size = values.length * 2;
      while (size <= k) size *= 2;
      const grown = new Float64Array(size);
      grown.set(values.subarray(0, length));
      values = grown;
    }
    for (; length <= k; length++) values[length] = generate(length, length > 0 ? values[length - 1] : NaN);
    return values[k];
  };
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
