// Per Auto Scaling group, the figures each metric period reports of its instances: how
// many are launching, running and draining; their registered and reserved CPU and memory;
// N and the busy part of M of CapacityProviderReservation; and the two counts the group's
// own scaling reads (instances staying, instances scale in may remove). Kept up to date as
// instances and their tasks change (each change recounts that one instance's part) rather
// than summed over every instance each period: in a large cluster that sum walked
// thousands of instances a minute, most of them unchanged. Every figure is a whole number
// (CPU units, MiB, counts), so adding and taking away parts is exact: the figures equal
// the sum at any time (`walkFigures`, which tests compare them with). It also keeps who
// scale in and launches look at: the instances staying per AZ, the unprotected ones and
// the launching ones (`walkMembers`).

import type { Instance } from '../model/instance.js';

export interface GroupFigures {
  /** Instances launched and not yet registered. */
  pending: number;
  /** Registered, ACTIVE. */
  running: number;
  draining: number;
  /** Of registered instances (ACTIVE or DRAINING). */
  cpuRegistered: number;
  cpuReserved: number;
  memoryRegistered: number;
  memoryReserved: number;
  /** Registered instances not chosen for termination: N of CapacityProviderReservation. */
  n: number;
  /** Those of them running a service (non-daemon) task: the busy part of M. */
  busy: number;
  /**
   * Not chosen for termination (launching, ACTIVE, or DRAINING at a Spot interruption
   * notice): the group's size as scaling counts it. EC2 keeps a Spot instance InService
   * until it terminates at the end of the notice; the group replaces it then.
   */
  staying: number;
  /**
   * Registered (ACTIVE, or DRAINING at a Spot interruption notice: InService to EC2 Auto
   * Scaling, which does not see ECS's DRAINING), not chosen for termination, not protected
   * from scale in: what scale in may remove (launching ones aside).
   */
  removable: number;
}

export function noFigures(): GroupFigures {
  return { pending: 0, running: 0, draining: 0, cpuRegistered: 0, cpuReserved: 0, memoryRegistered: 0, memoryReserved: 0, n: 0, busy: 0, staying: 0, removable: 0 };
}

/** What an instance's part is made of, as it was when counted. */
interface Counted {
  lifecycle: Instance['lifecycle'];
  cpuRegistered: number;
  memoryRegistered: number;
  cpuRemaining: number;
  memoryRemaining: number;
  serviceTaskCount: number;
  protectedFromScaleIn: boolean;
  chosenForTermination: boolean;
}

function counted(inst: Instance, chosenForTermination: boolean, into: Counted | undefined): Counted {
  if (into === undefined) {
    return {
      lifecycle: inst.lifecycle,
      cpuRegistered: inst.cpuRegistered,
      memoryRegistered: inst.memoryRegistered,
      cpuRemaining: inst.cpuRemaining,
      memoryRemaining: inst.memoryRemaining,
      serviceTaskCount: inst.serviceTaskCount,
      protectedFromScaleIn: inst.protectedFromScaleIn,
      chosenForTermination,
    };
  }
  into.lifecycle = inst.lifecycle;
  into.cpuRemaining = inst.cpuRemaining;
  into.memoryRemaining = inst.memoryRemaining;
  into.serviceTaskCount = inst.serviceTaskCount;
  into.protectedFromScaleIn = inst.protectedFromScaleIn;
  into.chosenForTermination = chosenForTermination;
  return into;
}

/** Adds one live (not terminated) instance's part to `f`, times `sign` (1 or -1). */
function addPart(f: GroupFigures, c: Counted, sign: number): void {
  if (!c.chosenForTermination) {
    f.staying += sign;
    if (c.lifecycle !== 'LAUNCHING' && !c.protectedFromScaleIn) f.removable += sign;
  }
  if (c.lifecycle === 'LAUNCHING') {
    f.pending += sign;
    return;
  }
  if (c.lifecycle === 'DRAINING') f.draining += sign;
  else f.running += sign;
  f.cpuRegistered += sign * c.cpuRegistered;
  f.memoryRegistered += sign * c.memoryRegistered;
  f.cpuReserved += sign * (c.cpuRegistered - c.cpuRemaining);
  f.memoryReserved += sign * (c.memoryRegistered - c.memoryRemaining);
  if (!c.chosenForTermination) {
    f.n += sign;
    if (c.serviceTaskCount > 0) f.busy += sign;
  }
}

/**
 * The figures walked afresh over `instances` (live ones), for checks: written out on
 * purpose rather than through the tally's own addPart, so a mistake there shows.
 */
export function walkFigures(instances: Iterable<Instance>, chosenForTermination: (inst: Instance) => boolean): GroupFigures {
  const f = noFigures();
  for (const i of instances) {
    const chosen = chosenForTermination(i);
    if (i.lifecycle === 'LAUNCHING') f.pending++;
    else if (i.lifecycle === 'DRAINING') f.draining++;
    else f.running++;
    if (!chosen) f.staying++;
    if (i.lifecycle !== 'LAUNCHING' && !chosen && !i.protectedFromScaleIn) f.removable++;
    if (i.lifecycle === 'LAUNCHING') continue;
    f.cpuRegistered += i.cpuRegistered;
    f.memoryRegistered += i.memoryRegistered;
    f.cpuReserved += i.cpuReserved;
    f.memoryReserved += i.memoryReserved;
    if (!chosen) f.n++;
    if (!chosen && i.serviceTaskCount > 0) f.busy++;
  }
  return f;
}

/** What scale in and launches read of a group's instances. */
export interface GroupMembers {
  /** Instances staying (not chosen for termination: see GroupFigures.staying), per AZ. */
  readonly stayingByAz: ReadonlyMap<string, number>;
  /**
   * The staying instances not protected from scale in (launching ones included unless
   * protected; a Spot instance DRAINING at its interruption notice included: it is InService
   * to the group), in no order.
   */
  readonly unprotected: Iterable<Instance>;
  /**
   * The instances launching, in launch order. None of them is ever chosen for termination
   * (scale in terminates a launching instance at once), so none is left out for that.
   */
  readonly launching: Iterable<Instance>;
}

/** The members walked afresh over `instances` (in launch order), for checks, like walkFigures. */
export function walkMembers(instances: Iterable<Instance>, chosenForTermination: (inst: Instance) => boolean) {
  const stayingByAz = new Map<string, number>();
  const unprotected: Instance[] = [];
  const launching: Instance[] = [];
  for (const i of instances) {
    if (i.lifecycle === 'LAUNCHING') launching.push(i);
    if (chosenForTermination(i)) continue;
    stayingByAz.set(i.availabilityZone, (stayingByAz.get(i.availabilityZone) ?? 0) + 1);
    if (!i.protectedFromScaleIn) unprotected.push(i);
  }
  return { stayingByAz, unprotected, launching };
}

function staying(c: Counted): boolean {
  return !c.chosenForTermination;
}

export class GroupTally implements GroupMembers {
  readonly figures = noFigures();
  readonly stayingByAz = new Map<string, number>();
  readonly unprotected = new Set<Instance>();
  // (a Set keeps the order members joined in: an instance joins at launch, leaves once registered)
  readonly launching = new Set<Instance>();
  /** Each live instance's part as last counted. */
  private readonly parts = new Map<Instance, Counted>();

  /**
   * Recounts `inst` after a change to its lifecycle, its free resources, its service tasks
   * (and so its scale-in protection) or whether it is chosen for termination. A terminated
   * instance leaves the tally.
   */
  refresh(inst: Instance, chosenForTermination: boolean): void {
    const az = inst.availabilityZone;
    const before = this.parts.get(inst);
    if (before !== undefined) {
      addPart(this.figures, before, -1);
      if (staying(before)) this.stayingByAz.set(az, this.stayingByAz.get(az)! - 1);
    }
    if (inst.lifecycle === 'TERMINATED') {
      this.parts.delete(inst);
      this.unprotected.delete(inst);
      this.launching.delete(inst);
      return;
    }
    const now = counted(inst, chosenForTermination, before);
    addPart(this.figures, now, 1);
    if (before === undefined) this.parts.set(inst, now);
    const stays = staying(now);
    if (stays) this.stayingByAz.set(az, (this.stayingByAz.get(az) ?? 0) + 1);
    if (stays && !now.protectedFromScaleIn) this.unprotected.add(inst);
    else this.unprotected.delete(inst);
    if (now.lifecycle === 'LAUNCHING') this.launching.add(inst);
    else this.launching.delete(inst);
  }
}
