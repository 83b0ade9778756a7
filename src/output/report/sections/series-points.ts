// Where a metric row is drawn in time. timeseries.csv/capacity.csv rows are stamped with
// the START of their period: averages (rates, utilization, latency) are drawn at the
// period's middle, end-of-period values (counts, cost to date) at its end.

export function atMiddle(time: Float64Array, periodS: number): Float64Array {
  return shifted(time, periodS / 2);
}

export function atEnd(time: Float64Array, periodS: number): Float64Array {
  return shifted(time, periodS);
}

function shifted(time: Float64Array, by: number): Float64Array {
  const out = new Float64Array(time.length);
  for (let i = 0; i < time.length; i++) out[i] = time[i] + by;
  return out;
}

/** Per-period counts (requests in the period) as rates per second. */
export function perSecond(counts: Float64Array | undefined, periodS: number): Float64Array {
  const out = new Float64Array(counts?.length ?? 0);
  for (let i = 0; i < out.length; i++) out[i] = counts![i] / periodS;
  return out;
}

/** a[i] x k, NaN where a is. */
export function times(a: Float64Array | undefined, k: number): Float64Array {
  const out = new Float64Array(a?.length ?? 0);
  for (let i = 0; i < out.length; i++) out[i] = a![i] * k;
  return out;
}

/**
 * a[i] / tasks[i]: a service-wide count per running task (the BacklogPerTask metric is the
 * visible messages over runningCount); NaN (a gap) where no task runs or a value is missing.
 */
export function perTask(a: Float64Array | undefined, tasks: Float64Array | undefined): Float64Array {
  const out = new Float64Array(a?.length ?? 0);
  for (let i = 0; i < out.length; i++) {
    const n = tasks?.[i] ?? NaN;
    out[i] = n > 0 ? a![i] / n : NaN;
  }
  return out;
}

/** True when the column has at least one value. */
export function hasValues(a: Float64Array | undefined): a is Float64Array {
  if (!a) return false;
  for (const v of a) if (Number.isFinite(v)) return true;
  return false;
}
