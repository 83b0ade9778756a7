// A run must end by 9999-12-31T23:59:59.999Z, the last millisecond of four-digit years: past
// it, timestamps would be written in JavaScript's six-digit form (+010000-01-01T00:29:00.000Z).
// The duration checked is the one that runs: the file's, a variant's own, or --duration's
// (a sweep refuses a swept duration); a swept start is checked too.

import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';

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
      's.yaml: start: expected a run that ends by 9999-12-31T23:59:59.999Z, found start 9999-12-31T23:30:00Z + 1h; start earlier, or run shorter',
    );
  });

  it('counts the offset: 22:30-01:00 is 23:30 UTC', () => {
    expect(refusal({ ...quickstart(), start: '9999-12-31T22:30:00-01:00' })).toContain('found start 9999-12-31T22:30:00-01:00 + 1h;');
  });

  it('loads a run ending at 9999-12-31T23:59:00Z (23:59 is a whole minute before the last second)', () => {
    expect(refusal({ ...quickstart(), start: '9999-12-31T22:59:00Z' })).toBe('no error');
  });

  it('loads a run ending at 9999-12-31T23:59:59Z, or .5 s or .999 s later; refuses one ending at 10000-01-01T00:00:00Z', () => {
    expect(refusal({ ...quickstart(), start: '9999-12-31T22:59:59Z' })).toBe('no error');
    expect(refusal({ ...quickstart(), start: '9999-12-31T22:59:59.5Z' })).toBe('no error');
    expect(refusal({ ...quickstart(), start: '9999-12-31T22:59:59.999Z' })).toBe('no error');
    expect(refusal({ ...quickstart(), start: '9999-12-31T23:00:00Z' })).toContain('found start 9999-12-31T23:00:00Z + 1h;');
  });

  it('a run ending at 9999-12-31T23:59:59.999Z writes no six-digit year', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const file = writeScenario(dir, 'last-ms', { ...quickstart(), start: '9999-12-31T22:59:59.999Z' });
    expect((await cli('run', file, '--out', out, '--quiet')).code).toBe(0);
    for (const name of readdirSync(out)) {
      expect(readFileSync(join(out, name), 'utf8'), name).not.toMatch(/[+-]0\d{5}-|10000-01-01/);
    }
  });

  it('checks --duration, said so', () => {
    const s = { ...quickstart(), start: '9999-12-31T20:00:00Z' };
    expect(refusal(s)).toBe('no error');
    expect(refusal(s, 4 * 3_600_000)).toBe(
      's.yaml: start: expected a run that ends by 9999-12-31T23:59:59.999Z, found start 9999-12-31T20:00:00Z + 4h (--duration); start earlier, or run shorter',
    );
  });
});

describe('a run past year 9999 in a variant or a sweep: validate names it', () => {
  const dir = tempDir();

  /** The problem lines of a validate that must fail with exit 2. */
  async function problems(file: string): Promise<string[]> {
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    return r.stderr.trimEnd().split('\n');
  }

  /** The quick start starting at `start`, with `extra` after it, and the line `mark` is on. */
  function file(name: string, start: string, extra: string, mark: string): { file: string; line: number } {
    const text = `${stringify({ ...quickstart(), start })}${extra}`;
    return { file: writeScenario(dir, name, text), line: text.split('\n').findIndex((l) => l.includes(mark)) + 1 };
  }

  it("a variant's own duration that runs past the end (the base's does not)", async () => {
    // 20:00 + 5h = 01:00 of year 10000; the base's 1h ends at 21:00
    const { file: f, line } = file('variant-long', '9999-12-31T20:00:00Z', 'variants:\n  long:\n    duration: 5h\n', 'duration: 5h');
    expect(await problems(f)).toEqual([
      `${f}:${line}: variant "long": start: expected a run that ends by 9999-12-31T23:59:59.999Z, found start 9999-12-31T20:00:00Z + 5h; start earlier, or run shorter`,
    ]);
  });

  it('a swept start that runs past the end (the base start does not)', async () => {
    const { file: f, line } = file('sweep-start', '2026-03-02T09:00:00Z', 'sweep:\n  start: [2026-03-02T09:00:00Z, 9999-12-31T23:30:00Z]\n', '9999-12-31T23:30:00Z');
    expect(await problems(f)).toEqual([
      `${f}:${line}: sweep value start=9999-12-31T23:30:00Z: start: expected a run that ends by 9999-12-31T23:59:59.999Z, found start 9999-12-31T23:30:00Z + 1h; start earlier, or run shorter`,
    ]);
  });
});

describe('a start before year 0000 (an offset east of UTC on 0000-01-01)', () => {
  it('is refused on start; 0000-01-01T00:00:00Z itself, and the same day with an offset west of it, load', () => {
    expect(refusal({ ...quickstart(), start: '0000-01-01T00:00:00+01:00' })).toBe(
      's.yaml: start: expected a start at or after 0000-01-01T00:00:00Z, found 0000-01-01T00:00:00+01:00; start later, or with a smaller offset',
    );
    expect(refusal({ ...quickstart(), start: '0000-01-01T00:00:00Z' })).toBe('no error');
    expect(refusal({ ...quickstart(), start: '0000-01-01T00:00:00-01:00' })).toBe('no error');
  });
});
