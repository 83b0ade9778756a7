// Managed scaling's estimate of the instances PROVISIONING tasks need, next to DAEMON
// services: ECS places a daemon task on every new instance (first), so a new instance
// offers the waiting tasks only what the daemons leave (model: docs/assumptions.md).
// Expectations worked out by hand.

import { describe, it, expect } from 'vitest';
import { estimateRoom } from '../../src/sim/daemon-reserve.js';
import { compileConstraints } from '../../src/placement/constraints/compile-constraints.js';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord, type CapacityRow } from '../../src/sim/index.js';

const m5large = { cpu: 2048, memoryMiB: 7680, awsvpcEnis: 2 };
const c5xlarge = { cpu: 4096, memoryMiB: 7200, awsvpcEnis: 3 };
const attrs = (type: string) => (az: string) => ({ 'ecs.instance-type': type, 'ecs.availability-zone': az });
const daemon = (cpu: number, memory: number, needsEni = false, constraints: { type: 'memberOf'; expression: string }[] = []) => ({
  requirements: { group: 'service:d', cpu, memory, hostPorts: [], needsEni },
  constraints: compileConstraints(constraints),
});

describe('estimateRoom', () => {
  const bare = { largest: m5large, smallest: m5large };

  it('without daemons: the group\'s own largest and smallest', () => {
    expect(estimateRoom([{ registered: m5large, attributes: attrs('m5.large') }], ['a'], [], bare)).toBe(bare);
  });

  it('two daemons (128 CPU / 256 MiB, and 256 CPU / 512 MiB awsvpc) on m5.large: 2048 - 384 = 1664 CPU, 7680 - 768 = 6912 MiB, 2 - 1 = 1 ENI', () => {
    const r = estimateRoom([{ registered: m5large, attributes: attrs('m5.large') }], ['a'], [daemon(128, 256), daemon(256, 512, true)], bare);
    expect(r.largest).toEqual({ cpu: 1664, memoryMiB: 6912, awsvpcEnis: 1 });
    // "too large" is decided on the bare type (AWS sorts the instance types by their own parameters)
    expect(r.smallest).toBe(bare.smallest);
  });

  it('per type, then the most of each packs; the least of each bare type decides "too large": a daemon only on c5.xlarge (memberOf) leaves m5.large whole', () => {
    const only = daemon(1024, 1024, false, [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == c5.xlarge' }]);
    const r = estimateRoom(
      [
        { registered: m5large, attributes: attrs('m5.large') },
        { registered: c5xlarge, attributes: attrs('c5.xlarge') },
      ],
      ['a'],
      [only],
      { largest: { cpu: 4096, memoryMiB: 7680, awsvpcEnis: 3 }, smallest: { cpu: 2048, memoryMiB: 7200, awsvpcEnis: 2 } },
    );
    // m5.large: 2048 / 7680 / 2; c5.xlarge: 4096 - 1024 = 3072 / 7200 - 1024 = 6176 / 3
    expect(r.largest).toEqual({ cpu: 3072, memoryMiB: 7680, awsvpcEnis: 3 });
    expect(r.smallest).toEqual({ cpu: 2048, memoryMiB: 7200, awsvpcEnis: 2 });
  });

  it('a daemon larger than one of the types is never placed there, so that type offers its whole room (t3.medium 2048 CPU / 3904 MiB next to a 6000-MiB daemon)', () => {
    const t3medium = { cpu: 2048, memoryMiB: 3904, awsvpcEnis: 2 };
    const m5xlarge = { cpu: 4096, memoryMiB: 15_766, awsvpcEnis: 3 };
    const big = daemon(256, 6000);
    const bareMixed = { largest: { cpu: 4096, memoryMiB: 15_766, awsvpcEnis: 3 }, smallest: { cpu: 2048, memoryMiB: 3904, awsvpcEnis: 2 } };
    const r = estimateRoom(
      [
        { registered: t3medium, attributes: attrs('t3.medium') },
        { registered: m5xlarge, attributes: attrs('m5.xlarge') },
      ],
      ['a'],
      [big],
      bareMixed,
    );
    // t3.medium: 6000 > 3904, no daemon: 2048 / 3904 / 2; m5.xlarge: 4096 - 256 = 3840 / 15766 - 6000 = 9766 / 3
    expect(r.largest).toEqual({ cpu: 3840, memoryMiB: 9766, awsvpcEnis: 3 });
    expect(r.smallest).toEqual({ cpu: 2048, memoryMiB: 3904, awsvpcEnis: 2 });
  });

  it('daemons in service order, each only if it fits what the ones before left: 6000 MiB then 2000 MiB on 7680 MiB places the first only', () => {
    const r = estimateRoom([{ registered: m5large, attributes: attrs('m5.large') }], ['a'], [daemon(256, 6000), daemon(128, 2000), daemon(64, 1000)], bare);
    // 7680 - 6000 = 1680: the 2000-MiB one does not fit, the 1000-MiB one does: 2048 - 256 - 64 = 1728 CPU, 1680 - 1000 = 680 MiB
    expect(r.largest).toEqual({ cpu: 1728, memoryMiB: 680, awsvpcEnis: 2 });
  });

  it('a daemon whose task definition names another CPU architecture is never placed on the type: an ARM64 daemon on an x86_64 group leaves the whole instance', () => {
    const x86 = (az: string) => ({ ...attrs('m5.large')(az), 'ecs.cpu-architecture': 'x86_64' });
    const arm = { ...daemon(512, 1024), requirements: { ...daemon(512, 1024).requirements, cpuArchitecture: 'arm64' } };
    const r = estimateRoom([{ registered: m5large, attributes: x86 }], ['a'], [arm], bare);
    expect(r.largest).toEqual({ cpu: 2048, memoryMiB: 7680, awsvpcEnis: 2 });
    // of the type's own architecture (or naming none) it counts: 2048 - 512 = 1536 CPU, 7680 - 1024 = 6656 MiB
    const sameArch = { ...arm, requirements: { ...arm.requirements, cpuArchitecture: 'x86_64' } };
    expect(estimateRoom([{ registered: m5large, attributes: x86 }], ['a'], [sameArch], bare).largest).toEqual({ cpu: 1536, memoryMiB: 6656, awsvpcEnis: 2 });
  });

  it('a daemon held to one AZ still counts (a new instance may land there)', () => {
    const oneAz = daemon(512, 0, false, [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == b' }]);
    const r = estimateRoom([{ registered: m5large, attributes: attrs('m5.large') }], ['a', 'b'], [oneAz], bare);
    expect(r.largest.cpu).toBe(1536);
  });
});

describe('managed scaling next to a DAEMON service (/tmp/rev-cap/daemon.yaml, smaller)', () => {
  function run(withDaemon: boolean) {
    const s: any = {
      name: 'd',
      start: '2026-03-02T09:00:00Z',
      duration: '30m',
      cluster: {
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        capacityProviders: {
          A: {
            autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 0, maxSize: 20, desiredCapacity: 0, launchDelay: '60s' },
            managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '300s' },
            managedTerminationProtection: 'ENABLED',
          },
        },
        defaultCapacityProviderStrategy: [{ capacityProvider: 'A', weight: 1 }],
      },
      taskDefinitions: {
        small: { cpu: 128, memory: 128, networkMode: 'bridge' },
        web: { cpu: 1024, memory: 2048, networkMode: 'bridge', startup: { imagePull: '5s', containerStart: '1s' } },
      },
      services: { web: { taskDefinition: 'web', desiredCount: 4 } },
    };
    if (withDaemon) s.services = { agent: { taskDefinition: 'small', schedulingStrategy: 'DAEMON', launchType: 'EC2' }, ...s.services };
    const events: EventRecord[] = [];
    const capacity: CapacityRow[] = [];
    runSimulation(loadScenarioObject('d', s, { baseDir: '.' }), { event: (e) => events.push(e), timeseries: () => {}, capacity: (c) => capacity.push(c), task: () => {} }, { seed: 1, checkTallies: true });
    return { outs: events.filter((e) => e.type === 'scaling-activity' && e.subject === 'A').map((e) => e.message), last: capacity[capacity.length - 1] };
  }

  it('with a 128-CPU daemon an m5.large (2048) holds one 1024-CPU web task: from zero to 2, then M = 2 busy + 2 waiting on 1920-CPU rooms = 4, so 2 -> 4 in one step', () => {
    const r = run(true);
    expect(r.outs).toHaveLength(2);
    expect(r.outs[0]).toMatch(/^desired 0 -> 2 /);
    expect(r.outs[1]).toMatch(/^desired 2 -> 4 .*M=4 N=2/);
    expect(r.last.instancesRunning).toBe(4);
  });

  it('without it two web tasks share an m5.large: 0 -> 2 holds all 4', () => {
    const r = run(false);
    expect(r.outs).toHaveLength(1);
    expect(r.last.instancesRunning).toBe(2);
  });
});

describe('managed scaling next to a DAEMON service larger than one of the group\'s types (/tmp/rev3/d/d.yaml, smaller)', () => {
  it('a 6000-MiB daemon that never goes on t3.medium (3904 MiB) does not make every waiting task "too large": the group scales out and the tasks run', () => {
    const s: any = {
      name: 'd',
      start: '2026-03-02T09:00:00Z',
      duration: '40m',
      cluster: {
        availabilityZones: ['us-east-1a'],
        capacityProviders: {
          A: {
            autoScalingGroup: { instanceTypes: ['t3.medium', 'm5.xlarge'], minSize: 2, maxSize: 12, desiredCapacity: 2, launchDelay: '60s' },
            managedScaling: { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '120s' },
            managedTerminationProtection: 'ENABLED',
          },
        },
        defaultCapacityProviderStrategy: [{ capacityProvider: 'A', weight: 1 }],
      },
      taskDefinitions: {
        router: { cpu: 256, memory: 6000, networkMode: 'host' },
        web: { cpu: 512, memory: 1024, networkMode: 'bridge', startup: { imagePull: '5s', containerStart: '1s' } },
      },
      services: { router: { taskDefinition: 'router', schedulingStrategy: 'DAEMON', launchType: 'EC2' }, web: { taskDefinition: 'web', desiredCount: 20 } },
    };
    const events: EventRecord[] = [];
    const capacity: CapacityRow[] = [];
    runSimulation(loadScenarioObject('d', s, { baseDir: '.' }), { event: (e) => events.push(e), timeseries: () => {}, capacity: (c) => capacity.push(c), task: () => {} }, { seed: 1, checkTallies: true });
    const outs = events.filter((e) => e.type === 'scaling-activity' && e.subject === 'A');
    expect(outs.length).toBeGreaterThan(0);
    const last = capacity[capacity.length - 1];
    expect(last.instancesRunning).toBeGreaterThan(2);
    expect(last.tasksRunning).toBeGreaterThanOrEqual(20);
  });
});
