// The prices a run uses: the built-in dated list (us-east-1) with the scenario's
// `pricing:` overrides applied, e.g. `{ fargate: { vcpuHour, gbHour, spotDiscount },
// ec2: { 'm5.large': 0.096 }, ec2SpotDiscount }`. Fargate overrides of vcpuHour/gbHour
// apply to x86_64 (the price list's headline rates, and the design's example); `fargate.arm64:
// { vcpuHour, gbHour }` overrides the ARM rates. The one place a run's prices come from.

import { FARGATE_PRICES, FARGATE_SPOT_DISCOUNT } from '../capacity/fargate.js';
import { INSTANCE_CATALOG, unknownTypeTail, type CpuArchitecture, type CustomInstanceType } from '../capacity/instance-catalog.js';
import { EC2_SPOT_DISCOUNT } from './ec2-cost.js';
import { MAX_PRICE_PER_HOUR } from './max-price.js';
import type { FargatePricing } from './fargate-cost.js';

export interface PricingOverrides {
  fargate?: {
    vcpuHour?: number;
    gbHour?: number;
    spotDiscount?: number;
    arm64?: { vcpuHour?: number; gbHour?: number };
  };
  /** USD per hour by instance type name. */
  ec2?: Record<string, number>;
  ec2SpotDiscount?: number;
}

export type PurchaseOption = 'on-demand' | 'spot';

export interface PriceBook {
  fargate(arch: CpuArchitecture): FargatePricing;
  /**
   * USD per hour of an instance type as an Auto Scaling group resolved it (a catalog type,
   * or a custom type of that group, which may share a name with another group's) bought as
   * `purchaseOption`: the scenario's override, else the type's own price.
   */
  ec2Price(type: { name: string; pricePerHour: number }, purchaseOption: PurchaseOption): number;
  /** The EC2 Spot discount: the scenario's ec2SpotDiscount, else the model's. */
  readonly ec2SpotDiscount: number;
}

/** A fraction (a discount: >= 0 and < 1), or without `max` a price (>= 0 and <= MAX_PRICE_PER_HOUR USD an hour). */
function checkRate(path: string, v: unknown, max?: number): number | undefined {
  if (v === undefined) return undefined;
  const ok = typeof v === 'number' && v >= 0 && (max === undefined ? v <= MAX_PRICE_PER_HOUR : v < max);
  if (!ok) {
    throw new Error(`pricing.${path} must be a number >= 0${max === undefined ? ` and <= ${MAX_PRICE_PER_HOUR} (USD an hour)` : ` and < ${max}`}, found ${JSON.stringify(v)}`);
  }
  return v;
}

/**
 * The problem with a `pricing.ec2` key that is no built-in or custom instance type, as
 * `pricing.ec2["NAME"]: ...` (the name in brackets: an instance type's dots are not the
 * path's, checks.ts reportThrown); undefined for a type the scenario can launch.
 */
export function unpricedTypeProblem(name: string, custom: readonly CustomInstanceType[] = []): string | undefined {
  if (INSTANCE_CATALOG.has(name) || custom.some((c) => c.name === name)) return undefined;
  const tail = unknownTypeTail(name, custom, "in the group's instanceTypes (its price is set there)");
  return `pricing.ec2[${JSON.stringify(name)}]: expected a built-in or custom instance type, found "${name}"${tail}`;
}

/** Builds the price book; throws an Error naming the first bad override (unpricedTypeProblem names each bad ec2 key). */
export function createPriceBook(overrides: PricingOverrides = {}, custom: readonly CustomInstanceType[] = []): PriceBook {
  const f = overrides.fargate ?? {};
  const spotDiscount = checkRate('fargate.spotDiscount', f.spotDiscount, 1) ?? FARGATE_SPOT_DISCOUNT;
  const fargate: Record<CpuArchitecture, FargatePricing> = {
    x86_64: {
      vcpuHour: checkRate('fargate.vcpuHour', f.vcpuHour) ?? FARGATE_PRICES.x86_64.vcpuHour,
      gbHour: checkRate('fargate.gbHour', f.gbHour) ?? FARGATE_PRICES.x86_64.gbHour,
      spotDiscount,
    },
    arm64: {
      vcpuHour: checkRate('fargate.arm64.vcpuHour', f.arm64?.vcpuHour) ?? FARGATE_PRICES.arm64.vcpuHour,
      gbHour: checkRate('fargate.arm64.gbHour', f.arm64?.gbHour) ?? FARGATE_PRICES.arm64.gbHour,
      spotDiscount,
    },
  };
  const ec2SpotDiscount = checkRate('ec2SpotDiscount', overrides.ec2SpotDiscount, 1) ?? EC2_SPOT_DISCOUNT;
  for (const [name, price] of Object.entries(overrides.ec2 ?? {})) {
    const problem = unpricedTypeProblem(name, custom);
    if (problem) throw new Error(problem);
    checkRate(`ec2.${name}`, price);
  }
  return {
    fargate: (arch) => fargate[arch],
    ec2SpotDiscount,
    ec2Price(type, purchaseOption) {
      const ec2 = overrides.ec2;
      const p = ec2 !== undefined && Object.hasOwn(ec2, type.name) ? ec2[type.name] : type.pricePerHour;
      return purchaseOption === 'spot' ? p * (1 - ec2SpotDiscount) : p;
    },
  };
}
