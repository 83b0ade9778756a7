// RequestCountPerTarget when no request flows: the ALB reports its metrics only while
// requests flow through it ("If there are no requests flowing through the load balancer or
// no data for a metric, the metric is not reported":
// elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html). With no
// datapoint, the target tracking AlarmLow (15 of 15 below 90 % of the target) sees missing
// data and stays INSUFFICIENT_DATA, so the service is not scaled in; a published 0 would
// scale it in to minCapacity.

import { describe, it, expect } from 'vitest';
import { oneGroupScenario, runKeepingRows } from '../helpers.js';

function scenario(fidelity: 'fluid' | 'request', rate: unknown) {
  return oneGroupScenario({
    name: 'rcpt0',
    duration: '40m',
    instances: 2,
    routing: 'random',
    service: {
      desiredCount: 6,
      fidelity,
      workload: { type: 'http', requestRate: rate, perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: '50ms' } }, maxQueuePerTask: 1000 },
      autoScaling: {
        minCapacity: 1,
        maxCapacity: 20,
        policies: { rc: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ALBRequestCountPerTarget', targetValue: 300 } },
      },
    },
  });
}

const scaleIns = (r: ReturnType<typeof runKeepingRows>) => r.events.filter((e) => e.type === 'scaling-activity' && /desired count \d+ -> \d+/.test(e.message) && /< 270/.test(e.message));

describe('RequestCountPerTarget with no requests flowing', () => {
  for (const fidelity of ['fluid', 'request'] as const) {
    it(`${fidelity}: traffic stopping (30/s -> 0 at 3 min) publishes no datapoint, so the service is not scaled in`, () => {
      const r = runKeepingRows(scenario(fidelity, { step: { from: 30, to: 0, at: '3m' } }), { seed: 1 });
      expect(scaleIns(r)).toEqual([]);
      expect(r.summary.services.web).toMatchObject({ desiredCount: { min: 6, max: 6, final: 6 }, scalingActivities: { in: 0 } });
    });
  }

  it('a low load that still flows scales in: 3/s over 6 targets is 30 requests per target a minute, below 270', () => {
    // 3 requests/s x 60 s / 6 targets = 30 per target, below 90 % of 300 for 15 minutes:
    // AlarmLow -> ceil(6 x 30 / 300) = 1 (fluid: exactly 30 in every period)
    const r = runKeepingRows(scenario('fluid', 3), { seed: 1 });
    const ins = scaleIns(r);
    expect(ins.length).toBe(1);
    expect(ins[0].message).toMatch(/desired count 6 -> 1/);
  });
});
