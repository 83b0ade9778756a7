// The EC2 side of the cluster: one Auto Scaling group per capacity provider, its
// instances' lifecycle (launch -> registered ACTIVE -> DRAINING -> terminated), AZ
// balancing, scale-in choice with protection, EC2 Spot interruptions, and billing.

import { sampleDuration as sample } from '../engine/index.js';
import { Instance, byInstanceId, type InstanceTypeInfo } from '../model/instance.js';
import { countByAvailabilityZone, chooseLaunchAvailabilityZone } from '../model/capacity/auto-scaling-group.js';
import { customTypesIn, effectiveEnis, lookupInstanceType } from '../model/capacity/instance-catalog.js';
import { registeredResources } from '../model/capacity/registered-resources.js';
import type { ReservationEstimate } from '../model/capacity/reservation.js';
import type { AsgProviderConfig } from '../scenario/index.js';
import { chooseScaleIn } from './scale-in-choice.js';
import { PRIORITY, type World } from './world.js';
import { instanceAttributes } from '../placement/index.js';
import { RegistrationLog } from './registration-log.js';
import { RoomIndex } from './room-index.js';
import { GroupTally } from './group-tally.js';

export const SPOT_NOTICE_MS = 120_000;
/** A Spot instance Amazon EC2 interrupts before it has run this long (from launch) is not charged. */
export const SPOT_FREE_INTERRUPTION_MS = 3_600_000;

/**
 * Facts of an instance that a memberOf expression may read and that change without capacity
 * changing: ContainerInstance.runningTasksCount (a task entering or leaving RUNNING) and the
 * task groups of its tasks, `task:group` (a task placed there or leaving). Counted only for
 * the facts some service watches, so a cluster without such expressions pays nothing.
 */
export type InstanceFact = 'runningTasksCount' | 'task:group';

export interface ClusterListener {
  instanceRegistered(instance: Instance): void;
  /** A task released its resources: waiting tasks of any service may fit now. */
  capacityFreed(): void;
  instanceDraining(instance: Instance): void;
  /**
   * A DRAINING instance has no replica service task left: its DAEMON tasks not yet stopping
   * stop now (the normal stop: deregistration delay, SIGTERM, stopTimeout), the last there.
   */
  drainDaemonTasks(instance: Instance): void;
  /** A watched instance fact changed on some instance (see InstanceFact): a service reading it may place now. */
  instanceFactChanged(fact: InstanceFact): void;
  /** An EC2 Spot interruption notice: the instance's tasks are interrupted (it drains next). */
  spotNotice(instance: Instance): void;
  /** Called before the instance's remaining tasks are killed. */
  instanceTerminating(instance: Instance, reason: 'instance-terminated' | 'spot-interruption'): void;
}

export class AutoScalingGroup {
  /** The instances not terminated, in launch order: what the per-call scans walk. */
  readonly live: Instance[] = [];
  desiredCapacity: number;
  readonly types: InstanceTypeInfo[];
  /**
   * The most of each registered resource over the group's types: managed scaling packs
   * PROVISIONING tasks onto instances of this size (AWS selects "the largest instance types
   * for each parameter" and counts instances on them). One type: that type's resources.
   */
  readonly largestCapacity: { cpu: number; memoryMiB: number; awsvpcEnis: number };
  /**
   * The least of each registered resource over the group's types (AWS selects "the smallest
   * ... instance types for each parameter"): a task that does not fit it never drives scale out.
   */
  readonly smallestCapacity: { cpu: number; memoryMiB: number; awsvpcEnis: number };
  /** Each type's registered resources, in the order of `types`. */
  readonly registeredByType: readonly { cpu: number; memoryMiB: number; awsvpcEnis: number }[];
  private launchSeq = 0;
  /** Spot: the launches so far in each AZ, which rotate through the listed types there. */
  private readonly spotLaunchesByAz = new Map<string, number>();
  /** In scaleIn's loop: terminations leave the reconcile to it. */
  private scalingIn = false;
  private terminatedInScaleIn = false;
  /** Instances chosen for termination, waiting for their tasks to drain. */
  readonly toTerminate = new Set<Instance>();
  /**
   * Instances of toTerminate that scale in chose (managed draining) while they were already
   * DRAINING at their EC2 Spot interruption notice: when, and the scale in's reason. Their
   * drain logged its row at the notice, so the choice is told in the termination's row.
   */
  private readonly chosenWhileNoticed = new Map<Instance, { atMs: number; why: string }>();
  /** The instance terminate() is stopping the tasks of (see protectionLifted). */
  private terminating: Instance | null = null;
  /** The per-period figures of the live instances, kept as they change (see group-tally.ts). */
  readonly tally = new GroupTally();
  /**
   * Told the time of every launch of the group, whatever its cause (the initial desired
   * capacity, a scale out, a replacement): ECS managed scaling's warm-up counts every
   * instance of the group (managed-scaling-behavior.html), not only its own launches.
   */
  onLaunch: ((tMs: number) => void) | null = null;
  /**
   * Managed scaling ENABLED: what its estimate of M reads besides the counts (set by the
   * simulation); a waiting task it does not count (managedScalingCounts) never makes the
   * group scale out. Null otherwise.
   */
  scalingEstimate: ReservationEstimate | null = null;

  constructor(
    readonly name: string,
    readonly config: AsgProviderConfig,
    private readonly world: World,
    private readonly cluster: Cluster,
  ) {
    const asg = config.autoScalingGroup;
    const custom = customTypesIn(asg.instanceTypes);
    this.types = asg.instanceTypes.map((t) => {
      const info = lookupInstanceType(typeof t === 'string' ? t : t.name, custom);
      return {
        name: info.name,
        vcpu: info.vcpu,
        memoryMiB: info.memoryMiB,
        enis: effectiveEnis(info, world.scenario.scenario.cluster.awsvpcTrunking),
        cpuArchitecture: info.cpuArchitecture,
        pricePerHour: world.prices.ec2Price(info, asg.purchaseOption),
      };
    });
    const registered = this.types.map((t) => registeredResources(toCatalogType(t), asg.reservedMemoryMiB));
    this.registeredByType = registered;
    const each = (pick: (xs: number[]) => number) => ({
      cpu: pick(registered.map((r) => r.cpu)),
      memoryMiB: pick(registered.map((r) => r.memoryMiB)),
      awsvpcEnis: pick(registered.map((r) => r.awsvpcEnis)),
    });
    this.largestCapacity = registered.length === 1 ? registered[0] : each((xs) => Math.max(...xs));
    this.smallestCapacity = registered.length === 1 ? this.largestCapacity : each((xs) => Math.min(...xs));
    this.desiredCapacity = asg.desiredCapacity ?? asg.minSize;
  }

  get managedScaling(): boolean {
    return this.config.managedScaling?.status === 'ENABLED';
  }

  /**
   * Instances scale in may remove: without termination protection all registered ones (a
   * Spot instance DRAINING at its notice included: InService to the group), else only those
   * without service tasks (chosen ones aside; launching ones never counted).
   */
  removableCount(): number {
    return this.tally.figures.removable;
  }

  /**
   * Registered instances (ACTIVE or DRAINING, not chosen for termination: N as it is now)
   * that scale in may not remove: with termination protection the ones running service
   * tasks (draining or not). Managed scaling's scale-in floor, read when the policy acts.
   */
  notRemovableCount(): number {
    return this.tally.figures.n - this.tally.figures.removable;
  }

  /**
   * Instances not terminated and not chosen for termination: a Spot instance DRAINING at
   * its interruption notice still counts (EC2 keeps it InService until it terminates; the
   * group replaces it then), one the group drains to terminate it (managed draining) does not.
   */
  liveCount(): number {
    return this.tally.figures.staying;
  }

  /**
   * Whether scale in has anything to remove: an instance not chosen and not protected (under
   * managed termination protection a launching instance is protected until it registers; a
   * Spot instance DRAINING at its notice may be removed: see scale-in-choice.ts). (A
   * launching instance is never chosen for termination: scale in terminates it at once.)
   */
  mayScaleIn(): boolean {
    return this.tally.unprotected.size > 0;
  }

  /** An instance of this group changed (lifecycle, tasks, free resources, chosen for termination). */
  recount(inst: Instance): void {
    this.tally.refresh(inst, this.toTerminate.has(inst));
  }

  setDesired(desired: number): void {
    const asg = this.config.autoScalingGroup;
    this.desiredCapacity = Math.min(asg.maxSize, Math.max(asg.minSize, desired));
    this.reconcile();
  }

  /**
   * Launches or terminates instances to meet the desired capacity. `warm` (the run's first
   * reconcile under `warmStart`): the instances it launches register at once (see launch).
   */
  reconcile(warm = false): void {
    let live = this.liveCount();
    if (live < this.desiredCapacity) {
      // instances per AZ, terminating ones left out, counted once: each launch adds its own
      const counts = this.launchAzCounts();
      while (live < this.desiredCapacity) {
        this.launch(counts, warm);
        live++;
      }
    }
    if (live > this.desiredCapacity) this.scaleIn(live - this.desiredCapacity);
  }

  /** Instances per AZ, the ones chosen for termination left out (as the tally keeps them; every listed AZ present). */
  private launchAzCounts(): Map<string, number> {
    const counts = countByAvailabilityZone(this.world.scenario.scenario.cluster.availabilityZones, NONE);
    for (const [az, n] of this.tally.stayingByAz) counts.set(az, (counts.get(az) ?? 0) + n);
    return counts;
  }

  /**
   * Launches one instance in the AZ with the fewest (`counts`, from launchAzCounts; updated
   * here). `warm` (warmStart, time 0): the instance has been running: it registers now, with
   * no launch delay, and is not reported as a launch to managed scaling's warm-up (*model*,
   * docs/assumptions.md). Its launch delay is drawn all the same and not used, so the group's
   * later launches draw what they draw in a cold run (common random numbers between the two).
   */
  private launch(counts: Map<string, number>, warm = false): void {
    const world = this.world;
    const azs = world.scenario.scenario.cluster.availabilityZones;
    const az = chooseLaunchAvailabilityZone(azs, counts);
    counts.set(az, (counts.get(az) ?? 0) + 1);
    const asg = this.config.autoScalingGroup;
    // on-demand: "prioritized" (the first type); spot: diversify across the listed types in
    // each AZ: a rotation per AZ, the i-th listed AZ starting at the i-th type (one rotation
    // over the whole group, with the AZs taken in turn, gave each AZ a single type when the
    // types and AZs were as many; the offset keeps the first launches of the group diverse)
    const ordinal = this.launchSeq++;
    let type = this.types[0];
    if (asg.purchaseOption === 'spot') {
      const k = this.spotLaunchesByAz.get(az) ?? 0;
      this.spotLaunchesByAz.set(az, k + 1);
      type = this.types[(Math.max(0, azs.indexOf(az)) + k) % this.types.length];
    }
    const reg = registeredResources(toCatalogType(type), asg.reservedMemoryMiB);
    const id = this.cluster.nextInstanceId();
    const attributes = this.attributesFor(type, az);
    const inst = new Instance(id, this.name, type, az, world.now, reg.cpu, reg.memoryMiB, attributes, asg.purchaseOption === 'spot', ordinal);
    // managed termination protection needs the group's scale-in protection for new instances
    // on (managed-termination-protection.html; NewInstancesProtectedFromScaleIn): a launching
    // instance is protected until it registers empty (model: see registered)
    if (this.config.managedTerminationProtection === 'ENABLED') inst.protectedFromScaleIn = true;
    // warmStart: it has been running since before time 0 (see Instance.warm)
    inst.warm = warm;
    // into the instance lists at launch, not at registration: they stay in id order
    this.live.push(inst);
    this.recount(inst);
    this.cluster.register(inst);
    // a Spot instance's first hour is held out of cost_to_date until it is sure to be charged.
    // A warm instance (warmStart) is past its first minute and first hour: billed from 0 for
    // the time it runs in the run, with no minimum and no waiver (*model*, docs/assumptions.md)
    const firstHour = inst.spot && !warm ? SPOT_FREE_INTERRUPTION_MS : 0;
    world.cost.start(id, this.name, type.pricePerHour, world.now, warm ? 0 : 60_000, firstHour);
    const delay = sample(asg.launchDelay, world.streams.stream('launch-delay', this.name));
    if (world.logging) world.log('instance-launched', id, `${this.name} launched ${type.name} in ${az} (desired ${this.desiredCapacity}${warm ? '; warmStart: registered at once' : ''})`);
    if (warm) return this.registered(inst);
    this.onLaunch?.(world.now);
    inst.timer = world.sim.after(delay, onRegistered, { group: this, inst }, PRIORITY.lifecycle);
  }

  /** The attributes an instance of `type` launched in `az` registers with. */
  attributesFor(type: InstanceTypeInfo, az: string): Record<string, string> {
    return instanceAttributes(type, az, this.config.autoScalingGroup);
  }

  registered(inst: Instance): void {
    if (inst.lifecycle !== 'LAUNCHING') return;
    const world = this.world;
    inst.lifecycle = 'ACTIVE';
    inst.status = 'ACTIVE';
    inst.registeredAt = world.now;
    // registered with no service task: ECS keeps scale-in protection only on instances
    // running one, so it comes off here (as when an instance's last task stops)
    const wasProtected = inst.protectedFromScaleIn;
    if (inst.serviceTaskCount === 0) inst.protectedFromScaleIn = false;
    this.recount(inst);
    this.cluster.instanceRegistered(inst);
    if (world.logging) world.log('instance-registered', inst.id, `${inst.type.name} in ${inst.availabilityZone} registered with ${inst.cpuRegistered} CPU units, ${inst.memoryRegistered} MiB`);
    // under a notice given while it launched (tests only): drained now, with Spot instance draining on
    if (inst.spotTerminationAt !== null && this.config.autoScalingGroup.spotInstanceDraining) this.drain(inst, 'EC2 Spot interruption notice, given while it launched');
    const spot = this.config.autoScalingGroup.spotInterruptions;
    // (not for an instance a test gave a notice while it launched: see spotNotice)
    if (spot && inst.spotTerminationAt === null) {
      const delay = sample({ distribution: 'exponential', mean: spot.meanTimeBetween }, world.streams.fresh('spot-ec2', this.name, String(inst.groupLaunchOrdinal)));
      inst.timer = world.sim.after(delay, onSpotNotice, { group: this, inst }, PRIORITY.lifecycle);
    }
    this.cluster.listener.instanceRegistered(inst);
    // a scale in that found it protected while launching may have left the group above its
    // desired capacity: with the protection off, the group terminates down to desired, once
    // the tasks waiting for capacity had their chance to be placed on it (protectionLifted)
    if (wasProtected && !inst.protectedFromScaleIn) this.protectionLifted(inst);
  }

  /** A check of the group against its desired capacity waits at PRIORITY.protectionLifted of this instant. */
  private aboveDesiredCheck = false;

  /**
   * `inst` lost its scale-in protection (it registered empty, or its last service task left
   * it): a group above its desired capacity, which could not terminate it while protected,
   * terminates down to desired (ec2-auto-scaling-instance-protection.html: the group "can't
   * terminate the required number of instances until their instance scale-in protection
   * settings are disabled"). Not at once: at PRIORITY.protectionLifted of this instant, after
   * its reconciles, so a task waiting for capacity is placed on the instance first (ECS
   * protects it again: managed-termination-protection.html) and the group keeps it.
   */
  protectionLifted(inst: Instance): void {
    // (ACTIVE, or DRAINING at a Spot notice: not chosen for termination, which the tally knows.
    // Not one being terminated: terminate() takes it out of toTerminate before killing its
    // tasks, so as they go the tally counts it as staying, unprotected once no service task is left)
    if (inst === this.terminating || this.aboveDesiredCheck || !this.tally.unprotected.has(inst) || inst.lifecycle === 'LAUNCHING' || this.liveCount() <= this.desiredCapacity) return;
    this.aboveDesiredCheck = true;
    this.world.sim.after(0, onAboveDesiredCheck, this, PRIORITY.protectionLifted);
  }

  /** The event protectionLifted scheduled: terminates down to desired what is still unprotected. */
  checkAboveDesired(): void {
    this.aboveDesiredCheck = false;
    const live = this.liveCount();
    if (live > this.desiredCapacity) this.scaleIn(live - this.desiredCapacity, `scale in: scale-in protection came off with the group at ${live} instances for a desired capacity of ${this.desiredCapacity}`);
  }

  /** `why` is the terminations' reason in the event log. */
  private scaleIn(count: number, why = 'scale in'): void {
    // Nothing to do when no instance is launching and every candidate is protected (the
    // usual case under managed termination protection): skip building the lists.
    if (!this.mayScaleIn()) return;
    const azs = this.world.scenario.scenario.cluster.availabilityZones;
    const chosen = chooseScaleIn(this.tally, count, azs, this.world.now, this.world.streams.stream('termination', this.name));
    // Each termination would reconcile (and so scale in again, choosing the rest of this
    // list one by one: the choice is greedy, so the same instances in the same order).
    // Reconcile once after the list instead of once per instance, nested.
    this.scalingIn = true;
    this.terminatedInScaleIn = false;
    for (const inst of chosen) {
      if (inst.lifecycle === 'TERMINATED') continue;
      if (inst.lifecycle === 'LAUNCHING') {
        this.terminate(inst, 'instance-terminated', 'scale in while launching');
      } else if (this.config.managedDraining === 'ENABLED' && inst.tasks.size > 0) {
        // drained first, with service tasks of any kind: replica tasks are replaced
        // elsewhere, DAEMON tasks stop after them (an instance running only DAEMON tasks is
        // drained too: managed draining stops its tasks gracefully before termination). A
        // Spot instance already DRAINING at its notice drains on as it was (drain does
        // nothing more, and logs no row) and terminates once its tasks are STOPPED
        // (checkDrained) or at the end of the notice, whichever comes first; chosen now, it
        // is no longer counted, so neither termination launches a replacement, which the
        // termination's row says (chosenWhileNoticed)
        if (inst.drainingSince !== null) this.chosenWhileNoticed.set(inst, { atMs: this.world.now, why: `${why} (managed draining)` });
        this.toTerminate.add(inst);
        this.recount(inst);
        this.drain(inst, `${why} (managed draining)`);
      } else {
        // (a Spot instance under its notice too: terminated now, charged as the group's
        // own termination; its notice's timer is cancelled with it)
        this.terminate(inst, 'instance-terminated', why);
      }
    }
    this.scalingIn = false;
    if (this.terminatedInScaleIn) this.reconcile();
  }

  drain(inst: Instance, why: string): void {
    if (inst.drainingSince !== null || inst.lifecycle === 'TERMINATED') return;
    inst.drainingSince = this.world.now;
    inst.lifecycle = 'DRAINING';
    inst.status = 'DRAINING';
    this.recount(inst);
    const daemons = inst.tasks.size - inst.serviceTaskCount;
    // with no service task there, nothing is replaced and the DAEMON tasks stop at once
    const replicas = inst.serviceTaskCount === 0 ? 'no service task to replace' : `its service tasks are replaced elsewhere (${inst.serviceTaskCount} running)`;
    const after = inst.serviceTaskCount === 0 ? '' : ' after them';
    const then = daemons === 0 ? '' : `; its ${daemons === 1 ? 'DAEMON task stops' : `${daemons} DAEMON tasks stop`}${after}`;
    this.world.log('instance-draining', inst.id, `${inst.id} set to DRAINING: ${why}; ${replicas}${then}`);
    this.cluster.listener.instanceDraining(inst);
    this.checkDrained(inst);
  }

  /**
   * A DRAINING instance with no replica service task left (none RUNNING, PENDING or
   * stopping): its DAEMON tasks stop, "the last task to stop after all replica tasks are
   * stopped" (developerguide ecs_service-options.html, daemon); one chosen for termination
   * terminates once they are STOPPED too. Called at the drain and at each STOPPED of a task
   * on the instance.
   */
  checkDrained(inst: Instance): void {
    if (inst.lifecycle !== 'DRAINING' || inst.serviceTaskCount > 0) return;
    if (inst.tasks.size > 0) this.cluster.listener.drainDaemonTasks(inst);
    else if (this.toTerminate.has(inst)) this.terminate(inst, 'instance-terminated', 'drained');
  }

  terminate(inst: Instance, reason: 'instance-terminated' | 'spot-interruption', why: string): void {
    if (inst.lifecycle === 'TERMINATED') return;
    const world = this.world;
    // out of toTerminate first: the tasks killed below must not terminate it a second time
    this.toTerminate.delete(inst);
    const chosen = this.chosenWhileNoticed.get(inst);
    if (chosen) {
      this.chosenWhileNoticed.delete(inst);
      why = `${why}; chosen ${Number(((world.now - chosen.atMs) / 1000).toFixed(3))} s before by ${chosen.why}, while DRAINING at its Spot interruption notice, so not replaced`;
    }
    const outer = this.terminating;
    this.terminating = inst;
    this.cluster.listener.instanceTerminating(inst, reason);
    this.terminating = outer;
    world.sim.cancel(inst.timer);
    inst.lifecycle = 'TERMINATED';
    inst.status = 'INACTIVE';
    inst.terminatedAt = world.now;
    this.recount(inst);
    remove(this.live, inst);
    this.terminatedMs += inst.terminatedAt - inst.launchedAt;
    // a Spot instance Amazon EC2 interrupts in its first hour is not charged; after the
    // first hour, per second used (billing-for-interrupted-spot-instances.html: Linux and
    // Windows; only interruptions by EC2, not the group's own terminations)
    // (a warm instance, warmStart, has been running for longer than an hour: charged)
    const free = reason === 'spot-interruption' && inst.spot && !inst.warm && inst.terminatedAt - inst.launchedAt < SPOT_FREE_INTERRUPTION_MS;
    if (free) world.cost.waive(inst.id, world.now);
    else world.cost.stop(inst.id, world.now);
    this.cluster.unregister(inst);
    const up =
      inst.registeredAt === null
        ? 'never registered'
        : inst.warm
        ? `ran ${((world.now - inst.launchedAt) / 3_600_000).toFixed(2)} h from time 0, running before it (warmStart)`
        : `ran ${((world.now - inst.launchedAt) / 3_600_000).toFixed(2)} h, registered ${((inst.registeredAt - inst.launchedAt) / 1000).toFixed(0)} s after launch`;
    const charge = free ? '; not charged: interrupted by EC2 in its first hour' : '';
    world.log('instance-terminated', inst.id, `${inst.type.name} in ${inst.availabilityZone} terminated: ${why} (${up}${charge})`);
    if (this.scalingIn) this.terminatedInScaleIn = true;
    else this.reconcile();
  }

  /**
   * An EC2 Spot interruption notice to `inst`, not terminated and not noticed before: the
   * event its registration scheduled, or a test giving one at a time of its choosing. A
   * registered instance's pending notice timer is cancelled (a stale handle is a no-op), so a
   * notice given early is not followed by a second one when the drawn time comes; a launching
   * instance (tests only) keeps its registration timer, draws no notice when it registers,
   * and is drained then (with Spot instance draining on), not before: a DRAINING instance
   * would never register.
   */
  spotNotice(inst: Instance): void {
    const world = this.world;
    if (inst.lifecycle === 'TERMINATED' || inst.spotTerminationAt !== null) {
      throw new Error(`internal: an EC2 Spot interruption notice to ${inst.id}, ${inst.spotTerminationAt !== null ? 'already under one' : 'terminated'}`);
    }
    if (inst.lifecycle !== 'LAUNCHING') world.sim.cancel(inst.timer);
    // ECS drains the instance at the notice only with Spot instance draining turned on
    // (ECS_ENABLE_SPOT_INSTANCE_DRAINING, off by default: spot-instance-draining-linux-container.html);
    // otherwise its tasks run until the termination stops them
    const draining = this.config.autoScalingGroup.spotInstanceDraining;
    const then = draining ? 'draining its tasks' : 'Spot instance draining is off, so its tasks run until then';
    world.log('spot-interruption', inst.id, `EC2 Spot interruption notice for ${inst.id}: terminating in 2 minutes; ${then}`);
    this.cluster.listener.spotNotice(inst);
    // a launching instance (tests only) is drained when it registers (registered): drained
    // now, it would never register
    if (draining && inst.lifecycle !== 'LAUNCHING') this.drain(inst, 'EC2 Spot interruption notice');
    inst.spotTerminationAt = world.now + SPOT_NOTICE_MS;
    inst.timer = world.sim.after(SPOT_NOTICE_MS, onSpotTerminate, { group: this, inst }, PRIORITY.lifecycle);
  }

  /**
   * The end of the run, before the cost meter stops what still runs: an instance under an
   * EC2 Spot interruption notice whose termination falls in its first hour is not charged
   * (Amazon EC2 interrupts it in its first hour: "No charge",
   * billing-for-interrupted-spot-instances.html). Still held out of cost_to_date (its first
   * hour has not ended), so no row changes.
   */
  waiveNoticedAtEnd(endMs: number): void {
    for (const inst of this.live) {
      if (inst.spotTerminationAt !== null && !inst.warm && inst.spotTerminationAt - inst.launchedAt < SPOT_FREE_INTERRUPTION_MS) this.world.cost.waive(inst.id, endMs);
    }
  }

  /** Launch to termination of the terminated instances, ms (whole ms: the sum is exact). */
  private terminatedMs = 0;

  /** Instance-hours so far (launch to termination or now). */
  instanceHours(now: number): number {
    let ms = this.terminatedMs;
    for (const i of this.live) ms += now - i.launchedAt;
    return ms / 3_600_000;
  }
}

const NONE: readonly { availabilityZone: string }[] = [];

/**
 * Removes `inst` from one of the cluster's instance lists. They are all in id order: an
 * instance joins them at launch (Cluster.register), and ids are handed out at launch.
 */
function remove(list: Instance[], inst: Instance): void {
  const k = byInstanceId.left(list, inst.launchOrder);
  if (list[k] !== inst) throw new Error(`internal: ${inst.id} is not where id order puts it in an instance list`);
  list.splice(k, 1);
}

function toCatalogType(t: InstanceTypeInfo) {
  return { name: t.name, vcpu: t.vcpu, memoryMiB: t.memoryMiB, maxEnis: t.enis, cpuArchitecture: t.cpuArchitecture, pricePerHour: t.pricePerHour };
}

function onRegistered(a: { group: AutoScalingGroup; inst: Instance }): void {
  a.group.registered(a.inst);
}
function onAboveDesiredCheck(group: AutoScalingGroup): void {
  group.checkAboveDesired();
}
function onSpotNotice(a: { group: AutoScalingGroup; inst: Instance }): void {
  if (a.inst.lifecycle !== 'TERMINATED') a.group.spotNotice(a.inst);
}
function onSpotTerminate(a: { group: AutoScalingGroup; inst: Instance }): void {
  a.group.terminate(a.inst, 'spot-interruption', 'EC2 Spot interruption');
}

/** All container instances of the cluster, across Auto Scaling groups. */
export class Cluster {
  readonly groups = new Map<string, AutoScalingGroup>();
  /** Instances launched and not terminated, in id order (the placer's view; it skips those not ACTIVE). */
  readonly instances: Instance[] = [];
  readonly byId = new Map<string, Instance>();
  /**
   * Bumped whenever capacity may have grown (an instance registered, a task released its
   * resources): a placement that failed at the same version would fail again.
   */
  capacityVersion = 0;
  private seq = 0;

  constructor(
    world: World,
    public listener: ClusterListener,
  ) {
    for (const p of world.scenario.providers.values()) {
      if (p.kind === 'asg') this.groups.set(p.name, new AutoScalingGroup(p.name, p.config, world, this));
    }
  }

  /** Per capacity provider: bumped when capacity of that provider's instances may have grown. */
  private readonly providerVersions = new Map<string, number>();

  providerVersion(provider: string): number {
    return this.providerVersions.get(provider) ?? 0;
  }

  /** Capacity may have grown on an instance of `provider` (no listener call). */
  capacityGrew(provider: string): void {
    this.capacityVersion++;
    this.providerVersions.set(provider, this.providerVersion(provider) + 1);
  }

  /** Per provider: its instances in the order they registered. */
  private readonly registrations = new Map<string, RegistrationLog>();
  /** Per provider: bumped when a task releases resources on one of its instances. */
  private readonly releaseVersions = new Map<string, number>();

  instanceRegistered(inst: Instance): void {
    let log = this.registrations.get(inst.provider);
    if (!log) this.registrations.set(inst.provider, (log = new RegistrationLog()));
    log.add(inst);
    this.capacityGrew(inst.provider);
  }

  /** Instances of `provider` registered so far (a position in its registration log). */
  registrationCount(provider: string): number {
    return this.registrations.get(provider)?.count ?? 0;
  }

  /** Registrations so far over every provider. */
  totalRegistrations(): number {
    let n = 0;
    for (const log of this.registrations.values()) n += log.count;
    return n;
  }

  /** Instances of `provider` registered after the first `count`, not terminated, in id order. */
  registeredSince(provider: string, count: number): Instance[] {
    return this.registrations.get(provider)?.since(count) ?? [];
  }

  releaseVersion(provider: string): number {
    return this.releaseVersions.get(provider) ?? 0;
  }

  /** Per provider: the room indexes services asked for (one per task size). */
  private readonly roomIndexes = new Map<string, RoomIndex[]>();

  /** The instances of `provider` with room for a task of `cpu` units and `memory` MiB. */
  roomIndex(provider: string, cpu: number, memory: number): RoomIndex {
    let list = this.roomIndexes.get(provider);
    if (!list) this.roomIndexes.set(provider, (list = []));
    let index = list.find((r) => r.cpu === cpu && r.memory === memory);
    if (!index) {
      index = new RoomIndex(cpu, memory);
      for (const inst of this.instancesOf(provider)) index.update(inst, true);
      list.push(index);
    }
    return index;
  }

  /** An instance's free resources changed (a task placed or released): the room indexes follow. */
  resourcesChanged(inst: Instance, present = true): void {
    const list = this.roomIndexes.get(inst.provider);
    if (list) for (const index of list) index.update(inst, present);
  }

  /** A task was placed on `inst` or left it: its group's figures follow, and task:group reads anew. */
  tasksChanged(inst: Instance): void {
    this.groups.get(inst.provider)?.recount(inst);
    this.factChanged('task:group');
  }

  /** Per instance fact: bumped at each change once some service watches it (else 0). */
  private readonly factVersions: Record<InstanceFact, number> = { runningTasksCount: 0, 'task:group': 0 };
  private readonly watchedFacts = new Set<InstanceFact>();

  /** A service's memberOf reads `fact`: its changes are counted and announced from now on. */
  watchFact(fact: InstanceFact): void {
    this.watchedFacts.add(fact);
  }

  factVersion(fact: InstanceFact): number {
    return this.factVersions[fact];
  }

  private factChanged(fact: InstanceFact): void {
    if (!this.watchedFacts.has(fact)) return;
    this.factVersions[fact]++;
    this.listener.instanceFactChanged(fact);
  }

  /** A task released its resources on `inst` (already added back to its free resources). */
  capacityFreed(inst: Instance): void {
    this.releaseVersions.set(inst.provider, this.releaseVersion(inst.provider) + 1);
    this.resourcesChanged(inst);
    this.capacityGrew(inst.provider);
    this.listener.capacityFreed();
  }

  /**
   * A task on `inst` entered (1) or left (-1) RUNNING: ContainerInstance.runningTasksCount
   * is "the number of tasks on the container instance that are in the RUNNING status"
   * (APIReference/API_ContainerInstance.html); PENDING ones are pendingTasksCount.
   */
  runningTasksChanged(inst: Instance, delta: 1 | -1): void {
    inst.runningTasksCount += delta;
    this.factChanged('runningTasksCount');
  }

  nextInstanceId(): string {
    return `i-${(++this.seq).toString(16).padStart(17, '0')}`;
  }

  /** Each provider's instances, in id order (the placer's view of one capacity provider). */
  private readonly byProvider = new Map<string, Instance[]>();

  register(inst: Instance): void {
    this.instances.push(inst);
    this.byId.set(inst.id, inst);
    let list = this.byProvider.get(inst.provider);
    if (!list) this.byProvider.set(inst.provider, (list = []));
    list.push(inst);
    this.resourcesChanged(inst);
  }

  unregister(inst: Instance): void {
    this.resourcesChanged(inst, false);
    remove(this.instances, inst);
    remove(this.byProvider.get(inst.provider) ?? [], inst);
    this.byId.delete(inst.id);
  }

  /** Instances of one provider (or of every provider for launchType EC2). */
  instancesOf(provider: string | null): readonly Instance[] {
    return provider === null ? this.instances : (this.byProvider.get(provider) ?? []);
  }
}
