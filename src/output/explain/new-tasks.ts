// What happened to the tasks a scale out asked for: when they were RUNNING and when the
// first could take traffic (RUNNING + the time its target group reports it healthy, as the
// simulation puts a task into rotation: model/target-health.ts), or was stopped for
// failing its health checks. The line is printed at the last task's RUNNING time, maybe
// after lines about other decisions' tasks, so it names its decision's time and its tasks,
// and the task whose health it tells ("the 2 tasks of the 09:44 decision (web-8, web-9):
// RUNNING by 09:48:28 ...; web-8 healthy in the load balancer at 09:44:43"): the first
// RUNNING may be long before the last. Tasks created after their decision (held by the
// PROVISIONING quota) are counted as the earliest scale out's still short of its tasks.

import { formatClock, formatClockExact, formatSpan, type ClockFormat } from './format-clock.js';
import { LINE_ORDER, type ExplainLine } from './explain-line.js';
import { parseScalingActivity } from './parse-scaling-activity.js';
import { byTaskName, listSome } from './task-placements.js';
import type { EventRow, ServiceInfo, TaskRow } from './results-tables.js';
import { bisectLeft } from 'd3-array';

export function newTaskLines(
  events: readonly EventRow[],
  tasksByService: ReadonlyMap<string, readonly TaskRow[]>,
  services: ReadonlyMap<string, ServiceInfo>,
  clock: ClockFormat,
  endS: number,
  /** explain's --to (the run's end without it): a decision whose tasks run after it is told there, as far as it got. */
  toS = endS,
): ExplainLine[] {
  const lines: ExplainLine[] = [];
  const assigned = decisionTasks(events, tasksByService);
  // each service's provisioning-quota rows' times (time order)
  const quotaTimes = new Map<string, number[]>();
  for (const x of events) {
    if (x.type !== 'provisioning-quota') continue;
    const list = quotaTimes.get(x.subject);
    if (list) list.push(x.timeS);
    else quotaTimes.set(x.subject, [x.timeS]);
  }
  for (const e of events) {
    const mine = assigned.get(e);
    if (mine !== undefined && mine.started.length === 0 && mine.asked === 0 && mine.rebalanced !== null) {
      const text = `${e.subject}: the ${formatClock(e.timeS, clock)} decision needed no new task: ${mine.rebalanced}, which AZ rebalancing had started, counts toward its desired count`;
      lines.push({ timeS: e.timeS, service: e.subject, provider: null, order: LINE_ORDER.tasks, text });
      continue;
    }
    if (mine === undefined || mine.started.length === 0) continue;
    const { started, asked, later } = mine;
    const running = started.filter((t) => t.runningS !== null);
    const n = started.length;
    const decision = formatClock(e.timeS, clock);
    const extras: string[] = [];
    if (n < asked) extras.push(`${n} of the ${asked} it asked for`);
    if (mine.rebalanced !== null) extras.push(`with ${mine.rebalanced}, which AZ rebalancing had started`);
    if (later.length > 0) {
      const lastCreated = Math.max(...later.map((t) => t.createdS));
      // logged as a quota episode starts: maybe at an earlier scale out still short of its tasks
      const times = quotaTimes.get(e.subject) ?? [];
      const k = bisectLeft(times, mine.shortSinceS);
      const quota = k < times.length && times[k] <= lastCreated;
      extras.push(`${n === 1 ? '' : `${later.length} `}created later${quota ? ' (provisioning quota)' : ''}`);
    }
    const ids = listSome(started.map((t) => t.taskId).sort(byTaskName));
    const what = `${n === 1 ? 'the new task' : `the ${n} new tasks`} of the ${decision} decision (${[ids, ...extras].join('; ')})`;
    // the tasks stopped (a scale in, a failed start) before they were RUNNING
    const stopped = started.filter((t) => t.runningS === null && t.stoppedS !== null && t.stoppedS <= endS);
    const never = started.filter((t) => t.runningS === null && !stopped.includes(t));
    const stoppedText = stoppedBeforeRunning(stopped, n === 1, clock);
    if (running.length === 0) {
      const parts = [stoppedText, never.length === 0 ? '' : stopped.length === 0 ? 'none RUNNING by the end' : `${listSome(never.map((t) => t.taskId).sort(byTaskName))} not RUNNING by the end`];
      lines.push({ timeS: e.timeS, service: e.subject, provider: null, order: LINE_ORDER.tasks, text: `${e.subject}: ${what} started; ${parts.filter((x) => x).join('; ')}` });
      continue;
    }
    // The first to be RUNNING (the earliest in tasks.csv's order among equals) and the last.
    const firstTask = running.reduce((a, t) => (t.runningS! < a.runningS! ? t : a));
    const first = firstTask.runningS!;
    const last = Math.max(...running.map((t) => t.runningS!));
    if (last > toS && e.timeS <= toS) {
      // the window ends before the decision's last task ran: as far as it got at --to (the
      // tasks RUNNING by then, those stopped by then before RUNNING, the others not yet)
      const by = running.filter((t) => t.runningS! <= toS);
      const gone = started.filter((t) => (t.runningS === null || t.runningS > toS) && t.stoppedS !== null && t.stoppedS <= toS);
      const notYet = n - by.length - gone.length;
      // to the second unless --to is on a minute (beside "RUNNING by 10:04:09")
      const at = formatClockExact(toS, clock);
      const parts = [
        by.length === 0 ? '' : `RUNNING by ${formatClock(Math.ceil(Math.max(...by.map((t) => t.runningS!)) - 1e-9), clock, true)}`,
        stoppedBeforeRunning(gone, false, clock),
        notYet === 0 ? '' : by.length === 0 && gone.length === 0 ? `none RUNNING yet at ${at}` : `the other ${notYet} not yet at ${at}`,
      ].filter((x) => x);
      const text = by.length === 0 ? `${e.subject}: ${what} started; ${parts.join('; ')}` : `${e.subject}: ${by.length} of ${what}: ${parts.join('; ')}`;
      lines.push({ timeS: toS, service: e.subject, provider: null, order: LINE_ORDER.tasks, text });
      continue;
    }
    const some = running.length === n ? what : `${running.length} of ${what}`;
    // "by": an upper bound, so the clock time is rounded up to the second
    let text = `${e.subject}: ${some}: RUNNING by ${formatClock(Math.ceil(last - 1e-9), clock, true)} (${formatSpan(last - e.timeS)} after the decision)`;
    if (stoppedText) text += `; ${stoppedText}`;
    if (never.length > 0) text += `; ${listSome(never.map((t) => t.taskId).sort(byTaskName))} not RUNNING by the end`;
    // Which task the health clause is about: named unless it is the only one.
    const who = n === 1 ? '' : `${firstTask.taskId} `;
    const target = services.get(e.subject)?.newTarget ?? null;
    if (target === 'varies') {
      text += '; healthy in the load balancer once its application has started (startup.applicationStart varies; task-unhealthy rows name the tasks that failed)';
    } else if (target !== null && 'healthyAfterS' in target) {
      const healthy = first + target.healthyAfterS;
      // "at": a moment, so the clock time is rounded to the nearest second (not truncated)
      text += healthy <= endS ? `; ${who}healthy in the load balancer at ${formatClock(Math.round(healthy), clock, true)}` : `; ${who}not yet healthy in the load balancer at the end`;
    } else if (target !== null) {
      const marked = first + target.markedAfterS;
      text +=
        marked <= endS
          ? `; ${who}failed its load balancer health checks and was marked unhealthy (replaced) at ${formatClock(Math.round(marked), clock, true)}`
          : `; ${who}still failing its load balancer health checks at the end`;
    }
    lines.push({ timeS: last, service: e.subject, provider: null, order: LINE_ORDER.tasks, text });
  }
  return lines;
}

interface DecisionTasks {
  started: TaskRow[];
  /** to - max(from, the tasks the service had at the decision): what ECS had to start. */
  asked: number;
  /** Those of `started` created after the decision's instant. */
  later: TaskRow[];
  /** The earliest scale out still short of its tasks when this one came (its own time if none). */
  shortSinceS: number;
  /** The task AZ rebalancing had started and the decision found still there (one of the service's then), or null. */
  rebalanced: string | null;
}

/** "api has started 1 tasks in us-east-1a to AZ Rebalance: api-132." (az-rebalancing.ts) */
const REBALANCE_STARTED = / has started \d+ tasks in \S+ to AZ Rebalance: (.+?)\.?$/;
/** The move's task stopped in another zone, or the operation stopped: the started task is one of the service's. */
const REBALANCE_SETTLED = / has stopped \d+ running tasks in \S+ due to AZ rebalancing|stopped AZ Rebalancing/;
/**
 * A task-unhealthy row that starts no replacement: the grace period ignored the task's
 * failed checks (not marked), or a marked task is healthy again (a task-healthy row since
 * 2026-11-27; a results folder written before has it as task-unhealthy).
 */
const NOT_MARKED = /ignored during the health check grace period|^\S+ is healthy again in /;

/** How a Fargate Spot notice to a task already leaving the service ends (services.ts): no replacement follows it. */
const NO_REPLACEMENT = 'no replacement (it was already leaving the service)';

/**
 * Each service scale out's tasks: those created at its instant, then those created later
 * (ECS created them as the cluster's PROVISIONING quota allowed, or as instances could
 * take them) given to the earliest scale out still short of what it asked for (to - from),
 * in creation order (then by name). A scale in ends what the earlier scale outs still
 * waited for. A task created later with no scale out short (a replacement) is nobody's.
 * The tasks AZ rebalancing started are nobody's; one it started and the decision found
 * still there (not yet paired with the stop of a task in another zone) was one of the
 * service's tasks, so ECS started one fewer. The tasks created at the instant a task of the
 * service was marked unhealthy, killed out of memory, or stopped for another reason than a
 * scale in or AZ rebalancing, or its instance got a Spot interruption notice or was set to
 * DRAINING (one per such task), are taken as their replacements: nobody's. A Fargate Spot
 * task reclaimed while already leaving (its notice says no replacement) has none.
 */
function decisionTasks(
  events: readonly EventRow[],
  tasksByService: ReadonlyMap<string, readonly TaskRow[]>,
): Map<EventRow, DecisionTasks> {
  const out = new Map<EventRow, DecisionTasks>();
  const taskById = new Map<string, TaskRow>();
  const byInstance = new Map<string, TaskRow[]>();
  for (const list of tasksByService.values()) {
    for (const t of list) {
      taskById.set(t.taskId, t);
      if (!t.instanceId) continue;
      const on = byInstance.get(t.instanceId);
      if (on) on.push(t);
      else byInstance.set(t.instanceId, [t]);
    }
  }
  const alive = (t: TaskRow, timeS: number) => t.createdS <= timeS + 1e-6 && (t.stoppedS === null || t.stoppedS > timeS + 1e-6);
  const ms = (timeS: number) => Math.round(timeS * 1000);
  // AZ rebalancing's tasks; each service's started task not yet settled
  const rebalanced = new Set<string>();
  const pending = new Map<string, string>();
  // Fargate Spot tasks reclaimed while already leaving: neither their notice nor their stop starts a replacement
  const reclaimedWhileLeaving = new Set<string>();
  // service -> instant (ms) -> the tasks whose replacements may start then
  const replaced = new Map<string, Map<number, Set<string>>>();
  const replacing = (t: TaskRow, timeS: number) => {
    const at = replaced.get(t.service) ?? new Map<number, Set<string>>();
    replaced.set(t.service, at);
    const ids = at.get(ms(timeS)) ?? new Set<string>();
    at.set(ms(timeS), ids);
    ids.add(t.taskId);
  };
  const bySubject = new Map<string, { e: EventRow; from: number; to: number; extra: string | null }[]>();
  for (const e of events) {
    if (e.type === 'az-rebalancing') {
      const m = REBALANCE_STARTED.exec(e.message);
      if (m) {
        const ids = m[1].split(', ');
        for (const id of ids) rebalanced.add(id);
        pending.set(e.subject, ids[ids.length - 1]);
      } else if (REBALANCE_SETTLED.test(e.message)) {
        pending.delete(e.subject);
      }
      continue;
    }
    if (e.type === 'task-stopped' || e.type === 'task-unhealthy' || e.type === 'task-out-of-memory') {
      const t = taskById.get(e.subject);
      if (!t) continue;
      if (e.type === 'task-unhealthy' && NOT_MARKED.test(e.message)) continue;
      if (e.type === 'task-stopped' && (t.stopReason === 'scale-in' || t.stopReason === 'az-rebalancing' || reclaimedWhileLeaving.has(t.taskId))) continue;
      replacing(t, e.timeS);
      continue;
    }
    if (e.type === 'spot-interruption' || e.type === 'instance-draining') {
      // a Fargate Spot notice to a task already leaving starts no replacement (services.ts)
      if (e.type === 'spot-interruption' && e.message.endsWith(NO_REPLACEMENT)) {
        reclaimedWhileLeaving.add(e.subject);
        continue;
      }
      const t = taskById.get(e.subject);
      if (t) replacing(t, e.timeS);
      else for (const x of byInstance.get(e.subject) ?? []) if (alive(x, e.timeS) && x.createdS < e.timeS - 1e-6) replacing(x, e.timeS);
      continue;
    }
    if (e.type !== 'scaling-activity' || !tasksByService.has(e.subject)) continue;
    const a = parseScalingActivity(e.message);
    if (!a || a.to === a.from) continue;
    const p = pending.get(e.subject);
    const pt = p === undefined ? undefined : taskById.get(p);
    // started before the decision's row (maybe at its instant): the service's once the decision stops the operation
    const extra = pt !== undefined && alive(pt, e.timeS) ? pt.taskId : null;
    const list = bySubject.get(e.subject);
    if (list) list.push({ e, from: a.from, to: a.to, extra });
    else bySubject.set(e.subject, [{ e, from: a.from, to: a.to, extra }]);
  }
  for (const [subject, acts] of bySubject) {
    const inCsvOrder = tasksByService.get(subject)!;
    const tasks = [...inCsvOrder].sort((a, b) => a.createdS - b.createdS || byTaskName(a.taskId, b.taskId));
    const csvIndex = new Map(inCsvOrder.map((t, i) => [t, i]));
    const createdTimes = tasks.map((t) => t.createdS);
    const replacedAt = replaced.get(subject) ?? new Map<number, Set<string>>();
    const at = (t: TaskRow, timeS: number) => Math.abs(t.createdS - timeS) < 1e-6;
    const open: { e: EventRow; need: number }[] = [];
    let next = 0;
    for (const { e, from, to, extra } of acts) {
      // tasks created after the earlier activities and before this one: to the open scale outs
      for (; next < tasks.length && tasks[next].createdS < e.timeS - 1e-6; next++) give(tasks[next]);
      if (to < from) {
        open.length = 0;
        continue;
      }
      // in tasks.csv's order: the first RUNNING among equals is the earliest there
      const started = tasks
        .slice(bisectLeft(createdTimes, e.timeS - 2e-6), bisectLeft(createdTimes, e.timeS + 2e-6))
        .filter((t) => at(t, e.timeS) && !rebalanced.has(t.taskId))
        .sort((a, b) => csvIndex.get(a)! - csvIndex.get(b)!);
      while (next < tasks.length && tasks[next].createdS <= e.timeS + 1e-6) next++;
      const short = open.find((x) => x.need > 0);
      const asked = Math.max(0, to - (extra === null ? from : from + 1));
      const entry = { started, asked, later: [] as TaskRow[], shortSinceS: short ? short.e.timeS : e.timeS, rebalanced: extra };
      out.set(e, entry);
      if (started.length < entry.asked) open.push({ e, need: entry.asked - started.length });
    }
    for (; next < tasks.length; next++) give(tasks[next]);
    function give(t: TaskRow): void {
      if (rebalanced.has(t.taskId)) return;
      // a replacement: one task per task replaced at its instant
      const ids = replacedAt.get(ms(t.createdS));
      if (ids !== undefined && ids.size > 0) {
        ids.delete(ids.values().next().value!);
        return;
      }
      const o = open.find((x) => x.need > 0 && x.e.timeS < t.createdS);
      if (!o) return;
      o.need--;
      const entry = out.get(o.e)!;
      entry.started.push(t);
      entry.later.push(t);
    }
  }
  return out;
}

/**
 * "stopped at 08:13 (scale-in) before RUNNING" (the decision's only task), "api-6, api-7
 * stopped at 08:13 (scale-in) before RUNNING", grouped by time and reason; '' for none.
 */
function stoppedBeforeRunning(stopped: readonly TaskRow[], only: boolean, clock: ClockFormat): string {
  if (stopped.length === 0) return '';
  const groups = new Map<string, string[]>();
  for (const t of [...stopped].sort((a, b) => a.stoppedS! - b.stoppedS! || byTaskName(a.taskId, b.taskId))) {
    const at = formatClockExact(t.stoppedS!, clock);
    const key = `stopped at ${at}${t.stopReason ? ` (${t.stopReason})` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), t.taskId]);
  }
  const parts = [...groups].map(([key, ids]) => (only ? key : `${listSome(ids)} ${key}`));
  return `${parts.join(', ')} before RUNNING`;
}

/** The index of the first of the ascending `times` at or after t (binary search; times.length if none). */

