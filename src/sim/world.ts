// The shared state of one simulation run: the engine, the scenario, the random streams,
// the event log and the cost meter. Subsystems (cluster, services, metrics) hang off it.
// A run is a value: nothing here is global, so many runs can share a process.

import { RandomStreams, Simulator } from '../engine/index.js';
import { CostMeter, createPriceBook, type PriceBook } from '../model/pricing/index.js';
import type { ResolvedScenario } from '../scenario/index.js';
import type { EventRecord, EventType, RunSinks } from './records.js';
import { ProvisioningQuota } from './provisioning-quota.js';

/** Event priorities at equal times: lifecycle first, then reconciliation, then metrics. */
export const PRIORITY = {
  lifecycle: 0,
  /**
   * A DAEMON service's reconcile, before the instant's other reconciles: a stopped daemon
   * task's replacement takes its instance's room back before a waiting replica task can,
   * whichever was requested first (docs/assumptions.md, DAEMON paragraphs).
   */
  daemonReconcile: 9,
  reconcile: 10,
  /**
   * An Auto Scaling group's look, after the instant's reconciles, at whether it is above its
   * desired capacity once an instance's scale-in protection came off (cluster.ts,
   * protectionLifted): a waiting task placed on that instance in the same instant protects it again.
   */
  protectionLifted: 11,
  /** A service's periodic look for AZ rebalancing (az-rebalancing.ts), after the instant's reconciles. */
  azRebalancing: 12,
  /** The target group's fail-open routing, once the instant's lifecycle and reconcile have run (services.ts). */
  failOpen: 15,
  /** A service's task-unplaceable reason taken again six hours after its last event (services.ts), after the instant's reconciles. */
  unplaceableRepeat: 16,
  metricsTick: 20,
  /**
   * A service's scheduled action firing, before the instant's alarms and policies: the
   * bounds it sets are in force when a policy evaluates at the same instant, whichever event
   * was scheduled first (docs/assumptions.md, clock and order).
   */
  scheduledActions: 29,
  alarms: 30,
  managedScaling: 40,
} as const;

export class World {
  readonly sim = new Simulator();
  readonly streams: RandomStreams;
  readonly cost = new CostMeter();
  readonly durationMs: number;
  readonly periodMs: number;
  /** The run's prices: the built-in list with the scenario's `pricing:` overrides (Fargate, and EC2 by instance type). */
  readonly prices: PriceBook;
  /** Whether events are kept (RunSinks.keepsEvents): a busy call site builds its message only then. */
  readonly logging: boolean;
  /**
   * The scenario's `warmStart`: the groups' initial instances register at time 0 and the
   * services' initial tasks are RUNNING and in rotation at time 0 (docs/assumptions.md).
   */
  readonly warmStart: boolean;

  constructor(
    readonly scenario: ResolvedScenario,
    readonly sinks: RunSinks,
    seed: number,
    /** Wakes that would reconcile for nothing hold a place instead of an event (ServiceRuntime.wake); false only to test that. */
    readonly holdIdleWakes = true,
  ) {
    this.streams = new RandomStreams(seed);
    this.logging = sinks.keepsEvents !== false;
    this.warmStart = scenario.scenario.warmStart;
    this.prices = createPriceBook(scenario.scenario.pricing, scenario.customInstanceTypes);
    this.durationMs = scenario.scenario.duration;
    this.periodMs = scenario.scenario.metrics.period;
    this.provisioningQuota = new ProvisioningQuota(scenario.scenario.cluster.provisioningTaskLimit, this.sim, PRIORITY.reconcile);
  }

  /** The cluster's quota of tasks in PROVISIONING (provisioning-quota.ts). */
  readonly provisioningQuota: ProvisioningQuota;

  /** Tasks in state RUNNING per capacity provider. */
  readonly runningByProvider = new Map<string, number>();

  addRunning(provider: string, delta: number): void {
    this.runningByProvider.set(provider, (this.runningByProvider.get(provider) ?? 0) + delta);
  }

  /** Tasks in state PROVISIONING per capacity provider ('' for launchType EC2 before placement). */
  readonly provisioningByProvider = new Map<string, number>();

  addProvisioning(provider: string, delta: number): void {
    this.provisioningByProvider.set(provider, (this.provisioningByProvider.get(provider) ?? 0) + delta);
  }

  /** CPU units and MiB reserved by Fargate tasks past PROVISIONING, per provider. */
  readonly reservedByProvider = new Map<string, { cpu: number; memory: number }>();

  addReserved(provider: string, cpu: number, memory: number): void {
    let r = this.reservedByProvider.get(provider);
    if (!r) this.reservedByProvider.set(provider, (r = { cpu: 0, memory: 0 }));
    r.cpu += cpu;
    r.memory += memory;
  }

  get now(): number {
    return this.sim.now;
  }


  log(type: EventType, subject: string, message: string): void {
    const e: EventRecord = { time: this.sim.now, type, subject, message };
    this.sinks.event(e);
  }
}
