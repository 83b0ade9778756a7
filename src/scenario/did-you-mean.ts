// "did you mean" hints for misspelt keys and names.

import { distance } from 'fastest-levenshtein';
import { checkTimeZoneName } from '../engine/index.js';

/** The closest candidate to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    const d = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  if (bestDistance > 0 && lower.length >= 4) {
    // a prefix of a longer name ("TargetTracking" for "TargetTrackingScaling") is a likely slip too
    for (const c of candidates) if (c.toLowerCase().startsWith(lower)) return c;
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : ` (did you mean "${c}"?)`;
}

let zoneNames: string[] | undefined;

/**
 * The time zone names a misspelt one is matched against: the zones ICU lists, UTC, and the
 * fixed-offset Etc zones (Etc/UTC, Etc/GMT, Etc/GMT+1 to +12, Etc/GMT-1 to -14), which ICU does not list.
 */
function timeZoneNames(): string[] {
  if (!zoneNames) {
    const etc = ['Etc/UTC', 'Etc/GMT'];
    for (let h = 1; h <= 14; h++) {
      if (h <= 12) etc.push(`Etc/GMT+${h}`);
      etc.push(`Etc/GMT-${h}`);
    }
    zoneNames = [...Intl.supportedValuesOf('timeZone'), 'UTC', ...etc];
  }
  return zoneNames;
}

/** ` (did you mean "Europe/Berlin"?)` for a name that is no time zone in any case but close to one; else ''. */
export function timeZoneHint(name: string): string {
  const c = checkTimeZoneName(name);
  return !c.ok && c.unknown ? didYouMean(name, timeZoneNames()) : '';
}
