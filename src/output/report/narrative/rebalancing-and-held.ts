// Timeline items for AZ rebalancing operations and for scale ins held off by a scale out
// request (scale-in-held events), read from events.csv.
//
// An AZ rebalancing operation (AmazonECS/latest/developerguide/track-service-rebalancing.html)
// starts with SERVICE_REBALANCING_STARTED ("service web is not AZ balanced with ... AZ
// Rebalancing in progress."), starts and stops tasks (TASKS_STARTED, TASKS_STOPPED), and
// ends with SERVICE_REBALANCING_COMPLETED ("is AZ balanced with ..."), a placement failure
// ("is unable to place a task in ..."), SERVICE_REBALANCING_STOPPED ("stopped AZ
// Rebalancing."), or lasts to the end of the run. Folders written before 2026-11-27 name
// the service in parentheses ("service (web) ..."); both are read. ecsim's own event for a
// service not balanced with no room under maximumPercent for the task rebalancing starts
// first ("... ecsim: no task can start to AZ Rebalance: ...", since 2026-11-28) is no
// operation: its events are one item per episode (service and message), with its repeats.

import type { EventRow } from '../data/results-data.js';
import { clockLabel, clockRange, type SimClock } from '../format/sim-time.js';
import { SERVICE_EVENT_REPEAT_MS } from '../../../sim/service-event-repeat.js';

export interface RebalancingOp {
  service: string;
  startS: number;
  endS: number;
  /** The zones' task counts at the start ("6 tasks in us-east-1a, 4 in us-east-1b, and 4 in us-east-1c"), or null (a failure with no STARTED event). */
  imbalance: string | null;
  started: number;
  stopped: number;
  /** open: still going at the end of the run; superseded: another STARTED event came first (not seen from ecsim). */
  outcome: { kind: 'balanced'; detail: string } | { kind: 'failed'; detail: string } | { kind: 'stopped'; detail: string } | { kind: 'open' } | { kind: 'superseded' };
}

const SERVICE = String.raw`service \(?([^\s()]+)\)?`;
const STARTED = new RegExp(`^${SERVICE} is not AZ balanced with (.*)\\. AZ Rebalancing in progress\\.$`, 's');
const COMPLETED = new RegExp(`^${SERVICE} is AZ balanced with (.*)\\.$`, 's');
const FAILED = new RegExp(`^${SERVICE} is unable to place a task in (\\S+?)(?: because .*)?\\.$`, 's');
const STOPPED = new RegExp(`^${SERVICE} stopped AZ Rebalancing\\.(?: \\((.*)\\))?$`, 's');
const TASKS_STARTED = /^(\S+) has started (\d+) tasks? in \S+ to AZ Rebalance/;
const TASKS_STOPPED = /^(\S+) has stopped (\d+) running tasks? in \S+ due to AZ rebalancing/;

export function rebalancingOps(events: readonly EventRow[], endOfRunS: number): RebalancingOp[] {
  const ops: RebalancingOp[] = [];
  const open = new Map<string, RebalancingOp>();
  const close = (op: RebalancingOp, timeS: number, outcome: RebalancingOp['outcome']) => {
    op.endS = timeS;
    op.outcome = outcome;
    open.delete(op.service);
  };
  for (const e of events) {
    if (e.type !== 'az-rebalancing') continue;
    let m: RegExpExecArray | null;
    if ((m = STARTED.exec(e.message))) {
      const prev = open.get(m[1]);
      if (prev) close(prev, e.timeS, { kind: 'superseded' });
      const op: RebalancingOp = { service: m[1], startS: e.timeS, endS: endOfRunS, imbalance: m[2], started: 0, stopped: 0, outcome: { kind: 'open' } };
      ops.push(op);
      open.set(op.service, op);
    } else if ((m = TASKS_STARTED.exec(e.message))) {
      const op = open.get(m[1]);
      if (op) op.started += Number(m[2]);
    } else if ((m = TASKS_STOPPED.exec(e.message))) {
      const op = open.get(m[1]);
      if (op) op.stopped += Number(m[2]);
    } else if ((m = COMPLETED.exec(e.message))) {
      const op = open.get(m[1]);
      if (op) close(op, e.timeS, { kind: 'balanced', detail: m[2] });
    } else if ((m = FAILED.exec(e.message))) {
      let op = open.get(m[1]);
      if (!op) {
        op = { service: m[1], startS: e.timeS, endS: e.timeS, imbalance: null, started: 0, stopped: 0, outcome: { kind: 'open' } };
        ops.push(op);
      }
      close(op, e.timeS, { kind: 'failed', detail: m[2] });
    } else if ((m = STOPPED.exec(e.message))) {
      const op = open.get(m[1]);
      if (op) close(op, e.timeS, { kind: 'stopped', detail: m[2] ?? '' });
    }
  }
  return ops;
}

/** "At 10:14 web: AZ rebalancing (not balanced: 6 tasks in us-east-1a, ...); unable to place a task in us-east-1b, which ended it (...)." */
export function rebalancingText(op: RebalancingOp, clock: SimClock): string {
  const span = clockLabel(clock, op.endS) !== clockLabel(clock, op.startS) ? clockRange(clock, op.startS, op.endS) : `At ${clockLabel(clock, op.startS)}`;
  const from = op.imbalance === null ? '' : ` (not balanced: ${op.imbalance})`;
  const moved = op.started + op.stopped === 0 ? '' : `: started ${op.started} ${op.started === 1 ? 'task' : 'tasks'}, stopped ${op.stopped}`;
  const o = op.outcome;
  const end =
    o.kind === 'balanced'
      ? `; AZ balanced with ${o.detail}`
      : o.kind === 'failed'
        ? `; unable to place a task in ${o.detail}, which ended it (ECS logs the same failure again only after 6 h)`
        : o.kind === 'stopped'
          ? `; stopped${o.detail ? ` (${o.detail})` : ''}`
          : o.kind === 'open'
            ? '; still in progress at the end'
            : '';
  return `${span} ${op.service}: AZ rebalancing${from}${moved}${end}.`;
}

const NO_ROOM = new RegExp(`^${SERVICE} is not AZ balanced with (.*)\\. ecsim: no task can start to AZ Rebalance: (.*?)\\.?$`, 's');

export interface NoRoomEpisode {
  service: string;
  /** When the message was logged: the first, then its repeats. */
  times: number[];
  zones: string;
  why: string;
}

/** The simulator logs an unchanged AZ rebalancing failure again after this long, as ECS a service event. */
const REPEAT_AFTER_S = SERVICE_EVENT_REPEAT_MS / 1000;

/**
 * The "no room under maximumPercent" AZ rebalancing events (ecsim's own) as episodes: one
 * per service and message, its repeats (ecsim logs the same message again only after 6 h,
 * as ECS a repeated service event) included; a new one when the message changes (other
 * zones or figures, after a scaling), another AZ rebalancing event of the service (an
 * operation's) comes in between, or the same message comes sooner than 6 h after the last
 * (balanced, or one AZ, in between, which logs nothing). In the order of their first event.
 */

export function noRoomRebalancing(events: readonly EventRow[]): NoRoomEpisode[] {
  const out: NoRoomEpisode[] = [];
  // each service's open episode and its message
  const open = new Map<string, { episode: NoRoomEpisode; message: string }>();
  for (const e of events) {
    if (e.type !== 'az-rebalancing') continue;
    const m = NO_ROOM.exec(e.message);
    if (!m) {
      open.delete(e.subject);
      continue;
    }
    const current = open.get(e.subject);
    // the same message sooner than 6 h after the last is no repeat: the cause was resolved
    // in between without an event (balanced, or one AZ, for a while) and it came back
    if (current && current.message === e.message && e.timeS - current.episode.times[current.episode.times.length - 1] >= REPEAT_AFTER_S) {
      current.episode.times.push(e.timeS);
      continue;
    }
    const episode = { service: m[1], times: [e.timeS], zones: m[2], why: m[3] };
    out.push(episode);
    open.set(e.subject, { episode, message: e.message });
  }
  return out;
}

/**
 * "At 10:14 web: not AZ balanced (1 tasks in us-east-1a, 4 in us-east-1b, and 1 in
 * us-east-1c), and no task could start to AZ rebalance: maximumPercent 110 allows floor(6 x
 * 110 / 100) = 6 tasks, leaving no room to start another.", its repeats after: "...; the
 * same event again at 16:14 and 22:14 (logged again only after 6 h)", or of more than 3,
 * "...; the same event again 5 times, to 10:14 (logged again only after 6 h)".
 */
export function noRoomRebalancingText(s: NoRoomEpisode, clock: SimClock): string {
  const text = `At ${clockLabel(clock, s.times[0])} ${s.service}: not AZ balanced (${s.zones}), and no task could start to AZ rebalance: ${s.why}`;
  const repeats = s.times.slice(1).map((t) => clockLabel(clock, t));
  if (repeats.length === 0) return `${text}.`;
  const when = repeats.length <= 3 ? `at ${repeats.length === 1 ? repeats[0] : `${repeats.slice(0, -1).join(', ')} and ${repeats[repeats.length - 1]}`}` : `${repeats.length} times, to ${repeats[repeats.length - 1]}`;
  return `${text}; the same event again ${when} (logged again only after 6 h).`;
}

const HELD = /^(target tracking|step scaling) (\S+) asks for (\d+) \(scale in from (\d+)\), not applied: (target tracking|step scaling) (\S+) asks for (\d+) \(([^)]*)\): largest capacity wins/;

/** A scale-in-held event (logged once per stay) as a timeline sentence, or null when its message is not one. */
export function heldScaleInText(e: EventRow, clock: SimClock): string | null {
  const m = HELD.exec(e.message);
  if (!m) return null;
  const [, kind, policy, capacity, from, byKind, by, byCapacity, held] = m;
  return (
    `At ${clockLabel(clock, e.timeS)} ${e.subject} did not scale in: ${kind} ${policy} asked for ${capacity} (from ${from}), ` +
    `but ${byKind} ${by} asked for ${byCapacity} (${held}), and the largest capacity wins.`
  );
}
