// What happened to the tasks a scale out asked for: when they were RUNNING and when the
// first could take traffic (RUNNING + the time its target group reports it healthy, as the
// simulation puts a task into rotation: model/target-health.ts), or was stopped for
// failing its health checks.

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
    const target = services.get(e.subject)?.newTarget ?? null;
    if (target === 'varies') {
      text += '; healthy in the load balancer once its application has started (startup.applicationStart varies; task-unhealthy rows name the tasks that failed)';
    } else if (target !== null && 'healthyAfterS' in target) {
      const healthy = first + target.healthyAfterS;
      text += healthy <= endS ? `; first healthy in the load balancer at ${formatClock(healthy, clock, true)}` : '; not yet healthy in the load balancer at the end';
    } else if (target !== null) {
      const marked = first + target.markedAfterS;
      text +=
        marked <= endS
          ? `; the first failed its load balancer health checks and was marked unhealthy (replaced) at ${formatClock(marked, clock, true)}`
          : '; still failing its load balancer health checks at the end';
    }
    lines.push({ timeS: last, service: e.subject, provider: null, order: LINE_ORDER.tasks, text });
  }
  return lines;
}
