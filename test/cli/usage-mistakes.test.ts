// Usage mistakes yargs lets through or words in its own way: each is one line naming the
// flag or command, exit 2, and nothing runs.

import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUICKSTART, cli, oneLine, tempDir, twoShards, writeScenario } from '../helpers.js';
import { shardOf } from '../../src/cli/actions/sweep.js';
import { UsageError } from '../../src/cli/errors.js';

describe('usage mistakes', () => {
  it('a misspelt flag before the command, or without one, gets a "did you mean" (it said "name a command": --hlep took "run" as its value)', async () => {
    expect(await oneLine('--hlep', 'run')).toBe('ecsim: unknown flag --hlep (did you mean --help?) (see ecsim --help)');
    expect(await oneLine('--hlep', 'run', QUICKSTART)).toBe('ecsim: unknown flag --hlep (did you mean --help?) (see ecsim --help)');
    expect(await oneLine('--verison')).toBe('ecsim: unknown flag --verison (did you mean --version?) (see ecsim --help)');
    expect(await oneLine('-x', '--verison')).toBe('ecsim: unknown flags -x, --verison (did you mean --version?) (see ecsim --help)');
    // a command's own flag before the command runs; without a command it still needs one
    expect(await oneLine('--seed', '3')).toBe('ecsim: name a command (see --help)');
    expect(await oneLine()).toBe('ecsim: name a command (see --help)');
    const r = await cli('--seed', '3', 'run', QUICKSTART, '--duration', '1m', '--quiet', '--out', join(tempDir(), 'r'));
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('a flag given twice (it used to fail as an internal error)', async () => {
    const dir = tempDir();
    expect(await oneLine('run', QUICKSTART, '--out', join(dir, 'a'), '--out', join(dir, 'b'))).toBe('ecsim: --out: given 2 times, expected once');
    expect(existsSync(join(dir, 'a')) || existsSync(join(dir, 'b'))).toBe(false);
    expect(await oneLine('trace', QUICKSTART, '--step', '1m', '--step', '5m')).toBe('ecsim: --step: given 2 times, expected once');
  });

  it('a flag written twice whatever yargs made of it (a number repeated with 1 was added: --seed 5 --seed 1 ran seed 6; a boolean was kept)', async () => {
    const dir = tempDir();
    expect(await oneLine('run', QUICKSTART, '--seed', '5', '--seed', '1', '--out', join(dir, 'a'))).toBe('ecsim: --seed: given 2 times, expected once');
    expect(await oneLine('run', QUICKSTART, '--seed', '1', '--seed=1', '--out', join(dir, 'b'))).toBe('ecsim: --seed: given 2 times, expected once');
    expect(await oneLine('compare', 'scenarios/compare-quickstart.yaml', '--replications', '2', '--replications', '1', '--out', join(dir, 'c'))).toBe('ecsim: --replications: given 2 times, expected once');
    expect(await oneLine('init', '--list', '--list')).toBe('ecsim: --list: given 2 times, expected once');
    expect(existsSync(join(dir, 'a')) || existsSync(join(dir, 'b')) || existsSync(join(dir, 'c'))).toBe(false);
  });

  it('a boolean flag given a value other than true/false (--quiet=x ran loud, --list=yes wrote a file)', async () => {
    const dir = tempDir();
    expect(await oneLine('run', QUICKSTART, '--quiet=x', '--out', join(dir, 'a'))).toBe('ecsim: --quiet: takes no value (or true/false), found "x"');
    expect(await oneLine('init', '--list=yes', '--out', join(dir, 'b.yaml'))).toBe('ecsim: --list: takes no value (or true/false), found "yes"');
    expect(existsSync(join(dir, 'a')) || existsSync(join(dir, 'b.yaml'))).toBe(false);
    const r = await cli('run', QUICKSTART, '--quiet=true', '--duration', '1m', '--out', join(dir, 'c'));
    expect([r.code, r.stdout]).toEqual([0, '']);
  });

  it('a flag written with a dot is an unknown flag (--out.x=1 failed as an internal error, --seed.a=1 said "found [object Object]")', async () => {
    expect(await oneLine('run', QUICKSTART, '--out.x=1')).toBe('ecsim: unknown flag --out.x (did you mean --out?) (see ecsim run --help)');
    expect(await oneLine('run', QUICKSTART, '--seed.a=1')).toBe('ecsim: unknown flag --seed.a (did you mean --seed?) (see ecsim run --help)');
  });

  it('a compare refused for its input leaves no folder behind (a scenario without variants left an empty results/)', async () => {
    const dir = tempDir();
    const out = join(dir, 'results', 'x', 'cmp');
    const r = await cli('compare', QUICKSTART, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/variants: expected at least one variant .* found none/);
    expect(existsSync(join(dir, 'results'))).toBe(false);
  });

  it('a flag without its value (--seed at the end used to be dropped, and the run went on with the scenario\'s seed)', async () => {
    expect(await oneLine('run', QUICKSTART, '--seed')).toBe('ecsim: --seed: expected a value after the flag (a value starting with "-" goes as --seed=VALUE)');
    expect(await oneLine('run', QUICKSTART, '--out', '--quiet')).toMatch(/^ecsim: --out: expected a value after the flag/);
  });

  it('report --out naming a folder says to name a file (it was a raw EISDIR naming the results folder)', async () => {
    const dir = tempDir();
    const out = join(dir, 'run');
    expect((await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', out)).code).toBe(0);
    expect(await oneLine('report', out, '--out', dir)).toBe(`ecsim: --out: expected the HTML file to write, found a folder ${dir} (give a file name, e.g. ${join(dir, 'report.html')})`);
  });

  it('report --out naming a .md file is refused with the .html name (it wrote HTML into x.md and the Markdown into x.md.md)', async () => {
    const dir = tempDir();
    const out = join(dir, 'run');
    expect((await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', out)).code).toBe(0);
    const md = join(dir, 'x.md');
    expect(await oneLine('report', out, '--out', md)).toBe(`ecsim: --out: expected the name of the HTML file to write (a run's report.md goes beside it), found a Markdown name ${md} (give ${join(dir, 'x.html')})`);
    expect(existsSync(md) || existsSync(`${md}.md`)).toBe(false);
    // the .html name writes both, the Markdown beside it
    const r = await cli('report', out, '--out', join(dir, 'x.html'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`wrote ${join(dir, 'x.html')}, ${md}\n`);
    expect(readFileSync(md, 'utf8')).not.toMatch(/<html/i);
  });

  it('--duration beyond ten years; trace --from past the end (a clock time before the start is the next day\'s)', async () => {
    expect(await oneLine('run', QUICKSTART, '--duration', '100000d')).toBe('ecsim: --duration: expected at most 3660d (ten years), found 100000d');
    // 10^48 s is past 2^53 ms (it was read as 1e51 ms); --step and --from have the same ten-year bound
    expect(await oneLine('run', QUICKSTART, '--duration', '1' + '0'.repeat(48))).toBe(`ecsim: --duration: expected at most 3660d (ten years), found 1${'0'.repeat(48)}`);
    expect(await oneLine('trace', QUICKSTART, '--step', '1' + '0'.repeat(48))).toBe("ecsim: --step: expected a duration of at most 3660d (ten years, ecsim's longest run), found 1e+48");
    expect(await oneLine('trace', QUICKSTART, '--step', '3661d')).toBe('ecsim: --step: expected a duration of at most 3660d (ten years, ecsim\'s longest run), found "3661d"');
    expect(await oneLine('trace', QUICKSTART, '--from', '3661d')).toBe('ecsim: --from: expected a duration of at most 3660d (ten years, ecsim\'s longest run), found "3661d"');
    // zero says what it found, as the other flag messages do
    expect(await oneLine('run', QUICKSTART, '--duration', '0')).toBe('ecsim: --duration: expected a duration greater than zero, found 0');
    expect(await oneLine('trace', QUICKSTART, '--step', '0s')).toBe('ecsim: --step: expected a duration greater than zero, found 0s');
    // a negative one is said to be negative (it read as a format error: 'expected a duration like "250ms", ...')
    expect(await oneLine('run', QUICKSTART, '--duration', '-1')).toBe('ecsim: --duration: expected a duration greater than zero, found -1 (negative)');
    expect(await oneLine('run', QUICKSTART, '--duration=-1h')).toBe('ecsim: --duration: expected a duration greater than zero, found -1h (negative)');
    expect(await oneLine('trace', QUICKSTART, '--step', '-1m')).toBe('ecsim: --step: expected a duration greater than zero, found -1m (negative)');
    // a last partial period was billed but not measured
    expect(await oneLine('run', QUICKSTART, '--duration', '30')).toBe(`${QUICKSTART}: --duration: expected a whole number of metric periods of 60s (metrics.period), e.g. 60s; found 30s`);
    // the quick start runs 09:00-10:00 UTC: 08:00 is 23 h after its start
    expect(await oneLine('trace', QUICKSTART, '--from', '08:00')).toBe("ecsim: --from: expected a time at or before the scenario's end (3600 s after the start), found 82800 s (a clock time before the start is the next day's)");
  });

  it('trace --from and --to stay within 0..end, the end included, as the default trace (--to 2h traced past a 1 h run; --from 1h was refused)', async () => {
    expect(await oneLine('trace', QUICKSTART, '--to', '2h')).toBe("ecsim: --to: expected a time at or before the scenario's end (3600 s after the start), found 7200 s");
    expect(await oneLine('trace', QUICKSTART, '--to', '08:30')).toBe("ecsim: --to: expected a time at or before the scenario's end (3600 s after the start), found 84600 s (a clock time before the start is the next day's)");
    const all = await cli('trace', QUICKSTART);
    const last = all.stdout.trim().split('\n').at(-1)!;
    expect(last.startsWith('3600,')).toBe(true);
    for (const args of [['--from', '1h'], ['--from', '10:00'], ['--from', '1h', '--to', '1h']]) {
      const r = await cli('trace', QUICKSTART, ...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout.trim().split('\n'), args.join(' ')).toEqual(['time_s,timestamp,service,rps', last]);
    }
    expect((await cli('trace', QUICKSTART, '--to', '1h')).stdout).toBe(all.stdout);
  });

  it('init --list with another flag is refused, one line, exit 2 (the flag was ignored)', async () => {
    expect(await oneLine('init', '--list', '--template', 'flash-crowd')).toBe('ecsim: --list: takes no other flags, found --template (run ecsim init --list alone, then ecsim init --template NAME --out FILE)');
  });

  it('a shard mistake names the flag (or variable) at fault (--shards 0 and a missing index said "--shard:")', async () => {
    const sweep = ['sweep', 'scenarios/compare-quickstart.yaml', '--duration', '1m'];
    expect(await oneLine(...sweep, '--shards', '0')).toBe('ecsim: --shards: expected a whole number >= 1, found 0');
    expect(await oneLine(...sweep, '--shard', '3/2')).toBe('ecsim: --shard: expected a shard index from 1 to 2, found 3');
    expect(await oneLine(...sweep, '--shard', '1/2', '--shards', '2')).toBe('ecsim: --shard: expected either --shard i/n or --shards n, found both (--shard 1/2 --shards 2)');
    // the environment is read only with --shards, so the process's own does not matter here
    expect(() => shardOf(undefined, 2, {})).toThrow(new UsageError('--shards: expected the shard index (0-based) in JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX, found neither set; or use --shard i/n'));
    expect(() => shardOf(undefined, 2, { JOB_COMPLETION_INDEX: '2' })).toThrow(new UsageError('JOB_COMPLETION_INDEX: expected a 0-based index from 0 to 1 (--shards 2), found 2'));
    expect(shardOf(undefined, 2, { AWS_BATCH_JOB_ARRAY_INDEX: '1' })).toEqual({ index: 2, count: 2 });
  });

  it('a flag with its negation is refused (the last one won)', async () => {
    expect(await oneLine('sweep', 'scenarios/compare-quickstart.yaml', '--runs', '--no-runs')).toBe('ecsim: --runs: given both --runs and --no-runs, expected one');
  });

  it('a misspelt flag gets a "did you mean" (it said "Unknown argument: sed")', async () => {
    expect(await oneLine('run', QUICKSTART, '--sed', '3')).toBe('ecsim: unknown flag --sed (did you mean --seed?) (see ecsim run --help)');
    expect(await oneLine('compare', 'scenarios/compare-quickstart.yaml', '--replicatons', '3', '--zzzz')).toBe('ecsim: unknown flags --replicatons (did you mean --replications?), --zzzz (see ecsim compare --help)');
    // a word without a dash is an extra argument; a flag is named as typed
    expect(await oneLine('validate', QUICKSTART, 'b.yaml')).toBe('ecsim: unexpected argument "b.yaml" (see ecsim validate --help)');
    expect(await oneLine('run', QUICKSTART, '-z')).toBe('ecsim: unknown flag -z (see ecsim run --help)');
  });

  it('a flag the misspelling begins ranks first (--dur suggested --out, not --duration)', async () => {
    expect(await oneLine('run', QUICKSTART, '--dur', '10m')).toBe('ecsim: unknown flag --dur (did you mean --duration?) (see ecsim run --help)');
    expect(await oneLine('compare', 'scenarios/compare-quickstart.yaml', '--rep', '3')).toBe('ecsim: unknown flag --rep (did you mean --report?) (see ecsim compare --help)');
  });

  it('--seed takes decimal digits only (yargs read 0x10 as 16, " 5" as 5, 1e3 as 1000)', async () => {
    const dir = tempDir();
    const refused = (typed: string) => `ecsim: --seed: expected a whole number in decimal digits, from 0 to 9007199254740991, found "${typed}"`;
    for (const [i, typed] of ['0x10', ' 5', '1e3', '5.0', '+5', '-1'].entries()) {
      expect(await oneLine('run', QUICKSTART, `--seed=${typed}`, '--out', join(dir, String(i)))).toBe(refused(typed));
    }
    expect(await oneLine('compare', 'scenarios/compare-quickstart.yaml', '--seed', '0x10', '--out', join(dir, 'c'))).toBe(refused('0x10'));
    expect(await oneLine('trace', QUICKSTART, '--seed', '1e3')).toBe(refused('1e3'));
    expect(existsSync(join(dir, '0')) || existsSync(join(dir, 'c'))).toBe(false);
  });

  it('a number flag with a word names the word (it said "found NaN")', async () => {
    expect(await oneLine('run', QUICKSTART, '--seed', 'abc')).toBe('ecsim: --seed: expected a number, found "abc"');
    expect(await oneLine('compare', 'scenarios/compare-quickstart.yaml', '--jobs=two')).toBe('ecsim: --jobs: expected a number, found "two"');
  });

  it('a number flag given an empty or blank value is refused (yargs made it 0: --seed "" ran seed 0)', async () => {
    const dir = tempDir();
    const empty = (flag: string) => `ecsim: --${flag}: expected a number, found an empty value`;
    expect(await oneLine('run', QUICKSTART, '--seed', '', '--out', join(dir, 'a'))).toBe(empty('seed'));
    expect(await oneLine('run', QUICKSTART, '--seed=', '--out', join(dir, 'b'))).toBe(empty('seed'));
    expect(await oneLine('run', QUICKSTART, '--seed', ' ', '--out', join(dir, 'c'))).toBe(empty('seed'));
    expect(await oneLine('compare', 'scenarios/compare-quickstart.yaml', '--replications', '', '--out', join(dir, 'd'))).toBe(empty('replications'));
    expect(await oneLine('compare', 'scenarios/compare-quickstart.yaml', '--jobs=', '--out', join(dir, 'e'))).toBe(empty('jobs'));
    expect(await oneLine('trace', QUICKSTART, '--seed=')).toBe(empty('seed'));
    expect(['a', 'b', 'c', 'd', 'e'].some((n) => existsSync(join(dir, n)))).toBe(false);
  });

  it('"-" or "" for a file or folder says which was typed, with the ecsim: prefix and the way to read standard input ("-" was called "an empty name", and run printed no prefix)', async () => {
    const dash = (command: string) => `ecsim: expected a scenario file, found "-" (standard input is read as /dev/stdin, not "-": cat s.yaml | ecsim ${command} /dev/stdin)`;
    const out = join(tempDir(), 'a');
    expect(await oneLine('run', '-', '--out', out)).toBe(dash('run'));
    expect(existsSync(out)).toBe(false);
    expect(await oneLine('run', '')).toBe('ecsim: expected a scenario file, found an empty name');
    expect(await oneLine('validate', '-')).toBe(dash('validate'));
    expect(await oneLine('compare', '-')).toBe(dash('compare'));
    expect(await oneLine('sweep', '-')).toBe(dash('sweep'));
    expect(await oneLine('trace', '-')).toBe(dash('trace'));
    expect(await oneLine('explain', '-')).toBe('ecsim: expected a results folder (written by ecsim run), found "-" (explain reads a folder, not standard input)');
    expect(await oneLine('explain', '')).toBe('ecsim: expected a results folder (written by ecsim run), found an empty name');
    expect(await oneLine('report', '-')).toBe('ecsim: expected a results folder (written by ecsim run, compare or sweep), found "-" (report reads a folder, not standard input)');
    expect(await oneLine('report', '')).toBe('ecsim: expected a results folder (written by ecsim run, compare or sweep), found an empty name');
    // in a list yargs dropped "-" (merge a - b merged a and b)
    expect(await oneLine('merge', 'a', '-', 'b')).toBe('ecsim: expected folders holding shard files, or shard files, found "-" (merge reads files, not standard input)');
    expect(await oneLine('merge', 'a', '', 'b')).toBe('ecsim: expected folders holding shard files, or shard files, found an empty name');
    // "-" as a flag's value is that flag's, not a positional
    expect(await oneLine('trace', 'no-such.yaml', '--service', '-')).toBe('no-such.yaml: expected a scenario file, found no file of that name');
  });

  it('a YAML file of two documents, or with a merge key, says what ecsim reads (not the yaml library\'s advice)', async () => {
    const dir = tempDir();
    const two = writeScenario(dir, 'two.yaml', `${readFileSync(QUICKSTART, 'utf8')}\n---\nname: other\n`);
    const at = readFileSync(two, 'utf8').split('\n').indexOf('---') + 1;
    expect(await oneLine('validate', two)).toBe(`${two}:${at}:1: expected one YAML document, found a second one from this \`---\` line; remove the line and what follows it (or merge the documents into one)`);
    const merged = writeScenario(dir, 'merge.yaml', readFileSync(QUICKSTART, 'utf8').replace('    workload:\n', '    workload:\n      <<: {type: http}\n'));
    expect(readFileSync(merged, 'utf8')).toContain('<<: {type: http}');
    expect(await oneLine('validate', merged)).toMatch(
      /: services\.web\.workload\.<<: unknown key "<<" \(a YAML merge key: merge keys are not supported, anchors & and aliases \* are; alias a whole value or write the keys out\); expected one of: type, /,
    );
  });

  it('a seed past 2^53 - 1 is refused: consecutive replication seeds would collide (…991 + 1 and + 2 were the same number)', async () => {
    // as typed: yargs' number is rounded to 9007199254740992
    expect(await oneLine('run', QUICKSTART, '--seed', '9007199254740993')).toBe('ecsim: --seed: expected at most 9007199254740991 (larger numbers are not distinct seeds), found 9007199254740993');
    expect(await oneLine('run', QUICKSTART, '--seed', '99999999999999999999999')).toBe('ecsim: --seed: expected at most 9007199254740991 (larger numbers are not distinct seeds), found 99999999999999999999999');
    const line = await oneLine('compare', 'scenarios/compare-quickstart.yaml', '--seed', '9007199254740991', '--replications', '4', '--duration', '1m');
    expect(line).toContain('--seed: expected seed + replications - 1 <= 9007199254740991');
    expect(line).toContain('found 9007199254740991 with 4 replications');
    // the edge: 2^53 - 1 + 2 - 1 rounded back to 2^53 - 1 in floating point, so 2 replications passed
    // and replication 1 ran with seed 2^53, not a safe integer
    expect(await oneLine('compare', 'scenarios/compare-quickstart.yaml', '--seed', '9007199254740991', '--replications', '2', '--duration', '1m')).toContain(
      'found 9007199254740991 with 2 replications',
    );
    const dir = tempDir();
    const file = join(dir, 'edge.yaml');
    const text = readFileSync('scenarios/compare-quickstart.yaml', 'utf8').replace(/^seed: 1$/m, 'seed: 9007199254740991').replace(/^replications: 5$/m, 'replications: 2');
    writeFileSync(file, text);
    expect(await oneLine('validate', file)).toMatch(/edge.yaml:\d+: seed: expected seed \+ replications - 1 <= 9007199254740991 .*found 9007199254740991 with 2 replications/);
    // one below the limit is accepted: seeds 2^53 - 2 and 2^53 - 1
    writeFileSync(file, text.replace('seed: 9007199254740991', 'seed: 9007199254740990'));
    expect((await cli('validate', file)).code).toBe(0);
  });

  it('an empty flag value is refused (sweep --out "" wrote sweep.csv and runs/ into the current folder)', async () => {
    expect(await oneLine('sweep', 'scenarios/compare-quickstart.yaml', '--out', '', '--duration', '1m')).toBe('ecsim: --out: expected a value, found an empty string');
    expect(await oneLine('run', QUICKSTART, '--out=')).toBe('ecsim: --out: expected a value, found an empty string');
  });

  it('--out - is refused with the way to standard output (trace --out - wrote a file named "-")', async () => {
    const refused = 'ecsim: --out: expected a path, found "-" (standard output is /dev/stdout, where the command can write to it: trace, merge, report)';
    expect(await oneLine('trace', QUICKSTART, '--out', '-')).toBe(refused);
    expect(await oneLine('run', QUICKSTART, '--out=-', '--quiet')).toBe(refused);
  });

  it('an empty value of a flag the command does not have is an unknown flag, not an empty value (run --replications "" said "expected a value")', async () => {
    expect(await oneLine('run', QUICKSTART, '--replications', '')).toBe('ecsim: unknown flag --replications (see ecsim run --help)');
    expect(await oneLine('run', QUICKSTART, '--replications=')).toBe('ecsim: unknown flag --replications (see ecsim run --help)');
    expect(await oneLine('explain', 'x', '--outt', '')).toMatch(/^ecsim: unknown flag --outt/);
  });

  it('merge of a malformed shard file names the file', async () => {
    const dir = tempDir();
    const bad = join(dir, 'sweep.shard-1-of-2.csv');
    writeFileSync(bad, 'point,points\n"1,2\n');
    expect(await oneLine('merge', bad)).toMatch(new RegExp(`^ecsim: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: expected a sweep shard file \\(CSV\\), found a malformed one: Quote Not Closed`));
  });

  it('merge --out into a compare folder is refused (its comparison.md would be replaced)', async () => {
    const dir = tempDir();
    const shards = await twoShards(join(dir, 'shards'));
    const cmp = join(dir, 'cmp');
    mkdirSync(cmp);
    writeFileSync(join(cmp, 'comparison.csv'), 'x');
    writeFileSync(join(cmp, 'comparison.md'), 'the compare table');
    expect(await oneLine('merge', shards, '--out', join(cmp, 'sweep.csv'))).toBe(`ecsim: --out: ${cmp} holds comparison.csv (a compare's folder): merge would write sweep.csv and comparison.md among its files; give another folder`);
    expect(readFileSync(join(cmp, 'comparison.md'), 'utf8')).toBe('the compare table');
  });

  it('a mistyped command gets a suggestion; a missing file names what is missing', async () => {
    expect(await oneLine('rnu', QUICKSTART)).toBe('ecsim: unknown command "rnu"; did you mean run? (see ecsim --help)');
    expect(await oneLine('validate')).toBe('ecsim: validate: missing <scenario> (see ecsim validate --help)');
  });
  it('an unknown first word is an unknown command whatever follows (yargs said "unexpected arguments", or printed the help with exit 0)', async () => {
    expect(await oneLine('xyzzy', QUICKSTART)).toBe('ecsim: unknown command "xyzzy" (see ecsim --help)');
    expect(await oneLine('xyzzy', '--help')).toBe('ecsim: unknown command "xyzzy" (see ecsim --help)');
    expect(await oneLine('xyzzy')).toBe('ecsim: unknown command "xyzzy" (see ecsim --help)');
    expect(await oneLine('valdate', QUICKSTART, '--help')).toBe('ecsim: unknown command "valdate"; did you mean validate? (see ecsim --help)');
  });

  it('an unknown flag before the scenario is named, not "missing <scenario>" (it took the scenario as its value)', async () => {
    expect(await oneLine('run', '-q', QUICKSTART)).toBe('ecsim: unknown flag -q (did you mean --quiet?) (see ecsim run --help)');
    expect(await oneLine('run', '--qiet', QUICKSTART)).toBe('ecsim: unknown flag --qiet (did you mean --quiet?) (see ecsim run --help)');
    expect(await oneLine('validate', '-x.yaml')).toBe('ecsim: unknown flag -x.yaml (a file whose name starts with "-" goes after --, or as ./-x.yaml: ecsim validate -- -x.yaml) (see ecsim validate --help)');
    // -h and known flags are not unknown: the scenario is missing
    expect(await oneLine('run', '--quiet')).toBe('ecsim: run: missing <scenario> (see ecsim run --help)');
  });

  it('"--" ends the options: the words after it are names, even with a dash (yargs said "missing <scenario>")', async () => {
    expect((await cli('validate', '--', QUICKSTART)).code).toBe(0);
    const dash = await oneLine('validate', '--', '-no-such.yaml');
    expect(dash).toMatch(/\.\/-no-such\.yaml/);
    expect(dash).not.toMatch(/unknown flag/);
    // after "--" a flag is a word, not a flag
    expect(await oneLine('run', QUICKSTART, '--', '--quiet')).toBe(
      `ecsim: unexpected argument "--quiet": options go before "--", which ends them (every word after it is a file name): ecsim run ${QUICKSTART} --quiet (see ecsim run --help)`,
    );
    // no hint unless the moved words are the command's options and their values, and the
    // line it gives is one the command takes: validate has no --quiet (the hint gave
    // `ecsim validate ... --quiet`, an unknown flag)
    expect(await oneLine('validate', QUICKSTART, '--', '--quiet')).toBe('ecsim: unexpected argument "--quiet" (see ecsim validate --help)');
    expect(await oneLine('validate', '--', '-x.yaml', '-q')).toBe('ecsim: unexpected argument "-q" (see ecsim validate --help)');
    expect(await oneLine('run', '--', '-x.yaml', '--bogus')).toBe('ecsim: unexpected argument "--bogus" (see ecsim run --help)');
    // --out taken for the file name, "d" and the file name left over: moved, -x.yaml is no option
    expect(await oneLine('run', '--', '--out', 'd', '-x.yaml')).toBe('ecsim: unexpected arguments "d", "-x.yaml" (see ecsim run --help)');
    // --out without its value, or one word too many: no line the command takes
    expect(await oneLine('run', '--', '-x.yaml', '--out')).toBe('ecsim: unexpected argument "--out" (see ecsim run --help)');
    expect(await oneLine('run', '--', '-x.yaml', '--out', 'd', 'e')).toBe('ecsim: unexpected arguments "--out", "d", "e" (see ecsim run --help)');
    // a boolean's negation and a value after "=" are options too
    expect(await oneLine('run', '--', '-x.yaml', '--no-quiet', '--out=d')).toBe(
      'ecsim: unexpected arguments "--no-quiet", "--out=d": options go before "--", which ends them (every word after it is a file name): ecsim run --no-quiet --out=d -- -x.yaml (see ecsim run --help)',
    );
    // an option after the file name that needed "--": yargs said only `unexpected arguments "--out", "d"`
    expect(await oneLine('run', '--', '-x.yaml', '--out', 'd')).toBe(
      'ecsim: unexpected arguments "--out", "d": options go before "--", which ends them (every word after it is a file name): ecsim run --out d -- -x.yaml (see ecsim run --help)',
    );
    // an extra file name after "--" is no option: no hint
    expect(await oneLine('validate', '--', QUICKSTART, 'extra')).toBe('ecsim: unexpected argument "extra" (see ecsim validate --help)');
    // "--" before any command (README once advised `npx ecsim -- --version`): the hint was "see ecsim ./--version --help"
    expect(await oneLine('--', '--version')).toBe('ecsim: "--" ends the options, so it goes after a command and before file names that start with a dash (ecsim run -- -x.yaml); it comes first here: write ecsim --version (see ecsim --help)');
    expect(await oneLine('--')).toContain('it comes first here: write ecsim <command> (see ecsim --help)');
  });
});
