// A check of the resources booked on instances, for tests (RunOptions.checkTallies): each
// live instance's remaining CPU, memory and ENIs, its taken host ports and its task-group
// counts must be what a walk over the tasks placed there gives (registered less the sum of
// their needs; DAEMON tasks are placed like any other, so their reservation is among
// them), and no resource may be over-committed (below 0, or a port taken twice). The
// booking code (services.ts placeOn / releaseInstance) keeps these figures incrementally;
// this recomputes them from scratch.

import type { Instance } from '../model/instance.js';
import type { Task } from '../model/task.js';
import type { TaskRequirements } from '../placement/types.js';

/** Throws a one-line error naming the instance and the resource when a booking is off. */
export function checkBookings(instances: Iterable<Instance>, requirementsOf: (task: Task) => TaskRequirements): void {
  for (const inst of instances) {
    let cpu = 0;
    let memory = 0;
    let enis = 0;
    const ports = new Map<number, string>();
    const groups = new Map<string, number>();
    for (const task of inst.tasks) {
      const req = requirementsOf(task);
      cpu += req.cpu;
      memory += req.memory;
      if (req.needsEni) enis++;
      for (const p of req.hostPorts) {
        const holder = ports.get(p);
        if (holder !== undefined) throw new Error(`internal: ${inst.id} has host port ${p} taken twice, by ${holder} and ${task.id}`);
        ports.set(p, task.id);
      }
      groups.set(req.group, (groups.get(req.group) ?? 0) + 1);
    }
    const enisRegistered = Math.max(0, inst.type.enis - 1);
    const resources: [string, number, number, number][] = [
      ['CPU', inst.cpuRegistered, cpu, inst.cpuRemaining],
      ['memory', inst.memoryRegistered, memory, inst.memoryRemaining],
      ['ENIs', enisRegistered, enis, inst.enisRemaining],
    ];
    for (const [name, registered, needed, remaining] of resources) {
      if (remaining !== registered - needed) {
        throw new Error(`internal: ${inst.id}'s remaining ${name} is ${remaining}, but registered ${registered} less the ${inst.tasks.size} tasks' ${needed} there is ${registered - needed}`);
      }
      if (remaining < 0) throw new Error(`internal: ${inst.id}'s ${name} is over-committed: ${inst.tasks.size} tasks need ${needed} of registered ${registered}`);
    }
    const used = [...inst.usedHostPorts].sort((a, b) => a - b).join(',');
    const walked = [...ports.keys()].sort((a, b) => a - b).join(',');
    if (used !== walked) throw new Error(`internal: ${inst.id}'s taken host ports [${used}] differ from its tasks' [${walked}]`);
    const kept = [...inst.groupCounts].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const counted = [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (JSON.stringify(kept) !== JSON.stringify(counted)) throw new Error(`internal: ${inst.id}'s task-group counts ${JSON.stringify(kept)} differ from its tasks' ${JSON.stringify(counted)}`);
  }
}
