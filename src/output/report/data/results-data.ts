// The plain data a report is drawn from: the files of one results folder
// (../shared/design/outputs.md), read back. Reports know nothing else about a run.

/** Numeric columns of one service (timeseries.csv) or one capacity provider (capacity.csv). */
export interface SeriesTable {
  /** Seconds since the scenario's start: the START of each metric period. */
  time: Float64Array;
  /** Column name -> values; NaN where the cell was empty. */
  columns: Record<string, Float64Array>;
}

export interface EventRow {
  timeS: number;
  type: string;
  subject: string;
  message: string;
}

export interface TaskRow {
  taskId: string;
  service: string;
  capacityProvider: string;
  launchType: string;
  /** '' for a task never placed (and for Fargate tasks). */
  instanceId: string;
  createdS: number;
  runningS: number;
  stoppedS: number;
  stopReason: string;
}

export interface ServiceSummary {
  taskHours?: number;
  desiredCount?: { min?: number; max?: number; mean?: number; final?: number };
  cpuUtilization?: { mean?: number; p50?: number; p95?: number; max?: number };
  memoryUtilization?: { mean?: number; p50?: number; p95?: number; max?: number };
  requests?: { offered?: number; served?: number; dropped?: number };
  latencyMs?: { p50?: number; p95?: number; p99?: number };
  sloViolationMinutes?: number;
  scalingActivities?: { out?: number; in?: number };
  tasksStarted?: number;
  tasksStopped?: number;
  spotInterruptions?: number;
}

export interface RunSummary {
  scenario?: string;
  seed?: number;
  durationSeconds?: number;
  services?: Record<string, ServiceSummary>;
  /** An Auto Scaling group provider has the instance figures, a Fargate one taskHours and maxTasks. */
  capacityProviders?: Record<string, { instanceHours?: number; maxInstances?: number; meanReservation?: number | null; taskHours?: number; maxTasks?: number }>;
  cost?: { currency?: string; total?: number; byProvider?: Record<string, number> };
}

export interface ResultsData {
  dir: string;
  summary: RunSummary;
  /** Epoch ms of simulated time 0 (from the rows' timestamps), for clock-time labels. */
  startEpochMs: number;
  durationSeconds: number;
  services: Map<string, SeriesTable>;
  providers: Map<string, SeriesTable>;
  events: EventRow[];
  tasks: TaskRow[];
  /** scenario.json when the folder has one (optional), else null. */
  scenario: Record<string, unknown> | null;
}
