// Tasks that waited in PROVISIONING because no container instance could take them: how
// long (shortest to longest, when tasks placed together were created at different times),
// ECS's reasons (RESOURCE:MEMORY, INSTANCE_STATUS, ... from task-unplaceable events), and
// what ended the wait (an instance registering, or capacity freed). A wait's reasons are
// those recorded from its start up to its tasks' placement, in events.csv's order: a
// task-unplaceable row at the same instant after the placement is about the tasks still
// waiting, not about the ones placed. Read up to `toS` (explain's --to, the run's end by
// default): a wait still open then is told at toS, with the reasons recorded up to toS.

import { formatClock, formatClockExact, formatSpan, formatSpanRange, type ClockFormat } from './format-clock.js';
import { LINE_ORDER, type ExplainLine } from './explain-line.js';
import { byTaskName, listSome, type Placement } from './task-placements.js';
import type { EventRow, ServiceInfo, TaskRow } from './results-tables.js';
import { serviceOfTask } from '../task-id.js';
import { NONE_REGISTERED, unplaceableReasons } from '../report/narrative/unplaceable-episodes.js';

export function provisioningWaitLines(
  events: readonly EventRow[],
  tasks: readonly TaskRow[],
  placements: ReadonlyMap<string, Placement>,
  clock: ClockFormat,
  endS: number,
  services: ReadonlyMap<string, ServiceInfo> = new Map(),
  toS: number = endS,
): ExplainLine[] {
  const atEnd = toS >= endS;
  const cutS = Math.min(toS, endS);
  const registeredAt = new Map<string, number>();
  const unplaceable = new Map<string, Unplaceable[]>();
  /** Each task's task-placed row, by its index in events. */
  const placedRow = new Map<string, number>();
  events.forEach((e, index) => {
    if (e.timeS > cutS) return;
    if (e.type === 'instance-registered') registeredAt.set(e.subject, e.timeS);
    else if (e.type === 'task-placed' && !placedRow.has(e.subject)) placedRow.set(e.subject, index);
    else if (e.type === 'task-unplaceable') {
      const list = unplaceable.get(e.subject) ?? [];
      list.push({ row: e, index });
      unplaceable.set(e.subject, list);
    }
  });
  const groups = new Map<string, { service: string; placedS: number; placedIndex: number; tasks: TaskRow[]; instances: string[] }>();
  const stuck = new Map<string, TaskRow[]>();
  const addStuck = (t: TaskRow) => {
    const list = stuck.get(t.service);
    if (list) list.push(t);
    else stuck.set(t.service, [t]);
  };
  // still waiting at --to: created by then, not stopped by then (one still waiting at the run's end has simulation-end)
  const waitingAtCut = (t: TaskRow) => t.createdS <= cutS && (t.stoppedS === null || t.stoppedS > cutS || t.stopReason === 'simulation-end');
  for (const t of tasks) {
    const p = placements.get(t.taskId);
    if (!p) {
      // never placed: waiting at --to unless stopped by then (a scale in later does not undo the wait)
      if (t.runningS === null && t.instanceId === '' && waitingAtCut(t)) addStuck(t);
      continue;
    }
    if (p.timeS - t.createdS < 1e-6 || p.instanceId === null) continue;
    if (p.timeS > cutS) {
      // placed after --to: still waiting then (a task created after it, or stopped by it, is not)
      if (waitingAtCut(t)) addStuck(t);
      continue;
    }
    const key = `${t.service}@${p.timeS}`;
    const g = groups.get(key) ?? { service: t.service, placedS: p.timeS, placedIndex: Infinity, tasks: [], instances: [] };
    g.tasks.push(t);
    g.placedIndex = Math.min(g.placedIndex, placedRow.get(t.taskId) ?? Infinity);
    if (!g.instances.includes(p.instanceId)) g.instances.push(p.instanceId);
    groups.set(key, g);
  }
  const lines: ExplainLine[] = [];
  for (const g of groups.values()) {
    const since = Math.min(...g.tasks.map((t) => t.createdS));
    // tasks created at different times waited different times: the shortest to the longest
    const latest = Math.max(...g.tasks.map((t) => t.createdS));
    const reasons = reasonsBefore(unplaceable.get(g.service) ?? [], since, g.placedIndex);
    const fresh = g.instances.filter((id) => registeredAt.get(id) === g.placedS);
    const until = fresh.length > 0 ? `until ${listSome(fresh)} registered` : 'until capacity was freed on a registered instance';
    const n = g.tasks.length;
    lines.push({
      timeS: g.placedS,
      service: g.service,
      provider: g.tasks[0].capacityProvider || null,
      order: LINE_ORDER.provisioning,
      text: `${g.service}: ${n} ${n === 1 ? 'task' : 'tasks'} (${listSome(g.tasks.map((t) => t.taskId).sort(byTaskName))}) waited in PROVISIONING for ${formatSpanRange(g.placedS - latest, g.placedS - since)}${reasons} ${until}`,
    });
  }
  for (const [service, list] of stuck) {
    const since = Math.min(...list.map((t) => t.createdS));
    const reasons = reasonsBefore(unplaceable.get(service) ?? [], since, Infinity);
    const n = list.length;
    // managed scaling that never scales out for them (their task is larger than the smallest type its group lists)
    const never = services.get(service)?.neverScaledOutBy;
    const causes = [...new Set(list.filter((t) => !placements.has(t.taskId)).map((t) => t.capacityProvider))].flatMap((p) => {
      const why = never?.get(p);
      return why === undefined ? [] : [`; managed scaling of ${p} never scales out for ${n === 1 ? 'it' : 'them'}: ${why}`];
    });
    const what = `${n} ${n === 1 ? 'task' : 'tasks'}`;
    lines.push({
      timeS: cutS,
      service,
      provider: list[0].capacityProvider || null,
      order: LINE_ORDER.note,
      text: atEnd
        ? `${service}: ${what} still PROVISIONING at the end, waiting since ${formatClock(since, clock)}${reasons}${causes.join('')}`
        : `${service}: ${what} (${listSome(list.map((t) => t.taskId).sort(byTaskName))}) waiting in PROVISIONING since ${formatClock(since, clock)}${reasons}, still at ${formatClockExact(cutS, clock)}${causes.join('')}`,
    });
  }
  lines.push(...unplacedLaunchTypeLines(events, registeredAt, unplaceable, placements, clock, cutS, atEnd));
  lines.push(...daemonLines(unplaceable));
  return lines;
}

/** A DAEMON service's task-unplaceable message (its task fits no instance it should run on). */
const DAEMON_MESSAGE = /DAEMON task pending on (\d+) instances?/;

/**
 * DAEMON services whose task fit an instance it should run on: one line at the first such
 * event, with every reason the events gave and the most instances any named (ECS keeps the
 * task pending there; the run's last line tells how many ran in the end).
 */
function daemonLines(unplaceable: ReadonlyMap<string, readonly Unplaceable[]>): ExplainLine[] {
  const lines: ExplainLine[] = [];
  for (const [service, list] of unplaceable) {
    const rows = list.map((u) => u.row).filter((r) => DAEMON_MESSAGE.test(r.message));
    if (rows.length === 0) continue;
    const counts = rows.map((r) => Number(DAEMON_MESSAGE.exec(r.message)![1]));
    const most = Math.max(...counts);
    const where = `${counts.some((n) => n !== most) ? 'up to ' : ''}${most} ${most === 1 ? 'instance' : 'instances'}`;
    lines.push({
      timeS: rows[0].timeS,
      service,
      provider: null,
      order: LINE_ORDER.provisioning,
      text: `${service}: its DAEMON task did not fit ${where} it should run on${reasonsBetween(rows, -Infinity, Infinity)}; ECS keeps it pending there until one has room`,
    });
  }
  return lines;
}

/** A task-unplaceable row with its index in events.csv. */
interface Unplaceable {
  row: EventRow;
  index: number;
}

/** reasonsBetween over the rows from `from` on that come before row `beforeIndex` of events.csv. */
function reasonsBefore(list: readonly Unplaceable[], from: number, beforeIndex: number): string {
  const rows: EventRow[] = [];
  for (const u of list) if (u.index < beforeIndex) rows.push(u.row);
  return reasonsBetween(rows, from, Infinity);
}

/**
 * launchType EC2 services (their task-unplaceable messages name no capacity provider to
 * wait for): ECS creates no task until an instance takes it, so tasks.csv has no waiting
 * task; the wait is read from the events instead. A wait starts at a failed placement and
 * ends when the service next places tasks (one line for the tasks placed at that moment),
 * or lasts to the end of the run.
 */
function unplacedLaunchTypeLines(
  events: readonly EventRow[],
  registeredAt: ReadonlyMap<string, number>,
  unplaceable: ReadonlyMap<string, readonly Unplaceable[]>,
  placements: ReadonlyMap<string, Placement>,
  clock: ClockFormat,
  toS: number,
  atEnd: boolean,
): ExplainLine[] {
  const launchType = new Set<string>();
  for (const [service, list] of unplaceable) if (list.some((u) => !/waits in PROVISIONING for /.test(u.row.message) && !DAEMON_MESSAGE.test(u.row.message))) launchType.add(service);
  if (launchType.size === 0) return [];
  const since = new Map<string, number>();
  const placedNow = new Map<string, { timeS: number; index: number; instances: string[]; n: number }>();
  const lines: ExplainLine[] = [];
  const flush = (service: string) => {
    const g = placedNow.get(service);
    if (!g) return;
    placedNow.delete(service);
    const from = since.get(service)!;
    since.delete(service);
    const fresh = g.instances.filter((id) => registeredAt.get(id) === g.timeS);
    const when = fresh.length > 0 ? `when ${listSome(fresh)} registered` : 'when capacity was freed on a registered instance';
    lines.push({
      timeS: g.timeS,
      service,
      provider: null,
      order: LINE_ORDER.provisioning,
      text: `${service}: no instance could take a task for ${formatSpan(g.timeS - from)}${reasonsBefore(unplaceable.get(service) ?? [], from, g.index)}; ECS created ${g.n} ${g.n === 1 ? 'task' : 'tasks'} ${when}`,
    });
  };
  for (let index = 0; index < events.length; index++) {
    const e = events[index];
    if (e.timeS > toS) break;
    if (e.type === 'task-unplaceable' && launchType.has(e.subject)) {
      flush(e.subject);
      if (!since.has(e.subject)) since.set(e.subject, e.timeS);
    } else if (e.type === 'task-placed') {
      const service = serviceOfTask(e.subject);
      if (!since.has(service)) continue;
      const g = placedNow.get(service);
      if (g !== undefined && g.timeS !== e.timeS) flush(service);
      if (!since.has(service)) continue;
      const cur = placedNow.get(service) ?? { timeS: e.timeS, index, instances: [], n: 0 };
      cur.n++;
      const id = placements.get(e.subject)?.instanceId;
      if (id && !cur.instances.includes(id)) cur.instances.push(id);
      placedNow.set(service, cur);
    }
  }
  for (const service of [...placedNow.keys()]) flush(service);
  for (const [service, from] of since) {
    const still = atEnd ? '' : `, still at ${formatClockExact(toS, clock)}`;
    lines.push({
      timeS: toS,
      service,
      provider: null,
      order: LINE_ORDER.note,
      text: `${service}: no instance could take its tasks since ${formatClock(from, clock)}${reasonsBefore(unplaceable.get(service) ?? [], from, Infinity)}${still}; with launchType EC2 ECS creates no task until one can`,
    });
  }
  return lines;
}

/**
 * " (RESOURCE:MEMORY, memberOf)" from the unplaceable events in [from, to]: every rejection
 * each names ("2 rejected for RESOURCE:CPU, 1 for RESOURCE:MEMORY" names both), read by the
 * report's parser (unplaceableReasons) and said shorter ("memberOf" for its "memberOf
 * constraint"); or " (no instance registered)" when none named a rejection but one said no
 * container instance was registered (yet); or "".
 */
export function reasonsBetween(events: readonly EventRow[], from: number, to: number): string {
  const codes: string[] = [];
  let noneRegistered = false;
  for (const e of events) {
    if (e.timeS < from || e.timeS > to) continue;
    for (const reason of unplaceableReasons(e.message)) {
      if (reason === NONE_REGISTERED) noneRegistered = true;
      else if (!codes.includes(shortReason(reason))) codes.push(shortReason(reason));
    }
  }
  if (codes.length === 0 && noneRegistered) codes.push('no instance registered');
  return codes.length > 0 ? ` (${codes.join(', ')})` : '';
}

/** "memberOf" and "distinctInstance" for their constraints; the others as ECS names them. */
function shortReason(reason: string): string {
  return reason.replace(/ constraint$/, '');
}
