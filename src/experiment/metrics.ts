// The headline figures compare and sweep report, taken from one run's summary.json.

import type { Summary } from '../sim/index.js';

/** Names as they appear in the CSV headers (`<name>_mean`, `<name>_ci95`). */
export const METRICS = [
  'cost', // cost.total, USD
  'sloViolationMinutes', // sum over services
  'latencyP95Ms', // max over services of latencyMs.p95
  'cpuMean', // mean over the services with data of cpuUtilization.mean, percent
  'taskHours', // sum over services
  'scalingActivities', // sum over services of scale outs + scale ins
  'droppedRequests', // sum over services of requests.dropped (rejected, HTTP 503; queue: expired messages)
  // added after the first seven, so the CSVs' earlier columns keep their places
  'latencyP99Ms', // max over services of latencyMs.p99
  'spotInterruptions', // sum over services of spotInterruptions (tasks that got a Spot interruption notice)
] as const;

export type MetricName = (typeof METRICS)[number];

interface ServiceFigures {
  taskHours: number;
  /** null when the service had no CPUUtilization datapoint (never RUNNING). */
  cpuUtilization: { mean: number | null };
  requests: { dropped: number };
  latencyMs: { p95: number | null; p99: number | null };
  sloViolationMinutes: number;
  scalingActivities: { out: number; in: number };
  spotInterruptions: number;
}

/**
 * One capacity provider's figures of one run (providers.csv of compare): `cost`, summary.json's
 * `cost.byProvider.<p>` (USD); `maxInstances`, `capacityProviders.<p>.maxInstances` of an EC2
 * (Auto Scaling group) provider; `maxTasks`, `capacityProviders.<p>.maxTasks` of a Fargate one;
 * NaN where the provider has no such figure.
 */
export interface ProviderFigures {
  cost: number;
  maxInstances: number;
  maxTasks: number;
}

export const PROVIDER_FIGURES = ['cost', 'maxInstances', 'maxTasks'] as const;

/** Per capacity provider of the run (summary.json's order), its ProviderFigures. */
export function providerFigures(summary: Summary): [string, ProviderFigures][] {
  const providers = summary.capacityProviders as Record<string, { maxInstances?: number; maxTasks?: number }>;
  const byProvider = summary.cost.byProvider;
  const names = [...Object.keys(providers), ...Object.keys(byProvider).filter((n) => !(n in providers))];
  return names.map((name) => [
    name,
    { cost: byProvider[name] ?? NaN, maxInstances: providers[name]?.maxInstances ?? NaN, maxTasks: providers[name]?.maxTasks ?? NaN },
  ]);
}

/** The METRICS of one run, in METRICS order; NaN where no service has the figure. */
export function headlineMetrics(summary: Summary): number[] {
  const services = Object.values(summary.services) as ServiceFigures[];
  let slo = 0;
  let p95 = -Infinity;
  let cpu = 0;
  let cpuServices = 0;
  let taskHours = 0;
  let scaling = 0;
  let dropped = 0;
  let p99 = -Infinity;
  let spot = 0;
  for (const s of services) {
    slo += s.sloViolationMinutes;
    if (s.latencyMs.p95 !== null && s.latencyMs.p95 > p95) p95 = s.latencyMs.p95;
    // a service without a datapoint (never RUNNING) has no CPU figure: left out, not a 0
    if (s.cpuUtilization.mean !== null) {
      cpu += s.cpuUtilization.mean;
      cpuServices++;
    }
    taskHours += s.taskHours;
    scaling += s.scalingActivities.out + s.scalingActivities.in;
    dropped += s.requests.dropped;
    if (s.latencyMs.p99 !== null && s.latencyMs.p99 > p99) p99 = s.latencyMs.p99;
    spot += s.spotInterruptions;
  }
  return [
    summary.cost.total,
    slo,
    p95 === -Infinity ? NaN : p95,
    cpuServices === 0 ? NaN : cpu / cpuServices,
    taskHours,
    scaling,
    dropped,
    p99 === -Infinity ? NaN : p99,
    spot,
  ];
}
