// EC2 Spot and Fargate Spot interruptions as a seeded Poisson process per instance or task:
// a 2-minute notice, then the stop. AWSEC2/latest/UserGuide/spot-instance-termination-notices.html,
// AmazonECS/latest/developerguide/fargate-capacity-providers.html.
// Model: time to the next notice is exponential with mean `meanTimeBetween` (AWS publishes
// no rate); draw from the instance's (or task's) own RandomStream.

import { sample, type RandomStream } from '../../engine/index.js';

/** AWS: the interruption notice comes two minutes before the stop. */
export const SPOT_INTERRUPTION_NOTICE_MS = 120_000;

export interface SpotInterruption {
  /** When the interruption notice (EC2: instance action; ECS: task state change + SIGTERM) arrives. */
  noticeMs: number;
  /** When the instance or task is stopped. */
  stopMs: number;
}

/** The next interruption of something running since (or checked at) `fromMs`. */
export function nextSpotInterruption(fromMs: number, meanTimeBetweenMs: number, rng: RandomStream): SpotInterruption {
  if (!(meanTimeBetweenMs > 0)) {
    throw new Error(`spot interruptions: meanTimeBetween must be > 0, found ${meanTimeBetweenMs} ms`);
  }
  const wait = Math.max(1, Math.round(sample({ distribution: 'exponential', mean: meanTimeBetweenMs }, rng)));
  const noticeMs = fromMs + wait;
  return { noticeMs, stopMs: noticeMs + SPOT_INTERRUPTION_NOTICE_MS };
}
