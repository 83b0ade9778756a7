// The plain-language "what happened" of a run, from its event log and task list: an
// overview (counts per service and capacity provider) and a timeline of the notable
// moments (scaling moves with their causes, scheduled actions, unplaceable episodes,
// episodes of unhealthy tasks, fail-open, out-of-memory kills and instances draining, AZ
// rebalancing operations, services AZ rebalancing had no room for, scale ins held off, and
// SQS queues gone inactive, with the late scale out their metrics' return made),
// the largest ones first when there are too many to list.

import type { ResultsData } from '../data/results-data.js';
import type { ScenarioSettings } from '../data/scenario-settings.js';
import { clockLabel, clockRange, simClock, spanLabel, type SimClock } from '../format/sim-time.js';
import { fmtNum } from '../format/numbers.js';
import { explainCause, type CauseContext } from './explain-cause.js';
import { parseScalingActivity, type ScalingActivity } from './parse-scaling-activity.js';
import { scalingBursts, type ScalingBurst } from './scaling-bursts.js';
import { unplaceableEpisodes, type UnplaceableEpisode } from './unplaceable-episodes.js';
import { healthEpisodeText, healthEpisodes } from './health-episodes.js';
import { isAsgProvider } from '../data/provider-kind.js';
import { lateWakeNotes, queueInactivities, queueInactivityText } from './queue-inactivity.js';
import { heldScaleInText, noRoomRebalancing, noRoomRebalancingText, rebalancingOps, rebalancingText } from './rebalancing-and-held.js';

export interface TimelineItem {
  timeS: number;
  text: string;
  /** How much it matters when the list must be cut: capacity change, or a fixed rank. */
  weight: number;
}

export interface Narrative {
  overview: string[];
  timeline: TimelineItem[];
  /** Timeline items left out (the smallest), 0 when all are listed. */
  omitted: number;
}

export const MAX_TIMELINE_ITEMS = 40;
/** Scaling moves listed per service or provider; the rest are summed up in one line. */
export const MAX_MOVES_PER_SUBJECT = 8;
/** Times named in the line that sums up the moves not listed; the rest are counted. */
export const MAX_FOLDED_TIMES = 12;

export function whatHappened(data: ResultsData, settings: ScenarioSettings, periodS: number, maxItems = MAX_TIMELINE_ITEMS): Narrative {
  const clock = simClock(data.startEpochMs, data.durationSeconds);
  const activities: ScalingActivity[] = [];
  for (const e of data.events) {
    if (e.type !== 'scaling-activity') continue;
    const a = parseScalingActivity(e.timeS, e.subject, e.message);
    if (a) activities.push(a);
  }
  const inactiveQueues = queueInactivities(data.events);
  const ctx: CauseContext = { settings, periodS, notes: lateWakeNotes(inactiveQueues, activities, settings, clock) };
  const episodes = unplaceableEpisodes(data.events, undefined, data.durationSeconds, waitingAtEnd(data), data.tasks);
  const overview = [...serviceOverview(data, activities, episodes), ...providerOverview(data, activities)];
  const items: TimelineItem[] = [];
  const bursts = scalingBursts(activities);
  for (const subject of new Set(bursts.map((b) => b.subject))) {
    items.push(...subjectItems(bursts.filter((b) => b.subject === subject), clock, ctx, MAX_MOVES_PER_SUBJECT));
  }
  for (const e of data.events) {
    if (e.type === 'scheduled-action') items.push({ timeS: e.timeS, text: `At ${clockLabel(clock, e.timeS)} ${e.subject}: ${e.message}.`, weight: 1e6 });
  }
  for (const ep of episodes) {
    const reasons = [...ep.reasons.keys()].join(', ');
    // one minute on the clock: "At 09:00", not the range "09:00–09:00"
    const span = clockLabel(clock, ep.endS) !== clockLabel(clock, ep.startS) ? clockRange(clock, ep.startS, ep.endS) : `At ${clockLabel(clock, ep.startS)}`;
    const wait = ep.waitingFor ? `; tasks waited in PROVISIONING for ${ep.waitingFor} capacity` : '';
    items.push({ timeS: ep.startS, text: `${span} ${ep.service} could not place tasks (${ep.events} ${ep.events === 1 ? 'attempt' : 'attempts'}; ${reasons}${wait}).`, weight: 1e5 + ep.events });
  }
  // tasks marked unhealthy, fail-open, out of memory, instances draining: one line per episode
  for (const ep of healthEpisodes(data.events, data.durationSeconds)) items.push({ timeS: ep.startS, text: healthEpisodeText(ep, clock), weight: 1e5 + ep.count });
  // AZ rebalancing operations, ranked as a scaling move of the tasks they started
  for (const op of rebalancingOps(data.events, data.durationSeconds)) items.push({ timeS: op.startS, text: rebalancingText(op, clock), weight: Math.max(1, op.started) });
  // a service not balanced with no room under maximumPercent (ecsim's event): one item per episode, its repeats told, ranked as a move of one task
  for (const s of noRoomRebalancing(data.events)) items.push({ timeS: s.times[0], text: noRoomRebalancingText(s, clock), weight: 1 });
  // scale ins held off by a scale out request (one event per stay): the first left out when the list is cut
  for (const e of data.events) {
    if (e.type !== 'scale-in-held') continue;
    const text = heldScaleInText(e, clock);
    if (text) items.push({ timeS: e.timeS, text, weight: 0.5 });
  }
  // an SQS queue gone inactive (its metrics stopped, resumed late): ranked with the episodes
  for (const q of inactiveQueues) items.push({ timeS: q.inactiveS, text: queueInactivityText(q, clock), weight: 1e5 });
  let kept = items;
  if (items.length > maxItems) kept = [...items].sort((a, b) => b.weight - a.weight || a.timeS - b.timeS).slice(0, maxItems);
  kept = [...kept].sort((a, b) => a.timeS - b.timeS);
  return { overview, timeline: kept, omitted: items.length - kept.length };
}

/** The largest moves of one subject, and one line that sums up the others. */
export function subjectItems(bursts: ScalingBurst[], clock: SimClock, ctx: CauseContext, max: number): TimelineItem[] {
  if (bursts.length <= max) return bursts.map((b) => burstItem(b, clock, ctx));
  const ranked = [...bursts].sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from) || a.startS - b.startS);
  const shown = ranked.slice(0, max - 1);
  const rest = ranked.slice(max - 1).sort((a, b) => a.startS - b.startS);
  const outN = rest.filter((b) => b.direction === 'out').length;
  let lo = Infinity;
  let hi = -Infinity;
  for (const b of rest) {
    lo = Math.min(lo, b.from, b.to);
    hi = Math.max(hi, b.from, b.to);
  }
  const first = rest[0];
  // each folded move's time: a range would read as if only these moves happened in it
  const times = rest.map((b) => clockLabel(clock, b.startS));
  const shownTimes = times.length <= MAX_FOLDED_TIMES ? times : [...times.slice(0, MAX_FOLDED_TIMES - 1), `${times.length - MAX_FOLDED_TIMES + 1} more times`];
  const at = shownTimes.length === 1 ? shownTimes[0] : `${shownTimes.slice(0, -1).join(', ')} and ${shownTimes[shownTimes.length - 1]}`;
  const summary: TimelineItem = {
    timeS: first.startS,
    text:
      `At ${at} ${first.subject} made ${rest.length} more scaling ${rest.length === 1 ? 'move' : 'moves'}, not listed one by one ` +
      `(none larger than those listed; ${outN} out, ${rest.length - outN} in, between ${lo} and ${hi}); the first because ${causeOf(first.subject, first.steps[0], ctx)}.`,
    weight: 5e5,
  };
  return [...shown.map((b) => burstItem(b, clock, ctx)), summary];
}

export function burstItem(b: ScalingBurst, clock: SimClock, ctx: CauseContext): TimelineItem {
  const verb = b.direction === 'out' ? 'scaled out' : 'scaled in';
  const first = b.steps[0];
  const when = b.steps.length === 1 ? `At ${clockLabel(clock, b.startS)}` : `${clockRange(clock, b.startS, b.endS)}`;
  const steps = b.steps.length === 1 ? '' : ` in ${b.steps.length} steps (${b.steps.map((s) => s.to).join(' -> ')})`;
  const why = causeOf(b.subject, first, ctx);
  const lead = b.steps.length === 1 ? 'because' : 'first because';
  // steps from other policies (or scheduled actions) than the first's, each named with its cause
  const others: string[] = [];
  const firstSource = causeSource(first.cause);
  const seen = new Set([firstSource]);
  for (const source of b.steps.map((x) => causeSource(x.cause))) {
    if (seen.has(source)) continue;
    seen.add(source);
    const own = b.steps.filter((x) => causeSource(x.cause) === source);
    const to = own.map((x) => x.to).join(', ');
    others.push(`; the ${own.length === 1 ? 'step' : 'steps'} to ${to} because ${causeOf(b.subject, own[0], ctx)}`);
  }
  const firstSteps = others.length === 0 ? [] : b.steps.filter((x) => causeSource(x.cause) === firstSource);
  const lead2 = others.length === 0 ? lead : `the ${firstSteps.length === 1 ? 'step' : 'steps'} to ${firstSteps.map((x) => x.to).join(', ')} because`;
  return { timeS: b.startS, text: `${when} ${b.subject} ${verb} ${b.from} -> ${b.to}${steps}, ${lead2} ${why}${others.join('')}.`, weight: Math.abs(b.to - b.from) };
}

/** A step's cause, and what the context notes after it. */
function causeOf(subject: string, step: ScalingActivity, ctx: CauseContext): string {
  return explainCause(subject, step.cause, ctx) + (ctx.notes?.get(step) ?? '');
}

/** What set a scaling activity's desired count: "target tracking cpu", "scheduled action opens", ... (the cause's words before its first colon). */
function causeSource(cause: string): string {
  const policy = /^(target tracking|step scaling) (\S+):/.exec(cause);
  if (policy) return `${policy[1]} ${policy[2]}`;
  const scheduled = /^scheduled action (\S+)/.exec(cause);
  if (scheduled) return `scheduled action ${scheduled[1]}`;
  const managed = /^managed scaling (\S+):/.exec(cause);
  if (managed) return `managed scaling ${managed[1]}`;
  return cause;
}

function serviceOverview(data: ResultsData, activities: ScalingActivity[], episodes: readonly UnplaceableEpisode[]): string[] {
  const out: string[] = [];
  const names = new Set([...data.services.keys(), ...Object.keys(data.summary.services ?? {})]);
  const spotByService = new Map<string, number>();
  const serviceOfTask = new Map(data.tasks.map((t) => [t.taskId, t.service]));
  for (const e of data.events) {
    if (e.type !== 'spot-interruption') continue;
    const svc = serviceOfTask.get(e.subject);
    if (svc) spotByService.set(svc, (spotByService.get(svc) ?? 0) + 1);
  }
  for (const name of names) {
    const own = activities.filter((a) => a.subject === name);
    const outN = own.filter((a) => a.direction === 'out').length;
    let reversals = 0;
    for (let i = 1; i < own.length; i++) if (own[i].direction !== own[i - 1].direction) reversals++;
    // Many reversals of direction: the policy flaps (scale out, scale in, out again...).
    const flapping = reversals >= 6 && reversals >= own.length / 3 ? ` — it flapped: the direction reversed ${reversals} times` : '';
    const tasks = data.tasks.filter((t) => t.service === name);
    const started = tasks.filter((t) => Number.isFinite(t.runningS)).length;
    const byReason = new Map<string, number>();
    for (const t of tasks) if (Number.isFinite(t.stoppedS) && t.stopReason !== 'simulation-end') byReason.set(t.stopReason || 'unknown', (byReason.get(t.stopReason || 'unknown') ?? 0) + 1);
    const stopped = [...byReason.values()].reduce((a, b) => a + b, 0);
    const reasons = [...byReason.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${fmtNum(n)} ${r}`).join(', ');
    const desired = data.summary.services?.[name]?.desiredCount;
    const range = desired ? `, desired count ${desired.min}..${desired.max} (final ${desired.final})` : '';
    const spot = spotByService.get(name) ?? 0;
    out.push(
      `${name}: ${own.length} scaling ${own.length === 1 ? 'activity' : 'activities'} (${outN} out, ${own.length - outN} in)${range}${flapping}; ` +
        `${fmtNum(started)} tasks started, ${fmtNum(stopped)} stopped${reasons ? ` (${reasons})` : ''}` +
        (spot ? `; ${fmtNum(spot)} Fargate Spot interruptions` : '') +
        '.',
    );
  }
  if (episodes.length) {
    const reasons = new Map<string, number>();
    for (const ep of episodes) for (const [r, n] of ep.reasons) reasons.set(r, (reasons.get(r) ?? 0) + n);
    const total = episodes.reduce((a, e) => a + (e.endS - e.startS), 0);
    out.push(`${episodes.length} unplaceable ${episodes.length === 1 ? 'episode' : 'episodes'} (${spanLabel(total)} in all, summed over services); reasons named: ${[...reasons.entries()].map(([r, n]) => `${r} x${n}`).join(', ')}.`);
  }
  return out;
}

function providerOverview(data: ResultsData, activities: ScalingActivity[]): string[] {
  const out: string[] = [];
  const providerOf = new Map<string, string>();
  const launched = new Map<string, number>();
  const terminated = new Map<string, number>();
  const spot = new Map<string, number>();
  for (const e of data.events) {
    if (e.type === 'instance-launched') {
      const p = /^(\S+) launched/.exec(e.message)?.[1] ?? '?';
      providerOf.set(e.subject, p);
      launched.set(p, (launched.get(p) ?? 0) + 1);
    } else if (e.type === 'instance-terminated') {
      const p = providerOf.get(e.subject) ?? '?';
      terminated.set(p, (terminated.get(p) ?? 0) + 1);
    } else if (e.type === 'spot-interruption' && providerOf.has(e.subject)) {
      const p = providerOf.get(e.subject)!;
      spot.set(p, (spot.get(p) ?? 0) + 1);
    }
  }
  for (const [name, series] of data.providers) {
    const own = activities.filter((a) => a.subject === name);
    const running = series.columns.instances_running;
    const tasks = series.columns.tasks_running;
    if (!isAsgProvider(data, name)) {
      out.push(`${name}: up to ${fmtNum(maxOf(tasks))} tasks running at once.`);
      continue;
    }
    const s = spot.get(name) ?? 0;
    out.push(
      `${name}: ${fmtNum(launched.get(name) ?? 0)} instances launched, ${fmtNum(terminated.get(name) ?? 0)} terminated, at most ${fmtNum(maxOf(running))} running; ` +
        `${own.length} managed scaling ${own.length === 1 ? 'activity' : 'activities'}` +
        (s ? `; ${fmtNum(s)} EC2 Spot interruptions` : '') +
        '.',
    );
  }
  return out;
}

function maxOf(a: Float64Array | undefined): number {
  let m = 0;
  if (a) for (const v of a) if (v > m) m = v;
  return m;
}

/** Services with an EC2 task never placed by the end of the run (still PROVISIONING). */
export function waitingAtEnd(data: ResultsData): Set<string> {
  // PROVISIONING at the end (a capacity provider's tasks have rows)
  const waiting = new Set(data.tasks.filter((t) => t.launchType === 'EC2' && t.instanceId === '' && t.stopReason === 'simulation-end').map((t) => t.service));
  // launchType EC2: a task no instance took was never created and has no row; the last
  // period's desired count above its running and pending tasks says some are still missing
  for (const [service, s] of data.services) {
    const last = s.time.length - 1;
    const { desired_count: desired, running_count: running, pending_count: pending } = s.columns;
    if (last >= 0 && desired && running && pending && desired[last] > running[last] + pending[last]) waiting.add(service);
  }
  return waiting;
}
