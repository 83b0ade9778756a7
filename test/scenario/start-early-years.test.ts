// A start in years 0000-0099 is a real date: Date.UTC reads a year 0 to 99 as 1900 to 1999,
// which made 0050-01-01 fail the day check ("expected an ISO-8601 time with its offset") and
// gave 1900's or 1950's February to the years 0000 and 0050.

import { describe, it, expect } from 'vitest';
import { impossibleDateTime } from '../../src/engine/date-time.js';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';
import { quickstart } from '../helpers.js';

function refusal(start: string): string {
  try {
    loadScenarioObject('s.yaml', { ...quickstart(), start }, { baseDir: '.' });
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('a start in years 0000 to 0099', () => {
  it('loads', () => {
    expect(refusal('0050-01-01T00:00:00Z')).toBe('no error');
    expect(refusal('0001-01-01T00:00:00Z')).toBe('no error');
    expect(refusal('0099-12-31T22:00:00Z')).toBe('no error');
  });

  it("takes the year's own leap days: 0000 and 0096 are leap years (as 1900 is not), 0050 is not (as 1950 is not)", () => {
    // proleptic Gregorian: divisible by 4 and not by 100, or by 400 (0 is)
    expect(refusal('0000-02-29T00:00:00Z')).toBe('no error');
    expect(refusal('0096-02-29T00:00:00Z')).toBe('no error');
    expect(refusal('0050-02-29T00:00:00Z')).toBe(
      's.yaml: start: expected a date and time that exist, found "0050-02-29T00:00:00Z": no such date: 0050-02-29 (February 0050 has 28 days)',
    );
    expect(refusal('0100-02-29T00:00:00Z')).toContain('no such date: 0100-02-29 (February 0100 has 28 days)');
  });

  it('the day check of a written date-time counts the year as written', () => {
    expect(impossibleDateTime('0000-02-29T00:00:00Z')).toBeUndefined();
    expect(impossibleDateTime('0000-02-30T00:00:00Z')).toBe('no such date: 0000-02-30 (February 0000 has 29 days)');
    expect(impossibleDateTime('0004-02-29')).toBeUndefined();
    expect(impossibleDateTime('0070-02-29')).toBe('no such date: 0070-02-29 (February 0070 has 28 days)');
  });
});
