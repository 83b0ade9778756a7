// buildTrace: a trace config (one base shape, then weekly, spikes, noise, each
// multiplying) becomes a Trace — rateAt for the event-driven model, meanRate for the
// fluid model's periods.

import { baseShapeOf, makeBaseShape } from './base-shape.js';
import { checkNumber } from './check.js';
import type { TraceComponent } from './component.js';
import { meanOfProduct, productAt } from './mean-rate.js';
import { makeNoise } from './modifiers/noise.js';
import { makeSpikes } from './modifiers/spikes.js';
import { makeWeekly } from './modifiers/weekly.js';
import type { BuildTraceOptions, Trace, TraceConfig } from './types.js';

/**
 * Random shapes draw from the fresh streams `trace/<streamKey>/randomWalk` and
 * `trace/<streamKey>/noise` (RandomStreams.fresh): the same trace however often it is built.
 */
export function buildTrace(config: TraceConfig, options: BuildTraceOptions): Trace {
  checkNumber('startEpochMs', options.startEpochMs);
  const components: TraceComponent[] = [makeBaseShape(baseShapeOf(config), options)];
  if (config.weekly != null) components.push(makeWeekly(config.weekly, options.startEpochMs));
  if (config.spikes != null && config.spikes.length > 0) components.push(makeSpikes(config.spikes));
  if (config.noise != null) {
    components.push(makeNoise(config.noise, () => options.streams.fresh('trace', options.streamKey, 'noise')));
  }
  const nextBreak = (t: number): number => {
    let next = Infinity;
    for (const c of components) next = Math.min(next, c.nextBreak(t));
    return next;
  };
  if (components.length === 1) {
    const only = components[0];
    return {
      rateAt: (t) => only.at(t),
      meanRate: (from, to) => meanOfProduct(components, from, to),
      nextBreak,
    };
  }
  return {
    rateAt: (t) => productAt(components, t),
    meanRate: (from, to) => meanOfProduct(components, from, to),
    nextBreak,
  };
}
