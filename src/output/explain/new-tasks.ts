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
    // the tasks stopped (a scale in, a failed start) before they were RUNNING
    const stopped = started.filter((t) => t.runningS === null && t.stoppedS !== null && t.stoppedS <= endS);
    const never = started.filter((t) => t.runningS === null && !stopped.includes(t));
    const stoppedText = stoppedBeforeRunning(stopped, n === 1, clock);
    if (running.length === 0) {
      const parts = [stoppedText, never.length === 0 ? '' : stopped.length === 0 ? 'none RUNNING by the end' : `${listSome(never.map((t) => t.taskId).sort(byTaskName))} not RUNNING by the end`];
      lines.push({ timeS: e.timeS, service: e.subject, provider: null, order: LINE_ORDER.tasks, text: `${e.subject}: ${what} started; ${parts.filter((x) => x).join('; ')}` });
      continue;
    }
    // The first to be RUNNING (the earliest in tasks.csv's order among equals) and the last.
    const firstTask = running.reduce((a, t) => (t.runningS! < a.runningS! ? t : a));
    const first = firstTask.runningS!;
    const last = Math.max(...running.map((t) => t.runningS!));
    const some = running.length === n ? what : `${running.length} of ${what}`;
    // "by": an upper bound, so the clock time is rounded up to the second
    let text = `${e.subject}: ${some}: RUNNING by ${formatClock(Math.ceil(last - 1e-9), clock, true)} (${formatSpan(last - e.timeS)} after the decision)`;
    if (stoppedText) text += `; ${stoppedText}`;
    if (never.length > 0) text += `; ${listSome(never.map((t) => t.taskId).sort(byTaskName))} not RUNNING by the end`;
    // Which task the health clause is about: named unless it is the only one.
    const who = n === 1 ? '' : `${firstTask.taskId} `;
    const target = services.get(e.subject)?.newTarget ?? null;
    if (target === 'varies') {
      text += '; healthy in the load balancer once its application has started (startup.applicationStart varies; task-unhealthy rows name the tasks that failed)';
    } else if (target !== null && 'healthyAfterS' in target) {
      const healthy = first + target.healthyAfterS;
      // "at": a moment, so the clock time is rounded to the nearest second (not truncated)
      text += healthy <= endS ? `; ${who}healthy in the load balancer at ${formatClock(Math.round(healthy), clock, true)}` : `; ${who}not yet healthy in the load balancer at the end`;
    } else if (target !== null) {
      const marked = first + target.markedAfterS;
      text +=
        marked <= endS
          ? `; ${who}failed its load balancer health checks and was marked unhealthy (replaced) at ${formatClock(Math.round(marked), clock, true)}`
          : `; ${who}still failing its load balancer health checks at the end`;
    }
    lines.push({ timeS: last, service: e.subject, provider: null, order: LINE_ORDER.tasks, text });
  }
  return lines;
}

/**
 * "stopped at 08:13 (scale-in) before RUNNING" (the decision's only task), "api-6, api-7
 * stopped at 08:13 (scale-in) before RUNNING", grouped by time and reason; '' for none.
 */
function stoppedBeforeRunning(stopped: readonly TaskRow[], only: boolean, clock: ClockFormat): string {
  if (stopped.length === 0) return '';
  const groups = new Map<string, string[]>();
  for (const t of [...stopped].sort((a, b) => a.stoppedS! - b.stoppedS! || byTaskName(a.taskId, b.taskId))) {
    const at = formatClock(t.stoppedS!, clock, Math.abs(t.stoppedS! - 60 * Math.round(t.stoppedS! / 60)) > 1e-6);
    const key = `stopped at ${at}${t.stopReason ? ` (${t.stopReason})` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), t.taskId]);
  }
  const parts = [...groups].map(([key, ids]) => (only ? key : `${listSome(ids)} ${key}`));
  return `${parts.join(', ')} before RUNNING`;
}
