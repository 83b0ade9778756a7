// The month benchmark scenario: bench/month.yaml is what bench/month-scenario.ts generates,
// it loads, and its shape is the one docs/performance.md describes (round 21): starting
// near steady state, scheduled actions that bind. Expectations are computed by hand from
// the traces' cosine and the CPU model (cpuBaseline + (100 - cpuBaseline) x rps / capacityRps).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { monthYaml } from '../../bench/month-scenario.js';
import { loadScenarioFile } from '../../src/scenario/index.js';

const text = readFileSync('bench/month.yaml', 'utf8');
const month = parse(text) as Record<string, any>;
const services = month.services as Record<string, any>;
const api = Object.entries(services).filter(([name]) => name.startsWith('api-'));

// 60 % CPU with cpuBaseline 4, capacityRps 40: 4 + 96 x rps / 40 = 60 -> rps = 23.33
const API_RPS = (40 * 56) / 96;

/** A one-day diurnal's rate at `hour` UTC (cosine peaking at peakAt, min half a day later). */
function diurnal(d: { min: number; max: number; peakAt: string }, hour: number): number {
  const peak = Number(d.peakAt.split(':')[0]);
  return (d.min + d.max) / 2 + ((d.max - d.min) / 2) * Math.cos((2 * Math.PI * (hour - peak)) / 24);
}

describe('bench/month.yaml', () => {
  it('is what bench/month-scenario.ts generates (regenerate: npx tsx bench/month-scenario.ts > bench/month.yaml)', () => {
    expect(monthYaml()).toBe(text);
  });

  it('loads', () => {
    expect(() => loadScenarioFile('bench/month.yaml')).not.toThrow();
  });

  it("starts each service at the desiredCount its target tracking holds for the trace's rate at 00:00 UTC", () => {
    // api-001: peak 3400 at 12:00, so 00:00 is its minimum 3400 / 6 = 566.7 rps: 24.3 -> 25 tasks
    expect(services['api-001'].desiredCount).toBe(25);
    // api-002: 3800 at 13:00: 2216.7 + 1583.3 x cos(-195 deg) = 687.3 rps: 29.5 -> 30 tasks
    expect(services['api-002'].desiredCount).toBe(30);
    // worker-001: 300..2400 peaking 15:00: 1350 - 1050 x 0.7071 = 607.5 rps; 55 % CPU with
    // cpuBaseline 3, capacityRps 50 is 26.8 rps a task: 22.7 -> 23 tasks
    expect(services['worker-001'].desiredCount).toBe(23);
    for (const [name, s] of api) {
      expect(s.desiredCount, name).toBe(Math.max(10, Math.ceil(diurnal(s.workload.requestRate.diurnal, 0) / API_RPS)));
    }
  });

  it('sizes each group so its CapacityProviderReservation starts at about targetCapacity 90', () => {
    for (const [group, cp] of Object.entries(month.cluster.capacityProviders as Record<string, any>)) {
      if (!group.startsWith('asg-')) continue;
      const tasks = api.filter(([, s]) => s.capacityProviderStrategy[0].capacityProvider === group).reduce((n, [, s]) => n + s.desiredCount, 0);
      // an api task is 1 vCPU: 8 on an m5.2xlarge or c5.2xlarge
      const reservation = (100 * Math.ceil(tasks / 8)) / cp.autoScalingGroup.desiredCapacity;
      expect(reservation, group).toBeGreaterThan(85);
      expect(reservation, group).toBeLessThanOrEqual(90);
    }
  });

  it('has business-hours raise minCapacity above what target tracking holds when it fires, and below the peak', () => {
    // api-001: 9 hours before its 12:00 peak; half the peak's tasks: 1700 / 23.33 = 72.9 -> 73
    expect(services['api-001'].autoScaling.scheduledActions['business-hours']).toEqual({
      schedule: 'cron(0 3 ? * MON-FRI *)',
      timezone: 'Europe/London',
      scalableTargetAction: { minCapacity: 73 },
    });
    for (const [name, s] of api) {
      const d = s.workload.requestRate.diurnal;
      const action = s.autoScaling.scheduledActions['business-hours'];
      const hour = Number(/^cron\(0 (\d+) /.exec(action.schedule)![1]);
      const min = action.scalableTargetAction.minCapacity;
      expect(Math.ceil(diurnal(d, hour) / API_RPS), name).toBeLessThan(min);
      expect(min, name).toBeLessThan(Math.ceil(d.max / API_RPS));
    }
  });
});
