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
    expect(md).toContain('| service | task-hours | desired lowest..highest (final) |');
    expect(md).toContain('| asg | 3 instance-h | $1.50 |');
    expect(md).toContain('| FARGATE | 12.0 task-h | $1.50 |');
  });
});

describe('the note under the cost table: why hours times a price do not give the cost', () => {
  const tableNote = (md: string) => md.split('\n').find((l) => l.startsWith('Hours times a price')) ?? null;
  const tail = '; and each instance and task is billed rounded up to whole seconds, 60 s at least (docs/outputs.md, cost).';
  const withScenario = (name: string, purchaseOption: string, providers: string[]) =>
    writeFakeRun(join(tempDir(name), 'run'), {
      services: ['web'],
      providers,
      periods: 30,
      scenario: { cluster: { capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], purchaseOption } } } } },
    });

  it('a Spot group and Fargate: both causes, naming the providers, in report.md and report.html', () => {
    const dir = withScenario('table-note-spot', 'spot', ['asg', 'FARGATE']);
    const file = join(dir, 'summary.json');
    const summary = JSON.parse(readFileSync(file, 'utf8'));
    summary.capacityProviders.FARGATE = { taskHours: 11.967, maxTasks: 2 };
    writeFileSync(file, JSON.stringify(summary));
    const expected =
      'Hours times a price do not give the cost: Fargate bills a task from PENDING (its image pull and container start included), while its task-hours count from RUNNING (FARGATE); ' +
      'the instance-hours of asg include Spot instances EC2 interrupted in their first hour, which are not charged' +
      tail;
    expect(tableNote(buildReportMarkdown(dir))).toBe(expected);
    expect(buildReportHtml(dir)).toContain(`<p class="muted">${expected}</p>`);
  });

  it('an on-demand group alone: no note; without scenario.json a group may be Spot: said of any', () => {
    expect(tableNote(buildReportMarkdown(withScenario('table-note-od', 'on-demand', ['asg'])))).toBeNull();
    const bare = writeFakeRun(join(tempDir('table-note-bare'), 'run'), { services: ['web'], providers: ['asg'], periods: 30 });
    expect(tableNote(buildReportMarkdown(bare))).toBe(
      'Hours times a price do not give the cost: the instance-hours of an EC2 Spot group include instances EC2 interrupted in their first hour, which are not charged' + tail,
    );
  });
});

describe('the note under the cost chart', () => {
  const note = (html: string) => html.match(/<p class="muted">(The cost chart [^<]*)<\/p>/)?.[1]?.replace(/&#39;/g, "'") ?? null;
  // the fake run's cost_to_date rises 0.0048 a period: 30 periods end at 0.144; summary.json's total is 1.50
  it("says why the chart ends below the table's total: an EC2 Spot provider's first hours are held out of cost_to_date", () => {
    const scenario = { cluster: { capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], purchaseOption: 'spot' } } } } };
    const html = buildReportHtml(writeFakeRun(join(tempDir('cost-note-spot'), 'run'), { services: ['web'], providers: ['asg'], periods: 30, scenario }));
    expect(note(html)).toBe(
      'The cost chart ends at $0.144, below the total $1.50 in the cost table: cost to date leaves out the first hour of each EC2 Spot instance (asg) until that hour has passed, as an interruption by EC2 in it is not charged, and the rounding up to whole seconds and the 60 s minimum charge of instances and tasks still running at the end; the table bills what is still running at the end as stopped then.',
    );
  });

  it('names only the rounding and minimum without a Spot provider, both causes without scenario.json', () => {
    const scenario = { cluster: { capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], purchaseOption: 'on-demand' } } } } };
    const onDemand = buildReportHtml(writeFakeRun(join(tempDir('cost-note-od'), 'run'), { services: ['web'], providers: ['asg'], periods: 30, scenario }));
    expect(note(onDemand)).toBe(
      'The cost chart ends at $0.144, below the total $1.50 in the cost table: cost to date leaves out the rounding up to whole seconds and the 60 s minimum charge of instances and tasks still running at the end; the table bills what is still running at the end as stopped then.',
    );
    const bare = buildReportHtml(writeFakeRun(join(tempDir('cost-note-bare'), 'run'), { services: ['web'], providers: ['asg'], periods: 30 }));
    expect(note(bare)).toBe(
      "The cost chart ends at $0.144, below the total $1.50 in the cost table: cost to date leaves out the rounding up to whole seconds and the 60 s minimum charge of instances and tasks still running at the end, and each EC2 Spot instance's first hour until it has passed (an interruption by EC2 in that hour is not charged); the table bills what is still running at the end as stopped then.",
    );
  });

  it('is left out when the chart ends at the total as printed (two providers summed)', () => {
    const dir = writeFakeRun(join(tempDir('cost-note-none'), 'run'), { services: ['web'], providers: ['asg', 'FARGATE'], periods: 30 });
    const file = join(dir, 'summary.json');
    const summary = JSON.parse(readFileSync(file, 'utf8'));
    summary.cost = { currency: 'USD', total: 0.2881, byProvider: { asg: 0.144, FARGATE: 0.1441 } };
    writeFileSync(file, JSON.stringify(summary));
    expect(note(buildReportHtml(dir))).toBeNull();
  });

  // rewrites the last capacity.csv row's columns (by name) and summary.json's cost
  function edited(name: string, last: Record<string, string>, cost: unknown, scenario?: unknown): string {
    const dir = writeFakeRun(join(tempDir(name), 'run'), { services: ['web'], providers: ['asg'], periods: 30, ...(scenario ? { scenario } : {}) });
    const capFile = join(dir, 'capacity.csv');
    const rows = readFileSync(capFile, 'utf8').trimEnd().split('\n');
    const header = rows[0].split(',');
    const cells = rows[rows.length - 1].split(',');
    for (const [k, v] of Object.entries(last)) cells[header.indexOf(k)] = v;
    rows[rows.length - 1] = cells.join(',');
    writeFileSync(capFile, rows.join('\n') + '\n');
    const file = join(dir, 'summary.json');
    const summary = JSON.parse(readFileSync(file, 'utf8'));
    summary.cost = cost;
    writeFileSync(file, JSON.stringify(summary));
    return dir;
  }

  it('is left out when the gap is within the 4 decimals capacity.csv writes cost_to_date with ($0.0006 for $0.000631)', () => {
    const dir = edited('cost-note-rounding', { cost_to_date: '0.0006', instances_running: '0' }, { currency: 'USD', total: 0.000631, byProvider: { asg: 0.000631 } });
    expect(note(buildReportHtml(dir))).toBeNull();
  });

  it('names no rounding of what runs at the end when nothing runs then, and quotes the total as the table prints it', () => {
    const scenario = { cluster: { capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], purchaseOption: 'spot' } } } } };
    const dir = edited('cost-note-idle-end', { instances_running: '0', tasks_running: '0' }, { currency: 'USD', total: 0.56, byProvider: { asg: 0.296, other: 0.264 } }, scenario);
    expect(note(buildReportHtml(dir))).toBe(
      'The cost chart ends at $0.144, below the total $0.560 in the cost table: cost to date leaves out the first hour of each EC2 Spot instance (asg) until that hour has passed, as an interruption by EC2 in it is not charged; the table bills what is still running at the end as stopped then.',
    );
  });
});
