// Two target tracking policies that disagree: cpu (target 60 %) wants to scale in, req
// (ALBRequestCountPerTarget, target 1000, disableScaleIn) wants to scale out but the service
// is at maxCapacity. AAS "scales based on the policy that provides the largest capacity for
// both scale in and scale out" (application-auto-scaling-target-tracking.html, multiple
// policies; API_PutScalingPolicy: "gives precedence to the policy that provides the largest
// capacity"), so nothing scales in while req's AlarmHigh is in ALARM.

import { describe, it, expect } from 'vitest';
import { oneGroupScenario, runKeepingRows } from '../helpers.js';

function scenario(rate: unknown) {
  return oneGroupScenario({
    name: 'largest-wins',
    duration: '40m',
    instances: 2,
    routing: 'round-robin',
    service: {
      desiredCount: 20,
      fidelity: 'fluid',
      workload: { type: 'http', requestRate: rate, perTask: { capacityRps: 200, concurrency: 64, serviceTime: { distribution: 'exponential', mean: '40ms' } } },
      autoScaling: {
        minCapacity: 2,
        maxCapacity: 20,
        policies: {
          cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60 },
          req: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ALBRequestCountPerTarget', targetValue: 1000, disableScaleIn: true },
        },
      },
    },
  });
}

describe('a policy asking to scale out at maxCapacity holds off another policy\'s scale in', () => {
  it('600 rps over 20 tasks: 1800 requests per target (req asks ceil(20 x 1800/1000) = 36, clamped to 20) and 30 rps of 200 per task, 15 % CPU (cpu asks ceil(20 x 15/60) = 5): no scale in for 40 min', () => {
    const r = runKeepingRows(scenario(600), { seed: 1 });
    expect(r.events.filter((e) => e.type === 'scaling-activity')).toEqual([]);
    const held = r.events.filter((e) => e.type === 'scale-in-held');
    expect(held).toHaveLength(1); // once, when cpu's AlarmLow first asks; not each minute after
    expect(held[0].message).toMatch(/^target tracking cpu asks for 5 \(scale in from 20\), not applied: target tracking req asks for 20 \(maxCapacity\): largest capacity wins; /);
    expect(r.summary.services.web).toMatchObject({ desiredCount: { min: 20, max: 20, final: 20 } });
  });
});
