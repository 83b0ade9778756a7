// Binary search over ascending times, shared by the piecewise shapes.

/** Index of the first element > t (times.length if none). */
export function firstAfter(times: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first element > t, or Infinity. */
export function nextTimeAfter(times: ArrayLike<number>, t: number): number {
  const i = firstAfter(times, t);
  return i < times.length ? times[i] : Infinity;
}
