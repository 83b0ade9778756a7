// Capacity and task-end sentences of `ecsim explain`: instance launches and registrations
// (grouped by instant and capacity provider), draining, termination, Spot interruptions (a
// Fargate Spot one with its replacement's capacity provider when tasks.csv tells it),
// unhealthy load balancer targets and marked tasks healthy again, tasks killed out of memory, stopped tasks (grouped by reason, with
// their split over capacity providers when more than one), and any other event type as written.

import { LINE_ORDER, type ExplainLine } from './explain-line.js';
import { listSome } from './task-placements.js';
import type { EventRow, ServiceInfo, TaskRow } from './results-tables.js';
import { targetHealthTimeline } from '../../model/target-health.js';
import { warmInstances } from './warm-start.js';
import { bisectRight } from 'd3-array';
import { formatClockExact, type ClockFormat } from './format-clock.js';
import { parseDuration } from '../../scenario/duration.js';

/** Event types other parts of explain turn into sentences. */
const HANDLED_ELSEWHERE = new Set(['scaling-activity', 'alarm-state', 'scheduled-action', 'no-step-adjustment', 'scale-in-held', 'task-placed', 'task-running', 'task-unplaceable']);

export function clusterLines(events: readonly EventRow[], taskService: ReadonlyMap<string, TaskRow>, services?: ReadonlyMap<string, ServiceInfo>, clock?: ClockFormat): ExplainLine[] {
  const providerOf = new Map<string, string>();
  const groups = new Map<string, { timeS: number; type: string; owner: string; isService: boolean; items: string[] }>();
  const lines: ExplainLine[] = [];
  const add = (timeS: number, type: string, owner: string, isService: boolean, item: string) => {
    const key = `${timeS}|${type}|${owner}`;
    const g = groups.get(key) ?? { timeS, type, owner, isService, items: [] };
    g.items.push(item);
    groups.set(key, g);
  };
  // warmStart's instances, running before the run: told by warm-start.ts, not as launched
  const warm = warmInstances(events);
  // built once, at the first scale in that stopped tasks
  let graceIndex: GraceIndex | undefined;
  // built once, at the first Spot interruption of a task
  let spot: SpotIndex | undefined;
  for (const e of events) {
    if (HANDLED_ELSEWHERE.has(e.type)) continue;
    if ((e.type === 'instance-launched' || e.type === 'instance-registered') && e.timeS === 0 && warm.has(e.subject)) {
      providerOf.set(e.subject, warm.get(e.subject)!);
      continue;
    }
    if (e.type === 'instance-launched') {
      const m = /^(\S+) launched (\S+) in (\S+)/.exec(e.message);
      if (m) providerOf.set(e.subject, m[1]);
      add(e.timeS, e.type, m ? m[1] : e.subject, false, m ? `${m[2]} ${e.subject} in ${m[3]}` : e.subject);
    } else if (e.type === 'instance-registered') {
      add(e.timeS, e.type, providerOf.get(e.subject) ?? e.subject, false, e.subject);
    } else if (e.type === 'task-stopped') {
      const t = taskService.get(e.subject);
      const reason = /\(([^)]*)\)\s*$/.exec(e.message)?.[1] ?? '';
      add(e.timeS, `task-stopped ${reason}`, t?.service ?? e.subject, true, e.subject);
    } else if (e.type === 'task-unhealthy' || e.type === 'task-healthy' || e.type === 'task-out-of-memory') {
      // the message names the task: the line names its service
      const service = taskService.get(e.subject)?.service ?? e.subject;
      lines.push({ timeS: e.timeS, service, provider: null, order: LINE_ORDER.stopped, text: `${service}: ${e.message}` });
    } else {
      const owner = providerOf.get(e.subject);
      const isService = !owner && !e.subject.startsWith('i-');
      let message = e.message;
      // "m5.large in us-east-1a terminated: ..." names no instance: "m5.large i-4 in us-east-1a terminated: ..."
      const typeAz = e.subject.startsWith('i-') && !message.includes(e.subject) ? /^(\S+) in (\S+) (.*)$/s.exec(message) : null;
      if (typeAz) message = `${typeAz[1]} ${e.subject} in ${typeAz[2]} ${typeAz[3]}`;
      // ECS's AZ rebalancing service event messages do not say what they are about
      if (e.type === 'az-rebalancing') message = `AZ rebalancing: ${message}`;
      // the SQS queue's rows give their times from the run's start ("since 6h20m"): the clock's here
      if (clock && (e.type === 'queue-inactive' || e.type === 'queue-metrics-resumed')) message = queueTimesOnClock(message, clock);
      // a Fargate Spot notice's replacement: the task of the service tasks.csv has created then
      if (e.type === 'spot-interruption' && isService) {
        spot ??= spotIndex(events, taskService);
        message += spotReplacement(e, taskService, spot);
      }
      // SERVICE_TASK_PLACEMENT_FAILURE ends the operation its STARTED event began
      // (track-service-rebalancing.html); ECS leaves out a repeat of the same event for 6 h
      // (service-event-messages.html), so a later look that fails alike is not logged before then
      if (e.type === 'az-rebalancing' && /^service \S+ is unable to place a task in /.test(e.message)) {
        message += ' The failure ends this rebalancing; ECS tries again later but logs the same failure again only after 6 h.';
      }
      // a target group's fail-open follows the health changes and stops of its instant that caused it
      const order = e.type === 'target-group-fail-open' ? LINE_ORDER.targetGroup : LINE_ORDER.instance;
      lines.push({ timeS: e.timeS, service: isService ? (taskService.get(e.subject)?.service ?? e.subject) : null, provider: owner ?? null, order, text: `${owner ?? e.subject}: ${message}` });
    }
  }
  for (const g of groups.values()) {
    const n = g.items.length;
    let text: string;
    if (g.type === 'instance-launched') text = `${g.owner}: ${n === 1 ? 'instance' : `${n} instances`} launched (${listSome(g.items)})`;
    else if (g.type === 'instance-registered') text = `${g.owner}: ${n === 1 ? 'instance' : `${n} instances`} registered (${listSome(g.items)})`;
    else {
      text = `${g.owner}: ${n} ${n === 1 ? 'task' : 'tasks'} STOPPED (${g.type.slice('task-stopped '.length) || 'unknown reason'}: ${listSome(g.items)}${providerSplit(g.items, taskService)})`;
      if (g.type === 'task-stopped scale-in') {
        graceIndex ??= gracePeriodIndex(events);
        const index = graceIndex;
        const first = g.items.filter((id) => unhealthyInGrace(id, g.timeS, index, taskService, services));
        if (first.length === n) text += ' (unhealthy in the grace period first)';
        else if (first.length > 0) text += ` (${listSome(first)} unhealthy in the grace period first)`;
      }
    }
    lines.push({
      timeS: g.timeS,
      service: g.isService ? g.owner : null,
      provider: g.isService ? null : g.owner,
      order: g.isService ? LINE_ORDER.stopped : LINE_ORDER.instance,
      text,
    });
  }
  return lines;
}

/**
 * `; FARGATE 2, FARGATE_SPOT 3` when the tasks are of more than one capacity provider (how a
 * scale in or a Spot interruption split them), in the order the tasks name them; else ''.
 */
function providerSplit(taskIds: readonly string[], taskService: ReadonlyMap<string, TaskRow>): string {
  const counts = new Map<string, number>();
  for (const id of taskIds) {
    const provider = taskService.get(id)?.capacityProvider;
    if (provider) counts.set(provider, (counts.get(provider) ?? 0) + 1);
  }
  return counts.size < 2 ? '' : `; ${[...counts].map(([p, k]) => `${p} ${k}`).join(', ')}`;
}

const REPLACEMENT_NOW = /; the service starts a replacement$/;
// 'when it stops' is the wording of results folders before 2026-11-28
const REPLACEMENT_AT_STOP = /; the service starts a replacement when (?:a task of the service|it) stops \(maximumPercent \d+ %\)$/;

/**
 * What a Fargate Spot notice's line adds about the replacement ECS started for the task.
 * With room under maximumPercent the replacement starts at the notice (services.ts):
 * `: web-9 on FARGATE_SPOT` when tasks.csv has one task of the service created at that
 * instant, `: on FARGATE` when it has several there (other notices' replacements, a scale
 * out's tasks) all of one capacity provider; else '' (none created then, as when the
 * cluster's quota held it back, or tasks of more than one provider, of which the
 * replacement is not told). With no room, the replacement waits until a task of the
 * service stops, any task: the one spotIndex gave it, else ''. A notice with no
 * replacement ('no replacement ...') adds ''.
 */
function spotReplacement(e: EventRow, taskService: ReadonlyMap<string, TaskRow>, index: SpotIndex): string {
  const task = taskService.get(e.subject);
  if (!task) return '';
  if (REPLACEMENT_NOW.test(e.message)) {
    const found = index.createdAt.get(`${task.service}|${ms(e.timeS)}`) ?? [];
    const providers = new Set(found.map((t) => t.capacityProvider));
    if (found.length === 0 || providers.size !== 1 || providers.has('')) return '';
    return found.length === 1 ? `: ${found[0].taskId} on ${found[0].capacityProvider}` : `: on ${found[0].capacityProvider}`;
  }
  if (!REPLACEMENT_AT_STOP.test(e.message)) return '';
  const t = index.waited.get(e.subject);
  return t?.capacityProvider ? `: ${t.taskId} on ${t.capacityProvider}` : '';
}

const ms = (s: number): number => Math.round(s * 1000);

/**
 * tasks.csv's tasks by service and creation instant (ms, `web|133556`); and the task that
 * replaced each reclaimed task whose notice found no room under maximumPercent, by the
 * reclaimed task's id.
 */
interface SpotIndex {
  createdAt: Map<string, TaskRow[]>;
  waited: Map<string, TaskRow>;
}

/**
 * The replacements of the notices that found no room. ECS starts a waiting replacement
 * when a task of the service stops, any task (services.ts: the reconcile after a stop), so
 * a task created at an instant when a task of the service stopped, after a notice still
 * waiting, is taken as a waiting replacement: the one of the notice whose own task stopped
 * then, if it waits, else of the oldest notice waiting. A notice waits from its instant
 * (excluded) to its own task's stop (included; by then a task of the service has stopped,
 * its own, so a replacement started unless the quota held it back or a scale in took the
 * place): a later task is not its. Tasks created then for another reason (one replacing an
 * unhealthy task) are not told apart: such a task fills a place as the waiting replacement
 * would.
 */
function spotIndex(events: readonly EventRow[], taskService: ReadonlyMap<string, TaskRow>): SpotIndex {
  const createdAt = new Map<string, TaskRow[]>();
  const stops = new Set<string>();
  for (const t of taskService.values()) {
    const key = `${t.service}|${ms(t.createdS)}`;
    const list = createdAt.get(key);
    if (list) list.push(t);
    else createdAt.set(key, [t]);
    if (t.stoppedS !== null) stops.add(`${t.service}|${ms(t.stoppedS)}`);
  }
  // by service: the notices that found no room (time order), the tasks created at a stop (creation order)
  const notices = new Map<string, { taskId: string; atMs: number; untilMs: number }[]>();
  for (const e of events) {
    if (e.type !== 'spot-interruption' || !REPLACEMENT_AT_STOP.test(e.message)) continue;
    const task = taskService.get(e.subject);
    if (!task) continue;
    const list = notices.get(task.service) ?? [];
    list.push({ taskId: task.taskId, atMs: ms(e.timeS), untilMs: task.stoppedS === null ? Infinity : ms(task.stoppedS) });
    notices.set(task.service, list);
  }
  const waited = new Map<string, TaskRow>();
  for (const [service, list] of notices) {
    const created = [...taskService.values()].filter((t) => t.service === service && stops.has(`${service}|${ms(t.createdS)}`));
    // stable: tasks of one instant keep tasks.csv's order
    created.sort((a, b) => ms(a.createdS) - ms(b.createdS));
    let waiting: typeof list = [];
    let next = 0;
    for (const t of created) {
      const atMs = ms(t.createdS);
      while (next < list.length && list[next].atMs < atMs) waiting.push(list[next++]);
      waiting = waiting.filter((n) => n.untilMs >= atMs);
      if (waiting.length === 0) continue;
      const own = waiting.findIndex((n) => n.untilMs === atMs);
      const [n] = waiting.splice(own >= 0 ? own : 0, 1);
      waited.set(n.taskId, t);
    }
  }
  return { createdAt, waited };
}

const IGNORED_IN_GRACE = /\(its application starts ([\d.]+) s after RUNNING\); ignored during the health check grace period/;

/**
 * Whether a task a scale in stopped at `stoppedS` was unhealthy in its health check grace
 * period when the scale in chose it (the service's latest scaling activity at or before
 * the stop): its target had turned unhealthy ("ignored during the health check grace
 * period"), and it was neither healthy again (the checks from its application's start:
 * targetHealthTimeline, as the simulation computes it) nor marked (a later task-unhealthy
 * row) by then. The service stops such tasks before healthy ones (services.ts).
 */
function unhealthyInGrace(
  taskId: string,
  stoppedS: number,
  index: GraceIndex,
  taskService: ReadonlyMap<string, TaskRow>,
  services: ReadonlyMap<string, ServiceInfo> | undefined,
): boolean {
  const rows = index.unhealthy.get(taskId);
  if (rows === undefined) return false;
  const task = taskService.get(taskId);
  const hc = task ? services?.get(task.service)?.healthCheck : null;
  if (!task || !hc || task.runningS === null) return false;
  // the service's latest scaling activity at or before the stop
  const acts = index.activities.get(task.service) ?? [];
  const k = bisectRight(acts, stoppedS);
  const chosenS = k > 0 ? acts[k - 1] : stoppedS;
  let appStartS: number | null = null;
  for (const e of rows) {
    if (e.timeS > chosenS) break;
    const m = IGNORED_IN_GRACE.exec(e.message);
    if (m) appStartS = Number(m[1]);
    else if (appStartS !== null) return false; // marked once the grace period ended
  }
  if (appStartS === null) return false;
  const health = targetHealthTimeline(appStartS * 1000, hc);
  return health.recoveredAt === null || task.runningS + health.recoveredAt / 1000 > chosenS;
}

/** events.csv's task-unhealthy rows by task, and each service's scaling-activity times (time order). */
interface GraceIndex {
  unhealthy: Map<string, EventRow[]>;
  activities: Map<string, number[]>;
}

function gracePeriodIndex(events: readonly EventRow[]): GraceIndex {
  const unhealthy = new Map<string, EventRow[]>();
  const activities = new Map<string, number[]>();
  for (const e of events) {
    if (e.type === 'task-unhealthy') {
      const list = unhealthy.get(e.subject);
      if (list) list.push(e);
      else unhealthy.set(e.subject, [e]);
    } else if (e.type === 'scaling-activity') {
      const list = activities.get(e.subject);
      if (list) list.push(e.timeS);
      else activities.set(e.subject, [e.timeS]);
    }
  }
  return { unhealthy, activities };
}

/** How many of the ascending `times` are at or before t (binary search). */

/** A run-relative time after "since" or "datapoint at" (formatDuration's: 6h20m, 0s, 1d2h). */
const QUEUE_TIME = /\b(since|datapoint at) ((?:\d+(?:d|h|ms|m|s))+)(?=[\s:;,)]|$)/g;

/**
 * A queue-inactive or queue-metrics-resumed message with its times from the run's start as
 * the clock's: "SQS queue inactive since 11:32:30: no message and no task polling it since
 * 09:32 (inactiveAfter 2h30s); ..." (the durations in parentheses are left as they are).
 */
export function queueTimesOnClock(message: string, clock: ClockFormat): string {
  return message.replace(QUEUE_TIME, (whole, word: string, d: string) => {
    const ms = parseDuration(d);
    return typeof ms === 'number' ? `${word} ${formatClockExact(ms / 1000, clock)}` : whole;
  });
}
