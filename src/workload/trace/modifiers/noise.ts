// Modifier `noise` (type gaussian): a multiplicative factor 1 + cv * Z_k, constant over
// each [k*every, (k+1)*every), Z_k standard normal drawn in order from the stream
// `trace/<service>/noise`. Clipped to [max(0, 1 - 4 cv), 1 + 4 cv] (|Z| > 4 is rarer than
// 1 in 15 000): symmetric clipping keeps the mean factor exactly 1 while cv <= 0.25; above
// that the clip at 0 raises it (noiseMeanFactor).

import { normalDensity, normalTail, type RandomStream } from '../../../engine/index.js';
import { checkNumber, fail } from '../check.js';
import { NO_BREAK, type Bounds, type TraceComponent } from '../component.js';
import { keptFor, lazySeries, nextPieceStart, pieceIndex } from '../lazy-series.js';
import { standardNormal } from '../standard-normal.js';
import type { NoiseConfig } from '../types.js';

/** Clip of the noise factor, in units of cv. */
export const NOISE_CLIP_SD = 4;

function check(c: NoiseConfig): NoiseConfig {
  if (c.type !== 'gaussian') fail('noise.type', '"gaussian"', c.type);
  return {
    type: 'gaussian',
    cv: checkNumber('noise.cv', c.cv, 'nonNegative'),
    every: checkNumber('noise.every', c.every, 'positive'),
  };
}

/**
 * The mean of the clipped factor, E[min(max(lo, 1 + cv Z), hi)] = 1 + cv (g(-a) - g(4)), with
 * a = (lo - 1) / cv and g(b) = E[(Z - b)+] = phi(b) - b P(Z > b): 1 while cv <= 0.25
 * (a = -4), 1 + cv (g(1/cv) - g(4)) above (e.g. cv 1: 1.0833, cv 2: 1.3956).
 */
export function noiseMeanFactor(cv: number): number {
  const g = (b: number) => normalDensity(b) - b * normalTail(b);
  if (!(cv > 1 / NOISE_CLIP_SD)) return 1;
  return 1 + cv * (g(1 / cv) - g(NOISE_CLIP_SD));
}

export function noiseBounds(config: NoiseConfig): Bounds {
  const { cv } = check(config);
  return [Math.max(0, 1 - NOISE_CLIP_SD * cv), 1 + NOISE_CLIP_SD * cv];
}

/**
 * `rng()` gives the noise stream from its first draw (a new one each call: the series may
 * start over, see lazy-series.ts); it is only called when cv > 0.
 */
export function makeNoise(config: NoiseConfig, rng: () => RandomStream): TraceComponent {
  const { cv, every } = check(config);
  if (cv === 0) return { at: () => 1, nextBreak: NO_BREAK, degree: 0, maxPanel: Infinity };
  const [lo, hi] = noiseBounds(config);
  const series = lazySeries(() => {
    const stream = rng();
    return () => {
      const f = 1 + cv * standardNormal(stream);
      return f < lo ? lo : f > hi ? hi : f;
    };
  }, keptFor(every));
  return {
    at: (t) => series(pieceIndex(t, every)),
    nextBreak: (t) => nextPieceStart(t, every),
    degree: 0,
    maxPanel: Infinity,
  };
}
