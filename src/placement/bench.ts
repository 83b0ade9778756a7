// The placement benchmark the lead reports: 10 000 tasks placed one after another onto
// 1 000 instances across 3 AZs, with spread(AZ) + binpack(memory) and a memberOf constraint,
// updating the instances after each placement as the scheduler would. Target: < 1 s.

import { RandomStreams } from '../engine/index.js';
import { compileConstraints } from './constraints/compile-constraints.js';
import { placeTask } from './place-task.js';
import { compileStrategies } from './strategies/compile-strategies.js';
import type { PlacementInstance, TaskRequirements } from './types.js';

interface MutableInstance extends PlacementInstance {
  cpuRemaining: number;
  memoryRemaining: number;
  runningTasksCount: number;
  groupCounts: Map<string, number>;
}

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const TYPES = ['m5.xlarge', 'm5.2xlarge', 'c5.2xlarge', 'r5.xlarge'];

export function benchInstances(count: number): MutableInstance[] {
  const out: MutableInstance[] = [];
  for (let i = 0; i < count; i++) {
    out.push({
      id: `i-${i.toString(16).padStart(17, '0')}`,
      status: 'ACTIVE',
      attributes: {
        'ecs.availability-zone': AZS[i % AZS.length],
        'ecs.instance-type': TYPES[(i * 7) % TYPES.length],
        'ecs.os-type': 'linux',
        'ecs.cpu-architecture': 'x86_64',
      },
      cpuRemaining: 8192,
      memoryRemaining: 31_000,
      usedHostPorts: new Set<number>(),
      enisRemaining: 3,
      runningTasksCount: 0,
      groupCounts: new Map(),
    });
  }
  return out;
}

export function benchPlacement(): { tasks: number; instances: number; ms: number } {
  const tasks = 10_000;
  const instances = benchInstances(1_000);
  const cons = compileConstraints([{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.* or attribute:ecs.instance-type == r5.xlarge' }]);
  const strats = compileStrategies([
    { type: 'spread', field: 'attribute:ecs.availability-zone' },
    { type: 'binpack', field: 'memory' },
  ]);
  const rng = new RandomStreams(1).stream('placement-bench');
  const byId = new Map(instances.map((x) => [x.id, x]));
  const sizes = [256, 512, 1024];
  const t0 = performance.now();
  for (let k = 0; k < tasks; k++) {
    const task: TaskRequirements = { group: `service:svc${k % 5}`, cpu: sizes[k % 3] / 2, memory: sizes[k % 3], hostPorts: [], needsEni: false };
    const r = placeTask(instances, task, cons, strats, rng);
    if (!r.ok) throw new Error(`benchPlacement: task ${k} was not placed: ${r.reason.message}`);
    const inst = byId.get(r.instanceId) as MutableInstance;
    inst.cpuRemaining -= task.cpu;
    inst.memoryRemaining -= task.memory;
    inst.runningTasksCount++;
    inst.groupCounts.set(task.group, (inst.groupCounts.get(task.group) ?? 0) + 1);
  }
  return { tasks, instances: instances.length, ms: performance.now() - t0 };
}
