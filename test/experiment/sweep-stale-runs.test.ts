// A sweep folder can hold another sweep's left-overs: shards run without runs leave an
// earlier sweep's runs/ in place, and a whole sweep used to leave an earlier sweep's shard
// files, which a later merge turned into that sweep's sweep.csv beside the new runs/. Each
// run folder and sweep.csv now carry sweep-plan.txt (the plan digest merge checks shards
// by): the report draws only the runs of sweep.csv's plan and says how many it left out; a
// whole sweep removes shard files of another plan; merge keeps a newer sweep.csv of another
// plan.

import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExperimentFile, sweepToFolder } from '../../src/experiment/index.js';
import { sweepPlanDigest, sweepRunsDigest } from '../../src/experiment/sweep-plan-digest.js';
import type { ExperimentFile } from '../../src/experiment/experiment-file.js';
import { buildComparisonHtml, writeReports } from '../../src/output/report/index.js';
import { loadComparison } from '../../src/output/report/data/load-comparison.js';
import { ResultsFileError } from '../../src/output/results-file.js';
import { charts, seriesPaths } from '../output/report/fixtures.js';
import { tempDir, writeScenario } from './helpers/scenario.js';
import { experimentCli } from './helpers/cli.js';

const SWEEP = { sweep: { 'services.web.autoScaling.policies.cpu.targetValue': [40, 70] }, replications: 2 };
const LABELS = ['targetValue=40', 'targetValue=70'];
/** sweep-plan.txt beside sweep.csv: the whole plan's digest and the runs'. */
const plan = (exp: ExperimentFile) => `ecsim sweep plan ${sweepPlanDigest(exp)} runs ${sweepRunsDigest(exp)}\n`;
/** sweep-plan.txt in runs/<point label>/: the runs' digest. */
const runsMark = (exp: ExperimentFile) => `ecsim sweep runs ${sweepRunsDigest(exp)}\n`;
const read = (path: string) => readFileSync(path, 'utf8');

describe('sweep-plan.txt: the report draws only the runs of the sweep of sweep.csv', () => {
  const dir = tempDir();
  const file = writeScenario(dir, SWEEP, 'plan.yaml');
  // sweep A: 2 minutes; sweep B: the same file run for 3 minutes (another plan)
  const a = readExperimentFile(file, { durationMs: 120_000 });
  const b = readExperimentFile(file, { durationMs: 180_000 });

  it('a sweep writes its plan beside sweep.csv and into each runs/<label>/, the plan its shard files carry', async () => {
    expect(sweepPlanDigest(a)).not.toBe(sweepPlanDigest(b));
    const out = join(dir, 'whole');
    await sweepToFolder(a, { outDir: out, jobs: 1 });
    expect(read(join(out, 'sweep-plan.txt'))).toBe(plan(a));
    for (const label of LABELS) expect(read(join(out, 'runs', label, 'sweep-plan.txt'))).toBe(runsMark(a));
    // the shard file's plan column is the same digest
    await sweepToFolder(a, { outDir: join(dir, 'shard'), jobs: 1, shard: { index: 1, count: 2 } });
    const [header, row] = read(join(dir, 'shard', 'sweep.shard-1-of-2.csv')).split('\n');
    expect(row.split(',')[header.split(',').indexOf('plan')]).toBe(sweepPlanDigest(a));
    expect(read(join(dir, 'shard', 'runs', LABELS[0], 'sweep-plan.txt'))).toBe(runsMark(a));
    // a shard writes no sweep-plan.txt of its own beside its file: merge does, beside sweep.csv
    expect(existsSync(join(dir, 'shard', 'sweep-plan.txt'))).toBe(false);
  });

  it("shards of another sweep with --no-runs: the earlier sweep's runs are left out of the page, and it says how many and which", async () => {
    const out = join(dir, 'mixed');
    // sweep A whole, with runs of both points
    expect(await experimentCli(['sweep', file, '--duration', '2m', '--out', out, '--quiet'])).toBe(0);
    // sweep B in 2 shards: shard 1 (point 0) with runs, shard 2 (point 1) without
    expect(await experimentCli(['sweep', file, '--duration', '3m', '--shard', '1/2', '--out', out, '--quiet'])).toBe(0);
    expect(await experimentCli(['sweep', file, '--duration', '3m', '--shard', '2/2', '--no-runs', '--out', out, '--quiet'])).toBe(0);
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(0);
    expect(read(join(out, 'sweep-plan.txt'))).toBe(plan(b));
    // runs/targetValue=70 is still sweep A's (2 minutes), under B's table (3 minutes)
    expect(JSON.parse(read(join(out, 'runs', LABELS[1], 'scenario.json'))).duration).toBe(120_000);
    expect(read(join(out, 'runs', LABELS[1], 'sweep-plan.txt'))).toBe(runsMark(a));

    const c = loadComparison(out);
    expect([...c.runs.keys()]).toEqual([LABELS[0]]);
    expect(c.otherSweepsRuns).toEqual([LABELS[1]]);
    const html = buildComparisonHtml(out);
    expect(html).toContain('1 of 2 points have a runs/ folder of this sweep.');
    expect(html).toContain(`The runs/ folders of 1 of 2 points (${LABELS[1]}) are of another sweep`);
    // one line per chart: point 0's only
    const overlays = charts(html).filter((svg) => svg.includes('by point'));
    expect(overlays.length).toBeGreaterThan(0);
    for (const svg of overlays) {
      expect(seriesPaths(svg).length).toBe(1);
      expect(svg.includes(`>${LABELS[1]}<`)).toBe(false);
    }
    // ecsim report says it too (the CLI prints it on stderr as a warning)
    const written = writeReports(out);
    expect(written.warnings).toEqual([expect.stringContaining(`${out}: The runs/ folders of 1 of 2 points (${LABELS[1]}) are of another sweep`)]);
  });

  it('all runs of another sweep: no time series, and the page says why', async () => {
    const out = join(dir, 'none-own');
    expect(await experimentCli(['sweep', file, '--duration', '2m', '--out', out, '--quiet'])).toBe(0);
    for (const shard of ['1/2', '2/2']) expect(await experimentCli(['sweep', file, '--duration', '3m', '--shard', shard, '--no-runs', '--out', out, '--quiet'])).toBe(0);
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(0);
    const c = loadComparison(out);
    expect(c.runs.size).toBe(0);
    expect(c.otherSweepsRuns).toEqual(LABELS);
    const html = buildComparisonHtml(out);
    expect(html).not.toContain('Time series by point');
    expect(html).toContain('No runs/&lt;point label&gt;/ results folders of this sweep here');
    expect(html).toContain('The runs/ folders of 2 of 2 points (targetValue=40; targetValue=70) are of another sweep');
  });

  it('runs without a sweep-plan.txt (an ecsim from before it) are left out under a sweep.csv that has one; with none beside sweep.csv nothing is checked', async () => {
    const out = join(dir, 'older');
    await sweepToFolder(a, { outDir: out, jobs: 1 });
    const marker = join(out, 'runs', LABELS[0], 'sweep-plan.txt');
    expect(loadComparison(out).otherSweepsRuns).toEqual([]);
    // one that is not a sweep-plan.txt: one line naming it (the CLI: exit 2)
    writeFileSync(marker, 'x');
    expect(() => loadComparison(out)).toThrow(ResultsFileError);
    expect(() => loadComparison(out)).toThrow(`${marker}: expected one line "ecsim sweep plan <16 hex digits> runs <16 hex digits>" or "ecsim sweep runs <16 hex digits>"`);
    // a run folder without one, as an older ecsim wrote it
    rmSync(marker);
    expect(loadComparison(out).otherSweepsRuns).toEqual([LABELS[0]]);
    // a sweep.csv without one (written before ecsim recorded it): every run is drawn, as before
    rmSync(join(out, 'sweep-plan.txt'));
    const c = loadComparison(out);
    expect(c.otherSweepsRuns).toEqual([]);
    expect([...c.runs.keys()]).toEqual(LABELS);
    expect(buildComparisonHtml(out)).toContain('2 of 2 points have a runs/ folder.');
  });
});

describe("the runs' digest: replication 0 of each point is the same run when only the replications, variants or expect list differ", () => {
  const dir = tempDir();
  const file = writeScenario(dir, SWEEP, 'runs.yaml');
  const withExtras = writeScenario(dir, { ...SWEEP, variants: { other: { duration: '10m' } }, expect: ['cost.total > 0'], replications: 5 }, 'runs-extras.yaml');
  const base = readExperimentFile(file, { durationMs: 120_000 });

  it('ignores replications, variants and expect; not the sweep values, the seed, the duration or the base scenario', () => {
    const same = [readExperimentFile(file, { durationMs: 120_000, replications: 3 }), readExperimentFile(withExtras, { durationMs: 120_000 })];
    for (const exp of same) {
      expect(sweepPlanDigest(exp)).not.toBe(sweepPlanDigest(base));
      expect(sweepRunsDigest(exp)).toBe(sweepRunsDigest(base));
    }
    // --seed as the file's seed: the same runs
    const seeded = writeScenario(dir, { ...SWEEP, seed: 9 }, 'runs-seed.yaml');
    expect(sweepRunsDigest(readExperimentFile(seeded, { durationMs: 120_000 }))).toBe(sweepRunsDigest(readExperimentFile(file, { durationMs: 120_000, seed: 9 })));
    const other = [
      readExperimentFile(file, { durationMs: 180_000 }),
      readExperimentFile(file, { durationMs: 120_000, seed: 9 }),
      readExperimentFile(writeScenario(dir, { ...SWEEP, sweep: { 'services.web.autoScaling.policies.cpu.targetValue': [40, 60] } }, 'runs-values.yaml'), { durationMs: 120_000 }),
      readExperimentFile(writeScenario(dir, { ...SWEEP, start: '2026-03-03T09:00:00Z' }, 'runs-base.yaml'), { durationMs: 120_000 }),
    ];
    for (const exp of other) expect(sweepRunsDigest(exp)).not.toBe(sweepRunsDigest(base));
  });

  it("a sweep run again with more replications in shards without runs: the earlier sweep's runs are drawn as its own", async () => {
    const out = join(dir, 'more-replications');
    expect(await experimentCli(['sweep', file, '--duration', '2m', '--out', out, '--quiet'])).toBe(0);
    for (const shard of ['1/2', '2/2']) expect(await experimentCli(['sweep', file, '--duration', '2m', '--replications', '3', '--shard', shard, '--no-runs', '--out', out, '--quiet'])).toBe(0);
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(0);
    const three = readExperimentFile(file, { durationMs: 120_000, replications: 3 });
    expect(read(join(out, 'sweep-plan.txt'))).toBe(plan(three));
    const c = loadComparison(out);
    expect(c.otherSweepsRuns).toEqual([]);
    expect([...c.runs.keys()]).toEqual(LABELS);
    // the same file run for 3 minutes: another run, left out
    for (const shard of ['1/2', '2/2']) expect(await experimentCli(['sweep', file, '--duration', '3m', '--shard', shard, '--no-runs', '--out', out, '--quiet'])).toBe(0);
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(0);
    expect(loadComparison(out).otherSweepsRuns).toEqual(LABELS);
  });

  it('a run marked before the runs\' digest (the whole plan\'s) is drawn under a table of that plan, and left out under another', async () => {
    const out = join(dir, 'older-mark');
    await sweepToFolder(base, { outDir: out, jobs: 1 });
    writeFileSync(join(out, 'runs', LABELS[0], 'sweep-plan.txt'), `ecsim sweep plan ${sweepPlanDigest(base)}\n`);
    expect(loadComparison(out).otherSweepsRuns).toEqual([]);
    writeFileSync(join(out, 'runs', LABELS[0], 'sweep-plan.txt'), `ecsim sweep plan ${sweepPlanDigest(readExperimentFile(file, { durationMs: 120_000, replications: 3 }))}\n`);
    expect(loadComparison(out).otherSweepsRuns).toEqual([LABELS[0]]);
    // a table marked before the runs' digest (merged from older shard files): runs marked by it are left out, by the plan drawn
    writeFileSync(join(out, 'sweep-plan.txt'), `ecsim sweep plan ${sweepPlanDigest(base)}\n`);
    writeFileSync(join(out, 'runs', LABELS[0], 'sweep-plan.txt'), `ecsim sweep plan ${sweepPlanDigest(base)}\n`);
    expect(loadComparison(out).otherSweepsRuns).toEqual([LABELS[1]]);
  });
});

describe("shard files of another sweep in a sweep's folder", () => {
  const dir = tempDir();
  const file = writeScenario(dir, SWEEP, 'shards.yaml');
  const a = readExperimentFile(file, { durationMs: 120_000 });
  const b = readExperimentFile(file, { durationMs: 180_000 });

  it("a whole sweep removes another plan's shard files (a later merge turned them into that sweep's sweep.csv beside this one's runs/), keeps its own plan's", async () => {
    const out = join(dir, 'whole');
    for (const index of [1, 2]) await sweepToFolder(a, { outDir: out, jobs: 1, shard: { index, count: 2 }, runs: false });
    await sweepToFolder(b, { outDir: out, jobs: 1, shard: { index: 1, count: 3 }, runs: false }); // B's own shard file
    const done = await sweepToFolder(b, { outDir: out, jobs: 1 });
    expect(done.removedShardFiles).toEqual([join(out, 'sweep.shard-1-of-2.csv'), join(out, 'sweep.shard-2-of-2.csv')]);
    expect(readdirSync(out).sort()).toEqual(['comparison.md', 'paired.csv', 'providers.csv', 'replications.csv', 'runs', 'sweep-plan.txt', 'sweep.csv', 'sweep.shard-1-of-3.csv']);
    // merge now finds only B's shard file: missing points, not A's table
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(2);
    expect(read(join(out, 'sweep-plan.txt'))).toBe(plan(b));
    expect(JSON.parse(read(join(out, 'runs', LABELS[0], 'scenario.json'))).duration).toBe(180_000);
  });

  it('the CLI says which shard files it removed, as a warning on stderr (--quiet too)', async () => {
    for (const quiet of [false, true]) {
      const out = join(dir, quiet ? 'said-quiet' : 'said');
      for (const shard of ['1/2', '2/2']) expect(await experimentCli(['sweep', file, '--duration', '2m', '--shard', shard, '--no-runs', '--out', out, '--quiet'])).toBe(0);
      const stdout: string[] = [];
      const stderr: string[] = [];
      const write = process.stdout.write.bind(process.stdout);
      const writeErr = process.stderr.write.bind(process.stderr);
      process.stdout.write = ((s: string) => (stdout.push(String(s)), true)) as typeof process.stdout.write;
      process.stderr.write = ((s: string) => (stderr.push(String(s)), true)) as typeof process.stderr.write;
      try {
        expect(await experimentCli(['sweep', file, '--duration', '3m', '--no-runs', '--out', out, ...(quiet ? ['--quiet'] : [])])).toBe(0);
      } finally {
        process.stdout.write = write;
        process.stderr.write = writeErr;
      }
      expect(stderr.join('')).toContain(`warning: removed 2 shard files of another sweep: ${join(out, 'sweep.shard-1-of-2.csv')}, ${join(out, 'sweep.shard-2-of-2.csv')}\n`);
      expect(stdout.join('')).not.toContain('shard files of another sweep');
      if (quiet) expect(stdout).toEqual([]);
    }
  });

  it('a shard file the sweep cannot read is refused before any run, and nothing is written', async () => {
    const out = join(dir, 'garbage');
    await sweepToFolder(a, { outDir: out, jobs: 1, runs: false });
    const before = read(join(out, 'sweep.csv'));
    writeFileSync(join(out, 'sweep.shard-1-of-2.csv'), 'not,a,shard\n1,2,3\n');
    await expect(sweepToFolder(b, { outDir: out, jobs: 1, runs: false })).rejects.toThrow(
      `cannot write the sweep to "${out}": it holds ${join(out, 'sweep.shard-1-of-2.csv')}, which the sweep would remove as another sweep's shard file, but it is not one ecsim can read`,
    );
    expect(await experimentCli(['sweep', file, '--duration', '3m', '--no-runs', '--out', out, '--quiet'])).toBe(2);
    expect(read(join(out, 'sweep.csv'))).toBe(before);
    expect(read(join(out, 'sweep-plan.txt'))).toBe(plan(a));
  });

  it("merge refuses shard files of another plan than a newer sweep.csv's, and replaces an older one", async () => {
    const shards = join(dir, 'a-shards');
    for (const index of [1, 2]) await sweepToFolder(a, { outDir: shards, jobs: 1, shard: { index, count: 2 }, runs: false });
    const out = join(dir, 'newer');
    await sweepToFolder(b, { outDir: out, jobs: 1, runs: false });
    const sweepB = read(join(out, 'sweep.csv'));
    // A's shard files copied in as they were (an hour older than B's sweep.csv)
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const n of ['sweep.shard-1-of-2.csv', 'sweep.shard-2-of-2.csv']) {
      cpSync(join(shards, n), join(out, n));
      utimesSync(join(out, n), hourAgo, hourAgo);
    }
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(2);
    expect(read(join(out, 'sweep.csv'))).toBe(sweepB);
    expect(read(join(out, 'sweep-plan.txt'))).toBe(plan(b));
    // shard files newer than sweep.csv (the sweep re-run in shards): the merge replaces it, and its plan
    const later = new Date(Date.now() + 3_600_000);
    for (const n of ['sweep.shard-1-of-2.csv', 'sweep.shard-2-of-2.csv']) utimesSync(join(out, n), later, later);
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(0);
    expect(read(join(out, 'sweep-plan.txt'))).toBe(plan(a));
    expect(read(join(out, 'sweep.csv'))).not.toBe(sweepB);
  });

  it("merge into a CSV of another name in a folder of another plan's sweep is refused: its comparison.md and pairing files would describe another table than sweep.csv", async () => {
    const shardsA = join(dir, 'a-shards-other');
    const shardsB = join(dir, 'b-shards-other');
    for (const index of [1, 2]) {
      await sweepToFolder(a, { outDir: shardsA, jobs: 1, shard: { index, count: 2 }, runs: false });
      await sweepToFolder(b, { outDir: shardsB, jobs: 1, shard: { index, count: 2 }, runs: false });
    }
    const out = join(dir, 'other-name');
    await sweepToFolder(b, { outDir: out, jobs: 1, runs: false });
    const names = readdirSync(out).sort();
    const before = names.map((n) => read(join(out, n)));
    const stderr: string[] = [];
    const writeErr = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((t: string) => (stderr.push(String(t)), true)) as typeof process.stderr.write;
    try {
      expect(await experimentCli(['merge', shardsA, '--out', join(out, 'other.csv'), '--quiet'])).toBe(2);
    } finally {
      process.stderr.write = writeErr;
    }
    expect(stderr.join('')).toBe(
      `ecsim: --out: ${out} holds a sweep of another plan than the shard files (its sweep-plan.txt names plan ${sweepPlanDigest(b)}, the shard files plan ${sweepPlanDigest(a)}): ` +
        `merge writes comparison.md, replications.csv and paired.csv beside other.csv, which would then describe another table than that sweep's sweep.csv; give --out in another folder\n`,
    );
    expect(readdirSync(out).sort()).toEqual(names);
    expect(names.map((n) => read(join(out, n)))).toEqual(before);
    // the shard files of the folder's own plan: the same table, merged beside it
    expect(await experimentCli(['merge', shardsB, '--out', join(out, 'other.csv'), '--quiet'])).toBe(0);
    expect(read(join(out, 'other.csv'))).toBe(read(join(out, 'sweep.csv')));
    expect(read(join(out, 'paired.csv'))).toBe(before[names.indexOf('paired.csv')]);
  });

  it('merge of shard files without a plan (an older ecsim) removes an earlier sweep-plan.txt, which would name another table', async () => {
    const out = join(dir, 'unplanned');
    await sweepToFolder(b, { outDir: out, jobs: 1, runs: false });
    expect(existsSync(join(out, 'sweep-plan.txt'))).toBe(true);
    for (const index of [1, 2]) {
      await sweepToFolder(a, { outDir: out, jobs: 1, shard: { index, count: 2 }, runs: false });
      // as written before shard files had the plan column (the 6th)
      const path = join(out, `sweep.shard-${index}-of-2.csv`);
      writeFileSync(path, read(path).split('\n').map((l) => l.split(',').filter((_, i) => i !== 5).join(',')).join('\n'));
    }
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(0);
    expect(existsSync(join(out, 'sweep-plan.txt'))).toBe(false);
  });
});
