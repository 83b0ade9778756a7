// Where and when each task was placed and became RUNNING, read from events.csv
// (task-placed "web-4 placed on i-... (m5.large, us-east-1a)", task-running).

import type { EventRow } from './results-tables.js';

export interface Placement {
  timeS: number;
  /** The container instance, or null on Fargate. */
  instanceId: string | null;
}

export function taskPlacements(events: readonly EventRow[]): Map<string, Placement> {
  const out = new Map<string, Placement>();
  for (const e of events) {
    if (e.type !== 'task-placed' || out.has(e.subject)) continue;
    const m = / placed on (i-[0-9a-f]+)/.exec(e.message);
    out.set(e.subject, { timeS: e.timeS, instanceId: m ? m[1] : null });
  }
  return out;
}

/** Up to `max` names, then "+N more". */
export function listSome(names: readonly string[], max = 3): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} +${names.length - max} more`;
}

const TASK_NAME_ORDER = new Intl.Collator('en', { numeric: true });

/** Task names in their numbers' order: web-9 before web-10 (localeCompare's order, one collator). */
export function byTaskName(a: string, b: string): number {
  return TASK_NAME_ORDER.compare(a, b);
}
