// Test driver: feeds one synthetic datapoint per minute into a MetricStore and calls the
// ServiceAutoScaler when each minute's datapoint becomes visible (period 60 s, publish
// delay 60 s), as the simulation will.

import { MetricStore, ServiceAutoScaler, type ScalingEvent } from '../../src/scaling/index.js';

export const MIN = 60_000;

export interface DriveOptions {
  minutes: number;
  /** Metric value(s) for minute m given the desired count during that minute; NaN = missing. */
  metrics: Record<string, (minute: number, desired: number) => number>;
  /** The tasks minute m's datapoints were measured over; default unknown (NaN). */
  tasks?: (minute: number, desired: number) => number;
  publishDelay?: number;
}

export interface DriveResult {
  desired: number[]; // desired count during minute m
  events: ScalingEvent[];
}

export function drive(scaler: ServiceAutoScaler, o: DriveOptions): DriveResult {
  const store = new MetricStore({ period: MIN, publishDelay: o.publishDelay ?? MIN });
  const desired: number[] = [];
  const events: ScalingEvent[] = [];
  let d = scaler.target.desiredCount;
  for (let m = 0; m <= o.minutes; m++) {
    const t = m * MIN;
    // The datapoint of minute m-1 is complete now; it becomes visible one publish delay later.
    if (m > 0) {
      for (const [name, f] of Object.entries(o.metrics)) {
        const v = f(m - 1, desired[m - 1]);
        if (v === v) store.putValue(name, (m - 1) * MIN, v, o.tasks ? o.tasks(m - 1, desired[m - 1]) : NaN);
      }
    }
    const r = scaler.onMetricsVisible(t, store, d);
    events.push(...r.events);
    d = r.desiredCount;
    desired.push(d);
  }
  return { desired, events };
}

export function activities(events: ScalingEvent[]) {
  return events.filter((e) => e.type === 'scaling-activity').map((e) => e.activity!);
}
