// Thins a long series for drawing while keeping its shape: the points are cut into
// buckets and each bucket keeps its minimum and maximum (in time order), so spikes and
// dips survive. Empty cells (NaN) are kept as one gap point per bucket so lines break
// where data is missing. The result never has more than maxPoints points.

export interface Points {
  x: Float64Array;
  y: Float64Array;
}

export function downsampleMinMax(x: Float64Array, y: Float64Array, maxPoints: number): Points {
  const n = x.length;
  if (n <= maxPoints || maxPoints < 4) return { x, y };
  let hasGap = false;
  for (let i = 0; i < n && !hasGap; i++) hasGap = Number.isNaN(y[i]);
  const buckets = Math.floor(maxPoints / (hasGap ? 3 : 2));
  const size = n / buckets;
  const ox = new Float64Array(buckets * 3);
  const oy = new Float64Array(buckets * 3);
  let k = 0;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let iMin = -1;
    let iMax = -1;
    let iGap = -1;
    for (let i = from; i < to; i++) {
      const v = y[i];
      if (Number.isNaN(v)) {
        if (iGap < 0) iGap = i;
        continue;
      }
      if (iMin < 0 || v < y[iMin]) iMin = i;
      if (iMax < 0 || v > y[iMax]) iMax = i;
    }
    // Emit the kept indexes in time order.
    const keep = [iMin, iMax, iGap].filter((i, j, a) => i >= 0 && a.indexOf(i) === j).sort((a, b2) => a - b2);
    for (const i of keep) {
      ox[k] = x[i];
      oy[k] = y[i];
      k++;
    }
  }
  return { x: ox.subarray(0, k), y: oy.subarray(0, k) };
}

/** The largest number of points a line keeps for drawing. */
export const MAX_POINTS_PER_LINE = 2000;
