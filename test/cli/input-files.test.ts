// Input files the CLI must not read or replace blindly (found by a CLI fuzz tester): a
// character device read for ever, an alias bomb, and --out naming one of the inputs.

import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { QUICKSTART, cli, oneLine, quickRun, quickstart, tempDir, twoShards, writeScenario } from '../helpers.js';

const BIN = resolve('dist/ecsim/bin.js');

describe('files that are not regular files', () => {
  // run as a child with a time limit: before the fix each of these read for ever
  const ecsim = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 15_000 });

  it.skipIf(!existsSync('/dev/full'))('validate, run, trace, sweep of /dev/full: exit 2 at once, one line', () => {
    for (const command of ['validate', 'run', 'trace', 'sweep']) {
      const r = ecsim(command, '/dev/full');
      expect(r.signal, command).toBeNull();
      expect(r.status, command).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual(['/dev/full: expected a regular file, found a character device']);
    }
  }, 60_000);

  it.skipIf(!existsSync('/dev/zero'))('merge of /dev/zero: exit 2, one line naming it', () => {
    const r = ecsim('merge', '/dev/zero', '--out', join(tempDir(), 'x.csv'));
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['ecsim: merge: /dev/zero: expected a regular file, found a character device (a sweep shard file)']);
  }, 30_000);

  it.skipIf(!existsSync('/dev/zero'))('a request trace that is a device: the key path and the reason', () => {
    const s = quickstart();
    s.services.web.workload.requestRate = { csv: { file: '/dev/zero' } };
    const r = ecsim('validate', writeScenario(tempDir(), 'trace-device', s));
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/: services\.web\.workload\.requestRate\.csv\.file: expected a regular file, found a character device at \/dev\/zero$/);
  }, 30_000);

  it('a scenario through a pipe (/dev/stdin from a pipe) is still read', () => {
    // through a shell pipe: Node's own stdin for a child is a socket pair, which /dev/stdin cannot open (ENXIO)
    const r = spawnSync('sh', ['-c', 'cat scenarios/quickstart.yaml | "$0" "$1" trace /dev/stdin --to 2m', process.execPath, BIN], { encoding: 'utf8', timeout: 15_000 });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('time_s,timestamp,service,rps');
  }, 30_000);
});

describe('a piped scenario\'s relative paths', () => {
  it('cat s.yaml | ecsim trace|validate /dev/stdin reads csv: {file: x.csv} from the working directory, not /dev', () => {
    const dir = tempDir();
    const scenarioDir = join(dir, 'elsewhere');
    mkdirSync(scenarioDir);
    // 7 rps at 0 s, 17 rps at 120 s, linear: 12 rps at 60 s, the middle (and 17 to the end of the hour)
    writeFileSync(join(dir, 'rate.csv'), 'time_s,rps\n0,7\n120,17\n3600,17\n');
    const s = quickstart();
    s.services.web.workload.requestRate = { csv: { file: 'rate.csv' } };
    const file = writeScenario(scenarioDir, 's', s); // its folder has no rate.csv: only the working directory does
    const piped = (...args: string[]) => spawnSync('sh', ['-c', 'f=$1; shift; cat "$f" | "$@"', 'sh', file, process.execPath, BIN, ...args], { encoding: 'utf8', cwd: dir, timeout: 15_000 });
    const t = piped('trace', '/dev/stdin', '--to', '2m');
    expect(t.stderr).toBe('');
    expect(t.stdout.split('\n').slice(1, 4).map((l) => l.split(',').at(-1))).toEqual(['7', '12', '17']);
    const v = piped('validate', '/dev/stdin');
    expect([v.stderr, v.status]).toEqual(['', 0]);
    // named as a file, the scenario's own folder is still the base: no rate.csv there
    const named = spawnSync(process.execPath, [BIN, 'validate', file], { encoding: 'utf8', cwd: dir });
    expect(named.status).toBe(2);
    expect(named.stderr).toMatch(/csv\.file: expected a CSV trace file, found no file at .*elsewhere\/rate\.csv/);
  }, 30_000);
});

describe('a CSV trace with a quote that never closes', () => {
  it('validate and run: exit 2, one line naming the file, line, column and cell, no results folder', () => {
    const dir = tempDir();
    // was replayed as 100 then 200 (the quote dropped, the unclosed cell read as 100)
    writeFileSync(join(dir, 'rate.csv'), 'time_s,rps\n0,"100\n1800,200\n');
    const s = quickstart();
    s.services.web.workload.requestRate = { csv: { file: 'rate.csv' } };
    const file = writeScenario(dir, 's', s);
    for (const args of [['validate', file], ['run', file, '--out', join(dir, 'out')]]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 15_000 });
      expect(r.status, args[0]).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/: services\.web\.workload\.requestRate\.csv\.file: expected a closing quote by the end of the line, found "\\"100" at rate\.csv, line 2, column 2 \("rps"\); a quoted cell may not span lines$/);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 30_000);
});

describe('an alias bomb', () => {
  it('seven nested lines of &x [*y, ...] (9^7 values): exit 2, not valid YAML/JSON, with the line of the first alias', async () => {
    const file = join(tempDir(), 'bomb.yaml');
    const lines = ['a: &a [1,1,1,1,1,1,1,1,1]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    writeFileSync(file, lines.join('\n') + '\n');
    expect(await oneLine('validate', file)).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: expected aliases \\(\\*name\\) that expand to a modest number of values, found ones that expand to too many`));
  });

  it('a few aliases still load', async () => {
    const file = join(tempDir(), 'aliases.yaml');
    const text = readFileSync('scenarios/quickstart.yaml', 'utf8');
    writeFileSync(file, text + '\nx-note: &n [1, 2]\nx-again: [*n, *n]\n');
    const r = await cli('validate', file);
    expect(r.stderr).not.toMatch(/YAML/);
  });
});

describe('--out naming an input', () => {
  it('merge --out one of the shard files (or a link to it): exit 2, the shard untouched', async () => {
    const dir = tempDir();
    const shards = await twoShards(join(dir, 'shards'));
    const first = join(shards, 'sweep.shard-1-of-2.csv');
    const before = readFileSync(first, 'utf8');
    expect(await oneLine('merge', shards, '--out', first)).toBe(`ecsim: --out: expected a file that is not one of the shard files being merged, found ${first}; give another name (e.g. sweep.csv)`);
    const link = join(dir, 'link.csv');
    symlinkSync(first, link);
    expect(await oneLine('merge', shards, '--out', link)).toBe(`ecsim: --out: expected a file that is not one of the shard files being merged, found ${link} (which is ${first}); give another name (e.g. sweep.csv)`);
    expect(readFileSync(first, 'utf8')).toBe(before);
    expect((await cli('merge', shards, '--quiet', '--out', join(dir, 'sweep.csv'))).code).toBe(0);
  }, 60_000);

  it('report --out an existing file ecsim did not write (summary.json, notes, a page of the user\'s own): exit 2, untouched; an earlier report is replaced', async () => {
    const dir = tempDir();
    const res = await quickRun(join(dir, 'res'));
    const summary = join(res, 'summary.json');
    const before = readFileSync(summary, 'utf8');
    const expected = 'expected a new file or an earlier report ecsim wrote (an HTML page whose <title> ends "— ecsim report") to replace';
    expect(await oneLine('report', res, '--out', summary)).toBe(`ecsim: --out: ${expected}, found the existing file ${summary}; give another name (e.g. report.html)`);
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'mine');
    expect(await oneLine('report', res, '--out', notes)).toMatch(/found the existing file .*notes\.txt;/);
    const link = join(dir, 'r.html');
    symlinkSync(summary, link);
    expect(await oneLine('report', res, '--out', link)).toBe(`ecsim: --out: ${expected}, found the existing file ${link} (a link to ${summary}); give another name (e.g. report.html)`);
    // a page of the user's own, named .html (and one that copies ecsim's head but not its title)
    const mine = join(dir, 'mine.html');
    const page = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>my notes</title>\n</head><body>mine</body></html>\n';
    writeFileSync(mine, page);
    expect(await oneLine('report', res, '--out', mine)).toBe(`ecsim: --out: ${expected}, found the existing file ${mine}; give another name (e.g. report.html)`);
    expect(existsSync(join(dir, 'mine.md'))).toBe(false);
    expect(readFileSync(summary, 'utf8')).toBe(before);
    expect(readFileSync(notes, 'utf8')).toBe('mine');
    expect(readFileSync(mine, 'utf8')).toBe(page);
    // ecsim's own earlier page is replaced, under any name
    const html = join(dir, 'earlier.html');
    expect((await cli('report', res, '--quiet', '--out', html)).code).toBe(0);
    const first = readFileSync(html, 'utf8');
    expect(first).toMatch(/^<!DOCTYPE html>[^]*<title>quickstart — ecsim report<\/title>/);
    writeFileSync(html, first.replace('<h1>', '<h1>EARLIER '));
    expect((await cli('report', res, '--quiet', '--out', html)).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toBe(first);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  }, 60_000);
});

describe('explain on a corrupt results folder', () => {
  it('events.csv with other columns, a malformed tasks.csv: exit 2 naming the file and what was expected', async () => {
    const res = await quickRun(join(tempDir(), 'res'));
    const events = join(res, 'events.csv');
    const good = readFileSync(events, 'utf8');
    writeFileSync(events, 'a,b\n1,2\n');
    expect(await oneLine('explain', res)).toBe(`ecsim: ${events}: expected the columns time_s, type, subject, message (written by ecsim run), found a,b`);
    writeFileSync(events, good);
    writeFileSync(join(res, 'tasks.csv'), 'task_id,service\n"t1,web\n');
    expect(await oneLine('explain', res)).toMatch(new RegExp(`^ecsim: ${join(res, 'tasks.csv').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: expected a CSV file written by ecsim run, found a malformed one: `));
  }, 60_000);
});

describe('explain on a compare or sweep folder', () => {
  it('says which runs to explain instead (runs/<name>)', async () => {
    for (const [file, kind] of [['comparison.csv', 'compare'], ['sweep.csv', 'sweep']]) {
      const dir = tempDir();
      writeFileSync(join(dir, file), 'x\n');
      mkdirSync(join(dir, 'runs'));
      expect(await oneLine('explain', dir)).toBe(
        `ecsim: ${dir}: expected a results folder (summary.json, timeseries.csv, capacity.csv, events.csv, tasks.csv, as written by ecsim run), found none of them: it is a ${kind} folder; explain one of its runs (${join(dir, 'runs', '<name>')})`,
      );
    }
  });
});

describe('explain on a results folder with a cell that is no number', () => {
  it('timeseries.csv, events.csv or tasks.csv: exit 2 naming the file, row and column, the same line as report', async () => {
    const res = await quickRun(join(tempDir(), 'res'));
    /** Sets the cell of `column` in data row `row` (1 = the first after the header) to `cell`; returns the line explain prints and the good text. */
    const broken = async (name: string, row: number, column: string, cell: string) => {
      const path = join(res, name);
      const good = readFileSync(path, 'utf8');
      const lines = good.split('\n');
      const fields = lines[row].split(',');
      fields[lines[0].split(',').indexOf(column)] = cell;
      lines[row] = fields.join(',');
      writeFileSync(path, lines.join('\n'));
      const explained = await oneLine('explain', res);
      const reported = await oneLine('report', res, '--quiet', '--out', join(tempDir(), 'r.html'));
      writeFileSync(path, good);
      return [explained, reported];
    };
    const line = (name: string, row: number, column: string, cell: string) => `ecsim: ${join(res, name)}: row ${row}, column ${column}: expected a number, found "${cell}"`;
    expect(await broken('timeseries.csv', 2, 'desired_count', 'two')).toEqual([line('timeseries.csv', 2, 'desired_count', 'two'), line('timeseries.csv', 2, 'desired_count', 'two')]);
    expect(await broken('events.csv', 1, 'time_s', 'soon')).toEqual([line('events.csv', 1, 'time_s', 'soon'), line('events.csv', 1, 'time_s', 'soon')]);
    expect((await broken('tasks.csv', 1, 'created_s', 'x'))[0]).toBe(line('tasks.csv', 1, 'created_s', 'x'));
    expect((await cli('explain', res)).code).toBe(0); // restored
  }, 60_000);
});

describe('files too large to read', () => {
  it('a scenario file over 10 MiB is refused before it is read or parsed (a 200 MB YAML ran for minutes, then out of memory); from a pipe, before it is parsed', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, readFileSync(QUICKSTART));
    truncateSync(big, 10 * 1024 * 1024 + 1); // sparse: a size, not 10 MB written
    const message = 'expected a scenario file of at most 10 MiB, found 10.1 MiB; is it the right file? (a request-rate trace belongs in a CSV file: workload.requestRate.csv)';
    expect(await oneLine('validate', big)).toBe(`${big}: ${message}`);
    expect(await oneLine('run', big, '--out', join(dir, 'out'))).toBe(`${big}: ${message}`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    truncateSync(big, 10 * 1024 * 1024); // the limit itself is read (and then is no valid YAML: NUL bytes)
    expect(await oneLine('validate', big)).not.toContain('at most 10 MiB');
    const piped = spawnSync('sh', ['-c', 'head -c 12582912 /dev/zero | tr "\\0" "#" | "$0" "$1" validate /dev/stdin', process.execPath, BIN], { encoding: 'utf8', timeout: 30_000 });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toBe('/dev/stdin: expected a scenario file of at most 10 MiB, found 12 MiB; is it the right file? (a request-rate trace belongs in a CSV file: workload.requestRate.csv)\n');
  }, 60_000);

  it('a CSV trace over 100 MiB is refused before it is read (about 20 times its size in memory)', async () => {
    const dir = tempDir();
    const csv = join(dir, 'huge.csv');
    writeFileSync(csv, 'time_s,rps\n0,100\n');
    truncateSync(csv, 100 * 1024 * 1024 + 512 * 1024);
    const s = quickstart();
    s.services.web.workload.requestRate = { csv: { file: 'huge.csv' } };
    const file = writeScenario(dir, 's', s);
    const line = await oneLine('validate', file);
    expect(line).toMatch(/: services\.web\.workload\.requestRate\.csv\.file: expected a trace file of at most 100 MiB, found 100\.5 MiB at \S*huge\.csv; resample it /);
  });
});

describe('explain and report on a results file cut short or of another shape', () => {
  it('timeseries.csv cut mid-row, summary.json without the keys ecsim run writes: both exit 2 with the same line (explain printed nonsense, report wrote "seed ?")', async () => {
    const res = await quickRun(join(tempDir(), 'res'));
    const both = async (name: string, content: string) => {
      const path = join(res, name);
      const good = readFileSync(path, 'utf8');
      writeFileSync(path, content);
      const explained = await oneLine('explain', res);
      const reported = await oneLine('report', res, '--quiet', '--out', join(tempDir(), 'r.html'));
      writeFileSync(path, good);
      return [explained, reported];
    };
    const ts = join(res, 'timeseries.csv');
    const text = readFileSync(ts, 'utf8');
    const lines = text.split('\n');
    const fields = lines[0].split(',').length;
    // cut in the middle of data row 5, just after its time_s
    const cut = [...lines.slice(0, 5), `${lines[5].split(',')[0]},2026`].join('\n');
    const short = `ecsim: ${ts}: row 5: expected ${fields} fields as in the header (written by ecsim run), found 2; is the file cut short or edited?`;
    expect(await both('timeseries.csv', cut)).toEqual([short, short]);
    // cut at a line boundary (explain told an early desired count as the final state), or
    // only the header: quickRun runs 600 s of 60 s periods, its one service's last row at 540 s
    const atLine = `ecsim: ${ts}: the last row of service web is at 180 s, expected 540 s, the start of the run's last 60 s metric period, which ends at 600 s (summary.json durationSeconds); is the file cut short?`;
    expect(await both('timeseries.csv', lines.slice(0, 5).join('\n') + '\n')).toEqual([atLine, atLine]);
    const headerOnly = `ecsim: ${ts}: no row of service web, expected rows up to 540 s, the start of the run's last 60 s metric period, which ends at 600 s (summary.json durationSeconds); is the file cut short?`;
    expect(await both('timeseries.csv', lines[0] + '\n')).toEqual([headerOnly, headerOnly]);
    const summary = join(res, 'summary.json');
    const missing = (key: string, expected: string) => `ecsim: ${summary}: ${key}: expected ${expected} (as ecsim run writes it), found nothing`;
    expect(await both('summary.json', '{"a":1}')).toEqual([missing('scenario', 'a string'), missing('scenario', 'a string')]);
    expect(await both('summary.json', '{"scenario":"q","seed":1,"durationSeconds":3600}')).toEqual([missing('services', 'an object'), missing('services', 'an object')]);
    expect(await both('summary.json', '{"scenario":"q","seed":"one","durationSeconds":3600,"services":{}}')).toEqual(
      Array(2).fill(`ecsim: ${summary}: seed: expected a number or null (as ecsim run writes it), found the string "one"`),
    );
    expect((await cli('explain', res)).code).toBe(0); // restored
  }, 60_000);
});

describe('report on a corrupt results folder', () => {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it('summary.json truncated or of another shape, a CSV cell that is no number, missing columns, a folder for a file: exit 2, one line naming the file', async () => {
    const dir = tempDir();
    const res = await quickRun(join(dir, 'res'));
    const out = join(dir, 'r.html');
    const report = () => oneLine('report', res, '--quiet', '--out', out);
    const broken = async (name: string, content: string | null) => {
      const path = join(res, name);
      const good = readFileSync(path, 'utf8');
      rmSync(path);
      if (content === null) mkdirSync(path);
      else writeFileSync(path, content);
      const line = await report();
      rmSync(path, { recursive: true });
      writeFileSync(path, good);
      return line;
    };
    const summary = join(res, 'summary.json');
    expect(await broken('summary.json', '[]')).toBe(`ecsim: ${summary}: expected a JSON object written by ecsim run, found an empty list`);
    expect(await broken('summary.json', '{"services": 3}')).toBe(`ecsim: ${summary}: services: expected an object of figures (as ecsim run writes it), found the number 3`);
    expect(await broken('summary.json', '{"services": {"web": {"latencyMs": {"p95": "fast"}}}}')).toBe(
      `ecsim: ${summary}: services.web.latencyMs.p95: expected a number or null (as ecsim run writes it), found the string "fast"`,
    );
    expect(await broken('summary.json', '{"scenario": "quick')).toMatch(new RegExp(`^ecsim: ${escape(summary)}: expected JSON written by ecsim run, found a malformed file: `));
    const ts = join(res, 'timeseries.csv');
    const rows = readFileSync(ts, 'utf8').split('\n');
    const header = rows[0].split(',');
    const second = rows[2].split(',');
    second[header.indexOf('desired_count')] = 'two';
    expect(await broken('timeseries.csv', [rows[0], rows[1], second.join(','), ...rows.slice(3)].join('\n'))).toBe(
      `ecsim: ${ts}: row 2, column desired_count: expected a number, found "two"`,
    );
    expect(await broken('tasks.csv', 'task_id,service\nweb-1,web\n')).toBe(
      `ecsim: ${join(res, 'tasks.csv')}: expected the columns task_id, service, capacity_provider, launch_type, instance_id, created_s, running_s, stopped_s, stop_reason (written by ecsim run), found task_id,service`,
    );
    expect(await broken('events.csv', null)).toBe(`ecsim: ${join(res, 'events.csv')}: expected a CSV file written by ecsim run, found a folder`);
    expect(await broken('scenario.json', '[1]')).toBe(`ecsim: ${join(res, 'scenario.json')}: expected a JSON object written by ecsim run, found a list of 1`);
    expect(existsSync(out)).toBe(false);
    // restored: the report is written
    expect((await cli('report', res, '--quiet', '--out', out)).code).toBe(0);
  }, 60_000);

  it('a compare folder: comparison.csv without the metric columns, runs/ a file: exit 2, one line naming the file', async () => {
    const cmp = join(tempDir(), 'cmp');
    expect((await cli('compare', 'scenarios/compare-quickstart.yaml', '--duration', '10m', '--replications', '1', '--jobs', '1', '--quiet', '--out', cmp)).code).toBe(0);
    const csv = join(cmp, 'comparison.csv');
    const good = readFileSync(csv, 'utf8');
    writeFileSync(csv, good.split('\n').map((l) => l.split(',').slice(0, 3).join(',')).join('\n'));
    expect(await oneLine('report', cmp, '--quiet')).toMatch(new RegExp(`^ecsim: ${escape(csv)}: expected the columns variant, cost_mean, cost_ci95, sloViolationMinutes_mean, .* \\(written by ecsim compare\\), found variant,cost_mean,cost_ci95$`));
    writeFileSync(csv, good);
    rmSync(join(cmp, 'runs'), { recursive: true });
    writeFileSync(join(cmp, 'runs'), 'x');
    expect(await oneLine('report', cmp, '--quiet')).toBe(`ecsim: ${join(cmp, 'runs')}: expected the folder of the runs' results folders (written by ecsim compare or sweep), found a file`);
  }, 60_000);
});

describe('files written beside the one named (report.md beside --out x.html, comparison.md beside merge --out)', () => {
  it('report --out x.html: a user\'s x.md, a folder x.md are refused before anything is written; an earlier report\'s x.md is replaced', async () => {
    const dir = tempDir();
    const res = await quickRun(join(dir, 'res'));
    const html = join(dir, 'x.html');
    const md = join(dir, 'x.md');
    writeFileSync(md, '# my notes\n');
    expect(await oneLine('report', res, '--quiet', '--out', html)).toBe(
      `ecsim: --out: a run's Markdown report goes beside the HTML, at ${md}: expected a new file or an earlier report's Markdown there, found another file; give --out another name`,
    );
    expect(readFileSync(md, 'utf8')).toBe('# my notes\n');
    expect(existsSync(html)).toBe(false);
    rmSync(md);
    mkdirSync(md);
    expect(await oneLine('report', res, '--quiet', '--out', html)).toMatch(/found a folder; give --out another name$/);
    expect(existsSync(html)).toBe(false);
    rmSync(md, { recursive: true });
    expect((await cli('report', res, '--quiet', '--out', html)).code).toBe(0);
    expect((await cli('report', res, '--quiet', '--out', html)).code).toBe(0); // the earlier report's x.html and x.md: replaced
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(md, 'utf8')).toMatch(/^# quickstart\n[^]*\n## What happened\n/);
  }, 60_000);

  it('merge: a comparison.md that is a folder or a user\'s file is refused and sweep.csv is not written; an earlier sweep\'s is replaced', async () => {
    const dir = tempDir();
    const shards = await twoShards(join(dir, 'shards'));
    const out = join(dir, 'out');
    mkdirSync(out);
    const csv = join(out, 'sweep.csv');
    const md = join(out, 'comparison.md');
    mkdirSync(md);
    expect(await oneLine('merge', shards, '--quiet', '--out', csv)).toBe(
      `ecsim: --out: merge writes comparison.md beside the CSV, at ${md}: expected a new file or an earlier sweep's comparison.md there, found a folder; give --out in another folder`,
    );
    expect(existsSync(csv)).toBe(false);
    rmSync(md, { recursive: true });
    writeFileSync(md, 'my notes\n');
    expect(await oneLine('merge', shards, '--quiet', '--out', csv)).toMatch(/found another file; give --out in another folder$/);
    expect([existsSync(csv), readFileSync(md, 'utf8')]).toEqual([false, 'my notes\n']);
    rmSync(md);
    expect((await cli('merge', shards, '--quiet', '--out', csv)).code).toBe(0);
    expect((await cli('merge', shards, '--quiet', '--out', csv)).code).toBe(0); // an earlier sweep's sweep.csv and comparison.md: replaced
    expect(readFileSync(md, 'utf8')).toMatch(/^# Sweep: compare-quickstart\n/);
    expect(readFileSync(csv, 'utf8')).toMatch(/^services\.web/);
  }, 60_000);
});

describe('numbers too large and JSON comments are said as written', () => {
  const dir = tempDir();
  const text = readFileSync(QUICKSTART, 'utf8');

  it('a number too large for a double (1e400 reads as Infinity): a finite number expected, the number as written', async () => {
    const big = writeScenario(dir, 'big', text.replace('desiredCount: 3', 'desiredCount: 1e400').replace(/^seed: 1$/m, 'seed: -1e999'));
    const r = await cli('validate', big);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(`${big}:${lineOf(big, 'seed: -1e999')}: seed: expected a finite number, found -1e999 (too large: a number is at most about -1.8e308)`);
    expect(lines).toContain(`${big}:${lineOf(big, 'desiredCount: 1e400')}: services.web.desiredCount: expected a finite number, found 1e400 (too large: a number is at most about 1.8e308)`);
    const json = join(dir, 'big.json');
    writeFileSync(json, JSON.stringify({ ...quickstart(), seed: 7 }).replace('"seed":7', '"seed":1e999'));
    expect(await oneLine('validate', json)).toBe(`${json}:1: seed: expected a finite number, found 1e999 (too large: a number is at most about 1.8e308)`);
    // a whole number past 2^53 - 1, rounded when parsed (to 9007199254740992), as written
    const rounded = writeScenario(dir, 'rounded', text.replace(/^seed: 1$/m, 'seed: 9007199254740993'));
    expect(await oneLine('validate', rounded)).toBe(`${rounded}:${lineOf(rounded, 'seed: 9007199254740993')}: seed: expected <= 9007199254740991, found 9007199254740993`);
  });

  it('a .json file with a // or /* comment: JSON has no comments (it was read as YAML: "found the text ...")', async () => {
    const body = JSON.stringify(quickstart(), null, 2);
    const slash = join(dir, 'comment.json');
    writeFileSync(slash, `// my scenario\n${body}`);
    expect(await oneLine('validate', slash)).toBe(`${slash}:1:1: expected JSON, found a comment "//" (JSON has no comments); remove the comment, or write the scenario as YAML (.yaml), whose comments start with #`);
    const star = join(dir, 'star.json');
    writeFileSync(star, body.replace('{\n', '{\n  /* note */\n'));
    expect(await oneLine('validate', star)).toBe(`${star}:2:3: expected JSON, found a comment "/*" (JSON has no comments); remove the comment, or write the scenario as YAML (.yaml), whose comments start with #`);
    // after a value on its line (it read unknown key "// x" and five more lines)
    const inline = join(dir, 'inline.json');
    const lines = body.split('\n');
    lines[1] = `${lines[1]} // the name`; // '  "name": "quickstart",' + ' // the name'
    writeFileSync(inline, lines.join('\n'));
    expect(await oneLine('validate', inline)).toBe(`${inline}:2:${lines[1].indexOf('//') + 1}: expected JSON, found a comment "//" (JSON has no comments); remove the comment, or write the scenario as YAML (.yaml), whose comments start with #`);
    // a "//" inside a string is no comment, also after an escaped quote
    const url = join(dir, 'url.json');
    writeFileSync(url, JSON.stringify({ ...quickstart(), description: 'see "x" at https://example.com' }, null, 2));
    expect((await cli('validate', url)).code).toBe(0);
  });
});

function lineOf(file: string, text: string): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
}
