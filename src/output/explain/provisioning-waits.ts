// Tasks that waited in PROVISIONING because no container instance could take them: how
// long, ECS's reasons (RESOURCE:MEMORY, INSTANCE_STATUS, ... from task-unplaceable
// events), and what ended the wait (an instance registering, or capacity freed).

import { formatClock, formatSpan, type ClockFormat } from './format-clock.js';
import { LINE_ORDER, type ExplainLine } from './explain-line.js';
import { listSome, type Placement } from './task-placements.js';
import type { EventRow, TaskRow } from './results-tables.js';

export function provisioningWaitLines(
  events: readonly EventRow[],
  tasks: readonly TaskRow[],
  placements: ReadonlyMap<string, Placement>,
  clock: ClockFormat,
  endS: number,
): ExplainLine[] {
  const registeredAt = new Map<string, number>();
  const unplaceable = new Map<string, EventRow[]>();
  for (const e of events) {
    if (e.type === 'instance-registered') registeredAt.set(e.subject, e.timeS);
    else if (e.type === 'task-unplaceable') {
      const list = unplaceable.get(e.subject) ?? [];
      list.push(e);
      unplaceable.set(e.subject, list);
    }
  }
  const groups = new Map<string, { service: string; placedS: number; tasks: TaskRow[]; instances: string[] }>();
  const stuck = new Map<string, TaskRow[]>();
  for (const t of tasks) {
    const p = placements.get(t.taskId);
    if (!p) {
      if (t.runningS === null && t.stopReason === 'simulation-end' && t.instanceId === '') stuck.set(t.service, [...(stuck.get(t.service) ?? []), t]);
      continue;
    }
    if (p.timeS - t.createdS < 1e-6 || p.instanceId === null) continue;
    const key = `${t.service}@${p.timeS}`;
    const g = groups.get(key) ?? { service: t.service, placedS: p.timeS, tasks: [], instances: [] };
    g.tasks.push(t);
    if (!g.instances.includes(p.instanceId)) g.instances.push(p.instanceId);
    groups.set(key, g);
  }
  const lines: ExplainLine[] = [];
  for (const g of groups.values()) {
    const since = Math.min(...g.tasks.map((t) => t.createdS));
    const reasons = reasonsBetween(unplaceable.get(g.service) ?? [], since, g.placedS);
    const fresh = g.instances.filter((id) => registeredAt.get(id) === g.placedS);
    const until = fresh.length > 0 ? `until ${listSome(fresh)} registered` : 'until capacity was freed on a registered instance';
    const n = g.tasks.length;
    lines.push({
      timeS: g.placedS,
      service: g.service,
      provider: g.tasks[0].capacityProvider || null,
      order: LINE_ORDER.provisioning,
      text: `${g.service}: ${n} ${n === 1 ? 'task' : 'tasks'} waited in PROVISIONING for ${formatSpan(g.placedS - since)}${reasons} ${until}`,
    });
  }
  for (const [service, list] of stuck) {
    const since = Math.min(...list.map((t) => t.createdS));
    const reasons = reasonsBetween(unplaceable.get(service) ?? [], since, endS);
    const n = list.length;
    lines.push({
      timeS: endS,
      service,
      provider: list[0].capacityProvider || null,
      order: LINE_ORDER.note,
      text: `${service}: ${n} ${n === 1 ? 'task' : 'tasks'} still PROVISIONING at the end, waiting since ${formatClock(since, clock)}${reasons}`,
    });
  }
  return lines;
}

/**
 * " (RESOURCE:MEMORY, memberOf)" from the unplaceable events in [from, to] (the first
 * rejection each names), or " (no instance registered)" when none named a rejection but
 * one said no container instance was registered (yet), or "".
 */
export function reasonsBetween(events: readonly EventRow[], from: number, to: number): string {
  const codes: string[] = [];
  let noneRegistered = false;
  for (const e of events) {
    if (e.timeS < from || e.timeS > to) continue;
    for (const m of e.message.matchAll(/rejected for ([A-Za-z_]+(?::[A-Z_]+)?)/g)) if (!codes.includes(m[1])) codes.push(m[1]);
    if (/no container instances? (?:are|is) registered/.test(e.message)) noneRegistered = true;
  }
  if (codes.length === 0 && noneRegistered) codes.push('no instance registered');
  return codes.length > 0 ? ` (${codes.join(', ')})` : '';
}
