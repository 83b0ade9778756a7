// The strategies a service's tasks get when none are given: spread across Availability
// Zones, then across instances (task-placement-strategies.html names the first; the second is
// the service scheduler's "fewest number of running tasks for this service" per instance,
// ecs_services.html). ecsim runs services only, so RunTask's default (random) is not defined.

import { AZ_ATTRIBUTE, type PlacementStrategy } from '../types.js';

const SERVICE: readonly PlacementStrategy[] = Object.freeze([
  Object.freeze({ type: 'spread', field: `attribute:${AZ_ATTRIBUTE}` }),
  Object.freeze({ type: 'spread', field: 'instanceId' }),
] as PlacementStrategy[]);

/** A service's placement strategies when placementStrategy is omitted. */
export function defaultStrategies(): readonly PlacementStrategy[] {
  return SERVICE;
}
