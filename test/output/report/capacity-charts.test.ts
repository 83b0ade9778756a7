import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { buildReportHtml } from '../../../src/output/report/index.js';
import { charts, tempDir, writeFakeRun } from './fixtures.js';

describe('the cost chart', () => {
  it('says its layers are stacked, the top being the total (two providers); one provider is named', () => {
    const two = buildReportHtml(writeFakeRun(join(tempDir('cost2'), 'run'), { services: ['web'], providers: ['asg', 'FARGATE'], periods: 30 }));
    expect(charts(two).some((s) => s.includes('>Cost to date by capacity provider (stacked; top = total)<'))).toBe(true);
    const one = buildReportHtml(writeFakeRun(join(tempDir('cost1'), 'run'), { services: ['web'], providers: ['asg'], periods: 30 }));
    expect(charts(one).some((s) => s.includes('>Cost to date of asg<'))).toBe(true);
  });
});
