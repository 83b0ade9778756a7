// headlineMetrics on hand-built summaries: how the services of one run are combined into
// compare's and sweep's figures (p99 as p95: the worst service; Spot interruptions summed).
import { describe, it, expect } from 'vitest';
import { comparisonMarkdown, headlineMetrics, METRICS, providerFigures, providersCsv, summarizeComparison, type ProviderFigures } from '../../src/experiment/index.js';
import type { Summary } from '../../src/sim/index.js';

function service(p95: number | null, p99: number | null, spot: number, cpu: number | null = 50) {
  return {
    taskHours: 2,
    cpuUtilization: { mean: cpu },
    requests: { dropped: 10 },
    latencyMs: { p50: null, p95, p99 },
    sloViolationMinutes: 1,
    scalingActivities: { out: 2, in: 1 },
    spotInterruptions: spot,
  };
}

function summary(services: Record<string, ReturnType<typeof service>>): Summary {
  return { services, cost: { currency: 'USD', total: 1.5, byProvider: { ec2: 1.5 } } } as unknown as Summary;
}

const at = (figures: number[], m: (typeof METRICS)[number]) => figures[METRICS.indexOf(m)];

describe('headlineMetrics', () => {
  it('appends latencyP99Ms and spotInterruptions after the first seven figures', () => {
    expect(METRICS.slice(-2)).toEqual(['latencyP99Ms', 'spotInterruptions']);
    expect(METRICS.indexOf('droppedRequests')).toBe(6);
  });

  it('p99 latency is the worst service p99 (not the p99 of the service with the worst p95); Spot interruptions are summed', () => {
    // web: p95 900, p99 1000; api: p95 800, p99 1400 -> p95 900 (web), p99 1400 (api); Spot 2 + 3 = 5
    const figures = headlineMetrics(summary({ web: service(900, 1000, 2), api: service(800, 1400, 3) }));
    expect(at(figures, 'latencyP95Ms')).toBe(900);
    expect(at(figures, 'latencyP99Ms')).toBe(1400);
    expect(at(figures, 'spotInterruptions')).toBe(5);
    expect(at(figures, 'cost')).toBe(1.5);
    expect(at(figures, 'scalingActivities')).toBe(6);
  });

  it('a service without latency (no request served) is left out; none with one gives no value (NaN), while 0 interruptions is a value', () => {
    const one = headlineMetrics(summary({ web: service(null, null, 0), api: service(800, 1200, 0) }));
    expect(at(one, 'latencyP99Ms')).toBe(1200);
    const none = headlineMetrics(summary({ web: service(null, null, 0, null) }));
    expect(at(none, 'latencyP99Ms')).toBeNaN();
    expect(at(none, 'spotInterruptions')).toBe(0);
  });
});

describe('per capacity provider (providers.csv, comparison.md)', () => {
  it('providerFigures: cost.byProvider, maxInstances of an EC2 provider, maxTasks of a Fargate one', () => {
    const s = {
      services: {},
      capacityProviders: { ec2: { instanceHours: 3, maxInstances: 3, meanReservation: null }, FARGATE: { taskHours: 2, maxTasks: 4 } },
      cost: { currency: 'USD', total: 0.37, byProvider: { ec2: 0.288, FARGATE: 0.082 } },
    } as unknown as Summary;
    expect(providerFigures(s)).toEqual([
      ['ec2', { cost: 0.288, maxInstances: 3, maxTasks: NaN }],
      ['FARGATE', { cost: 0.082, maxInstances: NaN, maxTasks: 4 }],
    ]);
  });

  it('summarized per variant and provider: means, t half-widths, counts, the largest peak; a provider only one variant uses is listed for the other with cost 0 and peak 0', () => {
    // one m5.large at 0.096 USD/h for 1 h, 2 h (cost 0.096, 0.192: mean 0.144, sd 0.067882, half-width 12.706205 x 0.067882 / sqrt 2 = 0.609898)
    // and peak instances 1, 2 (mean 1.5, sd 0.707107, half-width 12.706205 x 0.5 = 6.353102, largest 2); variant b adds FARGATE (cost 0.05 each, 2 and 4 tasks:
    // mean 3, half-width 12.706205 x 1 = 12.706205, largest 4). Variant a does not use FARGATE: cost 0, 0 and peak tasks 0, 0 (a Fargate provider: no peak instances)
    const ec2 = (cost: number, peak: number): [string, ProviderFigures] => ['ec2', { cost, maxInstances: peak, maxTasks: NaN }];
    const fargate = (tasks: number, cost = 0.05): [string, ProviderFigures] => ['FARGATE', { cost, maxInstances: NaN, maxTasks: tasks }];
    const figures = METRICS.map(() => 1);
    const c = summarizeComparison('p', ['a', 'b'], [1, 2], [[figures, figures], [figures, figures]], [], [
      [[ec2(0.096, 1)], [ec2(0.192, 2)]],
      [[ec2(0.096, 1), fargate(2)], [ec2(0.096, 1), fargate(4)]],
    ]);
    expect(providersCsv(c).trim().split('\n')).toEqual([
      'variant,capacityProvider,cost_mean,cost_ci95,maxInstances_mean,maxInstances_ci95,maxTasks_mean,maxTasks_ci95,cost_n,maxInstances_n,maxTasks_n,maxInstances_max,maxTasks_max',
      'a,ec2,0.144,0.609898,1.5,6.353102,,,2,2,0,2,',
      'a,FARGATE,0,0,,,0,0,2,0,2,,0',
      'b,ec2,0.096,0,1,0,,,2,2,0,1,',
      'b,FARGATE,0.05,0,,,3,12.706205,2,0,2,,4',
    ]);
    const md = comparisonMarkdown(c);
    expect(md).toContain(
      '## Per capacity provider\n\n| variant | capacity provider | cost (USD) | peak instances | largest peak instances | peak tasks | largest peak tasks |\n|---|---|---:|---:|---:|---:|---:|\n',
    );
    expect(md).toContain('| a | ec2 | 0.14 ± 0.61 | 1.5 ± 6.4 | 2 |  |  |\n| a | FARGATE | 0 ± 0 |  |  | 0 ± 0 | 0 |\n');
    expect(md).toContain('| b | FARGATE | 0.05 ± 0 |  |  | 3 ± 13 | 4 |');
    expect(md).toContain('the brief overshoot while tasks wait for instances');
    expect(md).toContain('"How many instances at peak" in the capacity planners\' guide');
  });

  it('a replication without a provider counts cost 0 and peak 0 of its kind (n stays at the replications); rows in variant order, then the order providers first appear', () => {
    // variant a uses ec2 only; variant b names FARGATE before ec2 and has FARGATE only in replication 0 (cost 0.05, 4 tasks):
    // FARGATE in b: cost 0.05, 0 (mean 0.025, sd 0.035355, half-width 12.706205 x 0.025 = 0.317655); tasks 4, 0 (mean 2, half-width 12.7062047 x 2 = 25.412409), largest 4
    // ec2 in b: replication 1 has none: cost 0.2, 0 (mean 0.1, half-width 12.7062047 x 0.1 = 1.27062); instances 2, 0 (mean 1, half-width 12.706205), largest 2
    const ec2 = (cost: number, peak: number): [string, ProviderFigures] => ['ec2', { cost, maxInstances: peak, maxTasks: NaN }];
    const figures = METRICS.map(() => 1);
    const c = summarizeComparison('p', ['a', 'b'], [1, 2], [[figures, figures], [figures, figures]], [], [
      [[ec2(0.1, 1)], [ec2(0.1, 1)]],
      [[['FARGATE', { cost: 0.05, maxInstances: NaN, maxTasks: 4 }], ec2(0.2, 2)], []],
    ]);
    expect(providersCsv(c).trim().split('\n').slice(1)).toEqual([
      'a,ec2,0.1,0,1,0,,,2,2,0,1,',
      'a,FARGATE,0,0,,,0,0,2,0,2,,0',
      'b,ec2,0.1,1.27062,1,12.706205,,,2,2,0,2,',
      'b,FARGATE,0.025,0.317655,,,2,25.412409,2,0,2,,4',
    ]);
  });
});
