// A run must end by 9999-12-31T23:59:59Z: past it, timestamps would be written in JavaScript's
// six-digit form (+010000-01-01T00:29:00.000Z). The duration checked is the one that runs:
// the file's, a variant's own, or --duration's.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';
import { quickstart } from '../helpers.js';

function refusal(s: Record<string, unknown>, durationMs?: number): string {
  try {
    loadScenarioObject('s.yaml', s, { baseDir: '.', durationMs });
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('a run past year 9999', () => {
  it('is refused at start, with the start and the duration', () => {
    // 23:30 + 1h = 00:30 of year 10000
    expect(refusal({ ...quickstart(), start: '9999-12-31T23:30:00Z' })).toBe(
      's.yaml: start: expected a run that ends by 9999-12-31T23:59:59Z, found start 9999-12-31T23:30:00Z + 1h; start earlier, or run shorter',
    );
  });

  it('counts the offset: 22:30-01:00 is 23:30 UTC', () => {
    expect(refusal({ ...quickstart(), start: '9999-12-31T22:30:00-01:00' })).toContain('found start 9999-12-31T22:30:00-01:00 + 1h;');
  });

  it('loads a run ending at 9999-12-31T23:59:00Z (23:59 is a whole minute before the last second)', () => {
    expect(refusal({ ...quickstart(), start: '9999-12-31T22:59:00Z' })).toBe('no error');
  });

  it('loads a run ending at 9999-12-31T23:59:59Z, refuses one a second later', () => {
    expect(refusal({ ...quickstart(), start: '9999-12-31T22:59:59Z' })).toBe('no error');
    expect(refusal({ ...quickstart(), start: '9999-12-31T23:00:00Z' })).toContain('found start 9999-12-31T23:00:00Z + 1h;');
  });

  it('checks --duration, said so', () => {
    const s = { ...quickstart(), start: '9999-12-31T20:00:00Z' };
    expect(refusal(s)).toBe('no error');
    expect(refusal(s, 4 * 3_600_000)).toBe(
      's.yaml: start: expected a run that ends by 9999-12-31T23:59:59Z, found start 9999-12-31T20:00:00Z + 4h (--duration); start earlier, or run shorter',
    );
  });
});
