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
  it('shows the table with mean ± 95 % CI half-width and the Pareto mark', () => {
    const html = buildComparisonHtml(compareDir);
    expect(html.includes('<td class="num">15.2 ± 1.36</td>')).toBe(true);
    expect(html.includes('<td class="num">1,338 ± 797.9</td>')).toBe(true);
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
    expect(scatter).toContain('<title>tt-60: 0.288, 15.2 ± 1.36</title>');
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
    expect(html.includes('<th>services.web.autoScaling.policies.cpu.targetValue</th>')).toBe(true);
    expect(html.includes('Time series by point (replication 0)')).toBe(true);
    const overlays = charts(html).filter((s) => s.includes('by point'));
    expect(overlays.length).toBe(5);
    for (const svg of overlays) {
      expect(seriesPaths(svg).length).toBe(1);
      expect(svg.includes('>targetValue=40<')).toBe(true);
      expect(svg.includes('>p0<')).toBe(false);
    }
    // The scatter names the points by the same labels.
    expect(charts(html).find((s) => s.includes('Cost vs SLO'))!.includes('targetValue=60')).toBe(true);
  });
});
