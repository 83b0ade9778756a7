// The strategies ECS uses when none are given: service tasks spread across Availability
// Zones, then across instances; standalone RunTask tasks random.
// (AmazonECS/latest/developerguide/task-placement-strategies.html)

import { AZ_ATTRIBUTE, type PlacementStrategy } from '../types.js';

const SERVICE: readonly PlacementStrategy[] = Object.freeze([
  Object.freeze({ type: 'spread', field: `attribute:${AZ_ATTRIBUTE}` }),
  Object.freeze({ type: 'spread', field: 'instanceId' }),
] as PlacementStrategy[]);

const STANDALONE: readonly PlacementStrategy[] = Object.freeze([Object.freeze({ type: 'random' })] as PlacementStrategy[]);

export function defaultStrategies(kind: 'service' | 'standalone'): readonly PlacementStrategy[] {
  return kind === 'service' ? SERVICE : STANDALONE;
}
