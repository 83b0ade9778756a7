// "did you mean" hints for misspelt keys and names.

import { distance } from 'fastest-levenshtein';
import { checkTimeZoneName } from '../engine/index.js';

/** The closest candidate to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const c = likelyMeant(word, candidates);
  return c.length === 1 ? c[0] : undefined;
}

/**
 * The candidates `word` likely means, best first: one (a typo within a few edits, or the
 * only name it is a part of), a few (a part of each: "size" for minSize and maxSize), or none.
 *
 * Besides typos, a word is taken as meant for a name when, ignoring case and a plural
 * ending ("policy" and "policies"): it begins the name and has 3 letters or more ("max" for
 * maxCapacity, "mem" for memory); it ends the name and starts one of its words (the camel
 * case or after "_", "-", "/": "count" for desiredCount, "zones" for availabilityZones) or
 * has 4 letters or more ("load" for workload); or its last word is the name, of 4 letters
 * or more ("scaleInCooldown" for cooldown); or it is whole words of the name, of 4 letters
 * or more ("metric" for predefinedMetricType and customMetric, named together); or it
 * begins with the name and goes on in letters ("intervalSeconds" for interval, "expectations"
 * for expect); or it is a plural of the name's start ("replicas" for replications, "steps" for
 * stepAdjustments); or it is the name with max/min/az for maximum/minimum/availabilityZone
 * ("maxPercent" for maximumPercent). Shorter parts match too many names to be a hint.
 *
 * For keys and values of the format, whose names are fixed: a shortening that drops a
 * number is hinted ("arm" for arm64, "EC" for EC2, "X86" for X86_64). For references to
 * names the scenario chooses, see likelyMeantName.
 */
export function likelyMeant(word: string, candidates: Iterable<string>): string[] {
  const list = [...candidates];
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  const spelt = spelledOut(word);
  for (const c of list) {
    // max/min/az written for maximum/minimum/availabilityZone (maxPercent: maximumPercent)
    const d = c.toLowerCase() === lower || spelledOut(c) === spelt ? 0 : distance(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return [];
  if (bestDistance <= 1) return [best];
  const parts = list.filter((c) => isPartOf(word, c) || isInside(word, c));
  if (parts.length === 1) return parts;
  const limit = Math.max(2, Math.floor(word.length / 3));
  if (bestDistance <= limit) return [best];
  return parts.length <= 3 ? parts : [];
}

/**
 * likelyMeant for a reference to a name the scenario (or its user) chose: a task definition,
 * capacity provider, service, policy... A name that differs from `word` only in a number at
 * the end is another name, not a typo (see numberVariants): `worker-2`, `worker2` and
 * `worker_v2` are not hinted as `worker`, nor `worker-3` as `worker-2`, nor `ec2-2` as `ec2`.
 */
export function likelyMeantName(word: string, names: Iterable<string>): string[] {
  return likelyMeant(word, [...names].filter((c) => !numberVariants(word, c)));
}

/** didYouMean for a reference to a chosen name (likelyMeantName). */
export function didYouMeanName(word: string, names: Iterable<string>): string {
  return meantHint(likelyMeantName(word, names));
}

/** closest for a reference to a chosen name (likelyMeantName). */
export function closestName(word: string, names: Iterable<string>): string | undefined {
  const c = likelyMeantName(word, names);
  return c.length === 1 ? c[0] : undefined;
}

/** A number ending a name, after an optional "-", "_", "." or " " and "v" (group 1): "-2", "2", "_v2". */
const NUMBER_SUFFIX = /([-_. ]v?)?(\d+)$/i;

/**
 * Whether `a` and `b` differ only in a number at the end: one is the other with a number
 * appended (`worker-2`, `worker2`, `worker_v2` for `worker`; `ec2-2` for `ec2`), or both end
 * in different numbers set off by a separator after the same start (`worker-3` and
 * `worker-2`). Such names are numbered siblings, not typos of each other. A digit changed
 * inside a word is still a typo (`EC3` for `EC2`, `latencyP99` for `latencyP95`), and so is
 * the same number after another separator (`worker_2` for `worker-2`).
 */
export function numberVariants(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return false;
  const mx = NUMBER_SUFFIX.exec(x);
  const my = NUMBER_SUFFIX.exec(y);
  if (mx && x.slice(0, mx.index) === y) return true;
  if (my && y.slice(0, my.index) === x) return true;
  return !!mx?.[1] && !!my?.[1] && mx[2] !== my[2] && x.slice(0, mx.index) === y.slice(0, my.index);
}

/** Shortenings AWS's names spell out: maxPercent is maximumPercent, azRebalancing availabilityZoneRebalancing. */
const SPELLED_OUT: Record<string, string> = { max: 'maximum', min: 'minimum', az: 'availabilityzone', azs: 'availabilityzones' };

/** `name`'s words, lower case, shortenings spelt out, joined: "maxPercent" -> "maximumpercent". */
function spelledOut(name: string): string {
  return words(name)
    .map((w) => SPELLED_OUT[w] ?? w)
    .join('');
}

/** `word` without a plural ending, lower case: "policies" -> "policy", "zones" -> "zone". */
function singular(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length > 4 && lower.endsWith('ies')) return lower.slice(0, -3) + 'y';
  if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1);
  return lower;
}

/** Whether a word starts at `at` of `name`: a capital after a small letter or digit, or a letter after "_", "-", "/", ".". */
function startsWord(name: string, at: number): boolean {
  if (at === 0) return true;
  const before = name[at - 1];
  const here = name[at];
  if (/[_\-/.: ]/.test(before)) return true;
  return /[A-Z]/.test(here) && /[a-z0-9]/.test(before);
}

/** Whether `word` is a likely shortening or part of `name` (see likelyMeant). */
function isPartOf(word: string, name: string): boolean {
  const w = singular(word);
  const n = singular(name);
  if (w === n) return true;
  // a prefix as written ("tasks" is not a shortening of taskDefinition)
  if (word.length >= 3 && name.toLowerCase().startsWith(word.toLowerCase())) return true;
  if (w.length >= 3 && n.endsWith(w)) {
    const at = n.length - w.length;
    if (w.length >= 4 || startsWord(name, at)) return true;
  }
  if (n.length >= 4 && w.endsWith(n) && startsWord(word, w.length - n.length)) return true;
  // the word begins with the name and goes on in letters, the name of 5 letters or more or
  // followed by a camel-case word (expectations: expect, intervalSeconds: interval,
  // StepScalingPolicy: StepScaling; not FARGATE_SPOT: FARGATE, another name)
  const lower = word.toLowerCase();
  const nameLower = name.toLowerCase();
  if (
    lower.length > nameLower.length &&
    lower.startsWith(nameLower) &&
    /[a-zA-Z]/.test(word[name.length]) &&
    (nameLower.length >= 5 || (nameLower.length >= 4 && startsWord(word, name.length)))
  ) {
    return true;
  }
  // the singular, of 6 letters or more, begins the name within its first word (replicas: replications)
  if (w.length >= 6 && n.startsWith(w) && n.length > w.length && !startsWord(name, w.length)) return true;
  // a plural whose singular is the first word of a plural name (steps: stepAdjustments; tasks is
  // no shortening of taskDefinition)
  if (w !== lower && w.length >= 4 && n !== nameLower && words(name).length > 1 && words(name)[0] === w) return true;
  return false;
}

/**
 * Whether `word` is whole words inside `name` after its first, as written but for case, of 4
 * letters or more ("metric" for predefinedMetricType; "zones" is not inside availabilityZoneRebalancing).
 */
function isInside(word: string, name: string): boolean {
  return word.length >= 4 && containsWords(words(name), words(word));
}

/** The words of a camel-case or "_", "-", "/", "." separated name, lower case. */
function words(name: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= name.length; i++) {
    if (i === name.length || startsWord(name, i)) {
      const part = name.slice(start, i).replace(/^[_\-/.: ]+|[_\-/.: ]+$/g, '').toLowerCase();
      if (part !== '') out.push(part);
      start = i;
    }
  }
  return out;
}

/** Whether `inner` is a run of consecutive words of `outer`, not at its start (a prefix counts as written: "tasks" is no shortening of taskDefinition). */
function containsWords(outer: readonly string[], inner: readonly string[]): boolean {
  if (inner.length === 0) return false;
  for (let at = 1; at + inner.length <= outer.length; at++) {
    if (inner.every((x, i) => x === outer[at + i])) return true;
  }
  return false;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  return meantHint(likelyMeant(word, candidates));
}

/** ` (did you mean "a"?)`, ` (did you mean "a" or "b"?)`, or '' for none. */
export function meantHint(meant: readonly string[]): string {
  return meant.length === 0 ? '' : ` (did you mean ${quotedChoice(meant)}?)`;
}

/** The same as a clause after other words: `; did you mean "a"?`, or '' for none. */
export function meantClause(meant: readonly string[]): string {
  return meant.length === 0 ? '' : `; did you mean ${quotedChoice(meant)}?`;
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
function quotedChoice(meant: readonly string[]): string {
  const quoted = meant.map((m) => `"${m}"`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
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

/**
 * ` (did you mean "Europe/Berlin"?)` for a name that is no time zone in any case but close to
 * one; else ''. An Etc/GMT±N past the zones' range (Etc/GMT+1 to +12, Etc/GMT-1 to -14: the
 * tz database's etcetera file) is said so, with POSIX's sign, the inverse of ISO's
 * (Etc/GMT-14 is UTC+14), and the sign-flipped zone when there is one (Etc/GMT+14: Etc/GMT-14),
 * rather than the nearest name (Etc/GMT+1).
 */
export function timeZoneHint(name: string): string {
  const c = checkTimeZoneName(name);
  if (c.ok || !c.unknown) return '';
  return etcGmtHint(name) ?? didYouMean(name, timeZoneNames());
}

/** The hint for an Etc/GMT±N whose N is past its sign's range, else undefined. */
function etcGmtHint(name: string): string | undefined {
  const m = /^etc\/gmt([+-])0*([0-9]{1,6})$/i.exec(name);
  if (m === null) return undefined;
  const n = Number(m[2]);
  const posix = 'the sign is POSIX\'s, the inverse of ISO 8601\'s: Etc/GMT-14 is UTC+14, Etc/GMT+12 is UTC-12';
  if (m[1] === '+' && n > 12 && n <= 14) return ` (Etc/GMT+ stops at 12 and Etc/GMT- at 14, and ${posix}; did you mean "Etc/GMT-${n}", UTC+${n}?)`;
  if ((m[1] === '+' && n > 12) || (m[1] === '-' && n > 14)) return ` (the Etc/GMT zones run from Etc/GMT-14 to Etc/GMT+12, and ${posix})`;
  return undefined;
}
