// A DAEMON task that fits no instance it should run on is not skipped silently: ECS keeps it
// pending and says why in a service event (service-event-messages.html), as for a replica
// task; the loader warns when it fits no instance type the groups launch.
// m5.large registers 2048 CPU units and floor(8192 x 0.98 = 8028.16) = 8028 MiB.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { runKeepingRows } from '../helpers.js';

function scenario(daemonMemory: number, types: string[] = ['m5.large'], spot = false) {
  return {
    name: 'daemon-unplaceable',
    duration: '20m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: types, ...(spot ? { purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '30d' } } : {}), minSize: 2, maxSize: 2, desiredCapacity: 2, launchDelay: '60s' } } },
    },
    taskDefinitions: { agent: { cpu: 256, memory: daemonMemory, networkMode: 'bridge' } },
    services: { agent: { taskDefinition: 'agent', schedulingStrategy: 'DAEMON' } },
  };
}

const warned = (raw: unknown) => scenarioWarnings(loadScenarioObject('d', raw, { baseDir: '.' })).map((w) => `${w.at.join('.')}: ${w.message}`);

describe('a DAEMON task larger than its instances', () => {
  it('logs one task-unplaceable event when the instances register, naming RESOURCE:MEMORY and the shortfall 9000 - 8028 = 972 MiB', () => {
    const r = runKeepingRows(scenario(9000), { seed: 1 });
    const events = r.events.filter((e) => e.type === 'task-unplaceable');
    expect(events.map((e) => [e.time, e.subject, e.message])).toEqual([
      [60_000, 'agent', 'service agent was unable to place a task because no container instance met all of its requirements. The closest matching container-instance i-00000000000000001 has insufficient memory available. For more information, see the Troubleshooting section. ecsim: DAEMON task pending on 2 instances; 2 rejected for RESOURCE:MEMORY; closest i-00000000000000001 (us-east-1a) lacks 972 MiB memory'],
    ]);
    expect(r.events.some((e) => e.type === 'task-placed')).toBe(false);
  });

  it('no event when it fits (8028 MiB exactly)', () => {
    const r = runKeepingRows(scenario(8028), { seed: 1 });
    expect(r.events.filter((e) => e.type === 'task-unplaceable')).toEqual([]);
    expect(r.events.filter((e) => e.type === 'task-placed')).toHaveLength(2);
  });

  it('the loader warns when no instance type a group launches registers enough', () => {
    expect(warned(scenario(9000))).toEqual([
      "services.agent: DAEMON task definition agent needs 256 CPU units and 9000 MiB memory, more than any instance type the cluster's Auto Scaling groups launch registers (ec2: m5.large 2048 CPU units, 8028 MiB): its task is placed on no instance (task-unplaceable events, RESOURCE:MEMORY); use a larger instance type or a smaller task",
    ]);
    expect(warned(scenario(8028))).toEqual([]);
    expect(warned(scenario(8029))).toHaveLength(1);
    // a Spot group launches every listed type: m5.xlarge registers floor(16384 x 0.98 = 16056.32) = 16056 MiB
    expect(warned(scenario(9000, ['m5.large', 'm5.xlarge'], true))).toEqual([]);
    // an on-demand group launches its first type only (and listing two is warned of too)
    const onDemand = warned(scenario(9000, ['m5.large', 'm5.xlarge']));
    expect(onDemand.filter((w) => /DAEMON task definition agent/.test(w))).toHaveLength(1);
    expect(onDemand.filter((w) => /launches only its first listed type/.test(w))).toHaveLength(1);
    expect(onDemand).toHaveLength(2);
  });
});
