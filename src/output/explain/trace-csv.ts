// `ecsim trace`: each service's request-rate trace sampled on a grid, as long-format CSV
// (`time_s,timestamp,service,rps`, one row per time and service, time-major). `time_s` and
// `rps` are a CSV trace's default columns: one service's output replays as
// `requestRate: {csv: {file, interpolate: step}}`. `rps` is the rate at `time_s`; step holds
// it to the next row, so a rate that changes only at rows (a step at a whole --step, noise,
// a random walk) replays exactly; the default `interpolate: linear` ramps from each row to
// the next, turning each jump into a ramp over --step (REPLAY_HINT says so on stderr).
// Traces are built exactly as a run builds them (src/sim/traces.ts, same random stream
// names), so for the same seed the noise and random walks match the run's.

import { RandomStreams } from '../../engine/index.js';
import type { ResolvedScenario } from '../../scenario/index.js';
import { buildServiceTrace } from '../../sim/traces.js';
import { traceRows } from '../../workload/trace/index.js';
import { formatNumber } from '../csv-file.js';

export interface TraceCsvOptions {
  /** One service only (default: every service with a workload, in scenario order). */
  service?: string;
  stepMs: number;
  fromMs: number;
  toMs: number;
  seed: number;
}

export const TRACE_COLUMNS = ['time_s', 'timestamp', 'service', 'rps'] as const;

/**
 * The most rows `ecsim trace` writes (about 100 MB of CSV): the text is built in memory, and
 * a 3000-day scenario at --step 1ms asked for more rows than an array holds (or, at 1s, more
 * than the heap).
 */
export const TRACE_MAX_ROWS = 2_000_000;

/** The rows a trace of `services` services from `fromMs` to `toMs` (both included) every `stepMs` has. */
export function traceRowCount(services: number, fromMs: number, toMs: number, stepMs: number): number {
  return services * (Math.floor((toMs - fromMs) / stepMs) + 1);
}

/** Whether `text` (a file's start) is an earlier `ecsim trace` CSV, which `trace --out` may replace: its header. */
export function isTraceCsv(text: string): boolean {
  return /^\uFEFF?time_s,timestamp,service,rps\r?\n/.test(text);
}

/**
 * What `ecsim trace --service` says on stderr: how its file replays as the same load (the
 * default `interpolate: linear` would ramp across every jump).
 */
export function replayHint(service: string, file: string): string {
  return `note: to replay ${service}'s trace as this load, use requestRate: {csv: {file: ${file}, interpolate: step}}: each row's rate is held to the next row, as the trace's own jumps are; the default interpolate: linear ramps between rows (a jump becomes a ramp over --step)`;
}

/** The services whose request rate `ecsim trace` can show. */
export function tracedServices(scenario: ResolvedScenario): string[] {
  return scenario.services.filter((s) => s.config.workload !== undefined).map((s) => s.name);
}

export function traceCsv(scenario: ResolvedScenario, o: TraceCsvOptions): string {
  const services = scenario.services.filter((s) => s.config.workload !== undefined && (o.service === undefined || s.name === o.service));
  if (o.service !== undefined && services.length === 0) {
    throw new Error(`expected a service with workload.requestRate, found none named "${o.service}"`);
  }
  const streams = new RandomStreams(o.seed);
  const series = services.map((s) => ({ name: s.name, rows: traceRows(buildServiceTrace(s.name, s.config.workload!.requestRate, scenario, streams), o.fromMs, o.toMs, o.stepMs) }));
  const out: string[] = [TRACE_COLUMNS.join(',')];
  const n = series.length > 0 ? series[0].rows.length : 0;
  for (let i = 0; i < n; i++) {
    const tS = series[0].rows[i].time_s;
    const stamp = new Date(scenario.startEpochMs + Math.round(tS * 1000)).toISOString();
    for (const s of series) out.push(`${formatNumber(tS)},${stamp},${csvField(s.name)},${formatNumber(s.rows[i].rate)}`);
  }
  return `${out.join('\n')}\n`;
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
