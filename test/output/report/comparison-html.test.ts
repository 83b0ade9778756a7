import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../../../src/scenario/index.js';
import { runToFolder } from '../../../src/output/run-to-folder.js';
import { buildComparisonHtml } from '../../../src/output/report/index.js';
import { charts, seriesPaths, tempDir, writeFakeRun } from './fixtures.js';

const HEADER =
  'variant,cost_mean,cost_ci95,sloViolationMinutes_mean,sloViolationMinutes_ci95,latencyP95Ms_mean,latencyP95Ms_ci95,cpuMean_mean,cpuMean_ci95,taskHours_mean,taskHours_ci95,scalingActivities_mean,scalingActivities_ci95,droppedRequests_mean,droppedRequests_ci95,pareto';

let compareDir: string;

beforeAll(() => {
  // A fake `ecsim compare` folder: hand-written comparison.csv / paired.csv, and two real
  // quickstart runs (seeds 1 and 2) as runs/<variant>/.
  compareDir = tempDir('compare');
  writeFileSync(
    join(compareDir, 'comparison.csv'),
    [
      HEADER,
      'tt-60,0.288,0,15.2,1.36,2068,0,56.3,2.1,6.42,0.45,2.8,0.56,90925,9737,false',
      'tt-45,0.35,0.02,9.2,1.84,1338,797.9,43.9,1.99,8.69,0.41,2.8,1.62,38563,7657,true',
      'cheap,0.25,0.01,20,3,2500,100,70,2,5,0.3,2,0.5,120000,8000,true',
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(compareDir, 'paired.csv'),
    'variant,baseline,cost_diff_mean,cost_diff_ci95,sloViolationMinutes_diff_mean,sloViolationMinutes_diff_ci95,latencyP95Ms_diff_mean,latencyP95Ms_diff_ci95,cpuMean_diff_mean,cpuMean_diff_ci95,taskHours_diff_mean,taskHours_diff_ci95,scalingActivities_diff_mean,scalingActivities_diff_ci95,droppedRequests_diff_mean,droppedRequests_diff_ci95\n' +
      'tt-45,tt-60,0.062,0.01,-6,2.32,-730,797.9,-12.4,3.49,2.27,0.64,0,1.76,-52361,12091\n',
  );
  mkdirSync(join(compareDir, 'runs'));
  const scenario = loadScenarioFile('scenarios/quickstart.yaml');
  runToFolder(scenario, { outDir: join(compareDir, 'runs', 'tt-60'), seed: 1 });
  runToFolder(scenario, { outDir: join(compareDir, 'runs', 'tt-45'), seed: 2 });
});

describe('comparison page of a compare folder', () => {
  // figures rounded as comparison.md's: the half-width to 2 significant digits (1.36 -> 1.4,
  // 797.9 -> 800), the mean to the same place (15.2, 1338 -> 1,340)
  it('shows the table with mean ± 95 % CI half-width and the Pareto mark', () => {
    const html = buildComparisonHtml(compareDir);
    expect(html.includes('<td class="num">15.2 ± 1.4</td>')).toBe(true);
    expect(html.includes('<td class="num">1,340 ± 800</td>')).toBe(true);
    // a half-width of 0 written, as comparison.md does (tt-60: the cost and the p95 latency the same in every replication)
    expect(html).toContain('<td class="num">0.288 ± 0</td>');
    expect(html).toContain('<td class="num">2,068 ± 0</td>');
    // Pareto column: "yes" on tt-45 and cheap only.
    expect((html.match(/<td>yes<\/td>/g) ?? []).length).toBe(2);
    expect(html.includes('Paired differences against the first variant')).toBe(true);
    // no claim the numbers beside it may contradict (a paired interval can be wider than both variants')
    expect(html).not.toMatch(/much tighter|lie on top of each other/);
    expect(html).toContain('compare the ± columns');
  });

  it('draws the cost-vs-SLO scatter: a point per variant, the Pareto ones highlighted, error bars where ci95 > 0', () => {
    const html = buildComparisonHtml(compareDir);
    const scatter = charts(html).find((s) => s.includes('Cost vs SLO'))!;
    expect((scatter.match(/<circle /g) ?? []).length).toBe(3);
    expect((scatter.match(/r="7"/g) ?? []).length).toBe(2);
    // tt-60 has a cost ci95 of 0: only its SLO bar; the others have both.
    expect((scatter.match(/class="errorbar"/g) ?? []).length).toBe(3);
    // the tooltip gives the means as the table does, not at the axis ticks' precision; no "± 0"
    expect(scatter).toContain('<title>tt-60: 0.288, 15.2 ± 1.4</title>');
  });

  it('overlays the time series of each run (request rate, running tasks, CPU, p95 latency per service, and cost), a line per variant', () => {
    const html = buildComparisonHtml(compareDir);
    const overlays = charts(html).filter((s) => s.includes('by variant'));
    expect(overlays.length).toBe(5);
    for (const svg of overlays) {
      expect(seriesPaths(svg).length).toBe(2);
      expect(svg.includes('>tt-60<') && svg.includes('>tt-45<')).toBe(true);
    }
  });

  it('reads a sweep folder: parameter columns first, a label per point', () => {
    const dir = tempDir('sweep');
    writeFileSync(
      join(dir, 'sweep.csv'),
      [
        HEADER.replace('variant', 'services.web.autoScaling.policies.cpu.targetValue'),
        '40,0.3,0.01,5,1,900,50,40,1,9,0.5,3,1,1000,100,true',
        '60,0.28,0.01,15,2,2000,60,56,1,6,0.4,3,1,90000,900,true',
      ].join('\n') + '\n',
    );
    writeFakeRun(join(dir, 'runs', 'targetValue=40'), { services: ['web'], providers: ['asg'], periods: 30 });
    // Not a point of this sweep (left over from another one): not overlaid.
    writeFakeRun(join(dir, 'runs', 'p0'), { services: ['web'], providers: ['asg'], periods: 30 });
    const html = buildComparisonHtml(dir);
    expect(html.includes('Sweep:')).toBe(true);
    // the point label's short name, the full path as the tooltip; the table scrolls sideways when wide
    expect(html).toContain('<th title="services.web.autoScaling.policies.cpu.targetValue">targetValue</th>');
    expect(html).toMatch(/<div class="table-wrap"><table><thead><tr><th title="services/);
    expect(html).toMatch(/\.table-wrap \{ overflow-x: auto;/);
    expect(html.includes('Time series by point (replication 0)')).toBe(true);
    const overlays = charts(html).filter((s) => s.includes('by point'));
    expect(overlays.length).toBe(5);
    for (const svg of overlays) {
      expect(seriesPaths(svg).length).toBe(1);
      expect(svg.includes('>targetValue=40<')).toBe(true);
      expect(svg.includes('>p0<')).toBe(false);
    }
    // The scatter names the points by the same labels, and speaks of points.
    const scatter = charts(html).find((s) => s.includes('Cost vs SLO'))!;
    expect(scatter.includes('targetValue=60')).toBe(true);
    expect(scatter).toContain('Pareto front (no other point is at least as good on both cost and SLO violation and better on one)');
    expect(scatter).toContain('>other points<');
    expect(html).toContain('It is decided on the unrounded means (sweep.csv&#39;s cost_mean');
    expect(html).toContain('differ mostly by what the points set');
  });
});

describe('comparison page: replication counts and significance, as comparison.md', () => {
  const COUNTS = ['cost', 'sloViolationMinutes', 'latencyP95Ms', 'cpuMean', 'taskHours', 'scalingActivities', 'droppedRequests'];

  it('marks (k of n) where a figure is over fewer replications, – where none has one, * on significant paired differences only, with the notes', () => {
    // 8 replications: p95 latency in 7 of one variant's runs, mean CPU in none of them.
    const dir = tempDir('compare-counts');
    writeFileSync(
      join(dir, 'comparison.csv'),
      [
        `${HEADER},${COUNTS.map((m) => `${m}_n`).join(',')}`,
        'base,0.3,0.01,10,1,1300,3,50,2,6,0.4,4,0,100,10,true,8,8,8,8,8,8,8',
        'lean,0.36,0.01,4,1,1318,3.49,,,8,0.4,2,0,90,10,true,8,8,7,0,8,8,8',
      ].join('\n') + '\n',
    );
    writeFileSync(
      join(dir, 'paired.csv'),
      'variant,baseline,' +
        COUNTS.map((m) => `${m}_diff_mean,${m}_diff_ci95`).join(',') +
        ',' +
        COUNTS.map((m) => `${m}_diff_n`).join(',') +
        '\n' +
        // cost: |0.06| > 0.01 -> *; SLO: |-6| < 7 -> none; latency: |18| > 5, over 7 pairs -> (7 of 8) *;
        // CPU: no pair -> –; task-hours: +2 ± 0 (the same in every replication) -> no *;
        // scaling activities -2 ± 0 -> no *; dropped: |-10| > 9.5 -> *
        'lean,base,0.06,0.01,-6,7,18,5,,,2,0,-2,0,-10,9.5,8,8,7,0,8,8,8\n',
    );
    const html = buildComparisonHtml(dir);
    expect(html).toContain('<td class="num">1,318.0 ± 3.5 (7 of 8)</td>');
    expect(html).toContain('<td class="num">1,300.0 ± 3.0</td>');
    // no value in any replication: – without a count
    expect(html).toMatch(/<td class="num">–<\/td>/);
    expect(html).not.toContain('(0 of 8)');
    const paired = html.slice(html.indexOf('Paired differences'));
    const cells = [...paired.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    // as comparison.md's cells (signedPlusMinusText): signed with + and − (U+2212), the half-width to 2 significant
    // digits and the difference to its place (0.01 -> 0.060 ± 0.010; 7 -> −6.0 ± 7.0), a half-width of 0 written (+2 ± 0)
    expect(cells).toEqual(['+0.060 ± 0.010 *', '−6.0 ± 7.0', '+18.0 ± 5.0 (7 of 8) *', '–', '+2 ± 0', '−2 ± 0', '−10.0 ± 9.5 *', '–', '–']); // p99 latency and Spot interruptions: no column in this older file
    expect(html).toContain('(k of 8): only k of the 8 replications have a value for that figure');
    expect(html).toContain('Differences marked * are significant at the 95 % level');
    expect(html).toContain('A difference that is the same in every replication has an interval of width 0 and is not marked');
  });

  it('a sweep of one replication: each figure alone, to 4 significant digits as comparison.md (human()), thousands separated', () => {
    const dir = tempDir('sweep-one');
    writeFileSync(
      join(dir, 'sweep.csv'),
      [
        HEADER.replace('variant', 'services.web.autoScaling.policies.cpu.targetValue'),
        '40,0.0702,,29,,307,,73.4551,,5.6626,,1,,88650,,true',
        '60,0.05,,30,,1161.97,,80,,4,,2,,90000,,true',
      ].join('\n') + '\n',
    );
    const html = buildComparisonHtml(dir);
    const table = html.slice(html.indexOf('<h2>Points</h2>'));
    const row = [...table.slice(0, table.indexOf('</tr>', table.indexOf('<tbody>'))).matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    // 73.4551 -> 73.46 and 5.6626 -> 5.663 (4 significant digits), 307 not 307.0, 0.0702 not 0.07020
    expect(row).toEqual(['0.0702', '29', '307', '73.46', '5.663', '1', '88,650', '–', '–']); // a file without the later columns: –
    expect(table).toContain('<td class="num">1,162</td>');
  });

  it('a folder written before the counts (no M_n columns) has no marks and no notes', () => {
    const html = buildComparisonHtml(compareDir);
    expect(html).not.toMatch(/ of \d+\)|\*<\/td>|\(k of/);
    expect(html).not.toContain('Differences marked *');
  });

  it('marks a sweep point\'s figure over fewer replications, with the note for points', () => {
    const dir = tempDir('sweep-counts');
    writeFileSync(
      join(dir, 'sweep.csv'),
      [
        `${HEADER.replace('variant', 'services.web.autoScaling.policies.cpu.targetValue')},${COUNTS.map((m) => `${m}_n`).join(',')}`,
        '40,0.3,0.01,5,1,900,50,40,1,9,0.5,3,1,1000,100,true,5,5,5,5,5,5,5',
        '60,0.28,0.01,15,2,2000,60,56,1,6,0.4,3,1,90000,900,true,5,5,3,5,5,5,5',
      ].join('\n') + '\n',
    );
    const html = buildComparisonHtml(dir);
    expect(html).toContain('<td class="num">2,000 ± 60 (3 of 5)</td>');
    expect(html).toContain('<td class="num">900 ± 50</td>');
    expect(html).toContain('(k of 5): only k of the 5 replications have a value for that figure; the others are left out of its mean and interval, and – means none has.');
    // no paired.csv (an older sweep's folder): no paired table; the page says its intervals are per point, and how to get paired ones
    expect(html).toContain('is its own interval, not paired');
    expect(html).toContain('This folder has no paired.csv');
    expect(html).not.toContain('Paired differences');
    expect(buildComparisonHtml(compareDir)).not.toContain('not paired');
  });
});

describe('comparison page: overlays of many runs', () => {
  it('after 10 lines the colours repeat with another dash pattern, drawn in the legend too: no two of 24 lines alike', () => {
    const dir = tempDir('many-runs');
    const names = Array.from({ length: 24 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    writeFileSync(join(dir, 'comparison.csv'), [HEADER, ...names.map((n) => `${n},0.3,0.01,5,1,900,50,40,1,9,0.5,3,1,1000,100,true`)].join('\n') + '\n');
    for (const n of names) writeFakeRun(join(dir, 'runs', n), { services: ['web'], providers: ['asg'], periods: 5 });
    const html = buildComparisonHtml(dir);
    const overlay = charts(html).find((s) => s.includes('Total cost to date'))!;
    const lines = [...overlay.matchAll(/<path class="series" d="[^"]*" fill="none" stroke="([^"]*)"[^>]*?(?: stroke-dasharray="([^"]*)")?><title>([^<]*)</g)].map((m) => ({ style: `${m[1]}|${m[2] ?? ''}`, name: m[3] }));
    expect(lines.map((l) => l.name)).toEqual(names);
    expect(new Set(lines.map((l) => l.style)).size).toBe(24);
    // v00 and v10 share the colour: v00 solid, v10 dashed
    expect(lines[10].style.split('|')[0]).toBe(lines[0].style.split('|')[0]);
    expect(lines[0].style.split('|')[1]).toBe('');
    expect(lines[10].style.split('|')[1]).not.toBe('');
    const swatches = [...overlay.matchAll(/<g class="legend-item"><line [^>]*stroke="([^"]*)" stroke-width="2.5"(?: stroke-dasharray="([^"]*)")?\/><text[^>]*>([^<]*)</g)].map((m) => ({ style: `${m[1]}|${m[2] ?? ''}`, name: m[3] }));
    expect(swatches).toEqual(lines);
  });
});

describe('comparison page: how figures combine services', () => {
  it('says under the table how each figure combines services, and titles the overlay latency chart per period', () => {
    const html = buildComparisonHtml(compareDir);
    const table = html.indexOf('<h2>Variants</h2>');
    const note = html.indexOf("How a run&#39;s services are combined: p95 (p99) latency is the p95 (p99) over all the requests a service served in the run");
    expect(note).toBeGreaterThan(table);
    expect(note).toBeLessThan(html.indexOf('Paired differences'));
    const latency = charts(html).filter((s) => s.includes('latency'));
    expect(latency.some((s) => s.includes('web — per-minute p95 latency by variant'))).toBe(true);
    expect(html).not.toContain('— p95 latency by variant');
  });

  it('states the Pareto rule the front is computed by, the limits of common random numbers, and that coinciding lines hide earlier ones', () => {
    const html = buildComparisonHtml(compareDir);
    const scatter = charts(html).find((s) => s.includes('Cost vs SLO'))!;
    // pareto.ts: no other is at least as good on both and strictly better on one
    expect(scatter).toContain('Pareto front (no other variant is at least as good on both cost and SLO violation and better on one)');
    // the table's figures are rounded, the front is not: comparison.md's note, under the table
    const pareto = html.indexOf('It is decided on the unrounded means (comparison.csv&#39;s cost_mean and sloViolationMinutes_mean): rounded as in the table, a variant on the front can look beaten by one off it.');
    expect(pareto).toBeGreaterThan(html.indexOf('<h2>Variants</h2>'));
    expect(pareto).toBeLessThan(html.indexOf('Paired differences'));
    expect(scatter).toContain('>other variants<');
    expect(html).not.toContain('cheaper AND');
    // experiments.md "What pairing cannot keep": per-service streams are drawn in event order
    expect(html).not.toContain('not by different random draws');
    expect(html).toContain('differ mostly by what the variants set');
    expect(html).toContain('shifts that stream&#39;s later draws');
    expect(html).toContain('Where lines coincide only the last drawn shows.');
  });
});

describe('comparison page: per capacity provider (providers.csv), as comparison.md', () => {
  const PROVIDERS_HEADER = 'variant,capacityProvider,cost_mean,cost_ci95,maxInstances_mean,maxInstances_ci95,maxTasks_mean,maxTasks_ci95,cost_n,maxInstances_n,maxTasks_n';
  const counts = ['cost', 'sloViolationMinutes', 'latencyP95Ms', 'cpuMean', 'taskHours', 'scalingActivities', 'droppedRequests'].map((m) => `${m}_n`).join(',');
  const folder = (providers: string[]) => {
    const dir = tempDir('compare-providers');
    writeFileSync(
      join(dir, 'comparison.csv'),
      [`${HEADER},${counts}`, 'a,0.3,0.01,10,1,1300,3,50,2,6,0.4,4,0,100,10,true,2,2,2,2,2,2,2', 'b,0.36,0.01,4,1,1318,3.49,50,2,8,0.4,2,0,90,10,true,2,2,2,2,2,2,2'].join('\n') + '\n',
    );
    writeFileSync(join(dir, 'providers.csv'), providers.join('\n') + '\n');
    return dir;
  };
  const section = (html: string) => {
    const at = html.indexOf('<h3>Per capacity provider</h3>');
    return at < 0 ? null : html.slice(at, html.indexOf('</table>', at));
  };
  const rows = (part: string) => part.split('<tr>').slice(2).map((r) => [...r.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]));

  it('a row per variant and provider: cost and the peak of its kind as mean ± half-width (rounded as comparison.md), each beside the largest; an unused provider 0; the note on the overshoot', () => {
    // the figures of test/experiment/metrics.test.ts: ec2 cost 0.144 ± 0.609898 -> 0.14 ± 0.61, peak 1.5 ± 6.353102 -> 1.5 ± 6.4, largest 2
    const html = buildComparisonHtml(
      folder([
        `${PROVIDERS_HEADER},maxInstances_max,maxTasks_max`,
        'a,ec2,0.144,0.609898,1.5,6.353102,,,2,2,0,2,',
        'a,FARGATE,0,0,,,0,0,2,0,2,,0',
        'b,FARGATE,0.05,0,,,3,12.706205,2,0,2,,4',
      ]),
    );
    const part = section(html)!;
    expect(part).toContain('<th>variant</th><th>capacity provider</th><th class="num">cost (USD)</th>');
    expect(rows(part)).toEqual([
      ['a', 'ec2', '0.14 ± 0.61', '1.5 ± 6.4', '2', '', ''],
      ['a', 'FARGATE', '0 ± 0', '', '', '0 ± 0', '0'],
      ['b', 'FARGATE', '0.05 ± 0', '', '', '3 ± 13', '4'],
    ]);
    expect(html).toContain('A peak includes the brief overshoot while tasks wait for instances');
    expect(html).toContain('&quot;How many instances at peak&quot; in the capacity planners&#39; guide');
  });

  it('a providers.csv written before the largest-peak columns: those cells empty; a folder without providers.csv: no table, one line saying the figures were not recorded', () => {
    const html = buildComparisonHtml(folder([PROVIDERS_HEADER, 'a,ec2,0.1,0,1,0,,,2,2,0']));
    expect(rows(section(html)!)).toEqual([['a', 'ec2', '0.1 ± 0', '1 ± 0', '', '', '']]);
    expect(html).not.toContain('Not recorded: this folder has no providers.csv');
    const old = buildComparisonHtml(compareDir);
    expect(old).toContain(
      '<h3>Per capacity provider</h3>\n<p class="muted">Not recorded: this folder has no providers.csv, so no variant has figures per capacity provider (the compare was run by an ecsim that did not write the file, before 2026-11-27). Run the compare again for them.</p>',
    );
    expect(old).not.toContain('<th>capacity provider</th>');
  });
});
