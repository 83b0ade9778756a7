// Wall-clock time in an IANA time zone (or UTC) for simulated time, for the calendar
// shapes (diurnal peak, weekend). Offsets come from luxon and are cached per simulated
// day, so a lookup is an array read; daylight-saving changes are found to the ms.

import { IANAZone } from 'luxon';
import { timeZoneNameProblem } from '../../engine/index.js';
import { show } from './check.js';

export const DAY_MS = 86_400_000;

/** How far nextChange looks ahead before it reports a (harmless) pseudo break. */
const LOOKAHEAD_DAYS = 7;

export interface LocalClock {
  /** Local wall time at simulated time t, as epoch ms whose UTC fields read as local. */
  local(t: number): number;
  /** A time > t at or before the next offset change (Infinity for UTC). */
  nextChange(t: number): number;
}

/**
 * What is wrong with a calendar shape's `timezone` (the text after "path: "), or undefined
 * when makeLocalClock takes it: an IANA zone name luxon knows, in its exact case, or UTC.
 */
export function localClockZoneProblem(timezone: unknown): string | undefined {
  if (timezone === undefined || timezone === 'UTC' || timezone === 'Etc/UTC') return undefined;
  if (typeof timezone !== 'string' || !IANAZone.isValidZone(timezone)) return `expected an IANA time zone such as "Europe/Berlin", found ${show(timezone)}`;
  return timeZoneNameProblem(timezone); // valid in some case: only the case can be wrong
}

export function makeLocalClock(startEpochMs: number, timezone: string | undefined, path: string): LocalClock {
  if (timezone === undefined || timezone === 'UTC' || timezone === 'Etc/UTC') {
    return { local: (t) => startEpochMs + t, nextChange: () => Infinity };
  }
  const problem = localClockZoneProblem(timezone);
  if (problem !== undefined) throw new Error(`${path}: ${problem}`);
  const zone = IANAZone.create(timezone);
  const offsetAt = (t: number): number => zone.offset(startEpochMs + t) * 60_000;

  // Day k covers [k*DAY_MS, (k+1)*DAY_MS): offset at its start, and the time and new
  // offset of a change inside it (NaN when none). Filled lazily; at most one change a day.
  const startOffset: number[] = [];
  const changeAt: number[] = [];
  const afterOffset: number[] = [];

  const fillTo = (k: number): void => {
    for (let d = startOffset.length; d <= k; d++) {
      const s = d === 0 ? offsetAt(0) : afterOffset[d - 1];
      const e = offsetAt((d + 1) * DAY_MS);
      startOffset.push(s);
      afterOffset.push(e);
      if (e === s) {
        changeAt.push(NaN);
        continue;
      }
      let lo = d * DAY_MS; // offset s here
      let hi = (d + 1) * DAY_MS; // offset e here
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === s) lo = mid;
        else hi = mid;
      }
      changeAt.push(hi);
    }
  };

  const offset = (t: number): number => {
    if (t < 0) return offsetAt(t);
    const k = Math.floor(t / DAY_MS);
    if (k >= startOffset.length) fillTo(k);
    const c = changeAt[k];
    return c === c && t >= c ? afterOffset[k] : startOffset[k];
  };

  return {
    local: (t) => startEpochMs + t + offset(t),
    nextChange(t) {
      if (t < 0) return 0;
      const k = Math.floor(t / DAY_MS);
      const last = k + LOOKAHEAD_DAYS;
      fillTo(last);
      for (let d = k; d <= last; d++) {
        const c = changeAt[d];
        if (c === c && c > t) return c;
      }
      return (last + 1) * DAY_MS;
    },
  };
}
