// Base shape `randomWalk`: a geometric random walk, constant over each `every`. Step k
// multiplies the rate by exp(volatility * Z_k), Z_k standard normal (zero drift in log:
// the median stays at `start` while the walk has not reached a bound), reflected at `min`
// and `max` in log space. The reflection moves the median: between two bounds the walk
// tends towards a uniform spread in log space, median sqrt(min * max) (start 100, min 90,
// max 1000, volatility 0.05 per 1m: about 300 after a few days; docs/notes/traces.md).
// Draws come from the stream `trace/<service>/randomWalk`, in step order.

import type { RandomStream } from '../../../engine/index.js';
import { checkNumber, fail } from '../check.js';
import type { Bounds, TraceComponent } from '../component.js';
import { keptFor, lazySeries, nextPieceStart, pieceIndex } from '../lazy-series.js';
import { standardNormal } from '../standard-normal.js';
import type { RandomWalkConfig } from '../types.js';

function check(c: RandomWalkConfig): RandomWalkConfig {
  const min = checkNumber('randomWalk.min', c.min, 'nonNegative');
  const max = checkNumber('randomWalk.max', c.max, 'nonNegative');
  if (!(max >= min)) fail('randomWalk.max', `a rate >= randomWalk.min (${min})`, max);
  const start = checkNumber('randomWalk.start', c.start, 'positive');
  if (start < min || start > max) fail('randomWalk.start', `a rate within [min, max] = [${min}, ${max}]`, start);
  const volatility = checkNumber('randomWalk.volatility', c.volatility, 'nonNegative');
  const every = checkNumber('randomWalk.every', c.every, 'positive');
  return { start, volatility, min, max, every };
}

/** Folds a log value back into [lo, hi] by reflection at both ends (lo may be -Infinity). */
export function reflect(l: number, lo: number, hi: number): number {
  if (l > hi && lo === -Infinity) return 2 * hi - l;
  if (l >= lo && l <= hi) return l;
  const width = hi - lo;
  if (width === 0) return lo;
  let y = (l - lo) % (2 * width);
  if (y < 0) y += 2 * width;
  return lo + (y > width ? 2 * width - y : y);
}

/** `rng()` gives the walk's stream from its first draw (a new one each call: the series may start over). */
export function makeRandomWalk(config: RandomWalkConfig, rng: () => RandomStream): TraceComponent {
  const { start, volatility, min, max, every } = check(config);
  const lo = min > 0 ? Math.log(min) : -Infinity;
  const hi = Math.log(max);
  const series = lazySeries(() => {
    const stream = rng();
    return (k, previous) => {
      if (k === 0) return start;
      const v = Math.exp(reflect(Math.log(previous) + volatility * standardNormal(stream), lo, hi));
      return v < min ? min : v > max ? max : v;
    };
  }, keptFor(every));
  return {
    at: (t) => series(pieceIndex(t, every)),
    nextBreak: (t) => nextPieceStart(t, every),
    degree: 0,
    maxPanel: Infinity,
  };
}

export function randomWalkBounds(config: RandomWalkConfig): Bounds {
  const { min, max } = check(config);
  return [min, max];
}
