// Estimate of the instances PROVISIONING tasks need: first-fit decreasing bin packing on
// CPU, memory (and ENIs for awsvpc tasks) onto empty instances of one type (the group's
// largest). AWS: "calculates the number of instances that are required to run the
// unplaced tasks ... uses a binpack strategy" (AmazonECS/latest/developerguide/managed-scaling-behavior.html).
// Model: tasks sorted by their larger share of the instance (cpu or memory; ties: more CPU,
// more memory, then the order given), each put in the first opened instance it fits, else a
// new one.

export interface TaskRequirement {
  /** CPU units. */
  cpu: number;
  /** MiB. */
  memory: number;
  /** ENIs the task needs on the instance (1 for awsvpc, else 0). Default 0. */
  enis?: number;
}

export interface InstanceCapacity {
  cpu: number;
  memoryMiB: number;
  /** ENIs available to tasks (maxEnis - 1). Unlimited when omitted. */
  awsvpcEnis?: number;
}

export interface PackingResult {
  /** Instances needed for the tasks that fit an empty instance. */
  instances: number;
  /** Tasks that fit no empty instance of this type (left out of the estimate). */
  incompatible: number;
}

function fits(t: TaskRequirement, cap: InstanceCapacity): boolean {
  return t.cpu <= cap.cpu && t.memory <= cap.memoryMiB && (t.enis ?? 0) <= (cap.awsvpcEnis ?? Infinity);
}

/** How many tasks of one kind fit into free resources (Infinity when the task needs none). */
function howMany(cpu: number, memory: number, enis: number, freeCpu: number, freeMem: number, freeEni: number): number {
  let n = Infinity;
  if (cpu > 0) n = Math.floor(freeCpu / cpu);
  if (memory > 0) n = Math.min(n, Math.floor(freeMem / memory));
  if (enis > 0) n = Math.min(n, Math.floor(freeEni / enis));
  return Math.max(0, n);
}

/** Consecutive equal tasks (same CPU, memory and ENIs): first fit treats them alike. */
interface Run {
  cpu: number;
  memory: number;
  enis: number;
  count: number;
}

/**
 * First-fit decreasing count of `capacity`-sized instances for `tasks`. Consecutive equal
 * tasks (a service's waiting tasks) are packed as one run: each opened instance in turn
 * takes as many as fit, then new instances take them whole — what one-by-one first fit
 * does with equal tasks (an instance that cannot take one cannot take the next). The runs
 * are sorted stably, as the tasks were, so the order is the one-by-one order. Time: linear
 * in the runs times the instances opened, not in the tasks times the instances.
 */
export function packProvisioningTasks(tasks: readonly TaskRequirement[], capacity: InstanceCapacity): PackingResult {
  if (tasks.length === 0) return { instances: 0, incompatible: 0 };
  const enisCap = capacity.awsvpcEnis ?? Infinity;
  const runs: Run[] = [];
  let last: Run | null = null;
  let incompatible = 0;
  for (const t of tasks) {
    if (!fits(t, capacity)) {
      incompatible++;
      continue;
    }
    const enis = t.enis ?? 0;
    if (last !== null && last.cpu === t.cpu && last.memory === t.memory && last.enis === enis) last.count++;
    else runs.push((last = { cpu: t.cpu, memory: t.memory, enis, count: 1 }));
  }
  const share = (t: Run) => Math.max(t.cpu / capacity.cpu, t.memory / capacity.memoryMiB);
  runs.sort((a, b) => share(b) - share(a) || b.cpu - a.cpu || b.memory - a.memory);
  // Free resources of opened instances, in opening order.
  const freeCpu: number[] = [];
  const freeMem: number[] = [];
  const freeEni: number[] = [];
  for (const k of runs) {
    let left = k.count;
    for (let i = 0; i < freeCpu.length && left > 0; i++) {
      const n = Math.min(left, howMany(k.cpu, k.memory, k.enis, freeCpu[i], freeMem[i], freeEni[i]));
      if (n === 0) continue;
      freeCpu[i] -= n * k.cpu;
      freeMem[i] -= n * k.memory;
      freeEni[i] -= n * k.enis;
      left -= n;
    }
    // an empty instance takes at least one (incompatible tasks were left out)
    const perInstance = Math.min(left, howMany(k.cpu, k.memory, k.enis, capacity.cpu, capacity.memoryMiB, enisCap));
    while (left > 0) {
      const n = Math.min(left, perInstance);
      freeCpu.push(capacity.cpu - n * k.cpu);
      freeMem.push(capacity.memoryMiB - n * k.memory);
      freeEni.push(enisCap - n * k.enis);
      left -= n;
    }
  }
  return { instances: freeCpu.length, incompatible };
}
