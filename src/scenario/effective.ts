// The scenario as the run used it, for results/scenario.json: the validated scenario with
// the defaults that are applied after parsing filled in too — each capacity provider's
// settings (parsed per provider; an Auto Scaling group's desiredCapacity defaults to its
// minSize), a REPLICA service's deploymentConfiguration (100 and 200; none for DAEMON), its default placement strategy (EC2 services:
// spread by Availability Zone, then by instance), a step scaling alarm's datapointsToAlarm
// (= evaluationPeriods) and statistic (Sum for RequestCountPerTarget, else Average), an
// at() or cron() scheduled action's timezone (UTC), a task
// definition's networkMode (awsvpc for FARGATE-compatible ones, else bridge) and how a
// service without launchType or capacityProviderStrategy is launched: the cluster's
// defaultCapacityProviderStrategy, copied in, else launchType EC2 (as ECS does). A DAEMON
// service takes no strategy, the cluster's default neither: with a default it must say
// launchType EC2 (resolve.ts), so it is never given one here.
// A REPLICA service's availabilityZoneRebalancing as resolved (ENABLED when compatible, else
// DISABLED; none for a DAEMON service). A target tracking policy's scaleInCooldown (300 s,
// after scaleOutCooldown, where the schema gives the key) and, with customMetric, its
// customMetricStatistic (as a step alarm's statistic). An http workload's maxQueuePerTask
// (100) and a queue workload's messageRetentionPeriod (4 days), each only on its type. The
// prices the run used (effectivePricing), after metrics as the schema gives `pricing`.
// The derived figures: a REPLICA service's desiredCount, a task definition's task-level cpu
// and memory (memory only when no container has a memoryReservation; else
// memoryReservedByContainers, not an input key, says what the task reserves), perTask's
// capacityRps (http), cpuPerBusySlot (queue) and memoryMiB, and the FARGATE / FARGATE_SPOT
// providers used undeclared. The request-rate pattern stays as
// written (its defaults are applied when the trace is built: trace-schema.ts).
// Durations in ms.

import { createPriceBook } from '../model/pricing/index.js';
import { defaultStrategies } from '../placement/index.js';
import { DEFAULT_ECS_COOLDOWN_MS, defaultStatistic } from '../scaling/index.js';
import { DEFAULT_ACTIVATION_METRICS_DELAY_MS, DEFAULT_INACTIVE_AFTER_MS, DEFAULT_MAX_QUEUE_PER_TASK, DEFAULT_RETENTION_MS, resolveServiceConfig } from '../workload/service/resolve-config.js';
import type { ServiceWorkloadConfig } from '../workload/service/types.js';
import { pricedByRun } from './priced.js';
import type { ResolvedScenario } from './resolve.js';
import { deploymentConfigurationOf, deregistrationDelayOf, hasHttpWorkload, type PolicyConfig, type Scenario, type ServiceConfig, WORKLOAD_KEYS } from './schema.js';

export function effectiveScenario(resolved: ResolvedScenario): Scenario {
  const s = resolved.scenario;
  const declared = Object.keys(s.cluster.capacityProviders);
  const capacityProviders = Object.fromEntries(
    declared.map((name) => {
      const p = resolved.providers.get(name);
      if (p?.kind !== 'asg') return [name, p?.config ?? (Object.hasOwn(s.cluster.capacityProviders, name) ? s.cluster.capacityProviders[name] : undefined)];
      const asg = p.config.autoScalingGroup;
      return [name, { ...p.config, autoScalingGroup: { ...asg, desiredCapacity: asg.desiredCapacity ?? asg.minSize } }];
    }),
  );
  // the FARGATE / FARGATE_SPOT providers a service uses without declaring them, with the
  // settings the run gave them (provisioningDelay; an undeclared FARGATE_SPOT has no
  // interruptions), after the declared ones
  for (const name of resolved.reportedProviders) {
    const p = resolved.providers.get(name);
    if (p?.kind === 'fargate' && !Object.hasOwn(capacityProviders, name)) capacityProviders[name] = p.config;
  }
  // a task definition's task-level cpu and memory when not written: what the task reserves
  // (the sum of its containers'), first, in the place the schema gives the keys. Task-level
  // memory is the task's hard limit in ECS, so it is filled in only when every container
  // reserves its hard limit (no memoryReservation): then the sum is a limit no container
  // exceeds and the same reservation. With a memoryReservation the sum of soft limits is no
  // hard limit (a container's own may be above it): memory is left out and what the task
  // reserves is recorded as memoryReservedByContainers, after networkMode, a key that is not
  // input. (size is spread twice: first for the keys' place, last over a cpu or memory the
  // config holds as undefined)
  const taskDefinitions = Object.fromEntries(
    Object.entries(s.taskDefinitions).map(([name, config]) => {
      const td = resolved.taskDefinitions.get(name);
      const soft = Object.values(config.containerDefinitions).some((c) => c.memoryReservation !== undefined);
      const fill = config.memory !== undefined || !soft;
      const size = td === undefined ? {} : { cpu: config.cpu ?? td.cpu, ...(fill ? { memory: config.memory ?? td.memory } : {}) };
      const reserved = td === undefined || fill ? {} : { memoryReservedByContainers: td.memory };
      return [name, { ...size, ...config, ...size, networkMode: td?.networkMode ?? config.networkMode, ...reserved }];
    }),
  );
  const services = Object.fromEntries(
    Object.entries(s.services).map(([name, config]) => {
      const r = resolved.services.find((x) => x.name === name);
      const launch =
        config.launchType !== undefined || config.capacityProviderStrategy !== undefined || r === undefined
          ? {}
          : r.launchType !== null
            ? { launchType: r.launchType }
            : config.schedulingStrategy !== 'DAEMON'
              ? { capacityProviderStrategy: r.strategy.map((item) => ({ ...item })) }
              : {};
      const onEc2 = r !== undefined && (r.launchType === 'EC2' || r.strategy.some((item) => resolved.providers.get(item.capacityProvider)?.kind === 'asg'));
      const placementStrategy = config.placementStrategy ?? (onEc2 && config.schedulingStrategy !== 'DAEMON' ? [...defaultStrategies()] : undefined);
      const as = config.autoScaling;
      const autoScaling = as && {
        ...as,
        // timezone defaults to UTC where it applies: at() and cron(), not rate()
        scheduledActions: Object.fromEntries(
          Object.entries(as.scheduledActions).map(([aname, a]) => [
            aname,
            a.timezone !== undefined || /^\s*rate\(/.test(a.schedule) ? a : { ...a, timezone: 'UTC' },
          ]),
        ),
        policies: Object.fromEntries(
          Object.entries(as.policies).map(([pname, p]) => [
            pname,
            p.policyType === 'StepScaling' ? { ...p, alarm: withAlarmDefaults(p.alarm) } : withScaleInCooldown(withCustomMetricStatistic(p)),
          ]),
        ),
      };
      // deploymentConfiguration's defaults, in the place the schema gives the key; none for a
      // DAEMON service: ecsim applies no deployment configuration to it (a written one is kept
      // as written, and warned of), and AWS's REPLICA defaults (100/200) are not its defaults
      const withDeployment = config.deploymentConfiguration || config.schedulingStrategy === 'DAEMON'
        ? config
        : (Object.fromEntries(Object.entries(config).flatMap(([k, v]) => (k === 'healthCheckGracePeriodSeconds' ? [[k, v], ['deploymentConfiguration', { ...deploymentConfigurationOf(config) }]] : [[k, v]]))) as typeof config);
      // availabilityZoneRebalancing as resolved after parsing (ENABLED for a compatible REPLICA
      // service, else DISABLED: az-rebalancing.ts); none for a DAEMON service, which AWS does not rebalance
      const azRebalancing =
        config.availabilityZoneRebalancing !== undefined || config.schedulingStrategy === 'DAEMON' || r === undefined
          ? {}
          : { availabilityZoneRebalancing: r.azRebalancing ? ('ENABLED' as const) : ('DISABLED' as const) };
      // the load balancer's deregistration delay (300 s) where it applies: targets of an http
      // workload; on any other service a stopping task deregisters at once, so none is filled
      // in (a written one stays, and is warned of), in the place the schema gives the key
      const lb = withDeployment.loadBalancer;
      const withDelay =
        lb && lb.deregistrationDelay === undefined && hasHttpWorkload(config)
          ? { ...withDeployment, loadBalancer: { routing: lb.routing, deregistrationDelay: deregistrationDelayOf(lb), healthCheck: lb.healthCheck } }
          : withDeployment;
      const withWorkload = withDelay.workload ? { ...withDelay, workload: withWorkloadDefaults(withDelay.workload, config.fidelity) } : withDelay;
      // a REPLICA service's desiredCount when not written: autoScaling's minCapacity (resolve.ts), after taskDefinition
      const withDesired =
        withWorkload.desiredCount !== undefined || config.schedulingStrategy === 'DAEMON' || r === undefined
          ? withWorkload
          : (Object.fromEntries(Object.entries(withWorkload).flatMap(([k, v]) => (k === 'taskDefinition' ? [[k, v], ['desiredCount', r.desiredCount]] : [[k, v]]))) as typeof withWorkload);
      return [name, { ...withDesired, ...launch, ...(placementStrategy ? { placementStrategy } : {}), ...(autoScaling ? { autoScaling } : {}), ...azRebalancing }];
    }),
  );
  const pricing = effectivePricing(resolved);
  // `pricing` in the schema's place (after metrics), whether written or filled in
  const head = Object.fromEntries(
    Object.entries(s).flatMap(([k, v]) => (k === 'pricing' ? [] : k === 'metrics' ? [[k, v], ...(pricing ? [['pricing', pricing]] : [])] : [[k, v]])),
  ) as Scenario;
  return { ...head, cluster: { ...s.cluster, capacityProviders }, taskDefinitions, services };
}

/**
 * The prices the run used, in `pricing:`'s shape, so that a results folder says them after
 * the built-in list changes: the on-demand USD an hour of each instance type a group launches
 * (a catalog type's list price or a custom type's `price`, unless overridden; an on-demand group
 * launches its first listed type only, a Spot group every one), ec2SpotDiscount when a group
 * buys Spot, and of Fargate vcpuHour and gbHour when an X86_64 task runs on Fargate,
 * spotDiscount when a task runs on FARGATE_SPOT, arm64's rates when an ARM64 task runs on
 * Fargate. Only what the run buys (pricedByRun, as the warning of a price with no effect
 * reads it): a filled-in key is never one the loader warns of. A written key is kept (with
 * its value), also one that prices nothing (and is warned of); undefined when there is nothing
 * to record.
 */
function effectivePricing(resolved: ResolvedScenario): Scenario['pricing'] {
  const written = resolved.scenario.pricing;
  const book = createPriceBook(written, resolved.customInstanceTypes);
  const run = pricedByRun(resolved);
  const ec2: Record<string, number> = {};
  for (const [name, type] of run.launched) ec2[name] = book.ec2Price(type, 'on-demand');
  for (const [name, price] of Object.entries(written?.ec2 ?? {})) if (!Object.hasOwn(ec2, name)) ec2[name] = price;
  const wf = written?.fargate;
  const x86 = book.fargate('x86_64');
  const arm = book.fargate('arm64');
  const fargate: NonNullable<NonNullable<Scenario['pricing']>['fargate']> = {};
  if (run.fargate.x86 || wf?.vcpuHour !== undefined) fargate.vcpuHour = x86.vcpuHour;
  if (run.fargate.x86 || wf?.gbHour !== undefined) fargate.gbHour = x86.gbHour;
  if (run.fargate.spot || wf?.spotDiscount !== undefined) fargate.spotDiscount = x86.spotDiscount;
  if (run.fargate.arm64) fargate.arm64 = { vcpuHour: arm.vcpuHour, gbHour: arm.gbHour };
  else if (wf?.arm64 !== undefined) fargate.arm64 = { ...wf.arm64 };
  const pricing = {
    ...(Object.keys(fargate).length > 0 || wf !== undefined ? { fargate } : {}),
    ...(Object.keys(ec2).length > 0 || written?.ec2 !== undefined ? { ec2 } : {}),
    ...(run.spotGroup || written?.ec2SpotDiscount !== undefined ? { ec2SpotDiscount: book.ec2SpotDiscount } : {}),
  };
  return Object.keys(pricing).length > 0 || written !== undefined ? pricing : undefined;
}

type StepAlarm = Extract<PolicyConfig, { policyType: 'StepScaling' }>['alarm'];

/** The alarm with its statistic (where the schema puts it) and datapointsToAlarm filled in. */
function withAlarmDefaults(alarm: StepAlarm): StepAlarm {
  const { metricName, statistic, ...rest } = alarm;
  return { metricName, statistic: statistic ?? defaultStatistic(metricName), ...rest, datapointsToAlarm: alarm.datapointsToAlarm ?? alarm.evaluationPeriods };
}

type TargetTracking = Extract<PolicyConfig, { policyType: 'TargetTrackingScaling' }>;

/** With customMetric, its customMetricStatistic (Sum for RequestCountPerTarget, else Average), right after customMetric. */
function withCustomMetricStatistic(p: TargetTracking): TargetTracking {
  if (p.customMetric === undefined || p.customMetricStatistic !== undefined) return p;
  const statistic = defaultStatistic(p.customMetric);
  return Object.fromEntries(Object.entries(p).flatMap(([k, v]) => (k === 'customMetric' ? [[k, v], ['customMetricStatistic', statistic]] : [[k, v]]))) as TargetTracking;
}

type Workload = NonNullable<Scenario['services'][string]['workload']>;

/**
 * An http workload's maxQueuePerTask (100) and a queue workload's messageRetentionPeriod
 * (SQS's 4 days), inactiveAfter (6 hours) and activationMetricsDelay (15 minutes), each only
 * where it applies (the other is refused on that type); every key in the schema's order
 * (WORKLOAD_KEYS), so a scenario that writes a default and one that leaves it out give the
 * same scenario.json, whichever keys they wrote.
 */
function withWorkloadDefaults(w: Workload, fidelity: ServiceConfig['fidelity']): Workload {
  const fill: Partial<Workload> =
    w.type === 'queue'
      ? {
          ...(w.messageRetentionPeriod === undefined ? { messageRetentionPeriod: DEFAULT_RETENTION_MS } : {}),
          ...(w.inactiveAfter === undefined ? { inactiveAfter: DEFAULT_INACTIVE_AFTER_MS } : {}),
          ...(w.activationMetricsDelay === undefined ? { activationMetricsDelay: DEFAULT_ACTIVATION_METRICS_DELAY_MS } : {}),
        }
      : w.maxQueuePerTask === undefined ? { maxQueuePerTask: DEFAULT_MAX_QUEUE_PER_TASK } : {};
  const perTask = withPerTaskDefaults(w, fidelity);
  const all: Record<string, unknown> = { ...w, perTask, ...fill };
  const keys = [...WORKLOAD_KEYS.filter((k) => k in all), ...Object.keys(all).filter((k) => !WORKLOAD_KEYS.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, all[k]])) as Workload;
}

/**
 * perTask's derived figures as the run used them (resolve-config.ts), each only where the
 * type takes the key: an http task's capacityRps (concurrency / mean serviceTime when not
 * written), a queue worker's cpuPerBusySlot ((100 - cpuBaseline) / concurrency), and
 * memoryMiB (base 0, perRps 0).
 */
function withPerTaskDefaults(w: Workload, fidelity: ServiceConfig['fidelity']): Workload['perTask'] {
  const p = w.perTask;
  const cfg = resolveServiceConfig({ type: w.type, perTask: p, maxQueuePerTask: w.maxQueuePerTask, slo: w.slo, fidelity } as ServiceWorkloadConfig);
  const out: Record<string, unknown> = { ...p };
  if (w.type === 'http' && p.capacityRps === undefined) out.capacityRps = cfg.capacityRps;
  if (w.type === 'queue' && p.cpuPerBusySlot === undefined) out.cpuPerBusySlot = cfg.cpuPerBusySlot;
  if (p.memoryMiB === undefined) out.memoryMiB = { base: cfg.memoryBase, perRps: cfg.memoryPerRps };
  // in the schema's order of perTask's keys
  const order = ['capacityRps', 'cpuBaseline', 'memoryMiB', 'concurrency', 'serviceTime', 'cpuPerBusySlot'];
  return Object.fromEntries([...order.filter((k) => Object.hasOwn(out, k)).map((k) => [k, out[k]]), ...Object.entries(out).filter(([k]) => !order.includes(k))]) as Workload['perTask'];
}

/** A target tracking policy with its scaleInCooldown (AAS's 300 s when not written), in the place the schema gives the key. */
function withScaleInCooldown<P extends { scaleInCooldown?: number }>(p: P): P {
  if (p.scaleInCooldown !== undefined) return p;
  return Object.fromEntries(Object.entries(p).flatMap(([k, v]) => (k === 'scaleOutCooldown' ? [[k, v], ['scaleInCooldown', DEFAULT_ECS_COOLDOWN_MS]] : [[k, v]]))) as P;
}
