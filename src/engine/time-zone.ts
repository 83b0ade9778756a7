// Checks an IANA time zone name for the calendar features (scheduled actions, trace shapes).
// AWS takes "the canonical names of the IANA time zones" (PutScheduledAction Timezone);
// luxon and Intl accept any case ("europe/berlin"), so the exact case is checked here.

import { IANAZone } from 'luxon';

let known: Set<string> | undefined; // the zones ICU lists, in their exact case
let words: Map<string, string> | undefined; // lower case -> the exact spelling of a word of a zone name

/**
 * Words of IANA zone names (tzdb, links in "backward" too) that are not a capital and then
 * lower case, and that ICU's list (canonical zones only, some under their legacy names)
 * does not show: abbreviations and camel-case words.
 */
const SPECIAL_WORDS = [
  'US', 'GB', 'NZ', 'CHAT', 'PRC', 'ROC', 'ROK', 'W', 'SU', 'IN', 'LHI', 'ACT', 'NSW',
  'UTC', 'UCT', 'GMT', 'GMT0', 'EST', 'MST', 'HST', 'CET', 'EET', 'MET', 'WET',
  'EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT',
  'ComodRivadavia', 'BajaNorte', 'BajaSur', 'EasterIsland', 'DeNoronha', 'DumontDUrville', 'McMurdo',
];

function knownZones(): Set<string> {
  if (!known) known = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return known;
}

function knownWords(): Map<string, string> {
  if (!words) {
    words = new Map();
    for (const z of knownZones()) for (const w of z.split(/[/_-]/)) if (w !== capitalised(w)) words.set(w.toLowerCase(), w);
    for (const w of SPECIAL_WORDS) words.set(w.toLowerCase(), w);
  }
  return words;
}

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/**
 * The IANA capitalisation of `name`, from its own words (between '/', '_' and '-'): a
 * capital and then lower case ("asia/ho_chi_minh" -> "Asia/Ho_Chi_Minh"), except the words
 * IANA spells otherwise ("au" in America/Port-au-Prince, "GMT+9" in Etc/GMT+9, US, EST5EDT).
 */
export function canonicalCase(name: string): string {
  const special = knownWords();
  return name.replace(/[^/_-]+/g, (w) => {
    const gmt = /^gmt([+-]\d+)?$/i.exec(w);
    if (gmt) return `GMT${gmt[1] ?? ''}`;
    return special.get(w.toLowerCase()) ?? capitalised(w);
  });
}

export type TimeZoneCheck = Readonly<{ ok: true } | { ok: false; unknown: true } | { ok: false; unknown: false; suggestion: string }>;

const resolvedZone = (name: string) => new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;

/** checkTimeZoneName's answers, by the exact name (an answer depends on the name and ICU's data only). */
const checkedNames = new Map<string, TimeZoneCheck>();

/**
 * Whether `name` is a time zone luxon knows, spelt in its exact case: a name ICU lists as
 * it lists it, or any other name (a link ICU does not list: Asia/Kolkata, US/Eastern) in its
 * IANA capitalisation (canonicalCase). A wrong-case name gets that capitalisation of the
 * user's own words as the suggestion ("europe/kyiv" -> "Europe/Kyiv", not ICU's legacy
 * "Europe/Kiev"), else the name ICU lists in another case, else the zone it resolves to.
 */
export function checkTimeZoneName(name: string): TimeZoneCheck {
  // once per name: luxon's isValidZone builds an Intl.DateTimeFormat at each call (about
  // half a millisecond), and a scenario names its zone once per scheduled action, checked
  // by more than one pass (the month benchmark: 60 actions)
  let c = checkedNames.get(name);
  if (c === undefined) checkedNames.set(name, (c = checkUncached(name)));
  return c;
}

function checkUncached(name: string): TimeZoneCheck {
  if (!IANAZone.isValidZone(name)) return { ok: false, unknown: true };
  const zones = knownZones();
  if (zones.has(name)) return { ok: true };
  const candidate = canonicalCase(name);
  if (candidate === name) return { ok: true };
  const resolved = resolvedZone(name);
  if (IANAZone.isValidZone(candidate) && resolvedZone(candidate) === resolved) return { ok: false, unknown: false, suggestion: candidate };
  const lower = name.toLowerCase();
  for (const z of zones) if (z.toLowerCase() === lower) return { ok: false, unknown: false, suggestion: z };
  return { ok: false, unknown: false, suggestion: resolved };
}

/** The error text after "timezone: " for a name checkTimeZoneName refused, or undefined when it is fine. */
export function timeZoneNameProblem(name: string, example = 'Europe/Berlin or UTC'): string | undefined {
  const c = checkTimeZoneName(name);
  if (c.ok) return undefined;
  if (c.unknown) return `expected an IANA time zone name such as ${example}, found ${JSON.stringify(name)}`;
  return `expected an IANA time zone name in its exact case, found ${JSON.stringify(name)} (did you mean "${c.suggestion}"?)`;
}
