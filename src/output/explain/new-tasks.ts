// What happened to the tasks a scale out asked for: when they were RUNNING and when the
// first could take traffic (RUNNING + the load balancer's healthy threshold x interval,
// as the simulation puts a task into rotation).

import { formatClock, formatSpan, type ClockFormat } from './format-clock.js';
import { LINE_ORDER, type ExplainLine } from './explain-line.js';
import { parseScalingActivity } from './parse-scaling-activity.js';
import type { EventRow, ServiceInfo, TaskRow } from './results-tables.js';

export function newTaskLines(
  events: readonly EventRow[],
  tasksByService: ReadonlyMap<string, readonly TaskRow[]>,
  services: ReadonlyMap<string, ServiceInfo>,
  clock: ClockFormat,
  endS: number,
): ExplainLine[] {
  const lines: ExplainLine[] = [];
  for (const e of events) {
    if (e.type !== 'scaling-activity') continue;
    const tasks = tasksByService.get(e.subject);
    const a = parseScalingActivity(e.message);
    if (!tasks || !a || a.to <= a.from) continue;
    const started = tasks.filter((t) => Math.abs(t.createdS - e.timeS) < 1e-6);
    if (started.length === 0) continue;
    const running = started.filter((t) => t.runningS !== null).map((t) => t.runningS!) ;
    const n = started.length;
    const what = `${n} new ${n === 1 ? 'task' : 'tasks'}`;
    if (running.length === 0) {
      lines.push({ timeS: e.timeS, service: e.subject, provider: null, order: LINE_ORDER.tasks, text: `${e.subject}: ${what} started; none RUNNING by the end` });
      continue;
    }
    const first = Math.min(...running);
    const last = Math.max(...running);
    let text = `${e.subject}: ${running.length === n ? what : `${running.length} of ${what}`} RUNNING by ${formatClock(last, clock, true)} (${formatSpan(last - e.timeS)} after the decision)`;
    const healthyAfter = services.get(e.subject)?.healthyAfterS ?? null;
    if (healthyAfter !== null) {
      const healthy = first + healthyAfter;
      text += healthy <= endS ? `; first healthy in the load balancer at ${formatClock(healthy, clock, true)}` : '; not yet healthy in the load balancer at the end';
    }
    lines.push({ timeS: last, service: e.subject, provider: null, order: LINE_ORDER.tasks, text });
  }
  return lines;
}
