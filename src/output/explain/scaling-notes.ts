// The "why did it not scale" notes of `ecsim explain`, read from timeseries.csv against
// each target tracking policy's alarms (aws-behaviour.md §2): scale out blocked while the
// service sat at maxCapacity with the metric above target, and why no scale in happened
// since the last scaling activity (the low alarm needs 15 consecutive datapoints below
// 90 % of the target; in ALARM, target tracking still keeps the capacity when
// ceil(current x metric / target) >= current, since removing a task would push the metric
// above the target), and why a service left at 0 tasks with load waiting did not scale out
// from 0 (a metric measured over RUNNING tasks has no datapoint; target tracking asks for
// ceil(0 x metric / target) = 0).

import { proportionalCapacity } from '../../scaling/target-tracking.js';
import { visibleMessages } from '../../model/queue-metric.js';
import { formatClock, formatClockExact, type ClockFormat } from './format-clock.js';
import { LINE_ORDER, formatRate, metricLabel, needsRunningTask, type ExplainLine } from './explain-line.js';
import { periodOf, policyAlarmNames, type EventRow, type PolicyInfo, type SeriesRow, type ServiceInfo } from './results-tables.js';
import { cooldownsAt, lowAlarmState, type PolicyCooldowns } from './cooldown-replay.js';
import { parseAlarmTransition, parseHeldScaleIn } from './parse-scaling-activity.js';
import { bisectLeft } from 'd3-array';
import { markQueueSilences, queueSilences, silenceOf, type QueueSilence } from './queue-silences.js';
import { isQueueMetric } from '../../model/queue-metric.js';

/** AAS's managed low alarm: 15 of 15 datapoints below 90 % of the target. */
export const LOW_ALARM_DATAPOINTS = 15;
export const LOW_ALARM_FRACTION = 0.9;
/** Datapoints at maxCapacity above target before explain notes a blocked scale out (the high alarm's 3). */
export const HIGH_ALARM_DATAPOINTS = 3;
/** metrics.period + metrics.publishDelay by default (60 s + 60 s): a row at T is first evaluated at T + 120 s. */
const DEFAULT_EVALUATION_LAG_S = 120;

/**
 * The policy's metric in a timeseries row, where the row has it (null: no datapoint; the
 * queue's metrics have none in a period its SQS queue was silent: queue-silences.ts).
 */
export function metricOf(row: SeriesRow, metricName: string | null): number | null {
  if (row.queueSilent === true && isQueueMetric(metricName)) return null;
  switch (metricName) {
    case 'CPUUtilization':
      return row.cpuUtilization;
    case 'MemoryUtilization':
      return row.memoryUtilization;
    case 'BacklogPerTask':
      // as published: the whole count of visible messages over the running tasks (simulation.ts)
      return row.backlog !== null && row.runningCount > 0 ? visibleMessages(row.backlog) / row.runningCount : null;
    case 'ApproximateNumberOfMessagesVisible':
      return row.backlog === null ? null : visibleMessages(row.backlog);
    case 'RequestCountPerTarget':
      return row.requestCountPerTarget;
    default:
      return null;
  }
}

export interface NotesWindow {
  fromS: number;
  toS: number;
  /** Times of this service's scaling activities (s), in time order: the events' scaling-activity rows of it. */
  activityTimes: readonly number[];
  /** events.csv's rows (time order): the alarm states and the activities that started cooldowns. */
  events?: readonly EventRow[];
  /** From a period's start to the alarm evaluation that first sees its datapoint (s): metrics.period + metrics.publishDelay, 120 when absent. */
  evaluationLagS?: number;
}

export function scalingNotes(service: ServiceInfo, given: readonly SeriesRow[], w: NotesWindow, clock: ClockFormat): ExplainLine[] {
  const lines: ExplainLine[] = [];
  // the periods of an inactive queue: no datapoint of its metrics (readResults marks them too)
  const rows = markQueueSilences(given, w.events ?? []);
  // only the periods that ended by toS
  const period = periodOf(rows);
  const endedBy = (r: SeriesRow) => r.timeS + period <= w.toS + 1e-9;
  const inWindow = rows.filter((r) => r.timeS >= w.fromS && endedBy(r));
  if (inWindow.length === 0) return lines;
  const note = (timeS: number, text: string) => lines.push({ timeS, service: service.name, provider: null, order: LINE_ORDER.note, text: `${service.name}: ${text}` });
  const tracking = service.policies.filter((p) => p.policyType === 'TargetTrackingScaling' && p.targetValue !== null);

  const silences = queueSilences(w.events ?? [], service.name);
  for (const run of stuckAtZero(inWindow)) {
    const why = noScaleOutFromZero(service.policies, run.rows, period, silences, clock);
    if (why === null) continue;
    const span = `${formatClock(run.from, clock)}-${formatClock(run.to, clock)}`;
    const load = service.workloadType === 'queue' ? `the backlog reached ${formatRate(run.backlog)}` : `${formatRate(run.rate)} rps offered`;
    // (a step alarm on it that saw no datapoint, its queue inactive, is told above instead)
    const hint =
      service.workloadType === 'queue' && !service.policies.some((p) => p.policyType === 'StepScaling' && p.metricName === 'ApproximateNumberOfMessagesVisible')
        ? '; a step scaling alarm on ApproximateNumberOfMessagesVisible (the queue\'s, reported whatever the tasks while the queue is active) scales out from 0'
        : '';
    note(run.from, `no scale out from 0 (${span}, desired 0, ${load}): ${why}${hint}`);
  }

  // a run at maxCapacity is counted from before the window too (the high alarm's datapoints
  // go on across the window's start), and told at the window's start when it began before
  const endedRows = rows.filter(endedBy);
  for (const p of tracking) {
    for (const run of atMaxAboveTarget(service, endedRows, p, rows, w.events ?? [], w.activityTimes, w.evaluationLagS ?? DEFAULT_EVALUATION_LAG_S)) {
      if (run.to <= w.fromS + 1e-9) continue;
      const { label, unit } = metricLabel(p.metricName);
      const span = `(${formatClock(run.from, clock)}-${formatClock(run.to, clock)}, up to ${formatRate(run.peak)}${unit})`;
      const at = Math.max(run.from, w.fromS);
      if (run.blocked) {
        note(at, `scale out blocked: already at maxCapacity ${run.max} while ${label} was above ${p.targetValue}${unit} ${span}`);
        continue;
      }
      const { base, value, wanted } = run.ask;
      const some = run.minWaiting === run.maxWaiting ? `${run.maxWaiting}` : `up to ${run.maxWaiting}`;
      note(
        at,
        `${label} above ${p.targetValue}${unit} while ${some} of ${run.max} tasks were not yet RUNNING (pending) ${span}: ` +
          `in the scale-out cooldown target tracking asks for ceil(${base} x ${formatRate(value)}/${p.targetValue}) = ${wanted}, not above maxCapacity ${run.max}`,
      );
    }
  }

  for (const p of service.policies) {
    if (p.policyType !== 'StepScaling') continue;
    const held = stepHeldAtMax(service, p, inWindow, w.events ?? [], w.fromS, w.toS);
    if (held) note(w.fromS, `scale out blocked: already at maxCapacity ${held.max} while step scaling ${p.name}'s alarm ${held.alarm} was in ALARM (since ${formatClock(held.sinceS, clock)})`);
  }

  const last = inWindow[inWindow.length - 1];
  const min = last.minCapacity ?? service.minCapacity;
  if (service.policies.length === 0 || min === null || last.desiredCount <= min) return lines;
  const mayScaleIn = tracking.filter((p) => !p.disableScaleIn);
  if (mayScaleIn.length === 0 && service.policies.every((p) => p.policyType === 'TargetTrackingScaling')) {
    note(w.toS, `no scale in: every target tracking policy has disableScaleIn (desired ${last.desiredCount}, minCapacity ${min})`);
    return lines;
  }
  const since = Math.max(w.fromS, ...w.activityTimes.filter((t) => t <= w.toS));
  // the low alarm's run of datapoints goes on across a scaling activity and the window's start
  const upTo = endedRows;
  const firstAfter = upTo.findIndex((r) => r.timeS >= since);
  if (firstAfter < 0) return lines; // a scaling activity at the window's end: no datapoint since
  const events = w.events ?? [];
  const cooldowns = cooldownsAt(service, events, rows, w.toS);
  for (const p of mayScaleIn) {
    const cooling = cooldowns.get(p.name)?.scaleIn ?? null;
    const low = lowAlarmState(service.name, p.name, events, w.toS);
    if (cooling && low.state === 'ALARM') {
      const by = cooling.by;
      note(
        w.toS,
        `no scale in since ${formatClock(since, clock)}: the low alarm is in ALARM, but scale-in cooldown (${p.scaleInCooldownS} s) ` +
          `after the scale in ${by.from} -> ${by.to} at ${formatClock(by.timeS, clock)}, until ${formatClockExact(cooling.untilS, clock)}`,
      );
      continue;
    }
    const from = formatClock(since, clock);
    const others = mayScaleIn.length > 1;
    const missing = noDatapointsSince(p, upTo, low.sinceS === null ? null : low.state, others, clock);
    if (missing) {
      note(w.toS, `no scale in since ${from}: ${missing}`);
      continue;
    }
    if (low.state === 'ALARM') {
      // AAS scales in only when every target tracking policy with scale in enabled is ready to
      const blocker = mayScaleIn
        .filter((q) => q !== p)
        .map((q) => ({ q, state: lowAlarmState(service.name, q.name, events, w.toS).state }))
        .find((x) => x.state !== 'ALARM');
      if (blocker) {
        note(
          w.toS,
          `no scale in since ${from}: policy ${p.name}'s AlarmLow is in ALARM, but target tracking policy ${blocker.q.name}'s AlarmLow is ${blocker.state}, ` +
            'and target tracking scales in only when every policy is ready to',
        );
        continue;
      }
      // a policy asking to scale out but unable (at maxCapacity, its scale-out cooldown) holds
      // the scale in off: the largest capacity wins (a scale-in-held event, once per stay)
      const held = latestHeld(events, service, p.name, w.toS);
      if (held) {
        note(w.toS, `no scale in since ${from}: policy ${p.name}'s AlarmLow is in ALARM, but ${held.why} (since ${formatClock(held.timeS, clock)})`);
        continue;
      }
    }
    const text = whyNoScaleIn(p, upTo, firstAfter, since, clock, service.minCapacity);
    if (text) note(w.toS, text + gapsWithin(p, service.name, upTo, firstAfter, events, period, clock));
  }
  return lines;
}

/**
 * When the policy's metric has had no datapoint in the latest rows (RequestCountPerTarget
 * with no registered target, or with no requests in a folder written before 2026-11-27, a
 * per-task metric with none RUNNING) for the low alarm's 15 periods, or
 * since before its AlarmLow went INSUFFICIENT_DATA: why it cannot scale in (missing
 * datapoints leave a target tracking alarm INSUFFICIENT_DATA, and AAS scales in only when
 * every policy is ready to: application-auto-scaling-target-tracking.html). Null otherwise,
 * and when the metric never had a datapoint in the rows (a folder written before the
 * request_count_per_target column). `lowState` is the AlarmLow's state from events.csv,
 * null without an alarm-state row.
 */
function noDatapointsSince(p: PolicyInfo, rows: readonly SeriesRow[], lowState: string | null, others: boolean, clock: ClockFormat): string | null {
  const values = rows.map((r) => metricOf(r, p.metricName));
  if (values.length === 0 || values[values.length - 1] !== null) return null;
  let start = values.length - 1;
  while (start > 0 && values[start - 1] === null) start--;
  if (start === 0) return null;
  const gap = rows.slice(start);
  if (gap.length < LOW_ALARM_DATAPOINTS && lowState !== 'INSUFFICIENT_DATA') return null;
  const cause = gapCause(p, gap);
  const alarm = lowState === null ? 'its AlarmLow has no datapoint to go to ALARM on' : `its AlarmLow is ${lowState}`;
  const rule = others ? ', and target tracking scales in only when every policy is ready to' : '';
  return `no ${p.metricName} datapoints since ${formatClock(gap[0].timeS, clock)}${cause}: ${alarm}${rule}`;
}

/**
 * The scale-in-held event of the policy's scale in whose stay goes on at toS, with its reason:
 * the latest one by toS (it is logged once per stay, maybe before the window), unless a
 * scaling activity of the service, or the policy's AlarmLow or the holding policy's alarm
 * (a target tracking policy's AlarmHigh, a step policy's alarm) leaving ALARM, ended it since.
 */
function latestHeld(events: readonly EventRow[], service: ServiceInfo, policy: string, toS: number): { timeS: number; why: string } | null {
  const low = `TargetTracking-${service.name}-${policy}-AlarmLow`;
  let found: { timeS: number; why: string; holding: string } | null = null;
  for (const e of events) {
    if (e.timeS > toS) break;
    if (e.subject !== service.name) continue;
    if (e.type === 'scaling-activity') found = null;
    else if (e.type === 'alarm-state' && found) {
      const tr = parseAlarmTransition(e.message);
      // (both were in ALARM at the event: any change of either is leaving it)
      if (tr && (tr.alarm === low || tr.alarm === found.holding)) found = null;
    } else if (e.type === 'scale-in-held') {
      const h = parseHeldScaleIn(e.message);
      if (h && h.policy === policy) found = { timeS: e.timeS, why: h.why, holding: holdingAlarm(service, h.byKind, h.by) };
    }
  }
  return found && { timeS: found.timeS, why: found.why };
}

/** The alarm whose ALARM makes a policy's scale-out request: a target tracking policy's AlarmHigh, a step policy's alarm. */
function holdingAlarm(service: ServiceInfo, kind: string, policy: string): string {
  if (kind === 'target tracking') return `TargetTracking-${service.name}-${policy}-AlarmHigh`;
  const p = service.policies.find((q) => q.name === policy);
  return p ? policyAlarmNames(service.name, p)[0] : `StepScaling-${service.name}-${policy}`;
}

/**
 * Why a run of rows has no datapoint of the policy's metric, where the rows show it: " (no
 * registered target)" (RequestCountPerTarget with no task RUNNING: the target group has
 * nothing to divide by), " (0 RUNNING)" (a per-task metric), " (no requests)" (a folder
 * written before 2026-11-27: RequestCountPerTarget then had no datapoint in a period with no
 * request while tasks were RUNNING), or "".
 */
function gapCause(p: PolicyInfo, gap: readonly SeriesRow[]): string {
  if (gap.every((r) => r.runningCount === 0)) {
    if (p.metricName === 'RequestCountPerTarget') return ' (no registered target)';
    if (needsRunningTask(p.metricName)) return ' (0 RUNNING)';
  }
  if (isQueueMetric(p.metricName) && gap.every((r) => r.queueSilent === true)) return ' (SQS queue inactive)';
  if (p.metricName === 'RequestCountPerTarget' && gap.every((r) => r.requestRate === 0 && r.runningCount > 0)) return ' (no requests)';
  return '';
}

/**
 * The stretches of rows[firstAfter..] with no datapoint of the policy's metric that kept its
 * AlarmLow from going to ALARM, as "; no RequestCountPerTarget datapoints 08:10-09:00 (no
 * registered target): its AlarmLow was INSUFFICIENT_DATA 08:28-09:02": those during which the AlarmLow
 * went INSUFFICIENT_DATA (events.csv), and those of 15 periods or more (the low alarm's
 * datapoints; missing datapoints never count toward it). "" when none.
 */
function gapsWithin(
  p: PolicyInfo,
  service: string,
  rows: readonly SeriesRow[],
  firstAfter: number,
  events: readonly EventRow[],
  period: number,
  clock: ClockFormat,
): string {
  // the AlarmLow's INSUFFICIENT_DATA spans [from, to) (to: Infinity while it stays there)
  const alarm = `TargetTracking-${service}-${p.name}-AlarmLow`;
  const spans: { from: number; to: number }[] = [];
  for (const e of events) {
    if (e.type !== 'alarm-state' || e.subject !== service) continue;
    const tr = parseAlarmTransition(e.message);
    if (!tr || tr.alarm !== alarm) continue;
    if (tr.to === 'INSUFFICIENT_DATA' && tr.from !== 'INSUFFICIENT_DATA') spans.push({ from: e.timeS, to: Infinity });
    else if (tr.from === 'INSUFFICIENT_DATA' && spans.length > 0 && spans[spans.length - 1].to === Infinity) spans[spans.length - 1].to = e.timeS;
  }
  const parts: string[] = [];
  // a folder written before the request_count_per_target column has none in any row
  if (!rows.some((r) => metricOf(r, p.metricName) !== null)) return '';
  let i = firstAfter;
  while (i < rows.length) {
    if (metricOf(rows[i], p.metricName) !== null) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < rows.length && metricOf(rows[j + 1], p.metricName) === null) j++;
    const from = rows[i].timeS;
    const to = rows[j].timeS + period;
    // the alarm sees the gap's datapoints from one evaluation lag later: a span starting within the gap or soon after
    const span = spans.find((x) => x.from >= from && x.from <= to + LOW_ALARM_DATAPOINTS * period);
    if (span || j - i + 1 >= LOW_ALARM_DATAPOINTS) {
      const spanText = span
        ? `: its AlarmLow was INSUFFICIENT_DATA ${formatClock(span.from, clock)}-${span.to === Infinity ? 'end' : formatClock(span.to, clock)}`
        : `: ${j - i + 1} periods its AlarmLow could not go to ALARM on`;
      parts.push(`no ${p.metricName} datapoints ${formatClock(from, clock)}-${formatClock(to, clock)}${gapCause(p, rows.slice(i, j + 1))}${spanText}`);
    }
    i = j + 1;
  }
  return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
}

/**
 * Why none of the policies scales out from 0 tasks over a run of rows, or null when one may:
 * a metric measured over RUNNING tasks has no datapoint then; target tracking asks for
 * ceil(0 x metric / target) = 0; a step alarm on another metric (the queue's) is reported
 * and may scale, unless the queue was inactive (no datapoint) in some of the run's periods:
 * those are named, "no ApproximateNumberOfMessagesVisible datapoints 08:00-08:15 (SQS queue
 * inactive since 06:20; its metrics resumed with the 08:15 datapoint)".
 */
function noScaleOutFromZero(policies: readonly PolicyInfo[], run: readonly SeriesRow[], period: number, silences: readonly QueueSilence[], clock: ClockFormat): string | null {
  if (policies.length === 0) return null;
  const parts: string[] = [];
  for (const p of policies) {
    if (needsRunningTask(p.metricName)) parts.push(`policy ${p.name}: no datapoint: 0 RUNNING (${p.metricName} is measured over running tasks)`);
    else if (p.policyType === 'TargetTrackingScaling') parts.push(`policy ${p.name}: target tracking asks for ceil(0 x ${p.metricName ?? 'metric'}/${p.targetValue}) = 0`);
    else {
      const silent = isQueueMetric(p.metricName) ? run.filter((r) => metricOf(r, p.metricName) === null) : [];
      if (silent.length === 0) return null;
      const first = silent[0];
      const last = silent[silent.length - 1];
      const silence = silenceOf(silences, first.timeS, period);
      const since = silence === null ? '' : ` since ${formatClock(silence.inactiveS, clock)}`;
      // its first datapoint again is the period ending at the resumed row
      const resumed = silence?.resumedS == null ? '; no datapoint since' : `; its metrics resumed with the ${formatClock(silence.resumedS - period, clock)} datapoint`;
      parts.push(`policy ${p.name}: no ${p.metricName} datapoints ${formatClock(first.timeS, clock)}-${formatClock(last.timeS + period, clock)} (SQS queue inactive${since}${resumed})`);
    }
  }
  return parts.join('; ');
}

/** Runs of periods with desired 0, none RUNNING and load waiting (a backlog, or requests offered). */
function stuckAtZero(rows: readonly SeriesRow[]): { from: number; to: number; backlog: number; rate: number; rows: SeriesRow[] }[] {
  const runs: { from: number; to: number; backlog: number; rate: number; rows: SeriesRow[] }[] = [];
  let cur: { from: number; to: number; backlog: number; rate: number; rows: SeriesRow[] } | null = null;
  for (const r of rows) {
    const stuck = r.desiredCount === 0 && r.runningCount === 0 && r.maxCapacity !== 0 && ((r.backlog ?? 0) > 0 || r.requestRate > 0);
    if (!stuck) {
      cur = null;
      continue;
    }
    if (cur === null) {
      cur = { from: r.timeS, to: r.timeS, backlog: 0, rate: 0, rows: [] };
      runs.push(cur);
    }
    cur.rows.push(r);
    cur.to = r.timeS + periodOf(rows);
    cur.backlog = Math.max(cur.backlog, r.backlog ?? 0);
    cur.rate = Math.max(cur.rate, r.requestRate);
  }
  return runs;
}

interface AtMaxRun {
  from: number;
  to: number;
  max: number;
  peak: number;
  /** The policy's own arithmetic would ask for more than maxCapacity (else: tasks not yet RUNNING). */
  blocked: boolean;
  /** Desired minus RUNNING over the run (for a run not blocked). */
  minWaiting: number;
  maxWaiting: number;
  /** The arithmetic at the run's peak datapoint. */
  ask: { base: number; value: number; wanted: number };
}

/**
 * A step policy's scale-out alarm that entered ALARM before the window and stayed in ALARM
 * through it (its last alarm-state event by toS is that entry), while every period in the
 * window was at maxCapacity: its scale out was held at maxCapacity the whole window. (An
 * entry inside the window is told by the alarm's own line.)
 */
function stepHeldAtMax(
  service: ServiceInfo,
  p: PolicyInfo,
  inWindow: readonly SeriesRow[],
  events: readonly EventRow[],
  fromS: number,
  toS: number,
): { alarm: string; sinceS: number; max: number } | null {
  const names = policyAlarmNames(service.name, p);
  let entry: { alarm: string; timeS: number } | null = null;
  for (const e of events) {
    if (e.timeS > toS) break;
    if (e.type !== 'alarm-state' || e.subject !== service.name) continue;
    const t = parseAlarmTransition(e.message);
    if (!t || !names.includes(t.alarm)) continue;
    entry = t.to === 'ALARM' && t.evaluation !== null && t.evaluation.op.startsWith('>') ? { alarm: t.alarm, timeS: e.timeS } : null;
  }
  if (entry === null || entry.timeS >= fromS) return null;
  // a policy that found no step (or a change of 0) in that stay asked for nothing: not held
  const since = entry.timeS;
  if (events.some((e) => e.type === 'no-step-adjustment' && e.subject === service.name && e.timeS >= since && e.timeS <= toS && e.message.startsWith(`step scaling ${p.name}: `))) return null;
  const max = inWindow[0].maxCapacity;
  if (max === null || !inWindow.every((r) => r.maxCapacity === max && r.desiredCount >= max)) return null;
  return { alarm: entry.alarm, sinceS: entry.timeS, max };
}

/**
 * Runs of >= 3 periods with the metric above target while desired was at maxCapacity,
 * split by whether the policy would ask for more than maxCapacity as the scaler computes
 * it (target-tracking-policy.ts, cooldown.ts trackingScaleOutBase): outside the scale-out
 * cooldown from the desired count (ceil(max x metric / target) > max whenever the metric is
 * above target), in it from max(the capacity before the scale out that started it, the
 * tasks the datapoint covered: the row's RUNNING). In the cooldown, with tasks still
 * PENDING, the policy may ask for no more than is already set: not blocked by maxCapacity.
 * The cooldown is the one at the row's evaluation, `evaluationLagS` (metrics.period +
 * metrics.publishDelay) after its start, when the datapoint becomes visible to the alarm
 * (alarm.ts); the scaling activities before that instant count.
 */
function atMaxAboveTarget(
  service: ServiceInfo,
  rows: readonly SeriesRow[],
  p: PolicyInfo,
  allRows: readonly SeriesRow[],
  events: readonly EventRow[],
  acts: readonly number[],
  evaluationLagS: number,
): AtMaxRun[] {
  const runs: AtMaxRun[] = [];
  let cur: AtMaxRun | null = null;
  let count = 0;
  const close = () => {
    if (cur !== null && count >= HIGH_ALARM_DATAPOINTS) runs.push(cur);
    cur = null;
    count = 0;
  };
  const period = periodOf(rows);
  // the replayed scale-out cooldown changes only at the service's scaling activities: one
  // replay per activity (not per row), then its end compared with the evaluation's time (the
  // activities before it: one at that instant may be the evaluation's own)
  const replayed = new Map<number, PolicyCooldowns['scaleOut']>();
  const scaleOutAt = (t: number): PolicyCooldowns['scaleOut'] => {
    // how many activities before t
    const k = bisectLeft(acts, t);
    if (k === 0) return null;
    if (!replayed.has(k)) replayed.set(k, cooldownsAt(service, events, allRows, acts[k - 1]).get(p.name)?.scaleOut ?? null);
    const o = replayed.get(k)!;
    return o !== null && t < o.untilS ? o : null;
  };
  for (const r of rows) {
    const v = metricOf(r, p.metricName);
    if (v === null || !(v > p.targetValue!) || r.maxCapacity === null || r.desiredCount < r.maxCapacity) {
      close();
      continue;
    }
    // the scaler first evaluates the row's datapoint a period and a publish delay after its start
    const out = scaleOutAt(r.timeS + evaluationLagS);
    const before = out === null ? r.desiredCount : Math.min(out.by.from, out.lowered?.to ?? Infinity);
    const base = out === null ? r.desiredCount : Math.max(before, Math.min(r.runningCount, r.desiredCount));
    const wanted = proportionalCapacity(base, v, p.targetValue!);
    const blocked = wanted > r.maxCapacity;
    const waiting = Math.max(0, r.desiredCount - r.runningCount);
    if (cur !== null && (cur.blocked !== blocked || cur.max !== r.maxCapacity)) close();
    if (cur === null) {
      cur = { from: r.timeS, to: r.timeS, max: r.maxCapacity, peak: -Infinity, blocked, minWaiting: waiting, maxWaiting: waiting, ask: { base, value: v, wanted } };
    }
    const c: AtMaxRun = cur;
    count++;
    c.to = r.timeS + period;
    c.minWaiting = Math.min(c.minWaiting, waiting);
    c.maxWaiting = Math.max(c.maxWaiting, waiting);
    if (v > c.peak) {
      c.peak = v;
      c.ask = { base, value: v, wanted };
    }
  }
  close();
  return runs;
}

/**
 * Why no scale in since `since`, judged on rows[firstAfter..] (rows[firstAfter] is the first
 * at or after `since`); the runs below the threshold are counted from the earlier rows too.
 */
function whyNoScaleIn(
  p: PolicyInfo,
  rows: readonly SeriesRow[],
  firstAfter: number,
  since: number,
  clock: ClockFormat,
  serviceMin: number | null,
): string | null {
  if (firstAfter < 0) return null;
  const { label, unit } = metricLabel(p.metricName);
  const threshold = LOW_ALARM_FRACTION * p.targetValue!;
  const values = rows.map((r) => metricOf(r, p.metricName));
  const seen = values.slice(firstAfter).filter((v): v is number => v !== null);
  if (seen.length === 0) return null;
  const thr = `${formatRate(threshold)}${unit} (90 % of the target ${p.targetValue})`;
  const from = formatClock(since, clock);
  const lowest = Math.min(...seen);
  if (lowest >= threshold) return `no scale in since ${from}: ${label} stayed at or above ${thr}, lowest ${formatRate(lowest)}${unit}`;
  let longest = 0;
  let longestFrom = since;
  let run = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    run = v !== null && v < threshold ? run + 1 : 0;
    if (i >= firstAfter && run > longest) {
      longest = run;
      longestFrom = rows[i - run + 1].timeS;
    }
  }
  if (longest < LOW_ALARM_DATAPOINTS) {
    return `no scale in since ${from}: ${label} was below ${thr} for at most ${longest} consecutive datapoints; the low alarm needs ${LOW_ALARM_DATAPOINTS}`;
  }
  const kept = keptInAlarm(p, rows, values, threshold, serviceMin, firstAfter);
  if (kept !== null) {
    const { row, value, wanted, min } = kept;
    const state = row === rows[rows.length - 1] ? 'is' : 'was';
    const ceil = `ceil(${row.desiredCount} x ${formatRate(value)}/${p.targetValue}) = ${wanted}`;
    const why =
      wanted >= row.desiredCount
        ? `${ceil}: removing a task would push ${label} above the target, so target tracking keeps ${row.desiredCount}`
        : `${ceil}, and desired ${row.desiredCount} is at minCapacity ${min}`;
    return `no scale in since ${from}: ${label} below ${thr} for ${longest} consecutive datapoints, so the low alarm ${state} in ALARM, but ${why}`;
  }
  // the run may have begun before the last scaling activity: its own start is named
  return `${label} below ${thr} for ${longest} consecutive datapoints since ${formatClock(longestFrom, clock)}: scale in is due once the low alarm sees ${LOW_ALARM_DATAPOINTS} of them (each visible one publish delay after its period), outside a scale-in cooldown`;
}

/**
 * When every datapoint at which the low alarm is in ALARM (the 15th and later of a run
 * below the threshold) leaves the capacity where it is (ceil(desired x metric / target) >=
 * desired, or that clamped to minCapacity is), the newest such datapoint; null when at one
 * of them a scale in was due (or none puts the alarm in ALARM).
 */
function keptInAlarm(
  p: PolicyInfo,
  rows: readonly SeriesRow[],
  values: readonly (number | null)[],
  threshold: number,
  serviceMin: number | null,
  firstAfter: number,
): { row: SeriesRow; value: number; wanted: number; min: number } | null {
  let kept: { row: SeriesRow; value: number; wanted: number; min: number } | null = null;
  let run = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[i];
    run = v !== null && v < threshold ? run + 1 : 0;
    if (run < LOW_ALARM_DATAPOINTS || i < firstAfter) continue;
    const row = rows[i];
    const wanted = proportionalCapacity(row.desiredCount, v!, p.targetValue!);
    const min = row.minCapacity ?? serviceMin ?? 0;
    if (Math.max(wanted, min) < row.desiredCount) return null;
    kept = { row, value: v!, wanted, min };
  }
  return kept;
}

