// Cross-key checks contributed by the subsystems (placement expressions, Fargate sizes,
// scaling policies, schedules, workloads). Each gets the resolved scenario and reports
// problems with their key path.

import type { Path, ResolvedScenario } from './resolve.js';

export type Check = (scenario: ResolvedScenario, report: (at: Path, message: string) => void) => void;

export const checks: Check[] = [];
