// Durations written as a bare number, which is seconds: `scaleOutCooldown: 300000` meant as
// ms is 83h20m. Such a value at or after the end of the run is warned of with a "did you mean"
// in ms (warnings.ts bareSecondsPastTheEnd; the delays of delaysPastTheEnd get the same hint).

import type { Path } from './resolve.js';

/**
 * The keys this applies to, from the schema: every duration that is a span of time (not a
 * point in time such as a load change's `at`, not the run's own `duration`) and has no check
 * of its own against the end of the run: AWS's whole-second settings (cooldowns, warm-ups,
 * stopTimeout, the target group's deregistration delay and health check interval) and the
 * model's mean times between Spot interruptions and its AZ rebalancing interval. (Delay
 * distributions: delaysPastTheEnd; metrics.period and publishDelay: metricsAfterTheEnd; an
 * alarm's period is held to PutMetricAlarm's bounds; healthCheckGracePeriodSeconds is an
 * integer of seconds by its very name.) `*` is any name.
 */
export const BARE_SECONDS_KEYS: readonly (readonly string[])[] = [
  ['cluster', 'capacityProviders', '*', 'autoScalingGroup', 'targetTrackingPolicy', 'estimatedInstanceWarmup'],
  ['cluster', 'capacityProviders', '*', 'autoScalingGroup', 'spotInterruptions', 'meanTimeBetween'],
  ['cluster', 'capacityProviders', '*', 'managedScaling', 'instanceWarmupPeriod'],
  ['cluster', 'capacityProviders', '*', 'interruptions', 'meanTimeBetween'],
  ['cluster', 'availabilityZoneRebalancingInterval'],
  ['taskDefinitions', '*', 'stopTimeout'],
  ['services', '*', 'autoScaling', 'policies', '*', 'scaleOutCooldown'],
  ['services', '*', 'autoScaling', 'policies', '*', 'scaleInCooldown'],
  ['services', '*', 'autoScaling', 'policies', '*', 'cooldown'],
  ['services', '*', 'loadBalancer', 'deregistrationDelay'],
  ['services', '*', 'loadBalancer', 'healthCheck', 'interval'],
];

/** Whether a written value is a bare number of seconds: a number, or a string of digits ("3600"). */
export function isBareNumber(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()));
}

/**
 * What a warning adds for a duration of `ms` written as a bare number: `; written as a bare
 * number, that is seconds (did you mean "60000ms"?)`; '' when the number has a fraction
 * (60.5 s as "60.5ms" would be no likelier).
 */
export function bareSecondsHint(ms: number): string {
  return ms % 1000 === 0 ? `; written as a bare number, that is seconds (did you mean "${ms / 1000}ms"?)` : '';
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
