// Step scaling adjustment types (AdjustmentType) and AWS's rounding of percentage changes
// (autoscaling/application/userguide/step-scaling-policy-overview.html, "Scaling adjustment types").

import { formatNumber } from './format.js';

export type AdjustmentType = 'ChangeInCapacity' | 'ExactCapacity' | 'PercentChangeInCapacity';

export const ADJUSTMENT_TYPES: readonly AdjustmentType[] = ['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity'];

const EPS = 1e-9; // absorbs float error in current x percent / 100 (10 x 20 / 100 is exactly 2)

/**
 * The change in capacity for `percent` % of `current`, rounded as AWS does: > 1 rounds
 * down, (0, 1] becomes 1, [-1, 0) becomes -1, < -1 rounds toward zero. Then, when
 * `minAdjustmentMagnitude` is given, a non-zero change smaller in magnitude is raised to it.
 */
export function percentChangeInCapacity(current: number, percent: number, minAdjustmentMagnitude?: number): number {
  const raw = (current * percent) / 100;
  let delta: number;
  if (raw > 1) delta = Math.floor(raw + EPS);
  else if (raw > 0) delta = 1;
  else if (raw >= -1) delta = raw === 0 ? 0 : -1;
  else delta = Math.ceil(raw - EPS);
  if (minAdjustmentMagnitude !== undefined && delta !== 0 && Math.abs(delta) < minAdjustmentMagnitude) {
    delta = Math.sign(delta) * minAdjustmentMagnitude;
  }
  return delta;
}

export interface AdjustmentResult {
  /** New capacity before clamping to [min, max]. */
  capacity: number;
  /** The arithmetic in words, e.g. "+20% of 10 = +2; 10 + 2 = 12". */
  arithmetic: string;
}

/** The capacity after one scaling adjustment to `current` (unclamped); allocation-free. */
export function adjustedCapacity(
  type: AdjustmentType,
  scalingAdjustment: number,
  current: number,
  minAdjustmentMagnitude?: number,
): number {
  if (type === 'ExactCapacity') return scalingAdjustment;
  if (type === 'ChangeInCapacity') return current + scalingAdjustment;
  return current + percentChangeInCapacity(current, scalingAdjustment, minAdjustmentMagnitude);
}

/** Applies one scaling adjustment to `current` (unclamped), with the arithmetic in words. */
export function applyAdjustment(
  type: AdjustmentType,
  scalingAdjustment: number,
  current: number,
  minAdjustmentMagnitude?: number,
): AdjustmentResult {
  switch (type) {
    case 'ExactCapacity':
      return { capacity: scalingAdjustment, arithmetic: `set to ${scalingAdjustment}` };
    case 'ChangeInCapacity': {
      const capacity = current + scalingAdjustment;
      return { capacity, arithmetic: `${current} ${sign(scalingAdjustment)} = ${capacity}` };
    }
    case 'PercentChangeInCapacity': {
      const delta = percentChangeInCapacity(current, scalingAdjustment, minAdjustmentMagnitude);
      const raw = (current * scalingAdjustment) / 100;
      let note = '';
      if (minAdjustmentMagnitude !== undefined && delta !== 0 && Math.abs(delta) === minAdjustmentMagnitude && Math.abs(raw) < minAdjustmentMagnitude) {
        note = ` (minAdjustmentMagnitude ${minAdjustmentMagnitude})`;
      }
      const pct = `${scalingAdjustment >= 0 ? '+' : ''}${formatNumber(scalingAdjustment)}%`;
      const capacity = current + delta;
      return {
        capacity,
        arithmetic: `${pct} of ${current} = ${formatNumber(raw)} -> ${delta >= 0 ? '+' : ''}${delta}${note}; ${current} ${sign(delta)} = ${capacity}`,
      };
    }
  }
}

function sign(n: number): string {
  return n >= 0 ? `+ ${n}` : `- ${-n}`;
}
