// `--from` / `--to` of `ecsim trace` and `ecsim explain`: a duration since the start
// ("20m", "1h30m", "90" seconds) or a UTC clock time "hh:mm" / "hh:mm:ss" (the first such
// time at or after the scenario's start, so "09:20" in a run starting 09:00 is 20 min in).

import { parseDuration, TOO_LONG } from '../../scenario/index.js';

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;
const DAY_MS = 86_400_000;

/** Milliseconds since the simulation start, or an Error message naming what was expected. */
export function parseTimeArg(text: string, startEpochMs: number): number | string {
  const s = text.trim();
  const clock = CLOCK.exec(s);
  if (clock) {
    const ofDay = (Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)) * 1000;
    const startOfDay = ((startEpochMs % DAY_MS) + DAY_MS) % DAY_MS;
    return (ofDay - startOfDay + DAY_MS) % DAY_MS;
  }
  const ms = parseDuration(/^\d+(\.\d+)?$/.test(s) ? Number(s) : s);
  // a duration past ecsim's ten years is said so: it is no malformed one
  if (typeof ms === 'string') return ms.startsWith(TOO_LONG) ? ms : `expected a duration since the start ("20m", "1h30m") or a UTC time "hh:mm", found "${text}"`;
  return ms;
}
