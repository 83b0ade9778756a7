// prevCronFire's answers, kept for the process. The replay of the scheduled actions' firings
// before the start (ServiceAutoScaler.firingsBeforeStart) asks for each action's previous
// firings from the run's start backwards, and is run once by the simulation and twice by
// the scenario's warnings; services often share their actions' schedules (the month's 30
// services have two crons between them). Each answer walks calendar days through luxon's
// zone offsets (about a third of a millisecond), the same answer for the same question.
//
// A question is the cron's text (its fields are parsed from it alone), the zone, and the
// latest and earliest instants searched; its answer depends on nothing else.

import type { CronSchedule } from './schedule.js';

/** Answers kept at most; past this the memo starts over (a long sweep of start times). */
const MAX_KEPT = 4096;

const kept = new Map<string, number | null>();

/** prevCronFire(c, last, floor, timezone), from the memo or from `solve` (then kept). */
export function prevCronFireKept(c: CronSchedule, last: number, floor: number, timezone: string, solve: () => number | null): number | null {
  const key = `${c.text}\u0000${timezone}\u0000${last}\u0000${floor}`;
  const known = kept.get(key);
  if (known !== undefined) return known;
  const answer = solve();
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, answer);
  return answer;
}
