// Cross-key checks contributed by the subsystems: placement expressions, Fargate task
// sizes, instance types, scaling policies and schedules, workloads and traces. Each runs
// the subsystem's own validation and reports problems under the scenario key path.

import { AZ_ATTRIBUTE, compileConstraints, compileStrategies, MAX_CONSTRAINTS, QueryLanguageError } from '../placement/index.js';
import { validateFargateSize } from '../model/capacity/fargate.js';
import { customTypesIn, INSTANCE_CATALOG, lookupInstanceType, validateCustomInstanceType, type CustomInstanceType } from '../model/capacity/instance-catalog.js';
import { registeredResources } from '../model/capacity/registered-resources.js';
import { createPriceBook, unpricedTypeProblem } from '../model/pricing/index.js';
import { ServiceAutoScaler, type ScalingPolicyConfig } from '../scaling/service-auto-scaler.js';
import { resolveServiceConfig } from '../workload/service/resolve-config.js';
import { buildTrace, csvPlace, MAX_REQUEST_RATE, TraceCsvError, traceBounds } from '../workload/trace/index.js';
import { csvTraceSeries } from './trace-series.js';
import { RandomStreams } from '../engine/index.js';
import type { Path, ResolvedScenario, ResolvedTaskDefinition } from './resolve.js';
import { modifiersLargestFactor, traceConfigOf } from './trace-config.js';
import { csvSpanProblem } from './csv-span.js';
import { joinPath } from './errors.js';
import { meanWrittenAsBareNumber } from './schema-helpers.js';
import { expectationProblems } from './expect/index.js';

export type Report = (at: Path, message: string) => void;
export type Check = (scenario: ResolvedScenario, report: Report) => void;

/** Reports an error thrown by a subsystem; a leading "a.b[0].c: " in its message extends the path. */
export function reportThrown(report: Report, at: Path, e: unknown, strip?: string): void {
  let message = e instanceof Error ? e.message : String(e);
  const extra: Path = [];
  if (strip && message.startsWith(`${strip}.`)) message = message.slice(strip.length + 1);
  else if (strip && message.startsWith(`${strip}:`)) message = message.slice(strip.length);
  // a.b[0].c, or a["m5.large"] for a key with dots (an instance type)
  const m = /^([A-Za-z_][\w-]*(?:\.[\w-]+|\[\d+\]|\["[^"]*"\])*):\s/.exec(message);
  if (m) {
    for (const part of m[1].match(/[A-Za-z_][\w-]*|\[\d+\]|\["[^"]*"\]/g) ?? []) {
      extra.push(part.startsWith('["') ? (JSON.parse(part.slice(1, -1)) as string) : part.startsWith('[') ? Number(part.slice(1, -1)) : part);
    }
    message = message.slice(m[0].length);
  }
  if (e instanceof QueryLanguageError) message = `${message} (in ${JSON.stringify(e.expression)})`;
  report([...at, ...extra], message.replace(/^:\s*/, ''));
}

/** ECS allows 10 custom attributes per resource (PutAttributes). */
const MAX_CUSTOM_ATTRIBUTES = 10;

const instanceTypes: Check = (s, report) => {
  const customDefined = new Map<string, { json: string; at: Path }>();
  for (const [name, p] of s.providers) {
    if (p.kind !== 'asg') continue;
    const asg = p.config.autoScalingGroup;
    const groupAt: Path = ['cluster', 'capacityProviders', name, 'autoScalingGroup'];
    const list = asg.instanceTypes;
    const custom = customTypesIn(list);
    const namesHere = new Set<string>();
    list.forEach((t, i) => {
      const at: Path = [...groupAt, 'instanceTypes', i];
      try {
        if (typeof t !== 'string') {
          const problem = customTypeProblem(t as CustomInstanceType, namesHere, customDefined, at);
          if (problem) {
            report(at, problem);
            return;
          }
        }
        const type = lookupInstanceType(typeof t === 'string' ? t : t.name, custom);
        try {
          registeredResources(type, asg.reservedMemoryMiB);
        } catch (e) {
          report([...groupAt, 'reservedMemoryMiB'], e instanceof Error ? e.message : String(e));
        }
      } catch (e) {
        reportThrown(report, at, e);
      }
    });
    const attributeNames = Object.keys(asg.attributes);
    for (const key of attributeNames) {
      if (key.startsWith('ecs.')) {
        report([...groupAt, 'attributes', key], `expected a custom attribute name not beginning "ecs." (names beginning "ecs." are the built-in attributes ECS sets itself: instance type, availability zone, AMI, OS type, OS family, CPU architecture, VPC, subnet), found ${JSON.stringify(key)}; use another name (amiId and osType set the built-in ones)`);
      } else {
        const problem = customAttributeProblem(key, asg.attributes[key]);
        if (problem) report([...groupAt, 'attributes', key], problem);
      }
    }
    // amiId is the value of the built-in ecs.ami-id: ECS's rule for attribute values holds
    const amiProblem = customAttributeProblem('ecs.ami-id', asg.amiId);
    if (amiProblem) report([...groupAt, 'amiId'], amiProblem);
    if (attributeNames.length > MAX_CUSTOM_ATTRIBUTES) {
      report([...groupAt, 'attributes'], `expected at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes (ECS's limit per container instance), found ${attributeNames.length}`);
    }
  }
};

/**
 * ECS's rules for an attribute (APIReference/API_Attribute.html): a name of 1 to 128 letters,
 * numbers, hyphens, underscores, forward slashes, back slashes or periods; a value of 1 to
 * 128 of those (less the ones below) plus at signs, colons and spaces, not starting or
 * ending with a space. ECS refuses others (PutAttributes), so a memberOf could never match them.
 */
const ATTRIBUTE_NAME = /^[A-Za-z0-9_\-/\\.]{1,128}$/;
const ATTRIBUTE_VALUE = /^[A-Za-z0-9_\-.@/\\: ]{1,128}$/;

function customAttributeProblem(name: string, value: string): string | null {
  if (!ATTRIBUTE_NAME.test(name)) {
    return `expected an attribute name of 1 to 128 letters, digits, "-", "_", "/", "\\" or "." (ECS's rule for attribute names), found ${JSON.stringify(name)}`;
  }
  if (!ATTRIBUTE_VALUE.test(value) || value.startsWith(' ') || value.endsWith(' ')) {
    return `expected a value of 1 to 128 letters, digits, "-", "_", ".", "@", "/", "\\", ":" or spaces, not starting or ending with a space (ECS's rule for attribute values), found ${JSON.stringify(value)}`;
  }
  return null;
}

/** A custom type may not reuse a built-in name, appear twice in a group, or differ between groups. */
function customTypeProblem(c: CustomInstanceType, namesHere: Set<string>, customDefined: Map<string, { json: string; at: Path }>, at: Path): string | null {
  const problem = validateCustomInstanceType(c);
  if (problem) return problem;
  if (INSTANCE_CATALOG.has(c.name)) return `custom instance type ${JSON.stringify(c.name)}: expected a name that is not a built-in instance type (it would replace the built-in one), found ${JSON.stringify(c.name)}`;
  if (namesHere.has(c.name)) return `custom instance type ${JSON.stringify(c.name)}: expected each instance type once in a group, found ${JSON.stringify(c.name)} again; remove one`;
  namesHere.add(c.name);
  const json = JSON.stringify(c);
  const earlier = customDefined.get(c.name);
  if (earlier && earlier.json !== json) return `custom instance type ${JSON.stringify(c.name)}: expected the same definition as at ${joinPath(earlier.at)} (one name, one instance type), found a different one; give one of them another name, or define them alike`;
  if (!earlier) customDefined.set(c.name, { json, at });
  return null;
}

/** `pricing:` names only instance types the scenario can launch (catalog or custom): each other name is said at its key. */
const pricing: Check = (s, report) => {
  const overrides = s.scenario.pricing;
  const ec2: Record<string, number> = {};
  for (const [name, price] of Object.entries(overrides?.ec2 ?? {})) {
    const problem = unpricedTypeProblem(name, s.customInstanceTypes);
    if (problem) reportThrown(report, ['pricing'], new Error(problem), 'pricing');
    else ec2[name] = price;
  }
  try {
    // the rest, without the names said above
    createPriceBook(overrides && { ...overrides, ec2 }, s.customInstanceTypes);
  } catch (e) {
    reportThrown(report, ['pricing'], e, 'pricing');
  }
};

const placement: Check = (s, report) => {
  for (const [name, td] of s.taskDefinitions) {
    try {
      compileConstraints(td.config.placementConstraints ?? []);
    } catch (e) {
      reportThrown(report, ['taskDefinitions', name], e);
    }
  }
  for (const svc of s.services) {
    const at: Path = ['services', svc.name];
    try {
      compileConstraints(svc.config.placementConstraints);
    } catch (e) {
      reportThrown(report, at, e);
    }
    // "a maximum of 10 constraints for each task. This limit includes constraints in the task
    // definition and those specified at runtime" (APIReference/API_CreateService.html)
    const own = svc.config.placementConstraints.length;
    const inherited = (svc.taskDefinition.config.placementConstraints ?? []).length;
    if (inherited > 0 && own <= MAX_CONSTRAINTS && inherited + own > MAX_CONSTRAINTS) {
      report([...at, 'placementConstraints'], `expected at most ${MAX_CONSTRAINTS} placement constraints per task, counting the ${inherited} of task definition ${svc.taskDefinition.name}, found ${inherited + own}`);
    }
    if (svc.config.placementStrategy?.length === 0) {
      // no strategy at all would pack by instance id, which nobody asking for the default means
      report([...at, 'placementStrategy'], `expected at least one strategy, found an empty list; omit placementStrategy for the service scheduler's default (ecsim reads it as spread on attribute:${AZ_ATTRIBUTE}, then on instanceId; AWS names it spread on attribute:${AZ_ATTRIBUTE}), or name a strategy`);
    } else if (svc.config.placementStrategy) {
      try {
        compileStrategies(svc.config.placementStrategy);
      } catch (e) {
        reportThrown(report, at, e);
      }
    }
  }
};

const fargateSizes: Check = (s, report) => {
  for (const [name, td] of s.taskDefinitions) {
    if (!td.config.requiresCompatibilities.includes('FARGATE') || td.config.cpu === undefined || td.config.memory === undefined) continue;
    const problem = validateFargateSize(td.config.cpu, td.config.memory);
    if (problem) report(['taskDefinitions', name], problem);
  }
};

const autoScaling: Check = (s, report) => {
  for (const svc of s.services) {
    const as = svc.config.autoScaling;
    if (!as) continue;
    const at: Path = ['services', svc.name, 'autoScaling'];
    // policies whose metric is told here: left out of the ServiceAutoScaler built below, whose
    // trackedMetric would say the same again
    const told = new Set<string>();
    for (const [pname, p] of Object.entries(as.policies)) {
      const pat: Path = [...at, 'policies', pname];
      if (p.policyType === 'TargetTrackingScaling') {
        if ((p.predefinedMetricType === undefined) === (p.customMetric === undefined)) {
          report(pat, `expected exactly one of predefinedMetricType or customMetric, found ${p.predefinedMetricType === undefined ? 'neither' : 'both'}`);
          told.add(pname);
        }
        if (p.customMetricStatistic !== undefined && p.customMetric === undefined) {
          report([...pat, 'customMetricStatistic'], `expected only with customMetric (a predefined metric has its own statistic), found ${p.customMetricStatistic}; remove it or use customMetric`);
        }
        if (p.predefinedMetricType === 'ALBRequestCountPerTarget' && svc.config.workload?.type === 'queue') {
          // the ALB counts the requests it routes; a queue worker's messages come from the queue
          report([...pat, 'predefinedMetricType'], 'expected a metric a queue workload moves (BacklogPerTask, ECSServiceAverageCPUUtilization or ...MemoryUtilization), found ALBRequestCountPerTarget: the load balancer never sees the messages a queue worker pulls (workload.type: queue)');
        } else if (p.predefinedMetricType === 'ALBRequestCountPerTarget' && !svc.config.loadBalancer) {
          report([...pat, 'predefinedMetricType'], 'expected a metric a service without a load balancer has (ECSServiceAverageCPUUtilization or ECSServiceAverageMemoryUtilization), found ALBRequestCountPerTarget: the service has no loadBalancer to count its requests; add a loadBalancer or use another metric');
        }
      }
      const period = s.scenario.metrics.period;
      if (p.policyType === 'TargetTrackingScaling' && period !== 60_000) {
        report(['metrics', 'period'], `target tracking (policy ${pname} of ${svc.name}) uses the 1-minute datapoints of the alarms AAS creates: expected 60s, found ${period / 1000}s`);
      }
      if (p.policyType === 'StepScaling') {
        const alarmPeriod = p.alarm.period;
        if (alarmPeriod % period !== 0) {
          // the file may not write it: 60 s is the schema's default
          const found = s.defaultedAlarmPeriods?.has(`${svc.name}/${pname}`)
            ? `found no alarm.period (its default is ${alarmPeriod / 1000}s); write alarm.period: ${alarmPeriodFor(period) / 1000}s (or another multiple of metrics.period)`
            : `found ${alarmPeriod / 1000}s`;
          report([...pat, 'alarm', 'period'], `expected a multiple of metrics.period (${period / 1000}s), ${found}`);
        } else if (!(alarmPeriod % 60_000 === 0 || alarmPeriod === 10_000 || alarmPeriod === 20_000 || alarmPeriod === 30_000)) {
          // PutMetricAlarm: "Valid values are 10, 20, 30, and any multiple of 60"
          report([...pat, 'alarm', 'period'], `expected 10s, 20s, 30s or a multiple of 60s (CloudWatch's alarm periods), found ${alarmPeriod / 1000}s`);
        }
        if (p.adjustmentType === 'ExactCapacity') {
          p.stepAdjustments.forEach((step, k) => {
            // API_StepAdjustment: "For exact capacity, you must specify a non-negative value"
            if (step.scalingAdjustment < 0) report([...pat, 'stepAdjustments', k, 'scalingAdjustment'], `expected a value >= 0 with adjustmentType ExactCapacity (it is the new capacity), found ${step.scalingAdjustment}`);
          });
        }
      }
      const metric = p.policyType === 'TargetTrackingScaling' ? p.customMetric : p.alarm.metricName;
      if (metric === 'BacklogPerTask' && svc.config.workload?.type !== 'queue') {
        report(pat, `expected BacklogPerTask only on a queue workload (workload.type: queue), found ${svc.config.workload ? `workload.type ${svc.config.workload.type}` : 'no workload'}`);
      }
      if (metric === 'ApproximateNumberOfMessagesVisible' && svc.config.workload?.type !== 'queue') {
        report(pat, `expected ApproximateNumberOfMessagesVisible only on a queue workload (workload.type: queue; it is the SQS queue's metric, AWS/SQS), found ${svc.config.workload ? `workload.type ${svc.config.workload.type}` : 'no workload'}; use a metric the service has (CPUUtilization, MemoryUtilization${svc.config.loadBalancer ? ', RequestCountPerTarget' : ''}), or make the workload a queue`);
      }
      if (metric === 'RequestCountPerTarget' && svc.config.workload?.type === 'queue') {
        report(pat, 'expected a metric a queue workload moves (BacklogPerTask, ApproximateNumberOfMessagesVisible, CPUUtilization or MemoryUtilization), found RequestCountPerTarget: the load balancer never sees the messages a queue worker pulls (workload.type: queue)');
      } else if (metric === 'RequestCountPerTarget' && !svc.config.loadBalancer) {
        report(p.policyType === 'TargetTrackingScaling' ? [...pat, 'customMetric'] : [...pat, 'alarm', 'metricName'], 'expected a metric a service without a load balancer has (CPUUtilization or MemoryUtilization), found RequestCountPerTarget: the service has no loadBalancer to count its requests; add a loadBalancer or use another metric');
      }
    }
    try {
      new ServiceAutoScaler(
        {
          subject: svc.name,
          minCapacity: as.minCapacity,
          // (minCapacity above maxCapacity is reported once, by resolve.ts)
          maxCapacity: Math.max(as.minCapacity, as.maxCapacity),
          policies: Object.fromEntries(Object.entries(as.policies).filter(([pname]) => !told.has(pname))) as Record<string, ScalingPolicyConfig>,
          scheduledActions: as.scheduledActions,
          startEpochMs: s.startEpochMs,
        },
        svc.desiredCount,
      );
    } catch (e) {
      reportThrown(report, at, e, `services.${svc.name}.autoScaling`);
    }
  }
};

/**
 * The shortest alarm period a metrics.period allows: the period itself when CloudWatch takes
 * it (10, 20, 30 s or a multiple of 60 s), else its least common multiple with 60 s (45 s: 180 s).
 */
function alarmPeriodFor(period: number): number {
  if (period % 60_000 === 0 || period === 10_000 || period === 20_000 || period === 30_000) return period;
  let a = period;
  let b = 60_000;
  while (b !== 0) [a, b] = [b, a % b];
  return (period / a) * 60_000;
}

const workloads: Check = (s, report) => {
  for (const svc of s.services) {
    const w = svc.config.workload;
    if (!w) continue;
    const at: Path = ['services', svc.name, 'workload'];
    try {
      const serviceTimeMeanBare = w.perTask.serviceTime !== undefined && meanWrittenAsBareNumber(w.perTask.serviceTime);
      resolveServiceConfig({ type: w.type, perTask: w.perTask, maxQueuePerTask: w.maxQueuePerTask, slo: w.slo, fidelity: svc.config.fidelity }, { serviceTimeMeanBare });
    } catch (e) {
      reportThrown(report, ['services', svc.name], e);
    }
    // a container above its hard memory limit is killed (OutOfMemoryError: Container killed
    // due to memory usage; repost.aws/knowledge-center/ecs-resolve-outofmemory-errors): a
    // task whose idle memory is above it could never run
    const base = w.perTask.memoryMiB?.base ?? 0;
    const limit = memoryHardLimit(svc.taskDefinition);
    if (limit !== null && base > limit) {
      report(
        [...at, 'perTask', 'memoryMiB', 'base'],
        `expected at most the task's hard memory limit ${limit} MiB (task definition ${svc.taskDefinition.name}), found ${base}: ECS would kill its container at once (OutOfMemoryError); raise the task's memory or lower base`,
      );
    }
    if (w.type === 'http' && w.perTask.cpuPerBusySlot !== undefined) report([...at, 'perTask', 'cpuPerBusySlot'], `expected no cpuPerBusySlot on an http workload (it applies to queue workloads; http tasks use capacityRps and cpuBaseline), found ${w.perTask.cpuPerBusySlot}`);
    const csv = w.requestRate.csv;
    if (csv && !s.traceFiles.has(csv.file)) continue; // unreadable: reported where it was read
    try {
      const series = csv ? csvTraceSeries(s, csv) : undefined;
      const span = csv && series ? csvSpanProblem(csv.file, series, s.scenario.duration, s.startEpochMs, csv.interpolate, csv.timeColumn) : null;
      if (span?.kind === 'refuse') report([...at, 'requestRate', 'csv', 'file'], span.message);
      const config = traceConfigOf(w.requestRate, series ?? []);
      const trace = buildTrace(config, { startEpochMs: s.startEpochMs, streams: new RandomStreams(0), streamKey: 'check' });
      trace.rateAt(0);
      // each rate is bounded by the schema (a CSV value by its parser); the modifiers
      // multiply it (weekly, overlapping spikes, noise's clip), so the product is bounded too
      const [, highest] = traceBounds(config);
      const walk = w.requestRate.randomWalk;
      const factor = modifiersLargestFactor(config);
      if (!(highest <= MAX_REQUEST_RATE) && walk?.max !== undefined && factor !== null) {
        // the walk may climb to its max: the cause is the max the scenario wrote
        report(
          [...at, 'requestRate', 'randomWalk', 'max'],
          `expected a trace of at most ${MAX_REQUEST_RATE} requests/s (an ecsim bound), found one that may reach ${highest}: randomWalk.max ${walk.max} times the modifiers' largest factor ${factor} (weekly, spikes that overlap, noise); lower randomWalk.max to at most ${Math.floor(MAX_REQUEST_RATE / factor)} or the multipliers, or leave max out (it then defaults to ${MAX_REQUEST_RATE} over that factor)`,
        );
      } else if (!(highest <= MAX_REQUEST_RATE)) {
        report(
          [...at, 'requestRate'],
          `expected a trace of at most ${MAX_REQUEST_RATE} requests/s (an ecsim bound), found one that may reach ${highest} (its base shape's highest rate times its modifiers' largest factors: weekly, spikes that overlap, noise); lower the rate or the multipliers`,
        );
      }
    } catch (e) {
      if (e instanceof TraceCsvError) report([...at, 'requestRate', 'csv', 'file'], traceCsvMessage(e));
      else reportThrown(report, [...at, 'requestRate'], e, 'requestRate');
    }
  }
};

/**
 * A trace file's problem, said on the key that names the file: `expected a rate per second,
 * found "abc" at rate.csv, line 3, column 2 ("rps")`; a column the file lacks is told the key
 * that names it.
 */
export function traceCsvMessage(e: TraceCsvError): string {
  const role = /^a (time|value) column /.exec(e.expected)?.[1];
  const key = role === undefined ? '' : `; csv.${role}Column names the file's ${role} column (default "${role === 'time' ? 'time_s' : 'rps'}")`;
  return `expected ${e.expected}, found ${e.found} at ${csvPlace(e.file, e.line, e.column)}${e.hint}${key}`;
}

/**
 * The `expect` list: each expectation's syntax and summary path, and the service and capacity
 * provider names in it. A service or strategy refused by the resolve stage is left out of
 * the scenario, so with `namesSettled` false (the resolve stage reported a problem) the names
 * are not checked: "capacityProviders.FARGATE_SPOT: no such key" followed a misspelt
 * FARGATE_SPOTT in the strategy, which is the problem to say.
 */
export function checkExpectationList(s: ResolvedScenario, report: Report, namesSettled: boolean): void {
  const list = s.scenario.expect;
  if (!list) return;
  const names = namesSettled ? { services: s.services.map((x) => x.name), capacityProviders: s.reportedProviders } : {};
  for (const p of expectationProblems(list, names)) report(['expect', p.index], p.message);
}

/**
 * The memory a task's containers may not exceed: the smaller of task-level `memory` and the
 * sum of the containers' hard limits (`memory`, counted when every container has one: a
 * container is killed above its own limit whatever the task's is); null with neither (a
 * container with only memoryReservation may exceed it while the host has memory). ecsim's
 * task has one memory figure, so with several containers their limits count as one pool.
 */
export function memoryHardLimit(td: ResolvedTaskDefinition): number | null {
  const containers = Object.values(td.config.containerDefinitions ?? {});
  const everyHard = containers.length > 0 && containers.every((c) => c.memory !== undefined);
  const pooled = everyHard ? containers.reduce((sum, c) => sum + c.memory!, 0) : null;
  const task = td.config.memory;
  if (task === undefined) return pooled;
  return pooled === null ? task : Math.min(task, pooled);
}

/** The cross-key checks, but the expect list's (checkExpectationList, given whether the names settled). */
export const checks: Check[] = [instanceTypes, pricing, placement, fargateSizes, autoScaling, workloads];
