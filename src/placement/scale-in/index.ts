// Scale-in: which of a service's tasks to stop.
export { chooseTasksToStop, chooseTaskIndicesToStop } from './choose-tasks-to-stop.js';
