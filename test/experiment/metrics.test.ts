// headlineMetrics on hand-built summaries: how the services of one run are combined into
// compare's and sweep's figures (p99 as p95: the worst service; Spot interruptions summed).
import { describe, it, expect } from 'vitest';
import { headlineMetrics, METRICS } from '../../src/experiment/index.js';
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
