// Picks the one base shape of a trace config (and rejects none, several, or unknown keys),
// and makes its component or bounds.

import { fail } from './check.js';
import type { Bounds, TraceComponent } from './component.js';
import { didYouMean } from './did-you-mean.js';
import { constantBounds, makeConstant } from './shapes/constant.js';
import { csvBounds, makeCsv } from './shapes/csv.js';
import { diurnalBounds, makeDiurnal } from './shapes/diurnal.js';
import { makeRamp, rampBounds } from './shapes/ramp.js';
import { makeRandomWalk, randomWalkBounds } from './shapes/random-walk.js';
import { makeStep, stepBounds } from './shapes/step.js';
import type { BaseShape, BuildTraceOptions, TraceConfig } from './types.js';

export const BASE_SHAPES = ['constant', 'step', 'ramp', 'diurnal', 'randomWalk', 'csv'] as const;
export const MODIFIERS = ['weekly', 'spikes', 'noise'] as const;

const KNOWN: readonly string[] = [...BASE_SHAPES, ...MODIFIERS];

/** A fresh object holding only the config's single base shape. */
export function baseShapeOf(config: TraceConfig): BaseShape {
  if (typeof config !== 'object' || config === null) {
    fail('requestRate', `an object with one base shape (${BASE_SHAPES.join(', ')})`, config);
  }
  for (const key of Object.keys(config)) {
    if (!KNOWN.includes(key)) {
      throw new Error(`requestRate.${key}: unknown key${didYouMean(key, KNOWN)}; expected one of ${KNOWN.join(', ')}`);
    }
  }
  const record = config as unknown as Record<string, unknown>;
  const present = BASE_SHAPES.filter((k) => record[k] !== undefined && record[k] !== null);
  if (present.length !== 1) {
    throw new Error(
      `requestRate: expected exactly one base shape (${BASE_SHAPES.join(', ')}), found ${
        present.length === 0 ? 'none' : present.join(' and ')
      }`,
    );
  }
  return { [present[0]]: record[present[0]] } as BaseShape;
}

export function makeBaseShape(shape: BaseShape, options: BuildTraceOptions): TraceComponent {
  if ('constant' in shape) return makeConstant(shape.constant);
  if ('step' in shape) return makeStep(shape.step);
  if ('ramp' in shape) return makeRamp(shape.ramp);
  if ('diurnal' in shape) return makeDiurnal(shape.diurnal, options.startEpochMs);
  if ('randomWalk' in shape) {
    return makeRandomWalk(shape.randomWalk, () => options.streams.fresh('trace', options.streamKey, 'randomWalk'));
  }
  return makeCsv(shape.csv);
}

export function baseShapeBounds(shape: BaseShape): Bounds {
  if ('constant' in shape) return constantBounds(shape.constant);
  if ('step' in shape) return stepBounds(shape.step);
  if ('ramp' in shape) return rampBounds(shape.ramp);
  if ('diurnal' in shape) return diurnalBounds(shape.diurnal);
  if ('randomWalk' in shape) return randomWalkBounds(shape.randomWalk);
  return csvBounds(shape.csv);
}
