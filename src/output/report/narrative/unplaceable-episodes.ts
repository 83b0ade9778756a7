// Groups `task-unplaceable` events of a service into episodes (events within `gapS` of
// each other) and counts the rejection reasons ECS named (RESOURCE:MEMORY, ATTRIBUTE, ..., or no
// container instance registered). An episode lasts until the service next places a task
// after its last failure, or, when tasks.csv is given, until the last of its tasks created by
// then was placed (the wait the tasks saw: a capacity provider's tasks wait in PROVISIONING
// as rows of tasks.csv), or to the end of the run when none was.

import { group } from 'd3-array';
import type { EventRow, TaskRow } from '../data/results-data.js';
import { serviceOfTask } from '../../task-id.js';

export interface UnplaceableEpisode {
  service: string;
  startS: number;
  /** When a task of the service was next placed after the last failure (or the run's end). */
  endS: number;
  events: number;
  /** Reason -> how many events named it, in first-seen order. */
  reasons: Map<string, number>;
  /** The provider the tasks waited for, when the message says so. */
  waitingFor: string | null;
}

const REASON = /\b(RESOURCE:[A-Z]+|INSTANCE_STATUS|ATTRIBUTE|memberOf constraint|distinctInstance constraint|no container instances? (?:of capacity provider \S+ )?(?:is|are) registered)\b/g;
/** The two wordings of "nothing registered" (none at all, or all still launching) count as one reason. */
const reasonName = (match: string): string => (match.startsWith('no container') ? NONE_REGISTERED : match);

/** The reason no container instance was registered, as unplaceableReasons names it. */
export const NONE_REGISTERED = 'no container instance registered';

/**
 * Every reason a task-unplaceable event's message names, in its order, each once:
 * "RESOURCE:CPU", "RESOURCE:MEMORY" (each of "2 rejected for RESOURCE:CPU, 1 for
 * RESOURCE:MEMORY"), "ATTRIBUTE", "INSTANCE_STATUS", "memberOf constraint",
 * "distinctInstance constraint", NONE_REGISTERED. The one parser of them: the report's
 * episodes and explain's waits (provisioning-waits.ts) both read them here. Read from
 * ecsim's detail (after "ecsim: ") when the message has one, the whole message otherwise.
 */
export function unplaceableReasons(message: string): string[] {
  const at = message.indexOf(' ecsim: ');
  const detail = at < 0 ? message : message.slice(at);
  const found: string[] = [];
  for (const m of detail.matchAll(REASON)) {
    const name = reasonName(m[1]);
    if (!found.includes(name)) found.push(name);
  }
  return found;
}
const WAITING = /waits in PROVISIONING for (\S+) capacity/;

/**
 * Events must be in time order. Default gap: 5 minutes (model). `endS`: the run's end, for
 * episodes no placement ended (default: their last failure), and for the last episode of
 * each service in `waitingAtEnd` (tasks never placed by the end: a placement of one of its
 * tasks did not end the wait of the others).
 */
export function unplaceableEpisodes(
  events: readonly EventRow[],
  gapS = 300,
  endS?: number,
  waitingAtEnd?: ReadonlySet<string>,
  tasks?: readonly Pick<TaskRow, 'taskId' | 'service' | 'createdS'>[],
): UnplaceableEpisode[] {
  const open = new Map<string, { ep: UnplaceableEpisode; lastFailureS: number; placed: boolean }>();
  const out: UnplaceableEpisode[] = [];
  const lastFailure = new Map<UnplaceableEpisode, number>();
  const placedAt = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'task-placed') {
      if (!placedAt.has(e.subject)) placedAt.set(e.subject, e.timeS);
      const o = open.get(serviceOfTask(e.subject));
      if (o && !o.placed) {
        o.placed = true;
        o.ep.endS = e.timeS;
      }
      continue;
    }
    if (e.type !== 'task-unplaceable') continue;
    let o = open.get(e.subject);
    if (!o || e.timeS - o.lastFailureS > gapS) {
      o = { ep: { service: e.subject, startS: e.timeS, endS: e.timeS, events: 0, reasons: new Map(), waitingFor: null }, lastFailureS: e.timeS, placed: false };
      open.set(e.subject, o);
      out.push(o.ep);
    }
    const ep = o.ep;
    o.lastFailureS = e.timeS;
    lastFailure.set(ep, e.timeS);
    o.placed = false;
    ep.endS = e.timeS;
    ep.events++;
    ep.waitingFor ??= WAITING.exec(e.message)?.[1] ?? null;
    const found = new Set<string>(unplaceableReasons(e.message));
    if (found.size === 0) found.add('other (see events.csv)');
    for (const r of found) ep.reasons.set(r, (ep.reasons.get(r) ?? 0) + 1);
  }
  // the tasks that waited: created by the last failure, placed at or after the first; the
  // episode lasts until the last of them was placed (not past the service's next episode)
  if (tasks) {
    const byService = group(tasks, (t) => t.service);
    // each episode's next of the same service starts at (one pass from the end)
    const nextStart = new Map<UnplaceableEpisode, number>();
    const later = new Map<string, number>();
    for (let i = out.length - 1; i >= 0; i--) {
      nextStart.set(out[i], later.get(out[i].service) ?? Infinity);
      later.set(out[i].service, out[i].startS);
    }
    for (const ep of out) {
      const last = lastFailure.get(ep)!;
      const next = nextStart.get(ep)!;
      for (const t of byService.get(ep.service) ?? []) {
        const placed = placedAt.get(t.taskId);
        if (placed === undefined || !(t.createdS <= last) || placed < ep.startS) continue;
        ep.endS = Math.max(ep.endS, Math.min(placed, next));
      }
    }
  }
  if (endS !== undefined) {
    for (const [service, o] of open) if (!o.placed || waitingAtEnd?.has(service)) o.ep.endS = Math.max(o.ep.endS, endS);
  }
  return out;
}
