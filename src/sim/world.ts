// The shared state of one simulation run: the engine, the scenario, the random streams,
// the event log and the cost meter. Subsystems (cluster, services, metrics) hang off it.
// A run is a value: nothing here is global, so many runs can share a process.

import { RandomStreams, Simulator } from '../engine/index.js';
import { CostMeter } from '../model/pricing/index.js';
import type { ResolvedScenario } from '../scenario/index.js';
import type { EventRecord, EventType, RunSinks } from './records.js';

/** Event priorities at equal times: lifecycle first, then reconciliation, then metrics. */
export const PRIORITY = {
  lifecycle: 0,
  reconcile: 10,
  metricsTick: 20,
  alarms: 30,
  managedScaling: 40,
} as const;

export class World {
  readonly sim = new Simulator();
  readonly streams: RandomStreams;
  readonly cost = new CostMeter();
  readonly durationMs: number;
  readonly periodMs: number;
  readonly counters = { tasksStarted: new Map<string, number>(), eventsByType: new Map<EventType, number>() };

  constructor(
    readonly scenario: ResolvedScenario,
    readonly sinks: RunSinks,
    seed: number,
  ) {
    this.streams = new RandomStreams(seed);
    this.durationMs = scenario.scenario.duration;
    this.periodMs = scenario.scenario.metrics.period;
  }

  get now(): number {
    return this.sim.now;
  }

  log(type: EventType, subject: string, message: string): void {
    const e: EventRecord = { time: this.sim.now, type, subject, message };
    this.counters.eventsByType.set(type, (this.counters.eventsByType.get(type) ?? 0) + 1);
    this.sinks.event(e);
  }
}
