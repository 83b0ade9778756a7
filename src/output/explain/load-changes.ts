// The offered load as `ecsim explain` tells it, continuously: each sentence starts from the
// rate the previous one left it at. A move is noticed where one metric period differs from
// the previous one by at least STEP_FRACTION, or where the rate has drifted by at least
// DRIFT_FRACTION since the rate last told (model thresholds: noise below them is not
// narrated). The move is then told whole: back to where it began and on while the rate keeps
// going the same way by at least RAMP_FRACTION of the rate told a period and by a change
// comparable to the move's own per period (between EDGE_FRACTION and 1/EDGE_FRACTION of the
// step's change, or of a drift's mean change: a creep and a step are two moves); its first
// and last period, partly at the rates before and after, by at least EDGE_FRACTION of their
// neighbour's change and no more than it. A drift reached the period before a step is told
// with the step ("by small changes to 150 rps, then steps to 400 rps"). So a ramp over several periods is
// one sentence ("load ramps down from 1000 to 200 rps over 5 min", 11:41-11:46), not a step
// from the middle of it. A move's time is its first period that differs; its length runs to
// the first period at the rate it reached (exact for a ramp between period boundaries: a
// 5-minute rampDown reads 5 min). A drift with wiggles in it "rises" or "falls" instead.

import { LINE_ORDER, formatRate, type ExplainLine } from './explain-line.js';
import type { SeriesRow } from './results-tables.js';

export const STEP_FRACTION = 0.2;
export const DRIFT_FRACTION = 0.5;
/** A drift begins after the last period within this fraction of the change from the rate told. */
export const HOLD_FRACTION = 0.1;
/** A period's change that continues a move: this fraction of the rate last told (a linear ramp stays one move). */
export const RAMP_FRACTION = 0.05;
/** A ramp's first or last period, partly at the rate before (after), changes at least this fraction of its neighbour's change. */
export const EDGE_FRACTION = 0.25;

/** Load sentences for one service's timeseries rows (time order). */
export function loadChanges(service: string, rows: readonly SeriesRow[], unit = 'rps'): ExplainLine[] {
  const lines: ExplainLine[] = [];
  if (rows.length === 0) return lines;
  const rate = (i: number) => rows[i].requestRate;
  let told = rate(0);
  /** Rows i-1 -> i change by a move's worth in direction d (+1 up, -1 down). */
  const moves = (i: number, d: number) => {
    const delta = (rate(i) - rate(i - 1)) * d;
    return delta > 0 && delta >= Math.max(1, RAMP_FRACTION * told);
  };
  /**
   * Rows i-1 -> i are the partial first or last period of a ramp whose next period inward
   * (rows j-1 -> j) moves: the same direction, at least EDGE_FRACTION of that change and
   * no more than it (a partial period; a bigger change is a move of its own).
   */
  const edge = (i: number, j: number, d: number) => {
    const delta = (rate(i) - rate(i - 1)) * d;
    const inner = (rate(j) - rate(j - 1)) * d;
    return delta > 0 && delta >= EDGE_FRACTION * inner && delta <= inner;
  };
  /**
   * Rows i-1 -> i continue a move of `perPeriod` a period: they move, by a change comparable
   * to the move's own (within a factor 1/EDGE_FRACTION either way), so a creep does not run
   * into a step, nor a step into a creep.
   */
  const along = (i: number, d: number, perPeriod: number) => {
    const delta = (rate(i) - rate(i - 1)) * d;
    return moves(i, d) && delta >= EDGE_FRACTION * perPeriod && delta * EDGE_FRACTION <= perPeriod;
  };
  const isStep = (i: number) => Math.abs(rate(i) - rate(i - 1)) >= Math.max(1, STEP_FRACTION * Math.max(rate(i - 1), rate(i)));
  let toldIndex = 0;
  const line = (timeS: number, text: string) => lines.push({ timeS, service, provider: null, order: LINE_ORDER.load, text: `${text} (${service})` });
  line(rows[0].timeS, `load starts at ${formatRate(told)} ${unit}`);
  let i = 1;
  while (i < rows.length) {
    const prev = rate(i - 1);
    const now = rate(i);
    const step = isStep(i);
    const drift = !step && Math.abs(now - told) >= Math.max(1, DRIFT_FRACTION * Math.min(told, now) || 1);
    if (!step && !drift) {
      i++;
      continue;
    }
    // a drift reached the period before a step is told with the step ("by small changes to ..., then steps")
    if (drift && i + 1 < rows.length && isStep(i + 1)) {
      i++;
      continue;
    }
    const d = step ? Math.sign(now - prev) : Math.sign(now - told);
    // s: the last period before the move
    let s = i - 1;
    let perPeriod: number;
    if (step) {
      perPeriod = Math.abs(now - prev);
      while (s > toldIndex && along(s, d, perPeriod)) s--;
    } else {
      const hold = HOLD_FRACTION * Math.abs(now - told);
      while (s > toldIndex && Math.abs(rate(s) - told) > hold) s--;
      perPeriod = ((now - rate(s)) * d) / (i - s);
    }
    if (s > toldIndex && s + 1 < rows.length && moves(s + 1, d) && edge(s, s + 1, d)) s--;
    // e: the last period of the move
    let e = i;
    while (e + 1 < rows.length && along(e + 1, d, perPeriod)) e++;
    if (e + 1 < rows.length && moves(e, d) && edge(e + 1, e, d)) e++;
    // a ramp: every period of the move moves, its first and last maybe as partial periods
    const ramp = Array.from({ length: e - s }, (_, k) => s + 1 + k).every(
      (k) => moves(k, d) || (k === s + 1 && k + 1 <= e && moves(k + 1, d) && edge(k, k + 1, d)) || (k === e && k - 1 > s && moves(k - 1, d) && edge(k, k - 1, d)),
    );
    const to = `${formatRate(rate(e))} ${unit}`;
    const minutes = Math.round((rows[e].timeS - rows[s + 1].timeS) / 60);
    const before = rate(s);
    const drifted = Math.abs(before - told) >= Math.max(1, HOLD_FRACTION * Math.max(before, told));
    const from = drifted ? `${formatRate(told)} ${unit} by small changes to ${formatRate(before)} ${unit}, then` : `${formatRate(told)}`;
    let text: string;
    if (e === s + 1) text = drifted ? `load goes from ${from} steps to ${to}` : `load steps from ${from} to ${to}`;
    else if (ramp) text = drifted ? `load goes from ${from} ramps ${d > 0 ? 'up' : 'down'} to ${to} over ${minutes} min` : `load ramps ${d > 0 ? 'up' : 'down'} from ${from} to ${to} over ${minutes} min`;
    else text = `load ${d > 0 ? 'rises' : 'falls'} from ${formatRate(told)} to ${to} over ${minutes} min`;
    line(rows[s + 1].timeS, text);
    told = rate(e);
    toldIndex = e;
    i = e + 1;
  }
  return lines;
}
