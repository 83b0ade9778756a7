// Application Auto Scaling for a service, as the simulation sees it (ServiceScalerPort),
// on top of src/scaling: a MetricStore fed once per period and a ServiceAutoScaler.

import { MetricStore } from '../scaling/metric-store.js';
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
 * for groups without ECS managed scaling. The same alarms and proportional rule as AAS
 * target tracking; the estimated instance warm-up stands in for the scale-out cooldown.
 */
export function createGroupScaler(name: string, config: AsgProviderConfig, scenario: ResolvedScenario): ServiceScalerPort | null {
  const tt = config.autoScalingGroup.targetTrackingPolicy;
  if (!tt) return null;
  const asg = config.autoScalingGroup;
  return scalerPort(
    new ServiceAutoScaler(
      {
        subject: name,
        minCapacity: asg.minSize,
        maxCapacity: asg.maxSize,
        policies: {
          cpu: {
            policyType: 'TargetTrackingScaling',
            customMetric: 'ASGAverageCPUUtilization',
            targetValue: tt.targetValue,
            disableScaleIn: tt.disableScaleIn,
            scaleOutCooldown: tt.estimatedInstanceWarmup,
            scaleInCooldown: 300_000,
          },
        },
        startEpochMs: scenario.startEpochMs,
      },
      asg.desiredCapacity ?? asg.minSize,
    ),
    scenario,
  );
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
    runScheduledActions(t: number, desired: number) {
      const r = scaler.runScheduledActions(t, desired);
      return { desiredCount: r.desiredCount, events: convert(r.events) };
    },
  };
}
