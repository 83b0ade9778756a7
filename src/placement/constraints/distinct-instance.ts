// distinctInstance: "place each task in the group on a different container instance"
// (AmazonECS/latest/developerguide/task-placement-constraints.html).

import type { CompiledConstraint } from './constraint.js';

export const distinctInstance: CompiledConstraint = {
  type: 'distinctInstance',
  reason: 'DistinctInstance',
  label: 'distinctInstance',
  accepts: (instance, task) => (instance.groupCounts.get(task.group) ?? 0) === 0,
};
