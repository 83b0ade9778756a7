// What the simulation needs from Application Auto Scaling for one service. The adapter
// in auto-scaling.ts implements it on top of src/scaling.

export interface ScalingEvent {
  type: 'alarm-state' | 'scaling-activity' | 'scheduled-action' | 'no-step-adjustment' | 'scale-in-held';
  subject: string;
  message: string;
  /** For scaling activities. */
  direction?: 'out' | 'in';
}

export interface ServiceScalerPort {
  readonly minCapacity: number;
  readonly maxCapacity: number;
  /**
   * One of the period's datapoints (a metric without a call has missing data); `tasks`: the
   * tasks its value was measured over (NaN = unknown), for target tracking's scale-out cooldown.
   */
  putDatapoint(periodStart: number, metricName: string, sum: number, min: number, max: number, sampleCount: number, tasks: number): void;
  /**
   * Alarms and policies run when a period's datapoints become visible. The result may be
   * reused by the next call: read it before calling again, and do not modify `events`.
   */
  evaluate(timeMs: number, desiredCount: number): { desiredCount: number; events: ScalingEvent[] };
  /** Next scheduled action time strictly after `afterMs`, or null. */
  nextScheduledTime(afterMs: number): number | null;
  /**
   * At time 0, before the first placement: the actions' firings before the run replayed
   * (the bounds in force at the start), then the firings at time 0. Once, before runScheduledActions.
   */
  runInForceAtStart(desiredCount: number): { desiredCount: number; events: ScalingEvent[] };
  runScheduledActions(timeMs: number, desiredCount: number): { desiredCount: number; events: ScalingEvent[] };
}
