import { describe, it, expect, beforeAll } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadScenarioFile } from '../../../src/scenario/index.js';
import { runToFolder } from '../../../src/output/run-to-folder.js';
import { buildReportHtml, buildReportMarkdown } from '../../../src/output/report/index.js';
import { charts, tempDir, writeFakeRun } from './fixtures.js';

let html: string;

beforeAll(() => {
  const dir = join(tempDir('unplaceable'), 'run');
  const s = loadScenarioFile('scenarios/unplaceable-task.yaml');
  runToFolder(s, { outDir: dir, seed: s.scenario.seed });
  html = buildReportHtml(dir);
});

/** The HTML of one service's section: from its heading to the next h2. */
const section = (name: string) => {
  const from = html.indexOf(`<h2>Service ${name}</h2>`);
  const to = html.indexOf('<h2>', from + 1);
  return html.slice(from, to);
};

describe('unplaceable-task: services no task of which ran', () => {
  it('get a one-line note instead of empty charts (reports and gpu-batch never ran a task and have no load)', () => {
    for (const name of ['reports', 'gpu-batch']) {
      const part = section(name);
      expect(charts(part), name).toEqual([]);
      expect(part).toContain(`No task of ${name} ran and no load was offered to it: its charts would be empty and are left out.`);
    }
    expect(charts(section('web')).length).toBe(4);
  });

  it('sums the unplaceable episodes over services, and says so (they can add up to more than the run)', () => {
    expect(html).toMatch(/\d+ unplaceable episodes \([^)]* in all, summed over services\)/);
  });
});

describe('a service with load but no task RUNNING', () => {
  // the fake run's service gets load every period; running_count 0 and no task in tasks.csv
  it('says there is no utilization or latency datapoint instead of drawing those charts empty', () => {
    // a CPU target tracking policy: its alarms, on the chart left out, are said not drawn
    const scenario = { duration: '10m', services: { web: { autoScaling: { minCapacity: 1, maxCapacity: 4, policies: { cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 } } } } } };
    const dir = writeFakeRun(join(tempDir('no-running'), 'run'), { services: ['web'], providers: ['asg'], periods: 10, running: () => 0, scenario });
    // empty the utilization and latency cells, as a run writes them when no task runs
    const file = join(dir, 'timeseries.csv');
    const rows = readFileSync(file, 'utf8').trim().split('\n');
    const header = rows[0].split(',');
    const blank = ['cpu_utilization', 'memory_utilization', 'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms'].map((c) => header.indexOf(c));
    writeFileSync(file, [rows[0], ...rows.slice(1).map((r) => r.split(',').map((v, i) => (blank.includes(i) ? '' : v)).join(','))].join('\n') + '\n');
    const page = buildReportHtml(dir);
    expect(page).toContain('<p class="muted">No utilization or latency datapoint: no task of web was RUNNING; its utilization and latency charts would be empty and are left out.</p>');
    const svgs = charts(page);
    expect(svgs.some((x) => x.includes('>web — load vs capacity<'))).toBe(true);
    expect(svgs.some((x) => x.includes('>web — tasks and scaling activities<'))).toBe(true);
    expect(svgs.some((x) => x.includes('web — utilization'))).toBe(false);
    expect(svgs.some((x) => x.includes('>web — latency vs SLO<'))).toBe(false);
    expect(page).toContain('Alarms not drawn, as no chart shows their metric: TargetTracking-web-cpu-AlarmHigh (ECSServiceAverageCPUUtilization), TargetTracking-web-cpu-AlarmLow (ECSServiceAverageCPUUtilization).');
  });

  it('keeps both charts once a task was RUNNING (tasks.csv), even if no period end shows it', () => {
    const dir = writeFakeRun(join(tempDir('ran-briefly'), 'run'), {
      services: ['web'],
      providers: ['asg'],
      periods: 10,
      running: () => 0,
      tasks: ['web-1,web,asg,EC2,i-1,us-east-1a,0,10,50,scale-in'],
    });
    const page = buildReportHtml(dir);
    expect(page).not.toContain('datapoint: no task of web was RUNNING');
    expect(charts(page).some((x) => x.includes('>web — latency vs SLO<'))).toBe(true);
  });
});

describe('an unplaceable episode in the timeline', () => {
  const timeline = (events: string[], tasks: string[]) =>
    buildReportMarkdown(writeFakeRun(join(tempDir('unplaceable-span'), 'run'), { services: ['web'], providers: ['asg'], periods: 10, events, tasks }))
      .split('\n')
      .filter((l) => l.includes('could not place'));
  const task = (n: number, created: number, running: number) => `web-${n},web,asg,EC2,i-1,us-east-1a,${created},${running},,simulation-end`;

  it('within one minute on the clock reads "At 09:00", not the range "09:00–09:00"', () => {
    const lines = timeline(['10,task-unplaceable,web,service web was unable to place a task because no container instance met all of its requirements. ecsim: 1 rejected for RESOURCE:CPU', '30,task-placed,web-1,web-1 placed on i-1'], [task(1, 0, 40)]);
    expect(lines).toEqual(['- At 09:00 web could not place tasks (1 attempt; RESOURCE:CPU).']);
  });

  it('ends when the last task that waited was placed (tasks.csv), not at the first placement after the failure', () => {
    const lines = timeline(
      ['10,task-unplaceable,web,service web was unable to place a task because no container instance met all of its requirements. ecsim: 1 rejected for RESOURCE:CPU', '30,task-placed,web-1,web-1 placed on i-1', '150,task-placed,web-2,web-2 placed on i-2'],
      [task(1, 0, 40), task(2, 0, 160)],
    );
    expect(lines).toEqual(['- 09:00–09:02 web could not place tasks (1 attempt; RESOURCE:CPU).']);
  });
});
