// Dollar amounts in report.md and report.html: whole cents from $1 up, and below $1 three
// significant digits (at least two decimals), so a short run's cost does not read $0.00
// while summary.json has a fraction of a cent.

import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadScenarioObject } from '../../../src/scenario/index.js';
import { runToFolder } from '../../../src/output/run-to-folder.js';
import { buildReportHtml, buildReportMarkdown } from '../../../src/output/report/index.js';
import { fmtUsd, fmtUsdColumn } from '../../../src/output/report/format/numbers.js';
import { tempDir, writeFakeRun } from './fixtures.js';
import { cli, writeScenario } from '../../helpers.js';

describe('fmtUsd', () => {
  it('below $1: 3 significant digits, at least 2 decimals, trailing zeros beyond them dropped', () => {
    expect([0.0025, 0.054667, 0.123456, 0.29, 0.5, 0.1, 1e-7].map(fmtUsd)).toEqual(['$0.0025', '$0.0547', '$0.123', '$0.29', '$0.50', '$0.10', '$0.0000001']);
  });

  it('$1 and up: whole cents with thousands separators; 0 is $0.00; no number is –', () => {
    expect([0, 1, 0.996, 12.345, 1234.567].map(fmtUsd)).toEqual(['$0.00', '$1.00', '$1.00', '$12.35', '$1,234.57']);
    expect([null, undefined, NaN].map(fmtUsd)).toEqual(['–', '–', '–']);
  });
});

describe('fmtUsdColumn', () => {
  it('gives a column one number of decimals, the most fmtUsd gives any of its amounts', () => {
    expect(fmtUsdColumn([0.56, 0.296, 0.856])).toEqual(['$0.560', '$0.296', '$0.856']);
    expect(fmtUsdColumn([1.5, 0.0336, 1.5336])).toEqual(['$1.5000', '$0.0336', '$1.5336']);
    expect(fmtUsdColumn([12.345, 0.29, null])).toEqual(['$12.35', '$0.29', '–']);
    expect(fmtUsdColumn([0, 0])).toEqual(['$0.00', '$0.00']);
  });

  it("the cost table's amounts share their decimals ($0.560 beside $0.296, not $0.56)", () => {
    const dir = writeFakeRun(join(tempDir('usd-column'), 'run'), { services: ['web'], providers: ['asg', 'FARGATE'], periods: 10 });
    const file = join(dir, 'summary.json');
    const summary = JSON.parse(readFileSync(file, 'utf8'));
    summary.cost = { currency: 'USD', total: 0.856, byProvider: { asg: 0.56, FARGATE: 0.296 } };
    writeFileSync(file, JSON.stringify(summary));
    const md = buildReportMarkdown(dir);
    expect(md).toContain('| asg | 3 instance-h | $0.560 |');
    expect(md).toContain('| FARGATE | 3 instance-h | $0.296 |');
    expect(md).toContain('| total |  | $0.856 |');
  });
});

describe('a 2-minute run costs under a cent, and the report says how much', () => {
  it('3 m5.large for 120 s: 3 x 0.096 x 120 / 3600 = 0.0096 USD, shown $0.0096, not $0.01', () => {
    const s = parse(readFileSync('scenarios/quickstart.yaml', 'utf8'));
    s.duration = '2m';
    const dir = join(tempDir('usd'), 'short');
    runToFolder(loadScenarioObject('short', s, { baseDir: '.' }), { outDir: dir, seed: 1 });
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).cost.total).toBeCloseTo(0.0096, 9);
    const md = buildReportMarkdown(dir);
    expect(md).toContain('| total |  | $0.0096 |');
    expect(md).toContain('| ec2 | 0.10 instance-h | $0.0096 |'); // 3 x 120 s = 0.1 instance-hours
    expect(buildReportHtml(dir)).toContain('$0.0096');
  });

  it('ecsim run prints the same figure in its cost table (0.0096, not 0.01)', async () => {
    const s = parse(readFileSync('scenarios/quickstart.yaml', 'utf8'));
    s.duration = '2m';
    const dir = tempDir('usd-cli');
    const r = await cli('run', writeScenario(dir, 'short', s), '--out', join(dir, 'out'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^total +0\.0096\b/m);
  });
});
