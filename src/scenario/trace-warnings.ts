// Request-rate values that are valid but likely not what their author meant: a CSV trace
// that ends before the run or barely overlaps it (csv-span.ts), a noise cv, a random walk's
// volatility or a weekend factor written as a percent, a change shorter than the metric period or inside one in
// fluid fidelity (of the trace's keys, and of a CSV trace's rows), a gap in a step CSV's
// rows (csvStepGap: the rate before it is held over it), and a request-fidelity
// service whose run offers so many requests that it would run for hours (requestFidelityTooLong),
// or a request-fidelity queue whose waiting messages could fill gigabytes (requestFidelityQueueMemory).
// Said by `ecsim run` and `ecsim validate`, not refused.

import { RandomStreams } from '../engine/index.js';
import { buildTrace, noiseMeanFactor, traceBounds, type TraceSeries } from '../workload/trace/index.js';
import { traceConfigOf } from './trace-config.js';
import { csvTraceSeries } from './trace-series.js';
import { csvSpanProblem } from './csv-span.js';
import { formatDuration } from './duration.js';
import type { Path, ResolvedScenario, ResolvedService } from './resolve.js';
import type { ScenarioWarning } from './warnings.js';
import { bisectRight } from 'd3-array';
import { serviceModel } from './service-model.js';

/** Above this, a noise cv is more likely a percent (cv 5 for 5 %) than meant. */
const MAX_LIKELY_CV = 1;
/** Above this, a random walk's volatility (the sd of its log-step) is more likely a percent than meant: a step of e^1 = 2.7 times. */
const MAX_LIKELY_VOLATILITY = 1;
/** Above this, a weekend factor is more likely a percent (60 for 0.6) than meant. */
const MAX_LIKELY_WEEKEND_FACTOR = 10;

export function traceWarnings(s: ResolvedScenario, options: { durationOverridden?: boolean }): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  for (const svc of s.services) {
    fasterThanPeriod(svc, s.scenario.metrics.period, s.scenario.duration, out);
    const rate = svc.config.workload?.requestRate;
    if (!rate) continue;
    requestFidelityTooLong(s, svc, out);
    const at: Path = ['services', svc.name, 'workload', 'requestRate'];
    const cv = rate.noise?.cv;
    if (cv !== undefined && cv > MAX_LIKELY_CV) {
      const up = Math.round((noiseMeanFactor(cv) - 1) * 100);
      out.push({
        at: [...at, 'noise', 'cv'],
        message: `cv is a fraction (0.1 for a 10 % spread), found ${cv}: the factor 1 + cv x Z is clipped at 0 so often that the mean rate is ${up} % above the trace's without noise; for ${cv} % write ${cv / 100}`,
      });
    }
    const volatility = rate.randomWalk?.volatility;
    if (volatility !== undefined && volatility > MAX_LIKELY_VOLATILITY) {
      // P(|Z| > 1) = 0.317: about a third of the steps move the rate by e^volatility or more
      out.push({
        at: [...at, 'randomWalk', 'volatility'],
        message: `volatility is the standard deviation of the walk's log-step per every (0.05 for steps of about 5 %), found ${volatility}: about a third of its steps multiply or divide the rate by e^${volatility} or more, so the rate leaps between its bounds rather than walking; for ${volatility} % write ${volatility / 100}`,
      });
    }
    stepFromIgnored(rate, at, out);
    const factor = rate.weekly?.weekendFactor;
    if (factor !== undefined && factor > MAX_LIKELY_WEEKEND_FACTOR) {
      out.push({ at: [...at, 'weekly', 'weekendFactor'], message: `weekendFactor multiplies the weekend's rate, found ${factor} (${factor} times the weekday rate); for ${factor} % of it write ${factor / 100}` });
    }
    const csv = rate.csv;
    if (!csv || !s.traceFiles.has(csv.file)) continue;
    const rows = csvTraceSeries(s, csv);
    if (csv.interpolate === 'step') csvStepGap(rows, csv.timeColumn, s.scenario.duration, [...at, 'csv', 'file'], out);
    if ((svc.config.fidelity ?? 'fluid') === 'fluid') csvWithinPeriods(rows, csv.interpolate, csv.timeColumn, s.scenario.metrics.period, s.scenario.duration, [...at, 'csv', 'file'], out);
    // what falls after a shorter --duration is cut off on purpose
    if (options.durationOverridden) continue;
    const span = csvSpanProblem(csv.file, rows, s.scenario.duration, s.startEpochMs, csv.interpolate, csv.timeColumn);
    if (span?.kind === 'warn') out.push({ at: [...at, 'csv', 'file'], message: span.message });
  }
  return out;
}

/**
 * A step's `from` that a step at 0 replaces before it ever applies: the rate is the step's
 * `to` from the start (steps are right-continuous), so `from` would be ignored. The list
 * form `[{at: 0, to}, ...]` is read as `{from: <first to>, steps}` (trace-schema.ts) and
 * stays quiet, as does any `from` equal to the first `to`: nothing written is lost.
 */
function stepFromIgnored(rate: TraceRate, at: Path, out: ScenarioWarning[]): void {
  const step = rate.step;
  if (!step) return;
  const first = 'steps' in step ? step.steps[0] : step;
  if (first.at !== 0 || first.to === step.from) return;
  const where = 'steps' in step ? 'steps.0, at 0,' : 'the step at 0';
  const fix = 'steps' in step ? `write the steps as a list [{at: 0, to: ${first.to}}, ...] (its first step gives the rate at the start)` : `write constant: ${first.to}`;
  out.push({
    at: [...at, 'step', 'from'],
    message: `${step.from} has no effect: ${where} sets the rate to ${first.to} from the start (a step is right-continuous), so the rate is never ${step.from}; ${fix}, or give the step a later at`,
  });
}

/** A request-fidelity service expected to be offered more than this over the run is warned of. */
export const REQUEST_FIDELITY_MAX_ARRIVALS = 1e9;
/** Requests a second request fidelity simulates (docs/performance.md: 3 to 4 million; the lower end). */
export const REQUEST_FIDELITY_RATE = 3e6;

/**
 * `fidelity: request` simulates every request (or message): 1e6 requests/s for 7 days is
 * about 6e11, days of wall time at the rate docs/performance.md measures. Said when the
 * expected arrivals over the run (with the duration `--duration` set) exceed
 * REQUEST_FIDELITY_MAX_ARRIVALS: the trace's integral (its mean over the run x the run) for a
 * deterministic shape, the upper bound peak x duration with a randomWalk or noise.
 */
function requestFidelityTooLong(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  const w = svc.config.workload;
  if (!w || svc.config.fidelity !== 'request') return;
  const csv = w.requestRate.csv;
  if (csv && !s.traceFiles.has(csv.file)) return;
  const config = traceConfigOf(w.requestRate, csv ? csvTraceSeries(s, csv) : []);
  const seconds = s.scenario.duration / 1000;
  const bound = 'randomWalk' in config || config.noise != null;
  const peak = traceBounds(config)[1];
  const trace = bound ? null : buildTrace(config, { startEpochMs: s.startEpochMs, streams: new RandomStreams(0), streamKey: 'check' });
  // the messages offered from the start to `to` (ms): the bound's peak throughout for a random shape
  const offered = (from: number, to: number) => ((trace ? trace.meanRate(from, to) : peak) * (to - from)) / 1000;
  const arrivals = offered(0, s.scenario.duration);
  if (w.type === 'queue') requestFidelityQueueMemory(s, svc, offered, bound, arrivals, peak, seconds, out);
  if (!(arrivals > REQUEST_FIDELITY_MAX_ARRIVALS)) return;
  const what = w.type === 'queue' ? 'messages' : 'requests';
  const hours = arrivals / REQUEST_FIDELITY_RATE / 3600;
  const wall = hours >= 1 ? `${Number(hours.toPrecision(2))} hours` : `${Math.ceil(hours * 60)} minutes`;
  out.push({
    at: ['services', svc.name, 'fidelity'],
    message:
      `fidelity: request simulates every ${what.slice(0, -1)}, and this workload offers ${bound ? 'up to' : 'about'} ${arrivals.toPrecision(3)} ${what} over the run (${formatDuration(s.scenario.duration)}${bound ? ', its highest rate throughout' : ''}): ` +
      `about ${wall} of wall time at the ${REQUEST_FIDELITY_RATE / 1e6} million ${what} a second it runs (docs/performance.md); use fidelity: fluid (one balance per metric period), or a shorter run`,
  });
}

/**
 * Bytes a waiting message takes in request fidelity: its record in the model's pool of typed
 * arrays (request-model.ts: arrival, service and departure times, 3 x 8 bytes; heap
 * position, queue link, in-flight links and owner, 5 x 4 bytes). The pool doubles when full,
 * and only the pages written are resident: measured on a queue no task serves at 10 000
 * messages/s, peak RSS 181 / 343 / 508 MiB at 3 / 6 / 12 million messages (38 to 57 bytes
 * a message between them) and about 1.6 GB at 36 million (docs/performance.md).
 */
export const REQUEST_FIDELITY_BYTES_PER_WAITING_MESSAGE = 44;
/** A request-fidelity queue whose waiting messages may take more memory than this is warned of. */
export const REQUEST_FIDELITY_MAX_QUEUE_BYTES = 2 ** 30;

/** The steps the backlog is followed in: a minute each, or this many evenly over a longer run. */
const QUEUE_MEMORY_STEPS = 20_000;

/**
 * A request-fidelity queue service keeps every waiting message in memory (SQS's queue has no
 * bound; a message leaves it only when served or deleted after messageRetentionPeriod, 4 days
 * by default). The fewest that wait at the worst: the backlog followed step by step (a
 * minute, or QUEUE_MEMORY_STEPS steps evenly over a longer run), each step adding the
 * messages offered in it (as requestFidelityTooLong counts them) less the most the tasks can
 * serve in it (the highest task count it can reach, every task serving from the start:
 * autoScaling's or a scheduled action's maxCapacity, else desiredCount; a daemon's, every
 * Auto Scaling group's maxSize; x concurrency / mean serviceTime), never below 0 (capacity
 * left idle is not stored up), and its largest; a floor, since tasks that start late or never
 * find room leave more waiting, and a step averages what it offers. At most the highest rate
 * x the retention period (older messages are deleted from the queue's head): a ceiling, said
 * "up to" when it binds; with a randomWalk or noise, the highest rate throughout (neither).
 * Said when those messages would take more than REQUEST_FIDELITY_MAX_QUEUE_BYTES.
 */
function requestFidelityQueueMemory(
  s: ResolvedScenario,
  svc: ResolvedService,
  offered: (from: number, to: number) => number,
  bound: boolean,
  arrivals: number,
  peak: number,
  seconds: number,
  out: ScenarioWarning[],
): void {
  const cfg = serviceModel(svc);
  if (cfg === null) return; // reported by checks.ts
  const as = svc.config.autoScaling;
  // a daemon runs a task on each instance: at most every group's maxSize
  const daemon = svc.config.schedulingStrategy === 'DAEMON';
  const tasks = daemon
    ? [...s.providers.values()].reduce((n, p) => n + (p.kind === 'asg' ? p.config.autoScalingGroup.maxSize : 0), 0)
    : as ? Math.max(as.maxCapacity, ...Object.values(as.scheduledActions ?? {}).map((a) => a.scalableTargetAction.maxCapacity ?? 0)) : svc.desiredCount;
  const servedRate = (tasks * cfg.concurrency * 1000) / cfg.meanServiceMs;
  const retained = (peak * cfg.retentionMs) / 1000;
  const duration = s.scenario.duration;
  const steps = Math.max(1, Math.min(QUEUE_MEMORY_STEPS, Math.ceil(duration / 60_000)));
  let most = 0;
  let backlog = 0;
  for (let k = 1, from = 0; k <= steps; k++) {
    const to = k === steps ? duration : Math.round((duration * k) / steps);
    backlog = Math.max(0, backlog + offered(from, to) - (servedRate * (to - from)) / 1000);
    most = Math.max(most, backlog);
    from = to;
  }
  const waiting = Math.min(most, retained);
  const bytes = waiting * REQUEST_FIDELITY_BYTES_PER_WAITING_MESSAGE;
  if (!(bytes > REQUEST_FIDELITY_MAX_QUEUE_BYTES)) return;
  const by = daemon ? `a daemon task on each of at most ${tasks} instances (the groups' maxSize)` : as ? `maxCapacity ${tasks}` : `desiredCount ${tasks}`;
  const slots = tasks > 0 ? ` x concurrency ${cfg.concurrency} / mean serviceTime ${formatDuration(Number(cfg.meanServiceMs.toPrecision(3)))}, every task serving from the start` : '';
  const deleted = waiting === retained ? `; SQS deletes a message after messageRetentionPeriod ${formatDuration(cfg.retentionMs)}` : '';
  out.push({
    at: ['services', svc.name, 'fidelity'],
    message:
      `request fidelity keeps each waiting message in memory: ${deleted ? 'up to ' : bound ? '' : 'at least '}about ${grouped(waiting)} messages wait at the worst (${bound ? `${grouped(peak)}/s offered, its highest rate throughout` : `${grouped(arrivals / seconds)}/s offered on average`} over ${formatDuration(seconds * 1000)}, at most ${rate(servedRate)}/s served by ${by}${slots}${deleted}), ` +
      `about ${Number((bytes / 2 ** 30).toPrecision(2))} GiB at ${REQUEST_FIDELITY_BYTES_PER_WAITING_MESSAGE} bytes a message; use fidelity: fluid, a shorter duration, or a shorter messageRetentionPeriod`,
  });
}

/** x to 2 significant digits, thousands apart from 1 000 up: 36 000 000. */
function grouped(x: number): string {
  return spaced(Number(x.toPrecision(2)));
}

/** A rate to 3 significant digits, thousands apart from 1 000 up: 2.5, 12 300. */
function rate(x: number): string {
  return spaced(Number(x.toPrecision(3)));
}

function spaced(x: number): string {
  return x < 1000 || x >= 1e21 ? String(x) : String(x).replace(/\B(?=(\d{3})+$)/g, ' ');
}

/** For a change shorter than a metric period in fluid fidelity ("so it is" rewritten to name the change). */
const SHORT_HINT = `fluid fidelity uses one mean rate per metric period, so it is averaged over the period (fewer drops, a lower peak than it has); use fidelity: request or a shorter metrics.period`;

/** For a jump inside a metric period in fluid fidelity (period `p` written as a duration). */
function insideAdvice(p: string): string {
  return `fluid fidelity uses one mean rate per metric period, so the period averages the levels before and after it (the new level counts from the period start: served requests, drops, CPU and scaling see it up to a period early or softened); align it to a multiple of metrics.period ${p} or use fidelity: request`;
}

/**
 * Fluid fidelity takes one mean rate per metric period, so a change that lasts less than a
 * period is averaged over it: a 20 s spike reads as a third of its height in a 1 min period
 * and drops far fewer requests than request fidelity shows (docs/assumptions.md).
 */
function fasterThanPeriod(svc: ResolvedService, period: number, end: number, out: ScenarioWarning[]): void {
  const rate = svc.config.workload?.requestRate;
  if (!rate || Array.isArray(rate) || (svc.config.fidelity ?? 'fluid') !== 'fluid') return;
  const at: Path = ['services', svc.name, 'workload', 'requestRate'];
  // warned of above already: not again for falling inside a period
  const shortSpikes = new Set<number>();
  const closeSteps = new Set<number>();
  const p = formatDuration(period);
  const hint = SHORT_HINT;
  (rate.spikes ?? []).forEach((x, i) => {
    if (x.at < end && x.hold < period) shortSpikes.add(i);
    if (x.at < end && x.hold < period) out.push({ at: [...at, 'spikes', i, 'hold'], message: `${formatDuration(x.hold)} is shorter than metrics.period ${p}: ${hint}` });
  });
  const step = rate.step;
  if (step && 'steps' in step) {
    for (let i = 1; i < step.steps.length; i++) {
      const gap = step.steps[i].at - step.steps[i - 1].at;
      if (gap < period && step.steps[i - 1].at < end) {
        closeSteps.add(i - 1).add(i);
        out.push({ at: [...at, 'step'], message: `steps at ${formatDuration(step.steps[i - 1].at)} and ${formatDuration(step.steps[i].at)} are ${formatDuration(gap)} apart, less than metrics.period ${p}: ${hint.replace('so it is', 'so the level between them is')}` });
      }
    }
  }
  insidePeriods(rate, period, end, at, shortSpikes, closeSteps, out);
  if (rate.noise && rate.noise.cv > 0 && rate.noise.every < period) out.push({ at: [...at, 'noise', 'every'], message: `${formatDuration(rate.noise.every)} is shorter than metrics.period ${p}: ${hint.replace('so it is', 'so the noise is')}` });
  if (rate.randomWalk && rate.randomWalk.volatility > 0 && rate.randomWalk.every < period) {
    out.push({ at: [...at, 'randomWalk', 'every'], message: `${formatDuration(rate.randomWalk.every)} is shorter than metrics.period ${p}: ${hint.replace('so it is', 'so the walk is')}` });
  }
}

type TraceRate = NonNullable<NonNullable<ResolvedService['config']['workload']>['requestRate']>;

/**
 * A jump (a step, a spike with no rampUp or rampDown) or a change faster than a period (a
 * ramp, a spike's rampUp or rampDown, shorter than metrics.period) that starts inside a
 * metric period:
 * fluid fidelity takes the period's mean rate, so the period reads between the levels before
 * and after it, and the new level counts from the period start. A step 200 -> 480/s at 5m30s
 * with 1 min periods: fluid serves 340/s from 5m on and drops nothing in that minute, where
 * request fidelity serves 200/s until 5m30s and then overflows; target tracking sees the
 * higher level a period earlier. A jump at a multiple of metrics.period (the periods start
 * at 0) falls between two periods and is seen as it is; a change shorter than a period that
 * starts there reads at least half its height in that period. A ramp of a period or longer
 * changes the mean gradually: not warned of.
 */
function insidePeriods(rate: TraceRate, period: number, end: number, at: Path, shortSpikes: Set<number>, closeSteps: Set<number>, out: ScenarioWarning[]): void {
  const p = formatDuration(period);
  const inside = (t: number) => t % period !== 0;
  const window = (t: number) => `${formatDuration(Math.floor(t / period) * period)}-${formatDuration(Math.floor(t / period) * period + period)}`;
  const advice = insideAdvice(p);
  const step = rate.step;
  if (step && 'steps' in step) {
    step.steps.forEach((x, i) => {
      if (x.at < end && inside(x.at) && !closeSteps.has(i)) out.push({ at: [...at, 'step', 'steps', i, 'at'], message: `the step at ${formatDuration(x.at)} falls inside the metric period ${window(x.at)}: ${advice}` });
    });
  } else if (step && step.at < end && inside(step.at)) {
    out.push({ at: [...at, 'step', 'at'], message: `the step at ${formatDuration(step.at)} falls inside the metric period ${window(step.at)}: ${advice}` });
  }
  const ramp = rate.ramp;
  if (ramp && ramp.start < end && ramp.end - ramp.start < period && inside(ramp.start)) {
    out.push({ at: [...at, 'ramp'], message: `the ramp from ${formatDuration(ramp.start)} to ${formatDuration(ramp.end)} is shorter than metrics.period ${p}: ${advice.replace('align it to', 'start it at')}` });
  }
  (rate.spikes ?? []).forEach((x, i) => {
    if (x.at >= end || shortSpikes.has(i)) return;
    const fall = x.at + x.rampUp + x.hold;
    const down = x.rampDown ?? x.rampUp;
    const edges: string[] = [];
    if (x.rampUp < period && inside(x.at)) edges.push(x.rampUp === 0 ? `rises at ${formatDuration(x.at)}` : `rises over ${formatDuration(x.rampUp)} from ${formatDuration(x.at)}`);
    if (fall < end && down < period && inside(fall)) edges.push(down === 0 ? `falls at ${formatDuration(fall)}` : `falls over ${formatDuration(down)} from ${formatDuration(fall)}`);
    if (edges.length > 0) out.push({ at: [...at, 'spikes', i], message: `the spike ${edges.join(' and ')}, inside ${edges.length > 1 ? 'metric periods' : 'a metric period'}: ${advice.replace('align it', edges.length > 1 ? 'align them' : 'align it')}` });
  });
}

/** A row's time as the file's time column writes it (seconds), without float noise (630.1, not 630.1000000000001). */
const timeS = (ms: number): string => String(Number((ms / 1000).toPrecision(15)));
/** A time or gap in ms as a duration ("10m30s"), rounded to the ms (CSV times in seconds may have fractions of one). */
const gapText = (ms: number): string => formatDuration(Math.round(ms));

/** A gap between two rows of a step file more than this many times the file's most common spacing is warned of. */
export const STEP_GAP_FACTOR = 1.5;

/**
 * With `interpolate: step` each row's rate holds until the next row, so a gap in the rows
 * holds the rate before it over the gap. A CloudWatch export has such gaps where there was
 * no traffic: "If there are no requests flowing through the load balancer or no data for a
 * metric, the metric is not reported" (ELB's CloudWatch metrics page), so a minute of no
 * requests is a missing row, not a row of 0, and replays as the last minute's rate. In a
 * file of regular rows (more than half its spacings equal: the most common spacing), warned
 * of when two rows that reach into the run (0 to its end) are more than STEP_GAP_FACTOR
 * times the most common spacing apart (the first such gap, and how many). Not with
 * `linear`: its rows are points, and a ramp across a gap is what it means.
 */
function csvStepGap(rows: TraceSeries, column: string, end: number, at: Path, out: ScenarioWarning[]): void {
  const { t, v } = rows;
  if (t.length < 3) return;
  // the most common spacing, to the ms (the smaller of two as common, for determinism)
  const counts = new Map<number, number>();
  for (let i = 1; i < t.length; i++) {
    const d = Math.round(t[i] - t[i - 1]);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let spacing = 0;
  let most = 0;
  for (const [d, c] of counts) if (c > most || (c === most && d < spacing)) [spacing, most] = [d, c];
  // a file of regular rows (an export) only: more than half its spacings the same; a
  // hand-written step file (0, 630, 3600) places each row where its rate changes
  if (spacing <= 0 || most * 2 <= t.length - 1) return;
  let count = 0;
  let first = -1;
  for (let i = 1; i < t.length && t[i - 1] < end; i++) {
    if (t[i] <= 0 || t[i] - t[i - 1] <= STEP_GAP_FACTOR * spacing) continue;
    if (count++ === 0) first = i;
  }
  if (count === 0) return;
  const a = t[first - 1];
  const b = t[first];
  const more = count > 1 ? ` (${count} such gaps in the run)` : '';
  out.push({
    at,
    message:
      `rows ${column} ${timeS(a)} and ${timeS(b)} are ${gapText(b - a)} apart, where most rows are ${gapText(spacing)} apart${more}: with interpolate: step the rate of row ${column} ${timeS(a)}, ${rateText(v[first - 1])}/s, is held over the gap; ` +
      `a CloudWatch export leaves out the periods with no requests (the metric is not reported), so if these are such periods, add a row of 0 for each`,
  });
}

/**
 * fasterThanPeriod and insidePeriods for a CSV trace, from its rows (one warning of each kind
 * a file, the first case and how many, not one a row: a file may have millions; rows named by
 * their time as the file's time `column` writes it), over the
 * rows from 0 to the end of the run. With `interpolate: step` each row whose rate differs
 * from the row before is a jump, as a `step` is: two jumps less than metrics.period apart
 * (the level between them averaged away, as `step`s closer than a period), and a jump off
 * the period grid that is not one of those (inside a metric period, as a `step` at 5m30s).
 * With `linear` the rate ramps from row to row: see linearTurns. A file of rows every
 * metrics.period (`ecsim trace --step` of the period) is not warned of.
 */
function csvWithinPeriods(rows: TraceSeries, interpolate: 'linear' | 'step', column: string, period: number, end: number, at: Path, out: ScenarioWarning[]): void {
  const { t, v } = rows;
  const p = formatDuration(period);
  const inside = (ms: number) => ms % period !== 0;
  let close = 0;
  let closeA = 0;
  let closeB = 0;
  if (interpolate === 'linear') {
    linearTurns(rows, column, period, end, at, out);
    return;
  }
  // step: jumps at the rows whose rate differs from the row before, from 0 to the end
  let inAt = 0;
  let insideCount = 0;
  let previous = NaN; // the jump before
  let previousClose = false; // whether it was close to the one before it
  const settle = (jump: number, closeToNext: boolean) => {
    if (!Number.isNaN(jump) && !previousClose && !closeToNext && inside(jump) && insideCount++ === 0) inAt = jump;
  };
  for (let i = 1; i < t.length && t[i] < end; i++) {
    if (t[i] < 0 || v[i] === v[i - 1]) continue;
    const isClose = t[i] - previous < period;
    if (isClose && close++ === 0) [closeA, closeB] = [previous, t[i]];
    settle(previous, isClose);
    previous = t[i];
    previousClose = isClose;
  }
  settle(previous, false);
  if (close > 0) {
    const more = close > 1 ? ` (${close} such pairs of changes in the run)` : '';
    out.push({
      at,
      message: `the rate changes at rows ${column} ${timeS(closeA)} and ${timeS(closeB)}, ${gapText(closeB - closeA)} apart, less than metrics.period ${p}${more}: ${SHORT_HINT.replace('so it is', 'so the level between them is')}`,
    });
  }
  if (insideCount > 0) {
    const from = Math.floor(inAt / period) * period;
    const more = insideCount > 1 ? ` (and at ${insideCount - 1} more row${insideCount > 2 ? 's' : ''} inside a metric period)` : '';
    out.push({
      at,
      message: `the rate changes at row ${column} ${timeS(inAt)} (${gapText(inAt)}), inside the metric period ${formatDuration(from)}-${formatDuration(from + period)}${more}: ${insideAdvice(p).replace('align it to', 'align the rows to')}`,
    });
  }
}

/**
 * How far a peak or trough of a linear CSV trace may sit from what fluid fidelity shows of it
 * (the mean of the metric period nearest to it), as a fraction of the larger of the two,
 * before it is warned of. Rows that keep rising (or falling) are one ramp, whose period means
 * follow it; only where the rate turns does a period's mean cut the turn off. A turn that
 * lasts a period or more is seen whole; a smooth curve's turn (a diurnal cosine traced every
 * 10 s, a 1 min period: its peak and the period's mean differ by about 1e-4 of the height
 * for a 1 h cycle, less for a day) is far below it; a sawtooth with 30 s sides in 1 min
 * periods misses half its height.
 */
export const TURN_TOLERANCE = 0.05;

/**
 * With `interpolate: linear`, the turns of the rate (a peak: rows rising then falling, a
 * trough: falling then rising, any equal rows between them the turn's top or bottom) whose
 * value the metric periods around them miss by more than TURN_TOLERANCE: fluid fidelity
 * takes one mean rate per period, so a peak narrower than a period reads lower (fewer
 * drops) and a trough higher. One warning a file: the first such turn and how many.
 */
function linearTurns(rows: TraceSeries, column: string, period: number, end: number, at: Path, out: ScenarioWarning[]): void {
  const { t, v } = rows;
  const means = new Map<number, number>();
  const periodMean = (k: number): number => {
    let m = means.get(k);
    if (m === undefined) means.set(k, (m = linearMean(t, v, k * period, (k + 1) * period)));
    return m;
  };
  let count = 0;
  let first: { t: number; until: number; value: number; peak: boolean; from: number; seen: number } | undefined;
  let direction = 0; // the sign of the last change
  let top = 0; // the row the last change ended at (the start of a turn's top or bottom)
  for (let i = 1; i < t.length && t[i - 1] < end; i++) {
    if (v[i] === v[i - 1]) continue;
    const sign = v[i] > v[i - 1] ? 1 : -1;
    if (direction !== 0 && sign !== direction && t[i - 1] >= 0) {
      // a turn: rows top..i-1 hold its value; the periods it touches (both, at a period edge)
      const peak = direction > 0;
      const value = v[i - 1];
      const kLo = Math.max(0, Math.ceil(t[top] / period) - 1);
      const kHi = Math.floor(t[i - 1] / period);
      let seen = peak ? -Infinity : Infinity;
      let from = kLo;
      for (let k = kLo; k <= kHi && k * period < end; k++) {
        const m = periodMean(k);
        if (peak ? m > seen : m < seen) [seen, from] = [m, k];
      }
      if (Number.isFinite(seen) && Math.abs(value - seen) > TURN_TOLERANCE * Math.max(value, seen) && count++ === 0) first = { t: t[top], until: t[i - 1], value, peak, from, seen };
    }
    direction = sign;
    top = i;
  }
  if (first === undefined) return;
  const p = formatDuration(period);
  const window = `${formatDuration(first.from * period)}-${formatDuration(first.from * period + period)}`;
  const off = Math.round((Math.abs(first.value - first.seen) / Math.max(first.value, first.seen)) * 100);
  const more = count > 1 ? ` (${count} such turns in the run)` : '';
  out.push({
    at,
    message:
      `the rate turns within less than metrics.period ${p}: it ${first.peak ? 'peaks' : 'bottoms out'} at ${rateText(first.value)}/s at ${first.until === first.t ? `row ${column} ${timeS(first.t)}` : `rows ${column} ${timeS(first.t)} to ${timeS(first.until)}`}, ` +
      `and the metric period ${window} averages ${rateText(first.seen)}/s, ${off} % ${first.peak ? 'below' : 'above'} it${more}: ` +
      `fluid fidelity uses one mean rate per metric period, so a turn narrower than a period is averaged over it (${first.peak ? 'a lower peak, fewer drops' : 'a higher trough'} than it has); use fidelity: request or a shorter metrics.period`,
  });
}

/** A rate for a message: up to 3 decimals, without float noise. */
const rateText = (x: number): string => String(Math.round(x * 1000) / 1000);

/** The mean over [a, b] of the rows interpolated linearly (the first value before the first row, the last after the last). */
function linearMean(t: Float64Array, v: Float64Array, a: number, b: number): number {
  const n = t.length;
  const at = (x: number, i: number): number => {
    // i: the first row after x (t[i-1] <= x < t[i])
    if (i === 0) return v[0];
    if (i === n) return v[n - 1];
    return v[i - 1] + ((v[i] - v[i - 1]) * (x - t[i - 1])) / (t[i] - t[i - 1]);
  };
  let i = bisectRight(t, a);
  let x = a;
  let y = at(a, i);
  let sum = 0;
  while (i < n && t[i] < b) {
    sum += ((y + v[i]) / 2) * (t[i] - x);
    x = t[i];
    y = v[i];
    i++;
  }
  sum += ((y + at(b, i)) / 2) * (b - x);
  return sum / (b - a);
}
