export { Simulator, type EventHandle, type EventHandler, type Place } from './simulator.js';
export { EventQueue } from './event-queue.js';
export { RandomStreams, type RandomStream } from './random.js';
export { sample, sampleDuration, durationMean, durationScv, lognormalParams, Z95, type Distribution } from './distributions.js';
export { normalDensity, normalQuantile, normalTail } from './normal.js';
export { checkTimeZoneName, timeZoneNameProblem, type TimeZoneCheck } from './time-zone.js';
export { impossibleDateTime } from './date-time.js';
