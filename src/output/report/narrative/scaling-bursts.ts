// Groups scaling activities into bursts: activities of one subject in one direction, each
// within `gapS` of the one before, read as one move ("scaled out 3 -> 9 in 3 steps").

import type { ScalingActivity } from './parse-scaling-activity.js';

export interface ScalingBurst {
  subject: string;
  direction: 'out' | 'in';
  startS: number;
  endS: number;
  from: number;
  to: number;
  steps: ScalingActivity[];
}

/** Activities must be in time order. Default gap: 15 minutes (model; AWS groups nothing). */
export function scalingBursts(activities: readonly ScalingActivity[], gapS = 900): ScalingBurst[] {
  const open = new Map<string, ScalingBurst>();
  const out: ScalingBurst[] = [];
  for (const a of activities) {
    const b = open.get(a.subject);
    if (b && b.direction === a.direction && a.timeS - b.endS <= gapS) {
      b.endS = a.timeS;
      b.to = a.to;
      b.steps.push(a);
      continue;
    }
    const nb: ScalingBurst = { subject: a.subject, direction: a.direction, startS: a.timeS, endS: a.timeS, from: a.from, to: a.to, steps: [a] };
    open.set(a.subject, nb);
    out.push(nb);
  }
  return out;
}
