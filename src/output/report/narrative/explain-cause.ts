// Turns the cause recorded with a scaling activity into a plain-language "because ..."
// clause: which metric crossed which threshold, for how long, with the datapoints. Falls
// back to the recorded text for causes it does not recognise.

import type { ScenarioSettings } from '../data/scenario-settings.js';
import { spanLabel } from '../format/sim-time.js';
import { compareBySymbol, formatDatapoint } from '../../../scaling/format.js';

const METRIC_WORDS: Record<string, { name: string; unit: string }> = {
  ECSServiceAverageCPUUtilization: { name: 'CPU utilization', unit: ' %' },
  CPUUtilization: { name: 'CPU utilization', unit: ' %' },
  ECSServiceAverageMemoryUtilization: { name: 'memory utilization', unit: ' %' },
  MemoryUtilization: { name: 'memory utilization', unit: ' %' },
  ALBRequestCountPerTarget: { name: 'requests per target', unit: '' },
  RequestCountPerTarget: { name: 'requests per target', unit: '' },
  BacklogPerTask: { name: 'backlog per task', unit: '' },
  ApproximateNumberOfMessagesVisible: { name: 'visible messages', unit: '' },
};

const TARGET_TRACKING = /^target tracking (\S+): (\d+) datapoints? ([<>]=?) ([\d.]+): ([-\d.\s]+?)(?:;|$)/;
const MANAGED = /^managed scaling \S+: CapacityProviderReservation (\d+) datapoints? ([<>]=?) ([\d.]+)(?: \([^)]*\))?: ([-\d.e+ ]+?); M=(\d+) N=(\d+)/;
/** The clause after "M=.. N=.." when the step sizes bounded the waiting tasks' part of M. */
const STEP_BOUND = /^waiting tasks need \d+ instances?, (?:raised to \d+ \(minimumScalingStepSize \d+\)|capped at \d+ \(maximumScalingStepSize \d+\))$/;
const SCHEDULED = /^scheduled action (\S+) \(([^)]*\)?)\)/;

export interface CauseContext {
  settings: ScenarioSettings;
  /** The metric period in seconds (a datapoint per period). */
  periodS: number;
  /** Said after the cause of these scaling activities (a scale out late after an inactive SQS queue: queue-inactivity.ts). */
  notes?: ReadonlyMap<object, string>;
}

/**
 * A cause's datapoints as the report gives them: up to 4 listed (when all `count` are
 * there), else the count and the newest.
 */
function shownDatapoints(values: readonly string[], count: number): string {
  return count <= 4 && values.length === count ? values.join(', ') : `${count} datapoints, last ${values[values.length - 1]}`;
}

export function explainCause(subject: string, cause: string, ctx: CauseContext): string {
  let m = TARGET_TRACKING.exec(cause);
  if (m) {
    const [, policy, count, op, threshold, points] = m;
    const line = ctx.settings.services.get(subject)?.lines.find((l) => l.policy === policy);
    const words = line ? (METRIC_WORDS[line.metric] ?? { name: line.metric, unit: '' }) : { name: `the metric of policy ${policy}`, unit: '' };
    const values = points.trim().split(/\s+/).map(Number);
    const f = (v: number): string => fmt(v, op, Number(threshold));
    const shown = shownDatapoints(values.map(f), values.length);
    const dir = op.startsWith('>') ? 'above' : 'below';
    const n = Number(count);
    return `${words.name} was ${dir} ${threshold}${words.unit} for ${spanLabel(n * ctx.periodS)} (${shown}${words.unit}; target tracking policy ${policy})`;
  }
  m = MANAGED.exec(cause);
  if (m) {
    const [, count, op, target, points, mNeeded, nRunning] = m;
    // a run of more than 15 datapoints lists only the newest 15: the count is the cause's
    const values = points.trim().split(/\s+/);
    const n = Number(count);
    const shown = shownDatapoints(values, n);
    const dir = op.startsWith('>') ? 'above' : 'below';
    const limits = managedLimits(cause.slice(m[0].length));
    // M counts the waiting tasks' instances bounded by the step sizes, not what they need,
    // when the recorded clause says a bound applied (managed-scaling.ts, mAndN): "counted",
    // and the clause, kept among the limits, says what the tasks need and the bound
    const bounded = limits.some((x) => STEP_BOUND.test(x));
    const needed = `${mNeeded} ${mNeeded === '1' ? 'instance' : 'instances'} ${bounded ? 'counted' : 'needed'}, ${nRunning} running`;
    return `CapacityProviderReservation was ${dir} its target ${target} % for ${spanLabel(n * ctx.periodS)} (${shown} %; ${[needed, ...limits].join('; ')})`;
  }
  m = SCHEDULED.exec(cause);
  if (m) {
    const rest = cause.slice(m[0].length);
    // a firing before the run, replayed at the start, whose bound is in force then (service-auto-scaler.ts, runInForceAtStart)
    const before = /^ fired (\S+), before the run; replayed at time 0: /.exec(rest);
    // (without the count of earlier firings replayed, " (after 5 earlier firings replayed since ...)")
    if (before) return `scheduled action ${m[1]}, fired ${before[1]} before the run, was in force at the start (${rest.slice(before[0].length).replace('; in force at the start', '').replace(/ \(after \d+ earlier firings?(?: of this service's scheduled actions)? replayed since \S+\)/, '')})`;
    return `scheduled action ${m[1]} ran (${rest.replace(/^[:;]\s*/, '')})`;
  }
  const step = /^step scaling (\S+): (.*)$/.exec(cause);
  if (step) return `step scaling policy ${step[1]}'s alarm: ${step[2]}`;
  return cause;
}

/**
 * What set a managed scaling move other than M: the recorded clauses after "M=.. N=..", but
 * the ceil(M / targetCapacity) one (M already said): the step sizes' bound on the waiting
 * tasks' instances, the first scale out from zero's fixed count, a scaling step size, the group's size, minSize, the removable instances, the
 * scale-in step's share of desired. Without them a move of 0 -> 2 read "1 instance needed".
 */
function managedLimits(rest: string): string[] {
  return rest
    .split('; ')
    .map((x) => x.trim())
    .filter((x) => x !== '' && !/^ceil\(/.test(x))
    .map((x) => x.replace(/^N=0: /, ''));
}

/** One decimal, or the digits events.csv gave it where one decimal would put it on the wrong side of the threshold. */
function fmt(v: number, op: string, threshold: number): string {
  if (Number.isInteger(v)) return String(v);
  const s = v.toFixed(1);
  return compareBySymbol(op, Number(s), threshold) === compareBySymbol(op, v, threshold) ? s : formatDatapoint(v, op, threshold);
}
