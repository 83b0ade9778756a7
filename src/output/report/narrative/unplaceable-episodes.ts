// Groups `task-unplaceable` events of a service into episodes (events within `gapS` of
// each other) and counts the rejection reasons ECS named (RESOURCE:MEMORY, ..., or no
// container instance registered).

import type { EventRow } from '../data/results-data.js';

export interface UnplaceableEpisode {
  service: string;
  startS: number;
  endS: number;
  events: number;
  /** Reason -> how many events named it, in first-seen order. */
  reasons: Map<string, number>;
  /** The provider the tasks waited for, when the message says so. */
  waitingFor: string | null;
}

const REASON = /\b(RESOURCE:[A-Z]+|INSTANCE_STATUS|memberOf constraint|distinctInstance constraint|no container instances? (?:is|are) registered)\b/g;
/** The two wordings of "nothing registered" (none at all, or all still launching) count as one reason. */
const reasonName = (match: string): string => (match.startsWith('no container') ? 'no container instance registered' : match);
const WAITING = /waits in PROVISIONING for (\S+) capacity/;

/** Events must be in time order. Default gap: 5 minutes (model). */
export function unplaceableEpisodes(events: readonly EventRow[], gapS = 300): UnplaceableEpisode[] {
  const open = new Map<string, UnplaceableEpisode>();
  const out: UnplaceableEpisode[] = [];
  for (const e of events) {
    if (e.type !== 'task-unplaceable') continue;
    let ep = open.get(e.subject);
    if (!ep || e.timeS - ep.endS > gapS) {
      ep = { service: e.subject, startS: e.timeS, endS: e.timeS, events: 0, reasons: new Map(), waitingFor: null };
      open.set(e.subject, ep);
      out.push(ep);
    }
    ep.endS = e.timeS;
    ep.events++;
    ep.waitingFor ??= WAITING.exec(e.message)?.[1] ?? null;
    const found = new Set<string>();
    for (const m of e.message.matchAll(REASON)) found.add(reasonName(m[1]));
    if (found.size === 0) found.add('other (see events.csv)');
    for (const r of found) ep.reasons.set(r, (ep.reasons.get(r) ?? 0) + 1);
  }
  return out;
}
