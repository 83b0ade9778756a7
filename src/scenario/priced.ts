// What a run buys, as the price book prices it: the instance types its Auto Scaling groups
// launch (an on-demand group its first listed type only, as cluster.ts launches; a Spot
// group every listed type), whether any group buys Spot, and the kinds of Fargate task its
// services run (X86_64 or ARM64, on FARGATE or FARGATE_SPOT). One reading for both the
// warning of a `pricing:` key that prices nothing (warnings.ts) and the prices scenario.json
// records (effective.ts), so that a recorded price is never one the loader warns of.

import { lookupInstanceType, type InstanceType } from '../model/capacity/index.js';
import { customTypesIn } from '../model/capacity/instance-catalog.js';
import type { ResolvedScenario } from './resolve.js';

export interface PricedByRun {
  /** The instance types some group launches, by name (first seen, in group and list order). */
  launched: Map<string, InstanceType>;
  /** Every instance type some group lists. */
  listed: Set<string>;
  /** Some Auto Scaling group has purchaseOption spot. */
  spotGroup: boolean;
  /** The Fargate tasks of the run, by kind; a strategy item of base 0 and weight 0 is given no tasks and does not count. */
  fargate: { any: boolean; x86: boolean; arm64: boolean; spot: boolean };
}

export function pricedByRun(s: ResolvedScenario): PricedByRun {
  const launched = new Map<string, InstanceType>();
  const listed = new Set<string>();
  let spotGroup = false;
  for (const p of s.providers.values()) {
    if (p.kind !== 'asg') continue;
    const asg = p.config.autoScalingGroup;
    if (asg.purchaseOption === 'spot') spotGroup = true;
    const custom = customTypesIn(asg.instanceTypes);
    asg.instanceTypes.forEach((t, i) => {
      const name = typeof t === 'string' ? t : t.name;
      listed.add(name);
      if ((asg.purchaseOption === 'spot' || i === 0) && !launched.has(name)) launched.set(name, lookupInstanceType(name, custom));
    });
  }
  const fargate = { any: false, x86: false, arm64: false, spot: false };
  for (const svc of s.services) {
    for (const item of svc.strategy) {
      const p = s.providers.get(item.capacityProvider);
      if (p?.kind !== 'fargate' || (item.base === 0 && item.weight === 0)) continue;
      fargate.any = true;
      if (svc.taskDefinition.cpuArchitecture === 'arm64') fargate.arm64 = true;
      else fargate.x86 = true;
      if (p.spot) fargate.spot = true;
    }
  }
  return { launched, listed, spotGroup, fargate };
}
