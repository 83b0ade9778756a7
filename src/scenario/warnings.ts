// Valid input that likely does not do what its author meant: a load change or a scheduled
// action after the end of the run, a request rate's likely slips or a fluid-fidelity trace
// that changes faster than the metric period (trace-warnings.ts), an Availability Zone
// outside the scenario's region, a deployment configuration under which a draining
// instance's tasks never leave (and, on a group that scales in without managed termination
// protection and with managed draining, may be drained down to desired 0), a task whose memory at full load exceeds its hard limit, a
// task definition naming a CPU architecture that the EC2 capacity its service may use never
// launches (ECS leaves such tasks unplaced: every instance lacks the ecs.cpu-architecture
// value the task requires; a valid configuration, as in ECS, so not refused), a step scaling
// policy with no step for some breaches of its alarm or with more step adjustments than
// Application Auto Scaling's default quota of 20 (adjustable), a desiredCount outside the auto scaling
// [minCapacity, maxCapacity] (set to the nearer bound when the scalable target is registered)
// or outside the bounds the scheduled actions' firings before the run left in force (replayed
// at time 0 and brought inside them: desiredCountAtStart, one warning for both; and a service
// without desiredCount, at minCapacity, that those replayed bounds move),
// a deploymentConfiguration on a service it cannot touch (DAEMON, or Fargate only without a
// load balancer or Fargate Spot interruptions), a FARGATE_SPOT service behind a target group
// with a deregistration delay of 2 minutes or more, FARGATE_SPOT given tasks with no
// interruptions (never reclaimed: fargateSpotWithoutInterruptions), an EC2 Spot group with
// no spotInterruptions (ec2SpotWithoutInterruptions), a service (REPLICA or DAEMON) on an Auto Scaling group
// with EC2 Spot interruptions and spotInstanceDraining whose deregistration delay + stopTimeout
// is 2 minutes or more (ec2SpotDrainTooLong), a task definition whose shutdown is always at or
// above its stopTimeout (shutdownAtStopTimeout), a task definition or a configured
// FARGATE/FARGATE_SPOT provider that no service uses, a price override that prices nothing
// the run buys (an instance type no group launches, a Spot discount with no Spot capacity, a
// Fargate price with no Fargate task of its kind), a service that may come down to 0 tasks
// whose scaling policies cannot scale it out from 0 (noScaleOutFromZero), an Auto Scaling group
// with minSize 0 whose own target tracking policy cannot scale it out from 0 instances
// (groupNoScaleOutFromZero), a capacity provider a
// service's strategy gives tasks that can never run one (its group's maxSize 0, or the task
// fits no instance type it launches: providersThatRunNothing), a REPLICA service on launchType
// EC2 when no Auto Scaling group ever has an instance (launchTypeEc2WithoutInstances), a launchType EC2 service's task
// that no group of the cluster can run (ec2LaunchTypeRunsNothing), a managed-scaling capacity
// provider a service's strategy gives tasks larger than the smallest instance type its group
// lists though one it launches fits them (never scaled out for: largerThanSmallestType), an
// on-demand group listing several instance types (only the first is launched: onDemandExtraTypes), cluster.awsvpcTrunking
// on with a catalog instance type that has no published trunking task limit (it keeps its plain
// ENI limit) in a group an awsvpc EC2 service can be placed on, or with no such group at all,
// a DAEMON task larger than every instance type the groups launch register (never placed),
// a spread field or memberOf expression naming an attribute no instance has, or comparing
// an attribute (built-in or the groups' own) with == / in values or an =~ pattern no value an
// instance can have meets (case included), or ec2InstanceId with an id no ecsim instance has
// (values and patterns not under an odd number of `not`, an exclusion as != and not_in are)
// (when the expression needs it, that its tasks are never placed and a managed-scaling group grows to maxSize: neverPlaced), or a needed
// attribute comparison that no instance of one provider given tasks meets, though others may
// (providersThatNeverMeet, per provider), a REPLICA service on EC2 whose placementStrategy is
// spread on the AZ alone (azSpreadAlone: packs within each AZ, unlike the default; not with distinctInstance), a DAEMON service's
// memberOf reading runningTasksCount or task:group (evaluated at placement only), Availability
// Zone rebalancing on where maximumPercent leaves no room for one task more at the initial
// desired count or minCapacity (azRebalancingWithoutRoom), a service's target tracking policy
// on CPU with a target its CPU never exceeds, or on the queue's raw
// ApproximateNumberOfMessagesVisible, or with a scaleInCooldown beside disableScaleIn: true
// (targetTrackingSettings), a launchDelay, provisioningDelay,
// imagePull, containerStart or applicationStart whose least value is at or after the end of the run
// (delaysPastTheEnd), a cooldown, warm-up, stopTimeout or other span of bare-seconds.ts written
// as a bare number of seconds at or after the end of the run (bareSecondsPastTheEnd), under warmStart a launchDelay on a group that never launches after
// time 0 (warmFixedFleetLaunchDelay), an http task's capacityRps below 1/100 of what its
// slots allow (capacityFarBelowSlots), a fluid http service routed least-outstanding whose new
// target can turn unhealthy before its application answers, so that the load balancer may fail
// open, where fluid and request fidelity split the requests differently (leastOutstandingFailOpen),
// a fluid http service routed round-robin with a maxQueuePerTask below 4, unless at concurrency 1
// with exponential service (fluid drops too many and reads CPU low: roundRobinSmallQueue).
// These are said (on stderr by `ecsim run` and `ecsim validate`), not refused; what falls
// after a shorter `--duration` is cut off on purpose and not warned of.

import { customTypesIn, lookupInstanceType } from '../model/capacity/instance-catalog.js';
import { registeredResources } from '../model/capacity/registered-resources.js';
import { listedTypeResources, smallestTypeShortfall, type ListedTypeResources } from '../model/capacity/smallest-type.js';
import { isUpperThreshold } from '../scaling/comparison.js';
import { isoInstant, ServiceAutoScaler } from '../scaling/service-auto-scaler.js';
import { firstInstantIn, nextFireOrSkip, prevFire, PREV_FIRE_HORIZON_MS, skippedTimes } from '../scaling/schedule/next-fire.js';
import { uncoveredBreaches } from '../scaling/step-adjustments.js';
import { serviceModel } from './service-model.js';
import { normalTail } from '../engine/normal.js';
import { lognormalParams } from '../engine/distributions.js';
import { memoryHardLimit } from './checks.js';
import { azRebalancingIncompatibility } from './az-rebalancing.js';
import { DEFAULT_DEPLOYMENT_CONFIGURATION, DEFAULT_LAUNCH_DELAY, deploymentConfigurationOf, deregistrationDelayOf, hasHttpWorkload, type AsgProviderConfig } from './schema.js';
import { formatDuration } from './duration.js';
import { writtenAsBareNumber, type DurationDistribution } from './schema-helpers.js';
import { bareSecondsHint } from './bare-seconds.js';
import { closest, closestName } from './did-you-mean.js';
import { ARCH_ATTRIBUTE, AZ_ATTRIBUTE, BUILT_IN_ATTRIBUTES, evaluate, expressionExcerpt, instanceAttributes, parseExpression, type Expression, type PlacementInstance } from '../placement/index.js';
import { traceWarnings } from './trace-warnings.js';
import { pricedByRun } from './priced.js';
import type { Path, ResolvedProvider, ResolvedScenario, ResolvedService } from './resolve.js';

/**
 * With `cluster.awsvpcTrunking` on, each listed catalog instance type without a published
 * trunking task limit (eni-trunking-supported-instance-types.html; ecsim's catalog) keeps its
 * plain ENI limit: said, so that a planner does not read its packing as trunked. Only for a
 * group an EC2 service with networkMode awsvpc can be placed on (launchType EC2 or DAEMON:
 * every group; a capacity provider strategy: the groups it gives tasks): for others the ENI
 * limit decides nothing. Not for a custom type: its `enis` is the planner's own figure (the
 * documented workaround is a custom type whose enis is the trunked task limit + 1). When no
 * group runs awsvpc tasks at all, the setting itself is said to change nothing.
 */
function trunkingWithoutFigure(s: ResolvedScenario, out: ScenarioWarning[]): void {
  if (!s.scenario.cluster.awsvpcTrunking) return;
  const awsvpcOn = new Set<string>();
  for (const svc of s.services) {
    if (svc.taskDefinition.networkMode !== 'awsvpc') continue;
    if (svc.launchType === 'EC2' || svc.config.schedulingStrategy === 'DAEMON') {
      for (const [name, p] of s.providers) if (p.kind === 'asg') awsvpcOn.add(name);
    } else {
      for (const item of svc.strategy) if (item.base > 0 || item.weight > 0) awsvpcOn.add(item.capacityProvider);
    }
  }
  const onGroups = [...awsvpcOn].filter((name) => s.providers.get(name)?.kind === 'asg');
  if (onGroups.length === 0) {
    // Fargate has no ENI trunking (container-instance-eni.html), and bridge or host tasks take no ENI
    out.push({
      at: ['cluster', 'awsvpcTrunking'],
      message:
        'is on, but no task with networkMode awsvpc runs on an Auto Scaling group here, so it changes nothing (ENI trunking raises the awsvpc tasks an EC2 instance can run; it is not available on Fargate)',
    });
    return;
  }
  for (const name of onGroups) {
    const p = s.providers.get(name)!;
    if (p.kind !== 'asg') continue;
    const asg = p.config.autoScalingGroup;
    const custom = customTypesIn(asg.instanceTypes);
    asg.instanceTypes.forEach((t, i) => {
      if (typeof t !== 'string') return; // a custom type: the planner's own ENI figure
      const typeName = t;
      let info;
      try {
        info = lookupInstanceType(typeName, custom);
      } catch {
        return; // refused by the checks
      }
      if (info.trunkTaskLimit !== undefined) return;
      const how = 'ecsim has no published ENI trunking task limit for it';
      out.push({
        at: ['cluster', 'capacityProviders', name, 'autoScalingGroup', 'instanceTypes', i],
        message: `cluster.awsvpcTrunking is on, but ${how}: ${typeName} keeps ${Math.max(0, info.maxEnis - 1)} awsvpc tasks per instance (maxEnis ${info.maxEnis} - 1); to model a trunked ${typeName}, use a custom type whose enis is AWS's trunked task limit + 1`,
      });
    });
  }
}

/** Where the 1-minute resolution of each step alarm metric comes from. */
const ONE_MINUTE_SOURCE: Record<string, string> = {
  CPUUtilization: 'ECS service metrics',
  MemoryUtilization: 'ECS service metrics',
  RequestCountPerTarget: 'load balancer metrics',
  BacklogPerTask: "computed from SQS's ApproximateNumberOfMessagesVisible",
};

/**
 * Application Auto Scaling's default quota "Step adjustments per step scaling policy"
 * (application-auto-scaling-quotas.html), adjustable: warned of above it, not refused.
 */
const MAX_STEP_ADJUSTMENTS = 20;

export interface ScenarioWarning {
  at: Path;
  message: string;
  /**
   * true: the key is without effect only because the scenario starts warm (warmStart): a
   * compare or sweep whose base starts cold uses it in its cold runs, so the warning is not
   * said of a variant or point that turns warmStart on (check-experiment.ts).
   */
  onlyWarm?: true;
}

/**
 * The Auto Scaling groups `svc` may run tasks on (launchType EC2: every group; else its
 * strategy's) that may scale in (managed scaling on, or the group's own target tracking
 * policy without disableScaleIn, and minSize below maxSize) without managed termination
 * protection and with managed draining: a scale in there may drain an instance running the
 * service's tasks. With the group's minSize (how low its desired capacity may go) and whether
 * it has managed scaling (which managed termination protection requires).
 */
function drainsBusyInstances(s: ResolvedScenario, svc: ResolvedService): { name: string; minSize: number; managed: boolean }[] {
  const names = svc.launchType === 'EC2' ? [...s.providers.keys()] : svc.strategy.map((x) => x.capacityProvider);
  const out: { name: string; minSize: number; managed: boolean }[] = [];
  for (const name of names) {
    const p = s.providers.get(name);
    if (p?.kind !== 'asg') continue;
    const c = p.config;
    const asg = c.autoScalingGroup;
    const managed = c.managedScaling?.status === 'ENABLED';
    const ownPolicyScalesIn = asg.targetTrackingPolicy !== undefined && !asg.targetTrackingPolicy.disableScaleIn;
    const scalesIn = (managed || ownPolicyScalesIn) && asg.minSize < asg.maxSize;
    if (scalesIn && c.managedTerminationProtection === 'DISABLED' && c.managedDraining === 'ENABLED' && !out.some((g) => g.name === name)) out.push({ name, minSize: asg.minSize, managed });
  }
  return out;
}

/** What the 100/100 drain warning adds for the groups drainsBusyInstances found ('' for none). */
function drainsBusyMessage(groups: { name: string; minSize: number; managed: boolean }[]): string {
  if (groups.length === 0) return '';
  const floor = groups.length === 1 ? `the group's desired capacity can go down to its minSize ${groups[0].minSize}` : `a group's desired capacity can go down to its minSize (${groups.map((g) => `${g.name} ${g.minSize}`).join(', ')})`;
  const managed = groups.filter((g) => g.managed).map((g) => g.name);
  const unmanaged = groups.filter((g) => !g.managed).map((g) => g.name);
  // managed termination protection requires managed scaling (refused at load otherwise)
  const lacking = `managedScaling ENABLED, which ${unmanaged.join(', ')} ${unmanaged.length === 1 ? 'lacks' : 'lack'}: there lower minimumHealthyPercent or raise maximumPercent`;
  const advice =
    unmanaged.length === 0
      ? ', so turn managedTerminationProtection on'
      : managed.length === 0
        ? `; managedTerminationProtection requires ${lacking}`
        : `, so turn managedTerminationProtection on for ${managed.join(', ')}; it requires ${lacking}`;
  return `; with managedTerminationProtection DISABLED and managedDraining ENABLED on ${groups.map((g) => g.name).join(', ')}, a scale in may choose the instances running these tasks and drain them: ${floor} while those DRAINING instances keep the tasks and are billed${advice}`;
}

/**
 * `durationOverridden`: the run's length comes from `--duration`, not the file; what falls
 * after its end is then cut off on purpose and not warned of.
 */
export function scenarioWarnings(s: ResolvedScenario, options: { durationOverridden?: boolean } = {}): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  const end = s.scenario.duration;
  const after = (ms: number) => `${formatDuration(ms)} is at or after the end of the run (${formatDuration(end)}): it never happens`;
  const region = s.scenario.region;
  s.scenario.cluster.availabilityZones.forEach((az, i) => {
    if (!new RegExp(`^${region}[a-z]$`).test(az)) out.push({ at: ['cluster', 'availabilityZones', i], message: `"${az}" is not an Availability Zone name of ${region} (like ${region}a); it is used as a label only` });
  });
  // (a run cut short by --duration is short on purpose: not warned of, as the steps after its end)
  if (!options.durationOverridden) metricsAfterTheEnd(s, out);
  if (!options.durationOverridden) delaysPastTheEnd(s, out);
  if (!options.durationOverridden) bareSecondsPastTheEnd(s, out);
  warmFixedFleetLaunchDelay(s, out);
  disabledManagedScalingSettings(s, out);
  for (const svc of s.services) {
    // Draining (container-instance-draining.html): tasks on a DRAINING instance are replaced
    // within maximumPercent and stopped keeping minimumHealthyPercent healthy. At 100 and 100
    // neither may go first, so a drain does not end by itself (a managed scale in waits forever;
    // a Spot interruption ends when the instance terminates, its tasks killed).
    const dc = deploymentConfigurationOf(svc.config);
    const onEc2 = svc.launchType === 'EC2' || svc.strategy.some((x) => s.providers.get(x.capacityProvider)?.kind === 'asg');
    if (svc.config.schedulingStrategy === 'REPLICA' && onEc2 && dc.minimumHealthyPercent === 100 && dc.maximumPercent === 100) {
      // Without managed termination protection a scale in may choose the instances running the
      // service's tasks; with managed draining it drains them instead of terminating them, and
      // those drains never end: the group's desired capacity goes down (to minSize when nothing
      // else runs) while the DRAINING instances keep the tasks and keep being billed.
      const more = drainsBusyMessage(drainsBusyInstances(s, svc));
      out.push({
        at: ['services', svc.name, 'deploymentConfiguration'],
        message: `minimumHealthyPercent 100 with maximumPercent 100: tasks on a draining instance can neither be replaced before they stop nor stop before their replacements are healthy, so a drain does not end by itself (a managed scale in waits forever; an interrupted Spot instance kills its tasks when it terminates); lower minimumHealthyPercent or raise maximumPercent${more}`,
      });
    }
  }
  for (const svc of s.services) desiredCountAtStart(s, svc, out);
  for (const svc of s.services) {
    // Application Auto Scaling's quota "Step adjustments per step scaling policy", 20, is
    // adjustable (application-auto-scaling-quotas.html): more are run, but said, since an
    // account without the increase would have the policy refused
    for (const [name, p] of Object.entries(svc.config.autoScaling?.policies ?? {})) {
      if (p.policyType !== 'StepScaling' || p.stepAdjustments.length <= MAX_STEP_ADJUSTMENTS) continue;
      out.push({
        at: ['services', svc.name, 'autoScaling', 'policies', name, 'stepAdjustments'],
        message: `${p.stepAdjustments.length} step adjustments, above Application Auto Scaling's default quota of ${MAX_STEP_ADJUSTMENTS} per step scaling policy (adjustable: request an increase before relying on this)`,
      });
    }
  }
  for (const svc of s.services) {
    // a breach no step covers: the alarm goes into ALARM, invokes the policy, and nothing scales
    for (const [name, p] of Object.entries(svc.config.autoScaling?.policies ?? {})) {
      if (p.policyType !== 'StepScaling') continue;
      const always = visibleMessagesAlarmConstant(p.alarm.metricName, p.alarm.comparisonOperator, p.alarm.threshold);
      if (always) {
        out.push({ at: ['services', svc.name, 'autoScaling', 'policies', name, 'alarm', 'threshold'], message: always });
      }
      const gap = uncoveredBreaches(p.stepAdjustments, isUpperThreshold(p.alarm.comparisonOperator));
      if (gap) {
        out.push({
          at: ['services', svc.name, 'autoScaling', 'policies', name, 'stepAdjustments'],
          message: `${gap} of the alarm (${p.alarm.comparisonOperator} ${p.alarm.threshold}): on such a breach the alarm goes into ALARM and invokes the policy, which changes nothing (a no-step-adjustment event); bounds are relative to the threshold`,
        });
      }
    }
  }
  for (const svc of s.services) {
    // metricAggregationType combines all the evaluated datapoints ("Aggregation to apply to
    // all data points over the evaluation periods", AWS's CDK reference): with M of N below N
    // an ALARM can come with an aggregate on the non-breaching side, where these steps do not
    // reach, so the policy is invoked and scales nothing (docs/assumptions.md)
    for (const [name, p] of Object.entries(svc.config.autoScaling?.policies ?? {})) {
      if (p.policyType !== 'StepScaling') continue;
      const m = p.alarm.datapointsToAlarm ?? p.alarm.evaluationPeriods;
      const n = p.alarm.evaluationPeriods;
      if (m >= n) continue;
      const upper = isUpperThreshold(p.alarm.comparisonOperator);
      const agg = p.metricAggregationType;
      if (agg === (upper ? 'Maximum' : 'Minimum')) continue;
      const covered = p.stepAdjustments.some((x) => (upper ? x.metricIntervalLowerBound : x.metricIntervalUpperBound) == null);
      if (covered) continue;
      // every metric a step alarm here watches is 0 or more, so a Greater* alarm's aggregate is
      // never below 0: steps reaching down to a breach of -threshold (a "> 0" wake alarm with a
      // step from 0) cover every value it can take
      const lowest = Math.min(...p.stepAdjustments.map((x) => x.metricIntervalLowerBound ?? -Infinity));
      if (upper && lowest <= -p.alarm.threshold) continue;
      const side = upper ? 'below' : 'above';
      out.push({
        at: ['services', svc.name, 'autoScaling', 'policies', name, 'metricAggregationType'],
        message:
          `${agg} of all ${n} datapoints the alarm evaluates (datapointsToAlarm ${m} of evaluationPeriods ${n}): the alarm can be in ALARM with the ${agg} ${side} the threshold ${p.alarm.threshold}, ` +
          `where no step covers it, and then nothing scales (a no-step-adjustment event); to scale on every ALARM use ${upper ? 'Maximum' : 'Minimum'}, ` +
          `or a step with no ${upper ? 'metricIntervalLowerBound' : 'metricIntervalUpperBound'}`,
      });
    }
  }
  for (const svc of s.services) {
    // PutMetricAlarm: a 10, 20 or 30 s period on a metric without sub-minute resolution gets
    // no data for the attempts off the minute (the alarm may lapse into INSUFFICIENT_DATA).
    // Every metric a step alarm here watches comes at 1-minute resolution in AWS.
    for (const [name, p] of Object.entries(svc.config.autoScaling?.policies ?? {})) {
      if (p.policyType !== 'StepScaling' || p.alarm.period >= 60_000) continue;
      out.push({
        at: ['services', svc.name, 'autoScaling', 'policies', name, 'alarm', 'period'],
        message: `${formatDuration(p.alarm.period)} on ${p.alarm.metricName}, which AWS publishes every minute (${ONE_MINUTE_SOURCE[p.alarm.metricName] ?? 'a 1-minute metric'}): a CloudWatch alarm with a sub-minute period gets no data for the attempts off the minute and may lapse into INSUFFICIENT_DATA (PutMetricAlarm), so this period is a model-only setting; use 60s to match AWS`,
      });
    }
  }
  for (const svc of s.services) targetTrackingSettings(s, svc, out);
  stepAlarmsOffTheMinute(s, out);
  startOffThePeriod(s, out);
  // declared but used by no service: nothing of it reaches the run. (An Auto Scaling group is
  // capacity, launched and charged with no service; FARGATE and FARGATE_SPOT are capacity only
  // through a strategy, and written without settings they only mirror the cluster's providers.)
  const usedDefinitions = new Set(s.services.map((svc) => svc.taskDefinition.name));
  for (const name of s.taskDefinitions.keys()) {
    if (!usedDefinitions.has(name)) out.push({ at: ['taskDefinitions', name], message: `no service uses task definition ${name}: it has no effect on the run` });
  }
  for (const [name, p] of s.providers) {
    const declared = s.scenario.cluster.capacityProviders;
    const written = Object.hasOwn(declared, name) ? declared[name] : undefined;
    const hasSettings = typeof written === 'object' && written !== null && Object.keys(written).length > 0;
    if (p.kind === 'fargate' && hasSettings && !s.reportedProviders.includes(name)) {
      out.push({ at: ['cluster', 'capacityProviders', name], message: `no service's capacity provider strategy uses ${name}: its settings have no effect on the run` });
    }
  }
  pricingWithoutEffect(s, out);
  trunkingWithoutFigure(s, out);
  out.push(...traceWarnings(s, options));
  for (const svc of s.services) noScaleOutFromZero(svc, out);
  groupNoScaleOutFromZero(s, out);
  for (const svc of s.services) memoryAtCapacity(svc, out);
  for (const svc of s.services) capacityFarBelowSlots(svc, out);
  for (const svc of s.services) leastOutstandingFailOpen(s, svc, out);
  for (const svc of s.services) roundRobinSmallQueue(svc, out);
  for (const svc of s.services) architectureWithoutInstances(s, svc, out);
  for (const svc of s.services) daemonFitsNoInstanceType(s, svc, out);
  placementNamesNoInstanceHas(s, out);
  for (const svc of s.services) azSpreadAlone(svc, out);
  for (const svc of s.services) daemonConstraintsThatChange(svc, out);
  for (const svc of s.services) providersThatRunNothing(s, svc, out);
  for (const svc of s.services) {
    // a task no group can run is the deeper cause: then that no group ever has an instance is not said too
    const before = out.length;
    ec2LaunchTypeRunsNothing(s, svc, out);
    if (out.length === before) launchTypeEc2WithoutInstances(s, svc, out);
  }
  for (const svc of s.services) largerThanSmallestType(s, svc, out);
  onDemandExtraTypes(s, out);
  for (const svc of s.services) deploymentWithoutDrain(s, svc, out);
  for (const svc of s.services) azRebalancingWithoutRoom(svc, out);
  for (const svc of s.services) fargateSpotDeregistrationDelay(s, svc, out);
  fargateSpotWithoutInterruptions(s, out);
  ec2SpotWithoutInterruptions(s, out);
  for (const svc of s.services) deregistrationDelayWithoutRequests(svc, out);
  for (const svc of s.services) ec2SpotDrainTooLong(s, svc, out);
  shutdownAtStopTimeout(s, out);
  for (const svc of s.services) scheduledActionsThatCannotSucceed(svc, out);
  if (options.durationOverridden) return out;
  for (const svc of s.services) {
    const rate = svc.config.workload?.requestRate;
    const at: Path = ['services', svc.name, 'workload', 'requestRate'];
    if (rate && !Array.isArray(rate)) {
      const step = rate.step;
      if (step && 'at' in step && step.at >= end) out.push({ at: [...at, 'step', 'at'], message: after(step.at) });
      if (step && 'steps' in step) {
        step.steps.forEach((x, i) => {
          if (x.at >= end) out.push({ at: [...at, 'step', 'steps', i, 'at'], message: after(x.at) });
        });
      }
      if (rate.ramp && rate.ramp.start >= end) out.push({ at: [...at, 'ramp', 'start'], message: after(rate.ramp.start) });
      (rate.spikes ?? []).forEach((x, i) => {
        if (x.at >= end) out.push({ at: [...at, 'spikes', i, 'at'], message: after(x.at) });
      });
    }
    const as = svc.config.autoScaling;
    // the firings before the run, replayed at time 0 as the simulation does (runInForceAtStart):
    // all the service's actions, in order, so that one a later firing overrode is told so
    const replayed = as?.scheduledActions
      ? new ServiceAutoScaler(
          { subject: svc.name, minCapacity: as.minCapacity, maxCapacity: Math.max(as.minCapacity, as.maxCapacity), policies: {}, scheduledActions: as.scheduledActions, startEpochMs: s.startEpochMs },
          svc.desiredCount,
        ).replayBeforeStart()
      : [];
    for (const [name, action] of Object.entries(as?.scheduledActions ?? {})) {
      const scaler = new ServiceAutoScaler(
        { subject: svc.name, minCapacity: as!.minCapacity, maxCapacity: Math.max(as!.minCapacity, as!.maxCapacity), policies: {}, scheduledActions: { [name]: action }, startEpochMs: s.startEpochMs },
        svc.desiredCount,
      );
      const first = scaler.nextScheduledTime(-1, false);
      if (first === null || first >= end) {
        const where: Path = ['services', svc.name, 'autoScaling', 'scheduledActions', name];
        const a = scaler.scheduledActions[0];
        const fired = a.schedule.kind === 'at' ? 'it fired' : 'it last fired';
        const last = replayed.filter((r) => r.a.name === name).pop();
        let inForce = '';
        if (last === undefined) {
          // a cron firing older than the look-back is not replayed (PREV_FIRE_HORIZON_MS; at() and rate() have no limit)
          const old = prevFire(a.schedule, s.startEpochMs, a.timezone, { startTime: a.startTime, endTime: a.endTime, createdAt: s.startEpochMs }, -Infinity);
          if (old !== null) inForce = `; ${fired} before the run, at ${isoInstant(old)}, more than ${PREV_FIRE_HORIZON_MS / 86_400_000} days before the run, taken as not in force (not replayed)`;
        } else if (last.status === 'in force at the start') {
          inForce = `; ${fired} before the run, at ${isoInstant(last.f)}: the bounds it set are in force from the start (replayed at time 0)`;
        } else {
          inForce = `; ${fired} before the run, at ${isoInstant(last.f)}, replayed at time 0; ${last.status}`;
        }
        const run = `the run (${formatDuration(end)} from ${s.scenario.start})`;
        if (first === null && a.endTime !== undefined && a.endTime <= s.startEpochMs) {
          out.push({ at: [...where, 'endTime'], message: `${action.endTime} is at or before the start of ${run}: the action's window ended before the run, so it does not fire within it${inForce || '; nor did it fire in the window'}` });
        } else if (first === null && a.schedule.kind === 'at') {
          // no firing from the start on: the instant is before the start, or outside the
          // action's startTime / endTime (an at() the clocks skip is refused at load)
          const atMs = firstInstantIn(a.schedule.local, a.timezone)!;
          const zone = a.timezone === 'UTC' ? '' : ` (${a.timezone})`;
          const schedule = `"${action.schedule}"${zone}`;
          const outside =
            a.startTime !== undefined && atMs < a.startTime
              ? `before its startTime (${action.startTime})`
              : a.endTime !== undefined && atMs > a.endTime
                ? `after its endTime (${action.endTime})`
                : undefined;
          if (atMs < s.startEpochMs) {
            out.push({ at: [...where, 'schedule'], message: `${schedule} is before the start of ${run}, so it does not fire within it${inForce || (outside === undefined ? '; nor did it fire before' : `; nor did it fire before: it is ${outside}`)}` });
          } else {
            const instant = a.timezone === 'UTC' ? `"${action.schedule}"` : `"${action.schedule}" (${a.timezone}: ${isoInstant(atMs)})`;
            const window = "outside the action's startTime / endTime window";
            out.push({ at: [...where, 'schedule'], message: `${instant} is ${outside === undefined ? window : `${outside}, ${window}`}, so it never fires` });
          }
        } else {
          // a cron whose times the clocks jump over (spring forward) on the only days it matches
          const skip = first === null && inForce === '' ? nextFireOrSkip(a.schedule, s.startEpochMs - 1, a.timezone, { startTime: a.startTime, endTime: a.endTime, createdAt: s.startEpochMs }) : null;
          const jump = skip !== null && typeof skip !== 'number' ? ` (its time falls in a daylight-saving jump: ${skippedTimes(skip)} in ${a.timezone} on ${skip.date}, clocks jump ${skip.from} -> ${skip.to})` : '';
          const why = first === null ? (inForce === '' ? `; it never fires${jump}` : inForce) : (first === end ? '; its first firing is at the end of the run, which is not simulated' : '') + inForce;
          out.push({ at: [...where, 'schedule'], message: `"${action.schedule}" does not fire within ${run}${why}` });
        }
      }
    }
  }
  return out;
}

/**
 * A desiredCount the service does not start with, in one warning whatever the causes:
 * outside the base [minCapacity, maxCapacity], which registering the scalable target brings
 * it inside (API_RegisterScalableTarget.html: it "changes the resource's current capacity to
 * a value that is inside of this range"), and then outside the bounds the scheduled actions'
 * firings before the run left in force, replayed at time 0 (ServiceAutoScaler.runInForceAtStart:
 * brought inside them too). The count named is the one the run starts with, after the
 * firings at time 0 too, computed as the simulation does. A service without desiredCount
 * starts at its minCapacity, inside the base bounds: only the replayed firings can move it,
 * said at autoScaling.minCapacity (`no desiredCount: it defaults to minCapacity 1, which is
 * below minCapacity 5 set by scheduled action open (...)`).
 */
function desiredCountAtStart(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  const as = svc.config.autoScaling;
  if (!as || svc.config.schedulingStrategy === 'DAEMON' || as.minCapacity > as.maxCapacity) return;
  // no desiredCount: the service's count defaults to minCapacity (resolve.ts), which only the
  // scheduled actions can move at the start
  const written = svc.config.desiredCount !== undefined;
  const given = svc.config.desiredCount ?? as.minCapacity;
  const parts: string[] = [];
  const registered = Math.min(as.maxCapacity, Math.max(as.minCapacity, given));
  if (registered !== given) {
    const side = given > as.maxCapacity ? 'above maxCapacity' : 'below minCapacity';
    parts.push(`desiredCount ${given} is ${side} ${registered}: Application Auto Scaling sets it to ${registered} when the scalable target is registered`);
  }
  let starts = registered;
  const actions = as.scheduledActions ?? {};
  if (Object.keys(actions).length > 0) {
    const config = { subject: svc.name, minCapacity: as.minCapacity, maxCapacity: as.maxCapacity, policies: {}, scheduledActions: actions, startEpochMs: s.startEpochMs };
    const replay = new ServiceAutoScaler(config, registered);
    replay.replayBeforeStart();
    const { minCapacity: lo, maxCapacity: hi } = replay.target;
    const setter = registered < lo ? { key: 'below minCapacity', bound: lo, by: replay.replayedSetters.min } : registered > hi ? { key: 'above maxCapacity', bound: hi, by: replay.replayedSetters.max } : undefined;
    if (setter?.by) {
      const subject = !written ? `no desiredCount: it defaults to minCapacity ${given}, which` : parts.length === 0 ? `desiredCount ${given}` : `${registered}`;
      parts.push(`${subject} is ${setter.key} ${setter.bound} set by scheduled action ${setter.by.name} (fired ${isoInstant(setter.by.f)}, before the run; replayed at time 0)`);
    }
    const afterReplay = setter ? setter.bound : registered;
    // the firings at time 0 itself run next, before the first placement (as in the run)
    starts = new ServiceAutoScaler(config, registered).runInForceAtStart(registered).desiredCount;
    if (parts.length > 0 && starts !== afterReplay) parts.push(`the scheduled actions firing at time 0 then set it to ${starts}`);
  }
  if (parts.length === 0) return;
  const last = parts.length - 1;
  parts[last] += parts.length === 1 && registered !== given ? `, so the service starts with ${starts}` : `: the service starts with ${starts}`;
  // without a desiredCount, at the key whose value the service would start with
  out.push({ at: ['services', svc.name, ...(written ? ['desiredCount'] : ['autoScaling', 'minCapacity'])], message: parts.join('; ') });
}

/**
 * A scheduled action that fails at every firing: a minCapacity above every maxCapacity the
 * target can have (the base one and every action's), or a maxCapacity below every
 * minCapacity it can have. Each firing is rejected (minCapacity > maxCapacity: an event, no
 * change), so the action never does anything. An action setting both is checked at load.
 */
/**
 * Step alarms on a metrics.period other than 60 s. Every metric such an alarm watches is a
 * 1-minute metric in AWS (ONE_MINUTE_SOURCE): one datapoint a minute, and a gauge such as SQS's
 * ApproximateNumberOfMessagesVisible one sample a minute. Here each metric period gives one
 * sample, so an alarm period holds a different number of them than in AWS: its SampleCount
 * differs, and a gauge's Average, Minimum and Maximum are over other samples. Policies run
 * once per metric period, so with a period that does not divide a minute a step policy whose
 * alarm stays in ALARM is invoked again less often than AWS's every minute (every period when
 * it is longer). Target tracking
 * and managed scaling refuse such periods (checks.ts, resolve.ts); a step alarm is allowed.
 */
function stepAlarmsOffTheMinute(s: ResolvedScenario, out: ScenarioWarning[]): void {
  const period = s.scenario.metrics.period;
  if (period === 60_000) return;
  const metrics = new Set<string>();
  for (const svc of s.services) {
    // (an alarm period under a minute has its own warning, above)
    for (const p of Object.values(svc.config.autoScaling?.policies ?? {})) if (p.policyType === 'StepScaling' && p.alarm.period >= 60_000) metrics.add(p.alarm.metricName);
  }
  if (metrics.size === 0) return;
  const names = [...metrics].sort().join(', ');
  const perMinute = period < 60_000 ? `${round2(60_000 / period)} samples a minute where AWS has 1` : `1 sample per ${formatDuration(period)} where AWS has ${round2(period / 60_000)}`;
  const gauge = metrics.has('BacklogPerTask') ? " and the gauge behind BacklogPerTask (SQS's ApproximateNumberOfMessagesVisible) is averaged over other samples" : '';
  // policies run when a period's datapoints become visible: an alarm staying in ALARM invokes
  // its step policy again at the first one a minute or more after the last invocation
  const every = Math.ceil(60_000 / period) * period;
  const repeat = every === 60_000 ? '' : `; and a step policy whose alarm stays in ALARM is invoked again every ${formatDuration(every)} (the first metric period a minute or more after the last invocation) where AWS invokes it every minute`;
  out.push({
    at: ['metrics', 'period'],
    message: `${formatDuration(period)}: the step alarms here watch ${names}, which AWS publishes once a minute; each metric period here gives one sample (${perMinute}), so an alarm period's SampleCount differs from AWS's${gauge}${repeat}: a model-only setting; use 60s to match AWS`,
  });
}

/**
 * A start off the clock's boundaries: CloudWatch's datapoints cover the clock's minutes, and a
 * period of several minutes the clock's whole multiples of them; ecsim's metric periods count
 * from `start`, so with a start at 09:00:30 every datapoint, alarm evaluation and scaling
 * action is 30 s off AWS's. The boundary is the least common multiple of `metrics.period` and
 * a minute (10 s periods add up to AWS's minutes; 5 min ones are AWS's 5-minute periods).
 * Only when that divides a day (UTC days are whole multiples of it).
 */
function startOffThePeriod(s: ResolvedScenario, out: ScenarioWarning[]): void {
  const period = s.scenario.metrics.period;
  const boundary = (period / gcd(period, 60_000)) * 60_000;
  if (86_400_000 % boundary !== 0) return;
  const off = ((s.startEpochMs % boundary) + boundary) % boundary;
  if (off === 0) return;
  out.push({
    at: ['start'],
    message: `${formatDuration(off)} past a ${formatDuration(boundary)} boundary of the clock (UTC): CloudWatch's datapoints and periods start on the clock's boundaries, ecsim's metric periods count from \`start\`, so every datapoint, alarm evaluation and scaling action here is ${formatDuration(off)} off AWS's; start on a ${formatDuration(boundary)} boundary to match`,
  });
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function scheduledActionsThatCannotSucceed(svc: ResolvedService, out: ScenarioWarning[]): void {
  const as = svc.config.autoScaling;
  if (!as) return;
  const actions = Object.entries(as.scheduledActions ?? {});
  const maxes = [as.maxCapacity];
  const mins = [as.minCapacity];
  for (const [, a] of actions) {
    if (a.scalableTargetAction.maxCapacity !== undefined) maxes.push(a.scalableTargetAction.maxCapacity);
    if (a.scalableTargetAction.minCapacity !== undefined) mins.push(a.scalableTargetAction.minCapacity);
  }
  const highestMax = Math.max(...maxes);
  const lowestMin = Math.min(...mins);
  for (const [name, a] of actions) {
    const { minCapacity, maxCapacity } = a.scalableTargetAction;
    const at: Path = ['services', svc.name, 'autoScaling', 'scheduledActions', name, 'scalableTargetAction'];
    if (maxCapacity === undefined && minCapacity !== undefined && minCapacity > highestMax) {
      out.push({ at: [...at, 'minCapacity'], message: `${minCapacity} is above every maxCapacity the service can have (at most ${highestMax}: autoScaling.maxCapacity and the scheduled actions'), so each firing fails and changes nothing; set maxCapacity too, or lower it` });
    }
    if (minCapacity === undefined && maxCapacity !== undefined && maxCapacity < lowestMin) {
      out.push({ at: [...at, 'maxCapacity'], message: `${maxCapacity} is below every minCapacity the service can have (at least ${lowestMin}: autoScaling.minCapacity and the scheduled actions'), so each firing fails and changes nothing; set minCapacity too, or raise it` });
    }
  }
}

/** Metrics measured over RUNNING tasks (or their targets): no datapoint while none runs. */
const PER_TASK_METRICS = new Set(['CPUUtilization', 'MemoryUtilization', 'RequestCountPerTarget', 'BacklogPerTask']);

/**
 * A service that may come down to 0 tasks (minCapacity 0, from the start or by a scheduled
 * action) whose policies cannot bring it back: CPU, memory, RequestCountPerTarget and
 * BacklogPerTask have no datapoint with no task RUNNING (the alarms see missing data, and an
 * ALARM on filled-in datapoints alone scales nothing), and target tracking asks for
 * ceil(0 x metric / target) = 0. Only a step scaling alarm on the queue's own
 * ApproximateNumberOfMessagesVisible, which SQS reports whatever its consumers
 * (sqs-available-cloudwatch-metrics.html), scales out from 0, and only with a step that
 * adds tasks to 0: ChangeInCapacity or ExactCapacity with a positive scalingAdjustment, not
 * PercentChangeInCapacity (a percentage of 0 is 0; MinAdjustmentMagnitude is "the minimum
 * value to scale by", which AWS applies to a percentage's change, and ecsim to a non-zero
 * one only: API_StepScalingPolicyConfiguration). A 0 that comes only from
 * scheduled actions which also set maxCapacity 0, with another scheduled action setting
 * minCapacity >= 1, is a scheduled stop and start (the service is meant to be off in
 * between; the raising action scales it out): not warned. A scheduled minCapacity 0 that
 * leaves maxCapacity above 0 is warned of until the raising action, when there is one.
 */
function noScaleOutFromZero(svc: ResolvedService, out: ScenarioWarning[]): void {
  const as = svc.config.autoScaling;
  if (!as) return;
  const policies = Object.entries(as.policies);
  if (policies.length === 0) return;
  const actions = Object.entries(as.scheduledActions ?? {});
  const zeroing = actions.filter(([, a]) => a.scalableTargetAction.minCapacity === 0);
  if (as.minCapacity !== 0 && zeroing.length === 0) return;
  // scheduled actions that bring minCapacity back to 1 or more (scaling the service out from 0)
  const raising = actions.filter(([, a]) => (a.scalableTargetAction.minCapacity ?? 0) >= 1).map(([n]) => n);
  // a scheduled stop and start: every source of the 0 (the base settings, the actions) also
  // sets maxCapacity 0, and an action raises minCapacity again
  const baseStops = as.minCapacity !== 0 || as.maxCapacity === 0;
  if (raising.length > 0 && baseStops && zeroing.every(([, a]) => a.scalableTargetAction.maxCapacity === 0)) return;
  const why: string[] = [];
  let percentOnQueue = false;
  for (const [name, p] of policies) {
    if (p.policyType === 'StepScaling') {
      const perTask = PER_TASK_METRICS.has(p.alarm.metricName);
      const upper = isUpperThreshold(p.alarm.comparisonOperator);
      // a queue metric, reported with 0 tasks, on an alarm that breaches as it grows, with a
      // step that adds tasks to 0: a percentage of 0 is 0, whatever minAdjustmentMagnitude
      // (a floor on a non-zero change only)
      const fromZero = p.adjustmentType !== 'PercentChangeInCapacity' && p.stepAdjustments.some((st) => st.scalingAdjustment > 0);
      if (!perTask && upper && fromZero) return;
      if (!perTask && upper && p.adjustmentType === 'PercentChangeInCapacity') percentOnQueue = true;
      why.push(
        perTask
          ? `policy ${name} alarms on ${p.alarm.metricName}, which has no datapoint while no task is RUNNING`
          : !upper
            ? `policy ${name} alarms on ${p.alarm.metricName} ${p.alarm.comparisonOperator}, which a growing queue does not breach`
            : p.adjustmentType === 'PercentChangeInCapacity'
              ? `policy ${name} alarms on ${p.alarm.metricName} but is PercentChangeInCapacity, and any percentage of 0 tasks is 0 (minAdjustmentMagnitude raises only a non-zero change)`
              : `policy ${name} alarms on ${p.alarm.metricName} but has no step with a positive scalingAdjustment`,
      );
    } else {
      const metric = p.customMetric ?? p.predefinedMetricType ?? 'its metric';
      why.push(
        PER_TASK_METRICS.has(metric) || p.predefinedMetricType !== undefined
          ? `policy ${name} tracks ${metric}, which has no datapoint while no task is RUNNING`
          : `policy ${name} is target tracking, which scales in proportion to the current capacity (ceil(0 x ${metric} / target) = 0)`,
      );
    }
  }
  const queue = svc.config.workload?.type === 'queue';
  const hint = percentOnQueue
    ? 'give the ApproximateNumberOfMessagesVisible step policy adjustmentType ChangeInCapacity or ExactCapacity (a fixed number of tasks), the usual scale-from-zero setup'
    : queue
    ? 'add a StepScaling policy whose alarm is on ApproximateNumberOfMessagesVisible (the queue\'s visible messages, reported whatever the number of workers), the usual scale-from-zero setup'
    : 'keep minCapacity >= 1 (no metric ecsim models for an http service is reported with 0 tasks)';
  const until = raising.length > 0 ? `, until scheduled action ${raising.join(' or ')} sets minCapacity >= 1` : '';
  const zero = as.minCapacity === 0 ? 'minCapacity 0' : `a scheduled action sets minCapacity 0${until}`;
  out.push({
    at: ['services', svc.name, 'autoScaling', as.minCapacity === 0 ? 'minCapacity' : 'scheduledActions'],
    message: `cannot scale out from 0: the service may come down to 0 tasks (${zero}), and then ${why.join('; ')}; ${hint}`,
  });
}

/**
 * The group's own target tracking policy (autoScalingGroup.targetTrackingPolicy) on
 * ASGAverageCPUUtilization, the average CPU of the group's InService instances, has no
 * datapoint while the group has none, and target tracking scales in proportion to the
 * instances the datapoint covered (ceil(0 x metric / target) = 0): with minSize 0 a group
 * that comes down to 0 instances never launches again, and one that starts at 0
 * (desiredCapacity 0) never launches at all. Said as the services' noScaleOutFromZero says it.
 * Not said when the group cannot come down to 0 (scale in disabled and a desiredCapacity of
 * 1 or more) or can never launch (maxSize 0).
 */
function groupNoScaleOutFromZero(s: ResolvedScenario, out: ScenarioWarning[]): void {
  for (const [name, p] of s.providers) {
    if (p.kind !== 'asg') continue;
    const asg = p.config.autoScalingGroup;
    const tt = asg.targetTrackingPolicy;
    if (!tt || asg.minSize !== 0 || asg.maxSize === 0) continue;
    const desired = asg.desiredCapacity ?? asg.minSize;
    if (tt.disableScaleIn && desired > 0) continue;
    const zero = desired === 0 ? 'the group starts with 0 instances (minSize 0, desiredCapacity 0)' : 'the group may come down to 0 instances (minSize 0)';
    const never = desired === 0 ? 'it never launches an instance' : 'it never launches one again';
    out.push({
      at: ['cluster', 'capacityProviders', name, 'autoScalingGroup', 'minSize'],
      message: `cannot scale out from 0 instances: ${zero}, and its targetTrackingPolicy tracks ${tt.predefinedMetricType}, the average CPU of the group's instances, which has no datapoint without instances (and ceil(0 x metric / target) = 0), so ${never}; the tasks given to ${name} then wait in PROVISIONING; keep minSize >= 1`,
    });
  }
}

/**
 * The most a task serves a second, as the workload models bound it: concurrency / mean
 * effective serviceTime (taskRate); for an http task at most capacityRps (a CPU-bound one's
 * service times are stretched to it; an I/O-bound one's slots run out below it).
 */
function mostServedRate(cfg: { taskRate: number; capacityRps: number }, type: string): number {
  return type === 'http' ? Math.min(cfg.capacityRps, cfg.taskRate) : cfg.taskRate;
}

/**
 * A container above its hard memory limit is killed ("OutOfMemoryError: Container killed due
 * to memory usage", repost.aws/knowledge-center/ecs-resolve-outofmemory-errors), and so is
 * a task in ecsim whose memory over a metric period passes it (stop reason out-of-memory).
 * Said when a task serving all it can (concurrency / mean serviceTime: an http task's
 * capacityRps when CPU-bound, less when I/O-bound) would pass the limit.
 * (memoryMiB.base alone above it is refused: checks.ts.)
 */
function memoryAtCapacity(svc: ResolvedService, out: ScenarioWarning[]): void {
  const w = svc.config.workload;
  const m = w?.perTask.memoryMiB;
  const limit = memoryHardLimit(svc.taskDefinition);
  if (!w || !m || !(m.perRps > 0) || limit === null || m.base > limit) return;
  const cfg = serviceModel(svc);
  if (cfg === null) return;
  // the most a task serves: concurrency / mean effective serviceTime, as the models bound it
  // (a CPU-bound http task's is capacityRps, its service times stretched to it; an I/O-bound
  // one's is below capacityRps)
  const maxRate = mostServedRate(cfg, w.type);
  const peak = m.base + m.perRps * maxRate;
  if (peak <= limit) return;
  const at = round((limit - m.base) / m.perRps);
  out.push({
    at: ['services', svc.name, 'workload', 'perTask', 'memoryMiB'],
    message: `base ${m.base} + perRps ${m.perRps} x ${round(maxRate)} ${w.type === 'http' ? 'requests' : 'messages'}/s (what a task serves at most) = ${round(peak)} MiB, above the task's hard memory limit ${limit} MiB: a task serving more than ${at}/s over a metric period will be killed (OutOfMemoryError, stop reason out-of-memory) and replaced`,
  });
}

/**
 * An http task's capacityRps below what its slots allow (concurrency / mean serviceTime) is a
 * CPU-bound task: every service time is stretched by slots / capacityRps (resolve-config.ts).
 * Below 1/100 of it, the mirror of the refusal above 100 x, it is likely a unit slip
 * (`capacityRps: 1e-300`, or a serviceTime in ms written as seconds the other way): said,
 * with the stretched mean.
 */
function capacityFarBelowSlots(svc: ResolvedService, out: ScenarioWarning[]): void {
  const w = svc.config.workload;
  if (!w || w.type !== 'http' || w.perTask.capacityRps === undefined || w.perTask.serviceTime === undefined) return;
  const cfg = serviceModel(svc);
  if (cfg === null || !(cfg.stretch > MIN_CAPACITY_FACTOR)) return;
  const slots = cfg.capacityRps * cfg.stretch;
  out.push({
    at: ['services', svc.name, 'workload', 'perTask', 'capacityRps'],
    message: `${cfg.capacityRps} requests/s is less than 1/${MIN_CAPACITY_FACTOR} of what the slots allow (concurrency ${cfg.concurrency} / mean serviceTime ${round(cfg.meanServiceMs / cfg.stretch)} ms = ${round(slots)} requests/s): the task is CPU-bound at ${cfg.capacityRps} requests/s, so every service time is stretched ${round(cfg.stretch)} times (mean ${round(cfg.meanServiceMs)} ms); likely a unit slip`,
  });
}

/** capacityRps below 1/this of what the slots allow is warned of (above this x is refused: resolve-config.ts). */
const MIN_CAPACITY_FACTOR = 100;

/**
 * The chance a duration drawn from `d` is above `x` ms (x > 0), as the simulation draws it
 * (engine/distributions.ts; a normal's draws below 0, clipped to 0, do not matter above x):
 * exact for fixed and uniform, e^(-x / mean) for exponential, the normal tail of
 * (x - mean) / sd for normal and of (ln x - mu) / sigma for lognormal (engine/normal.ts).
 */
function chanceAbove(d: DurationDistribution, x: number): number {
  switch (d.distribution) {
    case 'fixed':
      return d.value > x ? 1 : 0;
    case 'uniform':
      if (!(d.max > d.min)) return d.min > x ? 1 : 0;
      return Math.min(1, Math.max(0, (d.max - x) / (d.max - d.min)));
    case 'exponential':
      return d.mean > 0 ? Math.exp(-x / d.mean) : 0;
    case 'normal':
      if (!(d.sd > 0)) return d.mean > x ? 1 : 0;
      return normalTail((x - d.mean) / d.sd);
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d.median, d.p95);
      if (!(sigma > 0)) return d.median > x ? 1 : 0;
      return normalTail((Math.log(x) - mu) / sigma);
    }
  }
}

/** "every task", "about 46 % of tasks", "about 1 task in 20": a chance p in (0, 1] of a task. */
function tasksAtChance(p: number): string {
  if (p >= 1) return 'every task';
  // below 1, never "about 100 %"
  if (p >= 0.5) return `about ${Math.min(99, Math.round(p * 100))} % of tasks`;
  return `about 1 task in ${Math.round(1 / p)}`;
}

/** The chance of a task past its start a fail-open warning needs: below it (1 task in 100) not said. */
const FAIL_OPEN_MIN_CHANCE = 0.01;

/**
 * ALB fail-open (docs/assumptions.md): with no healthy target and at least one unhealthy,
 * every request goes to the unhealthy targets. Request fidelity routes them with
 * least-outstanding as in rotation, and a target whose application has not started fails
 * each request at once (502), so it never holds one and draws more than its share; fluid
 * fidelity gives every target an equal share (the health-check-grace-period scenario at
 * 09:02: fluid served 7 674, dropped 10 326; request 1 348, 16 599). Said for a fluid http
 * service routed least-outstanding whose new target turns unhealthy (unhealthyThreshold
 * failed checks, at unhealthyThreshold x interval after RUNNING: target-health.ts, as the
 * simulation decides it) when its application starts after that time, and where at least
 * 1 task in 100 does (the chance that startup.applicationStart draws more, said in the
 * message): then fail-open is possible (the tasks of the start, or a scale out from 0, all
 * come up together); whether it happens depends on the draws, so it is a warning of a
 * possible phase, not of a fact. Not said with maximumPercent 100 and no grace period past
 * that time: ECS then stops such a task the instant its target turns unhealthy (no room to
 * start its replacement first), so the load balancer never fails open to it.
 */
function leastOutstandingFailOpen(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  const lb = svc.config.loadBalancer;
  if (svc.config.workload?.type !== 'http' || !lb || lb.routing !== 'least-outstanding' || svc.config.fidelity !== 'fluid') return;
  const td = Object.hasOwn(s.scenario.taskDefinitions, svc.config.taskDefinition) ? s.scenario.taskDefinitions[svc.config.taskDefinition] : undefined;
  if (!td) return;
  const start = td.startup.applicationStart;
  const hc = lb.healthCheck;
  // a start past unhealthyThreshold x interval fails that many checks first (target-health.ts)
  const unhealthyAt = hc.unhealthyThreshold * hc.interval;
  const gracePeriodMs = svc.config.healthCheckGracePeriodSeconds * 1000;
  // marked (and, without room, stopped) the instant it turns unhealthy: markedAt === unhealthyAt
  if (deploymentConfigurationOf(svc.config).maximumPercent === 100 && gracePeriodMs <= unhealthyAt) return;
  const p = chanceAbove(start, unhealthyAt);
  if (!(p >= FAIL_OPEN_MIN_CHANCE)) return;
  out.push({
    at: ['services', svc.name, 'loadBalancer', 'routing'],
    message: `least-outstanding in fluid fidelity gives every target an equal share when the load balancer fails open (no target healthy, at least one unhealthy), but a new target turns unhealthy ${formatDuration(unhealthyAt)} after RUNNING (${hc.unhealthyThreshold} failed checks) before its application answers (applicationStart ${start.distribution}: ${tasksAtChance(p)} past ${formatDuration(unhealthyAt)}); there request fidelity sends more to a target whose application has not started (each request fails at once, so none is outstanding) and drops more: use fidelity: request to see that phase (docs/assumptions.md)`,
  });
}

/**
 * Fluid fidelity takes Poisson arrivals at each task (M/M/c/K); round-robin's are smoother
 * (Erlang-n gaps), so with a small queue over several slots it drops too many and reads CPU
 * low (docs/notes/service-model.md, "Where it is weaker": no queue, 4 tasks x concurrency 4,
 * rho 0.75: 20.61 % against 16.13 %; a queue of 2, rho 0.72: 5.09 % against 3.50 %, CPU 68.3
 * against 69.6 %; a queue of 3: 2.86 against 1.97 % at 72 %, 8.30 against 7.19 % at 90 %).
 * From a queue of 4 fluid is within the 0.8 points the finite-buffer tests allow (0.52 and
 * 0.78 points over at 72 and 90 %, 0.27 at 120 %; 0.30 and 0.57 at 5; the notes), below it not.
 * At concurrency 1 with exponential service (written or the default) fluid solves the exact
 * E_n/M/1/K chain (fluid-latency.ts, exactErlangBuffer): not said; with another service time
 * at concurrency 1 it keeps the Poisson approximation, and is said.
 */
function roundRobinSmallQueue(svc: ResolvedService, out: ScenarioWarning[]): void {
  const w = svc.config.workload;
  const lb = svc.config.loadBalancer;
  if (w?.type !== 'http' || !lb || lb.routing !== 'round-robin' || svc.config.fidelity !== 'fluid') return;
  const cap = w.maxQueuePerTask;
  if (cap === undefined || cap >= ROUND_ROBIN_SMALL_QUEUE) return;
  const cfg = serviceModel(svc);
  if (cfg === null || (cfg.concurrency <= 1 && cfg.serviceTime.distribution === 'exponential')) return;
  out.push({
    at: ['services', svc.name, 'workload', 'maxQueuePerTask'],
    message: `${cap} with round-robin at concurrency ${cfg.concurrency} in fluid fidelity: fluid takes each task's arrivals as Poisson, but round-robin's are smoother, so with a queue this small it drops too many requests and reads CPU low (4 tasks of concurrency 4 at 72 % load, a queue of 2: 5.1 % dropped against 3.5 %); use fidelity: request (docs/notes/service-model.md)`,
  });
}

/** A round-robin fluid service's maxQueuePerTask below this (but at concurrency 1 with exponential service) is warned of: from 4 fluid drops within 0.8 points of request fidelity. */
const ROUND_ROBIN_SMALL_QUEUE = 4;

/**
 * A task definition that names runtimePlatform.cpuArchitecture goes only to instances of
 * that architecture. Said when the Auto Scaling groups its service's EC2 tasks may use
 * launch none: with launchType EC2 or DAEMON scheduling any group of the cluster (said when
 * none does); with a capacity provider strategy each of its groups that is given tasks
 * (said per group, as the tasks given to that provider wait for its capacity). An
 * on-demand group launches its first instance type only, a Spot group all of them
 * (cluster.ts): when an on-demand group lists a type of the architecture, not first, the
 * hint says to put it first (or use Spot) rather than to add one.
 */
function architectureWithoutInstances(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  const arch = svc.taskDefinition.requiredArchitecture;
  if (arch === null) return;
  /** The architectures and types the group `name` launches; null for Fargate or an unknown type (refused by the checks). */
  const launched = (name: string): { archs: Set<string>; types: string[]; spot: boolean; of: number; listed: boolean } | null => {
    const p = s.providers.get(name);
    if (p?.kind !== 'asg') return null;
    const asg = p.config.autoScalingGroup;
    const custom = customTypesIn(asg.instanceTypes);
    const spot = asg.purchaseOption === 'spot';
    const archs = new Set<string>();
    const types: string[] = [];
    let listed = false; // a type of the architecture anywhere in the list (launched or not)
    for (const [i, t] of asg.instanceTypes.entries()) {
      const typeName = typeof t === 'string' ? t : t.name;
      try {
        const info = lookupInstanceType(typeName, custom);
        if (info.cpuArchitecture === arch) listed = true;
        if (!spot && i > 0) continue;
        archs.add(info.cpuArchitecture);
        types.push(`${typeName} ${info.cpuArchitecture}`);
      } catch {
        return null;
      }
    }
    return { archs, types, spot, of: asg.instanceTypes.length, listed };
  };
  const describe = (name: string, l: NonNullable<ReturnType<typeof launched>>) => `${name} launches ${l.types.join(', ')}${!l.spot && l.of > 1 ? ' (on-demand: its first instance type only)' : ''}`;
  const written = arch === 'arm64' ? 'ARM64' : 'X86_64';
  const what = `task definition ${svc.taskDefinition.name} has runtimePlatform.cpuArchitecture ${written}: ECS places its tasks only on ${arch} instances (ecs.cpu-architecture)`;
  const add = arch === 'arm64' ? 'add an arm64 instance type (e.g. m6g.large, m7g.large, c6g.large)' : 'add an x86_64 instance type';
  // an on-demand group that lists such a type, not first: adding one would not help
  const reorder = (where: string) => `put an ${arch} type first in ${where} (an on-demand group launches its first only), or use purchaseOption: spot`;
  if (svc.launchType === 'EC2' || svc.config.schedulingStrategy === 'DAEMON') {
    const groups = [...s.providers.values()].filter((p) => p.kind === 'asg').map((p) => ({ name: p.name, l: launched(p.name) }));
    if (groups.length === 0 || groups.some((g) => g.l === null || g.l.archs.has(arch))) return;
    const listing = groups.filter((g) => g.l!.listed).map((g) => g.name);
    const hint = listing.length > 0 ? reorder(`the instanceTypes of ${listing.join(' or ')}`) : add;
    out.push({
      at: ['services', svc.name],
      message: `${what}, and no Auto Scaling group of the cluster launches one (${groups.map((g) => describe(g.name, g.l!)).join('; ')}): its EC2 tasks are never placed ("missing an attribute required by your task"); ${hint}, or remove cpuArchitecture`,
    });
    return;
  }
  for (const item of svc.strategy) {
    if (item.base === 0 && item.weight === 0) continue; // given no tasks
    const l = launched(item.capacityProvider);
    if (l === null || l.archs.has(arch)) continue;
    const hint = l.listed ? reorder("its group's instanceTypes") : `${add} to its group`;
    // managed scaling's estimate reads the tasks' size, not their architecture: they are
    // PROVISIONING tasks that fit the group's types, so M > N until the group is at maxSize
    const p = s.providers.get(item.capacityProvider);
    const grows = p?.kind === 'asg' ? growsClause(p, `CapacityProviderReservation above its targetCapacity ${p.config.managedScaling?.targetCapacity}`) : '';
    out.push({
      at: ['services', svc.name],
      message: `${what}, and capacity provider ${describe(item.capacityProvider, l)}: the tasks given to ${item.capacityProvider} are never placed and wait for its capacity ("missing an attribute required by your task")${grows}; ${hint}, or take it out of the strategy`,
    });
  }
}

/** A type an Auto Scaling group launches, with what an instance of it registers. */
export interface LaunchedType {
  group: string;
  name: string;
  cpuArchitecture: string;
  cpu: number;
  memoryMiB: number;
}

/**
 * The instance types each Auto Scaling group of the cluster launches (an on-demand group its
 * first type only, a Spot group every listed type: cluster.ts), with their registered CPU and
 * memory; types the checks refuse are left out.
 */
export function launchedInstanceTypes(s: ResolvedScenario): LaunchedType[] {
  const out: LaunchedType[] = [];
  for (const p of s.providers.values()) {
    if (p.kind !== 'asg') continue;
    const asg = p.config.autoScalingGroup;
    const custom = customTypesIn(asg.instanceTypes);
    const list = asg.purchaseOption === 'spot' ? asg.instanceTypes : asg.instanceTypes.slice(0, 1);
    for (const t of list) {
      const name = typeof t === 'string' ? t : t.name;
      try {
        const info = lookupInstanceType(name, custom);
        const reg = registeredResources(info, asg.reservedMemoryMiB);
        out.push({ group: p.name, name, cpuArchitecture: info.cpuArchitecture, cpu: reg.cpu, memoryMiB: reg.memoryMiB });
      } catch {
        // refused by the checks
      }
    }
  }
  return out;
}

/**
 * A DAEMON task goes on every ACTIVE instance that has room for it; one that needs more CPU
 * or memory than any instance type the cluster's groups launch registers (of the task's
 * CPU architecture, when it names one; none of it is said by architectureWithoutInstances)
 * is never placed: each instance is reported lacking it (task-unplaceable events).
 */
function daemonFitsNoInstanceType(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  if (svc.config.schedulingStrategy !== 'DAEMON') return;
  const arch = svc.taskDefinition.requiredArchitecture;
  const types = launchedInstanceTypes(s).filter((t) => arch === null || t.cpuArchitecture === arch);
  const td = svc.taskDefinition;
  if (types.length === 0 || types.some((t) => t.cpu >= td.cpu && t.memoryMiB >= td.memory)) return;
  const lacks = (t: LaunchedType) => [t.cpu < td.cpu ? 'CPU' : '', t.memoryMiB < td.memory ? 'MEMORY' : ''].filter((x) => x !== '');
  const kinds = [...new Set(types.flatMap(lacks))].map((k) => `RESOURCE:${k}`);
  const seen = new Set<string>();
  const listed = types.filter((t) => !seen.has(`${t.group}/${t.name}`) && seen.add(`${t.group}/${t.name}`)).map((t) => `${t.group}: ${t.name} ${t.cpu} CPU units, ${t.memoryMiB} MiB`);
  out.push({
    at: ['services', svc.name],
    message: `DAEMON task definition ${td.name} needs ${td.cpu} CPU units and ${td.memory} MiB memory, more than any instance type the cluster's Auto Scaling groups launch registers (${listed.join('; ')}): its task is placed on no instance (task-unplaceable events, ${kinds.join(', ')}); use a larger instance type or a smaller task`,
  });
}

const INSTANCE_TYPE_ATTRIBUTE = 'ecs.instance-type';

/**
 * More instances than any run launches (ecsim numbers them from 1 in launch order): an
 * ec2InstanceId whose hex digits count past it is taken to be an id from AWS, where the 17
 * digits look random (i-0123456789abcdef0), not one ecsim gives.
 */
const MOST_LAUNCHES = 0xffffffffn;

/** Where the values of each built-in attribute come from, for the messages of placementNamesNoInstanceHas. */
const WHENCE = new Map<string, string>([
  [AZ_ATTRIBUTE, "the cluster's availabilityZones"],
  [INSTANCE_TYPE_ATTRIBUTE, 'the types the groups launch; an on-demand group launches its first type only'],
  [ARCH_ATTRIBUTE, 'the architectures of the types the groups launch'],
  ['ecs.os-type', "the groups' osType"],
  ['ecs.os-family', 'ecsim models Linux instances only'],
  ['ecs.ami-id', "the groups' amiId"],
]);

/**
 * A placement strategy's `spread` on attribute:NAME, or a memberOf expression's
 * attribute:NAME, where NAME is set on no instance any group of the cluster launches (the
 * built-in attributes and the groups' `attributes`: ecsim has no PutAttributes), likely a
 * slip (attribute:ecs.availability_zone): spread then sees one value everywhere and does
 * nothing; memberOf compares with a missing attribute. And an `==` or `in` on an attribute
 * whose value no instance can have (values compare exactly, case included: an AZ not in
 * cluster.availabilityZones, a type no group launches, an ecs.os-type, ecs.os-family,
 * ecs.cpu-architecture or ecs.ami-id no instance of the groups has, a custom attribute value
 * no group's `attributes` gives), an `=~` whose pattern matches none of those values (with
 * what it would match ignoring case), an ec2InstanceId `==` or `in` value that is no id
 * ecsim gives (i- and 17 lower-case hex digits from 1 in launch order: Cluster.nextInstanceId;
 * one counting past MOST_LAUNCHES is taken for an AWS id), and a
 * task:group `==` or `in` value that is no service:NAME of the scenario (no task is in it, so
 * no instance meets it), and a `!=`, `not_in`, `!~` or `not_exists` false on every instance
 * the groups can launch (it excludes them all; an exclusion that leaves one is deliberate).
 * A value or pattern is said under `or` too, but not under an odd number of `not` (the
 * expression then asks for the comparison to be false: not(x in [a, b]) is a deliberate
 * exclusion list, and not(x != a) is not analysed); an attribute name no instance
 * has is said wherever it stands. Only when the expression needs it (mustHold) does the
 * warning add that the tasks are never placed (and that a managed-scaling provider given
 * them grows its group to maxSize: neverPlaced). Each with a did-you-mean hint.
 */
function placementNamesNoInstanceHas(s: ResolvedScenario, out: ScenarioWarning[]): void {
  const names = new Set(BUILT_IN_ATTRIBUTES);
  for (const p of s.providers.values()) if (p.kind === 'asg') for (const k of Object.keys(p.config.autoScalingGroup.attributes)) names.add(k);
  const azs = s.scenario.cluster.availabilityZones;
  const launched = launchedInstanceTypes(s);
  const types = [...new Set(launched.map((t) => t.name))];
  // the values each attribute has on the instances the groups can launch (each type a group
  // launches in each AZ, as the placer sees them: instanceAttributes), first-seen order
  const valuesOf = new Map<string, string[]>();
  // the attributes of every instance the groups can launch (each type in each AZ), for the
  // negated comparisons: one true on none of them excludes every instance of the cluster
  const possible: Record<string, string>[] = [];
  for (const p of s.providers.values()) {
    if (p.kind !== 'asg') continue;
    for (const t of launched.filter((x) => x.group === p.name)) {
      for (const az of azs) {
        const attributes = instanceAttributes(t, az, p.config.autoScalingGroup);
        possible.push(attributes);
        for (const [k, v] of Object.entries(attributes)) {
          const list = valuesOf.get(k) ?? [];
          if (!list.includes(v)) list.push(v);
          valuesOf.set(k, list);
        }
      }
    }
  }
  /** Where the values of attribute `name` come from, for messages. */
  const whence = (name: string) => WHENCE.get(name) ?? "the values the groups' autoScalingGroup.attributes give it";
  const hint = (word: string, among: Iterable<string>) => {
    const c = closest(word, among);
    return c === undefined ? '' : ` (did you mean "${c}"?)`;
  };
  /** "; did you mean "a"?" or "" */
  const listHint = (word: string, among: readonly string[]) => {
    const c = closest(word, among);
    return c === undefined ? '' : `; did you mean "${c}"?`;
  };
  /**
   * Whether the AZ nearest `zone` is another zone of its region (us-east-1d against
   * us-east-1a: only the zone letter differs): a zone the cluster lacks, not a typo, so no
   * "did you mean"; the cluster's zones are listed beside it.
   */
  const anotherZone = (zone: string, among: readonly string[]) => {
    const c = closest(zone, among);
    const last = (z: string) => z.at(-1) ?? '';
    return c !== undefined && c.length === zone.length && c.slice(0, -1) === zone.slice(0, -1) && /[a-z]/.test(last(zone)) && /[a-z]/.test(last(c));
  };
  const noSuchAttribute = (name: string) =>
    `attribute "${name}" is set on no instance of the cluster${hint(name, names)}: instances have the built-in attributes (${BUILT_IN_ATTRIBUTES.join(', ')}) and their group's autoScalingGroup.attributes${names.size > BUILT_IN_ATTRIBUTES.length ? ` (${[...names].slice(BUILT_IN_ATTRIBUTES.length).join(', ')})` : ''}; ecsim has no PutAttributes`;
  const expressions = (at: Path, list: readonly { type: string; expression?: string }[] | undefined, users: readonly ResolvedService[]) => {
    forEachMemberOf(list, (expression, expr, i) => {
      const said = new Set<string>();
      // quoting the expression around the comparison warned of (expressionExcerpt)
      const sayAt = (position: number) => (message: string) => {
        if (said.has(message)) return;
        said.add(message);
        out.push({ at: [...at, 'placementConstraints', i, 'expression'], message: `memberOf "${expressionExcerpt(expression, position)}": ${message}` });
      };
      walkComparisons(expr, (cmp, negated) => {
        const say = sayAt(cmp.position);
        // the comparison is true on no instance and the expression needs it: the tasks are
        // never placed, and a managed-scaling provider grows its group for them
        const never = (holdsOnNone: boolean) => (holdsOnNone && mustHold(expr, cmp) ? neverPlaced(s, users) : '');
        const name = cmp.subject.kind === 'attribute' ? cmp.subject.name : undefined;
        if (name !== undefined && !names.has(name)) {
          // a name no instance has is a slip wherever it stands (under not too)
          // (evaluate.ts: an instance without the attribute passes !=, not_in, !~ and not_exists only)
          const passes = cmp.operator === '!=' || cmp.operator === 'not_in' || cmp.operator === '!~' || cmp.operator === 'not_exists';
          return say(`${noSuchAttribute(name)}, so attribute:${name} ${cmp.operator} ... is ${passes ? 'true on every' : 'true on no'} instance${never(!passes)}`);
        }
        // a value no instance has under an odd number of not is an exclusion the expression
        // asks for, as with != or not_in (not(x in [a, b]) is x not_in [a, b]): not checked
        if (negated) return;
        if (cmp.subject.kind === 'task:group') return noSuchGroup(cmp, say, never);
        if (cmp.subject.kind === 'ec2InstanceId') return noSuchInstance(cmp, say, never);
        if (name === undefined) return;
        // the values an instance can have (none known when no group launches a type the checks accept)
        const had = name === AZ_ATTRIBUTE ? azs : (valuesOf.get(name) ?? []);
        const values = cmp.operator === '==' ? [cmp.argument!] : cmp.operator === 'in' ? cmp.list! : [];
        const lacking = (v: string) => had.length > 0 && !had.includes(v);
        // =~ whose pattern matches none of them (it matches the whole value, case included)
        const unmatched = cmp.operator === '=~' && had.length > 0 && !had.some((v) => cmp.pattern!.test(v));
        // a negated comparison (!=, not_in, !~, not_exists) false on every instance the groups
        // can launch: it excludes them all (one without the attribute passes it: evaluate.ts,
        // so a custom attribute some group lacks is never warned of here)
        const excludesAll = NEGATED_OPERATORS.has(cmp.operator) && possible.length > 0 && !possible.some((attributes) => evaluate(cmp, { ...PROBE, attributes }));
        const onNone = (values.length > 0 && values.every(lacking)) || unmatched || excludesAll;
        const tail = never(onNone);
        if (excludesAll) {
          const list = `${whence(name)}: ${had.join(', ')}`;
          if (cmp.operator === '!=') say(`"${cmp.argument}" is the only ${name} an instance of the cluster can have (${list}), so != excludes every instance: no instance meets it${tail}`);
          else if (cmp.operator === 'not_in') say(`[${cmp.list!.join(', ')}] holds every ${name} an instance of the cluster can have (${list}), so not_in excludes every instance: no instance meets it${tail}`);
          else if (cmp.operator === '!~') say(`the pattern ${cmp.argument} matches every value of ${name} an instance of the cluster can have (${list}; it matches the whole value), so !~ excludes every instance: no instance meets it${tail}`);
          else say(`every instance of the cluster has ${name} (${list}), so not_exists excludes every instance: no instance meets it${tail}`);
        }
        for (const v of values) {
          if (!lacking(v)) continue;
          if (name === AZ_ATTRIBUTE) say(`"${v}" is not one of the cluster's availabilityZones (${azs.join(', ')}${anotherZone(v, azs) ? '' : listHint(v, azs)}): no instance has that ${name}${tail}`);
          else if (name === INSTANCE_TYPE_ATTRIBUTE) say(`no Auto Scaling group of the cluster launches ${v} (they launch ${types.join(', ')}; an on-demand group launches its first type only${listHint(v, types)}): no instance has that ${name}${tail}`);
          else say(`"${v}" is not the ${name} of any instance of the cluster (${whence(name)}: ${had.join(', ')}; values compare exactly, case included${listHint(v, had)}): no instance has that ${name}${tail}`);
        }
        if (unmatched) {
          const pattern = cmp.pattern!;
          const folded = pattern.flags.includes('i') ? [] : had.filter((v) => new RegExp(pattern.source, `${pattern.flags}i`).test(v));
          const nearly = folded.length > 0 ? `; ignoring case it would match ${folded.join(', ')}` : '';
          say(`the pattern ${cmp.argument} matches none of the values of ${name} an instance of the cluster can have (${whence(name)}: ${had.join(', ')}; it must match the whole value, case included, unless it begins (?i)${nearly}): no instance meets it${tail}`);
        }
        // true on no instance of the cluster: said above, for every provider at once; else
        // each provider given the tasks whose group launches no instance it is true on
        if (!onNone && mustHold(expr, cmp)) for (const m of providersThatNeverMeet(s, users, cmp)) say(m);
      });
    });
  };
  // ecsim runs services only: a task's group is service:NAME (ECS's task group of a service's tasks)
  const groups = s.services.map((x) => `service:${x.name}`);
  const noSuchGroup = (cmp: { operator: string; argument?: string; list?: readonly string[] }, say: (message: string) => void, never: (holdsOnNone: boolean) => string) => {
    if (cmp.operator !== '==' && cmp.operator !== 'in') return;
    const values = cmp.operator === '==' ? [cmp.argument!] : cmp.list!;
    const tail = never(values.every((v) => !groups.includes(v)));
    for (const v of values) {
      if (groups.includes(v)) continue;
      const near = closestName(v.startsWith('service:') ? v : `service:${v}`, groups);
      say(`no task is in group "${v}": ecsim runs services only, and a service's tasks are in the task group service:NAME (${groups.join(', ')})${tail}${near === undefined ? '' : `; did you mean "${near}"?`}`);
    }
  };
  // an ec2InstanceId == or in value no instance can have: ecsim names its instances
  // i-00000000000000001, i-00000000000000002, ... in launch order (Cluster.nextInstanceId), so
  // an id whose number is 0 or above MOST_LAUNCHES (an AWS id copied from a live cluster,
  // i-0123456789abcdef0) is none either
  const noSuchInstance = (cmp: { operator: string; argument?: string; list?: readonly string[] }, say: (message: string) => void, never: (holdsOnNone: boolean) => string) => {
    if (cmp.operator !== '==' && cmp.operator !== 'in') return;
    const values = cmp.operator === '==' ? [cmp.argument!] : cmp.list!;
    const number = (v: string) => {
      const digits = /^i-([0-9a-f]{1,17})$/i.exec(v)?.[1];
      return digits === undefined ? undefined : BigInt(`0x${digits}`);
    };
    const launchable = (n: bigint | undefined) => n !== undefined && n > 0n && n <= MOST_LAUNCHES;
    const exact = (v: string) => /^i-[0-9a-f]{17}$/.test(v);
    const lacking = (v: string) => !exact(v) || !launchable(number(v));
    const tail = never(values.every(lacking));
    const names = 'ecsim names its instances i-00000000000000001, i-00000000000000002, ... (i- and 17 lower-case hex digits) in the order they launch';
    for (const v of values.filter(lacking)) {
      const n = number(v);
      if (exact(v) && n! > 0n) {
        say(`no instance has ec2InstanceId "${v}": ${names}, and its hex digits count past ${MOST_LAUNCHES.toString(16)} (${MOST_LAUNCHES}) launches, more than a run makes: an id from a live AWS cluster names no ecsim instance${tail}`);
        continue;
      }
      const meant = launchable(n) ? `; did you mean "i-${n!.toString(16).padStart(17, '0')}"?` : '';
      say(`no instance has ec2InstanceId "${v}": ${names}${tail}${meant}`);
    }
  };
  const tdSeen = new Set<string>();
  for (const svc of s.services) {
    const td = svc.taskDefinition;
    if (!tdSeen.has(td.name)) {
      tdSeen.add(td.name);
      expressions(['taskDefinitions', td.name], td.config.placementConstraints, s.services.filter((x) => x.taskDefinition.name === td.name));
    }
    expressions(['services', svc.name], svc.config.placementConstraints, [svc]);
    (svc.config.placementStrategy ?? []).forEach((st, i) => {
      if (st.type !== 'spread' || !st.field.startsWith('attribute:')) return;
      const name = st.field.slice('attribute:'.length);
      if (names.has(name)) return;
      out.push({
        at: ['services', svc.name, 'placementStrategy', i, 'field'],
        message: `${noSuchAttribute(name)}: every instance lacks it and counts as one value, so this spread does nothing`,
      });
    });
  }
}

/**
 * A REPLICA service on EC2 instances whose placementStrategy is exactly [spread on
 * attribute:ecs.availability-zone], the name AWS gives the service default
 * (task-placement-strategies.html). Written, it balances the AZs (the strategy table:
 * "Tasks are placed evenly based on the specified value"); within an AZ nothing more
 * spreads, so ecsim's tie-break applies (the lowest instance id: AWS documents no order),
 * and a scale in picks "at random" within the AZ with the most tasks (the same table).
 * Omitted, ecsim follows the service scheduler's logic (ecs_services.html, "Replica";
 * APIReference/API_CreateService.html): the instance with the fewest tasks of the service in
 * the AZ, and scale in from the one with the most. Said so that writing the default's name
 * does not silently pack tighter than omitting it. Not said with a distinctInstance
 * constraint: one task per instance leaves no instance to fill, and both forms run alike.
 */
function azSpreadAlone(svc: ResolvedService, out: ScenarioWarning[]): void {
  // (a placementStrategy is accepted on EC2 REPLICA services only: resolve.ts refuses it on
  // a DAEMON service and on one given Fargate capacity)
  const list = svc.config.placementStrategy;
  if (list?.length !== 1) return;
  const only = list[0];
  if (only.type !== 'spread' || only.field !== `attribute:${AZ_ATTRIBUTE}`) return;
  if (svc.config.placementConstraints?.some((c) => c.type === 'distinctInstance')) return;
  out.push({
    at: ['services', svc.name, 'placementStrategy'],
    message: `spread on attribute:${AZ_ATTRIBUTE} alone: within an AZ ecsim breaks ties to the lowest instance id (AWS documents no order), so each AZ's lowest-id instance fills first while it has room, and scale in picks at random within the AZ with the most tasks, unlike the default with placementStrategy omitted (the fewest tasks of the service per instance, scale in from the most); add {type: spread, field: instanceId} after it for the default's balance, or omit placementStrategy`,
  });
}

/**
 * A DAEMON service whose memberOf expression (its own or its task definition's) reads
 * runningTasksCount or task:group, the subjects whose value on an instance changes during a
 * run. ECS "also evaluates the task placement constraints for running tasks and will stop
 * tasks that do not meet the placement constraints" (APIReference Service.schedulingStrategy);
 * ecsim evaluates them only when it places a daemon task, so a running one stays where the
 * expression has since turned false (attributes, ec2InstanceId and the instance type do not
 * change during a run, so only these subjects can tell the difference).
 */
function daemonConstraintsThatChange(svc: ResolvedService, out: ScenarioWarning[]): void {
  if (svc.config.schedulingStrategy !== 'DAEMON') return;
  const check = (at: Path, list: readonly { type: string; expression?: string }[] | undefined) => {
    forEachMemberOf(list, (expression, expr, i) => {
      const subjects = new Set<string>();
      let first = -1; // where the first comparison reading one starts
      walkComparisons(expr, (cmp) => {
        if (cmp.subject.kind !== 'runningTasksCount' && cmp.subject.kind !== 'task:group') return;
        subjects.add(cmp.subject.kind);
        if (first < 0 || cmp.position < first) first = cmp.position;
      });
      if (subjects.size === 0) return;
      const read = [...subjects].join(' and ');
      out.push({
        at: [...at, 'placementConstraints', i, 'expression'],
        message:
          `memberOf "${expressionExcerpt(expression, first)}" on DAEMON service ${svc.name} reads ${read}, which change${subjects.size === 1 ? 's' : ''} during the run: ` +
          'ecsim evaluates it only when it places a daemon task, and never stops a running one whose instance no longer meets it ' +
          '(ECS evaluates the constraints for running DAEMON tasks too and stops those that do not meet them: APIReference Service.schedulingStrategy)',
      });
    });
  };
  check(['taskDefinitions', svc.taskDefinition.name], svc.taskDefinition.config.placementConstraints);
  check(['services', svc.name], svc.config.placementConstraints);
}

/**
 * Calls `f` on each memberOf constraint of `list` whose expression parses, with the
 * expression as written, parsed, and its index in the list (one that does not parse is
 * refused by the checks: skipped here).
 */
function forEachMemberOf(list: readonly { type: string; expression?: string }[] | undefined, f: (expression: string, expr: Expression, i: number) => void): void {
  (list ?? []).forEach((c, i) => {
    if (c.type !== 'memberOf' || c.expression === undefined) return;
    let expr: Expression;
    try {
      expr = parseExpression(c.expression);
    } catch {
      return;
    }
    f(c.expression, expr, i);
  });
}

/** `c` must be true for `e` to be: `e` is `c`, an `and` of which one side needs `c`, or not(not(...)) of one that does. */
function mustHold(e: Expression, c: Expression): boolean {
  if (e === c) return true;
  if (e.kind === 'not') return e.operand.kind === 'not' && mustHold(e.operand.operand, c);
  return e.kind === 'and' && (mustHold(e.left, c) || mustHold(e.right, c));
}

/**
 * "; its tasks are never placed" for a memberOf that needs a comparison no instance meets,
 * and, naming each capacity provider with managed scaling that the users' strategies give
 * tasks, ", and the managed scaling of ... grows the group up to maxSize for them": its
 * estimate reads the waiting tasks' size, not their constraints, so it counts them as
 * needing new instances and grows its group to maxSize, one step per warm-up (reservation.ts).
 */
function neverPlaced(s: ResolvedScenario, users: readonly ResolvedService[]): string {
  const grown = providersGivenTasks(s, users)
    .filter((p) => p.config.managedScaling?.status === 'ENABLED')
    .map((p) => `${p.name} (maxSize ${p.config.autoScalingGroup.maxSize})`);
  const which = grown.length === 1 ? `capacity provider ${grown[0]}` : `capacity providers ${grown.join(', ')}`;
  const grows = grown.length === 0 ? '' : `, and the managed scaling of ${which} counts them as needing new instances (its estimate reads their size, not their placement constraints) and grows the group up to maxSize for them, one step per instance warm-up`;
  return `; its tasks are never placed${grows}`;
}

/**
 * The Auto Scaling group capacity providers the users' strategies give tasks (base or weight
 * above 0; not a DAEMON service's, which has no strategy and drives no scale out), each once,
 * in the order first named.
 */
function providersGivenTasks(s: ResolvedScenario, users: readonly ResolvedService[]): Extract<ResolvedProvider, { kind: 'asg' }>[] {
  const out: Extract<ResolvedProvider, { kind: 'asg' }>[] = [];
  for (const svc of users) {
    if (svc.config.schedulingStrategy === 'DAEMON') continue;
    for (const item of svc.strategy) {
      if (item.base === 0 && item.weight === 0) continue; // given no tasks
      const p = s.providers.get(item.capacityProvider);
      if (p?.kind === 'asg' && !out.includes(p)) out.push(p);
    }
  }
  return out;
}

/**
 * "; its managed scaling counts them as needing new instances (WHY) and grows the group up
 * to its maxSize (N) for them, one step per instance warm-up" for tasks of provider `p` that
 * are never placed, when it has managed scaling (its estimate reads the waiting tasks' size,
 * not their architecture or constraints: reservation.ts); "" without.
 */
function growsClause(p: Extract<ResolvedProvider, { kind: 'asg' }>, why: string): string {
  if (p.config.managedScaling?.status !== 'ENABLED') return '';
  return `; its managed scaling counts them as needing new instances (${why}) and grows the group up to its maxSize (${p.config.autoScalingGroup.maxSize}) for them, one step per instance warm-up`;
}

/**
 * For a memberOf comparison on an attribute that the expression needs: each Auto Scaling
 * group capacity provider the users' strategies give tasks (base or weight above 0; not a
 * DAEMON service, which has no strategy) none of whose possible instances (each instance
 * type it launches in each of the cluster's AZs, with the built-in attributes and its
 * `attributes`: instanceAttributes) meets the comparison (evaluate, as the placer). The
 * tasks given to it are never placed and wait for its capacity; with managed scaling it
 * counts them as needing new instances and grows to maxSize, one step per warm-up
 * (reservation.ts). One message per such provider.
 */
function providersThatNeverMeet(s: ResolvedScenario, users: readonly ResolvedService[], cmp: Extract<Expression, { kind: 'compare' }>): string[] {
  if (cmp.subject.kind !== 'attribute') return [];
  const name = cmp.subject.name;
  const written = `attribute:${name} ${cmp.operator}${cmp.list ? ` [${cmp.list.join(', ')}]` : cmp.argument !== undefined ? ` ${cmp.argument}` : ''}`;
  const azs = s.scenario.cluster.availabilityZones;
  const launched = launchedInstanceTypes(s);
  const out: string[] = [];
  for (const p of providersGivenTasks(s, users)) {
    const asg = p.config.autoScalingGroup;
    const kinds = launched.filter((t) => t.group === p.name);
    if (kinds.length === 0) continue; // types refused by the checks
    const possible = kinds.flatMap((t) => azs.map((az) => instanceAttributes(t, az, asg)));
    if (possible.some((attributes) => evaluate(cmp, { ...PROBE, attributes }))) continue;
    const had = [...new Set(possible.map((a) => (Object.hasOwn(a, name) ? a[name] : undefined)).filter((v) => v !== undefined))];
    const has = had.length === 0 ? `no attribute ${name}` : `${name} ${had.join(', ')}`;
    const grows = growsClause(p, 'its estimate reads their size, not their placement constraints');
    out.push(
      `the instances capacity provider ${p.name} launches have ${has}, so none meets ${written}: the tasks the capacity provider strategy gives to ${p.name} are never placed and wait for its capacity ("missing an attribute required by your task")${grows}; take ${p.name} out of the strategy, or change its group or the expression`,
    );
  }
  return out;
}

/** The operators true where a value is not (or no value is): an instance without the attribute passes them. */
const NEGATED_OPERATORS: ReadonlySet<string> = new Set(['!=', 'not_in', '!~', 'not_exists']);

/** A placement instance with no tasks and no room, for evaluating an attribute comparison. */
const PROBE: PlacementInstance = {
  id: 'i-0',
  status: 'ACTIVE',
  attributes: {},
  cpuRemaining: 0,
  memoryRemaining: 0,
  usedHostPorts: new Set(),
  enisRemaining: 0,
  runningTasksCount: 0,
  groupCounts: new Map(),
};

/**
 * Calls `f` on every comparison of `e`, with whether it stands under an odd number of `not`
 * (the expression then asks for it to be false).
 */
function walkComparisons(e: Expression, f: (c: Extract<Expression, { kind: 'compare' }>, negated: boolean) => void, negated = false): void {
  if (e.kind === 'compare') f(e, negated);
  else if (e.kind === 'not') walkComparisons(e.operand, f, !negated);
  else {
    walkComparisons(e.left, f, negated);
    walkComparisons(e.right, f, negated);
  }
}

/**
 * A REPLICA service on launchType EC2 (written, or taken because it has no strategy and the
 * cluster no defaultCapacityProviderStrategy) when no Auto Scaling group can ever have an
 * instance: each starts with 0 (desiredCapacity, else minSize) and can never launch one: its
 * maxSize is 0, or its own target tracking policy cannot scale out from 0
 * (groupNoScaleOutFromZero), or nothing scales it but managed scaling and no service's
 * capacity provider strategy gives it tasks. "A pending task that doesn't have a capacity
 * provider strategy won't cause any capacity provider to scale out"
 * (managed-scaling-behavior.html): the service's tasks are never placed. Not said when some
 * group starts with instances or a strategy may make managed scaling launch some (the
 * service's tasks may then land there).
 */
function launchTypeEc2WithoutInstances(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  if (svc.launchType !== 'EC2' || svc.config.schedulingStrategy === 'DAEMON') return;
  const givenTasks = new Set<string>();
  for (const other of s.services) for (const item of other.strategy) if (item.base > 0 || item.weight > 0) givenTasks.add(item.capacityProvider);
  const why: string[] = [];
  const managed: string[] = [];
  for (const [name, p] of s.providers) {
    if (p.kind !== 'asg') continue;
    const asg = p.config.autoScalingGroup;
    if ((asg.desiredCapacity ?? asg.minSize) > 0 && asg.maxSize > 0) return; // starts with instances
    const scaled = p.config.managedScaling?.status === 'ENABLED';
    if (scaled) managed.push(name);
    if (asg.maxSize === 0) why.push(`${name}: maxSize 0`);
    else if (asg.targetTrackingPolicy) why.push(`${name}: starts with 0 instances and its targetTrackingPolicy cannot scale out from 0`);
    else if (scaled && givenTasks.has(name)) return; // a strategy's tasks make managed scaling launch
    else if (scaled) why.push(`${name}: starts with 0 instances and only managed scaling launches, for tasks no capacity provider strategy gives it`);
    else why.push(`${name}: starts with 0 instances and nothing scales it`);
  }
  if (why.length === 0) return; // no group at all: refused by the loader
  const written = svc.config.launchType !== undefined;
  const how = written ? 'launchType EC2' : 'no launchType or capacityProviderStrategy, and the cluster has no defaultCapacityProviderStrategy, so it uses launchType EC2';
  const fix = managed.length > 0 ? `give it a capacityProviderStrategy naming ${managed.join(' or ')}` : 'let a group start with instances (desiredCapacity or minSize above 0)';
  out.push({
    at: written ? ['services', svc.name, 'launchType'] : ['services', svc.name],
    message: `${how}: no Auto Scaling group ever has an instance for its tasks (${why.join('; ')}), and a task without a capacity provider strategy does not make managed scaling scale out (managed-scaling-behavior.html), so its tasks are never placed; ${fix}`,
  });
}

/**
 * A capacity provider in a service's strategy (given tasks: base or weight above 0) that can
 * never run one of them: its Auto Scaling group's maxSize is 0, or the task's CPU, memory or
 * (awsvpc) ENI fits no instance type the group launches, on a bare instance (registered
 * resources: registered-resources.ts; an on-demand group launches its first type only). The
 * tasks given to it wait in PROVISIONING for the whole run (a wrong CPU architecture is
 * warned of by architectureWithoutInstances).
 */
function providersThatRunNothing(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  // a DAEMON service uses no strategy (its task goes on every instance: daemonFitsNoInstanceType)
  if (svc.config.schedulingStrategy === 'DAEMON') return;
  const td = svc.taskDefinition;
  // the strategy as written: the service's own, or the cluster's default it falls back on
  const at: Path = svc.config.capacityProviderStrategy ? ['services', svc.name, 'capacityProviderStrategy'] : ['cluster', 'defaultCapacityProviderStrategy'];
  for (const item of svc.strategy) {
    if (item.base === 0 && item.weight === 0) continue; // given no tasks
    const p = s.providers.get(item.capacityProvider);
    if (p?.kind !== 'asg') continue;
    const asg = p.config.autoScalingGroup;
    const given = `the tasks the strategy gives ${p.name} wait in PROVISIONING for the whole run`;
    if (asg.maxSize === 0) {
      out.push({
        at,
        message: `capacity provider ${p.name} can never run a task of service ${svc.name}: its Auto Scaling group's maxSize is 0, so it never launches an instance; ${given}; raise maxSize or take ${p.name} out of the strategy`,
      });
      continue;
    }
    const listed = listedTypeResources(asg, s.scenario.cluster.awsvpcTrunking);
    if (listed === null) return; // refused by the checks
    const lacks: string[] = [];
    let fitsOne = false;
    for (const t of launchedTypes(asg, listed)) {
      const short = shortfall(td, t);
      if (short.length === 0) fitsOne = true;
      else lacks.push(`${t.name} registers ${short.join(', ')}`);
    }
    if (fitsOne) continue;
    const onDemand = asg.purchaseOption !== 'spot' && asg.instanceTypes.length > 1 ? ' (on-demand: its first instance type only)' : '';
    out.push({
      at,
      message: `capacity provider ${p.name} can never run a task of service ${svc.name}: task definition ${td.name} (${td.cpu} CPU units, ${td.memory} MiB) fits no instance type its group launches${onDemand}: ${lacks.join('; ')}; ${given}`,
    });
  }
}

/**
 * A capacity provider with managed scaling in a service's strategy (given tasks: base or
 * weight above 0) whose group lists several instance types, where the task fits a type the
 * group launches but needs more CPU, memory or (awsvpc) ENIs than the least of that resource
 * over the listed types registers (the group's "smallest instance type" for that parameter,
 * by the registered resources of a bare instance, as AutoScalingGroup.smallestCapacity).
 * AWS: "If a group of tasks have resource requirements that are greater than the smallest
 * instance type in the Auto Scaling group, then that group of tasks can't run with this
 * capacity provider ... The tasks remain in the PROVISIONING state" (managed-scaling-behavior.html):
 * managed scaling leaves them out of the estimate and never launches an instance for them
 * (ecsim: reservation.ts, the metric held at targetCapacity). A task that fits no launched
 * type is said by providersThatRunNothing instead.
 */
function largerThanSmallestType(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  // a DAEMON service uses no strategy and drives no scale out (daemonFitsNoInstanceType)
  if (svc.config.schedulingStrategy === 'DAEMON') return;
  const td = svc.taskDefinition;
  const at: Path = svc.config.capacityProviderStrategy ? ['services', svc.name, 'capacityProviderStrategy'] : ['cluster', 'defaultCapacityProviderStrategy'];
  const trunking = s.scenario.cluster.awsvpcTrunking;
  const seen = new Set<string>();
  for (const item of svc.strategy) {
    if (item.base === 0 && item.weight === 0) continue; // given no tasks
    const p = s.providers.get(item.capacityProvider);
    if (p?.kind !== 'asg' || p.config.managedScaling?.status !== 'ENABLED' || seen.has(p.name)) continue;
    seen.add(p.name);
    const short = smallestTypeShortfall(p.config.autoScalingGroup, td, trunking);
    if (short === null) continue; // fits the smallest, or never runs at all (providersThatRunNothing)
    out.push({
      at,
      message:
        `managed scaling of capacity provider ${p.name} never scales out for service ${svc.name}: task definition ${td.name} (${td.cpu} CPU units, ${td.memory} MiB) fits ${short.fitting.join(', ')} but is larger than the smallest instance type the group lists (${short.lacks.join('; ')}), ` +
        `and AWS says a group of tasks greater than the smallest instance type in the Auto Scaling group "can't run with this capacity provider ... The tasks remain in the PROVISIONING state" (managed-scaling-behavior.html): they run only on instances the group already has; ` +
        `list only types that fit it, or give it a capacity provider of its own`,
    });
  }
}

/** The listed types a group launches: an on-demand group its first only (onDemandExtraTypes), a Spot group all. */
function launchedTypes(asg: { purchaseOption: string }, listed: readonly ListedTypeResources[]): readonly ListedTypeResources[] {
  return asg.purchaseOption === 'spot' ? listed : listed.slice(0, 1);
}

/** What a bare instance of type `t` registers too little of for a task of `td` ([] when it fits). */
function shortfall(td: ResolvedService['taskDefinition'], t: ListedTypeResources): string[] {
  const short: string[] = [];
  if (td.cpu > t.cpu) short.push(`${t.cpu} CPU units`);
  if (td.memory > t.memoryMiB) short.push(`${t.memoryMiB} MiB`);
  if (td.networkMode === 'awsvpc' && t.enis < 1) short.push('no ENI for an awsvpc task');
  return short;
}

/**
 * A REPLICA service of launchType EC2 whose task no Auto Scaling group of the cluster can ever
 * run: every group has maxSize 0 or launches no instance type that registers the task's CPU,
 * memory and (awsvpc) an ENI. Its tasks go on any container instance of the cluster, so ECS
 * is unable to place one for the whole run. (The strategy form is said per capacity provider
 * by providersThatRunNothing; a DAEMON's by daemonFitsNoInstanceType.)
 */
function ec2LaunchTypeRunsNothing(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  if (svc.launchType !== 'EC2' || svc.config.schedulingStrategy === 'DAEMON') return;
  const td = svc.taskDefinition;
  const why: string[] = [];
  for (const p of s.providers.values()) {
    if (p.kind !== 'asg') continue;
    const asg = p.config.autoScalingGroup;
    if (asg.maxSize === 0) {
      why.push(`${p.name}'s group has maxSize 0`);
      continue;
    }
    const listed = listedTypeResources(asg, s.scenario.cluster.awsvpcTrunking);
    if (listed === null) return; // refused by the checks
    const lacks: string[] = [];
    for (const t of launchedTypes(asg, listed)) {
      const short = shortfall(td, t);
      if (short.length === 0) return; // this group can run it
      lacks.push(`${t.name} (it registers ${short.join(', ')})`);
    }
    why.push(`${p.name}'s group launches ${lacks.join(', ')}`);
  }
  if (why.length === 0) return; // no EC2 capacity at all: refused or said elsewhere
  out.push({
    at: ['services', svc.name, 'launchType'],
    message: `service ${svc.name} (launchType EC2) can never run a task: no container instance the cluster's Auto Scaling groups can launch fits task definition ${td.name} (${td.cpu} CPU units, ${td.memory} MiB): ${why.join('; ')}; so ECS is unable to place its tasks for the whole run`,
  });
}

/**
 * An on-demand Auto Scaling group listing several instance types: ecsim launches only the
 * first (EC2 Auto Scaling's prioritized allocation for On-Demand, cluster.ts), so the others
 * run nothing. With managed scaling they still count in its estimate, which packs the waiting
 * tasks onto the most of each resource over the listed types ("The smallest and the largest
 * instance types for each parameter are selected", managed-scaling-behavior.html): a type
 * larger than the first in some resource makes each scale out ask for fewer instances than
 * the tasks need (scale out takes more rounds); a smaller one leaves the tasks it cannot
 * take out of the estimate (largerThanSmallestType). Without managed scaling they do nothing.
 */
function onDemandExtraTypes(s: ResolvedScenario, out: ScenarioWarning[]): void {
  for (const [name, p] of s.providers) {
    if (p.kind !== 'asg') continue;
    const asg = p.config.autoScalingGroup;
    if (asg.purchaseOption === 'spot' || asg.instanceTypes.length < 2) continue;
    const reg = listedTypeResources(asg, s.scenario.cluster.awsvpcTrunking);
    if (reg === null) return; // refused by the checks
    const [first, ...others] = reg;
    const otherNames = others.map((x) => x.name).join(', ');
    const keys = ['cpu', 'memoryMiB', 'enis'] as const;
    const larger = keys.some((k) => others.some((x) => x[k] > first[k]));
    const smaller = keys.some((k) => others.some((x) => x[k] < first[k]));
    const managed = p.config.managedScaling?.status === 'ENABLED';
    const one = others.length === 1;
    let effect: string;
    if (managed && larger) {
      effect = `${one ? 'only shrinks' : 'only shrink'} managed scaling's estimate: it computes the instances needed on the largest of each resource over the listed types (managed-scaling-behavior.html), more than a ${first.name} registers, so each scale out launches fewer ${first.name} than the waiting tasks need and scale out takes more rounds`;
    } else if (managed && smaller) {
      effect = `${one ? 'only leaves' : 'only leave'} out of managed scaling's estimate the tasks larger than the smallest listed type (managed-scaling-behavior.html), for which it then never scales out`;
    } else {
      effect = one ? 'has no effect on the run' : 'have no effect on the run';
    }
    out.push({
      at: ['cluster', 'capacityProviders', name, 'autoScalingGroup', 'instanceTypes'],
      message: `an on-demand group launches only its first listed type, ${first.name} (EC2 Auto Scaling's prioritized allocation), so ${otherNames} ${effect}; list ${first.name} alone, or use purchaseOption spot to launch every listed type`,
    });
  }
}

/**
 * deploymentConfiguration governs, in ecsim, only how the tasks on a draining EC2 instance
 * are replaced, (maximumPercent) how tasks marked unhealthy by their load balancer target
 * group and interrupted Fargate Spot tasks are (services.ts), and (maximumPercent) whether
 * Availability Zone rebalancing is on (not at 100) and has room for a task more
 * (az-rebalancing.ts); deployments are not modelled. Said when it is written for a service
 * it cannot touch: a DAEMON service (its tasks are not replaced elsewhere) or one on Fargate
 * capacity only without a loadBalancer (no instance of its drains, no target turns
 * unhealthy) whose strategy gives no tasks to a FARGATE_SPOT provider with `interruptions`
 * (none is ever reclaimed), unless its maximumPercent, other than the default 200, changes
 * the AZ rebalancing it is otherwise eligible for.
 */
function deploymentWithoutDrain(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  if (svc.config.deploymentConfiguration === undefined) return;
  const daemon = svc.config.schedulingStrategy === 'DAEMON';
  const onEc2 = svc.launchType === 'EC2' || svc.strategy.some((x) => s.providers.get(x.capacityProvider)?.kind === 'asg');
  const reclaimed = svc.strategy.some((x) => {
    const p = s.providers.get(x.capacityProvider);
    return (x.base > 0 || x.weight > 0) && p?.kind === 'fargate' && p.spot && p.config.interruptions !== undefined;
  });
  if (!daemon && (onEc2 || svc.config.loadBalancer !== undefined || reclaimed)) return;
  // maximumPercent turns AZ rebalancing off (100) or decides its room (floor(n x max / 100) > n)
  const dc = svc.config.deploymentConfiguration;
  const rebalancingEligible =
    !daemon &&
    svc.config.availabilityZoneRebalancing !== 'DISABLED' &&
    azRebalancingIncompatibility({ ...svc.config, deploymentConfiguration: { ...dc, maximumPercent: DEFAULT_DEPLOYMENT_CONFIGURATION.maximumPercent } }, svc.taskDefinition.config) === null;
  if (rebalancingEligible && dc.maximumPercent !== DEFAULT_DEPLOYMENT_CONFIGURATION.maximumPercent) return;
  const which = daemon ? 'a DAEMON service' : `a service on Fargate capacity only (${[...new Set(svc.strategy.map((x) => x.capacityProvider))].join(', ')}) without a loadBalancer or Fargate Spot interruptions`;
  out.push({
    at: ['services', svc.name, 'deploymentConfiguration'],
    message: `has no effect in ecsim on ${which}: it governs only the replacement of tasks on draining EC2 instances, of tasks failing load balancer health checks and of interrupted Fargate Spot tasks, and (maximumPercent) whether Availability Zone rebalancing is on and has room${rebalancingEligible ? ', which its maximumPercent of 200, the default, leaves as it is' : ''}; deployments are not modelled`,
  });
}

/**
 * Availability Zone rebalancing on, but maximumPercent rounds to no room for one task more
 * at the initial desired count or at minCapacity: floor(count x maximumPercent / 100) <=
 * count (e.g. 3 tasks at 120 %). ECS "starts new tasks in the Availability Zone with the
 * fewest tasks" before it stops one in the one with the most, within maximumPercent
 * (developerguide/service-rebalancing.html), so at such a count it can never move a task.
 * Counts below 2 are left out: they are never unbalanced by two tasks.
 */
function azRebalancingWithoutRoom(svc: ResolvedService, out: ScenarioWarning[]): void {
  if (!svc.azRebalancing) return;
  const max = deploymentConfigurationOf(svc.config).maximumPercent;
  const counts: [number, string][] = [[svc.desiredCount, 'the initial desired count']];
  const as = svc.config.autoScaling;
  if (as && as.minCapacity === svc.desiredCount) counts[0][1] = 'the initial desired count and minCapacity';
  else if (as) counts.push([as.minCapacity, 'minCapacity']);
  const stuck = counts.filter(([c]) => c >= 2 && Math.floor((c * max) / 100) <= c);
  if (stuck.length === 0) return;
  const shown = stuck.map(([c, what]) => `${c} tasks (${what}: floor(${c} x ${max} / 100) = ${Math.floor((c * max) / 100)})`);
  const needed = Math.max(...stuck.map(([c]) => Math.ceil((100 * (c + 1)) / c)));
  const written = svc.config.availabilityZoneRebalancing === 'ENABLED' ? 'ENABLED' : 'ENABLED (the default for this service)';
  out.push({
    at: ['services', svc.name, 'deploymentConfiguration', 'maximumPercent'],
    message:
      `${max} leaves no room for one task more at ${shown.join(' or at ')}; availabilityZoneRebalancing is ${written}, and ECS starts a task in the Availability Zone with the fewest before it stops one ` +
      `(within maximumPercent), so rebalancing cannot move a task while the service runs that many; a maximumPercent of ${needed} or more gives room`,
  });
}

/**
 * A service whose strategy gives tasks to FARGATE_SPOT, behind a target group whose
 * deregistration delay is 2 minutes or more: "tasks that run as FARGATE_SPOT might not be
 * deregistered from the target group of the load balancer until they transition to STOPPED",
 * and AWS advises a deregistration delay under two minutes for every target group associated
 * with FARGATE_SPOT (knowledge-center/fargate-spot-termination-notice). ecsim takes a noticed
 * task out of rotation at once (a model, docs/assumptions.md), so the run does not show the
 * requests such a task may still get in AWS.
 */
function fargateSpotDeregistrationDelay(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  const lb = svc.config.loadBalancer;
  // (a service without an http workload: its targets deregister at once, the delay does not apply)
  if (lb === undefined || !hasHttpWorkload(svc.config) || deregistrationDelayOf(lb) < 120_000) return;
  const spot = svc.strategy.some((x) => {
    const p = s.providers.get(x.capacityProvider);
    return (x.base > 0 || x.weight > 0) && p?.kind === 'fargate' && p.spot;
  });
  if (!spot) return;
  const from = svc.config.capacityProviderStrategy === undefined ? " (by the cluster's defaultCapacityProviderStrategy)" : '';
  out.push({
    at: ['services', svc.name, 'loadBalancer', 'deregistrationDelay'],
    message: `is ${deregistrationDelayOf(lb) / 1000}s on a service with tasks on FARGATE_SPOT${from}: a FARGATE_SPOT task is reclaimed 2 minutes after its interruption notice and might not be deregistered from the target group until it is STOPPED, so AWS advises a deregistration delay under 2 minutes for target groups of FARGATE_SPOT tasks (knowledge-center/fargate-spot-termination-notice); ecsim takes a noticed task out of rotation at once (docs/assumptions.md), so the run does not show requests it may still get in AWS`,
  });
}

/**
 * FARGATE_SPOT given tasks (a strategy item of base or weight above 0, a service's own or the
 * cluster's default) with no `interruptions`: ecsim reclaims a FARGATE_SPOT task only at the
 * exponential times `interruptions.meanTimeBetween` draws (AWS publishes no rate), so without
 * it the tasks run uninterrupted for the whole run at the Fargate Spot discount, and a Fargate
 * against Fargate Spot comparison reads the saving with none of the reclaims. Said once, at
 * the provider's key when written, else at the first strategy item giving it tasks, naming
 * the services.
 */
function fargateSpotWithoutInterruptions(s: ResolvedScenario, out: ScenarioWarning[]): void {
  const spot = s.providers.get('FARGATE_SPOT');
  if (spot === undefined || spot.kind !== 'fargate' || spot.config.interruptions !== undefined) return;
  const services: string[] = [];
  let first: Path | undefined;
  for (const svc of s.services) {
    const i = svc.strategy.findIndex((x) => x.capacityProvider === 'FARGATE_SPOT' && (x.base > 0 || x.weight > 0));
    if (i < 0) continue;
    services.push(svc.name);
    first ??= svc.config.capacityProviderStrategy !== undefined ? ['services', svc.name, 'capacityProviderStrategy', i] : ['cluster', 'defaultCapacityProviderStrategy', i];
  }
  if (first === undefined) return;
  const written = 'FARGATE_SPOT' in s.scenario.cluster.capacityProviders;
  const named = `${services.length === 1 ? 'service' : 'services'} ${services.join(', ')}`;
  out.push({
    at: written ? ['cluster', 'capacityProviders', 'FARGATE_SPOT'] : first,
    message:
      `${written ? 'FARGATE_SPOT has no interruptions' : 'gives tasks to FARGATE_SPOT, which has no interruptions'}: its tasks (${named}) are never reclaimed in this run, ` +
      `so they get the Fargate Spot discount with no interruption; set cluster.capacityProviders.FARGATE_SPOT.interruptions.meanTimeBetween (AWS publishes no rate: docs/assumptions.md) to model reclaims`,
  });
}

/**
 * An Auto Scaling group of `purchaseOption: spot` that may launch (maxSize above 0) with no
 * `spotInterruptions`: ecsim interrupts a Spot instance only at the exponential times
 * `spotInterruptions.meanTimeBetween` draws (AWS publishes no rate), so without it the
 * group's instances run uninterrupted for the whole run at the Spot discount, as FARGATE_SPOT
 * without interruptions (fargateSpotWithoutInterruptions). Said at the group, whether or not
 * a service places tasks there (its instances are charged either way).
 */
function ec2SpotWithoutInterruptions(s: ResolvedScenario, out: ScenarioWarning[]): void {
  for (const p of s.providers.values()) {
    if (p.kind !== 'asg') continue;
    const asg = p.config.autoScalingGroup;
    if (asg.purchaseOption !== 'spot' || asg.spotInterruptions !== undefined || asg.maxSize === 0) continue;
    const at = ['cluster', 'capacityProviders', p.name, 'autoScalingGroup'];
    out.push({
      at,
      message:
        'is purchaseOption: spot with no spotInterruptions: its instances are never interrupted in this run, so they get the Spot discount with no interruption; ' +
        `set ${at.join('.')}.spotInterruptions.meanTimeBetween (AWS publishes no rate: docs/assumptions.md) to model interruptions`,
    });
  }
}

/**
 * A service (REPLICA or DAEMON) that may run tasks on an Auto Scaling group with `spotInterruptions` and
 * `spotInstanceDraining: true`, whose tasks take 2 minutes or more to stop at the longest:
 * its target group's deregistration delay (0 without a loadBalancer or an http workload) + the task definition's
 * stopTimeout (the most a stop's SIGTERM -> exit can take). EC2 terminates a Spot instance 2
 * minutes after its interruption notice (spot-instance-draining-linux-container.html), and
 * ECS drains it at the notice; a task whose deregistration delay and stop would end at or
 * after then is killed with the instance, its drain cut short (its stop_reason is then
 * `spot-interruption`, services.ts). A drain may also start later than the notice (the task
 * waits for a healthy replacement under minimumHealthyPercent), so a sum under 2 minutes is
 * no promise: it is the case said because no drain can finish in time. A DAEMON service's
 * tasks are drained too, once the replica tasks there are STOPPED (services.ts,
 * checkDrained): said the same way, their drain starting at the notice at the earliest.
 */
function ec2SpotDrainTooLong(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  const drained = (name: string) => {
    const p = s.providers.get(name);
    return p?.kind === 'asg' && p.config.autoScalingGroup.spotInstanceDraining && p.config.autoScalingGroup.spotInterruptions !== undefined;
  };
  const groups =
    svc.launchType === 'EC2' || svc.config.schedulingStrategy === 'DAEMON'
      ? [...s.providers.keys()].filter(drained)
      : [...new Set(svc.strategy.filter((x) => (x.base > 0 || x.weight > 0) && drained(x.capacityProvider)).map((x) => x.capacityProvider))];
  if (groups.length === 0) return;
  // the delay holds only targets sent requests: without an http workload a stopping task
  // deregisters at once (services.ts, mayHaveConnections)
  const lb = hasHttpWorkload(svc.config) ? svc.config.loadBalancer : undefined;
  const delay = lb ? deregistrationDelayOf(lb) : 0;
  const stopTimeout = svc.taskDefinition.config.stopTimeout;
  if (delay + stopTimeout < 120_000) return;
  const sum = lb
    ? `its deregistration delay (${delay / 1000}s) + stopTimeout (${stopTimeout / 1000}s of task definition ${svc.taskDefinition.name}) is ${(delay + stopTimeout) / 1000}s`
    : `stopTimeout (${stopTimeout / 1000}s of task definition ${svc.taskDefinition.name}) is ${stopTimeout / 1000}s`;
  out.push({
    at: lb ? ['services', svc.name, 'loadBalancer', 'deregistrationDelay'] : ['taskDefinitions', svc.taskDefinition.name, 'stopTimeout'],
    message: `service ${svc.name} may run tasks on Spot capacity with spotInstanceDraining (${groups.join(', ')}), and ${sum}, 2 minutes or more: EC2 terminates a Spot instance 2 minutes after its interruption notice (spot-instance-draining-linux-container.html), so a task drained at the notice${svc.config.schedulingStrategy === 'DAEMON' ? ' (a DAEMON task drains once the replica tasks there are STOPPED, later still)' : ''} that takes this long is killed with the instance before its drain ends (stop_reason spot-interruption); keep the deregistration delay + stopTimeout under 2 minutes for drains to finish`,
  });
}

/**
 * A deregistration delay written on a service whose targets no request reaches (no workload,
 * or a queue workload): ELB completes the deregistration of a target without in-flight
 * requests or connections at once ("If a deregistering target has no in-flight requests and
 * no active connections, Elastic Load Balancing immediately completes the deregistration
 * process", elasticloadbalancing load-balancer-target-groups.html), so a stopping task skips
 * DEACTIVATING (services.ts, mayHaveConnections) and the written delay does nothing.
 */
function deregistrationDelayWithoutRequests(svc: ResolvedService, out: ScenarioWarning[]): void {
  const delay = svc.config.loadBalancer?.deregistrationDelay;
  if (delay === undefined || hasHttpWorkload(svc.config)) return;
  const why = svc.config.workload === undefined ? `service ${svc.name} has no workload` : `service ${svc.name}'s queue workers pull messages`;
  out.push({
    at: ['services', svc.name, 'loadBalancer', 'deregistrationDelay'],
    message: `${delay / 1000}s has no effect: ${why}, so no request reaches its targets, and Elastic Load Balancing completes the deregistration of a target without in-flight requests or connections at once (a stopping task skips DEACTIVATING); remove it, or give the service an http workload`,
  });
}

/**
 * A task definition's `shutdown` (how long its containers take to exit after SIGTERM) that
 * is always at or above its stopTimeout: a fixed value, or a uniform whose min is. Every stop
 * then ends in SIGKILL at stopTimeout (task_definition_parameters.html), and the shutdown
 * written has no effect. (exponential, normal and lognormal have no positive lower bound.)
 */
function shutdownAtStopTimeout(s: ResolvedScenario, out: ScenarioWarning[]): void {
  for (const td of s.taskDefinitions.values()) {
    const d = td.config.shutdown;
    const low = d.distribution === 'fixed' ? d.value : d.distribution === 'uniform' ? d.min : undefined;
    const stopTimeout = td.config.stopTimeout;
    if (low === undefined || low < stopTimeout) continue;
    const what = d.distribution === 'fixed' ? `is ${formatDuration(low)}` : `never draws under ${formatDuration(low)} (uniform min)`;
    out.push({
      at: ['taskDefinitions', td.name, 'shutdown'],
      message: `${what}, at or above the task definition's stopTimeout (${formatDuration(stopTimeout)}): containers are always killed at stopTimeout (SIGKILL), so every stop takes ${formatDuration(stopTimeout)} and this shutdown has no effect; lower it under stopTimeout, or raise stopTimeout`,
    });
  }
}

/**
 * A `pricing:` override that prices nothing the run buys changes nothing: an EC2 price for
 * a type no Auto Scaling group launches (on-demand: its first instance type only; Spot:
 * every listed type, as cluster.ts launches them), ec2SpotDiscount with no Spot group, a
 * Fargate key with no Fargate task it prices (vcpuHour and gbHour: X86_64 tasks;
 * arm64: ARM64 tasks; spotDiscount: tasks on FARGATE_SPOT). A strategy item of base 0 and
 * weight 0 is given no tasks and does not count.
 */
function pricingWithoutEffect(s: ResolvedScenario, out: ScenarioWarning[]): void {
  const pricing = s.scenario.pricing;
  if (!pricing) return;
  const noEffect = 'it has no effect on the run';
  const { launched, listed, spotGroup, fargate } = pricedByRun(s);
  for (const name of Object.keys(pricing.ec2 ?? {})) {
    if (launched.has(name)) continue;
    const why = listed.has(name) ? `no Auto Scaling group launches ${name} (an on-demand group launches its first instance type only)` : `no Auto Scaling group lists ${name}`;
    out.push({ at: ['pricing', 'ec2', name], message: `${why}: ${noEffect}` });
  }
  if (pricing.ec2SpotDiscount !== undefined && !spotGroup) {
    out.push({ at: ['pricing', 'ec2SpotDiscount'], message: `no Auto Scaling group has purchaseOption spot: ${noEffect}` });
  }
  const f = pricing.fargate;
  if (!f) return;
  if (!fargate.any) {
    out.push({ at: ['pricing', 'fargate'], message: `no service runs tasks on Fargate (launchType FARGATE, or FARGATE/FARGATE_SPOT in its capacity provider strategy): ${noEffect}` });
    return;
  }
  for (const key of ['vcpuHour', 'gbHour'] as const) {
    if (f[key] !== undefined && !fargate.x86) out.push({ at: ['pricing', 'fargate', key], message: `prices X86_64 Fargate tasks, and every Fargate task of the run is ARM64 (priced by fargate.arm64): ${noEffect}` });
  }
  if (f.arm64 !== undefined && !fargate.arm64) {
    out.push({ at: ['pricing', 'fargate', 'arm64'], message: `no Fargate task of the run is ARM64 (runtimePlatform.cpuArchitecture ARM64): ${noEffect}` });
  }
  if (f.spotDiscount !== undefined && !fargate.spot) {
    out.push({ at: ['pricing', 'fargate', 'spotDiscount'], message: `no service runs tasks on FARGATE_SPOT: ${noEffect}` });
  }
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}

/**
 * A model delay whose least value (a fixed value, a uniform's min) is at or after the end of
 * the run: an instance's launchDelay (no instance the group launches registers), a Fargate
 * provisioningDelay (no task on it starts), a task definition's imagePull or containerStart
 * (no task of it starts) or applicationStart (no task of it answers). Likely a unit slip: a bare number is seconds (`launchDelay: 60000`
 * meant as ms is 16h40m): a value written so, without a unit, gets a "did you mean" in ms. Not with --duration (a run cut short on purpose).
 * With warmStart the initial instances and tasks start at time 0 all the same: the message says so.
 */
function delaysPastTheEnd(s: ResolvedScenario, out: ScenarioWarning[]): void {
  const end = s.scenario.duration;
  const warm = s.scenario.warmStart;
  const least = (d: DurationDistribution): number | undefined => (d.distribution === 'fixed' ? d.value : d.distribution === 'uniform' ? d.min : undefined);
  const check = (at: Path, d: DurationDistribution, what: string) => {
    const ms = least(d);
    if (ms === undefined || ms < end) return;
    const which = d.distribution === 'fixed' ? formatDuration(ms) : `its least value, ${formatDuration(ms)},`;
    const bare = d.distribution === 'fixed' && writtenAsBareNumber(d) ? bareSecondsHint(ms) : '';
    out.push({ at, message: `${which} is at or after the end of the run (${formatDuration(end)}): ${what}${bare}` });
  };
  // (a default, lognormal, has no least value above 0: a provider not written is never said)
  for (const p of s.providers.values()) {
    if (p.kind === 'asg') {
      // (a warm fixed fleet's launchDelay is said to have no effect at all: warmFixedFleetLaunchDelay)
      if (warmFixedFleet(s, p.config)) continue;
      check(['cluster', 'capacityProviders', p.name, 'autoScalingGroup', 'launchDelay'], p.config.autoScalingGroup.launchDelay, warm ? `no instance the group launches after time 0 registers within the run (warmStart: only its initial instances, registered at 0)` : `no instance the group launches registers within the run`);
    } else {
      check(['cluster', 'capacityProviders', p.name, 'provisioningDelay'], p.config.provisioningDelay, warm ? `no task on ${p.name} but the initial ones (warmStart: RUNNING at 0) starts within the run` : `no task on ${p.name} starts within the run`);
    }
  }
  for (const [name, td] of Object.entries(s.scenario.taskDefinitions)) {
    const what = warm ? `no task of ${name} but the initial ones placed at time 0 (warmStart: RUNNING at 0) starts within the run` : `no task of ${name} starts within the run`;
    check(['taskDefinitions', name, 'startup', 'imagePull'], td.startup.imagePull, what);
    check(['taskDefinitions', name, 'startup', 'containerStart'], td.startup.containerStart, what);
    // applicationStart: from RUNNING until the application answers (takes load, passes health checks)
    check(
      ['taskDefinitions', name, 'startup', 'applicationStart'],
      td.startup.applicationStart,
      warm ? `no task of ${name} but the initial ones (warmStart: answering at 0) answers within the run` : `no task of ${name} answers (takes load, passes a health check) within the run`,
    );
  }
}

/**
 * A duration of bare-seconds.ts's keys (cooldowns, warm-ups, stopTimeout, the target group's
 * deregistration delay) written as a bare number of 1000 or more and
 * at or after the end of the run: a bare number is seconds, so `scaleOutCooldown: 300000`
 * meant as ms is 83h20m. The hint is delaysPastTheEnd's; a value written with a unit ("100h")
 * is taken as meant, and one below 1000 (`deregistrationDelay: 300` in a 5-minute run) as
 * seconds. Not with --duration (a run cut short on purpose).
 */
function bareSecondsPastTheEnd(s: ResolvedScenario, out: ScenarioWarning[]): void {
  const end = s.scenario.duration;
  for (const { at, ms } of s.bareSeconds ?? []) {
    // (a fraction of a second, 60.5, or a number below 1000 is no likelier ms: no hint to give, and not said)
    if (ms >= end && bareSecondsHint(ms) !== '') out.push({ at, message: `${formatDuration(ms)} is at or after the end of the run (${formatDuration(end)})${bareSecondsHint(ms)}` });
  }
}

/**
 * Under warmStart, whether the Auto Scaling group never launches an instance after time 0:
 * it has initial instances (desiredCapacity, else minSize, above 0: they register at 0),
 * no EC2 Spot interruptions (spotInterruptions on a spot group: an interrupted instance is
 * replaced), and nothing changes its desired capacity: no managed scaling and no target
 * tracking policy of its own, or minSize = maxSize (every desired capacity is clamped to it).
 */
function warmFixedFleet(s: ResolvedScenario, config: AsgProviderConfig): boolean {
  const asg = config.autoScalingGroup;
  const scaled = groupScaled(config);
  return (
    s.scenario.warmStart &&
    (asg.desiredCapacity ?? asg.minSize) > 0 &&
    !(asg.purchaseOption === 'spot' && asg.spotInterruptions !== undefined) &&
    (!scaled || asg.minSize === asg.maxSize)
  );
}

/** Whether something changes the group's desired capacity: managed scaling or its own target tracking policy. */
function groupScaled(config: AsgProviderConfig): boolean {
  return config.managedScaling?.status === 'ENABLED' || config.autoScalingGroup.targetTrackingPolicy !== undefined;
}

/**
 * A launchDelay written for a group that never launches after time 0 under warmStart
 * (warmFixedFleet: nothing launches later, with or without a fixed minSize = maxSize): its initial instances register at 0 with no launch delay (the delay is
 * drawn and not used), so the delay has no effect on the run. Not said for the default
 * (lognormal, median 90 s, p95 180 s: a launchDelay written as exactly the default is taken
 * as not written).
 */
function warmFixedFleetLaunchDelay(s: ResolvedScenario, out: ScenarioWarning[]): void {
  for (const p of s.providers.values()) {
    if (p.kind !== 'asg' || !warmFixedFleet(s, p.config)) continue;
    const asg = p.config.autoScalingGroup;
    const n = asg.desiredCapacity ?? asg.minSize;
    const scaled = groupScaled(p.config);
    const why = scaled ? `minSize = maxSize = ${asg.maxSize}: its scaling cannot change its desired capacity` : 'no managed scaling or targetTrackingPolicy changes its desired capacity';
    const d = asg.launchDelay;
    if (d.distribution === DEFAULT_LAUNCH_DELAY.distribution && d.median === DEFAULT_LAUNCH_DELAY.median && d.p95 === DEFAULT_LAUNCH_DELAY.p95) continue;
    out.push({
      onlyWarm: true,
      at: ['cluster', 'capacityProviders', p.name, 'autoScalingGroup', 'launchDelay'],
      message:
        `has no effect on the run: under warmStart the group's ${n} initial ${n === 1 ? 'instance registers' : 'instances register'} at time 0 with no launch delay, ` +
        `and the group never launches another (${why}, and no Spot interruption replaces one); remove it, or set warmStart false to see the launches`,
    });
  }
}

/**
 * A datapoint for [t, t + period) is visible at t + period + publishDelay: with the first
 * visible at or after the end of the run, no scaling policy and no managed scaling sees one.
 */
function metricsAfterTheEnd(s: ResolvedScenario, out: ScenarioWarning[]): void {
  const { period, publishDelay } = s.scenario.metrics;
  const first = period + publishDelay;
  if (first < s.scenario.duration) return;
  const readers: string[] = [];
  for (const svc of s.services) if (Object.keys(svc.config.autoScaling?.policies ?? {}).length > 0) readers.push(`the scaling policies of ${svc.name}`);
  for (const p of s.providers.values()) if (p.kind === 'asg' && (p.config.managedScaling?.status === 'ENABLED' || p.config.autoScalingGroup.targetTrackingPolicy)) readers.push(`the scaling of ${p.name}`);
  if (readers.length === 0) return;
  out.push({
    at: ['metrics', 'publishDelay'],
    message: `${formatDuration(publishDelay)}: the first datapoint (of [0, ${formatDuration(period)})) is visible at ${formatDuration(first)} (period + publishDelay), at or after the end of the run (${formatDuration(s.scenario.duration)}), so ${readers.join(' and ')} never see a datapoint; shorten publishDelay or lengthen the run`,
  });
}

/**
 * managedScaling with status DISABLED: ECS does not scale the group, so the other
 * managedScaling settings written beside it (targetCapacity, step sizes, warm-up) do nothing.
 */
function disabledManagedScalingSettings(s: ResolvedScenario, out: ScenarioWarning[]): void {
  const declared = s.scenario.cluster.capacityProviders;
  for (const [name, p] of s.providers) {
    if (p.kind !== 'asg' || p.config.managedScaling?.status !== 'DISABLED' || !Object.hasOwn(declared, name)) continue;
    const written = (declared[name] as { managedScaling?: Record<string, unknown> } | null)?.managedScaling;
    const keys = written !== null && typeof written === 'object' ? Object.keys(written).filter((k) => k !== 'status') : [];
    if (keys.length === 0) continue;
    out.push({
      at: ['cluster', 'capacityProviders', name, 'managedScaling'],
      message: `status DISABLED: ECS does not scale the group, so ${keys.join(', ')} ${keys.length === 1 ? 'has' : 'have'} no effect on the run; set status ENABLED or remove ${keys.length === 1 ? 'it' : 'them'}`,
    });
  }
}

/**
 * A service's target tracking policy that likely does not do what was meant:
 * - a CPU target at or above the most the service's average CPU can read (cpu.ts): an http
 *   task serving capacityRps reads 100 % and serves no more (an I/O-bound one, whose slots
 *   allow fewer requests/s than capacityRps, reads at most cpuBaseline + (100 - cpuBaseline)
 *   x slots' rate / capacityRps), a task of a service with
 *   Fargate in its strategy is capped at 100 %, a queue worker reads at most cpuBaseline +
 *   cpuPerBusySlot x concurrency. The AlarmHigh is "CPU > target" (3 of 3), so it never
 *   fires and the policy never scales out (AAS takes such a target: it is not refused).
 * - target tracking on the queue's raw ApproximateNumberOfMessagesVisible: the capacity
 *   asked for is ceil(current x visible / target), so each scale out multiplies whatever
 *   runs by the backlog's ratio to the target; AWS's documented metric for a queue is the
 *   backlog per task (application-auto-scaling-target-tracking-metric-math.html, "Amazon SQS
 *   queue backlog per task"), ecsim's BacklogPerTask. (A step policy's alarm on it is fine:
 *   its steps are not proportional to the running capacity.)
 * - a scaleInCooldown written beside disableScaleIn: true: the policy has no AlarmLow and
 *   never scales in, so the cooldown has no effect.
 */
function targetTrackingSettings(s: ResolvedScenario, svc: ResolvedService, out: ScenarioWarning[]): void {
  const w = svc.config.workload;
  for (const [name, p] of Object.entries(svc.config.autoScaling?.policies ?? {})) {
    if (p.policyType !== 'TargetTrackingScaling') continue;
    const at: Path = ['services', svc.name, 'autoScaling', 'policies', name];
    const metric = p.customMetric ?? (p.predefinedMetricType === 'ECSServiceAverageCPUUtilization' ? 'CPUUtilization' : p.predefinedMetricType);
    // Sum and SampleCount grow with the tasks (CPUUtilization is kept as a statistic set over them): no ceiling
    const perTask = p.customMetricStatistic === undefined || p.customMetricStatistic === 'Average' || p.customMetricStatistic === 'Maximum' || p.customMetricStatistic === 'Minimum';
    if (metric === 'CPUUtilization' && w && perTask) {
      const ceiling = cpuCeiling(s, svc);
      if (ceiling !== null && p.targetValue >= ceiling.max) {
        out.push({
          at: [...at, 'targetValue'],
          message: `${p.targetValue} on CPUUtilization, which never exceeds ${round(ceiling.max)} % here (${ceiling.why}): the AlarmHigh (CPU > ${p.targetValue} for 3 datapoints) never fires, so this policy never scales out; use a target below ${round(ceiling.max)}`,
        });
      }
    }
    if (p.disableScaleIn && p.scaleInCooldown !== undefined) {
      // disableScaleIn: no AlarmLow, the policy never scales in, so nothing starts its scale-in cooldown
      out.push({
        at: [...at, 'scaleInCooldown'],
        message: `${formatDuration(p.scaleInCooldown)} has no effect: disableScaleIn is true, so this policy never scales in and has no scale-in cooldown; remove it, or set disableScaleIn false`,
      });
    }
    if (p.customMetric === 'ApproximateNumberOfMessagesVisible') {
      out.push({
        at: [...at, 'customMetric'],
        message:
          `ApproximateNumberOfMessagesVisible is the whole queue's backlog, not a figure per task: target tracking asks for ceil(current x visible / ${p.targetValue}) tasks, ` +
          'so each scale out multiplies the tasks already running by the backlog\'s ratio to the target, however many drain it; ' +
          "track BacklogPerTask (visible messages / RUNNING tasks) with the backlog one task may hold as the target, AWS's metric for a queue (application-auto-scaling-target-tracking-metric-math.html)",
      });
    }
  }
}

/**
 * A step alarm on ApproximateNumberOfMessagesVisible whose outcome the threshold decides
 * alone: the metric is a count of messages, never below 0 (SQS reports "a non-negative
 * value" for an active queue, sqs-available-cloudwatch-metrics.html; ecsim publishes a
 * datapoint every period), so ">= 0" or "> -1" is in ALARM at every evaluation (the policy
 * adds its step every cooldown whatever the queue holds), and "< 0" or "<= -1" never is.
 * Every statistic of a non-negative count is non-negative too. Returns the warning, or null.
 */
function visibleMessagesAlarmConstant(metricName: string, op: string, threshold: number): string | null {
  if (metricName !== 'ApproximateNumberOfMessagesVisible') return null;
  const alwaysTrue = (op === 'GreaterThanOrEqualToThreshold' && threshold <= 0) || (op === 'GreaterThanThreshold' && threshold < 0);
  if (alwaysTrue) {
    return `${op} ${threshold} is always in ALARM: ApproximateNumberOfMessagesVisible is never below 0, so the policy adds its step every cooldown even with the queue empty; the usual wake alarm is > 0 (GreaterThanThreshold 0)`;
  }
  const neverTrue = (op === 'LessThanThreshold' && threshold <= 0) || (op === 'LessThanOrEqualToThreshold' && threshold < 0);
  if (neverTrue) {
    return `${op} ${threshold} is never in ALARM: ApproximateNumberOfMessagesVisible is never below 0, so this policy never scales; for an empty queue use LessThanOrEqualToThreshold 0 (or LessThanThreshold 1)`;
  }
  return null;
}

/** The most a service's average CPUUtilization can read, and why (src/workload/service/cpu.ts); null when its workload is refused. */
function cpuCeiling(s: ResolvedScenario, svc: ResolvedService): { max: number; why: string } | null {
  const w = svc.config.workload!;
  // as the simulation gives the workload model its Fargate flag (simulation.ts)
  const fargate = svc.strategy.some((x) => s.providers.get(x.capacityProvider)?.kind === 'fargate');
  const cfg = serviceModel(svc);
  if (cfg === null) return null;
  if (w.type === 'http') {
    // cpu.ts: cpuBaseline + (100 - cpuBaseline) x served / capacityRps, and a task serves at
    // most taskRate (concurrency / mean effective serviceTime): capacityRps when CPU-bound
    // (its service times are stretched to it), less when I/O-bound
    if (!(mostServedRate(cfg, 'http') < cfg.capacityRps * (1 - 1e-9))) return { max: 100, why: 'an http task serving capacityRps reads 100 % and serves no more' };
    const max = cfg.cpuBaseline + ((100 - cfg.cpuBaseline) * cfg.taskRate) / cfg.capacityRps;
    return {
      max,
      why:
        `the task is I/O-bound: its slots run out before its CPU, at concurrency ${cfg.concurrency} / mean serviceTime ${round(cfg.meanServiceMs)} ms = ${round(cfg.taskRate)} requests/s, ` +
        `below capacityRps ${round(cfg.capacityRps)}, so it reads at most cpuBaseline ${round(cfg.cpuBaseline)} + (100 - ${round(cfg.cpuBaseline)}) x ${round(cfg.taskRate)} / ${round(cfg.capacityRps)}`,
    };
  }
  const busiest = cfg.cpuBaseline + cfg.cpuPerBusySlot * cfg.concurrency;
  if (fargate && busiest > 100) return { max: 100, why: "Fargate caps a task's CPU at 100 %" };
  return { max: busiest, why: `a queue worker reads at most cpuBaseline ${round(cfg.cpuBaseline)} + cpuPerBusySlot ${round(cfg.cpuPerBusySlot)} x concurrency ${cfg.concurrency}` };
}
