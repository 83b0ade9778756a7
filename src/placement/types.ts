// The plain data that ECS task placement works on: container instances as the placer sees
// them, a task's requirements, placement strategies/constraints as ECS spells them, and
// the result of a placement (an instance, or why none would do).

export interface PlacementInstance {
  /** EC2 instance id, e.g. "i-0000000000000003"; remaining ties are broken by this id's order. */
  id: string;
  status: 'ACTIVE' | 'DRAINING' | 'REGISTERING' | 'INACTIVE';
  /** 'ecs.instance-type', 'ecs.availability-zone', 'ecs.cpu-architecture', 'ecs.os-type', 'ecs.os-family', 'ecs.ami-id', custom names. */
  attributes: Readonly<Record<string, string>>;
  /** CPU units free. */
  cpuRemaining: number;
  /** MiB free. */
  memoryRemaining: number;
  /** Static host ports taken. */
  usedHostPorts: ReadonlySet<number>;
  /** Free ENI attachments for awsvpc tasks. */
  enisRemaining: number;
  runningTasksCount: number;
  /** Task group (e.g. "service:web") -> tasks of it on this instance. */
  groupCounts: ReadonlyMap<string, number>;
  /**
   * Of those, the tasks whose desired status is STOPPED (being stopped, not yet STOPPED),
   * kept for the groups of services with distinctInstance, which does not count them
   * (task-placement-constraints.html). None when absent.
   */
  groupStoppingCounts?: ReadonlyMap<string, number>;
}

export interface TaskRequirements {
  /** Task group, e.g. "service:web" (for distinctInstance, task:group and spread). */
  group: string;
  cpu: number;
  memory: number;
  /** Static host ports needed (bridge/host modes); [] for awsvpc. */
  hostPorts: readonly number[];
  /** awsvpc on EC2 uses one ENI. */
  needsEni: boolean;
  /**
   * The task definition's runtimePlatform.cpuArchitecture as written ('x86_64' | 'arm64'):
   * only instances whose ecs.cpu-architecture attribute equals it may take the task.
   * Absent: any architecture (ecsim's choice when the task definition names none).
   */
  cpuArchitecture?: string;
}

export type PlacementStrategy =
  | { type: 'binpack'; field: 'cpu' | 'memory' }
  | { type: 'spread'; field: string } // 'instanceId' | 'host' | 'attribute:NAME'
  | { type: 'random' };

export type PlacementConstraint = { type: 'distinctInstance' } | { type: 'memberOf'; expression: string };

/** Why an instance was not a candidate, in ECS's terms; the first failing step is the one counted. */
export type RejectionReason =
  | 'INSTANCE_STATUS'
  | 'ATTRIBUTE'
  | 'RESOURCE:CPU'
  | 'RESOURCE:MEMORY'
  | 'RESOURCE:PORTS'
  | 'RESOURCE:ENI'
  | 'MemberOf'
  | 'DistinctInstance';

export interface Rejection {
  reason: RejectionReason;
  count: number;
  /** For MemberOf: the expression of the constraint that rejected them; for ATTRIBUTE: "ecs.cpu-architecture=arm64". */
  detail?: string;
}

/** What an instance lacks for a task. */
export interface Shortfall {
  /** CPU units missing (0 if enough). */
  cpu: number;
  /** MiB missing (0 if enough). */
  memory: number;
  /** Requested static host ports already in use there. */
  ports: number[];
  /** ENI attachments missing (0 or 1). */
  eni: number;
  /** Constraints the instance fails, e.g. ["distinctInstance", "memberOf(attribute:x == y)"]. */
  constraints: string[];
  /** The attribute the task requires and the instance lacks, e.g. "ecs.cpu-architecture=arm64"; absent when none. */
  attribute?: string;
}

export interface ClosestInstance {
  instanceId: string;
  availabilityZone?: string;
  lacks: Shortfall;
}

export interface UnplaceableReason {
  /** Instances given to the placer. */
  instancesConsidered: number;
  /** Non-zero rejection counts, in pipeline order (status, resources, constraints in order). */
  rejections: Rejection[];
  /** The ACTIVE instance nearest to fitting (see docs/notes/placement.md), if any is ACTIVE. */
  closest?: ClosestInstance;
  /** Instances still launching (REGISTERING: not registered yet), not counted as rejected; absent when none. */
  launching?: number;
  /** A sentence for a person, e.g. for events.csv. */
  message: string;
}

export type PlacementResult = { ok: true; instanceId: string } | { ok: false; reason: UnplaceableReason };

/** A running task as the scale-in choice sees it; instanceId is absent on Fargate. */
export interface RunningTaskRef {
  taskId: string;
  instanceId?: string;
  availabilityZone: string;
  /** The task's reserved CPU units / MiB: binpack scale-in adds them back to the instance. Default 0. */
  cpu?: number;
  memory?: number;
}

/** The attribute ECS sets to an instance's Availability Zone. */
export const AZ_ATTRIBUTE = 'ecs.availability-zone';
/** The attribute ECS sets to an instance's CPU architecture ('x86_64' | 'arm64'). */
export const ARCH_ATTRIBUTE = 'ecs.cpu-architecture';
