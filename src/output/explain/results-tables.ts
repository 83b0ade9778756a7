// The parts of a results folder `ecsim explain` reads, as plain typed rows (times in
// seconds since the start, as in the files). Built by readResults; pure functions take it.

import type { TargetHealthCheck } from '../../model/target-health.js';
export interface EventRow {
  timeS: number;
  type: string;
  subject: string;
  message: string;
}

export interface SeriesRow {
  timeS: number;
  service: string;
  requestRate: number;
  desiredCount: number;
  runningCount: number;
  cpuUtilization: number | null;
  memoryUtilization: number | null;
  minCapacity: number | null;
  maxCapacity: number | null;
  backlog: number | null;
  /** RequestCountPerTarget's datapoint (null: no datapoint, no load balancer, or a folder written before the column). */
  requestCountPerTarget: number | null;
  /**
   * The service's SQS queue sent no datapoint for this period (inactive, or activated and its
   * metrics not resumed yet: events.csv's queue-inactive / queue-metrics-resumed rows,
   * queue-silences.ts): ApproximateNumberOfMessagesVisible and BacklogPerTask have none.
   */
  queueSilent?: boolean;
}

export interface TaskRow {
  taskId: string;
  service: string;
  capacityProvider: string;
  instanceId: string;
  createdS: number;
  runningS: number | null;
  stoppedS: number | null;
  stopReason: string;
}

/** What explain needs to know of a scaling policy (from scenario.json). */
export interface PolicyInfo {
  name: string;
  policyType: 'TargetTrackingScaling' | 'StepScaling' | string;
  /** CloudWatch metric name: CPUUtilization, MemoryUtilization, RequestCountPerTarget, BacklogPerTask. */
  metricName: string | null;
  targetValue: number | null;
  disableScaleIn: boolean;
  /** Cooldowns in seconds (scenario.json holds ms; AWS's default for ECS is 300 s). */
  scaleOutCooldownS: number;
  scaleInCooldownS: number;
  /** A step policy's own alarm name (alarm.name in the scenario); null or absent: the default StepScaling-<service>-<policy>. */
  alarmName?: string | null;
}

/** The metric period of a service's rows, s (60 for a run of one row). */
export function periodOf(rows: readonly SeriesRow[]): number {
  return rows.length > 1 ? rows[1].timeS - rows[0].timeS : 60;
}

/**
 * The exact names of the CloudWatch alarms a policy of `service` owns, as the scaler names
 * them (src/scaling/target-tracking.ts, step-scaling-policy.ts): a target tracking policy's
 * TargetTracking-<service>-<policy>-AlarmHigh and -AlarmLow, a step policy's alarm.name or
 * StepScaling-<service>-<policy>. Matched whole: policies cpu and cpu2 share a prefix.
 */
export function policyAlarmNames(service: string, p: PolicyInfo): string[] {
  if (p.policyType === 'TargetTrackingScaling') {
    const base = `TargetTracking-${service}-${p.name}`;
    return [`${base}-AlarmHigh`, `${base}-AlarmLow`];
  }
  return [p.alarmName ?? `StepScaling-${service}-${p.name}`];
}

export interface ServiceInfo {
  name: string;
  minCapacity: number | null;
  maxCapacity: number | null;
  policies: PolicyInfo[];
  /** 'http' (rates in rps) or 'queue' (messages/s); null without a workload. */
  workloadType: string | null;
  /**
   * How a new task's load balancer target fares (from scenario.json: the health check, the
   * grace period and the task definition's startup.applicationStart): healthy, in rotation,
   * `healthyAfterS` after RUNNING; or marked unhealthy by the service (and replaced)
   * `markedAfterS` after RUNNING, healthy again `recoveredAfterS` after RUNNING unless
   * stopped before; or 'varies' (the application start is a distribution);
   * null without a load balancer.
   */
  newTarget: { healthyAfterS: number } | { markedAfterS: number; recoveredAfterS: number } | 'varies' | null;
  /** The load balancer's health check and the grace period (ms), null (or absent) without a load balancer. */
  healthCheck?: TargetHealthCheck | null;
  /**
   * Capacity providers whose managed scaling never scales out for this service's tasks (the
   * task is larger than the smallest instance type the group lists: smallestTypeShortfall),
   * each with why, e.g. "task definition td (256 CPU units, 6000 MiB) fits r5.large but is
   * larger than the smallest instance type its group lists (c5.large registers 4014 MiB)".
   */
  neverScaledOutBy?: ReadonlyMap<string, string>;
}

export interface ResultsTables {
  scenarioName: string;
  seed: number | null;
  startEpochMs: number;
  durationS: number;
  events: EventRow[];
  timeseries: SeriesRow[];
  tasks: TaskRow[];
  services: Map<string, ServiceInfo>;
  /**
   * From a period's start to the first alarm evaluation that sees its datapoint (s):
   * scenario.json's metrics.period + metrics.publishDelay (60 s + 60 s when absent).
   */
  evaluationLagS?: number;
}

/** The newest row whose period started before t (its counts are those at the period's end, <= t). */
export function rowAt(rows: readonly SeriesRow[], t: number): SeriesRow | undefined {
  let found: SeriesRow | undefined;
  for (const r of rows) {
    if (r.timeS >= t) break;
    found = r;
  }
  return found;
}
