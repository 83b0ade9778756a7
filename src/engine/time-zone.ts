// Checks an IANA time zone name for the calendar features (scheduled actions, trace shapes).
// AWS takes "the canonical names of the IANA time zones" (PutScheduledAction Timezone);
// luxon and Intl accept any case ("europe/berlin"), so the exact case is checked here.

import { IANAZone } from 'luxon';

let known: Set<string> | undefined; // the zones ICU lists, in their exact case

function knownZones(): Set<string> {
  if (!known) known = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return known;
}

export type TimeZoneCheck = { ok: true } | { ok: false; unknown: true } | { ok: false; unknown: false; suggestion: string };

/**
 * Whether `name` is a time zone luxon knows, spelt in its exact case. A name ICU lists is
 * checked against that list; a link it does not list (Asia/Kolkata, US/Eastern) only for a
 * capital letter at the start of each part. A wrong-case name gets the right one, or the
 * zone it resolves to, as a suggestion.
 */
export function checkTimeZoneName(name: string): TimeZoneCheck {
  if (!IANAZone.isValidZone(name)) return { ok: false, unknown: true };
  const zones = knownZones();
  if (zones.has(name)) return { ok: true };
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  if (resolved === name) return { ok: true };
  const lower = name.toLowerCase();
  if (resolved.toLowerCase() === lower) return { ok: false, unknown: false, suggestion: resolved };
  for (const z of zones) if (z.toLowerCase() === lower) return { ok: false, unknown: false, suggestion: z };
  if (name.split('/').every((part) => /^[A-Z]/.test(part))) return { ok: true };
  return { ok: false, unknown: false, suggestion: resolved };
}

/** The error text after "timezone: " for a name checkTimeZoneName refused, or undefined when it is fine. */
export function timeZoneNameProblem(name: string, example = 'Europe/Berlin or UTC'): string | undefined {
  const c = checkTimeZoneName(name);
  if (c.ok) return undefined;
  if (c.unknown) return `expected an IANA time zone name such as ${example}, found ${JSON.stringify(name)}`;
  return `expected an IANA time zone name in its exact case, found ${JSON.stringify(name)} (did you mean "${c.suggestion}"?)`;
}
