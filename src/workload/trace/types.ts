// The trace language of scenario.yaml (`services.*.workload.requestRate`): the config
// types one trace is built from, and the Trace it becomes. All times and durations are
// milliseconds (the scenario loader converts "15m" etc.); times count from the
// simulation start, `startEpochMs` places that start on the calendar.

import type { RandomStreams } from '../../engine/index.js';

/** One point of a replayed trace: `t` ms since the simulation start, `value` per second. */
export interface TraceRow {
  t: number;
  value: number;
}

/** A replayed trace as two arrays: `t` ms since the simulation start (increasing), `v` per second. */
export interface TraceSeries {
  t: Float64Array;
  v: Float64Array;
}

export type Interpolation = 'linear' | 'step';

/** A single step at `at`, or several steps in time order. The value at `at` is already `to`. */
export type StepConfig =
  | { from: number; to: number; at: number }
  | { from: number; steps: { at: number; to: number }[] };

export interface RampConfig {
  from: number;
  to: number;
  start: number;
  end: number;
}

export interface DiurnalConfig {
  min: number;
  max: number;
  /** "HH:MM" (or "HH:MM:SS") wall-clock time of the daily maximum in `timezone`. */
  peakAt: string;
  /** Length of one cycle; default one day (86 400 000 ms). */
  period?: number;
  /** IANA time zone of `peakAt`, e.g. "Europe/Berlin"; default UTC. */
  timezone?: string;
}

export interface RandomWalkConfig {
  start: number;
  /** Standard deviation of the log change per `every` step (0.02 ~ 2 % per step). */
  volatility: number;
  min: number;
  max: number;
  every: number;
}

/** Rows come from `parseTraceCsv` (or `parseTraceSeries`, as arrays); `file` is only used in error messages. */
export interface CsvConfig {
  rows: TraceRow[] | TraceSeries;
  interpolate?: Interpolation;
  file?: string;
}

export type BaseShape =
  | { constant: number }
  | { step: StepConfig }
  | { ramp: RampConfig }
  | { diurnal: DiurnalConfig }
  | { randomWalk: RandomWalkConfig }
  | { csv: CsvConfig };

export interface WeeklyConfig {
  /** Saturday and Sunday are multiplied by this factor. */
  weekendFactor: number;
  /** IANA time zone whose calendar decides the weekend; default UTC. */
  timezone?: string;
}

export interface SpikeConfig {
  /** When the ramp up begins. */
  at: number;
  rampUp: number;
  hold: number;
  /** Default: rampUp. */
  rampDown?: number;
  multiplier: number;
}

/**
 * The highest request rate a trace may reach (requests per second): an ecsim bound, no AWS
 * quota (a billion a second is beyond any one service's load balancer). A rate of 1e308
 * ran to Infinity and summary.json got null.
 */
export const MAX_REQUEST_RATE = 1e9;

export interface NoiseConfig {
  type: 'gaussian';
  /** Coefficient of variation of the multiplicative factor. */
  cv: number;
  /** The factor is constant over each [k*every, (k+1)*every). */
  every: number;
}

/** Applied in this order, each multiplying the rate. */
export interface Modifiers {
  weekly?: WeeklyConfig;
  spikes?: SpikeConfig[];
  noise?: NoiseConfig;
}

export type TraceConfig = BaseShape & Modifiers;

export interface BuildTraceOptions {
  /** The scenario's calendar start (`start`), epoch ms. */
  startEpochMs: number;
  streams: RandomStreams;
  /** Random shapes draw from the streams `trace/<streamKey>/randomWalk` and `trace/<streamKey>/noise` (the service's name). */
  streamKey: string;
}

export interface Trace {
  /** Requests (or messages) per second offered at time `tMs` (>= 0). */
  rateAt(tMs: number): number;
  /** The average of rateAt over [fromMs, toMs] (rateAt(fromMs) when they are equal). */
  meanRate(fromMs: number, toMs: number): number;
  /**
   * The first time > tMs at which the rate may change (a jump, or where a ramp or curve
   * starts, ends or bends; not every such time changes it); Infinity if never. Traces built
   * by buildTrace have it; `ecsim trace` uses it to tell whether the jumps fall on its rows.
   */
  nextBreak?(tMs: number): number;
}

/** One row of `ecsim trace` output. */
export interface TracePoint {
  time_s: number;
  rate: number;
}
