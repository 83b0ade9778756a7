// prevCronFire's memo (src/scaling/schedule/prev-cron-memo.ts): the same question is solved
// once, and a question differing in any part (the cron's text, the zone, the latest or the
// earliest instant) is solved on its own. Instants worked out from the calendar: 2026-03-02
// is a Monday; Europe/Berlin is UTC+1 then.
import { describe, it, expect, afterEach } from 'vitest';
import { prevFire, parseSchedule } from '../../src/scaling/index.js';
import { forgetPrevCronAnswers, prevCronFireKept } from '../../src/scaling/schedule/prev-cron-memo.js';
import type { CronSchedule } from '../../src/scaling/schedule/schedule.js';

const utc = (s: string) => Date.parse(s);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z'));

// the made-up answers below must not reach another test file run in this process
afterEach(() => forgetPrevCronAnswers());

describe('prevCronFireKept', () => {
  it('solves a question once; each part of the question makes another one', () => {
    // a text no other test uses, so the memo holds none of these questions yet
    const c = parseSchedule('cron(7 13 ? * TUE 2031)') as CronSchedule;
    const other = parseSchedule('cron(8 13 ? * TUE 2031)') as CronSchedule;
    let solved = 0;
    const ask = (s: CronSchedule, last: number, floor: number, tz: string) =>
      prevCronFireKept(s, last, floor, tz, () => {
        solved++;
        return last - 1 - solved; // a different answer at each solve: a remembered one shows
      });
    const first = ask(c, 1000, 0, 'UTC');
    expect(solved).toBe(1);
    expect(ask(c, 1000, 0, 'UTC')).toBe(first);
    expect(solved).toBe(1);
    ask(c, 1001, 0, 'UTC');
    expect(solved).toBe(2);
    ask(c, 1000, 1, 'UTC');
    expect(solved).toBe(3);
    ask(c, 1000, 0, 'Europe/Berlin');
    expect(solved).toBe(4);
    ask(other, 1000, 0, 'UTC');
    expect(solved).toBe(5);
  });

  it('a null answer (no firing in the range) is remembered too', () => {
    const c = parseSchedule('cron(9 13 ? * TUE 2031)') as CronSchedule;
    let solved = 0;
    const ask = () =>
      prevCronFireKept(c, 5, 0, 'UTC', () => {
        solved++;
        return null;
      });
    expect(ask()).toBeNull();
    expect(ask()).toBeNull();
    expect(solved).toBe(1);
  });

  it('prevFire asked again in another zone or with a later earliest instant gets its own answer', () => {
    const before = utc('2026-03-02T12:00:00Z');
    // Monday 08:00 UTC, then 08:00 CET = 07:00Z
    expect(iso(prevFire(parseSchedule('cron(0 8 ? * MON-FRI *)'), before, 'UTC'))).toBe('2026-03-02T08:00:00Z');
    expect(iso(prevFire(parseSchedule('cron(0 8 ? * MON-FRI *)'), before, 'Europe/Berlin'))).toBe('2026-03-02T07:00:00Z');
    // from a schedule parsed apart, with the same text: the same answer
    expect(iso(prevFire(parseSchedule('cron(0 8 ? * MON-FRI *)'), before, 'UTC'))).toBe('2026-03-02T08:00:00Z');
    // no firing from 09:00Z on: none
    expect(prevFire(parseSchedule('cron(0 8 ? * MON-FRI *)'), before, 'UTC', {}, utc('2026-03-02T09:00:00Z'))).toBeNull();
    // and Friday's 08:00Z before Monday 08:00Z, the earliest one day back: none; three days back: Friday
    expect(prevFire(parseSchedule('cron(0 8 ? * MON-FRI *)'), utc('2026-03-02T08:00:00Z'), 'UTC', {}, utc('2026-03-01T08:00:00Z'))).toBeNull();
    expect(iso(prevFire(parseSchedule('cron(0 8 ? * MON-FRI *)'), utc('2026-03-02T08:00:00Z'), 'UTC', {}, utc('2026-02-27T08:00:00Z')))).toBe('2026-02-27T08:00:00Z');
  });

  it('a long cron text (the schema sets no limit) named by a number: more answers than are kept, each right', () => {
    const minutes = Array.from({ length: 2000 }, (_, i) => i % 60).join(',');
    const c = parseSchedule(`cron(${minutes} 13 ? * TUE 2031)`) as CronSchedule;
    expect(c.text.length).toBeGreaterThan(5000);
    // more answers than the memo keeps: it starts over, and still answers each question right
    for (let last = 0; last < 5000; last++) expect(prevCronFireKept(c, last, 0, 'UTC', () => last - 1)).toBe(last - 1);
    for (let last = 4990; last < 5000; last++) expect(prevCronFireKept(c, last, 0, 'UTC', () => -7)).toBe(last - 1);
  });

  it("a text's number is not given to another text while answers under it are kept", () => {
    const texts = Array.from({ length: 4100 }, (_, i) => parseSchedule(`cron(${i % 60} ${Math.floor(i / 60) % 24} ? * TUE ${2030 + Math.floor(i / 1440)})`) as CronSchedule);
    // each text's answer is its index: an answer found under another text's number shows
    texts.forEach((c, i) => expect(prevCronFireKept(c, 1, 0, 'UTC', () => i)).toBe(i));
    texts.forEach((c, i) => expect(prevCronFireKept(c, 1, 0, 'UTC', () => i)).toBe(i));
  });
});

describe('prevCronFireKept starting over', () => {
  afterEach(() => forgetPrevCronAnswers());
  it('after the answers start over, a text asked anew never reads an answer kept under another text', () => {
    const a = parseSchedule('cron(1 2 ? * WED 2032)') as CronSchedule;
    const b = parseSchedule('cron(2 2 ? * WED 2032)') as CronSchedule;
    const c = parseSchedule('cron(3 2 ? * WED 2032)') as CronSchedule;
    prevCronFireKept(a, 0, 0, 'UTC', () => 0);
    // b's answers fill the memo, and one more makes it start over, keeping b's last
    for (let last = 1; last <= 4096; last++) prevCronFireKept(b, last, 0, 'UTC', () => -1);
    // c, then a, asked: a's answer at last 4096 is its own, not b's -1
    prevCronFireKept(c, 0, 0, 'UTC', () => 3);
    expect(prevCronFireKept(a, 4096, 0, 'UTC', () => 42)).toBe(42);
  });
});
