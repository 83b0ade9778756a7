// Placement end to end (aws-behaviour.md §8): DAEMON services, unplaceable tasks and their
// reasons, memberOf over custom attributes, instance and AZ on every task row.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord, type TaskRow } from '../../src/sim/index.js';

function base(): any {
  return {
    name: 'placement',
    duration: '30m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      capacityProviders: {
        general: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 3, maxSize: 3, desiredCapacity: 3, launchDelay: '60s', attributes: { tier: 'general' } } },
        memory: { autoScalingGroup: { instanceTypes: ['r5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '60s', attributes: { tier: 'memory' } } },
      },
    },
    taskDefinitions: {
      small: { cpu: 256, memory: 512, networkMode: 'bridge', startup: { imagePull: '5s', containerStart: '1s' } },
      agent: { cpu: 128, memory: 128, networkMode: 'host', containerDefinitions: { agent: { memory: 128, portMappings: [{ containerPort: 9100 }] } } },
      huge: { cpu: 1024, memory: 12_000, networkMode: 'bridge' },
    },
    services: {},
  };
}

function run(raw: any) {
  const s = loadScenarioObject('placement', raw, { baseDir: '.' });
  const events: EventRecord[] = [];
  const tasks: TaskRow[] = [];
  const r = runSimulation(s, { event: (e) => events.push(e), timeseries: () => {}, capacity: () => {}, task: (t) => tasks.push(t) }, { seed: 3, checkTallies: true });
  return { ...r, events, tasks };
}

describe('DAEMON services', () => {
  it('run one task on every ACTIVE instance, and only there', () => {
    const raw = base();
    raw.services.agent = { taskDefinition: 'agent', schedulingStrategy: 'DAEMON', launchType: 'EC2' };
    const r = run(raw);
    const instances = r.tasks.map((t) => t.instanceId);
    expect(instances).toHaveLength(4);
    expect(new Set(instances).size).toBe(4);
  });
});

describe('memberOf over custom attributes', () => {
  it('places every task on an instance whose attribute matches; the 9th is refused (2048 CPU units / 256 = 8 fit)', () => {
    const raw = base();
    raw.services.web = {
      taskDefinition: 'small',
      desiredCount: 9,
      launchType: 'EC2',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:tier == memory' }],
    };
    const r = run(raw);
    const placed = r.events.filter((e) => e.type === 'task-placed');
    expect(placed).toHaveLength(8);
    for (const e of placed) expect(e.message).toMatch(/r5\.large/);
    const why = r.events.filter((e) => e.type === 'task-unplaceable').pop()!;
    expect(why.message).toMatch(/1 rejected for RESOURCE:CPU, 3 for memberOf constraint/);
    for (const t of r.tasks.filter((t) => t.running !== null)) {
      expect(t.instanceId).toMatch(/^i-/);
      expect(t.availabilityZone).toMatch(/^us-east-1[abc]$/);
    }
  });
});

describe('unplaceable tasks', () => {
  it('say why in ECS terms: the instances each step rejected and the closest instance', () => {
    const raw = base();
    raw.services.big = { taskDefinition: 'huge', desiredCount: 2, launchType: 'EC2' };
    const r = run(raw);
    const why = r.events.filter((e) => e.type === 'task-unplaceable');
    // r5.large registers floor(16384 x 0.98 = 16056.32) = 16056 MiB (12000 each): the first fits there, the second fits nowhere
    expect(r.tasks.filter((t) => t.running !== null)).toHaveLength(1);
    const last = why[why.length - 1];
    // AWS's service event first (service-event-messages-list.html), then ecsim's detail
    expect(last.message).toMatch(/^service big was unable to place a task because no container instance met all of its requirements\. The closest matching container-instance (i-\w+) has insufficient memory available\. For more information, see the Troubleshooting section\. ecsim: 4 rejected for RESOURCE:MEMORY; closest \1 \(us-east-1\w\) lacks \d+ MiB memory$/);
    // launchType EC2: ECS never creates the second task (no tasks.csv row), it only reports the event
    expect(r.tasks.filter((t) => t.service === 'big')).toHaveLength(1);
  });

  it('log a new reason at once, even less than a minute after the first message (launchDelay 30 s)', () => {
    // At 0 s the four instances are launching: nothing is registered. At 30 s they register
    // and the retries fail for the real reasons; these were suppressed when the throttle
    // (60 s since the last message) applied to a new reason too, and nothing retried after.
    const raw = base();
    for (const p of Object.values<any>(raw.cluster.capacityProviders)) p.autoScalingGroup.launchDelay = '30s';
    raw.taskDefinitions.toobig = { cpu: 1024, memory: 16_600, networkMode: 'bridge' };
    raw.services.reports = { taskDefinition: 'toobig', desiredCount: 1, launchType: 'EC2' };
    raw.services.gpu = { taskDefinition: 'small', desiredCount: 1, launchType: 'EC2', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ g5.*' }] };
    const r = run(raw);
    const why = (service: string) => r.events.filter((e) => e.type === 'task-unplaceable' && e.subject === service).map((e) => [e.time, e.message.replace(/^.*? ecsim: /, '')]);
    const launching = 'no container instance is registered in the cluster yet (4 launching), so no container instance can run the task';
    // m5.large registers floor(8192 x 0.98) = 8028 MiB, r5.large floor(16384 x 0.98) = 16056: the r5.large (i-4) lacks 16600 - 16056 = 544 MiB
    expect(why('reports')).toEqual([
      [0, launching],
      [30_000, '4 rejected for RESOURCE:MEMORY; closest i-00000000000000004 (us-east-1a) lacks 544 MiB memory'],
    ]);
    // every instance fits and fails the constraint alike: the closest is the lowest id
    expect(why('gpu')).toEqual([
      [0, launching],
      [30_000, '4 rejected for memberOf constraint; closest i-00000000000000001 (us-east-1a) is excluded by memberOf(attribute:ecs.instance-type =~ g5.*)'],
    ]);
  });

  it('log the reason again once the instances a message saw launching have registered (it said "1 launching" for the rest of the run)', () => {
    // a registers at 60 s (RESOURCE:MEMORY, b still launching), b at 90 s: the retry then
    // fails on both for new reasons, less than a minute after the last message
    const raw = {
      name: 'launching',
      duration: '30m',
      cluster: {
        availabilityZones: ['us-east-1a'],
        capacityProviders: {
          a: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '60s' } },
          b: { autoScalingGroup: { instanceTypes: ['r5.xlarge'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '90s' } },
        },
      },
      taskDefinitions: { big: { cpu: 2048, memory: 9000, networkMode: 'bridge', containerDefinitions: { app: { cpu: 2048, memory: 9000 } } } },
      services: { big: { taskDefinition: 'big', desiredCount: 3, launchType: 'EC2' } },
    };
    const r = run(raw);
    const rows = r.events.filter((e) => e.type === 'task-unplaceable').map((e) => [e.time, e.message.replace(/^.*? ecsim: /, '').replace(/; closest.*$/, '')]);
    expect(rows).toEqual([
      [0, 'no container instance is registered in the cluster yet (2 launching), so no container instance can run the task'],
      [60_000, '1 rejected for RESOURCE:MEMORY'],
      [90_000, '1 rejected for RESOURCE:CPU, 1 for RESOURCE:MEMORY'],
    ]);
  });

  it('static host ports: two tasks with the same host port never share an instance (RESOURCE:PORTS)', () => {
    const raw = base();
    raw.taskDefinitions.small.containerDefinitions = { app: { memory: 512, portMappings: [{ containerPort: 80, hostPort: 8080 }] } };
    raw.services.web = { taskDefinition: 'small', desiredCount: 5, launchType: 'EC2' };
    const r = run(raw);
    const placed = r.tasks.filter((t) => t.instanceId !== null);
    expect(placed).toHaveLength(4);
    expect(new Set(placed.map((t) => t.instanceId)).size).toBe(4);
    expect(r.events.some((e) => e.type === 'task-unplaceable' && /RESOURCE:PORTS/.test(e.message))).toBe(true);
  });
});

describe('memoryReservation (the soft limit) is what a container reserves', () => {
  // ContainerDefinition: "If you specify memoryReservation, then that value is subtracted from
  // the available memory resources for the container instance"; service_utilization.html uses
  // the same figure as MemoryUtilization's denominator.
  function softLimitScenario(): any {
    return {
      name: 'soft-limit',
      duration: '10m',
      cluster: {
        availabilityZones: ['us-east-1a'],
        capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '10s' } } },
      },
      taskDefinitions: {
        burst: { networkMode: 'bridge', containerDefinitions: { app: { cpu: 128, memory: 4096, memoryReservation: 512 } } },
      },
      services: {
        burst: {
          taskDefinition: 'burst',
          desiredCount: 8,
          launchType: 'EC2',
          workload: { type: 'http', requestRate: { constant: 10 }, perTask: { capacityRps: 100, memoryMiB: { base: 256, perRps: 0 } } },
        },
      },
    };
  }

  it('places 8 tasks of 512 MiB reserved on one m5.large (only 1 would fit at the 4096 MiB hard limit)', () => {
    const r = run(softLimitScenario());
    expect(r.events.filter((e) => e.type === 'task-placed')).toHaveLength(8);
  });

  it('reports MemoryUtilization against the 512 MiB reserved: 256 MiB used is 50 %', () => {
    const s = loadScenarioObject('soft-limit', softLimitScenario(), { baseDir: '.' });
    const rows: { memoryUtilization: number | null; runningCount: number }[] = [];
    runSimulation(s, { event: () => {}, timeseries: (r) => rows.push(r), capacity: () => {}, task: () => {} }, { seed: 3 });
    const last = rows[rows.length - 1];
    expect(last.runningCount).toBe(8);
    expect(last.memoryUtilization).toBeCloseTo(50, 6);
  });
});
