// Timeline entries for the episodes of task health and instance draining in events.csv:
// tasks marked unhealthy by the load balancer's health checks (`task-unhealthy`), a target
// group failing open (`target-group-fail-open`), tasks killed for memory
// (`task-out-of-memory`) and instances set to DRAINING (`instance-draining`). Events of one
// kind and subject (service, or capacity provider for instances) within `gapS` of each other
// form one entry, so a restart loop is one line, not one per event.

import { max } from 'd3-array';
import type { EventRow } from '../data/results-data.js';
import { clockLabel, clockRange, type SimClock } from '../format/sim-time.js';
import { serviceOfTask } from '../../task-id.js';

export const HEALTH_EPISODE_GAP_S = 300;

export interface HealthEpisode {
  kind: 'unhealthy' | 'fail-open' | 'out-of-memory' | 'draining';
  /** The service, or for instances their capacity provider. */
  subject: string;
  startS: number;
  endS: number;
  /** Distinct tasks or instances (fail-open: times the group failed open). */
  count: number;
  /** unhealthy: tasks the service stopped for it; draining: the reasons named. */
  stopped: number;
  reasons: string[];
}

interface Hit {
  kind: HealthEpisode['kind'];
  subject: string;
  timeS: number;
  /** The task or instance counted (fail-open: the start's time). */
  id: string;
  stop?: boolean;
  reason?: string;
  /** fail-open: when it ended (the next "healthy target again" of the group). */
  endS?: number;
}

export function healthEpisodes(events: readonly EventRow[], endOfRunS: number, gapS = HEALTH_EPISODE_GAP_S): HealthEpisode[] {
  const providerOf = new Map<string, string>();
  const hits: Hit[] = [];
  const openFail = new Map<string, Hit>();
  for (const e of events) {
    if (e.type === 'instance-launched') providerOf.set(e.subject, /^(\S+) launched/.exec(e.message)?.[1] ?? '?');
    else if (e.type === 'task-unhealthy') {
      const stop = /^the service stops (\S+)/.exec(e.message);
      if (stop) hits.push({ kind: 'unhealthy', subject: serviceOfTask(stop[1]), timeS: e.timeS, id: stop[1], stop: true });
      else if (/ is (?:still )?unhealthy in /.test(e.message)) hits.push({ kind: 'unhealthy', subject: serviceOfTask(e.subject), timeS: e.timeS, id: e.subject });
    } else if (e.type === 'target-group-fail-open') {
      if (/has no healthy target/.test(e.message)) {
        const hit: Hit = { kind: 'fail-open', subject: e.subject, timeS: e.timeS, id: String(e.timeS), endS: endOfRunS };
        openFail.set(e.subject, hit);
        hits.push(hit);
      } else {
        const open = openFail.get(e.subject);
        if (open) open.endS = e.timeS;
        openFail.delete(e.subject);
      }
    } else if (e.type === 'task-out-of-memory') hits.push({ kind: 'out-of-memory', subject: serviceOfTask(e.subject), timeS: e.timeS, id: e.subject });
    else if (e.type === 'instance-draining') {
      const reason = /set to DRAINING: ([^;]+)/.exec(e.message)?.[1]?.trim() ?? '';
      hits.push({ kind: 'draining', subject: providerOf.get(e.subject) ?? '?', timeS: e.timeS, id: e.subject, reason });
    }
  }
  const out: HealthEpisode[] = [];
  const groups = new Map<string, Hit[]>();
  for (const h of hits) {
    const key = `${h.kind}\u0000${h.subject}`;
    const g = groups.get(key);
    if (g) g.push(h);
    else groups.set(key, [h]);
  }
  for (const g of groups.values()) {
    let cur: Hit[] = [];
    let lastS = -Infinity;
    const flush = () => {
      if (cur.length === 0) return;
      const marks = cur.filter((h) => !h.stop);
      const ids = new Set((cur[0].kind === 'unhealthy' ? marks : cur).map((h) => h.id));
      const reasons = [...new Set(cur.map((h) => h.reason).filter((r): r is string => !!r))];
      out.push({
        kind: cur[0].kind,
        subject: cur[0].subject,
        startS: cur[0].timeS,
        // d3's max, not Math.max(...): an episode of a whole run's restart loop holds
        // hundreds of thousands of hits, more arguments than one call takes
        endS: max(cur, (h) => h.endS ?? h.timeS)!,
        count: ids.size,
        stopped: new Set(cur.filter((h) => h.stop).map((h) => h.id)).size,
        reasons,
      });
      cur = [];
    };
    for (const h of g) {
      if (h.timeS - lastS > gapS) flush();
      cur.push(h);
      lastS = Math.max(h.timeS, h.endS ?? h.timeS);
    }
    flush();
  }
  // by code unit, not localeCompare: its order follows the user's locale (LANG), and the report must not
  return out.sort((a, b) => a.startS - b.startS || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One timeline sentence for an episode. */
export function healthEpisodeText(ep: HealthEpisode, clock: SimClock): string {
  const when = ep.endS > ep.startS ? clockRange(clock, ep.startS, ep.endS) : `At ${clockLabel(clock, ep.startS)}`;
  switch (ep.kind) {
    case 'unhealthy':
      return `${when} ${ep.subject}: the load balancer's health checks marked ${plural(ep.count, 'task', 'tasks')} unhealthy${ep.stopped ? `; the service stopped ${plural(ep.stopped, 'task', 'tasks')} for it` : ''}.`;
    case 'fail-open':
      return `${when} ${ep.subject}: its target group had no healthy target and failed open, routing to all its targets${ep.count > 1 ? ` (${ep.count} times)` : ''}.`;
    case 'out-of-memory':
      return `${when} ${ep.subject}: ${plural(ep.count, 'task was', 'tasks were')} killed for using more memory than the hard limit (OutOfMemoryError); the service replaced ${ep.count === 1 ? 'it' : 'them'}.`;
    case 'draining':
      return `${when} ${ep.subject}: ${plural(ep.count, 'instance', 'instances')} set to DRAINING${ep.reasons.length ? ` (${ep.reasons.join('; ')})` : ''}.`;
  }
}
