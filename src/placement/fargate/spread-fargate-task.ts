// Fargate has no container instances to place on: ECS spreads a service's Fargate tasks
// across the Availability Zones of its subnets
// (AmazonECS/latest/developerguide/task-placement.html, "Fargate"). We choose the AZ with the
// fewest tasks of the service; ties by one uniform draw from rng.

import type { RandomStream } from '../../engine/index.js';

export function spreadFargateTask(azCounts: ReadonlyMap<string, number>, azs: readonly string[], rng: RandomStream): string {
  if (azs.length === 0) throw new Error('spreadFargateTask: expected at least one Availability Zone, found none');
  let best = Infinity;
  let ties = 0;
  for (const az of azs) {
    const c = azCounts.get(az) ?? 0;
    if (c < best) {
      best = c;
      ties = 1;
    } else if (c === best) ties++;
  }
  let pick = ties === 1 ? 0 : Math.min(ties - 1, Math.floor(rng.next() * ties));
  for (const az of azs) {
    if ((azCounts.get(az) ?? 0) === best) {
      if (pick === 0) return az;
      pick--;
    }
  }
  return azs[0];
}
