// prevCronFire's answers, kept for the process. The replay of the scheduled actions' firings
// before the start (ServiceAutoScaler.firingsBeforeStart) asks for each action's previous
// firings from the run's start backwards, and is run once by the simulation and twice by
// the scenario's warnings; services often share their actions' schedules (the month's 30
// services have two crons between them). Each answer walks calendar days through luxon's
// zone offsets (about a third of a millisecond), the same answer for the same question.
//
// A question is the cron's text (its fields are parsed from it alone), the zone, and the
// latest and earliest instants searched; its answer depends on nothing else. The text is
// kept once, as a small number naming it in the keys: a cron list may be long (the schema
// sets no limit), and a key holding the text would keep it once an answer.

import type { CronSchedule } from './schedule.js';

/** Answers kept at most; past this the memo starts over (a long sweep of start times). */
const MAX_KEPT = 4096;

const kept = new Map<string, number | null>();
/** Each cron text asked about, and the number that names it in `kept`'s keys. */
const textIds = new Map<string, number>();

/** Forgets every answer (tests that store made-up answers call it after them). */
export function forgetPrevCronAnswers(): void {
  kept.clear();
  textIds.clear();
}

/** prevCronFire(c, last, floor, timezone), from the memo or from `solve` (then kept). */
export function prevCronFireKept(c: CronSchedule, last: number, floor: number, timezone: string, solve: () => number | null): number | null {
  let id = textIds.get(c.text);
  if (id === undefined) {
    // numbers are reused after this: the answers under them go too
    if (textIds.size >= MAX_KEPT) forgetPrevCronAnswers();
    id = textIds.size;
    textIds.set(c.text, id);
  }
  const key = `${id}\u0000${timezone}\u0000${last}\u0000${floor}`;
  const known = kept.get(key);
  if (known !== undefined) return known;
  const answer = solve();
  // the answers alone: the numbers naming the texts stay, `key` among them
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, answer);
  return answer;
}
