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

/**
 * Points of the RUNNING count's step line. A row holds the count at its period's end; a task
 * entering RUNNING has its instant (tasks.csv running_s), so within a period the line rises
 * at those instants, from the previous row's value, up to the larger of the two rows' values
 * (so a task that left RUNNING in the same period is not drawn as an extra one). A task
 * leaving RUNNING (DEACTIVATING, STOPPING) has no instant in the files (its STOPPED comes a
 * deregistration delay and a shutdown later): falls are drawn at the period's end, where the
 * row shows them. A RUNNING at a period's very end is in that row (lifecycle comes first).
 */
export function runningSteps(end: Float64Array, values: Float64Array, runningTimesS: readonly number[]): { x: Float64Array; y: Float64Array } {
  const ups = runningTimesS.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
  if (ups.length === 0 || end.length === 0) return { x: end, y: values };
  const x: number[] = [end[0]];
  const y: number[] = [values[0]];
  let j = 0;
  while (j < ups.length && ups[j] <= end[0]) j++;
  for (let i = 1; i < end.length; i++) {
    const v0 = values[i - 1];
    const cap = Math.max(v0, values[i]);
    let v = v0;
    for (; j < ups.length && ups[j] <= end[i]; j++) {
      if (!Number.isFinite(v0) || !(v < cap) || ups[j] >= end[i]) continue;
      v++;
      x.push(ups[j]);
      y.push(v);
    }
    x.push(end[i]);
    y.push(values[i]);
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y) };
}
