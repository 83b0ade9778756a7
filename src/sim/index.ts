export { runSimulation, runSimulationPausing, type RunResult, type RunOptions, type Summary } from './simulation.js';
export type { RunSinks, EventRecord, TimeseriesRow, CapacityRow, TaskRow, EventType } from './records.js';
export { EVENT_TYPES } from './records.js';
export { createAutoScaler } from './auto-scaling.js';
