// The offered load as `ecsim explain` tells it: a step where one metric period differs
// from the previous one by at least STEP_FRACTION, and a rise or fall where the rate has
// drifted by at least DRIFT_FRACTION since the last rate reported (model thresholds:
// noise below them is not narrated). A drift is timed from the last period still at the
// rate reported (within HOLD_FRACTION of the change), not from the report: a load held
// for 45 min and then ramped down over 4 min falls over 4 min, not 49.

import { LINE_ORDER, formatRate, type ExplainLine } from './explain-line.js';
import type { SeriesRow } from './results-tables.js';

export const STEP_FRACTION = 0.2;
export const DRIFT_FRACTION = 0.5;
export const HOLD_FRACTION = 0.1;

/** Load sentences for one service's timeseries rows (time order). */
export function loadChanges(service: string, rows: readonly SeriesRow[], unit = 'rps'): ExplainLine[] {
  const lines: ExplainLine[] = [];
  if (rows.length === 0) return lines;
  let anchor = rows[0].requestRate;
  let anchorIndex = 0;
  const line = (timeS: number, text: string) => lines.push({ timeS, service, provider: null, order: LINE_ORDER.load, text });
  line(rows[0].timeS, `load starts at ${formatRate(anchor)} ${unit} (${service})`);
  for (let i = 1; i < rows.length; i++) {
    const prev = rows[i - 1].requestRate;
    const rate = rows[i].requestRate;
    const t = rows[i].timeS;
    if (Math.abs(rate - prev) >= Math.max(1, STEP_FRACTION * Math.max(prev, rate))) {
      line(t, `load steps from ${formatRate(prev)} to ${formatRate(rate)} ${unit} (${service})`);
      anchor = rate;
      anchorIndex = i;
    } else if (Math.abs(rate - anchor) >= Math.max(1, DRIFT_FRACTION * Math.min(anchor, rate) || 1)) {
      const verb = rate > anchor ? 'rises' : 'falls';
      // the change began after the last period still at the anchor's rate
      const hold = HOLD_FRACTION * Math.abs(rate - anchor);
      let from = i - 1;
      while (from > anchorIndex && Math.abs(rows[from].requestRate - anchor) > hold) from--;
      line(t, `load ${verb} from ${formatRate(anchor)} to ${formatRate(rate)} ${unit} over ${Math.round((t - rows[from].timeS) / 60)} min (${service})`);
      anchor = rate;
      anchorIndex = i;
    }
  }
  return lines;
}
