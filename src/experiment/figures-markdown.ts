// What the tables of comparison.md share, whether they list compare's variants
// (comparison-markdown.ts) or sweep points (sweep-markdown.ts): the opening paragraph on
// replications and common random numbers, the metric column titles, a figure as mean ±
// 95 % half-width (the half-width to 2 significant digits, the mean to its decimal place), and the note under the Pareto column.

import { counted } from '../output/plural.js';
import { METRICS, type MetricName } from './metrics.js';
import type { SampleSummary } from './stats.js';

export const METRIC_LABELS: Record<MetricName, { title: string; name: string; unit: string }> = {
  cost: { title: 'cost (USD)', name: 'cost', unit: ' USD' },
  sloViolationMinutes: { title: 'SLO violation (min)', name: 'SLO violation', unit: ' min' },
  latencyP95Ms: { title: 'p95 latency (ms)', name: 'p95 latency', unit: ' ms' },
  cpuMean: { title: 'mean CPU (%)', name: 'mean CPU', unit: ' percentage points' },
  taskHours: { title: 'task-hours', name: 'task-hours', unit: '' },
  scalingActivities: { title: 'scaling activities', name: 'scaling activities', unit: '' },
  droppedRequests: { title: 'dropped requests', name: 'dropped requests', unit: '' },
  latencyP99Ms: { title: 'p99 latency (ms)', name: 'p99 latency', unit: ' ms' },
  spotInterruptions: { title: 'Spot-interrupted tasks', name: 'Spot-interrupted tasks', unit: '' },
};

/**
 * The note under a means table on how each figure combines a run's services (metrics.ts):
 * the table's p95 latency is not the per-period p95 the time-series charts draw.
 */
export const COMBINED_NOTE =
  "How a run's services are combined: p95 (p99) latency is the p95 (p99) over all the requests a service served in the run, of the run's worst service, then averaged over the replications; " +
  'SLO violation minutes, task-hours, scaling activities (out + in), dropped requests and Spot-interrupted tasks (tasks that got a Spot interruption notice) are sums over the services; mean CPU is the unweighted mean over the services with a CPU datapoint; ' +
  'cost is the total over the capacity providers.';

/**
 * How the runs start (docs/assumptions.md, "Start of the run"): cold by default, so the
 * start-up's dropped requests and SLO minutes are in every run's figures; warm with
 * `warmStart: true`. `warm`: which of the variants or points start warm, by name, when
 * known ([] every run cold, `'all'` every run warm), `'swept'` when a sweep's path is
 * `warmStart`; undefined when not known (a sweep whose base may set it: the note says both).
 * `paired`: the page has a paired differences table (else the note does not speak of one).
 */
export function startNote(noun: string, warm: readonly string[] | 'all' | 'swept' | undefined, paired: boolean): string {
  const where = '(docs/assumptions.md, "Start of the run")';
  const mixed = paired
    ? `a cold ${noun} pays the start-up in dropped requests and SLO violation minutes and a warm one does not, so a paired difference between a warm and a cold ${noun} includes it ${where}.`
    : `a cold ${noun} pays the start-up in dropped requests and SLO violation minutes and a warm one does not; its figures include it ${where}.`;
  const cancels = paired ? `The paired differences cancel it where the ${noun}s start alike; the absolute figures include it` : 'The figures include it';
  if (warm === 'swept') {
    return `The ${noun}s with \`warmStart\` true start warm (tasks RUNNING and in rotation at time 0), the others cold (no task RUNNING at time 0 while the load is on): ${mixed}`;
  }
  if (warm === 'all') {
    return (
      `Every run starts warm (\`warmStart: true\`): the initial instances are registered and the initial tasks RUNNING and healthy (in rotation behind a load balancer) at time 0, so no ${noun} pays a start-up; ` +
      `initial tasks that do not fit the initial instances still wait for capacity ${where}.`
    );
  }
  if (warm === undefined) {
    return (
      `Unless the scenario sets \`warmStart: true\`, every run starts cold: no task is RUNNING at time 0 while the load is on, so every ${noun} pays the start-up in dropped requests and SLO violation minutes. ` +
      `${cancels} ${where}.`
    );
  }
  if (warm.length > 0) {
    const list = warm.map((w) => `\`${w}\``).join(', ');
    return (
      `${warm.length === 1 ? `The ${noun} ${list} starts` : `The ${noun}s ${list} start`} warm (\`warmStart: true\`: tasks RUNNING and in rotation at time 0), the others cold (no task RUNNING at time 0 while the load is on): ` +
      mixed
    );
  }
  return (
    `Every run starts cold: no task is RUNNING at time 0 while the load is on, so every ${noun} pays the start-up in dropped requests and SLO violation minutes. ` +
    `${cancels} ${where}.`
  );
}

/** `cost (USD) | SLO violation (min) | ...`: the metric column titles, METRICS order. */
export const METRIC_TITLES = METRICS.map((m) => METRIC_LABELS[m].title).join(' | ');
/** The alignment cells of the metric columns (right-aligned). */
export const METRIC_ALIGNMENT = METRICS.map(() => '---:').join('|');

/**
 * `3 variants x 5 replications (seeds 1..5). All variants of one replication use the same
 * seed, ...`: what was run, and how to read the figures. `noun` is `variant` or `point`;
 * `seeds` the first and last seed, left out when unknown.
 */
export function runsParagraph(count: number, noun: string, replications: number, seeds: readonly [number, number] | undefined): string {
  return (
    `${counted(count, noun)} x ${counted(replications, 'replication')}` +
    `${seeds ? (seeds[0] === seeds[1] ? ` (seed ${seeds[0]})` : ` (seeds ${seeds[0]}..${seeds[1]})`) : ''}. ` +
    `All ${noun}s of one replication use the same seed, so they draw the same random numbers: the same load noise, at request fidelity the same requests with the same service times, ` +
    `and the same random delays for the same task or instance number (common random numbers), unless a ${noun} changes the load itself. ${replications === 1 ? 'Figures are single runs (one replication): no confidence interval.' : 'Figures are means with the half-width of the 95 % confidence interval (Student t).'}`
  );
}

/** What a sweep's ± are (2 or more replications): each point's own interval, which overlaps where a paired difference need not. */
const OWN_INTERVALS =
  "Each point's ± is its own interval, not paired: the points share their random numbers, so where the seed moves them alike, " +
  'the interval of the difference between two points is narrower than their ± suggest, and overlapping intervals do not mean there is no difference.';

/** The note under a sweep's means table when it has paired differences (2 or more replications). */
export const PAIRED_POINTS_NOTE =
  `${OWN_INTERVALS} The paired differences below take each point minus the first point, replication by replication (replications.csv has every replication's figures, ` +
  'for pairing two other points the same way).';

/**
 * The note under a sweep's means table (2 or more replications) merged from shard files
 * written before they carried each replication's figures: no paired differences.
 */
export const UNPAIRED_NOTE =
  `${OWN_INTERVALS} The shard files merged were written before ecsim recorded each replication's figures in them, so there are no paired differences: ` +
  'run the shards again and merge them for those.';

/** UNPAIRED_NOTE for the comparison page of a sweep folder without paired.csv, which cannot tell why it has none. */
export const UNPAIRED_FOLDER_NOTE =
  `${OWN_INTERVALS} This folder has no paired.csv (written by an ecsim from before sweeps recorded each replication's figures, or merged from its shard files), ` +
  'so there are no paired differences: run the sweep again for them.';

/**
 * The note under a table with a Pareto column; `noun` is `variant` (compare: comparison.csv)
 * or `point` (a sweep: sweep.csv, or `csvFile`, the name `ecsim merge --out` gave it). The front is decided on the unrounded means, which the
 * table rounds to the half-width's place: `0.18 ± 0.18 | 10 ± 28` on the front beside
 * `0.17 ± 0.20 | 10 ± 28` off it is 10 SLO minutes against 10.33.
 */
export function paretoNote(noun: string, csvFile = paretoFile(noun)): string {
  return (
    `Pareto: no other ${noun} is at least as good on both mean cost and mean SLO violation minutes and better on one (${noun}s that tie are all on the front). ` +
    `It is decided on the unrounded means (${csvFile}'s cost_mean and sloViolationMinutes_mean): rounded as in the table, a ${noun} on the front can look beaten by one off it.`
  );
}

/** The file with the unrounded means of a compare's variants or a sweep's points. */
function paretoFile(noun: string): string {
  return noun === 'variant' ? 'comparison.csv' : 'sweep.csv';
}

/** A figure's mean as plusMinus writes it, read back as a number (NaN for `–`). */
export function shownMean(s: Pick<SampleSummary, 'mean' | 'ci95'>): number {
  if (!Number.isFinite(s.mean)) return NaN;
  return meanAndHalfWidth(s.mean, s.ci95)?.value ?? Number(human(s.mean));
}

/**
 * `1.830 ± 0.077`: the half-width to 2 significant digits and the mean to the same decimal
 * place (`360 ± 210` when the half-width is in the hundreds); the mean alone without a
 * half-width (one replication); `12.34 ± 0` (the mean as human() writes it) when the
 * replications agree; `–` for no value.
 */
export function plusMinus(s: Pick<SampleSummary, 'mean' | 'ci95'>): string {
  if (!Number.isFinite(s.mean)) return '–';
  if (!Number.isFinite(s.ci95)) return human(s.mean);
  const rounded = meanAndHalfWidth(s.mean, s.ci95);
  return rounded ? `${rounded.mean} ± ${rounded.halfWidth}` : `${human(s.mean)} ± ${human(s.ci95)}`;
}

/**
 * A mean and its half-width rounded together: the half-width to 2 significant digits, the
 * mean to the same decimal place, so neither shows digits the other does not (the
 * decimals kept; `-0` is written `0`). Undefined for a half-width of 0 or none (the caller
 * writes the mean as it would alone).
 */
export function meanAndHalfWidth(mean: number, halfWidth: number): { mean: string; halfWidth: string; value: number } | undefined {
  if (!Number.isFinite(mean) || !Number.isFinite(halfWidth) || halfWidth === 0) return undefined;
  const h = Number(Math.abs(halfWidth).toPrecision(2)); // 0.0996 -> 0.1: the place is the rounded one's
  const decimals = 1 - Math.floor(Math.log10(h));
  if (decimals > 100) return undefined; // beyond toFixed's 100 decimals: as if 0
  if (decimals >= 0) {
    const m = Number(mean.toFixed(decimals));
    return { mean: (m === 0 ? 0 : m).toFixed(decimals), halfWidth: h.toFixed(decimals), value: m === 0 ? 0 : m };
  }
  const unit = 10 ** -decimals;
  const m = Math.sign(mean) * Math.round(Math.abs(mean) / unit) * unit; // half away from zero, as toFixed: -5 and 5 alike
  return { mean: String(m === 0 ? 0 : m), halfWidth: String(h), value: m === 0 ? 0 : m };
}

/** `1318 ± 3.49 (7 of 8)`: the count of replications with a value, when some have none. */
export function withCount(text: string, n: number | undefined, replications: number): string {
  return n !== undefined && n > 0 && n < replications ? `${text} (${n} of ${replications})` : text;
}

/** The note under the means table when some figure has no value in some replication; `paired` when there are paired differences (compare's always). */
export function missingNote(replications: number, noun: string, paired = noun === 'variant'): string {
  return (
    `(k of ${replications}): only k of the ${replications} replications have a value for that figure; the others are left out of its mean and interval` +
    `${paired ? ` (of a paired difference: the replications where both ${noun}s have one)` : ''}, and – means none has. ` +
    'A run has no p95 latency when no request was served, and no mean CPU when no service had a CPU datapoint (no task ever ran); the other figures always have a value.'
  );
}

/** The note under the paired differences (2 or more replications): what the * mark means, and what it does not. */
export function significanceNote(metricCount: number): string {
  return (
    'Differences marked * are significant at the 95 % level (the interval leaves out zero). ' +
    'A difference that is the same in every replication has an interval of width 0 and is not marked: with no spread there is nothing to test it against. ' +
    `Each figure is tested on its own at 95 %, with no adjustment for testing ${metricCount} figures at once: some difference may be marked by chance alone.`
  );
}

/** `+1.20 ± 0.30`, `−3.4 ± 1.2`: a difference and its half-width rounded as plusMinus does; `signed(x) ± 0` for a half-width of 0, the difference alone for none. */
export function signedPlusMinusText(mean: number, halfWidth: number): string {
  if (!Number.isFinite(halfWidth)) return signed(mean);
  const rounded = meanAndHalfWidth(mean, halfWidth);
  if (!rounded) return `${signed(mean)} ± ${human(halfWidth)}`;
  return `${signedAtPlace(mean, halfWidth)} ± ${rounded.halfWidth}`;
}

/**
 * `x` signed and rounded to the decimal place the half-width `halfWidth` is written to
 * (meanAndHalfWidth: 2 significant digits): a significant difference and its interval's
 * ends (`+670 ms (95 % CI +440 to +900)`); signed(x) for a half-width of 0 or none.
 */
export function signedAtPlace(x: number, halfWidth: number): string {
  const rounded = meanAndHalfWidth(x, halfWidth);
  if (!rounded) return signed(x);
  const sign = rounded.value > 0 ? '+' : rounded.value < 0 ? '−' : '';
  return `${sign}${rounded.mean.replace(/^-/, '')}`;
}

/** `+1.2`, `−3.4` (a minus sign), `0`. */
export function signed(x: number): string {
  return x > 0 ? `+${human(x)}` : x < 0 ? `−${human(-x)}` : '0';
}

/**
 * Four significant digits, no trailing zeros: whole numbers from 1000 up in full (`65510`),
 * decimals down to 0.0001 (`0.0001235`), and below that in exponent notation (`1.235e-5`),
 * so a small non-zero figure never reads as 0.
 */
export function human(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-4) {
    const [mantissa, exponent] = x.toExponential(3).split('e');
    if (Number(exponent) < -4) return `${String(Number(mantissa))}e${exponent}`;
    // rounded up to 1.000e-4: print it as a decimal below
  }
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(x))));
  return String(Number(x.toFixed(digits)));
}
