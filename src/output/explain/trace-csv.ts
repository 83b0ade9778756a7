// `ecsim trace`: each service's request-rate trace sampled on a grid, as long-format CSV
// (`time_s,timestamp,service,rps`, one row per time and service, time-major). `time_s` and
// `rps` are a CSV trace's default columns: one service's output replays as
// a CSV trace. `rps` is the rate at `time_s`: `interpolate: step` holds it to the next row,
// so a rate that jumps only at rows (a step at a whole --step, noise, a random walk whose
// pieces are whole --steps) replays exactly (jumpOffRows checks); the default `interpolate: linear` draws a line to the next row, so a
// ramp that starts and ends on rows replays exactly; replayHint says which on stderr.
// Traces are built exactly as a run builds them (src/sim/traces.ts, same random stream
// names), so for the same seed the noise and random walks match the run's.

import { RandomStreams } from '../../engine/index.js';
import type { ResolvedScenario } from '../../scenario/index.js';
import { buildServiceTrace } from '../../sim/traces.js';
import { traceRows, type Trace } from '../../workload/trace/index.js';
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

/** The parts of a scenario's requestRate that decide how it changes (as loaded). */
export interface TraceShapes {
  step?: unknown;
  randomWalk?: unknown;
  ramp?: unknown;
  diurnal?: unknown;
  csv?: { interpolate?: string };
  weekly?: { weekendFactor: number };
  spikes?: { rampUp: number; rampDown?: number; multiplier: number }[];
  noise?: { cv: number };
}

/**
 * What in a trace changes at once (`jumps`: steps, noise, random walks, weekend edges, a
 * spike without a ramp, a CSV held row to row) and what changes along a line or curve
 * (`curves`: ramps, diurnal, a spike's ramps, a CSV drawn row to row).
 */
export function traceChanges(c: TraceShapes): { jumps: string[]; curves: string[] } {
  const jumps: string[] = [];
  const curves: string[] = [];
  if (c.step !== undefined) jumps.push('step');
  if (c.randomWalk !== undefined) jumps.push('randomWalk');
  if (c.ramp !== undefined) curves.push('ramp');
  if (c.diurnal !== undefined) curves.push('diurnal');
  if (c.csv !== undefined) (c.csv.interpolate === 'step' ? jumps : curves).push(`csv (interpolate: ${c.csv.interpolate ?? 'linear'})`);
  if (c.weekly !== undefined && c.weekly.weekendFactor !== 1) jumps.push('weekly');
  const spikes = (c.spikes ?? []).filter((s) => s.multiplier !== 1);
  if (spikes.some((s) => s.rampUp === 0 || (s.rampDown ?? s.rampUp) === 0)) jumps.push('spikes');
  if (spikes.some((s) => s.rampUp > 0 || (s.rampDown ?? s.rampUp) > 0)) curves.push("spikes' ramps");
  if (c.noise !== undefined && c.noise.cv > 0) jumps.push('noise');
  return { jumps, curves };
}

/**
 * What `ecsim trace --service` says on stderr: how its file replays as the same load. The
 * rows are the rate at each time: `interpolate: step` holds each to the next row, as a
 * trace's jumps are held (exact when they fall on the rows), the default `linear` draws a
 * line to the next row, as a ramp does (exact when it starts and ends on rows; a curve to
 * within --step). A trace with both kinds has no exact replay from these rows. `offRowMs`
 * (jumpOffRows): the first jump between the rows; then no interpolation replays the jumps.
 */
export function replayHint(service: string, file: string, trace: TraceShapes, offRowMs?: number): string {
  const { jumps, curves } = traceChanges(trace);
  const list = (names: string[]) => names.join(', ');
  if (curves.length === 0 && jumps.length > 0 && offRowMs !== undefined) {
    return `note: ${service}'s trace jumps (${list(jumps)}) between the rows (the first at ${formatNumber(offRowMs / 1000)} s, not a whole number of --step after --from): replayed from ${file}, interpolate: step holds each row's rate to the next row, so such a jump moves to a row, and the default interpolate: linear ramps it over --step; neither is the same load (a smaller --step brings it closer; exact with interpolate: step when every jump falls on a row)`;
  }
  if (curves.length === 0) {
    return `note: to replay ${service}'s trace as this load, use requestRate: {csv: {file: ${file}, interpolate: step}}: each row's rate is held to the next row, as the trace's own jumps${jumps.length > 0 ? ` (${list(jumps)})` : ''} are; the default interpolate: linear ramps between rows (a jump becomes a ramp over --step)`;
  }
  if (jumps.length === 0) {
    return `note: to replay ${service}'s trace as this load, use requestRate: {csv: {file: ${file}}}: the default interpolate: linear draws a line from row to row, as the trace's ${list(curves)} change (exact for a ramp that starts and ends on a row, a curve to within --step); interpolate: step would hold each row's rate, a staircase`;
  }
  return `note: ${service}'s trace both jumps (${list(jumps)}) and ramps or curves (${list(curves)}): replayed from ${file}, interpolate: step keeps the jumps and makes the ramps staircases, the default linear keeps the ramps and ramps each jump over --step; neither is the same load (a smaller --step brings either closer)`;
}

/**
 * The first time in (fromMs, toMs] at which `trace` jumps off the rows (fromMs + k stepMs),
 * or undefined when every jump in the window falls on a row. A jump is a break of the trace
 * (nextBreak) at which its rate changes; only meaningful for a trace of jumps alone (no
 * ramps or curves: then the rate is constant between breaks). Breaks that change nothing
 * (a DST change inside a weekday, a noise piece equal to the last) are not jumps. Stops at
 * the first jump off the rows, so it looks at most at one break per row.
 */
export function jumpOffRows(trace: Trace, fromMs: number, toMs: number, stepMs: number): number | undefined {
  if (trace.nextBreak === undefined) return undefined;
  let rate = trace.rateAt(fromMs);
  for (let t = trace.nextBreak(fromMs); t <= toMs; t = trace.nextBreak(t)) {
    const next = trace.rateAt(t);
    if (next === rate) continue;
    const k = (t - fromMs) / stepMs;
    if (Math.abs(k - Math.round(k)) * stepMs > 1e-6) return t;
    rate = next;
  }
  return undefined;
}

/** jumpOffRows for one service's trace as `traceCsv` builds it (the same seed and streams). */
export function serviceJumpOffRows(scenario: ResolvedScenario, service: string, o: TraceCsvOptions): number | undefined {
  const s = scenario.services.find((x) => x.name === service && x.config.workload !== undefined);
  if (s === undefined) return undefined;
  const trace = buildServiceTrace(s.name, s.config.workload!.requestRate, scenario, new RandomStreams(o.seed));
  return jumpOffRows(trace, o.fromMs, o.toMs, o.stepMs);
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
