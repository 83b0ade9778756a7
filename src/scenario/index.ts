export { loadScenarioFile, loadScenarioObject, loadScenarioText, parseScenarioText, readScenarioText, type LoadOptions } from './load.js';
export { ScenarioError, formatIssue, uniqueIssues, type ScenarioIssue } from './errors.js';
export { parseDuration, formatDuration } from './duration.js';
export { scenarioSchema, MAX_DURATION_MS } from './schema.js';
export type * from './schema.js';
export type { ResolvedScenario, ResolvedService, ResolvedProvider, ResolvedTaskDefinition } from './resolve.js';
export { FARGATE, FARGATE_SPOT } from './resolve.js';
export { effectiveScenario } from './effective.js';
export { scenarioWarnings, type ScenarioWarning } from './warnings.js';
