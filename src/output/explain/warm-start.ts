// `warmStart: true` (scenario.yaml): the groups' initial instances and the services' initial
// tasks were running before the run began. events.csv logs them at time 0 as launched and
// "registered at once" ("(desired 3; warmStart: registered at once)") and the tasks as
// "RUNNING at time 0 (warmStart)". Explain tells that as one line, not as a cold launch:
// "warm start: 3 instances running (asg-m5), web: 5 tasks RUNNING and in rotation".

import { LINE_ORDER, type ExplainLine } from './explain-line.js';
import type { EventRow, TaskRow } from './results-tables.js';
import { serviceOfTask } from '../task-id.js';

const WARM_LAUNCH = /^(\S+) launched \S+ in \S+ \(.*warmStart: registered at once\)$/;
const WARM_RUNNING = /RUNNING at time 0 \(warmStart\)/;

/** The instances launched warm (instance id -> capacity provider). */
export function warmInstances(events: readonly EventRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of events) {
    if (e.timeS > 0) break;
    const m = e.type === 'instance-launched' ? WARM_LAUNCH.exec(e.message) : null;
    if (m) out.set(e.subject, m[1]);
  }
  return out;
}

/**
 * The warm start line, or none without warmStart. `service`: only that service's tasks and
 * the capacity providers `providers` (those its tasks used); the line is then the service's.
 */
export function warmStartLine(
  events: readonly EventRow[],
  taskById: ReadonlyMap<string, TaskRow>,
  service?: string,
  providers?: ReadonlySet<string>,
): ExplainLine[] {
  const perProvider = new Map<string, number>();
  for (const provider of warmInstances(events).values()) {
    if (providers === undefined || providers.has(provider)) perProvider.set(provider, (perProvider.get(provider) ?? 0) + 1);
  }
  const perService = new Map<string, { n: number; inRotation: boolean }>();
  for (const e of events) {
    if (e.timeS > 0) break;
    if (e.type !== 'task-running' || !WARM_RUNNING.test(e.message)) continue;
    const name = taskById.get(e.subject)?.service ?? serviceOfTask(e.subject);
    if (service !== undefined && name !== service) continue;
    const s = perService.get(name) ?? { n: 0, inRotation: false };
    s.n++;
    s.inRotation ||= e.message.includes('in rotation');
    perService.set(name, s);
  }
  if (perProvider.size === 0 && perService.size === 0) return [];
  const parts = [
    ...[...perProvider].map(([p, n]) => `${n} ${n === 1 ? 'instance' : 'instances'} running (${p})`),
    ...[...perService].map(([s, { n, inRotation }]) => `${s}: ${n} ${n === 1 ? 'task' : 'tasks'} RUNNING${inRotation ? ' and in rotation' : ''}`),
  ];
  return [{ timeS: 0, service: service ?? null, provider: null, order: LINE_ORDER.instance, text: `warm start: ${parts.join(', ')}` }];
}
