// An SQS queue's activity as CloudWatch sees it (SQSDeveloperGuide monitoring-using-
// cloudwatch.html): SQS sends a queue's metrics at one-minute intervals while the queue is
// active, "for up to six hours" after it last contained messages or any API action accessed
// it; for an inactive queue it stops sending them, and "when a queue is activated from an
// inactive state, CloudWatch metrics may be delayed up to 15 minutes".
//
// ecsim's reading, per metric period (docs/assumptions.md): a period in which a message
// arrived or was visible at its end, or a task was RUNNING (a worker polls the queue all the
// time, a ReceiveMessage API action), touches the queue; the queue goes inactive
// `inactiveAfter` after the end of the last period that touched it, and the period in which
// that moment falls keeps its datapoint. The first touching period after that activates it at
// its start; its metrics are sent again from the first period starting at least
// `activationMetricsDelay` later (the worst case of AWS's "up to"), none before.
// *Model* (docs/assumptions.md): a task counts by its RUNNING state, not by what it does: a
// RUNNING task whose application has not started yet counts as polling, and a message in
// flight on a task that left RUNNING (DEACTIVATING, STOPPING: finishing it) does not touch
// the queue, unless it is also visible or one arrives.

import { formatDuration } from '../scenario/duration.js';

/** What the simulation logs of a queue's activity (an events.csv row). */
export interface SqsActivityEvent {
  type: 'queue-inactive' | 'queue-metrics-resumed';
  message: string;
}

export class SqsActivity {
  /** The end of the last period that touched the queue (the run starts with it active). */
  private lastTouched = 0;
  private inactive = false;
  /** Datapoints of periods starting before this are not sent (the activation's delay). */
  private resumeAt = 0;
  /** Activated, its metrics not sent again yet: when, and by what. */
  private activation: { at: number; by: string } | null = null;
  /** The event the last period() call logs, if any (read right after it). */
  event: SqsActivityEvent | null = null;

  constructor(
    readonly inactiveAfterMs: number,
    readonly activationDelayMs: number,
  ) {}

  /**
   * The period [from, to) closed: `messages` whether a message arrived in it or was visible
   * at its end, `tasks` the tasks RUNNING in it (they poll the queue). Returns whether SQS
   * sends the period's datapoints; sets `event` when the queue goes inactive or its metrics
   * resume.
   */
  period(from: number, to: number, messages: boolean, tasks: number): boolean {
    this.event = null;
    if (messages || tasks > 0) {
      if (this.inactive) {
        this.inactive = false;
        this.resumeAt = from + this.activationDelayMs;
        this.activation = { at: from, by: messages ? 'a message arrived' : `${tasks === 1 ? 'a task polls' : `${tasks} tasks poll`} it` };
      }
      this.lastTouched = to;
    } else if (!this.inactive) {
      const inactiveAt = this.lastTouched + this.inactiveAfterMs;
      if (inactiveAt <= to) {
        this.inactive = true;
        // idle again before its metrics resumed (an inactiveAfter shorter than the delay):
        // the silence goes on, one spell, no second queue-inactive and no resumed row
        if (this.activation !== null) {
          this.activation = null;
          return false;
        }
        this.event = {
          type: 'queue-inactive',
          message:
            `SQS queue inactive since ${formatDuration(inactiveAt)}: no message and no task polling it since ${formatDuration(this.lastTouched)} (inactiveAfter ${formatDuration(this.inactiveAfterMs)}); ` +
            'SQS stops sending its CloudWatch metrics (ApproximateNumberOfMessagesVisible, and BacklogPerTask computed from it): alarms on them see missing data',
        };
        // the period in which it went inactive (ending then, or containing that moment when
        // inactiveAfter is not a whole number of periods) keeps its datapoint
        return from < inactiveAt;
      }
    }
    if (this.inactive || from < this.resumeAt) return false;
    if (this.activation !== null) {
      const { at, by } = this.activation;
      this.activation = null;
      const delay = from - at;
      this.event = {
        type: 'queue-metrics-resumed',
        message:
          `SQS queue active again since ${formatDuration(at)} (${by}); its CloudWatch metrics resume with the datapoint at ${formatDuration(from)}, ` +
          `${formatDuration(delay)} after activation (activationMetricsDelay ${formatDuration(this.activationDelayMs)}: "may be delayed up to 15 minutes")`,
      };
    }
    return true;
  }
}
