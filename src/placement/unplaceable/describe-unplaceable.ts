// Explains why no instance could take a task, the way ECS's service events do ("was unable
// to place a task because no container instance met all of its requirements. The closest
// matching container-instance ... has insufficient memory available"), and the way the
// Kubernetes scheduler counts "3 Insufficient memory, 2 didn't match node selector".
//
// Each instance is counted once, under the first step that rejected it (status, CPU
// architecture (ATTRIBUTE), CPU, memory, ports, ENI, then constraints in order). An instance
// of another architecture than the task definition names is "missing an attribute required
// by your task", as ECS's service event puts it; the message names the attribute and value.
// Instances still launching (REGISTERING)
// are not container instances of the cluster yet: they are not counted as rejected, only
// named ("2 launching, not registered yet"); when nothing else is there, the message says
// no container instance is registered yet, as ECS's "No Container Instances were found in
// your cluster" does. The closest instance is the ACTIVE
// instance that (1) fails the fewest constraints (a missing required attribute counts as
// one), then (2) lacks the fewest kinds of
// resource, then (3) lacks the smallest amount relative to the request
// (cpu/taskCpu + memory/taskMemory + busyPorts/ports + eni), then (4) has the lowest id.

import { asCompiledConstraints, type ConstraintsInput } from '../compiled.js';
import { architectureMismatch, resourceRejection, resourceShortfall } from '../filter/resource-filter.js';
import {
  ARCH_ATTRIBUTE,
  AZ_ATTRIBUTE,
  type ClosestInstance,
  type PlacementInstance,
  type Rejection,
  type RejectionReason,
  type Shortfall,
  type TaskRequirements,
  type UnplaceableReason,
} from '../types.js';

/** How the message of an instance-by-instance rejection begins. */
export const MET_ALL_PREFIX = 'no container instance met all requirements: ';

const RESOURCE_ORDER: readonly RejectionReason[] = ['INSTANCE_STATUS', 'ATTRIBUTE', 'RESOURCE:CPU', 'RESOURCE:MEMORY', 'RESOURCE:PORTS', 'RESOURCE:ENI'];

/**
 * Why no instance of `instances` can take `task` (call it only when the reason is shown).
 * `capacityProvider`: the instances are that capacity provider's only (a task of a capacity
 * provider strategy goes only to its provider's instances): a message about none registered
 * names it, since other providers' instances may be registered.
 */
export function describeUnplaceable(
  instances: readonly PlacementInstance[],
  task: TaskRequirements,
  constraintsInput: ConstraintsInput,
  capacityProvider?: string,
): UnplaceableReason {
  const constraints = asCompiledConstraints(constraintsInput);
  if (instances.length === 0) {
    return {
      instancesConsidered: 0,
      rejections: [],
      message:
        capacityProvider === undefined
          ? 'no container instances are registered in the cluster, so no container instance can run the task'
          : `no container instance of capacity provider ${capacityProvider} is registered, so no container instance can run the task`,
    };
  }
  let launching = 0;
  const resourceCounts = new Map<RejectionReason, number>();
  const constraintCounts = new Array<number>(constraints.length).fill(0);
  // The closest instance so far and its key; Shortfall objects are built only for the winner.
  let best: PlacementInstance | undefined;
  let bestFails = 0;
  let bestKinds = 0;
  let bestAmount = 0;

  for (const inst of instances) {
    if (inst.status === 'REGISTERING') {
      launching++;
      continue;
    }
    const r = resourceRejection(inst, task);
    let fails = architectureMismatch(inst, task) ? 1 : 0;
    if (r !== null) resourceCounts.set(r, (resourceCounts.get(r) ?? 0) + 1);
    if (inst.status !== 'ACTIVE') continue;
    for (let j = 0; j < constraints.length; j++) {
      if (!constraints[j].accepts(inst, task)) {
        // (a missing attribute is rejected by resourceRejection, so r !== null then)
        if (r === null && fails === 0) constraintCounts[j]++;
        fails++;
      }
    }
    const cpu = Math.max(0, task.cpu - inst.cpuRemaining);
    const memory = Math.max(0, task.memory - inst.memoryRemaining);
    let busy = 0;
    for (const p of task.hostPorts) if (inst.usedHostPorts.has(p)) busy++;
    const eni = task.needsEni && inst.enisRemaining < 1 ? 1 : 0;
    const kinds = (cpu > 0 ? 1 : 0) + (memory > 0 ? 1 : 0) + (busy > 0 ? 1 : 0) + eni;
    const amount = cpu / Math.max(1, task.cpu) + memory / Math.max(1, task.memory) + busy / Math.max(1, task.hostPorts.length) + eni;
    if (best === undefined || isCloser(fails, kinds, amount, inst.id, bestFails, bestKinds, bestAmount, best.id)) {
      best = inst;
      bestFails = fails;
      bestKinds = kinds;
      bestAmount = amount;
    }
  }
  let closest: { inst: PlacementInstance; lacks: Shortfall } | undefined;
  if (best !== undefined) {
    const lacks = resourceShortfall(best, task);
    for (const c of constraints) if (!c.accepts(best, task)) lacks.constraints.push(c.label);
    closest = { inst: best, lacks };
  }

  const rejections: Rejection[] = [];
  for (const reason of RESOURCE_ORDER) {
    const count = resourceCounts.get(reason) ?? 0;
    if (count > 0) rejections.push(reason === 'ATTRIBUTE' ? { reason, count, detail: `${ARCH_ATTRIBUTE}=${task.cpuArchitecture}` } : { reason, count });
  }
  constraints.forEach((c, j) => {
    if (constraintCounts[j] > 0) {
      rejections.push(c.expression !== undefined ? { reason: c.reason, count: constraintCounts[j], detail: c.expression } : { reason: c.reason, count: constraintCounts[j] });
    }
  });
  const closestInstance: ClosestInstance | undefined = closest && {
    instanceId: closest.inst.id,
    ...(closest.inst.attributes[AZ_ATTRIBUTE] !== undefined ? { availabilityZone: closest.inst.attributes[AZ_ATTRIBUTE] } : {}),
    lacks: closest.lacks,
  };
  if (launching === instances.length) {
    return {
      instancesConsidered: instances.length,
      rejections,
      launching,
      message: `no container instance ${capacityProvider === undefined ? 'is registered in the cluster' : `of capacity provider ${capacityProvider} is registered`} yet (${launching} launching), so no container instance can run the task`,
    };
  }
  const manyMemberOf = constraints.filter((c) => c.type === 'memberOf').length > 1;
  const launchingNote = launching > 0 ? `; ${launching} launching, not registered yet` : '';
  return {
    instancesConsidered: instances.length,
    rejections,
    ...(closestInstance ? { closest: closestInstance } : {}),
    ...(launching > 0 ? { launching } : {}),
    message: formatMessage(rejections, closestInstance, manyMemberOf) + launchingNote,
  };
}

/** Fewer failed constraints, then fewer missing resource kinds, then less missing, then lower id. */
function isCloser(f: number, k: number, a: number, id: string, bf: number, bk: number, ba: number, bid: string): boolean {
  if (f !== bf) return f < bf;
  if (k !== bk) return k < bk;
  if (a !== ba) return a < ba;
  return id < bid;
}

function rejectionLabel(r: Rejection, manyMemberOf: boolean): string {
  if (r.reason === 'MemberOf') return manyMemberOf ? `memberOf constraint (${r.detail})` : 'memberOf constraint';
  if (r.reason === 'DistinctInstance') return 'distinctInstance constraint';
  if (r.reason === 'INSTANCE_STATUS') return 'INSTANCE_STATUS (not ACTIVE)';
  if (r.reason === 'ATTRIBUTE') return `ATTRIBUTE (${r.detail!.replace('=', ' != ')})`;
  return r.reason;
}

/** "256 MiB memory and 512 CPU units", or "" when nothing is missing. */
export function describeShortfall(s: Shortfall): string {
  const parts: string[] = [];
  if (s.cpu > 0) parts.push(`${s.cpu} CPU units`);
  if (s.memory > 0) parts.push(`${s.memory} MiB memory`);
  if (s.ports.length > 0) parts.push(`${s.ports.length === 1 ? 'host port' : 'host ports'} ${s.ports.join(', ')} (in use)`);
  if (s.eni > 0) parts.push('a free ENI');
  const missing = s.attribute !== undefined ? `is missing an attribute required by the task (${s.attribute})` : '';
  const lacks = parts.length > 0 ? `lacks ${parts.join(' and ')}` : '';
  const excluded = s.constraints.length > 0 ? `is excluded by ${s.constraints.join(' and ')}` : '';
  return [missing, lacks, excluded].filter((x) => x !== '').join(' and ');
}

function formatMessage(rejections: Rejection[], closest: ClosestInstance | undefined, manyMemberOf: boolean): string {
  const counts = rejections.map((r, i) => `${r.count} ${i === 0 ? 'rejected for ' : 'for '}${rejectionLabel(r, manyMemberOf)}`).join(', ');
  let msg = `${MET_ALL_PREFIX}${counts}`;
  if (closest) {
    const where = closest.availabilityZone ? ` (${closest.availabilityZone})` : '';
    msg += `; closest ${closest.instanceId}${where} ${describeShortfall(closest.lacks)}`;
  } else msg += '; no container instance is ACTIVE';
  return msg;
}
