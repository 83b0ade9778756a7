// distinctInstance looks at the desired status of the tasks (task-placement-constraints.html:
// "if the desired status of the existing task is STOPPED, ... a new incoming task can be
// placed on the same instance"): a task still deregistering does not block its instance.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord } from '../../src/sim/index.js';

function run(constraints: object[]) {
  const s = loadScenarioObject(
    'distinct',
    {
      name: 'distinct',
      start: '2026-03-02T09:00:00Z',
      duration: '30m',
      cluster: {
        availabilityZones: ['us-east-1a'],
        capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 3, maxSize: 3, desiredCapacity: 3, launchDelay: '10s' } } },
      },
      taskDefinitions: { w: { cpu: 256, memory: 512, networkMode: 'bridge', startup: { imagePull: '5s', containerStart: '1s' } } },
      services: {
        w: {
          taskDefinition: 'w',
          desiredCount: 3,
          launchType: 'EC2',
          placementConstraints: constraints,
          loadBalancer: { deregistrationDelay: '300s' },
          // requests: the targets in rotation hold connections, so a deregistering one drains the whole delay
          workload: { requestRate: 30, perTask: { capacityRps: 100 } },
          autoScaling: {
            minCapacity: 3,
            maxCapacity: 3,
            scheduledActions: {
              down: { schedule: 'at(2026-03-02T09:10:00)', scalableTargetAction: { minCapacity: 2, maxCapacity: 2 } },
              up: { schedule: 'at(2026-03-02T09:11:00)', scalableTargetAction: { minCapacity: 3, maxCapacity: 3 } },
            },
          },
        },
      },
    },
    { baseDir: '.' },
  );
  const events: EventRecord[] = [];
  runSimulation(s, { event: (e) => events.push(e), timeseries() {}, capacity() {}, task() {} }, { seed: 1, checkTallies: true });
  return events;
}

describe('distinctInstance and tasks being stopped', () => {
  it('3 instances, 3 tasks; scale in at 10:00 (the stopped task deregisters for 300 s), back to 3 at 11:00: the new task goes at once onto the instance whose task is stopping', () => {
    const events = run([{ type: 'distinctInstance' }]);
    const stopped = events.find((e) => e.type === 'task-stopped')!;
    const placed = events.filter((e) => e.type === 'task-placed');
    expect(placed).toHaveLength(4);
    expect(placed[3].time).toBe(11 * 60_000);
    // on the stopping task's instance, which still holds that task until 15:01
    const stoppedInstance = events.find((e) => e.type === 'task-placed' && e.subject === stopped.subject)!.message.match(/on (i-\w+)/)![1];
    expect(placed[3].message).toContain(`on ${stoppedInstance}`);
    expect(stopped.time).toBe(10 * 60_000 + 300_000 + 1000); // deregistration delay, then the 1 s shutdown
    expect(events.some((e) => e.type === 'task-unplaceable' && e.time > 60_000)).toBe(false);
  });
});
