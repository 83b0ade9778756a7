// runtimePlatform.cpuArchitecture on EC2: a task whose task definition names an architecture
// goes only to instances whose ecs.cpu-architecture attribute has that value (the built-in
// attribute, AmazonECS/latest/developerguide/task-placement-constraints.html); a task that
// names none goes to any. An instance of the other architecture is counted under ATTRIBUTE
// (before CPU and memory) and the closest instance "is missing an attribute required by the
// task", as ECS's service event says.

import { describe, expect, it } from 'vitest';
import { daemonPlacements, describeUnplaceable, placeTask } from '../../src/placement/index.js';
import { fixedRng, inst, task } from './helpers.js';

const x86 = (id: string, over: Parameters<typeof inst>[1] = {}) => inst(id, { ...over, attrs: { 'ecs.cpu-architecture': 'x86_64' } });
const arm = (id: string, over: Parameters<typeof inst>[1] = {}) => inst(id, { type: 'm6g.large', ...over, attrs: { 'ecs.cpu-architecture': 'arm64' } });
const BINPACK_MEMORY = [{ type: 'binpack', field: 'memory' }] as const;

describe('placement by CPU architecture', () => {
  it('an ARM64 task on a mixed cluster goes only to arm64 instances, even where x86_64 ones would win the strategy', () => {
    // binpack memory picks the least free memory that fits: i-1 (x86, 600 MiB free) would win
    // among all; among arm64 instances i-2 (4000) beats i-4 (7680)
    const xs = [x86('i-1', { memoryRemaining: 600 }), arm('i-2', { memoryRemaining: 4000 }), x86('i-3', { memoryRemaining: 1000 }), arm('i-4')];
    expect(placeTask(xs, task({ cpuArchitecture: 'arm64' }), [], BINPACK_MEMORY, fixedRng(0))).toEqual({ ok: true, instanceId: 'i-2' });
    // and an x86_64 task only to x86_64 ones
    expect(placeTask(xs, task({ cpuArchitecture: 'x86_64' }), [], BINPACK_MEMORY, fixedRng(0))).toEqual({ ok: true, instanceId: 'i-1' });
  });

  it('a task naming no architecture goes to any instance (binpack memory: the x86_64 i-1, least free)', () => {
    const xs = [x86('i-1', { memoryRemaining: 600 }), arm('i-2', { memoryRemaining: 4000 })];
    expect(placeTask(xs, task(), [], BINPACK_MEMORY, fixedRng(0))).toEqual({ ok: true, instanceId: 'i-1' });
    // the arm64 one when it packs tighter
    const ys = [x86('i-1', { memoryRemaining: 4000 }), arm('i-2', { memoryRemaining: 600 })];
    expect(placeTask(ys, task(), [], BINPACK_MEMORY, fixedRng(0))).toEqual({ ok: true, instanceId: 'i-2' });
  });

  it('an ARM64 task with only x86_64 instances is unplaced: every instance counted under ATTRIBUTE, the closest missing the attribute', () => {
    // i-2 would also lack memory: the architecture is counted first, and among instances that
    // all miss the attribute the closest is the one lacking nothing else (i-1)
    const xs = [x86('i-1'), x86('i-2', { memoryRemaining: 100, az: 'us-east-1b' }), x86('i-3', { status: 'DRAINING' })];
    const r = placeTask(xs, task({ cpuArchitecture: 'arm64' }), [], BINPACK_MEMORY, fixedRng(0));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason.rejections).toEqual([
      { reason: 'INSTANCE_STATUS', count: 1 },
      { reason: 'ATTRIBUTE', count: 2, detail: 'ecs.cpu-architecture=arm64' },
    ]);
    expect(r.reason.closest).toEqual({
      instanceId: 'i-1',
      availabilityZone: 'us-east-1a',
      lacks: { cpu: 0, memory: 0, ports: [], eni: 0, constraints: [], attribute: 'ecs.cpu-architecture=arm64' },
    });
    expect(r.reason.message).toBe(
      'no container instance met all requirements: 1 rejected for INSTANCE_STATUS (not ACTIVE), 2 for ATTRIBUTE (ecs.cpu-architecture != arm64); closest i-1 (us-east-1a) is missing an attribute required by the task (ecs.cpu-architecture=arm64)',
    );
  });

  it('an arm64 instance short of memory is closer than x86_64 instances with room; each instance is counted once', () => {
    const xs = [x86('i-1'), arm('i-2', { memoryRemaining: 256 }), x86('i-3')];
    const r = describeUnplaceable(xs, task({ cpuArchitecture: 'arm64' }), []);
    expect(r.rejections).toEqual([
      { reason: 'ATTRIBUTE', count: 2, detail: 'ecs.cpu-architecture=arm64' },
      { reason: 'RESOURCE:MEMORY', count: 1 },
    ]);
    expect(r.closest).toEqual({ instanceId: 'i-2', availabilityZone: 'us-east-1a', lacks: { cpu: 0, memory: 256, ports: [], eni: 0, constraints: [] } });
    expect(r.message).toBe('no container instance met all requirements: 2 rejected for ATTRIBUTE (ecs.cpu-architecture != arm64), 1 for RESOURCE:MEMORY; closest i-2 (us-east-1a) lacks 256 MiB memory');
  });

  it('a DAEMON task naming arm64 goes on each arm64 instance; x86_64 ones are neither places nor lacking', () => {
    const xs = [x86('i-1'), arm('i-2'), x86('i-3', { memoryRemaining: 10 }), arm('i-4', { memoryRemaining: 10 })];
    expect(daemonPlacements(xs, task({ group: 'daemon:agent', cpuArchitecture: 'arm64' }), [])).toEqual({ place: ['i-2'], lacking: [{ instanceId: 'i-4', reason: 'RESOURCE:MEMORY' }] });
    // naming none: every instance
    expect(daemonPlacements(xs, task({ group: 'daemon:agent' }), [])).toEqual({
      place: ['i-1', 'i-2'],
      lacking: [
        { instanceId: 'i-3', reason: 'RESOURCE:MEMORY' },
        { instanceId: 'i-4', reason: 'RESOURCE:MEMORY' },
      ],
    });
  });
});
