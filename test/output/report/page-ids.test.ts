import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { buildReportHtml } from '../../../src/output/report/index.js';
import { charts, tempDir, writeFakeRun } from './fixtures.js';

describe('element ids of a report page', () => {
  it('are unique, and each chart clips to its own clip path, numbered in page order', () => {
    const dir = writeFakeRun(join(tempDir('ids'), 'run'), { services: ['web', 'api'], providers: ['asg', 'FARGATE'], periods: 60, scenario: { duration: '1h', services: { web: {}, api: {} } } });
    const html = buildReportHtml(dir);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const svgs = charts(html);
    expect(svgs.length).toBeGreaterThan(5);
    expect(ids.length).toBe(svgs.length);
    expect(new Set(ids).size).toBe(ids.length);
    svgs.forEach((svg, i) => {
      expect(svg).toContain(`<clipPath id="plot-clip-${i + 1}">`);
      expect(svg).toContain(`clip-path="url(#plot-clip-${i + 1})"`);
    });
    expect(buildReportHtml(dir)).toBe(html);
  });
});
