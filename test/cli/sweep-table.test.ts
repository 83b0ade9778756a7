// `ecsim sweep` prints the table of its points as `ecsim compare` prints its variants': the
// swept values, the first five figures as comparison.md writes them, the Pareto column; a
// shard prints none (its points alone have no Pareto front of the sweep).

import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { pointsTable } from '../../src/cli/actions/sweep.js';
import type { SweepTable } from '../../src/experiment/index.js';
import { cli, tempDir } from '../helpers.js';

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
    expect(lines[13]).toMatch(/^results: .*sweep\.csv, /);
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
