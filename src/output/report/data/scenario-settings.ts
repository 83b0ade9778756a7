// What a report needs from the optional scenario.json copy in a results folder: the
// scaling targets and alarm thresholds to draw against the metrics, the SLO, and a few
// key settings to list, the prices the run used among them (scenario.json's `pricing`:
// each group's on-demand prices and Spot discount, the Fargate rates). Accepts the scenario as written (durations "250ms", numbers =
// seconds) or as parsed by ecsim (durations in integer ms): see durationReader.

import { parseDuration } from '../../../scenario/index.js';
import { LOW_ALARM_TARGET_FRACTION } from '../../../scaling/index.js';
import { fmtMs } from '../format/duration.js';

/** The CloudWatch metric a policy tracks, by the name of the timeseries.csv column that shows it. */
export type MetricColumn = 'cpu_utilization' | 'memory_utilization' | 'backlog' | 'request_count_per_target' | 'request_rate' | null;

export interface TargetLine {
  policy: string;
  /** AWS name: ECSServiceAverageCPUUtilization, a custom metric name, or an alarm's metricName. */
  metric: string;
  column: MetricColumn;
  value: number;
  kind: 'target' | 'scale-in threshold' | 'alarm threshold';
  /** The chart's right axis (a queue's visible messages, on the backlog chart). */
  axis?: 'right';
}

/** The service chart that shows a metric: utilization (CPU, memory), backlog (queue) or requests per target (load balancer). */
export type MetricChart = 'utilization' | 'backlog' | 'requests';

/** A CloudWatch alarm a policy creates, as events.csv names it, with what it watches and does. */
export interface AlarmSetting {
  name: string;
  policy: string;
  metric: string;
  /** The chart that shows its metric; null when none does (a metric ecsim does not simulate). */
  chart: MetricChart | null;
  /**
   * What its policy does: out (target tracking high alarm, step adjustments all > 0), in
   * (low alarm, all < 0), either (ExactCapacity, or adjustments of both signs).
   */
  direction: 'out' | 'in' | 'either';
}

export interface ServiceSettings {
  name: string;
  sloLatencyP95Ms: number | null;
  /** perTask.capacityRps: requests/s one task serves at 100 % of its CPU. */
  capacityRps: number | null;
  /** workload.type is queue: the load is messages, not requests. */
  queue: boolean;
  lines: TargetLine[];
  alarms: AlarmSetting[];
  rows: [string, string][];
}

export interface ScenarioSettings {
  rows: [string, string][];
  /** managedScaling.targetCapacity per capacity provider (percent). */
  targetCapacity: Map<string, number>;
  services: Map<string, ServiceSettings>;
  providers: [string, string][];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const PREDEFINED_COLUMN: Record<string, MetricColumn> = {
  ECSServiceAverageCPUUtilization: 'cpu_utilization',
  ECSServiceAverageMemoryUtilization: 'memory_utilization',
  CPUUtilization: 'cpu_utilization',
  MemoryUtilization: 'memory_utilization',
  BacklogPerTask: 'backlog',
  ApproximateNumberOfMessagesVisible: 'backlog',
  ALBRequestCountPerTarget: 'request_count_per_target',
  RequestCountPerTarget: 'request_count_per_target',
};

const METRIC_CHART: Record<string, MetricChart> = {
  ECSServiceAverageCPUUtilization: 'utilization',
  ECSServiceAverageMemoryUtilization: 'utilization',
  CPUUtilization: 'utilization',
  MemoryUtilization: 'utilization',
  BacklogPerTask: 'backlog',
  ApproximateNumberOfMessagesVisible: 'backlog',
  ALBRequestCountPerTarget: 'requests',
  RequestCountPerTarget: 'requests',
};

/** A step policy's direction: by the sign of its adjustments (ExactCapacity sets a count, no sign). */
function stepDirection(p: Obj): AlarmSetting['direction'] {
  if (p.adjustmentType === 'ExactCapacity') return 'either';
  const adj = (Array.isArray(p.stepAdjustments) ? p.stepAdjustments : []).map((a) => num(obj(a).scalingAdjustment)).filter((a): a is number => a !== null && a !== 0);
  if (adj.length > 0 && adj.every((a) => a > 0)) return 'out';
  if (adj.length > 0 && adj.every((a) => a < 0)) return 'in';
  return 'either';
}

/**
 * Duration reader for this document. A scenario as written gives numbers in seconds; as
 * parsed by ecsim, in ms. `duration` tells which: compared with summary.json's
 * durationSeconds (ms if equal to it x 1000), else ms when the parsed-only default
 * metrics.period (60000) is there, else seconds.
 */
export function durationReader(scenario: Obj, durationSeconds: number | undefined): (v: unknown) => number | null {
  const d = num(scenario.duration);
  const period = num(obj(scenario.metrics).period);
  let factor = 1000;
  if (d !== null && durationSeconds !== undefined && d === durationSeconds * 1000) factor = 1;
  else if (d !== null && durationSeconds !== undefined && d === durationSeconds) factor = 1000;
  else if (period !== null && period >= 1000) factor = 1;
  return (v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? v * factor : null;
    const ms = parseDuration(v);
    return typeof ms === 'number' ? ms : null;
  };
}

export function readScenarioSettings(scenario: Obj | null, durationSeconds: number | undefined): ScenarioSettings {
  const services = new Map<string, ServiceSettings>();
  const targetCapacity = new Map<string, number>();
  if (!scenario) return { rows: [], services, providers: [], targetCapacity };
  const ms = durationReader(scenario, durationSeconds);
  const rows: [string, string][] = [];
  const add = (label: string, v: unknown) => {
    if (v !== undefined && v !== null && v !== '') rows.push([label, typeof v === 'string' ? v : JSON.stringify(v)]);
  };
  add('name', scenario.name);
  add('description', scenario.description);
  add('start', scenario.start);
  add('duration', fmtMs(ms(scenario.duration)));
  add('region', scenario.region);
  const metrics = obj(scenario.metrics);
  if (metrics.period !== undefined) add('metric period / publish delay', `${fmtMs(ms(metrics.period))} / ${fmtMs(ms(metrics.publishDelay))}`);

  const pricing = obj(scenario.pricing);
  const fargatePrices = describeFargatePrices(obj(pricing.fargate));
  if (fargatePrices) add('Fargate prices', fargatePrices);

  const providers: [string, string][] = [];
  for (const [name, p] of Object.entries(obj(obj(scenario.cluster).capacityProviders))) {
    // scenario.json's capacity providers are parsed like the rest (effective.ts): numbers in ms.
    providers.push([name, describeProvider(name, obj(p), ms, pricing)]);
    const managed = obj(obj(p).managedScaling);
    if (Object.keys(managed).length > 0 && managed.status !== 'DISABLED') targetCapacity.set(name, num(managed.targetCapacity) ?? 100);
  }

  const taskDefs = obj(scenario.taskDefinitions);
  for (const [name, svc] of Object.entries(obj(scenario.services))) services.set(name, readService(name, obj(svc), taskDefs, ms));
  return { rows, services, providers, targetCapacity };
}

function readService(name: string, s: Obj, taskDefs: Obj, ms: (v: unknown) => number | null): ServiceSettings {
  const rows: [string, string][] = [];
  const workload = obj(s.workload);
  const slo = obj(workload.slo);
  const sloLatencyP95Ms = slo.latencyP95 === undefined ? null : ms(slo.latencyP95);
  const td = obj(taskDefs[String(s.taskDefinition)]);
  rows.push(['task definition', `${s.taskDefinition ?? '?'} (${td.cpu ?? '?'} CPU units, ${td.memory ?? td.memoryReservedByContainers ?? '?'} MiB)`]);
  if (s.launchType) rows.push(['launch type', String(s.launchType)]);
  if (Array.isArray(s.capacityProviderStrategy)) {
    rows.push(['capacity provider strategy', s.capacityProviderStrategy.map((i) => { const o = obj(i); return `${o.capacityProvider} (base ${o.base ?? 0}, weight ${o.weight ?? 1})`; }).join(', ')]);
  }
  // a DAEMON service has no desired count: ECS runs one task on each instance
  rows.push(s.schedulingStrategy === 'DAEMON' ? ['scheduling', 'DAEMON: one task per instance'] : ['desired count (initial)', String(s.desiredCount ?? '?')]);
  if (Array.isArray(s.placementStrategy) && s.placementStrategy.length) rows.push(['placement strategy', s.placementStrategy.map((x) => describePlacement(obj(x))).join(', then ')]);
  const constraints = [
    ...(Array.isArray(s.placementConstraints) ? s.placementConstraints : []).map((x) => describePlacement(obj(x))),
    ...(Array.isArray(td.placementConstraints) ? td.placementConstraints : []).map((x) => `${describePlacement(obj(x))} (task definition)`),
  ];
  if (constraints.length) rows.push(['placement constraints', constraints.join(', ')]);
  const deployment = obj(s.deploymentConfiguration);
  if (Object.keys(deployment).length) rows.push(['deployment configuration', `maximumPercent ${deployment.maximumPercent ?? 200}, minimumHealthyPercent ${deployment.minimumHealthyPercent ?? 100}`]);
  if (s.healthCheckGracePeriodSeconds !== undefined) rows.push(['health check grace period', `${s.healthCheckGracePeriodSeconds} s`]);
  const lb = obj(s.loadBalancer);
  if (Object.keys(lb).length) {
    const hc = obj(lb.healthCheck);
    const check = Object.keys(hc).length
      ? `; health check every ${fmtMs(ms(hc.interval))}, healthy after ${hc.healthyThreshold ?? 5}, unhealthy after ${hc.unhealthyThreshold ?? 2} checks in a row`
      : '';
    // the delay holds only targets requests reach (an http workload's); others deregister at once
    const http = workload.type !== undefined && workload.type !== 'queue';
    const delay = !http
      ? 'no deregistration delay (no request reaches its targets)'
      : `deregistration delay ${lb.deregistrationDelay === undefined ? '5m' : fmtMs(ms(lb.deregistrationDelay))}`;
    rows.push(['load balancer', `routing ${lb.routing ?? 'round-robin'}, ${delay}${check}`]);
  }
  if (workload.type) rows.push(['workload', `${workload.type}: ${describeTrace(obj(workload.requestRate), ms)}`]);
  if (sloLatencyP95Ms !== null) rows.push(['SLO', `p95 latency <= ${fmtMs(sloLatencyP95Ms)}${slo.errorRate !== undefined ? `, errors <= ${slo.errorRate} %` : ''}`]);

  const lines: TargetLine[] = [];
  const alarms: AlarmSetting[] = [];
  const as = obj(s.autoScaling);
  if (as.minCapacity !== undefined) rows.push(['scalable target', `minCapacity ${as.minCapacity}, maxCapacity ${as.maxCapacity}`]);
  for (const [policy, pv] of Object.entries(obj(as.policies))) {
    const p = obj(pv);
    if (p.policyType === 'TargetTrackingScaling') {
      const metric = String(p.predefinedMetricType ?? p.customMetric ?? 'ECSServiceAverageCPUUtilization');
      const value = num(p.targetValue);
      if (value === null) continue;
      const column = PREDEFINED_COLUMN[metric] ?? null;
      lines.push({ policy, metric, column, value, kind: 'target' });
      const chart = METRIC_CHART[metric] ?? null;
      alarms.push({ name: `TargetTracking-${name}-${policy}-AlarmHigh`, policy, metric, chart, direction: 'out' });
      // ecsim's AlarmLow fires below 90 % of the target (its reading of "usually more than 10%
      // lower", target-tracking-scaling-policy-overview.html; docs/notes/scaling.md).
      if (p.disableScaleIn !== true) {
        lines.push({ policy, metric, column, value: value * LOW_ALARM_TARGET_FRACTION, kind: 'scale-in threshold' });
        alarms.push({ name: `TargetTracking-${name}-${policy}-AlarmLow`, policy, metric, chart, direction: 'in' });
      }
      rows.push([`policy ${policy}`, `target tracking ${metric} = ${value}; cooldowns out ${fmtMs(p.scaleOutCooldown === undefined ? 300_000 : ms(p.scaleOutCooldown))} / in ${fmtMs(p.scaleInCooldown === undefined ? 300_000 : ms(p.scaleInCooldown))}${p.disableScaleIn === true ? '; scale in disabled' : ''}`]);
    } else if (p.policyType === 'StepScaling') {
      const alarm = obj(p.alarm);
      const value = num(alarm.threshold);
      const metric = String(alarm.metricName ?? '?');
      // the queue's visible messages are the backlog chart's right axis, not its per-task one
      const axis = metric === 'ApproximateNumberOfMessagesVisible' ? ({ axis: 'right' } as const) : {};
      if (value !== null) lines.push({ policy, metric, column: PREDEFINED_COLUMN[metric] ?? null, value, kind: 'alarm threshold', ...axis });
      alarms.push({ name: typeof alarm.name === 'string' ? alarm.name : `StepScaling-${name}-${policy}`, policy, metric, chart: METRIC_CHART[metric] ?? null, direction: stepDirection(p) });
      rows.push([`policy ${policy}`, `step scaling on ${metric} ${alarm.comparisonOperator ?? ''} ${alarm.threshold} (${alarm.datapointsToAlarm ?? alarm.evaluationPeriods ?? 1} of ${alarm.evaluationPeriods ?? 1}), ${p.adjustmentType}`]);
    }
  }
  for (const [action, av] of Object.entries(obj(as.scheduledActions))) {
    const a = obj(av);
    const act = Object.entries(obj(a.scalableTargetAction)).map(([k, v]) => `${k} ${v}`).join(', ');
    // a rate() has no time zone (it counts intervals); at() and cron() are wall-clock times, UTC by default
    const zone = /^\s*rate\(/.test(String(a.schedule)) ? '' : ` ${a.timezone ?? 'UTC'}`;
    rows.push([`scheduled action ${action}`, `${a.schedule}${zone}: ${act}`]);
  }
  const capacityRps = num(obj(workload.perTask).capacityRps);
  return { name, sloLatencyP95Ms, capacityRps, queue: workload.type === 'queue', lines, alarms, rows };
}

/** A fraction as a percentage: 0.65 -> "65 %". */
const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** scenario.json's pricing.fargate: "X86_64 0.04048 USD/vCPU-hour + 0.004445 USD/GB-hour; ARM64 ...; Fargate Spot discount 70 %"; '' when none. */
function describeFargatePrices(f: Obj): string {
  const rates = (r: Obj) => {
    const vcpu = num(r.vcpuHour);
    const gb = num(r.gbHour);
    return [vcpu !== null ? `${vcpu} USD/vCPU-hour` : '', gb !== null ? `${gb} USD/GB-hour` : ''].filter(Boolean).join(' + ');
  };
  const spot = num(f.spotDiscount);
  return [
    rates(f) && `X86_64 ${rates(f)}`,
    rates(obj(f.arm64)) && `ARM64 ${rates(obj(f.arm64))}`,
    spot !== null ? `Fargate Spot discount ${pct(spot)}` : '',
  ].filter(Boolean).join('; ');
}

/** Mean time between interruptions: "every 1h on average", else "none". */
function interruptions(v: unknown, ms: (v: unknown) => number | null): string {
  const mean = obj(v).meanTimeBetween;
  return mean === undefined ? 'none' : `every ${fmtMs(ms(mean))} on average`;
}

function describeProvider(name: string, p: Obj, ms: (v: unknown) => number | null, pricing: Obj): string {
  const asg = obj(p.autoScalingGroup);
  if (Object.keys(asg).length === 0) {
    return name === 'FARGATE_SPOT' ? `Fargate Spot; interruptions ${interruptions(p.interruptions, ms)}` : 'Fargate';
  }
  const names = Array.isArray(asg.instanceTypes) ? asg.instanceTypes.map((t) => (typeof t === 'string' ? t : String(obj(t).name))) : [];
  const types = names.length ? names.join(', ') : '?';
  const spot = asg.purchaseOption === 'spot';
  const managed = obj(p.managedScaling);
  const parts = [`ASG ${types} ${asg.purchaseOption ?? 'on-demand'}, size ${asg.minSize ?? '?'}..${asg.maxSize ?? '?'} (desired ${asg.desiredCapacity ?? '?'})`];
  // the prices scenario.json records (effective.ts): of the types the group launches (on-demand: its first one)
  const ec2 = obj(pricing.ec2);
  const priced = (spot ? names : names.slice(0, 1)).flatMap((t) => (num(ec2[t]) !== null ? [`${t} ${ec2[t]}`] : []));
  const discount = num(pricing.ec2SpotDiscount);
  const spotDiscount = spot && discount !== null ? `Spot discount ${pct(discount)}` : null;
  // an older folder may record the discount without prices: shown on its own then
  if (priced.length) parts.push(`on-demand ${priced.join(', ')} USD/h${spotDiscount !== null ? `, ${spotDiscount}` : ''}`);
  else if (spotDiscount !== null) parts.push(spotDiscount);
  if (spot) parts.push(`Spot interruptions ${interruptions(asg.spotInterruptions, ms)}, Spot instance draining ${asg.spotInstanceDraining === true ? 'on' : 'off'}`);
  if (asg.launchDelay !== undefined) parts.push(`launch delay ${describeDistribution(asg.launchDelay, ms)}`);
  if (managed.status === 'ENABLED' || (Object.keys(managed).length > 0 && managed.status !== 'DISABLED')) {
    parts.push(`managed scaling targetCapacity ${managed.targetCapacity ?? 100} %, warm-up ${fmtMs(managed.instanceWarmupPeriod === undefined ? 300_000 : ms(managed.instanceWarmupPeriod))}`);
  }
  return parts.join('; ');
}

/** spread(attribute:ecs.availability-zone), binpack(memory), random, memberOf(<expression>), distinctInstance. */
function describePlacement(p: Obj): string {
  const arg = p.field ?? p.expression;
  return arg === undefined ? String(p.type ?? '?') : `${p.type}(${arg})`;
}

/** A duration distribution: "90s", "lognormal median 1m30s, p95 2m30s", "uniform min 10s, max 20s". */
function describeDistribution(v: unknown, ms: (v: unknown) => number | null): string {
  const d = obj(v);
  if (Object.keys(d).length === 0) return fmtMs(ms(v));
  if (d.distribution === 'fixed') return fmtMs(ms(d.value));
  const params = Object.entries(d).filter(([k]) => k !== 'distribution').map(([k, x]) => `${k} ${fmtMs(ms(x))}`);
  return `${d.distribution ?? '?'} ${params.join(', ')}`;
}

/** {"min":150,"peakAt":"14:00"} -> {min: 150, peakAt: 14:00} */
function plainJson(json: string): string {
  return json.replace(/"([^"]*)":/g, '$1: ').replace(/,(?=["\w{[-])/g, ', ').replace(/"/g, '');
}

const TRACE_DURATION_KEYS = new Set(['at', 'start', 'end', 'every', 'period', 'rampUp', 'hold', 'rampDown']);

function describeTrace(rate: Obj, ms: (v: unknown) => number | null): string {
  const durations = (key: string, v: unknown) => (TRACE_DURATION_KEYS.has(key) && (typeof v === 'number' || typeof v === 'string') && key !== '' ? fmtMs(ms(v)) : v);
  return Object.entries(rate)
    .map(([k, v]) => `${k} ${typeof v === 'object' ? plainJson(JSON.stringify(v, durations)) : String(v)}`)
    .join(' x ');
}
