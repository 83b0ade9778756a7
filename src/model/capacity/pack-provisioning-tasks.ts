// Estimate of the instances PROVISIONING tasks need: first-fit decreasing bin packing on
// CPU, memory, ENIs (awsvpc tasks) and static host ports onto empty instances of one type
// (the group's largest). AWS: "calculates the number of instances that are required to run
// the unplaced tasks ... uses a binpack strategy ... accounts for vCPU, memory, ENI, ports"
// (AmazonECS/latest/developerguide/managed-scaling-behavior.html). A static host port
// holds one task per instance: tasks that share one never go on the same instance.
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
  /** Static host ports the task takes on its instance (bridge with hostPort, host mode). Default none. */
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

/** Whether `t` fits an empty instance with `cap` (CPU, memory, ENIs). */
export function fitsCapacity(t: TaskRequirement, cap: InstanceCapacity): boolean {
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

/** Consecutive equal tasks (same CPU, memory, ENIs and host ports): first fit treats them alike. */
interface Run {
  cpu: number;
  memory: number;
  enis: number;
  ports: readonly number[];
  count: number;
}

const NO_PORTS: readonly number[] = [];

function samePorts(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether an instance whose tasks hold `used` can take a task needing `ports`. */
function portsFree(used: Set<number> | null, ports: readonly number[]): boolean {
  if (used === null) return true;
  for (const p of ports) if (used.has(p)) return false;
  return true;
}

/**
 * First-fit decreasing count of `capacity`-sized instances for `tasks`. Consecutive equal
 * tasks (a service's waiting tasks) are packed as one run: each opened instance in turn
 * takes as many as fit, then new instances take them whole — what one-by-one first fit
 * does with equal tasks (an instance that cannot take one cannot take the next; with host
 * ports an instance takes at most one of the run). The runs
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
    if (!fitsCapacity(t, capacity)) {
      incompatible++;
      continue;
    }
    const enis = t.enis ?? 0;
    const ports = t.hostPorts ?? NO_PORTS;
    if (last !== null && last.cpu === t.cpu && last.memory === t.memory && last.enis === enis && samePorts(last.ports, ports)) last.count++;
    else runs.push((last = { cpu: t.cpu, memory: t.memory, enis, ports, count: 1 }));
  }
  const share = (t: Run) => Math.max(t.cpu / capacity.cpu, t.memory / capacity.memoryMiB);
  runs.sort((a, b) => share(b) - share(a) || b.cpu - a.cpu || b.memory - a.memory);
  // Free resources of opened instances, in opening order.
  const freeCpu: number[] = [];
  const freeMem: number[] = [];
  const freeEni: number[] = [];
  /** Host ports taken on each opened instance (null: none). */
  const usedPorts: (Set<number> | null)[] = [];
  for (const k of runs) {
    let left = k.count;
    const withPorts = k.ports.length > 0;
    for (let i = 0; i < freeCpu.length && left > 0; i++) {
      let n = Math.min(left, howMany(k.cpu, k.memory, k.enis, freeCpu[i], freeMem[i], freeEni[i]));
      if (n > 0 && withPorts) n = portsFree(usedPorts[i], k.ports) ? 1 : 0;
      if (n === 0) continue;
      freeCpu[i] -= n * k.cpu;
      freeMem[i] -= n * k.memory;
      freeEni[i] -= n * k.enis;
      if (withPorts) {
        const used = (usedPorts[i] ??= new Set());
        for (const p of k.ports) used.add(p);
      }
      left -= n;
    }
    // an empty instance takes at least one (incompatible tasks were left out)
    const perInstance = Math.min(left, howMany(k.cpu, k.memory, k.enis, capacity.cpu, capacity.memoryMiB, enisCap), withPorts ? 1 : Infinity);
    while (left > 0) {
      const n = Math.min(left, perInstance);
      freeCpu.push(capacity.cpu - n * k.cpu);
      freeMem.push(capacity.memoryMiB - n * k.memory);
      freeEni.push(enisCap - n * k.enis);
      usedPorts.push(withPorts ? new Set(k.ports) : null);
      left -= n;
    }
  }
  return { instances: freeCpu.length, incompatible };
}
