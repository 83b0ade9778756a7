// `workload.requestRate`: exactly one base shape, then optional modifiers (scenario.yaml).

import { z } from 'zod';
import { describe, formatDuration } from './duration.js';
import { localClockZoneProblem, MAX_REQUEST_RATE, stepTimeExpected } from '../workload/trace/index.js';
import { likelyMeant, timeZoneHint } from './did-you-mean.js';
import { duration, forward, oneOf, positiveDuration, strict, strictKeys, whenParsed } from './schema-helpers.js';

/** A request rate: >= 0 and at most MAX_REQUEST_RATE (1e9 requests/s, an ecsim bound). */
const rate = z.number().min(0).superRefine((r, ctx) => {
  if (r > MAX_REQUEST_RATE) ctx.addIssue({ code: 'custom', message: `expected a rate of at most ${MAX_REQUEST_RATE} requests/s (an ecsim bound), found ${r}` });
});

/**
 * A positive duration of at least `minMs`. Floors on how finely a trace changes: each
 * noise or walk step and each 1/24 of a diurnal cycle is a piece the fluid model integrates
 * every metric period, so `every: 1ms` made 60 000 pieces a minute (a 30-minute run took
 * minutes). No scenario needs finer: the service sees the rate averaged over metrics.period.
 */
function atLeast(minMs: number, why: string) {
  return positiveDuration.superRefine((ms, ctx) => {
    if (ms < minMs) ctx.addIssue({ code: 'custom', message: `expected at least ${formatDuration(minMs)} (${why}), found ${formatDuration(ms)}` });
  });
}
/** diurnal.period: a cycle shorter than a minute averages out within one metric period. */
const diurnalPeriod = atLeast(60_000, 'a shorter cycle averages out within a metric period and makes runs slow');
/** noise.every, randomWalk.every: one random draw per step. */
const drawEvery = atLeast(1000, 'one random draw a step: finer steps average out within a metric period and make runs slow');

/**
 * A calendar shape's `timezone` (diurnal, weekly): an IANA zone name in its exact case, checked
 * here with the other values (not when the trace is built, after every other check).
 */
const zoneName = z.string().superRefine((tz, ctx) => {
  const problem = localClockZoneProblem(tz);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: `${problem}${timeZoneHint(tz)}` });
});

const singleStep = strict({ from: rate, to: rate, at: duration });
const stepAt = strict({ at: duration, to: rate });
/**
 * The `{from, steps}` form: times must increase strictly, said with the durations readable
 * (the trace library, in ms, said `(300000 ms), found 300000`).
 */
const multiStep = strict({ from: rate, steps: z.array(stepAt).min(1) }).superRefine(
  (m, ctx) => {
    const at = m.steps.map((s) => s.at);
    for (let i = 1; i < at.length; i++) {
      const expected = stepTimeExpected('steps', at, i, formatDuration);
      if (expected) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'at'], message: `expected ${expected}, found ${formatDuration(at[i])}` });
        return;
      }
    }
  },
  {
    when: (payload) => {
      const steps = (payload.value as { steps?: unknown } | null)?.steps;
      return Array.isArray(steps) && steps.every((s) => typeof (s as { at?: unknown } | null)?.at === 'number');
    },
  },
);
const stepList = z.array(stepAt).min(1);

/**
 * The list form `[{at: 0, to}, {at, to}, ...]` (scenario.yaml) as `{from, steps}`: `from` is
 * the first step's `to`, `steps` the list as written. The first `at` must be 0 (the start:
 * the list has no `from`), and times must increase strictly, with the `steps` form's message.
 */
function stepFromList(value: unknown[], ctx: z.RefinementCtx): z.output<typeof multiStep> {
  const r = stepList.safeParse(value);
  if (!r.success) {
    forward(stepList, value, ctx);
    return z.NEVER;
  }
  const list = r.data;
  if (list[0].at !== 0) {
    const found = describe((value[0] as Record<string, unknown>).at);
    ctx.addIssue({
      code: 'custom',
      path: [0, 'at'],
      message: `expected 0 (the first step of a list gives the rate at the start), found ${found}; for a first change later, use {from, steps: [{at, to}, ...]}`,
    });
    return z.NEVER;
  }
  const at = list.map((s) => s.at);
  for (let i = 1; i < list.length; i++) {
    const expected = stepTimeExpected('step', at, i, formatDuration);
    if (expected) {
      ctx.addIssue({ code: 'custom', path: [i, 'at'], message: `expected ${expected}, found ${formatDuration(at[i])}` });
      return z.NEVER;
    }
  }
  return { from: list[0].to, steps: list };
}

const baseShapes = {
  constant: rate,
  /** `{from, to, at}`, several steps `{from, steps: [{at, to}, ...]}`, or a list `[{at: 0, to}, {at, to}, ...]`. */
  step: z.unknown().transform((value, ctx) =>
    Array.isArray(value)
      ? stepFromList(value, ctx)
      : value !== null && typeof value === 'object' && 'steps' in value
        ? forward(multiStep, value, ctx)
        : forward(singleStep, value, ctx),
  ),
  ramp: strict({ from: rate, to: rate, start: duration, end: duration }).superRefine(
    (r, ctx) => {
      if (!(r.end > r.start)) ctx.addIssue({ code: 'custom', path: ['end'], message: `expected a time after start (${formatDuration(r.start)}), found ${formatDuration(r.end)}` });
    },
    { when: whenParsed('start', 'end') },
  ),
  diurnal: strict({
    min: rate,
    max: rate,
    peakAt: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'expected a time of day "H:MM" or "HH:MM", optionally with ":SS", hours 0-23 (e.g. "9:00", "14:30")').default('12:00'),
    period: diurnalPeriod.default(86_400_000),
    timezone: zoneName.optional(),
  }).superRefine(
    (d, ctx) => {
      if (!(d.max >= d.min)) ctx.addIssue({ code: 'custom', path: ['max'], message: `expected a rate >= min (${d.min}), found ${d.max}` });
    },
    { when: whenParsed('min', 'max') },
  ),
  randomWalk: strict({
    start: rate,
    volatility: z.number().min(0),
    min: rate.default(0),
    // default (trace-config.ts): MAX_REQUEST_RATE over the modifiers' largest factor
    max: rate.optional(),
    every: drawEvery.default(60_000),
  }),
  csv: strict({
    file: z.string(),
    timeColumn: z.string().default('time_s'),
    valueColumn: z.string().default('rps'),
    interpolate: oneOf(['linear', 'step'] as const).default('linear'),
  }).superRefine((c, ctx) => {
    // one column as both would replay the time as the rate (rate 600 at t = 600 s)
    if (c.valueColumn === c.timeColumn) {
      ctx.addIssue({
        code: 'custom',
        path: ['valueColumn'],
        message: `expected a column other than timeColumn ("${c.timeColumn}"), found "${c.valueColumn}": the rate would be the time; name the column holding the requests per second`,
      });
    }
  }),
};

const modifiers = {
  weekly: strict({ weekendFactor: z.number().min(0), timezone: zoneName.optional() }),
  spikes: z.array(
    strict({
      at: duration,
      rampUp: duration.default(0),
      hold: duration,
      rampDown: duration.optional(),
      multiplier: z.number().min(0),
    }).superRefine((x, ctx) => {
      // a spike of no width changes no rate, in either fidelity: refused, not ignored
      if (x.rampUp + x.hold + (x.rampDown ?? x.rampUp) === 0) {
        ctx.addIssue({ code: 'custom', path: ['hold'], message: `expected a spike of some width (rampUp + hold + rampDown greater than 0), found all three 0: a zero-width spike changes no rate; give hold (or rampUp, rampDown) a duration, or remove the spike` });
      }
    }),
  ),
  noise: strict({ type: oneOf(['gaussian'] as const).default('gaussian'), cv: z.number().min(0), every: drawEvery.default(60_000) }),
};

const traceObject = strict({
  constant: baseShapes.constant.optional(),
  step: baseShapes.step.optional(),
  ramp: baseShapes.ramp.optional(),
  diurnal: baseShapes.diurnal.optional(),
  randomWalk: baseShapes.randomWalk.optional(),
  csv: baseShapes.csv.optional(),
  weekly: modifiers.weekly.optional(),
  spikes: modifiers.spikes.optional(),
  noise: modifiers.noise.optional(),
});

const BASE_NAMES = Object.keys(baseShapes);

/** A request-rate trace; a bare number is `constant`. */
export const traceSchema = z.unknown().transform((value, ctx) => {
  if (typeof value === 'number') value = { constant: value };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    ctx.addIssue({ code: 'custom', message: `expected a trace map (one of ${BASE_NAMES.join(', ')}, then modifiers), found ${describe(value)}` });
    return z.NEVER;
  }
  const bases = Object.keys(value).filter((k) => BASE_NAMES.includes(k));
  // the map's unknown keys are said first (by forward); a misspelt base shape once, as the
  // unknown key with its hint (`const`: did you mean "constant"?), not again as "found none"
  const parsed = forward(traceObject, value, ctx);
  if (bases.length > 1) {
    ctx.addIssue({ code: 'custom', message: `expected exactly one base shape, found ${bases.length}: ${bases.join(', ')}` });
  } else if (bases.length === 0 && !baseShapeMisspelt(value as Record<string, unknown>)) {
    ctx.addIssue({ code: 'custom', message: `expected exactly one base shape (${BASE_NAMES.join(' | ')}), found none` });
  }
  return parsed;
});

/** Whether the trace map has an unknown key whose hint names a base shape ("const", "steps"). */
function baseShapeMisspelt(value: Record<string, unknown>): boolean {
  const known = strictKeys(traceObject);
  const lacked = known.filter((k) => value[k] === undefined);
  return Object.keys(value).some((k) => {
    if (known.includes(k)) return false;
    const meant = likelyMeant(k, lacked);
    return (meant.length > 0 ? meant : likelyMeant(k, known)).some((m) => BASE_NAMES.includes(m));
  });
}

export type TraceSpec = z.output<typeof traceObject>;
