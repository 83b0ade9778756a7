// Schedules, time zones and times of day are checked with the other values: every wrong one
// in one run, each on its key and line, in the file's order. They were checked after every
// other check, each stopping at its first problem: business-hours.yaml with "Europe/Berln"
// four times and an hour 25 took three fix-and-rerun rounds; a bad peakAt hid a bad cron.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { cli, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';

const BUSINESS_HOURS = readFileSync('scenarios/business-hours.yaml', 'utf8');

/** business-hours.yaml with each [from, to] edit made to every occurrence of `from` (which must occur `count` times). */
function edited(...edits: [from: string, to: string, count: number][]): string {
  let text = BUSINESS_HOURS;
  for (const [from, to, count] of edits) {
    expect(text.split(from)).toHaveLength(count + 1);
    text = text.split(from).join(to);
  }
  return text;
}

/** The 1-based lines of `text` that contain `needle`. */
function linesOf(text: string, needle: string): number[] {
  return text.split('\n').flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
}

function problems(file: string): string[] {
  try {
    loadScenarioFile(file);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message.split('\n');
  }
  throw new Error(`${file} loaded`);
}

const TRACE = 'services.office.workload.requestRate';
const ACTIONS = 'services.office.autoScaling.scheduledActions';
const HOUR_25 = 'hours (field 2) at character 8: expected an hour 0-23, found "25" (in "cron(0 25 ? * MON-FRI *)")';

describe('schedule, time zone and time-of-day problems: all in one run', () => {
  const dir = tempDir();

  it('four misspelt time zones and an hour 25: five lines, in line order, exit 2 (three rounds before)', async () => {
    const text = edited(['timezone: Europe/Berlin', 'timezone: Europe/Berln', 4], ['cron(0 18 ?', 'cron(0 25 ?', 1]);
    const file = writeScenario(dir, 'bh1', text);
    const zones = linesOf(text, 'Europe/Berln');
    const [cron] = linesOf(text, 'cron(0 25');
    expect(zones).toHaveLength(4);
    const hint = '(did you mean "Europe/Berlin"?)';
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:${zones[0]}: ${TRACE}.diurnal.timezone: expected an IANA time zone such as "Europe/Berlin", found "Europe/Berln" ${hint}`,
      `${file}:${zones[1]}: ${TRACE}.weekly.timezone: expected an IANA time zone such as "Europe/Berlin", found "Europe/Berln" ${hint}`,
      `${file}:${zones[2]}: ${ACTIONS}.office-opens.timezone: expected an IANA time zone name such as Europe/Berlin or UTC, found "Europe/Berln" ${hint}`,
      `${file}:${cron}: ${ACTIONS}.office-closes.schedule: ${HOUR_25}`,
      `${file}:${zones[3]}: ${ACTIONS}.office-closes.timezone: expected an IANA time zone name such as Europe/Berlin or UTC, found "Europe/Berln" ${hint}`,
    ]);
    expect(r.stdout).toBe('');
  });

  it('two bad crons: both (only office-closes, the first by name, was said)', () => {
    const text = edited(['"cron(0 8 ?', '"cron(0 24 ?', 1], ['cron(0 18 ?', 'cron(0 25 ?', 1]);
    const file = writeScenario(dir, 'bh6', text);
    expect(problems(file)).toEqual([
      `${file}:${linesOf(text, 'cron(0 24')[0]}: ${ACTIONS}.office-opens.schedule: hours (field 2) at character 8: expected an hour 0-23, found "24" (in "cron(0 24 ? * MON-FRI *)")`,
      `${file}:${linesOf(text, 'cron(0 25')[0]}: ${ACTIONS}.office-closes.schedule: ${HOUR_25}`,
    ]);
  });

  it('a bad peakAt and a bad cron: both (the cron went unsaid until peakAt was fixed)', () => {
    const text = edited(['peakAt: "13:00"', 'peakAt: "25:00"', 1], ['cron(0 18 ?', 'cron(0 25 ?', 1]);
    const file = writeScenario(dir, 'bh7', text);
    expect(problems(file)).toEqual([
      `${file}:${linesOf(text, '25:00')[0]}: ${TRACE}.diurnal.peakAt: expected a time of day "H:MM" or "HH:MM", optionally with ":SS", hours 0-23 (e.g. "9:00", "14:30"), found "25:00"`,
      `${file}:${linesOf(text, 'cron(0 25')[0]}: ${ACTIONS}.office-closes.schedule: ${HOUR_25}`,
    ]);
  });

  it('a bad time zone beside an unknown key elsewhere: both (zones were checked only once the rest was right)', () => {
    const text = edited(['Europe/Berlin }', 'Europe/Berln }', 2], ['capacityRps: 100', 'capacityRsp: 100', 1]);
    const file = writeScenario(dir, 'zone-and-key', text);
    const lines = problems(file);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`${TRACE}.diurnal.timezone: expected an IANA time zone such as "Europe/Berlin", found "Europe/Berln"`);
    expect(lines[1]).toContain(`${TRACE}.weekly.timezone:`);
    expect(lines[2]).toContain('services.office.workload.perTask.capacityRsp: unknown key "capacityRsp" (did you mean "capacityRps"?)');
  });

  it('one action with a bad schedule, timezone, startTime and endTime: each on its key', () => {
    const text = edited(
      ['cron(0 18 ? * MON-FRI *)"\n          timezone: Europe/Berlin', 'rate(5 minute)"\n          timezone: Mars/Olympus\n          startTime: "tomorrow"\n          endTime: "2026-13-01T00:00:00Z"', 1],
    );
    const file = writeScenario(dir, 'one-action', text);
    const at = (needle: string) => linesOf(text, needle)[0];
    expect(problems(file)).toEqual([
      `${file}:${at('rate(5 minute)')}: ${ACTIONS}.office-closes.schedule: rate unit at character 8: expected "minutes" for the value 5, found "minute" (in "rate(5 minute)")`,
      `${file}:${at('Mars/Olympus')}: ${ACTIONS}.office-closes.timezone: expected an IANA time zone name such as Europe/Berlin or UTC, found "Mars/Olympus"`,
      `${file}:${at('tomorrow')}: ${ACTIONS}.office-closes.startTime: expected an ISO 8601 date-time such as 2026-03-02T08:00:00Z (UTC when it gives no offset), found "tomorrow"`,
      `${file}:${at('2026-13-01')}: ${ACTIONS}.office-closes.endTime: expected a date and time that exist, found "2026-13-01T00:00:00Z": no such month: 13 (months run 01 to 12)`,
    ]);
  });

  it('a zone in the wrong case keeps its exact-case hint (no second hint); a zone far from any gets none', () => {
    const text = edited(['timezone: Europe/Berlin }\n        weekly', 'timezone: europe/berlin }\n        weekly', 1], ['weekendFactor: 0.2, timezone: Europe/Berlin', 'weekendFactor: 0.2, timezone: Nowhere/Atall', 1]);
    const file = writeScenario(dir, 'case', text);
    expect(problems(file)).toEqual([
      `${file}:${linesOf(text, 'europe/berlin')[0]}: ${TRACE}.diurnal.timezone: expected an IANA time zone name in its exact case, found "europe/berlin" (did you mean "Europe/Berlin"?)`,
      `${file}:${linesOf(text, 'Nowhere/Atall')[0]}: ${TRACE}.weekly.timezone: expected an IANA time zone such as "Europe/Berlin", found "Nowhere/Atall"`,
    ]);
  });

  it('a misspelt fixed-offset zone is matched against the Etc zones ICU does not list', () => {
    const text = edited(['timezone: Europe/Berlin\n          scalableTargetAction: { minCapacity: 8 }', 'timezone: Etc/GMT+O5\n          scalableTargetAction: { minCapacity: 8 }', 1]);
    const file = writeScenario(dir, 'etc', text);
    expect(problems(file)).toEqual([
      `${file}:${linesOf(text, 'Etc/GMT+O5')[0]}: ${ACTIONS}.office-opens.timezone: expected an IANA time zone name such as Europe/Berlin or UTC, found "Etc/GMT+O5" (did you mean "Etc/GMT+5"?)`,
    ]);
  });

  // the tz database's Etc zones: Etc/GMT+1 to +12 and Etc/GMT-1 to -14, signed as POSIX does
  // (Etc/GMT-14 is UTC+14), so an Etc/GMT+N past 12 is likely UTC+N written in ISO's sign
  const posix = "the sign is POSIX's, the inverse of ISO 8601's: Etc/GMT-14 is UTC+14, Etc/GMT+12 is UTC-12";
  it.each([
    ['Etc/GMT+14', ` (Etc/GMT+ stops at 12 and Etc/GMT- at 14, and ${posix}; did you mean "Etc/GMT-14", UTC+14?)`],
    ['Etc/GMT+13', ` (Etc/GMT+ stops at 12 and Etc/GMT- at 14, and ${posix}; did you mean "Etc/GMT-13", UTC+13?)`],
    ['Etc/GMT+15', ` (the Etc/GMT zones run from Etc/GMT-14 to Etc/GMT+12, and ${posix})`],
    ['Etc/GMT-15', ` (the Etc/GMT zones run from Etc/GMT-14 to Etc/GMT+12, and ${posix})`],
  ])('an Etc zone past its range, %s, says the range and the sign', (zone, hint) => {
    const text = edited(['timezone: Europe/Berlin\n          scalableTargetAction: { minCapacity: 8 }', `timezone: ${zone}\n          scalableTargetAction: { minCapacity: 8 }`, 1]);
    const file = writeScenario(dir, 'etc-range', text);
    expect(problems(file)).toEqual([
      `${file}:${linesOf(text, zone)[0]}: ${ACTIONS}.office-opens.timezone: expected an IANA time zone name such as Europe/Berlin or UTC, found "${zone}"${hint}`,
    ]);
  });

  it('a timezone on a rate() and an at() in the spring gap are still refused, with the rest of the file', () => {
    const text = edited(
      ['"cron(0 8 ? * MON-FRI *)"', '"rate(1 hour)"', 1],
      ['cron(0 18 ? * MON-FRI *)', 'at(2026-03-29T02:30:00)', 1],
      ['capacityRps: 100', 'capacityRsp: 100', 1],
    );
    const file = writeScenario(dir, 'rate-and-gap', text);
    const lines = problems(file);
    expect(lines).toEqual([
      `${file}:${linesOf(text, 'capacityRsp')[0]}: services.office.workload.perTask.capacityRsp: unknown key "capacityRsp" (did you mean "capacityRps"?); expected one of: capacityRps, cpuBaseline, memoryMiB, concurrency, serviceTime, cpuPerBusySlot`,
      `${file}:${linesOf(text, 'rate(1 hour)')[0] + 1}: ${ACTIONS}.office-opens.timezone: expected no timezone on a rate() schedule (timezone applies to at() and cron() only), found "Europe/Berlin"; remove it`,
      `${file}:${linesOf(text, 'at(2026-03-29')[0]}: ${ACTIONS}.office-closes.schedule: expected a local time that exists in Europe/Berlin, found "at(2026-03-29T02:30:00)", which the clocks jump over there (as when daylight saving time starts), so it would never fire; pick a time outside the jump`,
    ]);
  });
});
