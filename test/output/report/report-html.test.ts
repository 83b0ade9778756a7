import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../../../src/scenario/index.js';
import { runToFolder } from '../../../src/output/run-to-folder.js';
import { buildReportHtml, buildReportMarkdown } from '../../../src/output/report/index.js';
import { charts, seriesPaths, tempDir, writeFakeRun } from './fixtures.js';

let quickstart: string;
let html: string;

beforeAll(() => {
  quickstart = join(tempDir('qs'), 'quickstart');
  runToFolder(loadScenarioFile('scenarios/quickstart.yaml'), { outDir: quickstart, seed: 1 });
  html = buildReportHtml(quickstart);
});

describe('report.html of the quickstart run', () => {
  it('has one <svg> per chart, each with drawn data paths', () => {
    const svgs = charts(html);
    // web: load, tasks, utilization, latency; provider ec2; cost.
    expect(svgs.length).toBe(6);
    for (const svg of svgs) {
      const paths = seriesPaths(svg);
      expect(paths.length).toBeGreaterThan(0);
      expect(paths.every((d) => /^M[\d.-]+,[\d.-]+/.test(d) && d.length > 10)).toBe(true);
    }
  });

  it('references nothing on the network: no http(s) URL but the SVG namespace, no scripts, no external fonts', () => {
    const urls = html.match(/https?:\/\/[^\s"'<>)]*/g) ?? [];
    expect(urls.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(/<script|<link|@import|url\(http/i.test(html)).toBe(false);
  });

  it('stays small (a 1 h run: well under 200 kB)', () => {
    expect(html.length).toBeGreaterThan(10_000);
    expect(html.length).toBeLessThan(200_000);
  });

  it('tells what happened: the first scale out is ceil(3 x 100/60) = 5 tasks, from the high alarm (3 datapoints > 60)', () => {
    // The quickstart steps the load to 450 rps for 3 tasks of 100 rps: CPU saturates at
    // 100 % (5 + 95 x 100/100), so target tracking asks ceil(3 x 100 / 60) = ceil(5) = 5.
    expect(/web scaled out 3 -&gt; \d+/.test(html)).toBe(true);
    expect(html.includes('CPU utilization was above 60 % for 3 min (100, 100, 100 %; target tracking policy cpu)')).toBe(true);
    expect(/scaled out 3 -&gt; \d+ in \d+ steps \(5 -&gt;/.test(html)).toBe(true);
  });

  it('draws the target (60) and the scale-in threshold (90 % of 60 = 54) from scenario.json, and the SLO (300 ms)', () => {
    expect(html.includes('cpu: target 60')).toBe(true);
    expect(html.includes('cpu: scale-in threshold 54')).toBe(true);
    expect(html.includes('SLO p95 ≤ 300 ms')).toBe(true);
  });

  it('marks each scaling activity of events.csv on the tasks chart', () => {
    const activities = readFileSync(join(quickstart, 'events.csv'), 'utf8').split('\n').filter((l) => l.includes(',scaling-activity,web,')).length;
    const tasksChart = charts(html).find((s) => s.includes('tasks and scaling activities'))!;
    expect((tasksChart.match(/<g class="marker">/g) ?? []).length).toBe(activities);
  });

  it('writes report.md with the headline row taken from summary.json', () => {
    const md = buildReportMarkdown(quickstart);
    const summary = JSON.parse(readFileSync(join(quickstart, 'summary.json'), 'utf8'));
    const web = summary.services.web;
    const row = md.split('\n').find((l) => l.startsWith('| web |'))!;
    expect(row).toContain(`| ${web.desiredCount.min}..${web.desiredCount.max} (${web.desiredCount.final}) |`);
    expect(row).toContain(`| ${web.sloViolationMinutes} |`);
    expect(row).toContain(`| ${web.scalingActivities.out} / ${web.scalingActivities.in} |`);
    expect(md).toContain('## What happened');
    expect(md).toContain('| total |  | $0.288 |'); // 3 m5.large x 1 h x 0.096
  });
});

describe('report.html of a queue workload', () => {
  it('plots backlog per task as backlog / running_count (a gap where none runs), the total on the right axis', () => {
    // 40 periods: none running for the first 10 (backlog 40), then 2..6 tasks with 8 messages
    // each: the per-task line is flat at 8 from period 10 on, the total is not.
    const dir = writeFakeRun(join(tempDir('queue'), 'run'), {
      services: ['worker'],
      providers: ['asg'],
      periods: 40,
      running: (k) => (k < 10 ? 0 : 2 + (k % 5)),
      backlog: (k, running) => (k < 10 ? 40 : 8 * running),
    });
    const chart = charts(buildReportHtml(dir)).find((s) => s.includes('backlog per task vs target'))!;
    expect(chart).toBeDefined();
    const perTaskPath = [...chart.matchAll(/<path class="series" d="([^"]*)"[^>]*><title>([^<]*)<\/title>/g)].map((m) => ({ d: m[1], label: m[2] }));
    const perTask = perTaskPath.find((p) => p.label.startsWith('backlog per task'))!;
    const total = perTaskPath.find((p) => p.label === 'messages queued')!;
    const ys = (d: string) => [...d.matchAll(/[ML][\d.-]+,([\d.-]+)/g)].map((m) => Number(m[1]));
    // one run of 30 points (periods 10..39), all at the same height
    expect((perTask.d.match(/M/g) ?? []).length).toBe(1);
    expect(ys(perTask.d).length).toBe(30);
    expect(new Set(ys(perTask.d)).size).toBe(1);
    // the total: 40 points, and it moves with the task count
    expect(ys(total.d).length).toBe(40);
    expect(new Set(ys(total.d)).size).toBeGreaterThan(1);
    expect(chart).toContain('messages queued (right axis)');
    expect(chart).not.toContain('(right axis) (right axis)');
  });
});

describe('report.html backlog per task as published', () => {
  it('divides the whole count of visible messages (the backlog rounded, as ApproximateNumberOfMessagesVisible publishes it) by the running tasks', () => {
    // fluid backlogs of 8 per task plus 0.4 of an expected message: published 8 x running, so
    // the line is flat at 8 (unrounded it would move: 8.2 at 2 tasks, 8.0667 at 6)
    const dir = writeFakeRun(join(tempDir('queue-rounded'), 'run'), {
      services: ['worker'],
      providers: ['asg'],
      periods: 20,
      running: (k) => 2 + (k % 5),
      backlog: (_k, running) => 8 * running + 0.4,
    });
    const chart = charts(buildReportHtml(dir)).find((s) => s.includes('backlog per task vs target'))!;
    const perTask = [...chart.matchAll(/<path class="series" d="([^"]*)"[^>]*><title>([^<]*)<\/title>/g)].find((m) => m[2].startsWith('backlog per task'))!;
    const ys = [...perTask[1].matchAll(/[ML][\d.-]+,([\d.-]+)/g)].map((m) => Number(m[1]));
    expect(ys.length).toBe(20);
    expect(new Set(ys).size).toBe(1);
  });
});

describe('report.html load chart labels', () => {
  const loadChart = (workload: unknown) => {
    const dir = writeFakeRun(join(tempDir('labels'), 'run'), {
      services: ['worker'],
      providers: ['asg'],
      periods: 20,
      scenario: { name: 'labels', duration: '20m', services: { worker: { workload } } },
    });
    return charts(buildReportHtml(dir)).find((c) => c.includes('load vs capacity'))!;
  };

  it('a queue workload is in messages: message rate, messages / s, msg/s capacity', () => {
    const chart = loadChart({ type: 'queue', requestRate: { constant: 40 }, perTask: { capacityRps: 20 } });
    expect(chart).toContain('message rate (offered)');
    expect(chart).toContain('messages / s');
    expect(chart).toContain('RUNNING tasks x 20 msg/s (in rotation or not)');
    expect(chart).not.toContain('request rate');
  });

  it('an http workload is in requests, and the capacity line says it counts RUNNING tasks, in rotation or not', () => {
    const chart = loadChart({ type: 'http', requestRate: { constant: 40 }, perTask: { capacityRps: 150 } });
    expect(chart).toContain('request rate (offered)');
    expect(chart).toContain('requests / s');
    expect(chart).toContain('RUNNING tasks x 150 rps (in rotation or not)');
  });
});

describe('report.html of long runs', () => {
  it('keeps a 30-day, 2-service run under 3 MB and every line at most 2000 points (min/max downsampling)', () => {
    const dir = writeFakeRun(join(tempDir('long'), 'run'), { services: ['web', 'api'], providers: ['asg', 'FARGATE'], periods: 30 * 1440 });
    const t0 = performance.now();
    const page = buildReportHtml(dir);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(page.length).toBeLessThan(3_000_000);
    for (const svg of charts(page)) {
      for (const d of seriesPaths(svg)) {
        // Linear segments are "L", step curves "H"/"V" pairs; area paths go out and back.
        const points = (d.match(/[MLHV]/g) ?? []).length;
        expect(points).toBeLessThanOrEqual(2 * 2 * 2000 + 4);
      }
    }
    // Multi-day axis labels: d3 picks weekly ticks (Sundays, UTC) for 30 days; 2026-03-02 is a Monday, so the first is Sunday 8 March.
    expect(page.includes('>03-08 Sun 00:00<')).toBe(true);
    expect(page.includes('>03-15 Sun 00:00<')).toBe(true);
  });

  it('still draws without scenario.json and says the targets are unknown', () => {
    const dir = writeFakeRun(join(tempDir('noscn'), 'run'), { services: ['web'], providers: ['asg'], periods: 60 });
    const page = buildReportHtml(dir);
    expect(page.includes('targets and alarms unknown: no scenario.json')).toBe(true);
    expect(charts(page).length).toBeGreaterThanOrEqual(5);
  });
});
