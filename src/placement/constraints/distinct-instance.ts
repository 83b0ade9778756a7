// distinctInstance: "place each task in the group on a different container instance"
// (AmazonECS/latest/developerguide/task-placement-constraints.html). "Amazon ECS looks at the
// desired status of the tasks": a task being stopped (desired status STOPPED) no longer keeps
// a new task of its group off the instance.

import type { CompiledConstraint } from './constraint.js';

export const distinctInstance: CompiledConstraint = {
  type: 'distinctInstance',
  reason: 'DistinctInstance',
  label: 'distinctInstance',
  accepts: (instance, task) => (instance.groupCounts.get(task.group) ?? 0) === (instance.groupStoppingCounts?.get(task.group) ?? 0),
};
