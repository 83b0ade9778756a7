// The column sets of the output contract (../shared/design/outputs.md). Columns may be
// added at the end; the named ones keep their names and meanings.

export const TIMESERIES_COLUMNS = [
  'time_s', 'timestamp', 'service', 'request_rate', 'desired_count', 'running_count', 'pending_count',
  'cpu_utilization', 'memory_utilization', 'requests_served', 'requests_dropped',
  'latency_p50_ms', 'latency_p95_ms', 'latency_p99_ms', 'min_capacity', 'max_capacity',
  'requests_queued', 'backlog', 'request_count_per_target',
] as const;

export const CAPACITY_COLUMNS = [
  'time_s', 'timestamp', 'capacity_provider', 'instances_pending', 'instances_running', 'instances_draining',
  'tasks_provisioning', 'tasks_running', 'cpu_registered', 'cpu_reserved', 'memory_registered', 'memory_reserved',
  'capacity_provider_reservation', 'cost_to_date', 'desired_capacity',
] as const;

export const EVENT_COLUMNS = ['time_s', 'timestamp', 'type', 'subject', 'message'] as const;

export const TASK_COLUMNS = [
  'task_id', 'service', 'capacity_provider', 'launch_type', 'instance_id', 'availability_zone',
  'created_s', 'running_s', 'stopped_s', 'stop_reason', 'pending_s',
] as const;
