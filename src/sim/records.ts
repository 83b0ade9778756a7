// The records a run produces, as plain data. The output layer renders them to files;
// the simulation knows nothing of files.

/** The closed set of event types in events.csv (see docs/outputs.md). */
export const EVENT_TYPES = [
  'scaling-activity',
  'alarm-state',
  'scheduled-action',
  'no-step-adjustment',
  'scale-in-held',
  'task-placed',
  'task-unplaceable',
  'provisioning-quota',
  'task-running',
  'task-unhealthy',
  'task-healthy',
  'task-out-of-memory',
  'target-group-fail-open',
  'task-stopped',
  'az-rebalancing',
  'instance-launched',
  'instance-registered',
  'instance-draining',
  'instance-terminated',
  'spot-interruption',
  'queue-inactive',
  'queue-metrics-resumed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventRecord {
  time: number; // ms
  type: EventType;
  subject: string;
  message: string;
}

export interface TimeseriesRow {
  time: number; // ms, start of the period
  service: string;
  requestRate: number;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  cpuUtilization: number | null;
  memoryUtilization: number | null;
  requestsServed: number;
  requestsDropped: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  latencyP99Ms: number | null;
  minCapacity: number | null;
  maxCapacity: number | null;
  /** Requests waiting (not in service) at the period end: PeriodStats.waiting. */
  queued: number;
  backlog: number | null;
  /**
   * The period's RequestCountPerTarget datapoint (requests received by the target group in
   * the period, those routed to tasks that left it during the period included, / healthy
   * targets at the period end, or / registered targets when none is healthy), as the alarms
   * see it; 0 in a period with no request routed while a target is healthy at its end
   * (target tracking sees "real 0 values" of ALBRequestCountPerTarget); null without a load
   * balancer or when the metric has no datapoint: no request routed and no healthy target at
   * the period end, or requests routed only to tasks that left during the period with no
   * target registered at its end (nothing to divide by: AWS says nothing of that case; the
   * alarms see missing data).
   */
  requestCountPerTarget: number | null;
}

export interface CapacityRow {
  time: number; // ms, start of the period
  capacityProvider: string;
  instancesPending: number;
  instancesRunning: number;
  instancesDraining: number;
  tasksProvisioning: number;
  tasksRunning: number;
  cpuRegistered: number;
  cpuReserved: number;
  memoryRegistered: number;
  memoryReserved: number;
  capacityProviderReservation: number | null;
  desiredCapacity: number | null;
  costToDate: number;
}

export interface TaskRow {
  taskId: string;
  service: string;
  capacityProvider: string;
  launchType: string;
  instanceId: string | null;
  availabilityZone: string;
  created: number;
  running: number | null;
  stopped: number | null;
  stopReason: string | null;
  /** When it entered PENDING (Fargate is billed from then); null if it never did. */
  pending: number | null;
}

/** Where a run's records go, as they happen (so memory does not grow with simulated time). */
export interface RunSinks {
  /**
   * false: the run's events go nowhere (a compare's or sweep's replications keep only their
   * headline figures), so the busiest ones are not even written out; event() may then be
   * called for the rest. Default true.
   */
  readonly keepsEvents?: boolean;
  event(e: EventRecord): void;
  timeseries(row: TimeseriesRow): void;
  capacity(row: CapacityRow): void;
  task(row: TaskRow): void;
}
