// A container instance: an EC2 instance of an Auto Scaling group registered with the
// cluster. It is the PlacementInstance the placer reads, updated in place as tasks come
// and go.

import { bisector } from 'd3-array';
import type { PlacementInstance } from '../placement/types.js';

export type InstanceLifecycle = 'LAUNCHING' | 'ACTIVE' | 'DRAINING' | 'TERMINATED';

export interface InstanceTypeInfo {
  name: string;
  vcpu: number;
  memoryMiB: number;
  enis: number;
  pricePerHour: number;
  cpuArchitecture: 'x86_64' | 'arm64';
}

export class Instance implements PlacementInstance {
  status: PlacementInstance['status'] = 'REGISTERING';
  lifecycle: InstanceLifecycle = 'LAUNCHING';
  cpuRemaining: number;
  memoryRemaining: number;
  usedHostPorts = new Set<number>();
  enisRemaining: number;
  runningTasksCount = 0;
  groupCounts = new Map<string, number>();
  groupStoppingCounts = new Map<string, number>();
  /** Tasks placed here (not yet stopped). */
  tasks = new Set<import('./task.js').Task>();
  /** Non-daemon tasks placed here. */
  serviceTaskCount = 0;
  /** Scale-in protection (managed termination protection). */
  protectedFromScaleIn = false;
  registeredAt: number | null = null;
  terminatedAt: number | null = null;
  drainingSince: number | null = null;
  /** When an EC2 Spot interruption notice given to it terminates it; null without a notice. */
  spotTerminationAt: number | null = null;
  timer = -1;
  /**
   * Registered at time 0 under warmStart: it has been running since before the run, so
   * nothing that belongs to an instance's first hour or first minute applies to it (no
   * "first hour" Spot interruption waiver, no 60 s minimum charge: cluster.ts).
   */
  warm = false;
  /**
   * The number in the id (`i-` and hex digits, handed out at launch): compared instead of
   * the id where lists are kept in id order (a number compares at once; ids share a long
   * zero-padded prefix). The same order as the ids' while they are padded to one width,
   * and exact while fewer than 2^53 instances have launched (ids come from a counter).
   */
  readonly launchOrder: number;

  constructor(
    readonly id: string,
    readonly provider: string,
    readonly type: InstanceTypeInfo,
    readonly availabilityZone: string,
    readonly launchedAt: number,
    readonly cpuRegistered: number,
    readonly memoryRegistered: number,
    readonly attributes: Readonly<Record<string, string>>,
    readonly spot: boolean,
    /**
     * The instance's place among its group's launches (0 for the first): its Spot
     * interruption draw is keyed by group and ordinal, not by the cluster-wide id, so
     * another group's launches do not move this group's interruptions.
     */
    readonly groupLaunchOrdinal = 0,
  ) {
    this.launchOrder = parseInt(id.slice(2), 16);
    this.cpuRemaining = cpuRegistered;
    this.memoryRemaining = memoryRegistered;
    // the primary ENI belongs to the instance; awsvpc tasks use the others
    this.enisRemaining = Math.max(0, type.enis - 1);
  }

  get cpuReserved(): number {
    return this.cpuRegistered - this.cpuRemaining;
  }

  get memoryReserved(): number {
    return this.memoryRegistered - this.memoryRemaining;
  }
}

/**
 * Positions by id in a list of instances kept in id order. Ids are handed out at launch
 * and zero-padded (`i-` and 17 hex digits), so string order is launch order: search with
 * `launchOrder`.
 */
export const byInstanceId = bisector((inst: Instance) => inst.launchOrder);
