// The desired count (or an Auto Scaling group's desired capacity) as a step line that
// changes at its scaling activities' instants. A timeseries row holds the value at its
// period's end; a scaling activity at that very instant comes after the row's values are
// taken (docs/outputs.md), so the rows alone would draw the step a period after the
// activity's marker. The activities' own points put the step where the marker is.

import type { EventRow } from '../data/results-data.js';
import { parseScalingActivity } from '../narrative/parse-scaling-activity.js';

/**
 * Points of the step line: each row's (period end, value) and each of `subject`'s scaling
 * activities' (time, new value), in time order; at equal times the row first (its value was
 * taken before the activity). Rows with no value are left as they are (a gap).
 */
export function desiredSteps(end: Float64Array, values: Float64Array, events: readonly EventRow[], subject: string): { x: Float64Array; y: Float64Array } {
  const acts: { timeS: number; to: number }[] = [];
  for (const e of events) {
    if (e.type !== 'scaling-activity' || e.subject !== subject) continue;
    const a = parseScalingActivity(e.timeS, e.subject, e.message);
    if (a) acts.push({ timeS: a.timeS, to: a.to });
  }
  if (acts.length === 0) return { x: end, y: values };
  const x: number[] = [];
  const y: number[] = [];
  let j = 0;
  for (let i = 0; i < end.length; i++) {
    while (j < acts.length && acts[j].timeS < end[i]) {
      if (i > 0) {
        x.push(acts[j].timeS);
        y.push(acts[j].to);
      }
      j++;
    }
    x.push(end[i]);
    y.push(values[i]);
  }
  // activities at or after the last row's end (the run's last instant)
  for (; j < acts.length && end.length > 0; j++) {
    x.push(acts[j].timeS);
    y.push(acts[j].to);
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y) };
}
