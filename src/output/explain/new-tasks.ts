// What happened to the tasks a scale out asked for: when they were RUNNING and when the
// first could take traffic (RUNNING + the time its target group reports it healthy, as the
// simulation puts a task into rotation: model/target-health.ts), or was stopped for
// failing its health checks. The line is printed at the last task's RUNNING time, maybe
// after lines about other decisions' tasks, so it names its decision's time and its tasks,
// and the task whose health it tells ("the 2 tasks of the 09:44 decision (web-8, web-9):
// RUNNING by 09:48:28 ...; web-8 healthy in the load balancer at 09:44:43"): the first
// RUNNING may be long before the last.

import { formatClock, formatSpan, type ClockFormat } from './format-clock.js';
import { LINE_ORDER, type ExplainLine } from './explain-line.js';
import { parseScalingActivity } from './parse-scaling-activity.js';
import { byTaskName, listSome } from './task-placements.js';
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
    const running = started.filter((t) => t.runningS !== null);
    const n = started.length;
    const decision = formatClock(e.timeS, clock);
    const what = `${n === 1 ? 'the new task' : `the ${n} new tasks`} of the ${decision} decision (${listSome(started.map((t) => t.taskId).sort(byTaskName))})`;
    if (running.length === 0) {
      lines.push({ timeS: e.timeS, service: e.subject, provider: null, order: LINE_ORDER.tasks, text: `${e.subject}: ${what} started; none RUNNING by the end` });
      continue;
    }
    // The first to be RUNNING (the earliest in tasks.csv's order among equals) and the last.
    const firstTask = running.reduce((a, t) => (t.runningS! < a.runningS! ? t : a));
    const first = firstTask.runningS!;
    const last = Math.max(...running.map((t) => t.runningS!));
    const some = running.length === n ? what : `${running.length} of ${what}`;
    let text = `${e.subject}: ${some}: RUNNING by ${formatClock(last, clock, true)} (${formatSpan(last - e.timeS)} after the decision)`;
    // Which task the health clause is about: named unless it is the only one.
    const who = n === 1 ? '' : `${firstTask.taskId} `;
    const target = services.get(e.subject)?.newTarget ?? null;
    if (target === 'varies') {
      text += '; healthy in the load balancer once its application has started (startup.applicationStart varies; task-unhealthy rows name the tasks that failed)';
    } else if (target !== null && 'healthyAfterS' in target) {
      const healthy = first + target.healthyAfterS;
      text += healthy <= endS ? `; ${who}healthy in the load balancer at ${formatClock(healthy, clock, true)}` : `; ${who}not yet healthy in the load balancer at the end`;
    } else if (target !== null) {
      const marked = first + target.markedAfterS;
      text +=
        marked <= endS
          ? `; ${who}failed its load balancer health checks and was marked unhealthy (replaced) at ${formatClock(marked, clock, true)}`
          : `; ${who}still failing its load balancer health checks at the end`;
    }
    lines.push({ timeS: last, service: e.subject, provider: null, order: LINE_ORDER.tasks, text });
  }
  return lines;
}
