// The SQS queue's own metric from the workload's count of visible messages.

/**
 * ApproximateNumberOfMessagesVisible as published from `backlog`, the visible messages at a
 * period's end: a sample of a count of messages, so a whole number. The fluid model's
 * backlog is an expected count (its fluid excess plus the steady queue below capacity, e.g.
 * 3.35e-27 messages while the workers keep up); the sample is that expected count rounded
 * to the nearest whole message (the deterministic choice; half a message rounds up). The
 * request model's count is whole already. BacklogPerTask is this count over the RUNNING
 * tasks (as AWS's metric math divides it), the `backlog` column the expected count.
 */
export function visibleMessages(backlog: number): number {
  return Math.round(backlog);
}

/**
 * The metrics of the SQS queue itself (ApproximateNumberOfMessagesVisible, and BacklogPerTask,
 * metric math on it): those an inactive queue sends no datapoint of (docs/assumptions.md,
 * "Inactive queue").
 */
export function isQueueMetric(metricName: string | null | undefined): boolean {
  return metricName === 'ApproximateNumberOfMessagesVisible' || metricName === 'BacklogPerTask';
}
