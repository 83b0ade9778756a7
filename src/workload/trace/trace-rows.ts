// traceRows: a trace sampled every stepMs over [fromMs, toMs], for `ecsim trace` output.

import type { Trace, TracePoint } from './types.js';

/** rateAt at fromMs, fromMs + stepMs, ... up to and including toMs. */
export function traceRows(trace: Trace, fromMs: number, toMs: number, stepMs: number): TracePoint[] {
  if (!(stepMs > 0) || !Number.isFinite(stepMs)) throw new Error(`traceRows: expected stepMs > 0, found ${stepMs}`);
  if (!(toMs >= fromMs)) throw new Error(`traceRows: expected fromMs <= toMs, found ${fromMs} > ${toMs}`);
  const n = Math.floor((toMs - fromMs) / stepMs) + 1;
  const rows: TracePoint[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = fromMs + i * stepMs;
    rows[i] = { time_s: t / 1000, rate: trace.rateAt(t) };
  }
  return rows;
}
