import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareToFolder, readExperimentFile, summarizeComparison, comparisonCsv, pairedCsv, METRICS } from '../../src/experiment/index.js';
import { ScenarioError } from '../../src/scenario/index.js';
import { tempDir, writeScenario } from './helpers/scenario.js';
import { experimentCli } from './helpers/cli.js';

const policyVariants = {
  'tt-60': {},
  'tt-40': { services: { web: { autoScaling: { policies: { cpu: { targetValue: 40 } } } } } },
};

function column(csv: string, name: string): string[] {
  const [header, ...rows] = csv.trim().split('\n').map((l) => l.split(','));
  const i = header.indexOf(name);
  return rows.map((r) => r[i]);
}

describe('compare', () => {
  it('common random numbers: two variants differing only in a scaling policy see the same request-rate trace', async () => {
    const dir = tempDir();
    const exp = readExperimentFile(writeScenario(dir, { variants: policyVariants, replications: 2 }));
    const out = join(dir, 'out');
    const c = await compareToFolder(exp, { outDir: out, jobs: 1 });
    const a = readFileSync(join(out, 'runs/tt-60/timeseries.csv'), 'utf8');
    const b = readFileSync(join(out, 'runs/tt-40/timeseries.csv'), 'utf8');
    const rateA = column(a, 'request_rate');
    expect(rateA.length).toBeGreaterThan(5);
    expect(new Set(rateA).size).toBeGreaterThan(3); // the noise is really there
    expect(column(b, 'request_rate')).toEqual(rateA);
    // ... while the policies do act differently.
    expect(column(b, 'desired_count')).not.toEqual(column(a, 'desired_count'));
    expect(c.seeds).toEqual([1, 2]);
  });

  it('writes the comparison folder with the documented files and columns', async () => {
    const dir = tempDir();
    const exp = readExperimentFile(writeScenario(dir, { variants: policyVariants, replications: 2 }), { seed: 5 });
    const out = join(dir, 'cmp');
    await compareToFolder(exp, { outDir: out, jobs: 1 });
    for (const f of ['comparison.csv', 'paired.csv', 'replications.csv', 'providers.csv', 'comparison.md', 'runs/tt-60/summary.json', 'runs/tt-40/events.csv']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const comparison = readFileSync(join(out, 'comparison.csv'), 'utf8').split('\n');
    expect(comparison[0]).toBe(
      'variant,cost_mean,cost_ci95,sloViolationMinutes_mean,sloViolationMinutes_ci95,latencyP95Ms_mean,latencyP95Ms_ci95,' +
        'cpuMean_mean,cpuMean_ci95,taskHours_mean,taskHours_ci95,scalingActivities_mean,scalingActivities_ci95,' +
        'droppedRequests_mean,droppedRequests_ci95,latencyP99Ms_mean,latencyP99Ms_ci95,spotInterruptions_mean,spotInterruptions_ci95,pareto,' +
        'cost_n,sloViolationMinutes_n,latencyP95Ms_n,cpuMean_n,taskHours_n,scalingActivities_n,droppedRequests_n,latencyP99Ms_n,spotInterruptions_n',
    );
    expect(comparison[1].startsWith('tt-60,')).toBe(true);
    expect(readFileSync(join(out, 'replications.csv'), 'utf8').split('\n').slice(1, 5).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      'tt-60,0,5',
      'tt-60,1,6',
      'tt-40,0,5',
      'tt-40,1,6',
    ]);
    expect(readFileSync(join(out, 'paired.csv'), 'utf8')).toMatch(/^variant,baseline,cost_diff_mean,cost_diff_ci95,/);
    expect(readFileSync(join(out, 'comparison.md'), 'utf8')).toContain('## Paired differences against tt-60');
    // Replication 0's summary is the run of seed 5.
    expect(JSON.parse(readFileSync(join(out, 'runs/tt-40/summary.json'), 'utf8')).seed).toBe(5);
    // providers.csv: a row per variant and capacity provider of its runs (summary.json's), n = the 2 replications
    const providers = readFileSync(join(out, 'providers.csv'), 'utf8').trim().split('\n');
    expect(providers[0]).toBe('variant,capacityProvider,cost_mean,cost_ci95,maxInstances_mean,maxInstances_ci95,maxTasks_mean,maxTasks_ci95,cost_n,maxInstances_n,maxTasks_n,maxInstances_max,maxTasks_max');
    const summary = JSON.parse(readFileSync(join(out, 'runs/tt-60/summary.json'), 'utf8'));
    const names = Object.keys(summary.cost.byProvider);
    expect(providers.slice(1).filter((l) => l.startsWith('tt-60,')).map((l) => l.split(',')[1])).toEqual(names);
    for (const l of providers.slice(1)) expect(l.split(',')[8]).toBe('2');
  });

  it('summarizes by hand-checkable numbers: means, CIs, paired differences and the Pareto mark', () => {
    const row = (cost: number, slo: number) => [cost, slo, 100, 50, 1, 2, 0, 150, 0];
    // A: cost 10, 12, 14, 16 (mean 13, half-width 4.1085); B: A + 1, 2, 1, 2 (paired mean 1.5, half-width 0.9187)
    // SLO: A 5 each, B 1 each -> B is on the front (fewer SLO minutes), A too (cheaper).
    const c = summarizeComparison('s', ['A', 'B'], [1, 2, 3, 4], [
      [row(10, 5), row(12, 5), row(14, 5), row(16, 5)],
      [row(11, 1), row(14, 1), row(15, 1), row(18, 1)],
    ]);
    const cost = METRICS.indexOf('cost');
    expect(c.variants[0].stats[cost].mean).toBe(13);
    expect(c.variants[0].stats[cost].ci95).toBeCloseTo(4.1085, 4);
    expect(c.variants[1].paired![cost].mean).toBe(1.5);
    expect(c.variants[1].paired![cost].ci95).toBeCloseTo(0.9187, 4);
    expect(c.variants.map((v) => v.pareto)).toEqual([true, true]);
    expect(comparisonCsv(c).split('\n')[1]).toBe('A,13,4.108521,5,0,100,0,50,0,1,0,2,0,0,0,150,0,0,0,true,4,4,4,4,4,4,4,4,4') // 3.182446 x 2.581989 / 2, to 6 decimals; then 4 values of each metric
    expect(pairedCsv(c).split('\n')[1]).toBe('B,A,1.5,0.918693,-4,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4,4,4,4,4,4,4,4,4') // 3.182446 x 0.57735 / 2;
  });

  it('reports a bad variant with the line of its patch, prefixed with its name', async () => {
    const dir = tempDir();
    const bad = { ok: {}, broken: { services: { web: { autoScaling: { policies: { cpu: { targetValue: 'high' } } } } } } };
    const exp = readExperimentFile(writeScenario(dir, { variants: bad }));
    const run = compareToFolder(exp, { outDir: join(dir, 'never'), jobs: 1 });
    await expect(run).rejects.toBeInstanceOf(ScenarioError);
    await expect(run).rejects.toThrow(/exp\.yaml:\d+: variant "broken": services\.web\.autoScaling\.policies\.cpu\.targetValue: expected a number, found "high"/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('a variant may patch any key, duration included, when every variant runs that duration; --duration (durationMs) would override them all', async () => {
    const dir = tempDir();
    const exp = readExperimentFile(writeScenario(dir, { variants: { a: { duration: '2m' }, b: { duration: '120s' } } }));
    const out = join(dir, 'dur');
    await compareToFolder(exp, { outDir: out, jobs: 1 });
    expect(JSON.parse(readFileSync(join(out, 'runs/a/summary.json'), 'utf8')).durationSeconds).toBe(120);
    expect(JSON.parse(readFileSync(join(out, 'runs/b/summary.json'), 'utf8')).durationSeconds).toBe(120);
  });

  it('variants of different durations are refused before any run (run totals of 2 and 10 minutes are not comparable), and nothing is written', async () => {
    const dir = tempDir();
    const exp = readExperimentFile(writeScenario(dir, { variants: { long: {}, short: { duration: '2m' }, same: { duration: '600s' } } }));
    const run = compareToFolder(exp, { outDir: join(dir, 'never'), jobs: 1 });
    await expect(run).rejects.toBeInstanceOf(ScenarioError);
    const e = (await run.catch((x: unknown) => x)) as ScenarioError;
    // `same` (600s = the base's 10m) is not refused: only `short`
    expect(e.issues.map((i) => i.path)).toEqual(['variants.short.duration']);
    expect(e.message).toMatch(/variants\.short\.duration: expected every variant to run the same duration .*found 2m against 10m for variant "long", the first/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('CLI: bad flags exit 2, a scenario without variants exits 2', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, {});
    expect(await experimentCli(['compare', file, '--jobs', '0'])).toBe(2);
    expect(await experimentCli(['compare', file, '--replications', '0'])).toBe(2);
    expect(await experimentCli(['compare', file, '--quiet', '--out', join(dir, 'o')])).toBe(2);
  });

  it('a run without a value (image pulls of minutes in a 6-minute run: no request served) is counted and marked, not silently dropped', async () => {
    // compare-quickstart with 1 task, 4-minute image pulls, 6 minutes: some replications serve nothing
    const text = readFileSync('scenarios/compare-quickstart.yaml', 'utf8')
      .replace('duration: 2h', 'duration: 6m')
      .replace('imagePull: { distribution: lognormal, median: 12s, p95: 30s }', 'imagePull: { distribution: lognormal, median: 4m, p95: 12m }')
      .replace('desiredCount: 3', 'desiredCount: 1')
      .replace('minCapacity: 3', 'minCapacity: 1')
      .replace(/\nvariants:[\s\S]*$/, '\nvariants:\n  base: {}\n  fastpull:\n    taskDefinitions: { web: { startup: { imagePull: { distribution: lognormal, median: 1m, p95: 3m } } } }\nreplications: 8\n');
    const dir = tempDir();
    const file = join(dir, 'slow.yaml');
    writeFileSync(file, text);
    const out = join(dir, 'slow');
    await compareToFolder(readExperimentFile(file), { outDir: out, jobs: 1 });
    const replications = readFileSync(join(out, 'replications.csv'), 'utf8');
    const comparison = readFileSync(join(out, 'comparison.csv'), 'utf8');
    const md = readFileSync(join(out, 'comparison.md'), 'utf8');
    const variants = column(replications, 'variant');
    const latency = column(replications, 'latencyP95Ms');
    const counts = ['base', 'fastpull'].map((v) => latency.filter((x, k) => variants[k] === v && x !== '').length);
    expect(counts.some((n) => n < 8)).toBe(true); // the case this test is about happens
    expect(column(comparison, 'latencyP95Ms_n')).toEqual(counts.map(String));
    for (const [i, v] of ['base', 'fastpull'].entries()) {
      const cell = md.split('\n').find((l) => l.startsWith(`| ${v} |`))!.split(' | ')[3];
      if (counts[i] < 8 && counts[i] > 0) expect(cell).toMatch(new RegExp(`\\(${counts[i]} of 8\\)$`));
      else expect(cell).not.toContain(' of 8)');
    }
    expect(md).toContain('A run has no p95 latency when no request was served');
  });
});
