// Timeline items for a queue service's SQS queue gone inactive, and the note on the scale
// out its metrics' return made, read from events.csv (src/sim/sqs-activity.ts;
// docs/assumptions.md, "Inactive queue"): a `queue-inactive` row ("SQS queue inactive since
// 6h20m: no message and no task polling it since 20m (inactiveAfter 6h); ...") at the end of
// the last period with a datapoint (the moment it went inactive, inside that period when
// inactiveAfter is not a whole number of periods), and the next `queue-metrics-resumed` row ("SQS queue
// active again since 8h (a message arrived); its CloudWatch metrics resume with the
// datapoint at 8h15m, 15m after activation (...)") at the end of the first period with one
// again. Durations in those messages are formatDuration's, from the run's start.

import type { EventRow } from '../data/results-data.js';
import { clockLabel, spanLabel, type SimClock } from '../format/sim-time.js';
import { parseDuration } from '../../../scenario/duration.js';
import { isQueueMetric } from '../../../model/queue-metric.js';
import type { ScalingActivity } from './parse-scaling-activity.js';
import type { ScenarioSettings } from '../data/scenario-settings.js';

export interface QueueInactivity {
  service: string;
  /** The queue-inactive row's time (s): the datapoints stop with the period starting then. */
  inactiveS: number;
  /** When it went inactive (s): at or before inactiveS, in the period that ends then. */
  wentS: number;
  /** No message and no task polling it for this long (s), since `sinceS`: wentS - sinceS. */
  idleS: number;
  sinceS: number;
  /** Its metrics again: the activation (its time, by what), the first datapoint's period start (s), the resumed row's time; null when not by the run's end. */
  resumed: { activatedS: number; by: string; datapointS: number; rowS: number } | null;
}

const INACTIVE = /^SQS queue inactive since (\S+): no message and no task polling it since (\S+) \(/;
const RESUMED = /^SQS queue active again since (\S+) \(([^)]*)\); its CloudWatch metrics resume with the datapoint at (\S+),/;

/** A formatDuration text in seconds; null when it reads as none (parseDuration's error text). */
const seconds = (d: string): number | null => {
  const ms = parseDuration(d);
  return typeof ms === 'number' ? ms / 1000 : null;
};

/** Each service's inactive spells, in time order (rows whose message does not read as above are left out). */
export function queueInactivities(events: readonly EventRow[]): QueueInactivity[] {
  const spells: QueueInactivity[] = [];
  const open = new Map<string, QueueInactivity>();
  for (const e of events) {
    if (e.type === 'queue-inactive') {
      const m = INACTIVE.exec(e.message);
      const wentS = m ? seconds(m[1]) : null;
      const sinceS = m ? seconds(m[2]) : null;
      if (wentS === null || sinceS === null) continue;
      const spell: QueueInactivity = { service: e.subject, inactiveS: e.timeS, wentS, idleS: wentS - sinceS, sinceS, resumed: null };
      spells.push(spell);
      open.set(e.subject, spell);
    } else if (e.type === 'queue-metrics-resumed') {
      const spell = open.get(e.subject);
      const m = RESUMED.exec(e.message);
      const activatedS = m ? seconds(m[1]) : null;
      const datapointS = m ? seconds(m[3]) : null;
      if (!spell || activatedS === null || datapointS === null) continue;
      spell.resumed = { activatedS, by: m![2], datapointS, rowS: e.timeS };
      open.delete(e.subject);
    }
  }
  return spells;
}

/**
 * "At 06:20 worker's SQS queue went inactive (no message and no task polling it for 6.0 h,
 * since 00:20): SQS stopped sending its metrics (ApproximateNumberOfMessagesVisible, and
 * BacklogPerTask from it); active again at 08:00 (a message arrived), they resumed with the
 * 08:15 datapoint, 15 min later (activationMetricsDelay)."
 */
export function queueInactivityText(q: QueueInactivity, clock: SimClock): string {
  const head =
    `At ${clockLabel(clock, q.wentS)} ${q.service}'s SQS queue went inactive (no message and no task polling it for ${spanLabel(q.idleS)}, since ${clockLabel(clock, q.sinceS)}): ` +
    'SQS stopped sending its metrics (ApproximateNumberOfMessagesVisible, and BacklogPerTask from it)';
  const r = q.resumed;
  if (r === null) return `${head}; still none at the end of the run.`;
  const late = r.datapointS - r.activatedS;
  const when = late > 0 ? `, ${spanLabel(late)} later (activationMetricsDelay)` : ' (activationMetricsDelay 0)';
  return `${head}; active again at ${clockLabel(clock, r.activatedS)} (${r.by}), they resumed with the ${clockLabel(clock, r.datapointS)} datapoint${when}.`;
}


/**
 * The scale outs its queue's return to CloudWatch made: for each spell with its metrics
 * resumed, the service's first scaling activity since the activation, when it is at or
 * after the resumed row and a scale out by a policy on the queue's metric (the alarm could
 * not see the messages before): "; its alarm had no datapoint from 06:20 to the 08:15 one: the SQS
 * queue had been inactive, and its metrics resumed 15 min after a message arrived at 08:00".
 */
export function lateWakeNotes(spells: readonly QueueInactivity[], activities: readonly ScalingActivity[], settings: ScenarioSettings, clock: SimClock): Map<ScalingActivity, string> {
  const notes = new Map<ScalingActivity, string>();
  for (const q of spells) {
    const r = q.resumed;
    if (r === null) continue;
    const first = activities.find((a) => a.subject === q.service && a.timeS >= r.activatedS);
    if (!first || first.direction !== 'out' || first.timeS < r.rowS) continue;
    const policy = /^(?:target tracking|step scaling) (\S+):/.exec(first.cause)?.[1];
    const s = settings.services.get(q.service);
    const metric = s?.alarms.find((a) => a.policy === policy)?.metric ?? s?.lines.find((l) => l.policy === policy)?.metric;
    if (policy === undefined || metric === undefined || !isQueueMetric(metric)) continue;
    const late = r.datapointS - r.activatedS;
    const by = r.by === 'a message arrived' ? 'a message arrived' : `it was activated (${r.by})`;
    notes.set(
      first,
      `; its alarm had no datapoint from ${clockLabel(clock, q.inactiveS)} to the ${clockLabel(clock, r.datapointS)} one: the SQS queue had been inactive, and its metrics resumed ${spanLabel(late)} after ${by} at ${clockLabel(clock, r.activatedS)}`,
    );
  }
  return notes;
}
