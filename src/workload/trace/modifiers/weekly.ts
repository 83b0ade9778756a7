// Modifier `weekly`: Saturday and Sunday (00:00 Saturday to 00:00 Monday on the calendar
// of `timezone`, default UTC, counted from the scenario's `start`) x `weekendFactor`.

import { checkNumber } from '../check.js';
import type { Bounds, TraceComponent } from '../component.js';
import { DAY_MS, makeLocalClock } from '../local-clock.js';
import type { WeeklyConfig } from '../types.js';

/** Day of week of a local epoch-ms time: 0 Sunday ... 6 Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(localMs: number): number {
  return (((Math.floor(localMs / DAY_MS) + 4) % 7) + 7) % 7;
}

export function makeWeekly(config: WeeklyConfig, startEpochMs: number): TraceComponent {
  const factor = checkNumber('weekly.weekendFactor', config.weekendFactor, 'nonNegative');
  const clock = makeLocalClock(startEpochMs, config.timezone, 'weekly.timezone');
  return {
    at(t) {
      const d = dayOfWeek(clock.local(t));
      return d === 0 || d === 6 ? factor : 1;
    },
    nextBreak(t) {
      const local = clock.local(t);
      const d = dayOfWeek(local);
      // Days to the next edge: Saturday 00:00 from a weekday, Monday 00:00 from the weekend.
      const days = d === 6 ? 2 : d === 0 ? 1 : 6 - d;
      const edge = (Math.floor(local / DAY_MS) + days) * DAY_MS;
      return Math.min(t + (edge - local), clock.nextChange(t));
    },
    degree: 0,
    maxPanel: Infinity,
  };
}

export function weeklyBounds(config: WeeklyConfig): Bounds {
  const f = checkNumber('weekly.weekendFactor', config.weekendFactor, 'nonNegative');
  return [Math.min(1, f), Math.max(1, f)];
}
