// A task's id is `<service>-<n>` (docs/outputs.md, tasks.csv `task_id`): its service is the id
// without the trailing number. For events whose subject is a task of no tasks.csv row.

/** The service of a task id (`web-12` -> `web`). */
export function serviceOfTask(taskId: string): string {
  return taskId.replace(/-\d+$/, '');
}
