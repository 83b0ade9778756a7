// The records the auto scaler hands back: alarm state changes, scaling activities (with a
// cause, as AAS records them), scheduled action runs, and step policy invocations that
// found no step.

import type { ScalingDirection } from './scaling-policy.js';

/** One applied change of the desired count. */
export interface ScalingActivity {
  time: number;
  from: number;
  to: number;
  /** A sentence with the datapoints and the arithmetic behind the change. */
  cause: string;
  direction: ScalingDirection;
}

/** no-step-adjustment: a step policy invoked in ALARM found no step for the breach and changed nothing. */
export type ScalingEventType = 'alarm-state' | 'scaling-activity' | 'scheduled-action' | 'no-step-adjustment';

export interface ScalingEvent {
  type: ScalingEventType;
  /** Simulation time, ms. */
  time: number;
  /** The service (scalable target) the event is about. */
  subject: string;
  message: string;
  /** Present on 'scaling-activity' events. */
  activity?: ScalingActivity;
}
