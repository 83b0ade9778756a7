import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { legacyPointLabels } from '../../src/experiment/point-label.js';
import { mergeShardFiles, pointLabels, readExperimentFile, shardFiles, sweepCsv, sweepToFolder, SWEEP_RUNS_LIMIT } from '../../src/experiment/index.js';
import { buildComparisonHtml } from '../../src/output/report/index.js';
import { charts, seriesPaths } from '../output/report/fixtures.js';
import { tempDir, writeScenario } from './helpers/scenario.js';
import { experimentCli } from './helpers/cli.js';

// 2 x 2 points: the labels use the shortest unique tail of each path.
const sweep = {
  'services.web.autoScaling.policies.cpu.targetValue': [40, 70],
  'services.web.autoScaling.policies.cpu.scaleInCooldown': ['60s', '300s'],
};
const LABELS = [
  'targetValue=40,scaleInCooldown=60s',
  'targetValue=40,scaleInCooldown=300s',
  'targetValue=70,scaleInCooldown=60s',
  'targetValue=70,scaleInCooldown=300s',
];
const DETERMINISTIC = ['summary.json', 'timeseries.csv', 'capacity.csv', 'events.csv', 'tasks.csv', 'scenario.json'];

function runsOf(dir: string): string[] {
  const runs = join(dir, 'runs');
  return existsSync(runs) ? readdirSync(runs).filter((n) => !n.startsWith('.')).sort() : [];
}

/** The deterministic files of every runs/<label>/ folder (run.json holds wall time). */
function runFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const label of runsOf(dir)) for (const f of DETERMINISTIC) out[`${label}/${f}`] = readFileSync(join(dir, 'runs', label, f), 'utf8');
  return out;
}

describe('sweep runs/<point label>/', () => {
  const dir = tempDir();
  const file = writeScenario(dir, { sweep, replications: 2 });

  it('a 2x2 sweep writes replication 0 of each point as runs/<label>/, the same whatever --jobs; sweep.csv unchanged', async () => {
    const exp = readExperimentFile(file);
    const one = await sweepToFolder(exp, { outDir: join(dir, 'one'), jobs: 1 });
    expect(one.runsDir).toBe(join(dir, 'one', 'runs'));
    expect(runsOf(join(dir, 'one'))).toEqual([...LABELS].sort());
    for (const label of LABELS) for (const f of [...DETERMINISTIC, 'run.json']) expect(existsSync(join(dir, 'one', 'runs', label, f))).toBe(true);
    // Replication 0 runs with the first seed and the point's parameters.
    const s = JSON.parse(readFileSync(join(dir, 'one', 'runs', LABELS[1], 'scenario.json'), 'utf8'));
    expect(s.seed).toBe(exp.seed);
    expect(s.services.web.autoScaling.policies.cpu.targetValue).toBe(40);
    expect(s.services.web.autoScaling.policies.cpu.scaleInCooldown).toBe(300_000);

    const two = await sweepToFolder(exp, { outDir: join(dir, 'two'), jobs: 2 });
    expect(runFiles(join(dir, 'two'))).toEqual(runFiles(join(dir, 'one')));
    const none = await sweepToFolder(exp, { outDir: join(dir, 'none'), jobs: 1, runs: false });
    expect(none.runsDir).toBeUndefined();
    expect(existsSync(join(dir, 'none', 'runs'))).toBe(false);
    // runs/ is not part of sweep.csv
    expect(readFileSync(two.file, 'utf8')).toBe(readFileSync(one.file, 'utf8'));
    expect(readFileSync(none.file, 'utf8')).toBe(readFileSync(one.file, 'utf8'));
  });

  it('the comparison page of the sweep folder overlays the 4 points, each line named by its point label', () => {
    const html = buildComparisonHtml(join(dir, 'one'));
    expect(html.includes('Time series by point (replication 0)')).toBe(true);
    const overlays = charts(html).filter((svg) => svg.includes('by point'));
    expect(overlays.length).toBe(5); // request rate, running tasks, CPU, p95 latency of web; total cost
    for (const svg of overlays) {
      expect(seriesPaths(svg).length).toBe(4);
      for (const label of LABELS) expect(svg.includes(`>${label}<`)).toBe(true);
    }
  });

  it('shards write their own points into the shared runs/; merge still gives the byte-identical sweep.csv', async () => {
    const exp = readExperimentFile(file);
    const expected = readFileSync(join(dir, 'one', 'sweep.csv'), 'utf8');
    const shared = join(dir, 'shards');
    await sweepToFolder(exp, { outDir: shared, jobs: 1, shard: { index: 1, count: 3 } });
    expect(runsOf(shared)).toEqual([LABELS[0], LABELS[3]].sort()); // points 0 and 3
    await sweepToFolder(exp, { outDir: shared, jobs: 2, shard: { index: 2, count: 3 } });
    await sweepToFolder(exp, { outDir: shared, jobs: 1, shard: { index: 3, count: 3 } });
    expect(sweepCsv(mergeShardFiles(shardFiles([shared])))).toBe(expected);
    expect(runFiles(shared)).toEqual(runFiles(join(dir, 'one')));
  });

  it("a whole sweep without runs removes an earlier sweep's runs/ (the report would draw them as its points); a shard leaves the shared runs/ alone", async () => {
    const exp = readExperimentFile(file);
    const out = join(dir, 'rerun');
    await sweepToFolder(exp, { outDir: out, jobs: 1 });
    expect(runsOf(out)).toEqual([...LABELS].sort());
    // a shard without runs: the other shards' runs stay
    await sweepToFolder(exp, { outDir: out, jobs: 1, shard: { index: 1, count: 2 }, runs: false });
    expect(runsOf(out)).toEqual([...LABELS].sort());
    const none = await sweepToFolder(exp, { outDir: out, jobs: 1, runs: false });
    expect(none.runsDir).toBeUndefined();
    expect(readdirSync(out).sort()).toEqual(['comparison.md', 'paired.csv', 'providers.csv', 'replications.csv', 'sweep-plan.txt', 'sweep.csv', 'sweep.shard-1-of-2.csv']); // nothing moved aside left
    expect(buildComparisonHtml(out).includes('Time series by point')).toBe(false);
  });

  it('a whole sweep without runs refuses a runs/ that is not results folders, before any run, and leaves it', async () => {
    const exp = readExperimentFile(file);
    const out = join(dir, 'foreign-runs');
    mkdirSync(join(out, 'runs'), { recursive: true });
    writeFileSync(join(out, 'runs', 'notes.txt'), 'mine\n');
    await expect(sweepToFolder(exp, { outDir: out, jobs: 1, runs: false })).rejects.toThrow(`cannot write runs to "${join(out, 'runs')}": its "notes.txt" is not a results folder`);
    expect(readdirSync(out)).toEqual(['runs']);
    expect(readFileSync(join(out, 'runs', 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it(`more than ${SWEEP_RUNS_LIMIT} points: no runs/ unless --runs; the CLI flag and --no-runs`, async () => {
    const big = writeScenario(dir, { sweep: { 'services.web.autoScaling.policies.cpu.targetValue': Array.from({ length: SWEEP_RUNS_LIMIT + 1 }, (_, i) => 30 + i) } }, 'big.yaml');
    const flags = ['--jobs', '1', '--quiet', '--duration', '1m', '--replications', '1'];
    expect(await experimentCli(['sweep', big, ...flags, '--out', join(dir, 'big-default')])).toBe(0);
    expect(existsSync(join(dir, 'big-default', 'sweep.csv'))).toBe(true);
    expect(existsSync(join(dir, 'big-default', 'runs'))).toBe(false);
    expect(await experimentCli(['sweep', big, ...flags, '--runs', '--shard', '1/5', '--out', join(dir, 'big-runs')])).toBe(0);
    expect(runsOf(join(dir, 'big-runs'))).toEqual(['targetValue=30', 'targetValue=35', 'targetValue=40', 'targetValue=45', 'targetValue=50']);
    expect(await experimentCli(['sweep', file, ...flags, '--no-runs', '--out', join(dir, 'small-no-runs')])).toBe(0);
    expect(existsSync(join(dir, 'small-no-runs', 'runs'))).toBe(false);
    expect(await experimentCli(['sweep', file, ...flags, '--out', join(dir, 'small-default')])).toBe(0);
    expect(runsOf(join(dir, 'small-default'))).toEqual([...LABELS].sort());
  });
});

describe('point labels', () => {
  it('name each path by its shortest unique tail and keep values readable', () => {
    expect(pointLabels(['a.b.targetValue', 'a.b.scaleInCooldown'], [['40', '60s']])).toEqual(['targetValue=40,scaleInCooldown=60s']);
    expect(pointLabels(['services.web.x.targetValue', 'services.api.x.targetValue', 'x.y'], [['1', '2', '3']])).toEqual([
      'web.x.targetValue=1,api.x.targetValue=2,y=3',
    ]);
    // A path that is the tail of another is named in full; the other gets one more segment.
    expect(pointLabels(['a.b', 'x.a.b'], [['1', '2']])).toEqual(['a.b=1,x.a.b=2']);
  });

  it('are filesystem-safe, stable and unique (repeated values, case, length)', () => {
    const labels = pointLabels(['p.routing'], [['{"a":"b/c"}'], ['x y:z'], ['A'], ['a'], ['A'], ['v'.repeat(200)], ['v'.repeat(200)]]);
    expect(labels.slice(0, 5)).toEqual(['routing=%7B%22a%22%3A%22b%2Fc%22%7D', 'routing=x%20y%3Az', 'routing=A', 'routing=a~p3', 'routing=A~p4']);
    expect(labels[5]).toBe(`${`routing=${'v'.repeat(200)}`.slice(0, 100)}~p5`);
    expect(labels[6].endsWith('~p6')).toBe(true);
    for (const l of labels) expect(l).toMatch(/^[A-Za-z0-9._=,%~+-]+$/);
    expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(labels.length);
    expect(pointLabels(['p.routing'], [['{"a":"b/c"}'], ['x y:z'], ['A'], ['a'], ['A'], ['v'.repeat(200)], ['v'.repeat(200)]])).toEqual(labels);
  });

  it('write a list of plain values as its items joined by +, each encoded as a value is; other lists whole, as before', () => {
    expect(pointLabels(['a.instanceTypes', 'a.subnets'], [['["m5.large","m5.xlarge"]', '[1,2]']])).toEqual(['instanceTypes=m5.large+m5.xlarge,subnets=1+2']);
    expect(pointLabels(['p.x'], [['["a b","c/d",true,null,-1.5]']])).toEqual(['x=a%20b+c%2Fd+true+null+-1.5']);
    // a list of lists or objects is not plain: encoded whole (the old way); so is a cell that is not JSON
    expect(pointLabels(['p.x'], [['[[1],2]'], ['[{"a":1}]'], ['[x']])).toEqual(['x=%5B%5B1%5D%2C2%5D', 'x=%5B%7B%22a%22%3A1%7D%5D', 'x=%5Bx']);
    // the empty list has no items
    expect(pointLabels(['p.x'], [['[]']])).toEqual(['x=']);
  });

  it('tell a list from a value with + in it, and detect the values that read alike once written', () => {
    // `+` of a value is encoded (%2B), so only a list writes a bare +; [1,2] and ["1","2"] (and ["a"] and a) write alike: the later gets ~p<point>
    expect(pointLabels(['p.x'], [['[1,2]'], ['["1","2"]'], ['1+2'], ['["a"]'], ['a'], ['A']])).toEqual(['x=1+2', 'x=1+2~p1', 'x=1%2B2', 'x=a', 'x=a~p4', 'x=A~p5']);
  });

  it('legacyPointLabels: the labels of sweeps written before 2026-11-27, a list encoded whole', () => {
    expect(legacyPointLabels(['a.instanceTypes'], [['["m5.large","m5.xlarge"]'], ['"x"']])).toEqual(['instanceTypes=%5B%22m5.large%22%2C%22m5.xlarge%22%5D', 'instanceTypes=%22x%22']);
    expect(legacyPointLabels(['a.b'], [['40']])).toEqual(pointLabels(['a.b'], [['40']]));
  });
});
