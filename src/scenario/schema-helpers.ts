// Building blocks of the scenario schema: strict maps with "did you mean" for unknown
// keys, durations, distributions.

import { isBareNumber } from './bare-seconds.js';
import { MAX_API_INTEGER } from '../scaling/api-limits.js';
import { z } from 'zod';
import { didYouMean, likelyMeant, meantClause, meantHint } from './did-you-mean.js';
import { describe, formatDuration, isNegativeDuration, MAX_DURATION_MS, negativeDurationMessage, parseDuration } from './duration.js';
import { cutText } from './cut-text.js';

/** Every key some map of the scenario format knows (schemaKeyNamed). */
const SCHEMA_KEYS = new Set<string>();

/** Whether `key` is a key of some map of the scenario format (a name it knows, wherever). */
export function schemaKeyNamed(key: string): boolean {
  return SCHEMA_KEYS.has(key);
}

/**
 * An object whose unknown keys are errors with a hint, never silently dropped. Its known keys
 * are checked too, so every problem in the map gets its line (unknown keys first, in the
 * map's order, then the known keys' problems). A known key the hint suggests and the map
 * lacks is not also called "required": the misspelt key is that key, said once. A hint
 * names keys the map lacks first (a key it has is less likely the one misspelt; a variant's
 * merge patch adds a misspelt key beside the base's right one, though). `notes` says, for a
 * well-known AWS key the map does not take, where it belongs or what this map calls it
 * (memoryReservation on a task definition is a container's key), in place of a "did you
 * mean" a few letters would pick wrongly.
 */
export function strict<T extends z.ZodRawShape>(shape: T, notes: Readonly<Record<string, string>> = {}) {
  const known = Object.keys(shape);
  for (const k of known) SCHEMA_KEYS.add(k);
  const object = z.object(shape);
  const schema = z.unknown().transform((value, ctx): z.output<typeof object> => {
    const meant = new Set<string>();
    if (isMap(value)) {
      const lacked = known.filter((k) => value[k] === undefined);
      for (const key of Object.keys(value)) {
        if (known.includes(key)) continue;
        // a well-known AWS key that belongs elsewhere or is named otherwise here: said so, no guess
        if (Object.hasOwn(notes, key)) {
          ctx.addIssue({ code: 'custom', path: [key], message: `unknown key "${key}" (${notes[key]}); expected one of: ${known.join(', ')}` });
          continue;
        }
        const suggestions = valueHint(key, value[key], lacked, known, shape) ?? keyHint(key, lacked, known);
        // no known key meant, but a misspelling of a noted AWS key (instanceDistribution): its note
        const noted = suggestions.length === 0 ? likelyMeant(key, Object.keys(notes)) : [];
        if (noted.length === 1) {
          ctx.addIssue({ code: 'custom', path: [key], message: `unknown key "${key}" (did you mean "${noted[0]}"? ${notes[noted[0]]}); expected one of: ${known.join(', ')}` });
          continue;
        }
        if (suggestions.length === 1 && lacked.includes(suggestions[0])) meant.add(suggestions[0]);
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: unknownKeyMessage(key, known, suggestions),
        });
      }
    }
    return forward(object, value, ctx, (issue) => !(issue.path.length === 1 && meant.has(issue.path[0] as string)));
  });
  mapKeys.add(schema, { keys: known, notes });
  return schema;
}

/** The keys an unknown key likely means: among the keys its map lacks, else among all it knows. */
function keyHint(key: string, lacked: readonly string[], known: readonly string[]): string[] {
  const meant = likelyMeant(key, lacked);
  return meant.length > 0 ? meant : likelyMeant(key, known);
}

/**
 * The keys an unknown key likely means by its value: a string that is a valid value of one
 * to three of the map's keys (`type: REPLICA` is schedulingStrategy's, `metric:
 * ECSServiceAverageCPUUtilization` predefinedMetricType's), among the keys the map lacks
 * first (of several, those the key's name means: `draining: ENABLED` is managedDraining);
 * undefined when the value is no key's (then the key's name is matched).
 */
function valueHint(key: string, v: unknown, lacked: readonly string[], known: readonly string[], shape: z.ZodRawShape): string[] | undefined {
  if (typeof v !== 'string') return undefined;
  const takes = (k: string) => enumValues(shape[k] as z.ZodType).includes(v);
  for (const among of [lacked, known]) {
    const keys = among.filter(takes);
    // several keys take it (ENABLED): the ones the key's name means, if any
    const named = keys.length > 1 ? likelyMeant(key, keys) : [];
    if (named.length > 0) return named;
    if (keys.length > 0 && keys.length <= 3) return keys;
  }
  return undefined;
}

/** The values oneOf() made `schema` accept (through .optional() and .default()), else []. */
function enumValues(schema: z.ZodType | undefined): readonly string[] {
  let s: z.ZodType | undefined = schema;
  for (let depth = 0; s !== undefined && depth < 8; depth++) {
    const values = oneOfValues.get(s)?.values;
    if (values) return values;
    s = (s._zod.def as { innerType?: z.ZodType }).innerType;
  }
  return [];
}

/** The values of each oneOf() schema. */
const oneOfValues = z.registry<{ values: readonly string[] }>();

/** The keys a strict() map knows (kept through .refine(): a registry follows a schema's clones). */
const mapKeys = z.registry<{ keys: string[]; notes?: Readonly<Record<string, string>> }>();

/** The keys a strict() map schema knows, in its order ([] for another schema). */
export function strictKeys(schema: z.ZodType): string[] {
  return [...(mapKeys.get(schema)?.keys ?? [])];
}

/** A problem a check of the raw input found: the key path within the value, and what is wrong. */
export interface RawIssue {
  path: (string | number)[];
  message: string;
}

/**
 * `schema` after `check`, a check of the raw value: the problems of both are reported
 * (z.preprocess would stop at the check's), the check's first; a key the check faulted is
 * not faulted again by `schema`.
 */
export function checkedBefore<S extends z.ZodType>(check: (value: unknown) => RawIssue[], schema: S) {
  return z.unknown().transform((value, ctx): z.output<S> => {
    const faulted = check(value);
    for (const issue of faulted) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return forward(schema, value, ctx, (issue) => !faulted.some((f) => startsWith(issue.path, f.path)));
  });
}

/**
 * `schema` with `check`, a check of the raw value: the problems of both are reported, the
 * check's first, and the schema's also below a key the check faulted (a check of a map's
 * names: an entry's own problems are said with its name's).
 */
export function checkedAlongside<S extends z.ZodType>(check: (value: unknown) => RawIssue[], schema: S) {
  return z.unknown().transform((value, ctx): z.output<S> => {
    for (const issue of check(value)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return forward(schema, value, ctx);
  });
}

const isMap = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) => prefix.length <= path.length && prefix.every((k, i) => path[i] === k);

/**
 * A name a JavaScript object lists before its other keys, in numeric order, whatever the
 * file's order: an array index ("0", "20", below 2^32 - 1; "01" and "-1" are not).
 */
export function isWholeNumberName(name: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(name) && Number(name) < 2 ** 32 - 1;
}

/**
 * An AWS resource's name rule: 1 to 255 (or maxLength) letters, digits and the `extra`
 * characters ("_" and "-" unless said). ECS's API gives "_" and "-" for a service
 * (CreateService serviceName), a task definition family (RegisterTaskDefinition family), a
 * container (ContainerDefinition name) and a capacity provider (CreateCapacityProvider
 * name, which also refuses some prefixes). Application Auto Scaling's names (AAS_NAME_RULES)
 * are ecsim's own narrower rule within AWS's: `narrower` says so.
 */
export interface NameRule {
  /** What is named, for "expected a <noun> of ...": "service name". */
  noun: string;
  /** The API call (and key) that states the rule: "CreateService's serviceName". */
  source: string;
  /** The longest name allowed (255 unless said). */
  maxLength?: number;
  /** The characters allowed besides letters and digits, in the order said (["_", "-"] unless said). */
  extra?: readonly string[];
  /** Prefixes refused in any case, said after the characters ("aws", "ecs", "fargate"). */
  refusedPrefixes?: readonly string[];
  /** Put before a suggested rename that would start with a refused prefix. */
  renamePrefix?: string;
  /** Said after the source, inside its parentheses. */
  note?: string;
  /**
   * When ecsim's rule is narrower than AWS's: the parentheses' whole text in place of "as
   * <source> requires<note>" (what AWS allows, and that ecsim keeps to fewer, and why).
   */
  narrower?: string;
  /**
   * Why ecsim keeps the order the file lists these names in, when it does: a whole-number
   * name (isWholeNumberName) is then refused, as a JavaScript map lists those first, in
   * numeric order; `renamePrefix` (or "x-") starts the suggested rename.
   */
  writtenOrder?: string;
}

export const ECS_NAME_RULES = {
  service: { noun: 'service name', source: "CreateService's serviceName", renamePrefix: 'svc-', writtenOrder: 'services reconcile, and are placed, in the order written' },
  taskDefinition: { noun: 'task definition family', source: "RegisterTaskDefinition's family" },
  container: { noun: 'container name', source: "RegisterTaskDefinition's containerDefinitions name" },
} as const satisfies Record<string, NameRule>;

/**
 * Why ecsim keeps Application Auto Scaling's names to fewer characters than AWS: events.csv
 * says a policy's or an action's name inside a sentence ("target tracking cpu: 3 datapoints
 * ...", "TargetTracking-web-cpu-AlarmHigh OK -> ALARM: ...") and explain and the report
 * read it back as one word (src/output/explain/parse-scaling-activity.ts); docs/assumptions.md.
 */
const ONE_WORD = 'so that events.csv, explain and the report read a name as one word';

/**
 * Application Auto Scaling's names, by ecsim's rule: 1 to 256 letters, digits, "_", "-", "."
 * (and ":" in a policy's). AWS allows more: PutScalingPolicy's PolicyName is 1 to 256
 * characters of \p{Print}+ (any printable, spaces too); PutScheduledAction's
 * ScheduledActionName is 1 to 256 characters, none of them ":", "/", "|" or a control
 * character (U+0000-U+001F, U+007F-U+009F), not starting or ending with a space
 * (APIReference/API_PutScalingPolicy.html, API_PutScheduledAction.html). A scheduled action
 * name with ":" was accepted until now, and AWS refuses it.
 */
export const AAS_NAME_RULES = {
  policy: {
    noun: 'scaling policy name',
    source: "PutScalingPolicy's PolicyName",
    maxLength: 256,
    extra: ['_', '-', '.', ':'],
    narrower: `ecsim keeps policy names to these characters, though PutScalingPolicy's PolicyName also allows spaces and other printable ones, ${ONE_WORD}`,
    renamePrefix: 'policy-',
    writtenOrder: "a service's policies are evaluated, and their events written, in the order written",
  },
  scheduledAction: {
    noun: 'scheduled action name',
    source: "PutScheduledAction's ScheduledActionName",
    maxLength: 256,
    extra: ['_', '-', '.'],
    narrower: `PutScheduledAction's ScheduledActionName refuses ":", "/", "|" and control characters; ecsim keeps to these characters, though AWS also allows spaces and others, ${ONE_WORD}`,
    renamePrefix: 'action-',
    // "in the order that they are specified", scheduled-scaling-policy-overview.html
    writtenOrder: 'actions firing at the same instant run in the order written, as in Application Auto Scaling',
  },
} as const satisfies Record<string, NameRule>;

/**
 * What is wrong with `name` under `rule`, else undefined: one clause (expected,
 * found, what is not allowed) and a suggested rename ("." and other characters made "-"),
 * not one of `taken` (the map's other names).
 */
export function nameProblem(name: string, rule: NameRule, taken: ReadonlySet<string> = new Set()): string | undefined {
  const max = rule.maxLength ?? 255;
  const extra = rule.extra ?? ['_', '-'];
  const allowed = `A-Za-z0-9${extra.map((c) => `\\${c}`).join('')}`;
  const words = ['letters', 'digits', ...extra.map((c) => JSON.stringify(c))];
  const characters = `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  const prefixes = rule.refusedPrefixes ?? [];
  const prefixRule = prefixes.length > 0 ? `, not starting with ${prefixes.map((x) => JSON.stringify(x)).join(', ').replace(/, ([^,]*)$/, ' or $1')} in any case` : '';
  const why = rule.narrower ?? `as ${rule.source} requires${rule.note ?? ''}`;
  const expected = `expected a ${rule.noun} of 1 to ${max} ${characters}${prefixRule} (${why})`;
  if (name.length === 0) return `${expected}, found an empty name`;
  const found = `found ${JSON.stringify(cutText(name, 60, 40))}`;
  if (name.length > max) return `${expected}, ${found} (${name.length} characters)`;
  const bad = [...new Set(name.replace(new RegExp(`[${allowed}]`, 'g'), ''))];
  const lower = name.toLowerCase();
  const prefix = prefixes.find((x) => lower.startsWith(x.toLowerCase()));
  if (bad.length === 0 && prefix === undefined) {
    if (rule.writtenOrder === undefined || !isWholeNumberName(name)) return undefined;
    let renamed = `${rule.renamePrefix ?? 'x-'}${name}`;
    for (let i = 2; taken.has(renamed); i++) renamed = `${rule.renamePrefix ?? 'x-'}${name}-${i}`;
    return (
      `expected a ${rule.noun} that is not a whole number (${rule.writtenOrder}, and ecsim reads a map's whole-number names before the others, ` +
      `in numeric order, whatever the file's order), found "${name}"; rename it, e.g. "${renamed}"`
    );
  }
  const what = bad.length > 0 ? ` (${bad.map((c) => (c === ' ' ? 'a space' : JSON.stringify(c))).join(', ')} not allowed)` : ` (starts with "${name.slice(0, prefix!.length)}")`;
  let fixed = name.replace(new RegExp(`[^${allowed}]`, 'g'), '-');
  if (prefixes.some((x) => fixed.toLowerCase().startsWith(x.toLowerCase()))) fixed = `${rule.renamePrefix ?? 'x-'}${fixed}`;
  fixed = fixed.slice(0, max);
  // not a name the map already has
  for (let i = 2; taken.has(fixed); i++) fixed = `${fixed.replace(/-\d+$/, '').slice(0, max - 5)}-${i}`;
  return `${expected}, ${found}${what}; rename it, e.g. "${fixed}"`;
}

/** A map keyed by names `rule` constrains (services, task definitions, containers; scaling policies, scheduled actions): a name outside it is refused, with a rename. */
export function ruleNamed<T extends z.ZodType>(rule: NameRule, value: T) {
  return checkedAlongside((map) => {
    if (!isMap(map)) return [];
    const names = new Set(Object.keys(map));
    return [...names].flatMap((name) => {
      const problem = nameProblem(name, rule, names);
      return problem === undefined ? [] : [{ path: [name], message: problem }];
    });
  }, z.record(z.string(), value));
}

/**
 * A duration in integer milliseconds: a number of seconds or "250ms", "90s", "3d10h"; at
 * most `maxMs` (parseDuration; Infinity: the caller bounds it, as `duration` and wholeSeconds do).
 */
function durationUpTo(maxMs: number) {
  return z.unknown().transform((value, ctx) => {
    const r = parseDuration(value, maxMs);
    if (typeof r === 'string') {
      ctx.addIssue({ code: 'custom', message: r });
      return z.NEVER;
    }
    return r;
  });
}

/** A duration in integer milliseconds, at most MAX_DURATION_MS (ten years). */
export const duration = durationUpTo(MAX_DURATION_MS);

/**
 * A duration from `minMs` to `maxMs` (both within ten years); `why` says where the range
 * comes from. "expected a duration from 1 ms to 6h (...), found 7h".
 */
export function durationWithin(minMs: number, maxMs: number, why: string) {
  return durationUpTo(MAX_DURATION_MS).superRefine((ms, ctx) => {
    if (ms < minMs || ms > maxMs) {
      ctx.addIssue({ code: 'custom', message: `expected a duration from ${minMs === 0 ? '0' : formatDuration(minMs)} to ${formatDuration(maxMs)} (${why}), found ${formatDuration(ms)}` });
    }
  });
}

/** A duration > 0 ms, at most MAX_DURATION_MS (ten years). */
export const positiveDuration = positiveDurationUpTo(MAX_DURATION_MS);

/**
 * A duration > 0 ms and at most `maxMs` (Infinity: the caller bounds it); `why`, the
 * reason for the bound, is said with it. A value above
 * zero that rounds to 0 ms (0.0004 s, "0.4ms") is told so: "expected a duration greater
 * than zero" read wrong for it.
 */
export function positiveDurationUpTo(maxMs: number, why?: string) {
  return z.unknown().transform((value, ctx) => {
    // a negative one is said against this bound (parseDuration's is ">= 0")
    if (isNegativeDuration(value)) {
      ctx.addIssue({ code: 'custom', message: negativeDurationMessage(value, 'greater than zero') });
      return z.NEVER;
    }
    const r = parseDuration(value, maxMs, why);
    if (typeof r === 'string') {
      ctx.addIssue({ code: 'custom', message: r });
      return z.NEVER;
    }
    if (r <= 0) {
      const aboveZero = typeof value === 'number' ? value > 0 : typeof value === 'string' && /[1-9]/.test(value);
      ctx.addIssue({
        code: 'custom',
        message: aboveZero
          ? `expected a duration of at least 1 ms, found ${describe(value)}, which rounds to 0 ms (durations are whole milliseconds${typeof value === 'number' ? '; a bare number is seconds' : ''})`
          : `expected a duration greater than zero, found ${describe(value)}`,
      });
      return z.NEVER;
    }
    return r;
  });
}

/**
 * A duration AWS takes as a whole number of seconds (an Integer in its API): "1500ms" or
 * 1.5 is refused rather than run with a value AWS would not accept, and so is one above
 * 2,147,483,647 s, the largest Integer. `field` names the AWS field in the message; `range`,
 * if given, the seconds AWS accepts and where that is said.
 */
export function wholeSeconds(field: string, range?: { min: number; max: number; source: string }) {
  // AWS's bound, not ecsim's ten years (MAX_DURATION_MS): a cooldown AWS accepts is not refused
  return durationUpTo(Infinity).superRefine((ms, ctx) => {
    // 1e308 s is Infinity ms, which each bound below refuses: said as seconds, not "Infinitys"
    const found = Number.isFinite(ms) ? `${ms / 1000}s` : `more than ${Number.MAX_VALUE}s`;
    // the range first: 1e300 is out of it before it is any fraction (it was called no whole number)
    if (range && (ms < range.min * 1000 || ms > range.max * 1000)) {
      ctx.addIssue({ code: 'custom', message: `expected ${range.min}s to ${range.max}s (${range.source}), found ${found}` });
    } else if (!range && ms > MAX_API_INTEGER * 1000) {
      ctx.addIssue({ code: 'custom', message: `expected at most ${MAX_API_INTEGER}s (${field} is an Integer of seconds), found ${found}` });
    } else if (ms % 1000 !== 0) ctx.addIssue({ code: 'custom', message: `expected a whole number of seconds (${field} is an Integer of seconds), found ${found}` });
  });
}

/** A whole number AWS accepts only from `min` to `max`; `source` names the AWS limit in the message. */
export function intWithin(min: number, max: number, source: string) {
  return z.unknown().transform((value, ctx): number => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    ctx.addIssue({ code: 'custom', message: `expected a whole number from ${min} to ${max} (${source}), found ${describe(value)}` });
    return z.NEVER;
  });
}

/**
 * An object discriminated by one key (`distribution`, `policyType`): the key's value picks
 * the schema, so errors speak of that variant instead of "no union member matched". Without
 * a known tag value, the map's keys that no variant knows are reported too, with a hint; a
 * key that is the tag misspelt is said as that ("polcyType": did you mean "policyType"?),
 * not again as the tag "found nothing". A tag of `unmodelled` (an AWS value ecsim does not
 * model: `policyType: PredictiveScaling`) is refused with its note alone, not with the keys
 * that go with it (`predictiveScalingPolicyConfiguration`) reported unknown besides.
 */
export function discriminated<const K extends string, M extends Record<string, z.ZodType>>(
  key: K,
  variants: M,
  unmodelled: Readonly<Record<string, string>> = {},
) {
  const names = Object.keys(variants);
  return z.unknown().transform((value, ctx): z.output<M[keyof M]> => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: `expected a map with "${key}" (${names.join(' | ')}), found ${describe(value)}` });
      return z.NEVER;
    }
    const tag = (value as Record<string, unknown>)[key];
    if (typeof tag === 'string' && Object.hasOwn(unmodelled, tag)) {
      ctx.addIssue({ code: 'custom', path: [key], message: `expected one of ${names.join(' | ')}, found ${describe(tag)} (${unmodelled[tag]})` });
      return z.NEVER;
    }
    // an own key only: `toString` names a function every object inherits
    const schema = typeof tag === 'string' && Object.hasOwn(variants, tag) ? variants[tag] : undefined;
    if (!schema) {
      // no variant to check the map with: its keys that no variant knows are named here (a
      // misspelt tag key among them, said as such rather than the tag as "found nothing")
      const variantKeys = Object.values(variants).map((v) => mapKeys.get(v)?.keys);
      let tagKeyMisspelt = false;
      // (a variant not made by strict() has keys unknown here: then none is called unknown)
      if (variantKeys.every((k) => k !== undefined)) {
        const known = [...new Set([key, ...variantKeys.flat()])];
        const lacked = known.filter((k) => (value as Record<string, unknown>)[k] === undefined);
        for (const k of Object.keys(value)) {
          if (known.includes(k)) continue;
          // a well-known AWS key a variant notes (strict()'s notes): said so, no guess
          const note = Object.values(variants)
            .map((v) => mapKeys.get(v)?.notes)
            .find((n) => n !== undefined && Object.hasOwn(n, k));
          if (note !== undefined) {
            ctx.addIssue({ code: 'custom', path: [k], message: `unknown key "${k}" (${note[k]}); expected one of: ${known.join(', ')}` });
            continue;
          }
          let suggestions = keyHint(k, lacked, known);
          // without the tag, a key that could be it ("type" for policyType) is the tag misspelt
          if (tag === undefined && (suggestions.includes(key) || likelyMeant(k, [key]).length === 1)) suggestions = [key];
          if (tag === undefined && suggestions.length === 1 && suggestions[0] === key) tagKeyMisspelt = true;
          ctx.addIssue({ code: 'custom', path: [k], message: unknownKeyMessage(k, known, suggestions) });
        }
      }
      if (!tagKeyMisspelt) {
        const hint = typeof tag === 'string' ? didYouMean(tag, names) : '';
        ctx.addIssue({ code: 'custom', path: [key], message: `expected one of ${names.join(' | ')}, found ${describe(tag)}${hint}` });
      }
      return z.NEVER;
    }
    // a key of another variant only ("cooldown", a StepScaling key, on a TargetTrackingScaling
    // policy) is said to be one, with the keys of this variant it may mean
    const own = mapKeys.get(schema)?.keys;
    const r = schema.safeParse(value, { reportInput: true });
    if (r.success) return r.data as z.output<M[keyof M]>;
    for (const issue of r.error.issues) {
      const k = issue.path.length === 1 ? issue.path[0] : undefined;
      const others = typeof k === 'string' && own !== undefined && !own.includes(k) ? names.filter((n) => n !== tag && mapKeys.get(variants[n])?.keys.includes(k)) : [];
      const message =
        others.length > 0 && typeof k === 'string' && own !== undefined
          ? `unknown key "${k}" (a key of ${key} ${others.join(' or ')}, not of ${tag}${meantClause(keyHint(k, own.filter((o) => (value as Record<string, unknown>)[o] === undefined), own))}); expected one of: ${own.join(', ')}`
          : issueMessage(issue);
      ctx.addIssue({ code: 'custom', path: issue.path as (string | number)[], message });
    }
    return z.NEVER;
  });
}

/**
 * Parses `value` with `schema` inside another transform, forwarding its issues (those `keep`
 * keeps, when given).
 */
export function forward<S extends z.ZodType>(schema: S, value: unknown, ctx: z.RefinementCtx, keep?: (issue: z.core.$ZodIssue) => boolean): z.output<S> {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    if (keep === undefined || keep(issue)) ctx.addIssue({ code: 'custom', path: issue.path as (string | number)[], message: issueMessage(issue) });
  }
  return z.NEVER;
}

/** `forward`, for a value at `prefix` below the transform's own place: its issues' paths begin with `prefix`. */
export function forwardAt<S extends z.ZodType>(prefix: (string | number)[], schema: S, value: unknown, ctx: z.RefinementCtx): z.output<S> {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', path: [...prefix, ...(issue.path as (string | number)[])], message: issueMessage(issue) });
  return z.NEVER;
}

/** zod's type names in words. */
const TYPE_WORDS: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a map',
  record: 'a map',
  array: 'a list',
};

const items = (n: number | bigint) => `${n} ${n === 1 || n === 1n ? 'item' : 'items'}`;

/** `Infinity (too large: a number is at most about 1.8e308)`: what a number too large for a double is said as. */
export const INFINITY_FOUND = (input: number): string => `${input} (too large: a number is at most about ${input > 0 ? '' : '-'}1.8e308)`;

/** A person's sentence for a zod issue: what was expected, what was found. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  const found = 'input' in issue ? describe(issue.input) : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      // a number too large for a double (1e400) parses to Infinity (load.ts puts what was written in its place)
      if (issue.expected === 'number' && (issue.input === Infinity || issue.input === -Infinity)) return `expected a finite number, found ${INFINITY_FOUND(issue.input)}`;
      return issue.input === undefined ? `required: expected ${expected}` : `expected ${expected}, found ${found}`;
    }
    case 'too_small':
      return `expected ${issue.origin === 'array' ? 'at least ' + items(issue.minimum) : (issue.inclusive ? '>= ' : '> ') + issue.minimum}, found ${found}`;
    case 'too_big':
      return `expected ${issue.origin === 'array' ? 'at most ' + items(issue.maximum) : (issue.inclusive ? '<= ' : '< ') + issue.maximum}, found ${found}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(' | ')}, found ${found}`;
    case 'invalid_format':
      // a regex's message says what is expected; the value found goes after it
      return found === undefined ? issue.message : `${issue.message}, found ${found}`;
    case 'invalid_key': {
      // a map's key its record's key schema refuses: the key's own rule, and the key
      const key = issue.path[issue.path.length - 1];
      const rule = issue.issues[0]?.message ?? 'expected a valid name';
      return `${rule}, found the name ${JSON.stringify(String(key))}`;
    }
    default:
      return issue.message;
  }
}

/**
 * For a .refine() relating keys of a strict() map: runs it once `keys` parsed, also when the
 * map has an unknown key (zod would skip it beside any problem of the map, so a wrong
 * `max < min` went unsaid until the unknown key was fixed).
 */
export function whenParsed(...keys: string[]) {
  return (payload: z.core.ParsePayload) => isMap(payload.value) && keys.every((k) => typeof (payload.value as Record<string, unknown>)[k] === 'number');
}

const distributions = {
  fixed: strict({ distribution: z.literal('fixed'), value: duration }),
  uniform: strict({ distribution: z.literal('uniform'), min: duration, max: duration }).superRefine(
    (d, ctx) => {
      if (!(d.max >= d.min)) ctx.addIssue({ code: 'custom', path: ['max'], message: `expected a duration >= min (${formatDuration(d.min)}), found ${formatDuration(d.max)}` });
    },
    { when: whenParsed('min', 'max') },
  ),
  exponential: strict({ distribution: z.literal('exponential'), mean: positiveDuration }),
  normal: strict({ distribution: z.literal('normal'), mean: duration, sd: duration }),
  lognormal: strict({ distribution: z.literal('lognormal'), median: positiveDuration, p95: positiveDuration }).superRefine(
    (d, ctx) => {
      if (!(d.p95 >= d.median)) ctx.addIssue({ code: 'custom', path: ['p95'], message: `expected a duration >= median (${formatDuration(d.median)}), found ${formatDuration(d.p95)}` });
    },
    { when: whenParsed('median', 'p95') },
  ),
};
const distributionObject = discriminated('distribution', distributions);

/**
 * The keys of each distribution written as a bare number of seconds (`3600`, `"3600"`,
 * `{ distribution: fixed, value: 3600 }`, `{ distribution: exponential, mean: 40 }`), not
 * with a unit: a delay past the end of the run is then likely milliseconds meant
 * (warnings.ts delaysPastTheEnd), and so is a service time 100 times too long (checks.ts
 * workloads). Kept aside, not as keys of the parsed value, so that `3600` and `1h` parse
 * to equal values.
 */
const bareNumberKeys = new WeakMap<object, Set<string>>();

/** Whether the fixed distribution `d` was written as a bare number of seconds. */
export function writtenAsBareNumber(d: DurationDistribution): boolean {
  return d.distribution === 'fixed' && bareNumberKeys.get(d)?.has('value') === true;
}

/**
 * Whether `d`'s mean is a value written as a bare number of seconds: a fixed value, an
 * exponential's or a normal's mean (a uniform's or a lognormal's mean is no written value).
 */
export function meanWrittenAsBareNumber(d: DurationDistribution): boolean {
  const key = d.distribution === 'fixed' ? 'value' : d.distribution === 'exponential' || d.distribution === 'normal' ? 'mean' : undefined;
  return key !== undefined && bareNumberKeys.get(d)?.has(key) === true;
}


/** A distribution of durations (ms); a plain duration is a fixed value. */
export const distribution = z.unknown().transform((value, ctx) => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const parsed = forward(distributionObject, value, ctx);
    if (parsed !== null && typeof parsed === 'object') {
      const bare = Object.keys(parsed).filter((k) => k !== 'distribution' && isBareNumber((value as Record<string, unknown>)[k]));
      if (bare.length > 0) bareNumberKeys.set(parsed, new Set(bare));
    }
    return parsed;
  }
  const fixed = { distribution: 'fixed' as const, value: forward(duration, value, ctx) };
  if (isBareNumber(value)) bareNumberKeys.set(fixed, new Set(['value']));
  return fixed;
});
export type DurationDistribution = z.infer<typeof distribution>;

/**
 * One of `values`. `note`, for a value found that is not one, says what it is in place of a
 * "did you mean" (an AWS spelling of one, or a name of something ecsim does not model, which
 * a few letters would otherwise match to a different thing); undefined: the usual guess.
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, why?: string, note?: (found: string) => string | undefined) {
  const schema = z.unknown().transform((value, ctx): T[number] => {
    if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T[number];
    const noted = typeof value === 'string' ? note?.(value) : undefined;
    const hint = noted !== undefined ? ` (${noted})` : typeof value === 'string' ? didYouMean(value, values) : '';
    ctx.addIssue({ code: 'custom', message: `expected one of ${values.join(' | ')}, found ${describe(value)}${hint}${why === undefined ? '' : ` (${why})`}` });
    return z.NEVER;
  });
  oneOfValues.add(schema, { values });
  return schema;
}

export const enabled = oneOf(['ENABLED', 'DISABLED'] as const);
export const percent = z.number().min(0).max(100);

/**
 * `unknown key "x" (did you mean ...); expected one of: ...`. A YAML merge key (`<<: *base`)
 * is not YAML 1.2, which ecsim reads: it arrives as a key named "<<", and is said to be one.
 */
export function unknownKeyMessage(key: string, known: readonly string[], meant?: readonly string[]): string {
  const merge = key === '<<' ? ' (a YAML merge key: merge keys are not supported, anchors & and aliases * are; alias a whole value or write the keys out)' : meant ? meantHint(meant) : didYouMean(key, known);
  return `unknown key "${key}"${merge}; expected one of: ${known.join(', ')}`;
}
