// Fargate task sizes and list prices. Valid CPU/memory pairs:
// AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size;
// prices: aws.amazon.com/fargate/pricing (us-east-1, Linux, as of PRICE_LIST_DATE).

import type { CpuArchitecture } from './instance-catalog.js';

export interface FargateRates {
  /** USD per vCPU-hour. */
  vcpuHour: number;
  /** USD per GB-hour (GB = 1024 MiB of task memory). */
  gbHour: number;
}

/** On-demand Fargate prices, us-east-1, Linux, by CPU architecture. */
export const FARGATE_PRICES: Readonly<Record<CpuArchitecture, Readonly<FargateRates>>> = Object.freeze({
  x86_64: Object.freeze({ vcpuHour: 0.04048, gbHour: 0.004445 }),
  arm64: Object.freeze({ vcpuHour: 0.03238, gbHour: 0.00356 }),
});

/** Model: Fargate Spot price = (1 - this) x Fargate (AWS: variable, "up to 70 %" off). */
export const FARGATE_SPOT_DISCOUNT = 0.7;

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

/** Task CPU units -> valid task memory values (MiB). */
export const FARGATE_TASK_SIZES: ReadonlyMap<number, readonly number[]> = new Map<number, readonly number[]>([
  [256, [512, 1024, 2048]],
  [512, range(1024, 4096, 1024)],
  [1024, range(2048, 8192, 1024)],
  [2048, range(4096, 16384, 1024)],
  [4096, range(8192, 30720, 1024)],
  [8192, range(16384, 61440, 4096)],
  [16384, range(32768, 122880, 8192)],
]);

/** null when (cpu, memory) is a valid Fargate task size; otherwise a message listing the valid values. */
export function validateFargateSize(cpu: number, memory: number): string | null {
  const memories = FARGATE_TASK_SIZES.get(cpu);
  if (!memories) {
    return `Fargate task cpu must be one of ${[...FARGATE_TASK_SIZES.keys()].join(', ')} CPU units, found ${cpu}`;
  }
  if (memories.includes(memory)) return null;
  return `Fargate task memory ${memory} MiB is not valid with cpu ${cpu}: expected one of ${memories.join(', ')} MiB`;
}
