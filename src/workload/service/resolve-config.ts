// Checks a ServiceWorkloadConfig and derives the numbers both fidelities share:
// effective service time, per-task capacity, CPU scaling.

import { durationMean, durationScv, type Distribution } from '../../engine/index.js';
import type { ServiceWorkloadConfig } from './types.js';

export interface ResolvedServiceConfig {
  type: 'http' | 'queue';
  fidelity: 'fluid' | 'request';
  routing: 'round-robin' | 'least-outstanding' | 'random';
  concurrency: number;
  /** The configured service-time distribution (ms). */
  serviceTime: Distribution;
  /** Factor >= 1 every sampled service time is multiplied by (CPU-bound tasks, see notes). */
  stretch: number;
  /** Mean effective service time, ms (mean(serviceTime) x stretch). */
  meanServiceMs: number;
  /** scv of the service time (unchanged by the stretch). */
  serviceScv: number;
  /** Requests/s at 100 % CPU (http) — the CPU scale. */
  capacityRps: number;
  /** Requests/s a task can complete: concurrency / meanServiceMs x 1000. */
  taskRate: number;
  cpuBaseline: number;
  cpuPerBusySlot: number;
  memoryBase: number;
  memoryPerRps: number;
  maxQueuePerTask: number;
  /** Queue services: SQS's MessageRetentionPeriod, ms (default 4 days); http: Infinity. */
  retentionMs: number;
}

/** SQS's MessageRetentionPeriod: default 345,600 s (4 days), 60 s to 1,209,600 s (14 days) (CreateQueue). */
export const DEFAULT_RETENTION_MS = 345_600_000;
/** An http task's queue when maxQueuePerTask is not written (requests held beyond its busy slots). */
export const DEFAULT_MAX_QUEUE_PER_TASK = 100;
export const MIN_RETENTION_MS = 60_000;
export const MAX_RETENTION_MS = 1_209_600_000;
/**
 * SQS's inactive queue (SQSDeveloperGuide monitoring-using-cloudwatch.html): "active for up
 * to six hours" after it last contained messages or an API action accessed it; SQS sends no
 * metrics for an inactive queue. workload.inactiveAfter, default and most: six hours.
 */
export const DEFAULT_INACTIVE_AFTER_MS = 21_600_000;
/**
 * "When a queue is activated from an inactive state, CloudWatch metrics may be delayed up to
 * 15 minutes" (same page): workload.activationMetricsDelay, default and most 15 minutes (the
 * worst case, for planning), 0 turns it off.
 */
export const DEFAULT_ACTIVATION_METRICS_DELAY_MS = 900_000;

/**
 * capacityRps above concurrency / mean service time is an I/O-bound task (its CPU stays
 * below capacity at saturation); beyond this factor it is taken for a unit mistake.
 */
const MAX_CAPACITY_OVER_SLOTS = 100;

function formatRate(r: number): string {
  return r >= 10 ? r.toFixed(0) : String(Number(r.toPrecision(3)));
}

/**
 * How the scenario file wrote the workload, for the hints of its messages:
 * `serviceTimeMeanBare` when serviceTime's mean is a value written as a bare number of
 * seconds (`mean: 40`, no unit), which a mean 100 times too long likely meant as ms.
 */
export interface WrittenAs {
  serviceTimeMeanBare?: boolean;
}

export function resolveServiceConfig(config: ServiceWorkloadConfig, written: WrittenAs = {}): ResolvedServiceConfig {
  const p = config.perTask ?? {};
  const concurrency = p.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`workload.perTask.concurrency: expected a positive integer, found ${concurrency}`);
  }
  if (p.capacityRps !== undefined && !(p.capacityRps > 0)) {
    throw new Error(`workload.perTask.capacityRps: expected a positive number, found ${p.capacityRps}`);
  }
  if (config.type === 'queue' && p.capacityRps !== undefined) {
    // capacityRps is an http task's throughput at 100 % CPU; a queue worker's CPU is
    // cpuPerBusySlot per busy slot and its throughput what its slots allow, so the key
    // would mean nothing (it used to be ignored when serviceTime was given)
    const ms = Number(((concurrency / p.capacityRps) * 1000).toPrecision(4));
    throw new Error(
      `workload.perTask.capacityRps: expected no capacityRps on a queue workload (it is an http task's throughput at 100 % CPU), found ${p.capacityRps}; ` +
        `a queue worker serves concurrency / mean(serviceTime) messages/s and its CPU is cpuPerBusySlot per busy slot: ` +
        `for ${formatRate(p.capacityRps)} messages/s with concurrency ${concurrency}, give serviceTime a mean of ${ms < 1000 ? `${ms}ms` : `${ms / 1000}s`}`,
    );
  }
  let serviceTime = p.serviceTime;
  if (!serviceTime) {
    if (p.capacityRps === undefined) {
      throw new Error(config.type === 'queue' ? 'workload.perTask: expected serviceTime, found none' : 'workload.perTask: expected serviceTime or capacityRps, found neither');
    }
    serviceTime = { distribution: 'exponential', mean: (concurrency / p.capacityRps) * 1000 };
  }
  const baseMean = durationMean(serviceTime);
  if (!(baseMean > 0)) {
    throw new Error(`workload.perTask.serviceTime: expected a positive mean, found ${baseMean} ms`);
  }
  const slotRate = (concurrency / baseMean) * 1000;
  if (p.capacityRps !== undefined && p.capacityRps > MAX_CAPACITY_OVER_SLOTS * slotRate) {
    // An I/O-bound task may serve less than its CPU allows (CPU stays below 100 % at
    // saturation), but a factor this large is a unit slip, and the run would be meaningless.
    const secs = baseMean / 1000;
    const hint = written.serviceTimeMeanBare && baseMean >= 1000 && Number.isInteger(secs) ? `; serviceTime's mean is ${secs}s: written as a bare number, that is seconds (did you mean "${secs}ms"?)` : '';
    throw new Error(
      `workload.perTask.capacityRps: expected at most ${MAX_CAPACITY_OVER_SLOTS} x what the slots allow ` +
        `(concurrency ${concurrency} / mean serviceTime ${roundedMs(baseMean)} ms = ${formatRate(slotRate)} requests/s), found ${p.capacityRps}${hint}`,
    );
  }
  const capacityRps = p.capacityRps ?? slotRate;
  // CPU-bound task: concurrency alone would allow more than the CPU can serve (http only:
  // queue workloads refuse capacityRps above).
  const stretch = capacityRps < slotRate ? slotRate / capacityRps : 1;
  const meanServiceMs = baseMean * stretch;
  const maxQueue = config.maxQueuePerTask ?? DEFAULT_MAX_QUEUE_PER_TASK;
  if (!(maxQueue >= 0)) throw new Error(`workload.maxQueuePerTask: expected >= 0, found ${maxQueue}`);
  const retention = config.messageRetentionPeriod;
  if (retention !== undefined) {
    if (config.type !== 'queue') {
      throw new Error(`workload.messageRetentionPeriod: expected none on an http workload (it is an SQS queue's attribute), found ${retention / 1000}s; remove it, or set type: queue`);
    }
    if (!(retention >= MIN_RETENTION_MS && retention <= MAX_RETENTION_MS)) {
      throw new Error(`workload.messageRetentionPeriod: expected 60s to 1209600s (SQS's MessageRetentionPeriod range), found ${retention / 1000}s`);
    }
  }
  return {
    type: config.type ?? 'http',
    fidelity: config.fidelity ?? 'fluid',
    routing: config.routing ?? 'round-robin',
    concurrency,
    serviceTime,
    stretch,
    meanServiceMs,
    serviceScv: durationScv(serviceTime),
    capacityRps,
    taskRate: (concurrency / meanServiceMs) * 1000,
    cpuBaseline: p.cpuBaseline ?? 0,
    // by default a worker with every slot busy reads 100 %, as an http task at capacityRps
    cpuPerBusySlot: p.cpuPerBusySlot ?? (100 - (p.cpuBaseline ?? 0)) / concurrency,
    memoryBase: p.memoryMiB?.base ?? 0,
    memoryPerRps: p.memoryMiB?.perRps ?? 0,
    maxQueuePerTask: Math.floor(maxQueue),
    retentionMs: config.type === 'queue' ? (retention ?? DEFAULT_RETENTION_MS) : Infinity,
  };
}

/** A mean in ms for a message: whole ms from 1 ms up (a lognormal's mean, median x e^(sigma^2/2), has no end of digits), 3 significant digits below. */
function roundedMs(ms: number): number {
  return ms >= 1 ? Math.round(ms) : Number(ms.toPrecision(3));
}
