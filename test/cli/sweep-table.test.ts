// `ecsim sweep` prints the table of its points as `ecsim compare` prints its variants': the
// swept values, the first five figures as comparison.md writes them, the Pareto column; a
// shard prints none (its points alone have no Pareto front of the sweep).

import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { pointsTable } from '../../src/cli/actions/sweep.js';
import { figuresTable, type FiguresRow } from '../../src/cli/figures-table.js';
import type { SweepTable } from '../../src/experiment/index.js';
import { cli, tempDir } from '../helpers.js';

const ROUNDED_FRONT_NOTE = "pareto is decided on the unrounded means (sweep.csv's cost_mean and sloViolationMinutes_mean): on the rounded figures above the front would differ";

describe('the sweep table on stdout', () => {
  it('pointsTable: the rows in point order, short column names, figures rounded together, the front marked', () => {
    // METRICS order: cost, sloViolationMinutes, latencyP95Ms, cpuMean, taskHours, scalingActivities, droppedRequests
    const table: SweepTable = {
      scenario: 's', seed: 1, plan: undefined, pointCount: 2, replications: 8,
      paths: ['services.web.autoScaling.policies.cpu.targetValue'],
      rows: [
        // point 1 first: printed second. Costlier and fewer SLO minutes: both on the front.
        { point: 1, params: ['60'], means: [0.2, 3, NaN, 50, 12.34, 0, 0], ci95: [0.0456, 0, NaN, 4.9, 0.5, 0, 0], counts: [8, 8, 0, 8, 8, 8, 8] },
        { point: 0, params: ['40'], means: [1.83, 2, 1318.2, 41, 19.1, 0, 0], ci95: [0.07654, 1.2, 3.49, 11, 5.5, 0, 0], counts: [8, 8, 7, 8, 8, 8, 8] },
      ],
    };
    expect(pointsTable(table).split('\n')).toEqual([
      'targetValue       cost USD    SLO-min                 p95 ms       cpu %        task-h  pareto',
      '-----------  -------------  ---------  ---------------------  ----------  ------------  ------',
      '40           1.830 ± 0.077  2.0 ± 1.2  1318.2 ± 3.5 (7 of 8)     41 ± 11    19.1 ± 5.5     yes',
      '60           0.200 ± 0.046      3 ± 0                      –  50.0 ± 4.9  12.34 ± 0.50     yes',
    ]);
  });

  it('a note under the table when the front of the rounded cost and SLO figures differs from the marks (decided on the unrounded means)', () => {
    // compare-quickstart's sweep, 3 replications: 40/300s (0.18481 USD, 10 SLO min) is on the
    // front, as 10 < 10.333 of every cheaper point; 50/60s (0.168377, 10.333333) is beaten by
    // 50/300s (0.15895, 10.333333). Rounded to the half-width's place they read 0.18 | 10,
    // 0.17 | 10 and 0.16 | 10: on those 50/300s would beat both, and 40/300s looks off.
    const fig = (mean: number, ci95: number) => ({ mean, ci95 });
    const rest = [fig(247, 17), fig(41, 33), fig(15, 15), fig(7, 10), fig(14477, 8292)];
    const rows = (slo: number): FiguresRow[] => [
      { lead: ['40', '300s'], figures: [fig(0.18481, 0.180608), fig(10, slo), ...rest], pareto: true },
      { lead: ['50', '60s'], figures: [fig(0.168377, 0.197811), fig(10.333333, slo), ...rest], pareto: false },
      { lead: ['50', '300s'], figures: [fig(0.15895, 0.192975), fig(10.333333, slo), ...rest], pareto: true },
    ];
    const wide = figuresTable(['targetValue', 'scaleOutCooldown'], rows(28.2), 3, 'sweep.csv').split('\n');
    expect(wide.slice(2, 5).map((l) => l.split(/ {2,}/).slice(2, 4).join(' | '))).toEqual(['0.18 ± 0.18 | 10 ± 28', '0.17 ± 0.20 | 10 ± 28', '0.16 ± 0.19 | 10 ± 28']);
    expect(wide.slice(5)).toEqual(['', ROUNDED_FRONT_NOTE]);
    // half-widths of 0.28 SLO minutes: 10.00 against 10.33 shown, the marks read true, no note
    const narrow = figuresTable(['targetValue', 'scaleOutCooldown'], rows(0.28), 3, 'sweep.csv').split('\n');
    expect(narrow.slice(2).map((l) => l.split(/ {2,}/)[3])).toEqual(['10.00 ± 0.28', '10.33 ± 0.28', '10.33 ± 0.28']);
    expect(narrow).toHaveLength(5);
    // compare names its own file
    expect(figuresTable(['variant'], rows(28.2).map((r) => ({ ...r, lead: [r.lead.join('-')] })), 3, 'comparison.csv')).toContain("(comparison.csv's cost_mean");
  });

  it('the CLI prints it between the totals and the files for the whole sweep, and not for a shard', async () => {
    const dir = tempDir();
    const args = ['sweep', 'scenarios/compare-quickstart.yaml', '--duration', '10m', '--replications', '2', '--jobs', '1', '--no-runs'];
    const whole = await cli(...args, '--out', join(dir, 'sw'));
    expect(whole.code).toBe(0);
    const lines = whole.stdout.split('\n');
    expect(lines[0]).toMatch(/^compare-quickstart sweep: 8 of 8 points x 2 replications in [0-9.]+ s wall$/);
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^targetValue +scaleOutCooldown +cost USD +SLO-min +p95 ms +cpu % +task-h +pareto$/);
    expect(lines.slice(4, 12).map((l) => l.split(/ +/).slice(0, 2).join(' '))).toEqual(['40 60s', '40 300s', '50 60s', '50 300s', '60 60s', '60 300s', '70 60s', '70 300s']);
    expect(lines[12]).toBe('');
    // this sweep's rounded cost and SLO figures would give another front: the note says so
    expect(lines[13]).toBe(ROUNDED_FRONT_NOTE);
    expect(lines[14]).toBe('');
    expect(lines[15]).toMatch(/^results: .*sweep\.csv, /);
    // the figures are comparison.md's, cell for cell (its first five figure columns and the Pareto column)
    const md = readFileSync(join(dir, 'sw', 'comparison.md'), 'utf8').split('\n').filter((l) => /^\| \d/.test(l)).slice(0, 8);
    md.forEach((row, i) => {
      const cells = row.slice(2, -2).split(' | ');
      const printed = lines[4 + i].split(/ {2,}/);
      expect(printed.slice(2, 7)).toEqual(cells.slice(2, 7));
      expect(printed[7] ?? '').toBe(cells.at(-1));
    });
    const shard = await cli(...args, '--shard', '1/8', '--out', join(dir, 'shard'));
    expect(shard.code).toBe(0);
    expect(shard.stdout).not.toContain('cost USD');
    expect(shard.stdout).toMatch(/^compare-quickstart sweep 1\/8: 1 of 8 points x 2 replications in [0-9.]+ s wall\nresults: /);
  });
});
