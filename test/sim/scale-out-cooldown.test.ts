// Target tracking during the scale-out cooldown, end to end: "the capacity that has been
// added by the previous scale out event that initiated the cooldown is calculated as part of
// the desired capacity for the next scale out. The intention is to continuously (but not
// excessively) scale out" (autoscaling/application/userguide/
// target-tracking-scaling-policy-overview.html#target-tracking-cooldown). A request during
// the cooldown is computed from the tasks its datapoint was measured over, so tasks the
// previous scale out added count once they ran in the datapoint's period.

import { describe, it, expect } from 'vitest';
import { oneGroupScenario, runKeepingRows } from '../helpers.js';

const activities = (r: ReturnType<typeof runKeepingRows>) =>
  r.events.filter((e) => e.type === 'scaling-activity').map((e) => ({ time: e.time, message: e.message }));

describe('target tracking: scale out during the scale-out cooldown', () => {
  it('CPU: the datapoint measured over the 6 running tasks asks ceil(6 x 100/60) = 10, not ceil(4 x 100/60) = 7', () => {
    // 4 Fargate tasks of capacityRps 200; 400/s, 720/s from 20 min (90 %), 1300/s from 25 min
    // (1300 > 6 x 200: every task saturated, 100 %). Target 60, scale-out cooldown 10 min.
    const r = runKeepingRows(
      {
        name: 'tt-cool',
        start: '2026-03-02T00:00:00Z',
        duration: '28m',
        cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: { provisioningDelay: '10s' } } },
        taskDefinitions: {
          api: { cpu: 1024, memory: 2048, requiresCompatibilities: ['FARGATE'], containerDefinitions: { app: { memory: 2048 } }, startup: { imagePull: '5s', containerStart: '5s' } },
        },
        services: {
          api: {
            taskDefinition: 'api',
            launchType: 'FARGATE',
            desiredCount: 4,
            workload: { type: 'http', requestRate: { step: { from: 400, steps: [{ at: '20m', to: 720 }, { at: '25m', to: 1300 }] } }, perTask: { capacityRps: 200, concurrency: 50 }, maxQueuePerTask: 100000 },
            autoScaling: {
              minCapacity: 1,
              maxCapacity: 50,
              policies: { cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60, disableScaleIn: true, scaleOutCooldown: '600s' } },
            },
          },
        },
      },
      { seed: 1 },
    );
    const acts = activities(r);
    // 24 min: minutes 20-22 at 720 / (4 x 200) = 90 % -> ceil(4 x 90/60) = 6; the 2 new tasks
    // run 20 s later (10 s provisioning, 5 s pull, 5 s start).
    expect(acts[0]).toEqual({ time: 24 * 60_000, message: 'desired count 4 -> 6: target tracking cpu: 3 datapoints > 60: 90.0 90.0 90.0; ceil(4 x 90.0/60) = 6' });
    // 25 min: minute 23 (90 % over 4 tasks, measured before the 2 added ran) asks
    // ceil(4 x 90/60) = 6: nothing. 26 min: minute 24 over 6 tasks: the 4 old ones take 720/4
    // = 180/s for 20 s and 720/6 = 120/s for 40 s, 140/s = 70 %; the 2 new ones 120/s for the
    // 40 s they run = 60 % (each task over the part of the minute it ran,
    // service_utilization.html); (4 x 70 + 2 x 60) / 6 = 66.7 > 60 -> ceil(6 x 66.7/60) = 7
    expect(acts[1]).toEqual({
      time: 26 * 60_000,
      message:
        'desired count 6 -> 7: target tracking cpu: 3 datapoints > 60: 90.0 90.0 66.7; ceil(6 x 66.7/60) = 7 (scale-out cooldown: from the 6 tasks the datapoint covered)',
    });
    // 27 min: minute 25 (visible one period and the 60 s publish delay later) at 100 % over the
    // 6 running tasks (the 7th runs from 26:20) -> ceil(6 x 100/60) = 10 > 7, inside the cooldown
    expect(acts[2]).toEqual({
      time: 27 * 60_000,
      message:
        'desired count 7 -> 10: target tracking cpu: 3 datapoints > 60: 90.0 66.7 100.0; ceil(6 x 100.0/60) = 10 (scale-out cooldown: from the 6 tasks the datapoint covered)',
    });
    expect(acts.filter((a) => a.time > 24 * 60_000 && a.time < 26 * 60_000)).toEqual([]);
  });

  it('RequestCountPerTarget: the datapoint over the 6 targets in rotation asks ceil(6 x 600/300) = 12, not ceil(4 x 600/300) = 8', () => {
    // fluid; 30/s = 1800 requests a minute over 4 targets = 450 each; 60/s from 4 min
    const r = runKeepingRows(
      oneGroupScenario({
        name: 'rcpt-cool',
        duration: '10m',
        instances: 2,
        routing: 'random',
        service: {
          desiredCount: 4,
          fidelity: 'fluid',
          workload: { type: 'http', requestRate: { step: { from: 30, to: 60, at: '4m' } }, perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: '50ms' } }, maxQueuePerTask: 1000 },
          autoScaling: {
            minCapacity: 1,
            maxCapacity: 20,
            policies: { rc: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ALBRequestCountPerTarget', targetValue: 300, disableScaleIn: true } },
          },
        },
      }),
      { seed: 1 },
    );
    const acts = activities(r);
    // 4 min: minutes 0-2 (minute 0 has no target for its first 7 s: 30 x 52 / 4 = 390), newest 450
    // -> ceil(4 x 450/300) = 6; the new tasks are in rotation 7 s later (1 + 1 s start, 5 s check)
    expect(acts[0].message).toBe('desired count 4 -> 6: target tracking rc: 3 datapoints > 300: 390.0 450.0 450.0; ceil(4 x 450.0/300) = 6');
    // 5 min: minute 3 (450 over 4 targets) asks 6 again: nothing. 6 min: minute 4, 60 x 60 = 3600
    // requests over the 6 targets = 600 -> ceil(6 x 600/300) = 12, inside the 300 s cooldown
    expect(acts[1]).toEqual({
      time: 6 * 60_000,
      message:
        'desired count 6 -> 12: target tracking rc: 3 datapoints > 300: 450.0 450.0 600.0; ceil(6 x 600.0/300) = 12 (scale-out cooldown: from the 6 tasks the datapoint covered)',
    });
    // 3600 / 12 = 300, not above the target: settled
    expect(acts).toHaveLength(2);
  });
});
