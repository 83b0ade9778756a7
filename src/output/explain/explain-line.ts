// One sentence of `ecsim explain`: when, about what, and its place among the sentences of
// the same instant (the load first, then scaling decisions, their effects on capacity and
// tasks, notes).

export const LINE_ORDER = {
  load: 0,
  scaling: 1,
  instance: 2,
  provisioning: 3,
  tasks: 4,
  stopped: 5,
  /**
   * The target group failing open or ceasing to: decided at the end of the instant, after
   * the task turning unhealthy, healthy again or stopped that caused it (events.csv's order)
   */
  targetGroup: 6,
  note: 7,
  end: 8,
} as const;

export interface ExplainLine {
  timeS: number;
  /** The service the sentence is about (null for capacity provider sentences). */
  service: string | null;
  /** The capacity provider the sentence is about, if any. */
  provider: string | null;
  order: number;
  text: string;
}

/** Time order, then LINE_ORDER, then the order produced (stable). */
export function sortLines(lines: ExplainLine[]): ExplainLine[] {
  return lines
    .map((l, i) => ({ l, i }))
    .sort((a, b) => a.l.timeS - b.l.timeS || a.l.order - b.l.order || a.i - b.i)
    .map((x) => x.l);
}

/** Metric names as a person says them, with their unit suffix. */
export function metricLabel(metricName: string | null): { label: string; unit: string } {
  switch (metricName) {
    case 'CPUUtilization':
      return { label: 'CPU', unit: ' %' };
    case 'MemoryUtilization':
      return { label: 'memory', unit: ' %' };
    case 'RequestCountPerTarget':
      return { label: 'requests per target', unit: '' };
    case 'BacklogPerTask':
      return { label: 'backlog per task', unit: '' };
    case 'ApproximateNumberOfMessagesVisible':
      return { label: 'visible messages', unit: '' };
    default:
      return { label: metricName ?? 'the metric', unit: '' };
  }
}

/**
 * Metrics measured over RUNNING tasks (or their targets): no datapoint while none runs.
 * ApproximateNumberOfMessagesVisible, the queue's own, has one whatever the tasks (while the
 * queue is active: docs/assumptions.md, "Inactive queue").
 */
export function needsRunningTask(metricName: string | null): boolean {
  return metricName === 'CPUUtilization' || metricName === 'MemoryUtilization' || metricName === 'RequestCountPerTarget' || metricName === 'BacklogPerTask';
}

/** A rate or metric value for sentences: integers as is, else 3 significant digits. */
export function formatRate(x: number): string {
  if (Number.isInteger(x)) return String(x);
  if (Math.abs(x) >= 100) return String(Math.round(x));
  return String(Number(x.toPrecision(3)));
}
