// Fargate task cost: vCPU-hours and GB-hours, per second with a 1-minute minimum, "from the
// time you start to download your container image until the Amazon ECS Task terminates"
// (aws.amazon.com/fargate/pricing): the caller passes the time the task entered PENDING
// (image pull) as start and the time it stopped as end.

import { FARGATE_PRICES, FARGATE_SPOT_DISCOUNT, type FargateRates } from '../capacity/fargate.js';
import type { CpuArchitecture } from '../capacity/instance-catalog.js';
import { billedMs } from './ec2-cost.js';

/** AWS: a Fargate (Linux) task is billed at least one minute. */
export const FARGATE_MINIMUM_BILLED_MS = 60_000;

export interface FargateTaskSize {
  vcpu: number;
  /** GB as Fargate bills it: task memory MiB / 1024. */
  memoryGiB: number;
}

export interface FargatePricing extends FargateRates {
  spotDiscount: number;
}

/** The billed size of a task from its task-level cpu (units) and memory (MiB). */
export function fargateTaskSize(cpuUnits: number, memoryMiB: number): FargateTaskSize {
  return { vcpu: cpuUnits / 1024, memoryGiB: memoryMiB / 1024 };
}

/** List prices for an architecture, with the model Spot discount. */
export function defaultFargatePricing(arch: CpuArchitecture): FargatePricing {
  return { ...FARGATE_PRICES[arch], spotDiscount: FARGATE_SPOT_DISCOUNT };
}

/** USD per hour of one running task. */
export function fargateHourlyRate(size: FargateTaskSize, spot: boolean, pricing: FargatePricing): number {
  const onDemand = size.vcpu * pricing.vcpuHour + size.memoryGiB * pricing.gbHour;
  return spot ? onDemand * (1 - pricing.spotDiscount) : onDemand;
}

/** USD for one task from PENDING (`startMs`) to STOPPED (`endMs`). */
export function fargateTaskCost(
  size: FargateTaskSize,
  arch: CpuArchitecture,
  startMs: number,
  endMs: number,
  spot: boolean,
  pricing: FargatePricing = defaultFargatePricing(arch),
): number {
  return (fargateHourlyRate(size, spot, pricing) * billedMs(startMs, endMs, FARGATE_MINIMUM_BILLED_MS)) / 3_600_000;
}
