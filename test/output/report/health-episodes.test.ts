import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { healthEpisodes } from '../../../src/output/report/narrative/health-episodes.js';
import { buildReportMarkdown } from '../../../src/output/report/index.js';
import { tempDir, writeFakeRun } from './fixtures.js';

const ev = (timeS: number, type: string, subject: string, message: string) => ({ timeS, type, subject, message });

describe('timeline episodes of unhealthy tasks, fail-open, out-of-memory kills and draining instances', () => {
  it('groups events of a kind and subject within 5 min into one episode; a gap longer than that starts another', () => {
    const events = [
      ev(60, 'task-unhealthy', 'web-1', 'web-1 is unhealthy in (target-group web) due to (reason Health checks failed): ...'),
      ev(61, 'task-unhealthy', 'web-1', 'the service stops web-1 (0 healthy and 1 unhealthy tasks, desired count 1): Task failed ELB health checks in (target-group web)'),
      ev(200, 'task-unhealthy', 'web-2', 'web-2 is still unhealthy in (target-group web) when the health check grace period ends, ...'),
      ev(230, 'task-unhealthy', 'web-2', 'web-2 is healthy again in (target-group web) after 5 consecutive passing checks, ...'),
      ev(900, 'task-unhealthy', 'web-3', 'web-3 is unhealthy in (target-group web) due to (reason Health checks failed): ...'),
      ev(100, 'target-group-fail-open', 'web', '(target-group web) has no healthy target: the load balancer fails open ...'),
      ev(300, 'target-group-fail-open', 'web', '(target-group web) has 1 healthy target again: ...'),
      ev(120, 'task-out-of-memory', 'api-2', 'api-2 used 520 MiB ...'),
      ev(150, 'task-out-of-memory', 'api-3', 'api-3 used 530 MiB ...'),
      ev(10, 'instance-launched', 'i-1', 'asg launched m5.large in us-east-1a (desired 3)'),
      ev(10, 'instance-launched', 'i-2', 'asg launched m5.large in us-east-1b (desired 3)'),
      ev(500, 'instance-draining', 'i-1', 'i-1 set to DRAINING: scale in (managed draining); its service tasks are replaced elsewhere (2 running)'),
      ev(520, 'instance-draining', 'i-2', 'i-2 set to DRAINING: scale in (managed draining); its service tasks are replaced elsewhere (1 running)'),
    ];
    const eps = healthEpisodes(events, 3600).map((e) => [e.kind, e.subject, e.startS, e.endS, e.count, e.stopped, e.reasons.join('|')]);
    expect(eps).toEqual([
      // web-1 marked at 60 and stopped at 61, web-2 marked at 200 (its "healthy again" is no mark); web-3 15 min later apart
      ['unhealthy', 'web', 60, 200, 2, 1, ''],
      ['fail-open', 'web', 100, 300, 1, 0, ''],
      ['out-of-memory', 'api', 120, 150, 2, 0, ''],
      ['draining', 'asg', 500, 520, 2, 0, 'scale in (managed draining)'],
      ['unhealthy', 'web', 900, 900, 1, 0, ''],
    ]);
  });

  it('episodes starting together are ordered by subject code unit, not by the user\'s locale (localeCompare: "Zed" after "api" in English, "aa" after "z" in Danish)', () => {
    const events = ['api', 'Zed', 'aa'].map((svc) => ev(60, 'task-out-of-memory', `${svc}-1`, `${svc}-1 used 520 MiB ...`));
    expect(healthEpisodes(events, 3600).map((e) => e.subject)).toEqual(['Zed', 'aa', 'api']);
  });

  it('a restart loop of a whole run (300 000 kills a minute apart or less) is one episode, without overflowing the call stack', () => {
    const events = Array.from({ length: 300_000 }, (_, k) => ev(k * 0.5, 'task-out-of-memory', `api-${k + 1}`, `api-${k + 1} used 520 MiB ...`));
    const eps = healthEpisodes(events, 200_000);
    expect(eps.map((e) => [e.kind, e.startS, e.endS, e.count])).toEqual([['out-of-memory', 0, 149_999.5, 300_000]]);
  });

  it('a fail-open still on at the end lasts to the end of the run', () => {
    const eps = healthEpisodes([ev(100, 'target-group-fail-open', 'web', '(target-group web) has no healthy target: ...')], 1800);
    expect(eps.map((e) => [e.startS, e.endS])).toEqual([[100, 1800]]);
  });

  it("report.md's timeline lists them, one line per episode", () => {
    const dir = writeFakeRun(join(tempDir('health-md'), 'run'), {
      services: ['web'],
      providers: ['asg'],
      periods: 30,
      events: [
        '120,task-unhealthy,web-1,web-1 is unhealthy in (target-group web) due to (reason Health checks failed): x',
        '121,task-unhealthy,web-1,the service stops web-1 (0 healthy and 1 unhealthy tasks desired count 1): Task failed ELB health checks in (target-group web)',
        '180,task-unhealthy,web-2,web-2 is unhealthy in (target-group web) due to (reason Health checks failed): x',
        '600,task-out-of-memory,web-4,web-4 used 520 MiB (mean over the metric period) above the limit',
      ],
      scenario: { name: 'fake', duration: '30m', services: { web: {} } },
    });
    const md = buildReportMarkdown(dir);
    const timeline = md.slice(md.indexOf('### Timeline'));
    expect(timeline).toContain("- 09:02–09:03 web: the load balancer's health checks marked 2 tasks unhealthy; the service stopped 1 task for it.");
    expect(timeline).toContain('- At 09:10 web: 1 task was killed for using more memory than the hard limit (OutOfMemoryError); the service replaced it.');
  });
});
