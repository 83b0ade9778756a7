// Cross-key checks contributed by the subsystems: placement expressions, Fargate task
// sizes, instance types, scaling policies and schedules, workloads and traces. Each runs
// the subsystem's own validation and reports problems under the scenario key path.

import { compileConstraints, compileStrategies, QueryLanguageError } from '../placement/index.js';
import { validateFargateSize } from '../model/capacity/fargate.js';
import { customTypesIn, lookupInstanceType, validateCustomInstanceType, type CustomInstanceType } from '../model/capacity/instance-catalog.js';
import { createPriceBook } from '../model/pricing/index.js';
import { ServiceAutoScaler, type ScalingPolicyConfig } from '../scaling/service-auto-scaler.js';
import { resolveServiceConfig } from '../workload/service/resolve-config.js';
import { buildTrace, parseTraceCsv } from '../workload/trace/index.js';
import { RandomStreams } from '../engine/index.js';
import type { Path, ResolvedScenario } from './resolve.js';
import { traceConfigOf } from './trace-config.js';
import { expectationProblems } from './expect/index.js';

export type Report = (at: Path, message: string) => void;
export type Check = (scenario: ResolvedScenario, report: Report) => void;

/** Reports an error thrown by a subsystem; a leading "a.b[0].c: " in its message extends the path. */
export function reportThrown(report: Report, at: Path, e: unknown, strip?: string): void {
  let message = e instanceof Error ? e.message : String(e);
  const extra: Path = [];
  if (strip && message.startsWith(`${strip}.`)) message = message.slice(strip.length + 1);
  else if (strip && message.startsWith(`${strip}:`)) message = message.slice(strip.length);
  const m = /^([A-Za-z_][\w-]*(?:\.[\w-]+|\[\d+\])*):\s/.exec(message);
  if (m) {
    for (const part of m[1].match(/[A-Za-z_][\w-]*|\[\d+\]/g) ?? []) extra.push(part.startsWith('[') ? Number(part.slice(1, -1)) : part);
    message = message.slice(m[0].length);
  }
  if (e instanceof QueryLanguageError) message = `${message} (in "${e.expression}")`;
  report([...at, ...extra], message.replace(/^:\s*/, ''));
}

const instanceTypes: Check = (s, report) => {
  for (const [name, p] of s.providers) {
    if (p.kind !== 'asg') continue;
    const list = p.config.autoScalingGroup.instanceTypes;
    const custom = customTypesIn(list);
    list.forEach((t, i) => {
      const at: Path = ['cluster', 'capacityProviders', name, 'autoScalingGroup', 'instanceTypes', i];
      try {
        if (typeof t === 'string') lookupInstanceType(t, custom);
        else {
          const problem = validateCustomInstanceType(t as CustomInstanceType);
          if (problem) report(at, problem);
        }
      } catch (e) {
        reportThrown(report, at, e);
      }
    });
  }
};

/** `pricing:` names only instance types the scenario can launch (catalog or custom). */
const pricing: Check = (s, report) => {
  const custom = [...s.providers.values()].flatMap((p) => (p.kind === 'asg' ? customTypesIn(p.config.autoScalingGroup.instanceTypes) : []));
  try {
    createPriceBook(s.scenario.pricing, custom);
  } catch (e) {
    reportThrown(report, ['pricing'], e, 'pricing');
  }
};

const placement: Check = (s, report) => {
  for (const svc of s.services) {
    const at: Path = ['services', svc.name];
    try {
      compileConstraints(svc.config.placementConstraints);
    } catch (e) {
      reportThrown(report, at, e);
    }
    if (svc.config.placementStrategy) {
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
    for (const [pname, p] of Object.entries(as.policies)) {
      const pat: Path = [...at, 'policies', pname];
      if (p.policyType === 'TargetTrackingScaling') {
        if ((p.predefinedMetricType === undefined) === (p.customMetric === undefined)) {
          report(pat, `expected exactly one of predefinedMetricType or customMetric, found ${p.predefinedMetricType === undefined ? 'neither' : 'both'}`);
        }
        if (p.predefinedMetricType === 'ALBRequestCountPerTarget' && !svc.config.loadBalancer) {
          report([...pat, 'predefinedMetricType'], 'ALBRequestCountPerTarget needs the service to have a loadBalancer');
        }
      }
      const period = s.scenario.metrics.period;
      if (p.policyType === 'TargetTrackingScaling' && period !== 60_000) {
        report(['metrics', 'period'], `target tracking (policy ${pname} of ${svc.name}) uses the 1-minute datapoints of the alarms AAS creates: expected 60s, found ${period / 1000}s`);
      }
      if (p.policyType === 'StepScaling' && p.alarm.period % period !== 0) {
        report([...pat, 'alarm', 'period'], `expected a multiple of metrics.period (${period / 1000}s), found ${p.alarm.period / 1000}s`);
      }
      const metric = p.policyType === 'TargetTrackingScaling' ? p.customMetric : p.alarm.metricName;
      if (metric === 'BacklogPerTask' && svc.config.workload?.type !== 'queue') {
        report(pat, 'BacklogPerTask exists only for a queue workload (workload.type: queue)');
      }
      if (metric === 'RequestCountPerTarget' && !svc.config.loadBalancer) {
        report(pat, 'RequestCountPerTarget needs the service to have a loadBalancer');
      }
    }
    try {
      new ServiceAutoScaler(
        {
          subject: svc.name,
          minCapacity: as.minCapacity,
          // (minCapacity above maxCapacity is reported once, by resolve.ts)
          maxCapacity: Math.max(as.minCapacity, as.maxCapacity),
          policies: as.policies as Record<string, ScalingPolicyConfig>,
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

const workloads: Check = (s, report) => {
  for (const svc of s.services) {
    const w = svc.config.workload;
    if (!w) continue;
    const at: Path = ['services', svc.name, 'workload'];
    try {
      resolveServiceConfig({ type: w.type, perTask: w.perTask, maxQueuePerTask: w.maxQueuePerTask, slo: w.slo, fidelity: svc.config.fidelity });
    } catch (e) {
      reportThrown(report, ['services', svc.name], e);
    }
    if (w.type === 'http' && w.perTask.cpuPerBusySlot !== undefined) report([...at, 'perTask', 'cpuPerBusySlot'], 'applies to queue workloads; http tasks use capacityRps and cpuBaseline');
    const csv = w.requestRate.csv;
    if (csv && !s.traceFiles.has(csv.file)) continue; // unreadable: reported where it was read
    try {
      const rows = csv ? parseTraceCsv(s.traceFiles.get(csv.file) ?? '', { timeColumn: csv.timeColumn, valueColumn: csv.valueColumn, file: csv.file }) : [];
      const trace = buildTrace(traceConfigOf(w.requestRate, rows), { startEpochMs: s.startEpochMs, streams: new RandomStreams(0), streamName: 'check' });
      trace.rateAt(0);
    } catch (e) {
      reportThrown(report, [...at, 'requestRate'], e, 'requestRate');
    }
  }
};

const expectations: Check = (s, report) => {
  const list = s.scenario.expect;
  if (!list) return;
  const names = { services: s.services.map((x) => x.name), capacityProviders: [...s.providers.keys()] };
  for (const p of expectationProblems(list, names)) report(['expect', p.index], p.message);
};

export const checks: Check[] = [instanceTypes, pricing, placement, fargateSizes, autoScaling, workloads, expectations];
