// The scenario format (../shared/design/scenario.yaml) as a zod schema. The types the
// simulator uses are inferred from it: one source of truth. Durations come out in ms.

import { distance } from 'fastest-levenshtein';
import { z } from 'zod';
import {
  discriminated,
  distribution,
  duration,
  durationWithin,
  enabled,
  ruleNamed,
  AAS_NAME_RULES,
  nameProblem,
  ECS_NAME_RULES,
  type NameRule,
  oneOf,
  percent,
  wholeSeconds,
  intWithin,
  positiveDuration,
  positiveDurationUpTo,
  strict,
  strictKeys,
  checkedBefore,
  checkedAlongside,
  forward,
  forwardAt,
  type RawIssue,
} from './schema-helpers.js';
import { traceSchema } from './trace-schema.js';
import { INSTANCE_CATALOG, lookupInstanceType, type CustomInstanceType } from '../model/capacity/instance-catalog.js';
import { describe, formatDuration, MAX_DURATION_MS } from './duration.js';
import { DEFAULT_ACTIVATION_METRICS_DELAY_MS, DEFAULT_INACTIVE_AFTER_MS, MAX_RETENTION_MS, MIN_RETENTION_MS } from '../workload/service/resolve-config.js';
import { MAX_PRICE_PER_HOUR, MAX_PRICE_WHY } from '../model/pricing/max-price.js';
import { likelyMeant, timeZoneHint } from './did-you-mean.js';
import { ACTION_TIME_EXPECTED, MAX_API_INTEGER, MAX_TARGET_VALUE, MIN_TARGET_MAGNITUDE, defaultStatistic, scheduledActionTimeProblems } from '../scaling/index.js';
import { impossibleDateTime, timeZoneNameProblem } from '../engine/index.js';


/** The run's name: also the default results folder's, so no spaces or slashes. */
const scenarioName = z.string().transform((value, ctx) => {
  if (/^[A-Za-z0-9_.-]+$/.test(value) && value !== '.' && value !== '..') return value;
  ctx.addIssue({ code: 'custom', message: `expected a name of letters, digits, "_", "-" and ".", other than "." or ".." (it names the results folder), found ${describe(value)}` });
  return z.NEVER;
});

/** An ISO-8601 time with its offset, e.g. 2026-03-02T09:00:00Z; a date that does not exist is refused. */
const startTime = z.string().transform((value, ctx) => {
  const ok = z.iso.datetime({ offset: true }).safeParse(value).success && !Number.isNaN(Date.parse(value)) && sameDay(value);
  if (ok) return value;
  // written well but no instant (2026-02-30, 25:00): said so, not as text of the wrong shape
  const impossible = impossibleDateTime(value);
  if (impossible !== undefined) {
    ctx.addIssue({ code: 'custom', message: `expected a date and time that exist, found ${describe(value)}: ${impossible}` });
    return z.NEVER;
  }
  ctx.addIssue({ code: 'custom', message: `expected an ISO-8601 time with its offset, like 2026-03-02T09:00:00Z or 2026-03-02T10:00:00+01:00, found ${describe(value)}` });
  return z.NEVER;
});

/**
 * Whether the date part names a real day (Date.parse rolls 2026-02-30 over into March). The
 * year is set with setUTCFullYear: Date.UTC reads 0 to 99 as 1900 to 1999 (0050 as 1950).
 */
function sameDay(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const int = z.number().int();
const nonNegInt = int.min(0);

/**
 * ECS's quota of container instances registered per cluster (5,000, not adjustable:
 * AmazonECS/latest/developerguide/service-quotas.html, operating-at-scale-service-quotas.html).
 */
export const MAX_CLUSTER_INSTANCES = 5000;
/** ECS's default quota of tasks per service (5,000: AmazonECS/latest/developerguide/service-quotas.html). */
export const MAX_SERVICE_TASKS = 5000;
/**
 * An ecsim bound, no AWS quota: requests one task serves at once. A larger figure gave the
 * request model so many slots that a run did not end (and a synchronous run ignores Ctrl-C).
 */
export const MAX_CONCURRENCY = 10_000;

/** A whole number >= 0 and at most `max`; above it "expected at most max (why), found n". */
function countUpTo(max: number, why: string) {
  return nonNegInt.superRefine((n, ctx) => {
    if (n > max) ctx.addIssue({ code: 'custom', message: `expected at most ${max} (${why}), found ${n}` });
  });
}
const INSTANCES_WHY = `the ECS quota of ${MAX_CLUSTER_INSTANCES} container instances registered per cluster`;
const TASKS_WHY = `the ECS quota of ${MAX_SERVICE_TASKS} tasks per service`;
const instanceCount = countUpTo(MAX_CLUSTER_INSTANCES, INSTANCES_WHY);
/** A price in USD an hour: >= 0 and at most MAX_PRICE_PER_HOUR (larger figures overflowed the cost totals). */
const price = z.number().min(0).superRefine((n, ctx) => {
  if (n > MAX_PRICE_PER_HOUR) ctx.addIssue({ code: 'custom', message: `expected at most ${MAX_PRICE_PER_HOUR} (${MAX_PRICE_WHY}), found ${n}` });
});
const taskCount = countUpTo(MAX_SERVICE_TASKS, TASKS_WHY);

// ---------------------------------------------------------------- capacity providers

// the bounds validateCustomInstanceType (model/capacity/instance-catalog.ts) holds a custom type to
const customInstanceType = strict({
  name: z.string().min(1),
  vcpu: int.min(1),
  memoryMiB: int.min(512),
  enis: int.min(1).default(3),
  price,
  cpuArchitecture: oneOf(['x86_64', 'arm64'] as const).default('x86_64'),
});

/**
 * An instance type: a name (m5.large) or a custom type's map. A map is checked as a custom
 * type, so its problems are named (z.union said only "Invalid input").
 */
const instanceType = z.unknown().transform((value, ctx): string | z.output<typeof customInstanceType> => {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return forward(customInstanceType, value, ctx);
  ctx.addIssue({ code: 'custom', message: `expected an instance type name (e.g. m5.large) or a custom type's map (name, vcpu, memoryMiB, price), found ${describe(value)}` });
  return z.NEVER;
});

/**
 * A name in instanceTypes that is no built-in type and no custom type of the same list,
 * reported with the rest of the scenario's problems (lookupInstanceType's message).
 */
function unknownTypeNames(value: unknown): RawIssue[] {
  if (!Array.isArray(value)) return [];
  const custom = value.filter((t): t is CustomInstanceType => t !== null && typeof t === 'object' && typeof (t as { name?: unknown }).name === 'string');
  const issues: RawIssue[] = [];
  value.forEach((t, i) => {
    if (typeof t !== 'string' || INSTANCE_CATALOG.has(t) || custom.some((c) => c.name === t)) return;
    try {
      lookupInstanceType(t, custom);
    } catch (e) {
      issues.push({ path: [i], message: e instanceof Error ? e.message : String(e) });
    }
  });
  return issues;
}

/**
 * A type listed twice (by name, or a custom type's map and its name): an on-demand group
 * launches its first type only, so the repeat did nothing while a warning called it
 * ignored; a Spot group's rotation took the type twice as often, unsaid. Two custom maps of
 * one name are said by checks.ts (customTypeProblem), with their definitions.
 */
function repeatedTypeNames(value: unknown): RawIssue[] {
  if (!Array.isArray(value)) return [];
  const nameOf = (t: unknown) => (typeof t === 'string' ? t : t !== null && typeof t === 'object' && typeof (t as { name?: unknown }).name === 'string' ? (t as { name: string }).name : undefined);
  const names = value.map(nameOf);
  const issues: RawIssue[] = [];
  names.forEach((name, i) => {
    if (name === undefined) return;
    const first = names.indexOf(name);
    if (first === i || (typeof value[first] !== 'string' && typeof value[i] !== 'string')) return;
    // a custom map named like a built-in type: that is its problem (checks.ts), not a repeat
    if (INSTANCE_CATALOG.has(name) && (typeof value[first] !== 'string' || typeof value[i] !== 'string')) return;
    issues.push({ path: [i], message: `expected distinct instance types, found ${name} again (the same as [${first}]); remove one (an on-demand group launches its first type only; a spot group would take it twice as often)` });
  });
  return issues;
}

/** Notes under their keys and under AWS's own spelling of them (SuspendedState, ResourceLabel). */
const withAwsSpelling = (notes: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(notes).flatMap(([k, note]) => [[k, note], [k[0].toUpperCase() + k.slice(1), note]]));

// An instance count written the way people say it: a few letters would guess instanceTypes.
const INSTANCE_COUNT = "an Auto Scaling group's instance count is desiredCapacity, from minSize to maxSize";
const INSTANCE_COUNT_NOTES = { instances: INSTANCE_COUNT, instanceCount: INSTANCE_COUNT };

/**
 * CreateAutoScalingGroup's keys for what ecsim does not model (autoscaling/ec2/APIReference/
 * API_CreateAutoScalingGroup.html, API_InstancesDistribution.html): refused with that said
 * and what to write instead, not with a "did you mean" (onDemandBaseCapacity would guess
 * desiredCapacity). Under ecsim's spelling and AWS's (OnDemandBaseCapacity).
 */
const ASG_NOT_MODELLED = 'an EC2 Auto Scaling key ecsim does not model';
const MIXED_INSTANCES = `${ASG_NOT_MODELLED}: no mixed instances policy, a group is all on-demand or all Spot (purchaseOption); for an on-demand base with Spot above it, give the service's capacityProviderStrategy two capacity providers, one with purchaseOption: spot, and base on the on-demand one; remove the key`;
const AUTO_SCALING_GROUP_NOTES = {
  ...INSTANCE_COUNT_NOTES,
  ...withAwsSpelling({
    ...Object.fromEntries(
      ['mixedInstancesPolicy', 'instancesDistribution', 'onDemandBaseCapacity', 'onDemandPercentageAboveBaseCapacity', 'onDemandAllocationStrategy', 'spotAllocationStrategy', 'spotInstancePools', 'spotMaxPrice'].map((k) => [k, MIXED_INSTANCES]),
    ),
    capacityRebalance: `${ASG_NOT_MODELLED}: no Capacity Rebalancing, a Spot instance is replaced when it terminates at the end of its interruption notice; remove the key`,
    terminationPolicies: `${ASG_NOT_MODELLED}: scale in follows the default termination policy (Availability Zone balance, then the instance closest to its next billing hour); remove the key`,
    newInstancesProtectedFromScaleIn: `${ASG_NOT_MODELLED} as such: for scale-in protection write managedTerminationProtection: ENABLED on the capacity provider (beside autoScalingGroup; it needs managedScaling with status ENABLED), which protects new instances as ECS requires; remove the key`,
    maxInstanceLifetime: `${ASG_NOT_MODELLED}: instances are not replaced for their age; remove the key`,
  }),
};

/** An instance's launch to registration when the group leaves launchDelay out (*model*). */
export const DEFAULT_LAUNCH_DELAY = { distribution: 'lognormal', median: 90_000, p95: 180_000 } as const;

/**
 * The mean of the exponential time between Spot interruptions: a rate, not a time within
 * the run, so not bounded by the longest run (a 5000d mean on a 10-year run still gives
 * interruptions); bounded at a million days, a round figure well within the whole
 * milliseconds a number holds exactly (about 104 million days).
 */
const meanTimeBetweenInterruptions = positiveDurationUpTo(
  1_000_000 * 86_400_000,
  'an ecsim bound, about 2700 years: a task would practically never be interrupted; leave interruptions out for none',
);

const autoScalingGroup = strict({
  // (a repeat is said beside a custom map's own problems, not instead of them)
  instanceTypes: checkedAlongside(
    (value) => {
      // an unknown name twice: said unknown at each, not also as a repeat
      const unknown = unknownTypeNames(value);
      return repeatedTypeNames(value).filter((r) => !unknown.some((u) => u.path[0] === r.path[0]));
    },
    checkedBefore(unknownTypeNames, z.array(instanceType).min(1)),
  ),
  purchaseOption: oneOf(['on-demand', 'spot'] as const).default('on-demand'),
  minSize: instanceCount.default(0),
  maxSize: instanceCount,
  desiredCapacity: instanceCount.optional(),
  launchDelay: distribution.default(DEFAULT_LAUNCH_DELAY),
  attributes: z.record(z.string(), z.string()).default({}),
  amiId: z.string().default('ami-ecs-optimized-al2023'),
  osType: z
    .unknown()
    .transform((value, ctx): 'linux' => {
      if (value === 'linux') return value;
      ctx.addIssue({ code: 'custom', message: `expected linux (ecsim models Linux instances only; ECS's ecs.os-type is linux or windows), found ${JSON.stringify(value)}` });
      return z.NEVER;
    })
    .default('linux'),
  reservedMemoryMiB: nonNegInt.default(0),
  spotInterruptions: strict({ meanTimeBetween: meanTimeBetweenInterruptions }).optional(),
  /** ECS_ENABLE_SPOT_INSTANCE_DRAINING: drain an instance at its Spot interruption notice (off in ECS by default). */
  spotInstanceDraining: z.boolean().default(false),
  /** EC2 Auto Scaling target tracking on the group's own metric (without ECS managed scaling). */
  targetTrackingPolicy: strict({
    predefinedMetricType: oneOf(['ASGAverageCPUUtilization'] as const),
    targetValue: z.number().positive().max(100),
    disableScaleIn: z.boolean().default(false),
    // PutScalingPolicy EstimatedInstanceWarmup: Integer seconds
    estimatedInstanceWarmup: wholeSeconds("EC2 Auto Scaling's EstimatedInstanceWarmup").default(300_000),
  }).optional(),
}, AUTO_SCALING_GROUP_NOTES);

const managedScaling = strict({
  status: enabled.default('ENABLED'),
  targetCapacity: int.min(1).max(100).default(100),
  minimumScalingStepSize: int.min(1).max(10_000).default(1),
  maximumScalingStepSize: int.min(1).max(10_000).default(10_000),
  // API_ManagedScaling.html: instanceWarmupPeriod, Integer, 0 to 10000 seconds
  instanceWarmupPeriod: wholeSeconds("ManagedScaling's instanceWarmupPeriod", { min: 0, max: 10_000, source: "ManagedScaling's instanceWarmupPeriod range" }).default(300_000),
});

export const asgProviderSchema = strict({
  autoScalingGroup,
  managedScaling: managedScaling.optional(),
  managedTerminationProtection: enabled.default('DISABLED'),
  managedDraining: enabled.default('ENABLED'),
});

const fargateProvisioning = distribution.default({ distribution: 'lognormal', median: 35_000, p95: 70_000 });
export const fargateProviderSchema = strict(
  { provisioningDelay: fargateProvisioning },
  { interruptions: 'only FARGATE_SPOT takes interruptions: a FARGATE (on-demand) task is not interrupted; move it to FARGATE_SPOT or remove it' },
);
export const fargateSpotProviderSchema = strict({
  provisioningDelay: fargateProvisioning,
  interruptions: strict({ meanTimeBetween: meanTimeBetweenInterruptions }).optional(),
});

/** The schema of a capacity provider's settings: its name picks it (FARGATE, FARGATE_SPOT, else an Auto Scaling group). */
export function providerSchemaFor(name: string) {
  return name === 'FARGATE' ? fargateProviderSchema : name === 'FARGATE_SPOT' ? fargateSpotProviderSchema : asgProviderSchema;
}

/**
 * The cluster's capacity providers: each entry is checked here with the schema its name
 * picks, so its problems are reported with the rest of the scenario's; the entries are kept
 * as written (resolve.ts parses them into each provider's config).
 */
const capacityProviders = z.record(z.string(), z.unknown()).transform((map, ctx) => {
  for (const [name, value] of Object.entries(map)) {
    const problem = capacityProviderNameProblem(name);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [name], message: problem });
    // `fargate_spot:` is a misspelt built-in provider, not a group: its keys are not checked
    // as a group's (no `interruptions: unknown key`, no `autoScalingGroup: required`)
    if (builtInMeant(name) !== undefined) continue;
    forwardAt([name], providerSchemaFor(name), value ?? {}, ctx);
  }
  return map;
});

/** FARGATE or FARGATE_SPOT when `name` is one of them written in another case, else undefined. */
export function builtInMeant(name: string): string | undefined {
  const upper = name.toUpperCase();
  return name !== upper && (upper === 'FARGATE' || upper === 'FARGATE_SPOT') ? upper : undefined;
}

/**
 * What is wrong with an Auto Scaling group capacity provider's name, else undefined.
 * CreateCapacityProvider's `name`: "Up to 255 characters are allowed. They include letters
 * (both upper and lowercase letters), numbers, underscores (_), and hyphens (-). The name
 * can't be prefixed with "aws", "ecs", or "fargate"" (APIReference/API_CreateCapacityProvider.html).
 * The prefixes are refused in any case: ECS refused a name starting "EcsCp" with that
 * sentence (aws/aws-cdk#36584); docs/assumptions.md.
 */
export function capacityProviderNameProblem(name: string): string | undefined {
  if (name === 'FARGATE' || name === 'FARGATE_SPOT') return undefined;
  const meant = builtInMeant(name);
  if (meant !== undefined) return `expected FARGATE or FARGATE_SPOT for a built-in provider, found ${JSON.stringify(name)}: the built-in providers are FARGATE and FARGATE_SPOT (case matters); write ${meant}`;
  return nameProblem(name, CAPACITY_PROVIDER_NAME);
}

const CAPACITY_PROVIDER_NAME: NameRule = {
  noun: 'capacity provider name',
  source: 'CreateCapacityProvider',
  refusedPrefixes: ['aws', 'ecs', 'fargate'],
  renamePrefix: 'cp-',
  note: '; FARGATE and FARGATE_SPOT are the built-in providers',
  writtenOrder: 'capacity providers act, and are written, in the order written',
};

const strategyItem = strict({
  capacityProvider: z.string(),
  base: int.min(0).max(100_000).default(0),
  weight: int.min(0).max(1000).default(0),
});
// "A capacity provider strategy can contain a maximum of 20 capacity providers" (the current
// ECS API model: AWS's SDK references for CreateService/RunTask capacityProviderStrategy and
// CapacityProviderStrategyItem; older revisions of API_CapacityProviderStrategyItem.html say 6)
export const capacityProviderStrategy = z.array(strategyItem).min(1).max(20);

// ------------------------------------------------------------------ task definitions

const portMapping = strict({
  containerPort: int.min(1).max(65535),
  hostPort: int.min(0).max(65535).optional(),
}, {
  protocol: "PortMapping's protocol, which ecsim does not take: it models no protocols; remove the key",
});

// Task-level cpu and memory are Strings in RegisterTaskDefinition: cpu as an integer of CPU
// units (1024) or a string of vCPUs ("1 vCPU", "1 vcpu"), memory as an integer of MiB (1024) or
// a string of GB ("1GB", "1 GB"), strings converted to the integer when the task definition is
// registered (APIReference/API_RegisterTaskDefinition.html). So here: the integer comes out,
// and scenario.json records it.
const TASK_CPU_FORMS = 'CPU units as a whole number > 0 (256), the same as a string ("256"), or vCPUs ("0.25 vCPU", "1 vcpu"; 1 vCPU = 1024 units)';
const TASK_MEMORY_FORMS = 'MiB as a whole number > 0 (512), the same as a string ("512"), or GB ("0.5 GB", "1GB"; 1 GB = 1024 MiB)';
/** `<n> <unit>` (any case, the space optional), n a decimal ("0.25", ".25", "2"): n, else undefined. */
function amountIn(text: string, unit: string): number | undefined {
  const m = new RegExp(`^(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*${unit}$`, 'i').exec(text);
  return m ? Number(m[1]) : undefined;
}
function taskSize(what: 'cpu' | 'memory') {
  const [forms, unit, unitName, per] = what === 'cpu' ? [TASK_CPU_FORMS, 'vcpu', 'vCPU', 'CPU units'] : [TASK_MEMORY_FORMS, 'gb', 'GB', 'MiB'];
  return z.unknown().transform((value, ctx): number => {
    let hint = '';
    // whole numbers past 2^53 - 1 are not held exactly (1e+23 CPU units): refused, saying so
    const tooLarge = ` (above ${Number.MAX_SAFE_INTEGER} ${per}, the largest whole number held exactly)`;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) hint = tooLarge;
    if (typeof value === 'string') {
      const text = value.trim();
      if (/^\d+$/.test(text) && Number(text) > 0) {
        if (Number.isSafeInteger(Number(text))) return Number(text);
        hint = tooLarge;
      }
      const n = amountIn(text, unit);
      if (n !== undefined && n > 0 && Number.isSafeInteger(n * 1024)) return n * 1024;
      if (n !== undefined && n > 0 && Number.isInteger(n * 1024)) hint = tooLarge;
      else if (n !== undefined && n > 0) hint = ` (${n} ${unitName} is ${n * 1024} ${per}, not a whole number)`;
      else if (what === 'memory' && amountIn(text, 'gib') !== undefined) hint = ` (write "${amountIn(text, 'gib')} GB": AWS reads GB as 1024 MiB)`;
    } else if (typeof value === 'number' && value > 0 && Number.isFinite(value) && Number.isSafeInteger(value * 1024)) {
      hint = ` (a bare number is ${per}; for ${value} ${unitName} write "${value} ${unitName}" or ${value * 1024})`;
    }
    ctx.addIssue({ code: 'custom', message: `expected ${forms}, found ${describe(value)}${hint}` });
    return z.NEVER;
  });
}

/**
 * A container's cpu, memory or memoryReservation: an Integer in ContainerDefinition (no
 * string forms, unlike the task's), so a string is refused with the number to write.
 */
function containerSize(what: 'cpu' | 'memory' | 'memoryReservation', base: z.ZodType<number>) {
  const cpu = what === 'cpu';
  return z.unknown().transform((value, ctx): number => {
    if (typeof value !== 'string') return forward(base, value, ctx);
    const text = value.trim();
    const n = amountIn(text, cpu ? 'vcpu' : 'gb');
    const write = /^\d+$/.test(text)
      ? `write ${text} without quotes`
      : n !== undefined && Number.isInteger(n * 1024)
        ? `so write ${n * 1024}`
        : undefined;
    const why = cpu ? 'container cpu is CPU units: 1 vCPU = 1024' : `container ${what} is MiB: 1 GB = 1024`;
    ctx.addIssue({ code: 'custom', message: `expected ${cpu ? 'CPU units' : 'MiB'} as a whole number, found ${describe(value)} (${why}${write === undefined ? '' : `, ${write}`})` });
    return z.NEVER;
  });
}

const containerDefinition = strict({
  cpu: containerSize('cpu', nonNegInt).default(0),
  memory: containerSize('memory', int.positive()).optional(),
  memoryReservation: containerSize('memoryReservation', int.positive()).optional(),
  portMappings: z.array(portMapping).default([]),
}, {
  essential: "ContainerDefinition's essential, which ecsim does not take: it models no container exits (a task's containers run until the task stops); remove the key",
  protocol: "a port mapping's key (PortMapping), which ecsim does not take: it models no protocols; remove the key",
  stopTimeout: 'in ecsim a key of the task definition (one stopTimeout for all its containers): write it at taskDefinitions.NAME.stopTimeout',
  healthCheck: "container health checks are not modelled; a service's loadBalancer health check decides health: remove the key",
});

/** The containers by name; AWS's list form (`- { name: app, ... }`) is refused with how to write it. */
const containerDefinitions = z.unknown().transform((value, ctx) => {
  if (Array.isArray(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a map, found ${describe(value)} (a map keyed by container name: app: { cpu: 256, ... }; from AWS's list use each item's name as its key)`,
    });
    return z.NEVER;
  }
  return forward(ruleNamed(ECS_NAME_RULES.container, containerDefinition), value, ctx);
});

// RegisterTaskDefinition takes memberOf constraints only (APIReference/API_TaskDefinitionPlacementConstraint.html)
const taskDefinitionPlacementConstraint = discriminated(
  'type',
  { memberOf: strict({ type: z.literal('memberOf'), expression: z.string() }) },
  { distinctInstance: "RegisterTaskDefinition takes memberOf only; distinctInstance goes on the service's placementConstraints" },
);

const taskDefinition = strict({
  cpu: taskSize('cpu').optional(),
  memory: taskSize('memory').optional(),
  networkMode: oneOf(['awsvpc', 'bridge', 'host'] as const).optional(),
  requiresCompatibilities: z.array(oneOf(['EC2', 'FARGATE'] as const)).min(1).default(['EC2']),
  runtimePlatform: strict({
    /** No default: only a written value constrains EC2 placement (absent: priced as X86_64 on Fargate). */
    cpuArchitecture: oneOf(['X86_64', 'ARM64'] as const).optional(),
    operatingSystemFamily: oneOf(['LINUX'] as const).default('LINUX'),
  }).optional(),
  containerDefinitions: containerDefinitions.default({}),
  startup: strict({
    imagePull: distribution.default({ distribution: 'lognormal', median: 12_000, p95: 30_000 }),
    containerStart: distribution.default({ distribution: 'fixed', value: 3_000 }),
    /** Model: from RUNNING until the application answers (passes load balancer health checks, takes load). */
    applicationStart: distribution.default({ distribution: 'fixed', value: 0 }),
  }).default({
    imagePull: { distribution: 'lognormal', median: 12_000, p95: 30_000 },
    containerStart: { distribution: 'fixed', value: 3_000 },
    applicationStart: { distribution: 'fixed', value: 0 },
  }),
  // ContainerDefinition stopTimeout: Integer seconds
  stopTimeout: wholeSeconds("ContainerDefinition's stopTimeout").default(30_000),
  /** memberOf constraints every task of the definition also obeys, with its service's (at most 10 together). */
  placementConstraints: z.array(taskDefinitionPlacementConstraint).max(10).optional(),
  /** Model: how long the containers take to exit after SIGTERM (capped by stopTimeout, then SIGKILL). */
  shutdown: distribution.default({ distribution: 'fixed', value: 1_000 }),
}, {
  // a container's soft limit in ECS (ContainerDefinition memoryReservation); a few letters would guess memory
  memoryReservation: 'in ECS a key of a container definition, its soft memory limit: write it under containerDefinitions.NAME; the task definition\'s own is memory, the hard limit of the whole task',
  // scenario.json's record of what the containers reserve; copied back, "did you mean memory" would make it a hard limit
  memoryReservedByContainers:
    "scenario.json's record of what the containers reserve (each one's memoryReservation, else its memory), not an input key: leave it out; the task definition's memory is the hard limit of the whole task",
});

// ------------------------------------------------------------------------ workloads

/**
 * An ecsim bound on memoryMiB.base and .perRps (MiB, MiB per request/s): about 954 TiB, more
 * than any instance holds; larger figures (1e308) made memory_utilization Infinity mid-run.
 */
export const MAX_MEMORY_FIGURE_MIB = 1e9;
/** At most MAX_MEMORY_FIGURE_MIB: "expected at most 1000000000 (why), found n". */
const memoryFigure = (why: string) =>
  z.number().min(0).superRefine((n, ctx) => {
    if (n > MAX_MEMORY_FIGURE_MIB) ctx.addIssue({ code: 'custom', message: `expected at most ${MAX_MEMORY_FIGURE_MIB} (${why}), found ${n}` });
  });
/**
 * cpuPerBusySlot is a percent of the task's CPU that one busy slot uses: at most 100, the
 * whole task (1e308 made cpu_utilization Infinity mid-run).
 */
const cpuPerBusySlot = z.number().min(0).superRefine((n, ctx) => {
  if (n > 100) ctx.addIssue({ code: 'custom', message: `expected at most 100 (a percent of the task's CPU that one busy slot uses: at most the whole task), found ${n}` });
});

const perTask = strict({
  capacityRps: z.number().positive().optional(),
  cpuBaseline: percent.default(0),
  memoryMiB: strict({ base: memoryFigure('an ecsim bound: 1e9 MiB, about 954 TiB, is more memory than any instance holds').default(0), perRps: memoryFigure('an ecsim bound: 1e9 MiB for each request a second is more memory than any instance holds').default(0) }).optional(),
  concurrency: int.positive().superRefine((n, ctx) => {
    if (n > MAX_CONCURRENCY) ctx.addIssue({ code: 'custom', message: `expected at most ${MAX_CONCURRENCY} (an ecsim bound on requests a task serves at once), found ${n}` });
  }).default(1),
  serviceTime: distribution.optional(),
  cpuPerBusySlot: cpuPerBusySlot.optional(),
});

/** A map's `key` when the map is a plain object. */
function rawKey(value: unknown, ...keys: string[]): unknown {
  let v = value;
  for (const k of keys) v = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/**
 * SQS queue attributes (CreateQueue) ecsim does not model: refused with that said, not with
 * a "did you mean" (visibilityTimeout is not messageRetentionPeriod).
 */
const SQS_NOT_MODELLED = 'an SQS key, not modelled';
const WORKLOAD_NOTES = withAwsSpelling({
  visibilityTimeout: `${SQS_NOT_MODELLED}: a stopped worker's in-flight messages return to the queue at once, where SQS keeps them invisible until their visibility timeout ends, as docs/assumptions.md says; remove the key`,
  receiveMessageWaitTimeSeconds: `${SQS_NOT_MODELLED}: a free worker takes the next visible message at once, with no receive delay, as docs/assumptions.md says; remove the key`,
  delaySeconds: `${SQS_NOT_MODELLED}: a message is visible from its arrival (no delay queue); remove the key`,
  redrivePolicy: `${SQS_NOT_MODELLED}: messages are not retried and there is no dead-letter queue, as docs/assumptions.md says; remove the key`,
});

/** A workload's keys (the checks below come first). */
const workloadFields = strict({
  type: oneOf(['http', 'queue'] as const).default('http'),
  requestRate: traceSchema,
  perTask,
  /** http only (refused on a queue workload by the check below); absent: 100 (resolve-config.ts; filled in for scenario.json by effective.ts). */
  maxQueuePerTask: nonNegInt.optional(),
  /** queue only (refused on http by the check below); absent: SQS's default, 4 days (resolve-config.ts). */
  messageRetentionPeriod: wholeSeconds("SQS's MessageRetentionPeriod", { min: MIN_RETENTION_MS / 1000, max: MAX_RETENTION_MS / 1000, source: "SQS's MessageRetentionPeriod range, CreateQueue: default 345600 (4 days)" }).optional(),
  /**
   * queue only (refused on http by the check below): SQS stops sending a queue's metrics once it has been
   * inactive (no message, no worker polling) this long; absent: SQS's six hours, the most
   * (the simulation; filled in for scenario.json by effective.ts).
   */
  inactiveAfter: durationWithin(1, DEFAULT_INACTIVE_AFTER_MS, 'SQS keeps a queue active for up to six hours after its last message or API action').optional(),
  /** queue only (refused on http by the check below): how late the metrics resume once the queue is activated again; absent: 15 minutes, AWS's "up to 15 minutes"; 0: at once. */
  activationMetricsDelay: durationWithin(0, DEFAULT_ACTIVATION_METRICS_DELAY_MS, 'CloudWatch metrics of a queue activated from an inactive state "may be delayed up to 15 minutes"').optional(),
  slo: strict({ latencyP95: positiveDuration.optional(), errorRate: percent.optional() }).optional(),
}, WORKLOAD_NOTES);

/** A workload's keys, in the schema's order (scenario.json writes them so: effective.ts). */
export const WORKLOAD_KEYS: readonly string[] = strictKeys(workloadFields);

/**
 * Keys a queue workload would ignore are refused, as checks.ts refuses cpuPerBusySlot on
 * http; read from the input, since they have defaults. maxQueuePerTask bounds an http
 * task's own queue; a queue workload's messages wait in one shared queue without a bound
 * (dropped only when SQS deletes them after messageRetentionPeriod), so slo.errorRate is
 * refused there. messageRetentionPeriod, inactiveAfter and activationMetricsDelay, an SQS
 * queue's attribute and two of its metrics' behaviour, are refused on http.
 */
const workload = checkedBefore(
  (value) => {
    if (rawKey(value, 'type') !== 'queue') {
      const sqsKeys: [string, string][] = [
        ['messageRetentionPeriod', "an SQS queue's MessageRetentionPeriod: how long a message may wait before SQS deletes it"],
        ['inactiveAfter', 'how long an SQS queue stays active, its CloudWatch metrics sent, with no message and no worker polling it'],
        ['activationMetricsDelay', "how late an SQS queue's CloudWatch metrics resume when it is activated from an inactive state"],
      ];
      return sqsKeys.flatMap(([key, what]) => {
        const v = rawKey(value, key);
        return v === undefined ? [] : [{ path: [key], message: `expected no ${key} on an http workload (it is ${what}), found ${describe(v)}; remove it, or set type: queue` }];
      });
    }
    const issues: RawIssue[] = [];
    const maxQueue = rawKey(value, 'maxQueuePerTask');
    if (maxQueue !== undefined) {
      issues.push({
        path: ['maxQueuePerTask'],
        message: `expected no maxQueuePerTask on a queue workload (it bounds an http task's own queue; queue messages wait in one shared queue without a bound, as in SQS, up to messageRetentionPeriod), found ${describe(maxQueue)}; remove it`,
      });
    }
    // a queue drops a message only when it expires (messageRetentionPeriod): the error rate is not its measure
    const errorRate = rawKey(value, 'slo', 'errorRate');
    if (errorRate !== undefined) {
      issues.push({
        path: ['slo', 'errorRate'],
        message: `expected no errorRate on a queue workload (its messages are not refused: they wait in the shared queue, dropped only once older than messageRetentionPeriod), found ${describe(errorRate)}; use slo.latencyP95`,
      });
    }
    return issues;
  },
  workloadFields,
);

// ------------------------------------------------------------------------- scaling

const comparisonOperator = oneOf([
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
] as const);
const statistic = oneOf(['Average', 'Maximum', 'Minimum', 'Sum', 'SampleCount'] as const);

/**
 * TargetTrackingScalingPolicyConfiguration TargetValue: at most MAX_TARGET_VALUE (2^360), at
 * least MIN_TARGET_MAGNITUDE (2^-360; scaling/api-limits.ts). ecsim also refuses 0 and below: every metric it tracks is 0 or
 * more, and the capacity asked for is ceil(current x metric / target).
 */
const trackingTargetValue = z.number().superRefine((v, ctx) => {
  if (v > MAX_TARGET_VALUE) {
    ctx.addIssue({ code: 'custom', message: `expected at most 2^360 (TargetValue's range is -2^360 to 2^360), found ${v}` });
  } else if (!(v > 0)) {
    ctx.addIssue({ code: 'custom', message: `expected > 0 (every metric ecsim tracks is 0 or more; the capacity asked for is ceil(current x metric / target)), found ${v}` });
  } else if (v < MIN_TARGET_MAGNITUDE) {
    ctx.addIssue({ code: 'custom', message: `expected at least 2^-360, about 4.26e-109 (TargetValue refuses values too small: none of magnitude below 2^-360), found ${v}` });
  }
});

/**
 * Application Auto Scaling keys ecsim does not model or spells otherwise
 * (API_TargetTrackingScalingPolicyConfiguration.html, API_PutScalingPolicy.html,
 * API_RegisterScalableTarget.html): refused with that said, not with a "did you mean".
 */
const AAS_NOT_MODELLED = 'an Application Auto Scaling key ecsim does not model';
const PREDEFINED_METRICS = 'ECSServiceAverageCPUUtilization | ECSServiceAverageMemoryUtilization | ALBRequestCountPerTarget';
const CUSTOM_METRICS = 'BacklogPerTask | CPUUtilization | MemoryUtilization | RequestCountPerTarget | ApproximateNumberOfMessagesVisible';

/**
 * SQS's other CloudWatch metrics (AWSSimpleQueueService/latest/SQSDeveloperGuide/
 * sqs-available-cloudwatch-metrics.html), which ecsim does not model: named as such, not
 * matched to a metric ecsim has (ApproximateNumberOfMessagesNotVisible, the messages in
 * flight, is not the visible ones a "did you mean" would offer).
 */
const SQS_METRICS_NOT_MODELLED: Readonly<Record<string, string>> = {
  ApproximateNumberOfMessagesNotVisible: 'the messages in flight, received and not yet deleted',
  ApproximateAgeOfOldestMessage: 'the age of the oldest message',
  ApproximateNumberOfMessagesDelayed: 'the delayed messages',
  ApproximateNumberOfGroupsWithInflightMessages: 'FIFO message groups with messages in flight',
  NumberOfEmptyReceives: 'ReceiveMessage calls that returned no message',
  NumberOfMessagesReceived: 'the messages received',
  NumberOfMessagesDeleted: 'the messages deleted',
  NumberOfMessagesSent: 'the messages sent',
  NumberOfDeduplicatedSentMessages: 'the FIFO messages deduplicated',
  SentMessageSize: 'the size of the messages sent',
};
/** The metrics ecsim's alarms and customMetric take (the lists of oneOf below). */
const MODELLED_METRICS = ['CPUUtilization', 'MemoryUtilization', 'RequestCountPerTarget', 'BacklogPerTask', 'ApproximateNumberOfMessagesVisible'];
/**
 * The SQS metric not modelled that `found` names: itself, or one it misspells (at most 2
 * edits, any case) when it is nearer to it than to any metric ecsim has, so that
 * "ApproximateNumberOfMessagesNotVisble" is not offered the visible messages.
 */
function sqsMetricNamed(found: string): string | undefined {
  if (Object.hasOwn(SQS_METRICS_NOT_MODELLED, found)) return found;
  const lower = found.toLowerCase();
  const edits = (c: string) => distance(lower, c.toLowerCase());
  let nearest: string | undefined;
  let nearestEdits = Infinity;
  for (const c of Object.keys(SQS_METRICS_NOT_MODELLED)) {
    const d = edits(c);
    if (d < nearestEdits) [nearest, nearestEdits] = [c, d];
  }
  return nearestEdits <= 2 && nearestEdits < Math.min(...MODELLED_METRICS.map(edits)) ? nearest : undefined;
}
const sqsMetricNote = (found: string): string | undefined => {
  const named = sqsMetricNamed(found);
  if (named === undefined) return undefined;
  const meant = named === found ? '' : `did you mean "${named}"? `;
  return `${meant}an SQS metric ecsim does not model: ${SQS_METRICS_NOT_MODELLED[named]}; of the queue's metrics ecsim publishes only ApproximateNumberOfMessagesVisible, and BacklogPerTask from it (the visible messages per RUNNING task)`;
};
const TARGET_TRACKING_NOTES = withAwsSpelling({
  resourceLabel: `${AAS_NOT_MODELLED}: ecsim takes the target group from the service's loadBalancer (ALBRequestCountPerTarget counts the requests of its targets); remove it`,
  predefinedMetricSpecification: `AWS's PredefinedMetricSpecification: write its predefinedMetricType (${PREDEFINED_METRICS}) directly on the policy`,
  customizedMetricSpecification: `AWS's CustomizedMetricSpecification: write customMetric (${CUSTOM_METRICS}) and customMetricStatistic directly on the policy; for metric math (Metrics), customMetric: BacklogPerTask is the backlog per task (visible messages / RUNNING tasks)`,
  metrics: `CustomizedMetricSpecification's metric math, which ecsim does not model: use customMetric (${CUSTOM_METRICS}); BacklogPerTask is the backlog per task (visible messages / RUNNING tasks)`,
  targetTrackingScalingPolicyConfiguration: `AWS's nesting: write its keys (targetValue, predefinedMetricType or customMetric, scaleOutCooldown, scaleInCooldown, disableScaleIn) directly on the policy`,
});

/**
 * PutScalingPolicy's PolicyType PredictiveScaling, which ecsim does not model
 * (autoscaling/application/userguide/aas-create-predictive-scaling-policy.html,
 * AmazonECS/latest/developerguide/predictive-scaling-create-policy.html).
 */
const UNMODELLED_POLICY_TYPES = {
  PredictiveScaling:
    'an AWS policy type for ECS services that ecsim does not model: it forecasts capacity from the metric history (autoscaling/application/userguide/aas-create-predictive-scaling-policy.html); use TargetTrackingScaling or StepScaling, or scheduledActions for load known in advance',
};

/**
 * RegisterScalableTarget's SuspendedState and its keys (API_SuspendedState.html): scaling is
 * never suspended in ecsim.
 */
const SUSPENDED_NOTE = `${AAS_NOT_MODELLED}: scaling is never suspended; remove it (disableScaleIn: true on a target tracking policy stops its scale in)`;
const AUTO_SCALING_NOTES = withAwsSpelling(
  Object.fromEntries(['suspendedState', 'scheduledScalingSuspended', 'dynamicScalingInSuspended', 'dynamicScalingOutSuspended'].map((k) => [k, SUSPENDED_NOTE])),
);

const targetTracking = strict({
  policyType: z.literal('TargetTrackingScaling'),
  predefinedMetricType: oneOf([
    'ECSServiceAverageCPUUtilization',
    'ECSServiceAverageMemoryUtilization',
    'ALBRequestCountPerTarget',
  ] as const).optional(),
  customMetric: oneOf(['BacklogPerTask', 'CPUUtilization', 'MemoryUtilization', 'RequestCountPerTarget', 'ApproximateNumberOfMessagesVisible'] as const, undefined, sqsMetricNote).optional(),
  // CustomizedMetricSpecification Statistic; default by metric (RequestCountPerTarget: Sum,
  // its only valid one; else Average): src/scaling/metric-statistics.ts
  customMetricStatistic: statistic.optional(),
  targetValue: trackingTargetValue,
  // TargetTrackingScalingPolicyConfiguration ScaleOutCooldown, ScaleInCooldown: Integer seconds
  scaleOutCooldown: wholeSeconds("Application Auto Scaling's ScaleOutCooldown").default(300_000),
  // no default here, so that one written beside disableScaleIn: true is seen (and warned of:
  // it has no effect); the policy and scenario.json fill in AAS's 300 s (effective.ts)
  scaleInCooldown: wholeSeconds("Application Auto Scaling's ScaleInCooldown").optional(),
  disableScaleIn: z.boolean().default(false),
}, TARGET_TRACKING_NOTES);

const stepAdjustment = strict({
  metricIntervalLowerBound: z.number().nullable().optional(),
  metricIntervalUpperBound: z.number().nullable().optional(),
  scalingAdjustment: int,
});

const stepScaling = strict({
  policyType: z.literal('StepScaling'),
  alarm: strict({
    metricName: oneOf(['CPUUtilization', 'MemoryUtilization', 'RequestCountPerTarget', 'BacklogPerTask', 'ApproximateNumberOfMessagesVisible'] as const, undefined, sqsMetricNote),
    // default by metric (the only valid statistic of RequestCountPerTarget is Sum, else
    // Average): filled in for scenario.json by effective.ts, at run time by the policy
    statistic: statistic.optional(),
    period: positiveDuration.default(60_000),
    evaluationPeriods: int.min(1).default(1),
    datapointsToAlarm: int.min(1).optional(),
    threshold: z.number(),
    comparisonOperator,
    treatMissingData: oneOf(['missing', 'ignore', 'breaching', 'notBreaching'] as const).default('missing'),
  }),
  adjustmentType: oneOf(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity'] as const),
  stepAdjustments: z.array(stepAdjustment).min(1),
  minAdjustmentMagnitude: int.min(1).optional(),
  // StepScalingPolicyConfiguration Cooldown: Integer seconds
  cooldown: wholeSeconds("Application Auto Scaling's step scaling Cooldown").default(300_000),
  metricAggregationType: oneOf(['Average', 'Minimum', 'Maximum'] as const).default('Average'),
});

/**
 * A scheduled action's startTime / endTime: a string (its form is checked with the other
 * time keys, scheduledActionTimeProblems); anything else is refused with the form it takes
 * (a number is no epoch here: the scenario says instants as date-times).
 */
const actionTime = z.custom<string>((v) => typeof v === 'string', { error: (issue) => `expected ${ACTION_TIME_EXPECTED}, found ${describe(issue.input)}` });

const scheduledActionKeys = strict({
  schedule: z.string(),
  // default UTC for at() and cron() (effective.ts); refused on rate() (scheduled-action.ts)
  timezone: z.string().optional(),
  startTime: actionTime.optional(),
  endTime: actionTime.optional(),
  scalableTargetAction: strict({ minCapacity: taskCount.optional(), maxCapacity: taskCount.optional() }),
});

/**
 * A scheduled action: its keys, then every problem of its time keys (schedule, timezone,
 * startTime, endTime: scheduled-action.ts) here with the other values' problems, each on its
 * key, rather than only the first of one action once the rest of the file was right.
 */
const scheduledAction = z.unknown().transform((value, ctx): z.output<typeof scheduledActionKeys> => {
  const data = forward(scheduledActionKeys, value, ctx);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const raw = value as Record<string, unknown>;
    for (const p of scheduledActionTimeProblems(raw)) {
      const misspeltZone = p.key === 'timezone' && typeof raw.timezone === 'string' && p.message === timeZoneNameProblem(raw.timezone);
      ctx.addIssue({ code: 'custom', path: [p.key], message: misspeltZone ? `${p.message}${timeZoneHint(raw.timezone as string)}` : p.message });
    }
  }
  return data;
});

const autoScaling = strict({
  minCapacity: taskCount,
  maxCapacity: taskCount,
  policies: checkedAlongside(
    distinctTrackedMetrics,
    ruleNamed(AAS_NAME_RULES.policy, discriminated('policyType', { TargetTrackingScaling: targetTracking, StepScaling: stepScaling }, UNMODELLED_POLICY_TYPES)),
  ).default({}),
  // the names are checked whatever the actions' own problems (a superRefine would not run then)
  scheduledActions: checkedAlongside(scheduledActionCount, ruleNamed(AAS_NAME_RULES.scheduledAction, scheduledAction)).default({}),
}, AUTO_SCALING_NOTES);

/**
 * Application Auto Scaling's quotas (application-auto-scaling-quotas.html), neither
 * adjustable: "Scaling policies per scalable target (both step scaling and target tracking
 * policies)" and "Scheduled actions per scalable target".
 */
const MAX_POLICIES = 50;
const MAX_SCHEDULED_ACTIONS = 200;

/**
 * A scalable target may have several target tracking policies "provided that each of them
 * uses a different metric" (application-auto-scaling-target-tracking.html), and at most
 * MAX_POLICIES policies of both kinds. The same metric is the same predefinedMetricType, or
 * the same customMetric with the same statistic (the default one when none is written).
 */
function distinctTrackedMetrics(policies: unknown): RawIssue[] {
  if (policies === null || typeof policies !== 'object' || Array.isArray(policies)) return [];
  const names = Object.keys(policies);
  const out: RawIssue[] = [];
  if (names.length > MAX_POLICIES) {
    out.push({ path: [], message: `expected at most ${MAX_POLICIES} scaling policies per service (Application Auto Scaling's quota "Scaling policies per scalable target", step and target tracking together, not adjustable), found ${names.length}` });
  }
  const first = new Map<string, string>();
  for (const name of names) {
    const p = (policies as Record<string, unknown>)[name];
    if (p === null || typeof p !== 'object' || (p as Record<string, unknown>).policyType !== 'TargetTrackingScaling') continue;
    const { predefinedMetricType: predefined, customMetric: custom, customMetricStatistic: statistic } = p as Record<string, unknown>;
    let metric: string;
    if (typeof predefined === 'string' && custom === undefined) metric = predefined;
    else if (typeof custom === 'string' && predefined === undefined) metric = `${custom} (${typeof statistic === 'string' ? statistic : defaultStatistic(custom)})`;
    else continue;
    const earlier = first.get(metric);
    if (earlier === undefined) first.set(metric, name);
    else {
      out.push({
        path: [name],
        message: `expected a metric no other target tracking policy of the service tracks (Application Auto Scaling allows several target tracking policies on a scalable target "provided that each of them uses a different metric"), found ${metric}, which policy "${earlier}" tracks; keep one of the two, or track another metric`,
      });
    }
  }
  return out;
}

/**
 * At most MAX_SCHEDULED_ACTIONS a service. (A whole-number name is refused by the name rule,
 * AAS_NAME_RULES.scheduledAction: actions firing at the same instant run in the order written.)
 */
function scheduledActionCount(actions: unknown): RawIssue[] {
  if (actions === null || typeof actions !== 'object' || Array.isArray(actions)) return [];
  const count = Object.keys(actions).length;
  if (count <= MAX_SCHEDULED_ACTIONS) return [];
  return [{ path: [], message: `expected at most ${MAX_SCHEDULED_ACTIONS} scheduled actions per service (Application Auto Scaling's quota "Scheduled actions per scalable target", not adjustable), found ${count}` }];
}

// ------------------------------------------------------------------------ services

const placementStrategy = discriminated('type', {
  binpack: strict({ type: z.literal('binpack'), field: oneOf(['cpu', 'memory'] as const) }),
  spread: strict({ type: z.literal('spread'), field: z.string() }),
  random: strict({ type: z.literal('random'), field: z.string().optional() }),
});

const placementConstraint = discriminated('type', {
  distinctInstance: strict({ type: z.literal('distinctInstance') }),
  memberOf: strict({ type: z.literal('memberOf'), expression: z.string() }),
});

// The target group's health check (elasticloadbalancing APIReference/API_CreateTargetGroup.html:
// "The range is 5-300" s for HealthCheckIntervalSeconds, 2-10 for both threshold counts;
// ALB defaults 30 s, 5 and 2)
const HEALTH_CHECK_NOTES = {
  // HealthCheckTimeoutSeconds: 2-120 s (API_CreateTargetGroup.html)
  timeout:
    "the target group's HealthCheckTimeoutSeconds (2-120 s), which ecsim does not model: a check fails at once while the application has not started (the connection is refused) and passes once it answers, so no check waits out a timeout; remove the key",
  path: "the target group's HealthCheckPath, which ecsim does not model: its check passes once the task's application answers, startup.applicationStart after RUNNING, whatever the path; remove the key",
};
const healthCheck = strict(
  {
    interval: wholeSeconds("the target group's HealthCheckIntervalSeconds", { min: 5, max: 300, source: "the target group's HealthCheckIntervalSeconds range" }).default(30_000),
    healthyThreshold: intWithin(2, 10, "the target group's HealthyThresholdCount range").default(5),
    unhealthyThreshold: intWithin(2, 10, "the target group's UnhealthyThresholdCount range").default(2),
  },
  HEALTH_CHECK_NOTES,
);
const HEALTH_CHECK_DEFAULTS = { interval: 30_000, healthyThreshold: 5, unhealthyThreshold: 2 };

/**
 * The ALB target group attribute load_balancing.algorithm.type's values (round_robin,
 * least_outstanding_requests, weighted_random: API_TargetGroupAttribute.html; ROUND_ROBIN in
 * the CDK, roundRobin in Pulumi), told as ecsim's spelling: a few letters would not guess
 * least-outstanding from least_outstanding_requests.
 */
const AWS_ROUTING: Readonly<Record<string, readonly [ours: string, aws: string]>> = {
  roundrobin: ['round-robin', 'round_robin'],
  leastoutstandingrequests: ['least-outstanding', 'least_outstanding_requests'],
  weightedrandom: ['random', 'weighted_random'],
};
function awsRoutingNote(found: string): string | undefined {
  // AWS's forms: with underscores, or without separators (ROUND_ROBIN, roundRobin); a hyphenated
  // one in other letters (Round-Robin) is ecsim's own misspelt: the usual "did you mean"
  const key = found.toLowerCase().replace(/_/g, '');
  if (/[-\s]/.test(found) || !Object.hasOwn(AWS_ROUTING, key)) return undefined;
  const [ours, aws] = AWS_ROUTING[key];
  const random = ours === 'random' ? ', with anomaly mitigation off: every target the same weight' : '';
  return `did you mean "${ours}"? AWS's load_balancing.algorithm.type ${aws} is ecsim's ${ours}${random}`;
}

/** healthCheckGracePeriodSeconds: "up to 2,147,483,647 seconds" (ECS APIReference/API_CreateService.html). */
const MAX_GRACE_PERIOD_SECONDS = MAX_API_INTEGER;

/**
 * A queue service's workers pull messages; the load balancer's `routing` (which task gets
 * an http request) would be ignored, so it is refused. Its health checks still apply, for
 * ECS's marking and replacing of unhealthy tasks only: a worker pulls from its application
 * start to its stop, healthy or not (target group health decides where the load balancer
 * sends requests; nothing ties a worker's polling to it; services.ts, startPulling). (Its
 * deregistrationDelay does not apply: no request reaches its targets, so a stopping one
 * deregisters at once, services.ts.)
 */
function queueServiceKeys(value: unknown): RawIssue[] {
  const routing = rawKey(value, 'loadBalancer', 'routing');
  if (rawKey(value, 'workload', 'type') !== 'queue' || routing === undefined) return [];
  return [{
    path: ['loadBalancer', 'routing'],
    message: `expected no routing on a queue service (its workers pull messages from the shared queue; routing splits http requests only), found ${describe(routing)}; remove it (healthCheck still applies)`,
  }];
}

/**
 * `fidelity` and `loadBalancer.routing` say how a service's load is simulated and split: on
 * a service without a `workload` there is no load, so either would be ignored (any value,
 * the default included): refused. (maxQueuePerTask and the rest live inside `workload`.)
 */
function noWorkloadKeys(value: unknown): RawIssue[] {
  if (rawKey(value, 'workload') !== undefined || workloadMisspelt(value)) return [];
  const issues: RawIssue[] = [];
  const fidelity = rawKey(value, 'fidelity');
  if (fidelity !== undefined) {
    issues.push({
      path: ['fidelity'],
      message: `expected no fidelity on a service without a workload (it says how the workload's requests are simulated; this service has none, so it runs tasks only), found ${describe(fidelity)}; remove it or add a workload`,
    });
  }
  const routing = rawKey(value, 'loadBalancer', 'routing');
  if (routing !== undefined) {
    issues.push({
      path: ['loadBalancer', 'routing'],
      message: `expected no routing on a service without a workload (routing splits the workload's requests; this service has none), found ${describe(routing)}; remove it or add a workload (healthCheck still applies)`,
    });
  }
  return issues;
}

/**
 * Whether the service has an unknown key that likely means `workload` ("load", "workloads"):
 * then the service is not said to lack a workload (the unknown key is said, with the hint).
 */
function workloadMisspelt(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const known = strictKeys(serviceMap);
  const lacked = known.filter((k) => (value as Record<string, unknown>)[k] === undefined);
  return Object.keys(value).some((k) => !known.includes(k) && likelyMeant(k, lacked).includes('workload'));
}

function serviceKeys(value: unknown): RawIssue[] {
  return [...queueServiceKeys(value), ...noWorkloadKeys(value)];
}

/** The target group's deregistration_delay.timeout_seconds when not written: 300 s (elasticloadbalancing API_TargetGroupAttribute.html). */
export const DEFAULT_DEREGISTRATION_DELAY_MS = 300_000;

/**
 * Whether requests reach the service's load balancer targets: it has an http workload (a
 * queue's workers pull messages; a service without a workload gets no requests).
 */
export function hasHttpWorkload(config: { workload?: { type: string } }): boolean {
  return config.workload !== undefined && config.workload.type !== 'queue';
}

/** The load balancer's deregistration delay, the target group's default when not written. */
export function deregistrationDelayOf(loadBalancer: { deregistrationDelay?: number }): number {
  return loadBalancer.deregistrationDelay ?? DEFAULT_DEREGISTRATION_DELAY_MS;
}

/** A service's deploymentConfiguration when not written (ECS's defaults: 100 and 200). */
export const DEFAULT_DEPLOYMENT_CONFIGURATION = Object.freeze({ minimumHealthyPercent: 100, maximumPercent: 200 });

/** The service's deploymentConfiguration, ECS's defaults when not written. */
export function deploymentConfigurationOf(config: { deploymentConfiguration?: { minimumHealthyPercent: number; maximumPercent: number } }): { minimumHealthyPercent: number; maximumPercent: number } {
  return config.deploymentConfiguration ?? DEFAULT_DEPLOYMENT_CONFIGURATION;
}

/**
 * DeploymentConfiguration's other ECS keys (APIReference/API_DeploymentConfiguration.html):
 * they govern deployments, which ecsim does not model. Refused with that said, not with a
 * "did you mean": ecsim behaves as a service without them (no circuit breaker, no alarms: the
 * API's default when they are not written).
 */
const DEPLOYMENT_NOT_MODELLED = 'an ECS key ecsim does not model: deployments are not modelled';
const DEPLOYMENT_CONFIGURATION_NOTES = {
  deploymentCircuitBreaker: `${DEPLOYMENT_NOT_MODELLED}, nor is their circuit breaker; ecsim behaves as with the circuit breaker off, the API default: remove the key`,
  alarms: `${DEPLOYMENT_NOT_MODELLED}, nor are the CloudWatch alarms that fail one; ecsim behaves as without deployment alarms, the API default: remove the key`,
  strategy: `${DEPLOYMENT_NOT_MODELLED} (rolling, blue/green, linear or canary): remove the key`,
  bakeTimeInMinutes: `${DEPLOYMENT_NOT_MODELLED} (blue/green, linear or canary bake time): remove the key`,
  canaryConfiguration: `${DEPLOYMENT_NOT_MODELLED} (canary deployments): remove the key`,
  linearConfiguration: `${DEPLOYMENT_NOT_MODELLED} (linear deployments): remove the key`,
  lifecycleHooks: `${DEPLOYMENT_NOT_MODELLED} (deployment lifecycle hooks): remove the key`,
};

const serviceMap = strict({
  taskDefinition: z.string(),
  desiredCount: taskCount.optional(),
  schedulingStrategy: oneOf(['REPLICA', 'DAEMON'] as const).default('REPLICA'),
  launchType: oneOf(['EC2', 'FARGATE'] as const).optional(),
  capacityProviderStrategy: capacityProviderStrategy.optional(),
  placementStrategy: z.array(placementStrategy).max(5).optional(),
  placementConstraints: z.array(placementConstraint).max(10).default([]),
  healthCheckGracePeriodSeconds: intWithin(0, MAX_GRACE_PERIOD_SECONDS, 'ECS accepts up to 2,147,483,647 seconds').default(0),
  // no default here, so that a warning can tell a written one (deploymentConfigurationOf fills it in)
  deploymentConfiguration: strict({
    minimumHealthyPercent: int.min(0).max(100).default(DEFAULT_DEPLOYMENT_CONFIGURATION.minimumHealthyPercent),
    // DeploymentConfiguration maximumPercent: "Type: Integer", no range documented
    // (API_DeploymentConfiguration.html); at least 100: fewer would cap the service below its
    // desired count
    maximumPercent: intWithin(100, MAX_API_INTEGER, 'at least 100; AWS documents no upper limit, so up to the API\'s largest Integer').default(
      DEFAULT_DEPLOYMENT_CONFIGURATION.maximumPercent,
    ),
  }, DEPLOYMENT_CONFIGURATION_NOTES).optional(),
  loadBalancer: strict({
    routing: oneOf(['round-robin', 'least-outstanding', 'random'] as const, undefined, awsRoutingNote).default('round-robin'),
    // deregistration_delay.timeout_seconds: "The range is 0-3600 seconds" (elasticloadbalancing APIReference/API_TargetGroupAttribute.html)
    // no default here, so that a warning can tell a written one on a service whose targets no
    // request reaches (deregistrationDelayOf fills the default in)
    deregistrationDelay: wholeSeconds("the target group's deregistration_delay.timeout_seconds", { min: 0, max: 3600, source: "the target group's deregistration_delay.timeout_seconds range" }).optional(),
    healthCheck: healthCheck.default(HEALTH_CHECK_DEFAULTS),
  }).optional(),
  workload: workload.optional(),
  fidelity: oneOf(['fluid', 'request'] as const).default('fluid'),
  autoScaling: autoScaling.optional(),
  // CreateService's availabilityZoneRebalancing; no default here: when not written it is
  // ENABLED for a compatible service and DISABLED otherwise (scenario/az-rebalancing.ts)
  availabilityZoneRebalancing: oneOf(['ENABLED', 'DISABLED'] as const).optional(),
});
const service = checkedBefore(serviceKeys, serviceMap);

// ------------------------------------------------------------------------ scenario

export const scenarioSchema = strict({
  name: scenarioName,
  description: z.string().optional(),
  seed: int.min(0).max(Number.MAX_SAFE_INTEGER).default(1),
  start: startTime.default('2026-01-05T00:00:00Z'),
  // its own bound and message (parseDuration's would say it first): Infinity, then this refine
  duration: positiveDurationUpTo(Infinity).superRefine((ms, ctx) => {
    if (ms > MAX_DURATION_MS) ctx.addIssue({ code: 'custom', message: `expected at most 3660d (ten years: longer runs take days of wall time and write gigabytes of CSV per simulated year), found ${formatDuration(ms)}` });
  }),
  // true: at time 0 each group's initial instances are registered and each service's initial
  // tasks RUNNING, healthy and in rotation, as a cluster that has been running (docs/assumptions.md)
  warmStart: z.boolean().default(false),
  region: oneOf(['us-east-1'] as const, "ecsim has only us-east-1's price list").default('us-east-1'),
  metrics: strict({
    period: positiveDuration.default(60_000),
    publishDelay: duration.default(60_000),
  }).default({ period: 60_000, publishDelay: 60_000 }),
  pricing: strict({
    fargate: strict({
      vcpuHour: price.optional(),
      gbHour: price.optional(),
      spotDiscount: z.number().min(0).lt(1).optional(),
      arm64: strict({ vcpuHour: price.optional(), gbHour: price.optional() }).optional(),
    }).optional(),
    ec2: z.record(z.string(), price).optional(),
    ec2SpotDiscount: z.number().min(0).lt(1).optional(),
  }).optional(),
  cluster: strict({
    name: z.string().default('default'),
    availabilityZones: z.array(z.string()).min(1).superRefine((zones, ctx) => {
      // one zone twice would be two zones to ECS's spread and the group's balancing
      zones.forEach((az, i) => {
        const first = zones.indexOf(az);
        if (first !== i) ctx.addIssue({ code: 'custom', path: [i], message: `expected distinct zones, found "${az}" again (the same as [${first}]); remove one` });
      });
    }),
    capacityProviders: capacityProviders.default({}),
    defaultCapacityProviderStrategy: capacityProviderStrategy.optional(),
    // the awsvpcTrunking account setting (container-instance-eni.html); off by default
    awsvpcTrunking: z.boolean().default(false),
    // the service quota "Tasks in the PROVISIONING state per cluster"
    // (operating-at-scale-service-quotas-best-practice.html): 500 unless raised
    provisioningTaskLimit: int.min(1).default(500),
    // how often ECS looks at a service's tasks per Availability Zone for AZ rebalancing:
    // AWS publishes no figure ("continuously monitors", service-rebalancing.html)
    availabilityZoneRebalancingInterval: positiveDuration.default(60_000),
  }),
  taskDefinitions: ruleNamed(ECS_NAME_RULES.taskDefinition, taskDefinition),
  services: ruleNamed(ECS_NAME_RULES.service, service),
  // an empty map is refused here, for every command (validate said ok; compare and sweep refused it)
  // (a variant's name is checked as such, once, in experiment/load-derived.ts: it names a
  // folder, so letters, digits, "_", "-", "." only; run and sweep warn of it, validate and compare refuse it)
  variants: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .refine((v) => Object.keys(v).length > 0, { message: 'expected at least one variant (name: JSON merge patch) to compare, found an empty map; add a variant, or remove variants' })
    .optional(),
  replications: int.min(1).max(10_000).default(1),
  sweep: z
    .record(z.string(), z.array(z.unknown()).min(1).superRefine(distinctSweepValues))
    .refine((v) => Object.keys(v).length > 0, { message: 'expected a map of dotted paths to lists of values, found an empty map; add a path, or remove sweep' })
    .optional(),
  expect: z.array(z.string()).optional(),
});

/** The top-level keys of a scenario, in the schema's order. */
export const SCENARIO_KEYS: readonly string[] = strictKeys(scenarioSchema);

/**
 * A value twice in one sweep list would run the same points twice (`[40, 40]` ran
 * `targetValue=40` and `targetValue=40~p1`), doubling their weight in the sweep's tables:
 * refused on the second one. Maps compare whatever their key order.
 */
function distinctSweepValues(list: unknown[], ctx: z.RefinementCtx): void {
  const first = new Map<string, number>();
  list.forEach((value, i) => {
    const key = canonicalJson(value);
    const at = first.get(key);
    if (at === undefined) first.set(key, i);
    else ctx.addIssue({ code: 'custom', path: [i], message: `expected distinct values (each point runs once), found ${JSON.stringify(value)} again (the same as [${at}]); remove one` });
  });
}

/** JSON with every map's keys sorted, so that equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type ServiceConfig = Scenario['services'][string];
export type TaskDefinitionConfig = Scenario['taskDefinitions'][string];
export type WorkloadConfig = NonNullable<ServiceConfig['workload']>;
export type AutoScalingConfig = NonNullable<ServiceConfig['autoScaling']>;
export type PolicyConfig = AutoScalingConfig['policies'][string];
export type AsgProviderConfig = z.output<typeof asgProviderSchema>;
export type FargateProviderConfig = z.output<typeof fargateSpotProviderSchema>;
export type StrategyItem = z.output<typeof strategyItem>;
