// The spans in which a queue service's SQS queue sent no CloudWatch datapoint, read from
// events.csv (src/sim/sqs-activity.ts; docs/assumptions.md, "Inactive queue"): a
// `queue-inactive` row is logged at the end of the last period that keeps its datapoint,
// so the periods starting at or after it have none; a `queue-metrics-resumed` row is logged
// at the end of the first period with a datapoint again. ApproximateNumberOfMessagesVisible
// and BacklogPerTask (metric math on it) have no datapoint for a period starting in
// [inactive, resumed - period), or from `inactive` to the run's end without a resumed row.

import { periodOf, type EventRow, type SeriesRow } from './results-tables.js';

/** One silence of a service's queue: its queue-inactive row's time, its queue-metrics-resumed row's (null: none by the run's end), s. */
export interface QueueSilence {
  inactiveS: number;
  resumedS: number | null;
}

/** The queue's silences of `service`, in time order. */
export function queueSilences(events: readonly EventRow[], service: string): QueueSilence[] {
  const spans: QueueSilence[] = [];
  for (const e of events) {
    if (e.subject !== service) continue;
    if (e.type === 'queue-inactive') spans.push({ inactiveS: e.timeS, resumedS: null });
    else if (e.type === 'queue-metrics-resumed' && spans.length > 0 && spans[spans.length - 1].resumedS === null) spans[spans.length - 1].resumedS = e.timeS;
  }
  return spans;
}

/** The silence in which a period [startS, startS + periodS) has no queue datapoint, or null. */
export function silenceOf(spans: readonly QueueSilence[], startS: number, periodS: number): QueueSilence | null {
  return spans.find((x) => startS >= x.inactiveS - 1e-9 && (x.resumedS === null || startS + periodS < x.resumedS - 1e-9)) ?? null;
}


/**
 * The rows with `queueSilent` set on those of a period without a queue datapoint (the others
 * as they are); the same array when no service's queue went inactive.
 */
export function markQueueSilences(rows: readonly SeriesRow[], events: readonly EventRow[]): readonly SeriesRow[] {
  const services = new Set(events.filter((e) => e.type === 'queue-inactive').map((e) => e.subject));
  if (services.size === 0) return rows;
  const spans = new Map([...services].map((s) => [s, queueSilences(events, s)]));
  const periods = new Map([...services].map((s) => [s, periodOf(rows.filter((r) => r.service === s))]));
  return rows.map((r) => {
    const own = spans.get(r.service);
    if (own === undefined) return r;
    const silent = silenceOf(own, r.timeS, periods.get(r.service)!) !== null;
    return silent === (r.queueSilent ?? false) ? r : { ...r, queueSilent: silent };
  });
}
