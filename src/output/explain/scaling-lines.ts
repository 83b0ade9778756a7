// Scaling sentences of `ecsim explain`: each scaling activity with the alarm datapoints
// and arithmetic behind it, scheduled actions, and alarms that went into ALARM without a
// scaling activity (with why, where the timeseries or a no-step-adjustment or scale-in-held
// event shows it: at maxCapacity / minCapacity, no step for the breach, a scale in held off
// by a policy asking for more).

import { LINE_ORDER, metricLabel, needsRunningTask, type ExplainLine } from './explain-line.js';
import { parseAlarmTransition, parseHeldScaleIn, parseScalingActivity, type AlarmEvaluation } from './parse-scaling-activity.js';
import { proportionalCapacity } from '../../scaling/target-tracking.js';
import { formatDatapoint, formatFormulaMetric } from '../../scaling/format.js';
import { policyAlarmNames, rowAt, type EventRow, type PolicyInfo, type SeriesRow, type ServiceInfo } from './results-tables.js';
import { cooldownsAt, lowAlarmState } from './cooldown-replay.js';
import { formatClock, formatSpan, type ClockFormat } from './format-clock.js';

const OP_WORDS: Record<string, string> = { '>': 'above', '>=': 'at or above', '<': 'below', '<=': 'at or below' };

export interface ScalingContext {
  services: ReadonlyMap<string, ServiceInfo>;
  /** Timeseries rows per service, time order. */
  series: ReadonlyMap<string, readonly SeriesRow[]>;
  /** How times are printed (default: the wall clock from the Unix epoch, one day). */
  clock?: ClockFormat;
}

export function scalingLines(events: readonly EventRow[], ctx: ScalingContext): ExplainLine[] {
  const lines: ExplainLine[] = [];
  // the scaling activities by service and instant: an alarm of the policy that made one is
  // told by the activity's line; another policy's alarm entering ALARM then is told with it
  const activityAt = eventsAt(events, 'scaling-activity');
  // step policies that found no step, by service and instant: the alarm entering ALARM then says why nothing scaled
  const noStepAt = eventsAt(events, 'no-step-adjustment');
  // scale ins a held scale out overruled (largest capacity wins), by service and instant
  const heldAt = eventsAt(events, 'scale-in-held');
  const told = new Set<EventRow>();
  for (const e of events) {
    const isService = ctx.services.has(e.subject) || ctx.series.has(e.subject);
    const push = (text: string) =>
      lines.push({ timeS: e.timeS, service: isService ? e.subject : null, provider: isService ? null : e.subject, order: LINE_ORDER.scaling, text });
    if (e.type === 'scaling-activity') push(describeActivity(e, ctx.services.get(e.subject)));
    else if (e.type === 'scheduled-action') push(`${e.subject}: ${describeScheduled(e.message, ctx.clock)}`);
    else if (e.type === 'alarm-state') {
      const at = `${e.subject}@${e.timeS}`;
      const activities = activityAt.get(at);
      if (activities === undefined) {
        const text = describeQuietAlarm(e, events, ctx, [...(noStepAt.get(at) ?? []), ...(heldAt.get(at) ?? [])], told);
        if (text) push(text);
      } else {
        const text = describeOutdoneAlarm(e, activities, ctx, noStepAt.get(at) ?? [], told);
        if (text) push(text);
      }
    }
  }
  // the ones no alarm line told (a step policy that found a step before, in the same stay in ALARM)
  const untold = (type: string, describe: (e: EventRow) => string | null) => {
    for (const e of events) {
      if (e.type !== type || told.has(e)) continue;
      const text = `${e.subject}: ${describe(e) ?? e.message}`;
      lines.push({ timeS: e.timeS, service: e.subject, provider: null, order: LINE_ORDER.scaling, text });
    }
  };
  untold('no-step-adjustment', (e) => {
    const n = parseNoStep(e.message);
    return n && `step policy ${n.policy} invoked in ALARM: ${n.why}`;
  });
  untold('scale-in-held', (e) => {
    const h = parseHeldScaleIn(e.message);
    return h && `${h.kind} ${h.policy} asks for ${h.capacity} (scale in from ${h.from}): not applied, ${h.why}`;
  });
  return lines;
}

/** The events of one type by service and instant ("web@600"), in time order. */
function eventsAt(events: readonly EventRow[], type: string): Map<string, EventRow[]> {
  const at = new Map<string, EventRow[]>();
  for (const e of events) {
    if (e.type !== type) continue;
    const key = `${e.subject}@${e.timeS}`;
    const list = at.get(key);
    if (list) list.push(e);
    else at.set(key, [e]);
  }
  return at;
}


/**
 * A scheduled action's event: as written, but a firing before the run, replayed at its
 * start, says when that firing was and how long before the run: "scheduled action open
 * (cron(0 8 ? * MON-FRI *)), fired 2026-03-02 08:00 UTC (4 h before the run), replayed at
 * time 0: minCapacity 2 -> 8; in force at the start (after 5 earlier firings replayed since
 * 2026-02-25 18:00 UTC)" (or "...; overridden by close (fired 2026-03-02 18:00 UTC)", "..., replayed at time 0;
 * failed: ...").
 */
export function describeScheduled(message: string, clock: ClockFormat | undefined): string {
  const m = /^(scheduled action \S+ \(.*\)) fired (\S+), before the run; replayed at time 0([:;] .*)$/s.exec(message);
  if (!m) return message;
  const fired = Date.parse(m[2]);
  if (Number.isNaN(fired)) return message;
  const utc = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const when = utc(fired);
  const ago = clock ? ` (${formatSpan((clock.startEpochMs - fired) / 1000)} before the run)` : ' (before the run)';
  // the count of earlier firings replayed, its instant as the firing's: "(after 5 earlier firings replayed since 2026-02-25 18:00 UTC)"
  // (an older folder's says "earlier firings replayed since", without "of this service's scheduled actions")
  const rest = m[3].replace(/( \(after \d+ earlier firings?(?: of this service's scheduled actions)? replayed since )(\S+)\)/, (all, head: string, iso: string) => {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? all : `${head}${utc(t)})`;
  }).replace(/\(fired (\S+)\)/g, (all, iso: string) => {
    // the firing that overrode it, told the same way: "overridden by open (fired 2026-03-02 08:00 UTC)"
    const t = Date.parse(iso);
    return Number.isNaN(t) ? all : `(fired ${utc(t)})`;
  });
  return `${m[1]}, fired ${when}${ago}, replayed at time 0${rest}`;
}

/**
 * The parts of a no-step-adjustment message: a breach no step covers ("step scaling out:
 * ...; Average 60.0 is 10.0 above 50: no step adjustment covers it, nothing scaled; steps
 * (-inf, 0] +1"), or a step that computes no change ("step scaling wake: ...; Maximum 1200 is
 * 1200 above 0, step [0, +inf): +100% of 0 tasks is 0 (a percentage of 0 is 0): nothing
 * scaled"). A value on the non-breaching side of the threshold is followed by " of the 3
 * datapoints evaluated" ("Average 43.3 of the 3 datapoints evaluated is 16.7 below 60").
 */
export function parseNoStep(message: string): { policy: string; why: string } | null {
  const m = /^step scaling (\S+): .*; (\w+ \S+(?: of the \d+ datapoints? evaluated)? is \S+ (?:above|below) \S+)(?: \(([^)]*)\))?: no step adjustment covers it, nothing scaled; steps (.*)$/s.exec(message);
  if (m) {
    const over = m[3] ? ` (${m[3]})` : '';
    return { policy: m[1], why: `no step adjustment for ${m[2].replace(' is ', ', ')}${over} (steps ${m[4]}): nothing scaled` };
  }
  const z = /^step scaling (\S+): .*; (\w+ \S+(?: of the \d+ datapoints? evaluated)? is \S+ (?:above|below) \S+)(?: \(([^)]*)\))?, step (\S+ \S+): (.*): nothing scaled$/s.exec(message);
  if (!z) return null;
  const over = z[3] ? ` (${z[3]})` : '';
  return { policy: z[1], why: `step ${z[4]} for ${z[2].replace(' is ', ', ')}${over}: ${z[5]}: nothing scaled` };
}

/** "web: CPU above 60 % for 3 datapoints (105.0, 105.0, 105.0) -> target tracking cpu set desired 3 -> 6 (ceil(...) = 6)". */
export function describeActivity(e: EventRow, service: ServiceInfo | undefined): string {
  const a = parseScalingActivity(e.message);
  if (!a) return `${e.subject}: ${e.message}`;
  if (a.kind === 'managed scaling') {
    const why = a.cause.replace(/^managed scaling [^:]+: /, '');
    return `${e.subject}: managed scaling sets the Auto Scaling group's desired capacity ${a.from} -> ${a.to} instances (${why})`;
  }
  if (a.policy === null || a.evaluation === null) return `${e.subject}: desired ${a.from} -> ${a.to} (${a.cause})`;
  const policy = service?.policies.find((p) => p.name === a.policy);
  const condition = describeCondition(a.evaluation, policy?.metricName ?? null, policy?.targetValue ?? null);
  const arithmetic = a.arithmetic ? ` (${a.arithmetic})` : '';
  return `${e.subject}: ${condition} -> ${a.kind} ${a.policy} set desired ${a.from} -> ${a.to}${arithmetic}`;
}

/** "CPU below 54 % (90 % of the target 60) for 15 datapoints (lowest 40.1, newest 45.0)". */
export function describeCondition(ev: AlarmEvaluation, metricName: string | null, targetValue: number | null): string {
  const { label, unit } = metricLabel(metricName);
  const words = OP_WORDS[ev.op] ?? ev.op;
  let threshold = `${ev.threshold}${unit}`;
  if (targetValue !== null && ev.threshold !== targetValue && Math.abs(ev.threshold - 0.9 * targetValue) < 1e-6) {
    threshold += ` (90 % of the target ${targetValue})`;
  }
  const count = ev.breaching === ev.evaluated ? `${ev.breaching}` : `${ev.breaching} of ${ev.evaluated}`;
  const plural = ev.evaluated === 1 ? 'datapoint' : 'datapoints';
  return `${label} ${words} ${threshold} for ${count} ${plural} (${describeValues(ev)})`;
}

/** The datapoints as events.csv prints them (src/scaling/format.ts): each visibly on its side of the threshold. */
function describeValues(ev: AlarmEvaluation): string {
  const values = ev.values;
  const f = (v: number): string => formatDatapoint(v, ev.op, ev.threshold);
  if (values.length <= 5) return values.map(f).join(', ');
  return `lowest ${f(Math.min(...values))}, highest ${f(Math.max(...values))}, newest ${f(values[values.length - 1])}`;
}

/**
 * An alarm that entered ALARM at an instant another policy of its service made a scaling
 * activity: with several policies AAS scales on the one that gives the largest capacity
 * (application-auto-scaling-target-tracking.html, "Multiple scaling policies"), so this one
 * made none of its own. The alarm of the policy that made the activity is told by the
 * activity's line (null), as are the alarms at an activity no policy made (a scheduled
 * action's, whose line says what the bounds did).
 */
function describeOutdoneAlarm(e: EventRow, activities: readonly EventRow[], ctx: ScalingContext, noSteps: readonly EventRow[], told: Set<EventRow>): string | null {
  const t = parseAlarmTransition(e.message);
  if (!t || t.to !== 'ALARM' || !t.evaluation) return null;
  const made = activities.map((a) => parseScalingActivity(a.message));
  if (made.some((a) => a === null || a.policy === null)) return null;
  const service = ctx.services.get(e.subject);
  const policy = service?.policies.find((p) => policyAlarmNames(e.subject, p).includes(t.alarm));
  // the policy is known only from scenario.json; without it, an alarm of the activity's policy is not told twice
  if (!policy) return null;
  if (made.some((a) => a!.policy === policy.name)) return null;
  const a = made[made.length - 1]!;
  const condition = describeCondition(t.evaluation, policy.metricName, policy.targetValue);
  const up = t.evaluation.op.startsWith('>');
  const label = `${policy.policyType === 'StepScaling' ? 'step scaling' : 'target tracking'} ${policy.name}`;
  const winner = `${a.kind} ${a.policy}`;
  // a step policy that found no step asked for nothing: that is its reason
  const noStep = noSteps.find((n) => parseNoStep(n.message)?.policy === policy.name);
  if (noStep) told.add(noStep);
  const why = noStep
    ? parseNoStep(noStep.message)!.why
    : !up && a.to > a.from
      ? `no scale in: ${winner} scales out ${a.from} -> ${a.to} at this instant, and the largest capacity asked for wins`
      : `the largest capacity asked for wins: ${winner}'s ${a.from} -> ${a.to} at this instant, not ${label}'s`;
  return `${e.subject}: alarm ${t.alarm} in ALARM: ${condition}; ${why}`;
}

/** An alarm that entered ALARM with no scaling activity at that instant, and why if the data shows it. */
function describeQuietAlarm(
  e: EventRow,
  events: readonly EventRow[],
  ctx: ScalingContext,
  quiet: readonly EventRow[],
  told: Set<EventRow>,
): string | null {
  const t = parseAlarmTransition(e.message);
  if (!t || t.to !== 'ALARM') return null;
  const service = ctx.services.get(e.subject);
  const policy = service?.policies.find((p) => policyAlarmNames(e.subject, p).includes(t.alarm));
  if (/: no real datapoints$/.test(e.message)) {
    // treatMissingData: breaching filled in every datapoint: no metric value to scale on
    const row = rowAt(ctx.series.get(e.subject) ?? [], e.timeS);
    const metric = policy?.metricName ?? null;
    const zero = row !== undefined && row.runningCount === 0 && needsRunningTask(metric);
    const why = zero ? `no datapoint: 0 RUNNING (${metric} is measured over running tasks), so ` : '';
    return `${e.subject}: alarm ${t.alarm} in ALARM on missing datapoints treated as breaching (${t.detail}); ${why}nothing scaled: an ALARM with no real datapoint has no metric value to scale on`;
  }
  if (!t.evaluation) return null;
  const noStep = policy ? quiet.find((n) => n.type === 'no-step-adjustment' && parseNoStep(n.message)?.policy === policy.name) : undefined;
  const condition = describeCondition(t.evaluation, policy?.metricName ?? null, policy?.targetValue ?? null);
  const row = withScheduledBounds(rowAt(ctx.series.get(e.subject) ?? [], e.timeS), events, e.subject, e.timeS);
  const up = t.evaluation.op.startsWith('>');
  let why: string;
  const held = policy && !up ? quiet.find((n) => n.type === 'scale-in-held' && parseHeldScaleIn(n.message)?.policy === policy.name) : undefined;
  if (noStep) {
    told.add(noStep);
    why = parseNoStep(noStep.message)!.why;
  } else if (held) {
    told.add(held);
    const h = parseHeldScaleIn(held.message)!;
    why = `no scale in to ${h.capacity}: ${h.why}`;
  } else if (row && up && row.maxCapacity !== null && row.desiredCount >= row.maxCapacity) {
    why = `scale out blocked: already at maxCapacity ${row.maxCapacity}`;
  } else if (row && !up && row.minCapacity !== null && row.desiredCount <= row.minCapacity) {
    why = `no scale in: already at minCapacity ${row.minCapacity}`;
  } else if (policy?.policyType === 'TargetTrackingScaling') {
    why = trackingQuietReason(e, t.evaluation, up, policy, service!, events, row, ctx);
  } else if (!service) {
    // an Auto Scaling group's own target tracking: warm-up, not cooldowns (src/sim/auto-scaling.ts)
    why = up
      ? 'no scale out (no more capacity asked for than is set, instances warming up not counted; or at maxSize)'
      : 'no scale in (instances still warming up, or at minSize)';
  } else {
    // a step policy's scale in needs no other policy's agreement
    why = up ? 'no scale out (scale-out cooldown, or no more capacity asked for than is set)' : 'no scale in (scale-in cooldown)';
  }
  return `${e.subject}: alarm ${t.alarm} in ALARM: ${condition}; ${why}`;
}

/**
 * The row before an alarm's time with the bounds of the scheduled actions that ran after
 * that row's period began, up to and including the alarm's time (an uncap at the alarm's
 * own instant is not in the row yet), and its desired count brought within them, as the
 * action does. A failed action changed nothing.
 */
function withScheduledBounds(row: SeriesRow | undefined, events: readonly EventRow[], subject: string, timeS: number): SeriesRow | undefined {
  if (!row) return row;
  let out = row;
  for (const ev of events) {
    if (ev.timeS > timeS) break;
    if (ev.timeS <= row.timeS || ev.type !== 'scheduled-action' || ev.subject !== subject) continue;
    const m = /^scheduled action .*?\): ((?:minCapacity|maxCapacity) \d+ -> \d+(?:, maxCapacity \d+ -> \d+)?)$/.exec(ev.message);
    if (!m) continue;
    const min = /minCapacity \d+ -> (\d+)/.exec(m[1]);
    const max = /maxCapacity \d+ -> (\d+)/.exec(m[1]);
    const minCapacity = min ? Number(min[1]) : out.minCapacity;
    const maxCapacity = max ? Number(max[1]) : out.maxCapacity;
    let desiredCount = out.desiredCount;
    if (minCapacity !== null && desiredCount < minCapacity) desiredCount = minCapacity;
    if (maxCapacity !== null && desiredCount > maxCapacity) desiredCount = maxCapacity;
    out = { ...out, minCapacity, maxCapacity, desiredCount };
  }
  return out;
}

/**
 * Why a target tracking alarm in ALARM scaled nothing, from what the results show: the
 * policy's own arithmetic (ceil(desired x newest datapoint / target) asks for no change),
 * else a cooldown started by a scaling activity of this service within it, else (scale in)
 * another target tracking policy whose AlarmLow was not in ALARM (AAS scales in only when
 * every target tracking policy with scale in enabled is ready to).
 */
function trackingQuietReason(
  e: EventRow,
  evaluation: AlarmEvaluation,
  up: boolean,
  policy: PolicyInfo,
  service: ServiceInfo,
  events: readonly EventRow[],
  row: SeriesRow | undefined,
  ctx: ScalingContext,
): string {
  const values = evaluation.values;
  const newest = values[values.length - 1];
  if (row && policy.targetValue !== null && newest !== undefined) {
    const desired = row.desiredCount;
    const wanted = proportionalCapacity(desired, newest, policy.targetValue);
    const metric = formatFormulaMetric(desired, newest, policy.targetValue, { op: evaluation.op, threshold: evaluation.threshold });
    const formula = `ceil(${desired} x ${metric}/${policy.targetValue}) = ${wanted}`;
    if (up && wanted <= desired) return `no scale out: ${formula}, not above desired ${desired}`;
    if (!up && wanted >= desired) return `no scale in: ${formula}, not below desired ${desired}`;
  }
  const cooldowns = cooldownsAt(service, events, ctx.series.get(e.subject) ?? [], e.timeS, false).get(policy.name);
  const clock = ctx.clock ?? { startEpochMs: 0, withDate: false };
  if (up && cooldowns?.scaleOut) {
    const o = cooldowns.scaleOut;
    const lowered = o.lowered ? `, lowered to ${o.lowered.to} by the scale in ${o.lowered.by.from} -> ${o.lowered.by.to} at ${formatClock(o.lowered.by.timeS, clock)}` : '';
    return `no scale out: scale-out cooldown (${policy.scaleOutCooldownS} s), ${formatSeconds(e.timeS - o.by.timeS)} after the scale out ${o.by.from} -> ${o.by.to}${lowered}, and no more capacity asked for than that set`;
  }
  if (!up && cooldowns?.scaleIn) {
    const i = cooldowns.scaleIn;
    return `no scale in: scale-in cooldown (${policy.scaleInCooldownS} s), ${formatSeconds(e.timeS - i.by.timeS)} after the scale in ${i.by.from} -> ${i.by.to}`;
  }
  if (!up) {
    for (const other of service.policies) {
      if (other === policy || other.policyType !== 'TargetTrackingScaling' || other.disableScaleIn) continue;
      const state = lowAlarmState(e.subject, other.name, events, e.timeS).state;
      if (state !== 'ALARM') return `no scale in: target tracking policy ${other.name}'s AlarmLow is ${state}, and target tracking scales in only when every policy is ready to`;
    }
    const others = service.policies.some((o) => o !== policy && o.policyType === 'TargetTrackingScaling' && !o.disableScaleIn);
    return others ? 'no scale in (another target tracking policy does not agree)' : 'no scale in (no cooldown or capacity limit explains it from the results)';
  }
  return 'no scale out (no more capacity asked for than is set)';
}


function formatSeconds(s: number): string {
  return s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}
