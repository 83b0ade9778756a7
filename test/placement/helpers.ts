// Test helpers for placement: instance builders, a fixed-sequence rng, and applying a
// placement to mutable instance state (what the service scheduler does after placeTask).

import type { RandomStream } from '../../src/engine/index.js';
import type { PlacementInstance, TaskRequirements } from '../../src/placement/index.js';

export interface MutableInstance extends PlacementInstance {
  status: PlacementInstance['status'];
  cpuRemaining: number;
  memoryRemaining: number;
  usedHostPorts: Set<number>;
  enisRemaining: number;
  runningTasksCount: number;
  groupCounts: Map<string, number>;
}

export function inst(id: string, over: Partial<Omit<MutableInstance, 'attributes'>> & { az?: string; type?: string; attrs?: Record<string, string> } = {}): MutableInstance {
  const { az = 'us-east-1a', type = 'm5.large', attrs = {}, ...rest } = over;
  return {
    id,
    status: 'ACTIVE',
    attributes: { 'ecs.availability-zone': az, 'ecs.instance-type': type, ...attrs },
    cpuRemaining: 2048,
    memoryRemaining: 7680,
    usedHostPorts: new Set(),
    enisRemaining: 2,
    runningTasksCount: 0,
    groupCounts: new Map(),
    ...rest,
  };
}

export function task(over: Partial<TaskRequirements> = {}): TaskRequirements {
  return { group: 'service:web', cpu: 256, memory: 512, hostPorts: [], needsEni: false, ...over };
}

/** An rng that returns the given values in turn (then repeats the last). */
export function fixedRng(...values: number[]): RandomStream {
  let i = 0;
  return { next: () => values[Math.min(i++, values.length - 1)] ?? 0 };
}

/** A tiny seeded LCG so property tests do not depend on the engine's stream. */
export function lcg(seed: number): RandomStream {
  let s = seed >>> 0 || 1;
  return {
    next: () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    },
  };
}

/** Applies a placement of `t` on `i` (resources, ports, ENI, counts). */
export function apply(i: MutableInstance, t: TaskRequirements): void {
  i.cpuRemaining -= t.cpu;
  i.memoryRemaining -= t.memory;
  for (const p of t.hostPorts) i.usedHostPorts.add(p);
  if (t.needsEni) i.enisRemaining -= 1;
  i.runningTasksCount += 1;
  i.groupCounts.set(t.group, (i.groupCounts.get(t.group) ?? 0) + 1);
}

/** Independent resource fit check (AWS step 1), written separately from the library. */
export function fits(i: PlacementInstance, t: TaskRequirements): boolean {
  return (
    i.status === 'ACTIVE' &&
    i.cpuRemaining >= t.cpu &&
    i.memoryRemaining >= t.memory &&
    t.hostPorts.every((p) => !i.usedHostPorts.has(p)) &&
    (!t.needsEni || i.enisRemaining >= 1)
  );
}
