export { Simulator, type EventHandle, type EventHandler, type Place } from './simulator.js';
export { EventQueue } from './event-queue.js';
export { RandomStreams, type RandomStream } from './random.js';
export { sample, sampleDuration, mean, scv, lognormalParams, Z95, type Distribution } from './distributions.js';
