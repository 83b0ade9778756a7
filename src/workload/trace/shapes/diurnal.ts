// Base shape `diurnal`: a cosine daily cycle between `min` and `max` whose maximum falls
// at wall-clock `peakAt` (UTC, or in `timezone`), the minimum half a period later.
// Cycles are anchored at local midnight of the start day: peaks at that midnight +
// peakAt + k * period (for the default one-day period: every day at peakAt).

import { checkNumber, fail } from '../check.js';
import type { Bounds, TraceComponent } from '../component.js';
import { DAY_MS, makeLocalClock } from '../local-clock.js';
import type { DiurnalConfig } from '../types.js';

/** Quadrature panels span at most period/24 (1 h of a day): meanRate error <= ~1e-10 x (max - min). */
const PANELS_PER_PERIOD = 24;

/** "HH:MM" or "HH:MM:SS" as ms after midnight. */
export function parsePeakAt(text: unknown, path = 'diurnal.peakAt'): number {
  const m = typeof text === 'string' ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim()) : null;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) {
    fail(path, 'a wall-clock time "HH:MM" or "HH:MM:SS" (00:00 to 23:59:59)', text);
  }
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000;
}

function check(c: DiurnalConfig): { min: number; max: number; period: number; peakMs: number } {
  const min = checkNumber('diurnal.min', c.min, 'nonNegative');
  const max = checkNumber('diurnal.max', c.max, 'nonNegative');
  if (!(max >= min)) fail('diurnal.max', `a rate >= diurnal.min (${min})`, max);
  const period = c.period === undefined ? DAY_MS : checkNumber('diurnal.period', c.period, 'positive');
  return { min, max, period, peakMs: parsePeakAt(c.peakAt) };
}

export function makeDiurnal(config: DiurnalConfig, startEpochMs: number): TraceComponent {
  const { min, max, period, peakMs } = check(config);
  const clock = makeLocalClock(startEpochMs, config.timezone, 'diurnal.timezone');
  const mid = (min + max) / 2;
  const amp = (max - min) / 2;
  const omega = (2 * Math.PI) / period;
  const origin = Math.floor(clock.local(0) / DAY_MS) * DAY_MS + peakMs;
  return {
    at(t) {
      const v = mid + amp * Math.cos(omega * ((clock.local(t) - origin) % period));
      return v < min ? min : v > max ? max : v;
    },
    nextBreak: clock.nextChange,
    degree: 2,
    maxPanel: period / PANELS_PER_PERIOD,
  };
}

export function diurnalBounds(config: DiurnalConfig): Bounds {
  const { min, max } = check(config);
  return [min, max];
}
