// A task larger than the smallest instance type its Auto Scaling group lists: managed
// scaling never scales out for it. AWS: a group of tasks greater than the smallest instance
// type "can't run with this capacity provider ... The tasks remain in the PROVISIONING
// state" (managed-scaling-behavior.html); ecsim models it in managed-scaling.ts. Shared by
// the loader's warning and `ecsim explain`.

import { customTypesIn, effectiveEnis, lookupInstanceType, type CustomInstanceType } from './instance-catalog.js';
import { registeredResources } from './registered-resources.js';

export interface SmallestTypeShortfall {
  /** The listed types the group launches that fit the task. */
  fitting: string[];
  /** What the smallest type lacks, e.g. "c5.large registers 4014 MiB". */
  lacks: string[];
}

/**
 * The shortfall of a group's smallest listed type for one task, or null when the group lists
 * fewer than 2 types, has maxSize 0, launches no type the task fits (it never runs at all),
 * or its smallest type is large enough (or a type is unknown: the loader refuses it).
 * ecsim launches every listed type for spot, only the first for on-demand.
 */
export function smallestTypeShortfall(
  asg: { instanceTypes: readonly (string | CustomInstanceType)[]; maxSize: number; purchaseOption: string; reservedMemoryMiB?: number },
  task: { cpu: number; memory: number; networkMode: string },
  awsvpcTrunking: boolean,
): SmallestTypeShortfall | null {
  if (asg.maxSize === 0 || asg.instanceTypes.length < 2) return null;
  const listed = listedTypeResources(asg, awsvpcTrunking);
  if (listed === null) return null; // refused by the checks
  const types = listed.map((x, i) => ({ ...x, launched: asg.purchaseOption === 'spot' || i === 0 }));
  const enis = task.networkMode === 'awsvpc' ? 1 : 0;
  const fits = (x: (typeof types)[number]) => task.cpu <= x.cpu && task.memory <= x.memoryMiB && enis <= x.enis;
  const fitting = types.filter((x) => x.launched && fits(x));
  if (fitting.length === 0) return null;
  const lacks: string[] = [];
  const least = (key: 'cpu' | 'memoryMiB' | 'enis') => types.reduce((a, b) => (b[key] < a[key] ? b : a));
  if (task.cpu > least('cpu').cpu) lacks.push(`${least('cpu').name} registers ${least('cpu').cpu} CPU units`);
  if (task.memory > least('memoryMiB').memoryMiB) lacks.push(`${least('memoryMiB').name} registers ${least('memoryMiB').memoryMiB} MiB`);
  if (enis > least('enis').enis) lacks.push(`${least('enis').name} has no ENI for an awsvpc task`);
  return lacks.length === 0 ? null : { fitting: fitting.map((x) => x.name), lacks };
}

/** What a bare instance of each type the group lists registers, in the listed order; null when a type is unknown (the loader refuses it). */
export interface ListedTypeResources {
  name: string;
  cpu: number;
  memoryMiB: number;
  /** ENIs left for awsvpc tasks (the primary one is the instance's). */
  enis: number;
}

export function listedTypeResources(
  asg: { instanceTypes: readonly (string | CustomInstanceType)[]; reservedMemoryMiB?: number },
  awsvpcTrunking: boolean,
): ListedTypeResources[] | null {
  const custom = customTypesIn(asg.instanceTypes);
  const out: ListedTypeResources[] = [];
  for (const t of asg.instanceTypes) {
    try {
      const info = lookupInstanceType(typeof t === 'string' ? t : t.name, custom);
      const reg = registeredResources(info, asg.reservedMemoryMiB);
      out.push({
        name: info.name,
        cpu: reg.cpu,
        memoryMiB: reg.memoryMiB,
        enis: Math.max(0, effectiveEnis(info, awsvpcTrunking) - 1),
      });
    } catch {
      return null;
    }
  }
  return out;
}
