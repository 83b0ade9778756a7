// Application Auto Scaling for a service, as the simulation sees it (ServiceScalerPort),
// on top of src/scaling: a MetricStore fed once per period and a ServiceAutoScaler. Also
// EC2 Auto Scaling target tracking on a group's CPU (GroupTargetTracking).

import type { AlarmTransition } from '../scaling/alarm.js';
import { MetricStore } from '../scaling/metric-store.js';
import { TargetTrackingPolicy } from '../scaling/target-tracking-policy.js';
import type { Instance } from '../model/instance.js';
import { ServiceAutoScaler, type ScalingPolicyConfig } from '../scaling/service-auto-scaler.js';
import type { AsgProviderConfig, ResolvedScenario, ResolvedService } from '../scenario/index.js';
import type { ScalingEvent, ServiceScalerPort } from './scaler-port.js';

export function createAutoScaler(service: ResolvedService, scenario: ResolvedScenario): ServiceAutoScaler | null {
  const as = service.config.autoScaling;
  if (!as) return null;
  return new ServiceAutoScaler(
    {
      subject: service.name,
      minCapacity: as.minCapacity,
      maxCapacity: as.maxCapacity,
      policies: as.policies as Record<string, ScalingPolicyConfig>,
      scheduledActions: as.scheduledActions,
      startEpochMs: scenario.startEpochMs,
    },
    service.desiredCount,
  );
}

/**
 * EC2 Auto Scaling target tracking on a group's own average CPU (ASGAverageCPUUtilization),
 * for groups without ECS managed scaling: the same alarms and proportional rule as AAS
 * target tracking, with EC2 Auto Scaling's instance warm-up instead of cooldowns (target
 * tracking has none: autoscaling/ec2/userguide/Cooldown.html).
 * Each datapoint carries the number of instances it averaged (InService: registered, not
 * chosen for termination, not warming up), and the policy computes
 * ceil(that number x metric / target), so a datapoint is never multiplied by a count it was
 * not measured over; the result scales out only above the desired capacity already set
 * (warming instances included: an alarm that asks again for the capacity already set
 * launches nothing more) and scales in only below it.
 * An instance this policy launched warms up for estimatedInstanceWarmup from its launch
 * (PutScalingPolicy EstimatedInstanceWarmup "applies to instances launched due to a specific
 * target tracking or step scaling policy"); a warming instance contributes nothing to the
 * metric, and scale in waits until no instance is warming
 * (ec2-auto-scaling-default-instance-warmup.html).
 */
export class GroupTargetTracking {
  private readonly policy: TargetTrackingPolicy;
  private readonly store: MetricStore;
  private readonly transitions: AlarmTransition[] = [];
  private readonly warmupMs: number;
  /** The instances this policy launched, with the end of their warm-up (pruned as they warm). */
  private readonly warming = new Map<Instance, number>();

  constructor(
    readonly name: string,
    private readonly config: AsgProviderConfig,
    scenario: ResolvedScenario,
  ) {
    const tt = config.autoScalingGroup.targetTrackingPolicy!;
    this.warmupMs = tt.estimatedInstanceWarmup;
    this.policy = new TargetTrackingPolicy(
      'cpu',
      {
        policyType: 'TargetTrackingScaling',
        customMetric: 'ASGAverageCPUUtilization',
        targetValue: tt.targetValue,
        disableScaleIn: tt.disableScaleIn,
        scaleOutCooldown: 0,
        scaleInCooldown: 0,
      },
      name,
      { fromCovered: true },
    );
    const metrics = scenario.scenario.metrics;
    this.store = new MetricStore({ period: metrics.period, publishDelay: metrics.publishDelay });
  }

  /**
   * Whether the instance is one this policy launched and was warming up at any time in the
   * period that starts at `from` (its warm-up ends after `from`): it adds usage data to the
   * aggregated metric only once its warm-up has passed (ec2-auto-scaling-default-instance-warmup.html),
   * so a period it spent warming, even in part, leaves it out. A warm-up ending at the
   * period's end leaves it out of that period; one ending at its start does not.
   */
  warmingDuring(inst: Instance, from: number): boolean {
    const until = this.warming.get(inst);
    return until !== undefined && from < until;
  }

  /** The period's ASGAverageCPUUtilization and the number of instances it averaged. */
  putDatapoint(periodStart: number, cpuPercent: number, instances: number): void {
    this.store.putValues('ASGAverageCPUUtilization', periodStart, cpuPercent, cpuPercent, cpuPercent, 1, instances);
  }

  /**
   * The alarms and the policy at t, for a group whose desired capacity is `desired`.
   * Returns the new desired capacity (or the same) and events.
   */
  evaluate(t: number, desired: number): { desiredCapacity: number; events: ScalingEvent[] } {
    let warmingNow = 0;
    for (const [inst, until] of this.warming) {
      if (until <= t || inst.lifecycle === 'TERMINATED') this.warming.delete(inst);
      else warmingNow++;
    }
    const asg = this.config.autoScalingGroup;
    // the policy computes from the instances the datapoint covered and compares with `desired`
    const target = { desiredCount: desired, minCapacity: asg.minSize, maxCapacity: asg.maxSize };
    if (this.transitions.length > 0) this.transitions.length = 0; // (a runtime call even when already empty)
    const request = this.policy.evaluate(t, this.store, target, this.transitions);
    const events: ScalingEvent[] = this.transitions.map((tr) => ({ type: 'alarm-state', subject: this.name, message: `${tr.alarmName} ${tr.from} -> ${tr.to}: ${tr.message}` }));
    let to = desired;
    // out: only above the capacity already set (warming instances included); in: none while any warms up
    if (request && (request.direction === 'out' ? request.capacity > desired : warmingNow === 0 && request.capacity < desired)) to = request.capacity;
    if (to !== desired) {
      const note = warmingNow > 0 ? `; ${warmingNow} ${warmingNow === 1 ? 'instance' : 'instances'} warming up, not in the datapoint` : '';
      events.push({ type: 'scaling-activity', subject: this.name, message: `desired capacity ${desired} -> ${to}: ${request!.explain()}${note}`, direction: to > desired ? 'out' : 'in' });
    }
    return { desiredCapacity: to, events };
  }

  /** Instances the policy's scale out at t launched: they warm up from now. */
  launched(instances: readonly Instance[], t: number): void {
    for (const inst of instances) this.warming.set(inst, t + this.warmupMs);
  }
}

export function createGroupScaler(name: string, config: AsgProviderConfig, scenario: ResolvedScenario): GroupTargetTracking | null {
  return config.autoScalingGroup.targetTrackingPolicy ? new GroupTargetTracking(name, config, scenario) : null;
}

export function createServiceScaler(service: ResolvedService, scenario: ResolvedScenario): ServiceScalerPort | null {
  const scaler = createAutoScaler(service, scenario);
  return scaler ? scalerPort(scaler, scenario) : null;
}

function scalerPort(scaler: ServiceAutoScaler, scenario: ResolvedScenario): ServiceScalerPort {
  const metrics = scenario.scenario.metrics;
  const store = new MetricStore({ period: metrics.period, publishDelay: metrics.publishDelay });
  /** evaluate's result when there are no events; reused (read before the next call). */
  const quiet: { desiredCount: number; events: ScalingEvent[] } = { desiredCount: 0, events: [] };
  const convert = (events: readonly { type: ScalingEvent['type']; subject: string; message: string; activity?: { direction: 'out' | 'in' } }[]) =>
    events.map((e) => ({ type: e.type, subject: e.subject, message: e.message, direction: e.activity?.direction }));
  return {
    get minCapacity() {
      return scaler.target.minCapacity;
    },
    get maxCapacity() {
      return scaler.target.maxCapacity;
    },
    putDatapoint(periodStart: number, metricName: string, sum: number, min: number, max: number, sampleCount: number, tasks: number) {
      store.putValues(metricName, periodStart, sum, min, max, sampleCount, tasks);
    },
    evaluate(t: number, desired: number) {
      const r = scaler.onMetricsVisible(t, store, desired);
      if (r.events.length === 0) {
        // the usual period: nothing to report, no allocation
        quiet.desiredCount = r.desiredCount;
        return quiet;
      }
      return { desiredCount: r.desiredCount, events: convert(r.events) };
    },
    nextScheduledTime: (after: number) => scaler.nextScheduledTime(after),
    runInForceAtStart(desired: number) {
      const r = scaler.runInForceAtStart(desired);
      return { desiredCount: r.desiredCount, events: convert(r.events) };
    },
    runScheduledActions(t: number, desired: number) {
      const r = scaler.runScheduledActions(t, desired);
      return { desiredCount: r.desiredCount, events: convert(r.events) };
    },
  };
}
