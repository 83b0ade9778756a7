// Fargate: AZ choice for a task without instances.
export { spreadFargateTask } from './spread-fargate-task.js';
