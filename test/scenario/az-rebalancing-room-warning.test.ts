// Availability Zone rebalancing starts a task in the AZ with the fewest tasks before it stops
// one in the AZ with the most, within maximumPercent (developerguide/service-rebalancing.html):
// where floor(count x maximumPercent / 100) <= count there is no room for that task, so
// rebalancing is on but can never move a task. The loader says so for the initial desired
// count and for minCapacity (review 2026-11-27, b.yaml: 3 tasks at 120 %, all in one AZ).

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { runKeepingRows } from '../helpers.js';

function scenario(desiredCount: number, maximumPercent: number, extra: Record<string, unknown> = {}) {
  return {
    name: 'b',
    start: '2026-03-02T09:00:00Z',
    duration: '30m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 3, maxSize: 3, desiredCapacity: 3 } } },
    },
    taskDefinitions: { web: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { app: { cpu: 256, memory: 512 } } } },
    services: { web: { taskDefinition: 'web', desiredCount, deploymentConfiguration: { maximumPercent }, launchType: 'EC2', ...extra } },
  };
}
const warned = (s: unknown) =>
  scenarioWarnings(loadScenarioObject('b', s, { baseDir: '.' }))
    .filter((w) => w.message.includes('availabilityZoneRebalancing'))
    .map((w) => `${w.at.join('.')}: ${w.message}`);
const TAIL =
  '; availabilityZoneRebalancing is ENABLED (the default for this service), and ECS starts a task in the Availability Zone with the fewest before it stops one (within maximumPercent), so rebalancing cannot move a task while the service runs that many';

describe('AZ rebalancing with maximumPercent leaving no room for one task more', () => {
  it('3 tasks at 120 %: floor(3.6) = 3, warned; 134 % (the least with floor(3 x m / 100) >= 4) gives room', () => {
    expect(warned(scenario(3, 120))).toEqual([
      `services.web.deploymentConfiguration.maximumPercent: 120 leaves no room for one task more at 3 tasks (the initial desired count: floor(3 x 120 / 100) = 3)${TAIL}; a maximumPercent of 134 or more gives room`,
    ]);
    // 133: floor(3.99) = 3, still none; 134: floor(4.02) = 4
    expect(warned(scenario(3, 133))).toHaveLength(1);
    expect(warned(scenario(3, 134))).toEqual([]);
    // 5 tasks at 120 %: floor(6) = 6 > 5
    expect(warned(scenario(5, 120))).toEqual([]);
    // one task is never unbalanced by two
    expect(warned(scenario(1, 120))).toEqual([]);
    // rebalancing off: nothing to say
    expect(warned(scenario(3, 120, { availabilityZoneRebalancing: 'DISABLED' }))).toEqual([]);
  });

  it('written ENABLED is said as written; with autoScaling minCapacity is checked too', () => {
    expect(warned(scenario(3, 120, { availabilityZoneRebalancing: 'ENABLED' }))[0]).toContain('availabilityZoneRebalancing is ENABLED, and ECS');
    // desired 5 has room (floor(6) = 6), minCapacity 2 has none (floor(2.4) = 2): 150 % needed (floor(2 x 150 / 100) = 3)
    const as = { autoScaling: { minCapacity: 2, maxCapacity: 6, policies: {} } };
    // the same count once
    expect(warned(scenario(2, 120, as))).toEqual([
      `services.web.deploymentConfiguration.maximumPercent: 120 leaves no room for one task more at 2 tasks (the initial desired count and minCapacity: floor(2 x 120 / 100) = 2)${TAIL}; a maximumPercent of 150 or more gives room`,
    ]);
    expect(warned(scenario(5, 120, as))).toEqual([
      `services.web.deploymentConfiguration.maximumPercent: 120 leaves no room for one task more at 2 tasks (minCapacity: floor(2 x 120 / 100) = 2)${TAIL}; a maximumPercent of 150 or more gives room`,
    ]);
  });

  it('the run agrees: at 120 % the 3 tasks are never moved, at 134 % they are', () => {
    const events = (max: number) => runKeepingRows(scenario(3, max), { seed: 1 }).events.filter((e) => e.type === 'az-rebalancing').map((e) => e.message);
    const moves = (max: number) => events(max).filter((m) => / has started \d+ tasks? in /.test(m)).length;
    expect(moves(120)).toBe(0);
    expect(moves(134)).toBeGreaterThan(0);
    // at 120 % the run says why, once (the run is shorter than 6 hours)
    const noRoom = events(120);
    expect(noRoom).toHaveLength(1);
    expect(noRoom[0]).toMatch(/^service web is not AZ balanced with .*\. ecsim: no task can start to AZ Rebalance: maximumPercent 120 allows floor\(3 x 120 \/ 100\) = 3 tasks, leaving no room to start another\.$/);
  });
});
