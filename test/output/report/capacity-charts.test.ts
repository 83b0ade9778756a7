import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildReportHtml, buildReportMarkdown } from '../../../src/output/report/index.js';
import { charts, tempDir, writeFakeRun } from './fixtures.js';

describe('the cost chart', () => {
  it('says its layers are stacked, the top being the total (two providers); one provider is named', () => {
    const two = buildReportHtml(writeFakeRun(join(tempDir('cost2'), 'run'), { services: ['web'], providers: ['asg', 'FARGATE'], periods: 30 }));
    expect(charts(two).some((s) => s.includes('>Cost to date by capacity provider (stacked; top = total)<'))).toBe(true);
    const one = buildReportHtml(writeFakeRun(join(tempDir('cost1'), 'run'), { services: ['web'], providers: ['asg'], periods: 30 }));
    expect(charts(one).some((s) => s.includes('>Cost to date of asg<'))).toBe(true);
  });
});

describe('the cost table', () => {
  it("names what each provider paid for: a group's instance-hours, Fargate's task-hours (summary.json taskHours)", () => {
    const dir = writeFakeRun(join(tempDir('cost-hours'), 'run'), { services: ['web'], providers: ['asg', 'FARGATE'], periods: 30 });
    const file = join(dir, 'summary.json');
    const summary = JSON.parse(readFileSync(file, 'utf8'));
    summary.capacityProviders.FARGATE = { taskHours: 11.967, maxTasks: 2 };
    writeFileSync(file, JSON.stringify(summary));
    const md = buildReportMarkdown(dir);
    expect(md).toContain('| capacity provider | instance- or task-hours | cost (USD) |');
    expect(md).toContain('| asg | 3 instance-h | $1.50 |');
    expect(md).toContain('| FARGATE | 12.0 task-h | $1.50 |');
  });
});
