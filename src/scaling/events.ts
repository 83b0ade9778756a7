// The records the auto scaler hands back: alarm state changes, scaling activities (with a
// cause, as AAS records them), scheduled action runs, and step policy invocations that
// found no step or a step of no change.

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

/**
 * no-step-adjustment: a step policy invoked in ALARM changed nothing because it found no step
 * for the breach, or because the step it found computes a change of 0 (a percentage of 0
 * tasks, a scalingAdjustment of 0).
 *
 * scale-in-held: a policy asked to scale in while another asked to scale out to the current
 * capacity or more and could not (at maxCapacity, or its scale-out cooldown): the largest
 * capacity wins, so nothing scaled in.
 */
export type ScalingEventType = 'alarm-state' | 'scaling-activity' | 'scheduled-action' | 'no-step-adjustment' | 'scale-in-held';

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
