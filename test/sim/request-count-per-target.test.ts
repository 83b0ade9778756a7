// RequestCountPerTarget when no request flows. The ELB metrics page says a metric with no
// requests "is not reported" (elasticloadbalancing/latest/application/load-balancer-
// cloudwatch-metrics.html), but the scaling guides say how target tracking sees it: "When a
// metric emits real 0 values to CloudWatch (for example, ALBRequestCountPerTarget),
// Application Auto Scaling can scale in to 0 when there is no traffic to your application"
// (autoscaling/application/userguide/application-auto-scaling-target-tracking.html; EC2 Auto
// Scaling's as-scaling-target-tracking.html the same). So a period with no request while a
// target is healthy publishes 0, and the AlarmLow (15 of 15 below 90 % of the target) goes
// to ALARM and scales in to minCapacity (docs/assumptions.md).

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
    it(`${fidelity}: traffic stopping (30/s -> 0 at 3 min) publishes 0 while 6 targets are healthy, so the service scales in to minCapacity 1`, () => {
      // 30/s x 60 / 6 = 300 per target in minutes 0-2 (not below 270); 0 from minute 3. The
      // 15th datapoint below 270 (minute 17) is seen at 17 + 1 period + 60 s publish delay =
      // 19:00: ceil(6 x 0/300) = 0, clamped to minCapacity 1
      const r = runKeepingRows(scenario(fidelity, { step: { from: 30, to: 0, at: '3m' } }), { seed: 1 });
      const ins = scaleIns(r);
      expect(ins.map((e) => [e.time, e.message.match(/desired count \d+ -> \d+/)![0]])).toEqual([[19 * 60_000, 'desired count 6 -> 1']]);
      expect(ins[0].message).toMatch(/ceil\(6 x 0\/300\) = 0; clamped to minCapacity 1$/);
      expect(r.summary.services.web).toMatchObject({ desiredCount: { max: 6, final: 1 }, scalingActivities: { in: 1 } });
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
