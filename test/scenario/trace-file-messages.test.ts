// A CSV request trace that cannot be read, or whose header, rows or numbers are wrong, is one
// line on the key that names the file (services.NAME.workload.requestRate.csv.file): what was
// expected, what was found and where in the file, and a hint.

import { describe, it, expect } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';
import { traceReadMessage } from '../../src/scenario/resolve.js';
import { quickstart, tempDir, writeScenario } from '../helpers.js';

const dir = tempDir();
let n = 0;
const KEY = 'services.web.workload.requestRate.csv.file: ';

/** The lines said for a scenario whose trace is `file` (written first with `csv` when given), without the scenario's file:line. */
function problems(file: string, csv?: string): string[] {
  const s = quickstart();
  s.services.web.workload.requestRate = { csv: { file } };
  if (csv !== undefined) writeFileSync(join(dir, file), csv);
  try {
    loadScenarioFile(writeScenario(dir, `t${n++}`, s));
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n').map((l) => l.replace(/^[^:]*:\d+: /, ''));
    throw e;
  }
  return [];
}

describe('a trace file that cannot be read', () => {
  it('missing: the path read, a did-you-mean from the files beside it, and where relative paths are read from', () => {
    writeFileSync(join(dir, 'rate.csv'), 'time_s,rps\n0,100\n');
    expect(problems('rat.csv')).toEqual([`${KEY}expected a CSV trace file, found no file at ${join(dir, 'rat.csv')} (did you mean "rate.csv"?); a relative path is read from the scenario file's folder`]);
    // an unrelated name: no hint
    expect(problems('nothing-like-it.csv')).toEqual([`${KEY}expected a CSV trace file, found no file at ${join(dir, 'nothing-like-it.csv')}; a relative path is read from the scenario file's folder`]);
  });

  it('a file on the way, a link loop, a dangling link; a link to a trace is suggested', () => {
    writeFileSync(join(dir, 'plain.csv'), 'time_s,rps\n0,100\n');
    expect(problems('plain.csv/x.csv')).toEqual([`${KEY}expected a CSV trace file, found no file at ${join(dir, 'plain.csv/x.csv')} (${join(dir, 'plain.csv')} is a file, not a folder)`]);
    symlinkSync('tloop.csv', join(dir, 'tloop.csv'));
    expect(problems('tloop.csv')).toEqual([`${KEY}expected a CSV trace file, found a link loop at ${join(dir, 'tloop.csv')}`]);
    symlinkSync('gone.csv', join(dir, 'tdangling.csv'));
    expect(problems('tdangling.csv')).toEqual([`${KEY}expected a CSV trace file, found a link to a missing file at ${join(dir, 'tdangling.csv')} (it points to gone.csv)`]);
    symlinkSync('plain.csv', join(dir, 'linked-trace.csv'));
    expect(problems('linked-trac.csv')).toEqual([`${KEY}expected a CSV trace file, found no file at ${join(dir, 'linked-trac.csv')} (did you mean "linked-trace.csv"?); a relative path is read from the scenario file's folder`]);
  });

  it('a folder', () => {
    mkdirSync(join(dir, 'folder.csv'), { recursive: true });
    expect(problems('folder.csv')).toEqual([`${KEY}expected a CSV trace file, found a folder at ${join(dir, 'folder.csv')}; name the CSV file in it`]);
  });

  it('unreadable (permission denied; tests run as root can read any file, so the message is checked alone)', () => {
    expect(traceReadMessage('/srv/rate.csv', '/srv/rate.csv', 'EACCES')).toBe('expected a CSV trace file, found a file ecsim may not read at /srv/rate.csv (permission denied); give the user running ecsim read permission on it');
    expect(traceReadMessage('/srv/rate.csv', '/srv/rate.csv', 'EIO')).toBe('expected a CSV trace file, found a file that cannot be read at /srv/rate.csv (EIO)');
  });
});

describe("a trace file's header, rows and numbers", () => {
  it('a header without the time column: the columns found, the did-you-mean, and the key that names the column', () => {
    expect(problems('hdr.csv', 'time,rps\n0,100\n')).toEqual([
      `${KEY}expected a time column "time_s", found columns "time", "rps" at hdr.csv, line 1 (did you mean "time"?); csv.timeColumn names the file's time column (default "time_s")`,
    ]);
    expect(problems('hdr2.csv', 'time_s,requests\n0,100\n')).toEqual([
      `${KEY}expected a value column "rps", found columns "time_s", "requests" at hdr2.csv, line 1; csv.valueColumn names the file's value column (default "rps")`,
    ]);
  });

  it('a stray quote: the cell as written, JSON-quoted, so its quote does not seem to open the place after it', () => {
    expect(problems('quote.csv', 'time_s,rps\n0,"1\n')).toEqual([`${KEY}expected a closing quote by the end of the line, found "\\"1" at quote.csv, line 2, column 2 ("rps"); a quoted cell may not span lines`]);
    expect(problems('quote2.csv', 'time_s,rps\n0,2"00\n')).toEqual([`${KEY}expected a quote only around a whole cell ("1,5"; "" for a quote inside one), found "2\\"00" at quote2.csv, line 2, column 2 ("rps")`]);
  });

  it('a row too short, a cell that is no number, a rate below 0', () => {
    expect(problems('short.csv', 'time_s,rps\n0,100\n60\n')).toEqual([`${KEY}expected a rate per second, found a row of only 1 field(s) at short.csv, line 3, column 2 ("rps")`]);
    expect(problems('nan.csv', 'time_s,rps\n0,100\n60,abc\n')).toEqual([`${KEY}expected a rate per second, found "abc" at nan.csv, line 3, column 2 ("rps")`]);
    expect(problems('neg.csv', 'time_s,rps\n0,-5\n')).toEqual([`${KEY}expected a rate >= 0, found -5 at neg.csv, line 2, column 2 ("rps")`]);
  });

  it('a row with more fields than the header keeps its hint after the place', () => {
    expect(problems('wide.csv', 'time_s,rps\n0,100,5\n')).toEqual([`${KEY}expected at most 2 fields (the header's columns), found 3 at wide.csv, line 2; a decimal comma, or a separator inside an unquoted cell?`]);
  });
});
