// Durations written as a bare number, which is seconds: `scaleOutCooldown: 300000` meant as
// ms is 83h20m. Such a value at or after the end of the run is warned of with a "did you mean"
// in ms (warnings.ts bareSecondsPastTheEnd; the delays of delaysPastTheEnd get the same hint),
// when it reads like milliseconds: 1000 or more (AWS's own `deregistrationDelay: 300` in a
// 5-minute run is no slip).

import type { Path } from './resolve.js';

/**
 * The keys this applies to, from the schema: every duration that is a span of time (not a
 * point in time such as a load change's `at`, not the run's own `duration`) and has no check
 * of its own against the end of the run: AWS's whole-second settings (cooldowns, warm-ups,
 * stopTimeout, the target group's deregistration delay). Not the target group's health check
 * interval: refused above 300 s (HealthCheckIntervalSeconds), so a bare 1000 never gets here. Not the
 * model's mean times between Spot interruptions or its AZ rebalancing interval: longer than
 * the run is their usual case (an interruption a day in a one-hour run). (Delay
 * distributions: delaysPastTheEnd; metrics.period and publishDelay: metricsAfterTheEnd; an
 * alarm's period is held to PutMetricAlarm's bounds; healthCheckGracePeriodSeconds is an
 * integer of seconds by its very name.) `*` is any name.
 */
export const BARE_SECONDS_KEYS: readonly (readonly string[])[] = [
  ['cluster', 'capacityProviders', '*', 'autoScalingGroup', 'targetTrackingPolicy', 'estimatedInstanceWarmup'],
  ['cluster', 'capacityProviders', '*', 'managedScaling', 'instanceWarmupPeriod'],
  ['taskDefinitions', '*', 'stopTimeout'],
  ['services', '*', 'autoScaling', 'policies', '*', 'scaleOutCooldown'],
  ['services', '*', 'autoScaling', 'policies', '*', 'scaleInCooldown'],
  ['services', '*', 'autoScaling', 'policies', '*', 'cooldown'],
  ['services', '*', 'loadBalancer', 'deregistrationDelay'],
];

/** Whether a written value is a bare number of seconds: a number, or a string of digits ("3600"). */
export function isBareNumber(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()));
}

/** The least bare number read as a likely slip for milliseconds: 1000 (one second in ms). */
export const LIKELY_MS = 1000;

/**
 * What a warning adds for a duration of `ms` written as a bare number: `; written as a bare
 * number, that is seconds (did you mean "60000ms"?)`; '' when the number has a fraction
 * (60.5 s as "60.5ms" would be no likelier) or is below LIKELY_MS (300 s is a usual number
 * of seconds; 300 ms is no likelier).
 */
export function bareSecondsHint(ms: number): string {
  return ms % 1000 === 0 && ms / 1000 >= LIKELY_MS ? `; written as a bare number, that is seconds (did you mean "${ms / 1000}ms"?)` : '';
}

/** The keys of BARE_SECONDS_KEYS that the raw (valid) scenario writes as a bare number, with their ms. */
export function bareSecondsWritten(raw: unknown): { at: Path; ms: number }[] {
  const out: { at: Path; ms: number }[] = [];
  const walk = (value: unknown, pattern: readonly string[], at: Path) => {
    if (pattern.length === 0) {
      if (isBareNumber(value)) out.push({ at, ms: Math.round(Number(value) * 1000) });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const [head, ...rest] = pattern;
    const keys = head === '*' ? Object.keys(value) : Object.hasOwn(value, head) ? [head] : [];
    for (const key of keys) walk((value as Record<string, unknown>)[key], rest, [...at, key]);
  };
  for (const pattern of BARE_SECONDS_KEYS) walk(raw, pattern, []);
  return out;
}
