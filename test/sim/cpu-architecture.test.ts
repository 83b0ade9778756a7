// runtimePlatform.cpuArchitecture end to end on EC2: a task definition that names an
// architecture runs only on instances of it (their ecs.cpu-architecture attribute,
// AmazonECS/latest/developerguide/task-placement-constraints.html); one that names none
// runs on any (ecsim's reading, docs/assumptions.md). m5.large is x86_64, m6g.large arm64;
// both register 2048 CPU units, so a 256-unit task fits 8 times on each.

import { describe, expect, it } from 'vitest';
import { runKeepingRows } from '../helpers.js';

const START = { imagePull: '5s', containerStart: '1s' };

function scenario(groups: Record<string, string[]>, runtimePlatform: object | undefined, service: object = { launchType: 'EC2' }): any {
  return {
    name: 'arch',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: Object.fromEntries(
        Object.entries(groups).map(([name, types]) => [
          name,
          { autoScalingGroup: { instanceTypes: types, minSize: 2, maxSize: 2, desiredCapacity: 2, launchDelay: '60s', ...(types.length > 1 ? { purchaseOption: 'spot' } : {}) } },
        ]),
      ),
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'bridge', ...(runtimePlatform ? { runtimePlatform } : {}), startup: START } },
    services: { app: { taskDefinition: 'app', desiredCount: 6, ...service } },
  };
}

/** Instance id -> its type, from the instance-launched events ("<group> launched <type> in <az> ..."). */
function typesOf(events: readonly { type: string; subject: string; message: string }[]): Map<string, string> {
  return new Map(events.filter((e) => e.type === 'instance-launched').map((e) => [e.subject, /launched (\S+) in/.exec(e.message)![1]]));
}

describe('runtimePlatform.cpuArchitecture on EC2', () => {
  it('ARM64 tasks on a cluster of x86_64 and arm64 groups run only on the arm64 instances', () => {
    const r = runKeepingRows(scenario({ x86: ['m5.large'], arm: ['m6g.large'] }, { cpuArchitecture: 'ARM64' }), { seed: 1 });
    const types = typesOf(r.events);
    const running = r.tasks.filter((t) => t.running !== null);
    expect(running).toHaveLength(6);
    for (const t of running) expect([t.capacityProvider, types.get(t.instanceId!)]).toEqual(['arm', 'm6g.large']);
    // spread by AZ then instance: 3 on each of the two arm64 instances
    expect(new Set(running.map((t) => t.instanceId)).size).toBe(2);
    expect(r.events.some((e) => e.type === 'task-unplaceable' && e.time > 60_000)).toBe(false);
  });

  it('ARM64 tasks with only x86_64 instances are never placed, and the reason names the architecture', () => {
    const r = runKeepingRows(scenario({ x86: ['m5.large'] }, { cpuArchitecture: 'ARM64' }), { seed: 1 });
    // launchType EC2: ECS creates no task that no instance takes
    expect(r.tasks).toHaveLength(0);
    const why = r.events.filter((e) => e.type === 'task-unplaceable' && e.time >= 60_000);
    expect(why.length).toBeGreaterThan(0);
    for (const e of why) {
      expect(e.message).toBe(
        'service app was unable to place a task because no container instance met all of its requirements. The closest matching container-instance i-00000000000000001 is missing an attribute required by your task. For more information, see the Troubleshooting section. ecsim: 2 rejected for ATTRIBUTE (ecs.cpu-architecture != arm64); closest i-00000000000000001 (us-east-1a) is missing an attribute required by the task (ecs.cpu-architecture=arm64)',
      );
    }
  });

  it('a task definition without cpuArchitecture runs on any instance: on arm64 ones too (an explicit X86_64 does not)', () => {
    for (const rp of [undefined, { operatingSystemFamily: 'LINUX' }]) {
      const r = runKeepingRows(scenario({ arm: ['m6g.large'] }, rp), { seed: 1 });
      expect(r.tasks.filter((t) => t.running !== null)).toHaveLength(6);
    }
    const x86 = runKeepingRows(scenario({ arm: ['m6g.large'] }, { cpuArchitecture: 'X86_64' }), { seed: 1 });
    expect(x86.tasks).toHaveLength(0);
    expect(x86.events.filter((e) => e.type === 'task-unplaceable').pop()!.message).toMatch(/2 rejected for ATTRIBUTE \(ecs\.cpu-architecture != x86_64\)/);
  });

  it('through a capacity provider whose Spot group mixes both architectures (binpack: the packing order), ARM64 tasks go only to its arm64 instances', () => {
    // a Spot group launches its types in turn: m5.large, m6g.large
    const service = { capacityProviderStrategy: [{ capacityProvider: 'mixed', weight: 1 }], placementStrategy: [{ type: 'binpack', field: 'memory' }] };
    const r = runKeepingRows(scenario({ mixed: ['m5.large', 'm6g.large'] }, { cpuArchitecture: 'ARM64' }, service), { seed: 1 });
    const types = typesOf(r.events);
    expect([...types.values()].sort()).toEqual(['m5.large', 'm6g.large']);
    const running = r.tasks.filter((t) => t.running !== null);
    // binpack memory: all 6 on the one arm64 instance (8 fit)
    expect(running).toHaveLength(6);
    expect(new Set(running.map((t) => types.get(t.instanceId!)))).toEqual(new Set(['m6g.large']));
    expect(new Set(running.map((t) => t.instanceId)).size).toBe(1);
  });

  it('a DAEMON task naming ARM64 runs on each arm64 instance only', () => {
    const raw = scenario({ x86: ['m5.large'], arm: ['m6g.large'] }, { cpuArchitecture: 'ARM64' }, { launchType: 'EC2', schedulingStrategy: 'DAEMON' });
    delete raw.services.app.desiredCount;
    const r = runKeepingRows(raw, { seed: 1 });
    const types = typesOf(r.events);
    const running = r.tasks.filter((t) => t.running !== null);
    expect(running.map((t) => types.get(t.instanceId!))).toEqual(['m6g.large', 'm6g.large']);
    expect(new Set(running.map((t) => t.instanceId)).size).toBe(2);
  });
});
