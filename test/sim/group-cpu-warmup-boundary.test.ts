// An instance adds usage data to the group's aggregated metric only once its warm-up has
// passed (ec2-auto-scaling-default-instance-warmup.html): a period it spent warming, even in
// part, leaves it out of ASGAverageCPUUtilization. A warm-up that ends exactly at a period's
// end leaves the instance out of that period; the next period has it.
//
// By hand: warmStart, 2 m5.large (2048 units) each running 2 of the service's 4 tasks of 1024
// units, 400 requests/s over 4 tasks at capacityRps 100: each task near 100 % of its CPU, so
// i-1 and i-2 near 100 %. Periods of 60 s, seen 60 s after they close. The high alarm (3 of 3
// > 50) fires at 240 s: ceil(2 x ~100/50) = 4, i-3 and i-4 launched at 240 s (registered at
// 300 s), warm up for 300 s: until 540 s, and stay empty (desiredCount 4 is fixed).
//   [480, 540): i-3/i-4 warming until its end: left out -> i-1, i-2 only, ~100 % (> 50).
//   [540, 600): past the warm-up: in -> (~100 + ~100 + 0 + 0) / 4 <= 50.
// So the high alarm, 3 of 3 > 50 through [420, 540) (seen at 600 s), goes OK at 660 s, when
// [540, 600) is seen; with the warm-up read at the period's end, [480, 540) had all four
// (<= 50) and it went OK at 600 s.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

const scenario = {
  name: 'warmup-boundary',
  start: '2026-03-02T00:00:00Z',
  duration: '12m',
  seed: 1,
  warmStart: true,
  metrics: { period: '60s', publishDelay: '60s' },
  cluster: {
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    capacityProviders: {
      ec2: {
        autoScalingGroup: {
          instanceTypes: ['m5.large'],
          minSize: 1,
          maxSize: 10,
          desiredCapacity: 2,
          launchDelay: '60s',
          targetTrackingPolicy: { predefinedMetricType: 'ASGAverageCPUUtilization', targetValue: 50, estimatedInstanceWarmup: 300 },
        },
      },
    },
  },
  taskDefinitions: { web: { cpu: 1024, memory: 2048, containerDefinitions: { app: { cpu: 1024, memory: 2048 } } } },
  services: {
    web: {
      taskDefinition: 'web',
      desiredCount: 4,
      launchType: 'EC2',
      workload: {
        type: 'http',
        requestRate: 400,
        perTask: { capacityRps: 100, concurrency: 8, serviceTime: { distribution: 'fixed', value: '40ms' } },
        maxQueuePerTask: 100,
      },
    },
  },
};

describe('ASGAverageCPUUtilization leaves out an instance for every period it spent warming, even in part', () => {
  it('a warm-up ending at 540 s leaves the instances out of [480, 540): the high alarm goes OK at 660 s, not 600 s', () => {
    const r = runKeepingRows(scenario, { seed: 1 });
    const acts = r.events.filter((e) => e.type === 'scaling-activity' && e.subject === 'ec2');
    expect(acts.map((e) => [e.time / 1000, e.message.slice(0, e.message.indexOf(':'))])).toEqual([[240, 'desired capacity 2 -> 4']]);
    const ok = r.events.filter((e) => e.type === 'alarm-state' && /AlarmHigh ALARM -> OK/.test(e.message));
    expect(ok.map((e) => e.time / 1000)).toEqual([660]);
    const m = /1 of 3 datapoints not > 50: ([\d.]+) ([\d.]+) ([\d.]+)$/.exec(ok[0].message)!;
    // [420, 480) and [480, 540) over i-1 and i-2 only; [540, 600) over all four
    expect(Number(m[1])).toBeGreaterThan(90);
    expect(Number(m[2])).toBeGreaterThan(90);
    expect(Number(m[3])).toBeLessThanOrEqual(50);
  });
});
