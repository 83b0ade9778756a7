// The duration syntax: a number is seconds; a string's units come once each, largest first
// ("1h1h" added up to 2 h and "30m1h" to 90 min, unsaid), a fraction only in the last ("1.5h30m"
// was 2 h, unsaid); a negative one is said to be negative.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDuration } from '../../src/scenario/index.js';
import { loadProblems, tempDir } from '../helpers.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['3d10h', 3 * 86_400_000 + 10 * 3_600_000],
    ['1d2h3m4s5ms', 86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4_000 + 5],
    ['1h90m', 3_600_000 + 90 * 60_000],
    ['1m0.5s', 60_500],
    ['1.5h', 5_400_000],
    ['2h0.25m', 7_200_000 + 15_000],
    [90, 90_000],
  ])('%j is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['1h1h', 'expected each unit at most once in a duration (like "1h30m"), found "1h1h": h twice'],
    ['1h0.5h', 'expected each unit at most once in a duration (like "1h30m"), found "1h0.5h": h twice'],
    ['30m1h', 'expected a duration\'s units largest first (like "1h30m"), found "30m1h": h after m'],
    ['1h30m1h', 'expected a duration\'s units largest first (like "1h30m"), found "1h30m1h": h after m'],
    ['5ms1s', 'expected a duration\'s units largest first (like "1h30m"), found "5ms1s": s after ms'],
    ['1.5h30m', 'expected a fraction only in a duration\'s last unit (like "1.5h" or "1h30m"), found "1.5h30m": 1.5h before 30m'],
    ['1d0.5h30m', 'expected a fraction only in a duration\'s last unit (like "1.5h" or "1h30m"), found "1d0.5h30m": 0.5h before 30m'],
    ['1.0m5s', 'expected a fraction only in a duration\'s last unit (like "1.5h" or "1h30m"), found "1.0m5s": 1.0m before 5s'],
    ['-60s', 'expected a duration >= 0, found "-60s" (negative)'],
    [-60, 'expected a duration >= 0, found number -60 (negative)'],
    // above ten years, 3660 d = 316,224,000 s (1e308 s was Infinity ms, accepted)
    [1e308, "expected a duration of at most 3660d (ten years, ecsim's longest run), found 1e+308"],
    [316_224_000.001, "expected a duration of at most 3660d (ten years, ecsim's longest run), found 316224000.001"],
    ['3660d1ms', 'expected a duration of at most 3660d (ten years, ecsim\'s longest run), found "3660d1ms"'],
    ['3661d', 'expected a duration of at most 3660d (ten years, ecsim\'s longest run), found "3661d"'],
    [9_007_199_254_740_994, "expected a duration of at most 3660d (ten years, ecsim's longest run), found 9007199254740994"],
  ])('%j is refused', (text, message) => {
    expect(parseDuration(text)).toBe(message);
  });

  it('accepts 3660 d exactly, in any form; a bound of its own when given, Infinity leaving it to the caller', () => {
    for (const v of ['3660d', '3659d24h', 316_224_000, '316224000']) expect(parseDuration(v), String(v)).toBe(3660 * 86_400_000);
    expect(parseDuration('1h', 60_000)).toBe('expected a duration of at most 1m, found "1h"');
    expect(parseDuration('1m', 60_000)).toBe(60_000);
    expect(parseDuration('4000d', Infinity)).toBe(4000 * 86_400_000);
    expect(parseDuration(1e308, Infinity)).toBe(Infinity);
  });
});

describe('a fraction before another unit, in a scenario', () => {
  it('is said at its key', () => {
    const text = readFileSync('scenarios/quickstart.yaml', 'utf8').replace('duration: 1h\n', 'duration: 1.5h30m\n');
    expect(loadProblems(tempDir(), 'fraction-first', text)).toEqual(['duration: expected a fraction only in a duration\'s last unit (like "1.5h" or "1h30m"), found "1.5h30m": 1.5h before 30m']);
  });
});
