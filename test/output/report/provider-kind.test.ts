// An Auto Scaling group that never registers an instance (all still pending, or maxSize 0)
// is drawn and described as a group, not as Fargate: capacity.csv's desired_capacity is
// empty only for Fargate.

import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { buildReportHtml, buildReportMarkdown } from '../../../src/output/report/index.js';
import { CAP_HEADER, charts, stamp, tempDir, writeFakeRun } from './fixtures.js';

/** A run whose provider rows are (instances_pending, instances_running, tasks_running, desired_capacity) each period. */
function runWith(name: string, provider: string, row: (k: number) => [number, number, number, number | ''], events: string[] = []): string {
  const dir = writeFakeRun(join(tempDir(name), 'run'), { services: ['web'], providers: [provider], periods: 10, events });
  const cap = [CAP_HEADER];
  for (let k = 0; k < 10; k++) {
    const [pending, running, tasks, desired] = row(k);
    cap.push([k * 60, stamp(k * 60), provider, pending, running, 0, 0, tasks, 0, 0, 0, 0, '', 0, desired].join(','));
  }
  writeFileSync(join(dir, 'capacity.csv'), cap.join('\n') + '\n');
  return dir;
}

describe('the kind of a capacity provider', () => {
  it('draws a group with instances pending all run as instances (pending line), not as Fargate tasks', () => {
    const dir = runWith('pendasg', 'ec2', () => [2, 0, 0, 2], ['0,instance-launched,i-1,ec2 launched m5.large in us-east-1a', '0,instance-launched,i-2,ec2 launched m5.large in us-east-1b']);
    const svgs = charts(buildReportHtml(dir));
    expect(svgs.some((s) => s.includes('>ec2 — instances<'))).toBe(true);
    expect(svgs.some((s) => s.includes('>ec2 — tasks<'))).toBe(false);
    expect(svgs.find((s) => s.includes('>ec2 — instances<'))).toContain('instances pending');
    expect(buildReportMarkdown(dir)).toContain('- ec2: 2 instances launched, 0 terminated, at most 0 running; 0 managed scaling activities.');
  });

  it('describes a group of maxSize 0 (nothing launched, no activity) as a group, not "up to 0 tasks running at once"', () => {
    const dir = runWith('zeroasg', 'ec2', () => [0, 0, 0, 0]);
    const md = buildReportMarkdown(dir);
    expect(md).toContain('- ec2: 0 instances launched, 0 terminated, at most 0 running; 0 managed scaling activities.');
    expect(md).not.toContain('tasks running at once');
    expect(charts(buildReportHtml(dir)).some((s) => s.includes('>ec2 — instances<'))).toBe(true);
  });

  it('keeps Fargate (desired_capacity empty) as tasks', () => {
    const dir = runWith('fargate', 'FARGATE', (k) => [0, 0, k < 5 ? 2 : 3, '']);
    expect(buildReportMarkdown(dir)).toContain('- FARGATE: up to 3 tasks running at once.');
    expect(charts(buildReportHtml(dir)).some((s) => s.includes('>FARGATE — tasks<'))).toBe(true);
  });
});
