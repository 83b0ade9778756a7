// Test oracle: the one-task-at-a-time first-fit decreasing packing that
// src/model/capacity/pack-provisioning-tasks.ts replaced with runs of equal tasks.
// Kept as it was, so the property test can compare the two; since then it also checks
// static host ports one task at a time (an instance's taken ports in a Set).

// Estimate of the instances PROVISIONING tasks need: first-fit decreasing bin packing on
// CPU, memory (and ENIs for awsvpc tasks) onto empty instances of one type (the group's
// largest). AWS: "calculates the number of instances that are required to run the
// unplaced tasks ... uses a binpack strategy" (AmazonECS/latest/developerguide/managed-scaling-behavior.html).
// Model: tasks sorted by their larger share of the instance (cpu or memory), each put in
// the first opened instance it fits, else a new one.

export interface TaskRequirement {
  /** CPU units. */
  cpu: number;
  /** MiB. */
  memory: number;
  /** ENIs the task needs on the instance (1 for awsvpc, else 0). Default 0. */
  enis?: number;
  hostPorts?: readonly number[];
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

/** First-fit decreasing count of `capacity`-sized instances for `tasks`. */
export function packProvisioningTasks(tasks: readonly TaskRequirement[], capacity: InstanceCapacity): PackingResult {
  if (tasks.length === 0) return { instances: 0, incompatible: 0 };
  const enisCap = capacity.awsvpcEnis ?? Infinity;
  const share = (t: TaskRequirement) => Math.max(t.cpu / capacity.cpu, t.memory / capacity.memoryMiB);
  const sorted: TaskRequirement[] = [];
  let incompatible = 0;
  for (const t of tasks) {
    if (fits(t, capacity)) sorted.push(t);
    else incompatible++;
  }
  sorted.sort((a, b) => share(b) - share(a) || b.cpu - a.cpu || b.memory - a.memory);
  // Free resources of opened instances, in opening order.
  const freeCpu: number[] = [];
  const freeMem: number[] = [];
  const freeEni: number[] = [];
  const ports: Set<number>[] = [];
  for (const t of sorted) {
    const e = t.enis ?? 0;
    const want = t.hostPorts ?? [];
    let placed = false;
    for (let i = 0; i < freeCpu.length; i++) {
      if (t.cpu <= freeCpu[i] && t.memory <= freeMem[i] && e <= freeEni[i] && want.every((p) => !ports[i].has(p))) {
        freeCpu[i] -= t.cpu;
        freeMem[i] -= t.memory;
        freeEni[i] -= e;
        for (const p of want) ports[i].add(p);
        placed = true;
        break;
      }
    }
    if (!placed) {
      freeCpu.push(capacity.cpu - t.cpu);
      freeMem.push(capacity.memoryMiB - t.memory);
      freeEni.push(enisCap - e);
      ports.push(new Set(want));
    }
  }
  return { instances: freeCpu.length, incompatible };
}
