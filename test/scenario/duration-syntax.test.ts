// The duration syntax: a number is seconds; a string's units come once each, largest first
// ("1h1h" added up to 2 h and "30m1h" to 90 min, unsaid); a negative one is said to be negative.

import { describe, it, expect } from 'vitest';
import { parseDuration } from '../../src/scenario/index.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['3d10h', 3 * 86_400_000 + 10 * 3_600_000],
    ['1d2h3m4s5ms', 86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4_000 + 5],
    ['1h90m', 3_600_000 + 90 * 60_000],
    ['1m0.5s', 60_500],
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
    ['-60s', 'expected a duration >= 0, found "-60s" (negative)'],
    [-60, 'expected a duration >= 0, found number -60 (negative)'],
  ])('%j is refused', (text, message) => {
    expect(parseDuration(text)).toBe(message);
  });
});
