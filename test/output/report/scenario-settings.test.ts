import { describe, it, expect } from 'vitest';
import { durationReader, readScenarioSettings } from '../../../src/output/report/data/scenario-settings.js';
import { effectiveScenario, loadScenarioFile, loadScenarioObject } from '../../../src/scenario/index.js';

/** scenario.json as a run writes it (run-to-folder.ts), read back. */
function scenarioJson(file: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(effectiveScenario(loadScenarioFile(file)))) as Record<string, unknown>;
}

describe('scenario.json settings', () => {
  it('reads durations of a parsed scenario (ms) and of one as written (numbers = seconds, strings with units)', () => {
    expect(durationReader({ duration: 3_600_000 }, 3600)(250)).toBe(250);
    expect(durationReader({ duration: 3600 }, 3600)(0.25)).toBe(250);
    expect(durationReader({ duration: '1h' }, 3600)('250ms')).toBe(250);
    expect(durationReader({ metrics: { period: 60_000 } }, undefined)(30_000)).toBe(30_000);
  });

  it('draws a target tracking target and its scale-in threshold at 90 % of it (AAS low alarm)', () => {
    const s = readScenarioSettings(
      {
        duration: '1h',
        services: {
          web: {
            workload: { slo: { latencyP95: '250ms' }, perTask: { capacityRps: 100 } },
            autoScaling: {
              minCapacity: 1,
              maxCapacity: 9,
              policies: {
                cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60 },
                mem: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageMemoryUtilization', targetValue: 70, disableScaleIn: true },
                surge: { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 85, comparisonOperator: 'GreaterThanOrEqualToThreshold' }, adjustmentType: 'ChangeInCapacity' },
              },
            },
          },
        },
      },
      3600,
    );
    const web = s.services.get('web')!;
    expect(web.sloLatencyP95Ms).toBe(250);
    expect(web.capacityRps).toBe(100);
    expect(web.lines.map((l) => [l.policy, l.kind, l.column, Math.round(l.value * 10) / 10])).toEqual([
      ['cpu', 'target', 'cpu_utilization', 60],
      ['cpu', 'scale-in threshold', 'cpu_utilization', 54],
      // disableScaleIn: AAS creates no low alarm, so no threshold line.
      ['mem', 'target', 'memory_utilization', 70],
      ['surge', 'alarm threshold', 'cpu_utilization', 85],
    ]);
  });

  it('reads managed scaling targetCapacity (default 100)', () => {
    const s = readScenarioSettings({ cluster: { capacityProviders: { a: { autoScalingGroup: { instanceTypes: ['m5.large'] }, managedScaling: { status: 'ENABLED' } }, b: { autoScalingGroup: {}, managedScaling: { targetCapacity: 90 } }, FARGATE: {} } } }, undefined);
    expect([...s.targetCapacity]).toEqual([['a', 100], ['b', 90]]);
  });

  it("reads a run's scenario.json capacity providers in ms like the rest: daemon-service's warm-up 120 s, not 1000x", () => {
    const json = scenarioJson('scenarios/daemon-service.yaml');
    const provider = obj(obj(obj(json.cluster).capacityProviders)['asg-m5']);
    expect(obj(provider.managedScaling).instanceWarmupPeriod).toBe(120_000); // the run's file: ms
    const s = readScenarioSettings(json, 4 * 3600);
    const [[name, text]] = s.providers;
    expect(name).toBe('asg-m5');
    expect(text).toContain('warm-up 2m');
    expect(text).toMatch(/warm-up 2m$/);
  });

  it("reads a spike's rampDown as a duration (sqs-worker-backlog: 10 min, not 600000)", () => {
    const json = scenarioJson('scenarios/sqs-worker-backlog.yaml');
    const s = readScenarioSettings(json, num(json.duration)! / 1000);
    const workload = [...s.services.values()].flatMap((x) => x.rows).find(([k]) => k === 'workload')![1];
    expect(workload).toContain('rampDown: 10m');
    expect(workload).not.toMatch(/\d{5}/);
  });
});

describe('scenario.json settings a lesson turns on', () => {
  it('daemon-service: DAEMON says one task per instance; placement, deployment, grace period, load balancer and launch delay are listed', () => {
    const s = readScenarioSettings(scenarioJson('scenarios/daemon-service.yaml'), 4 * 3600);
    const rows = (name: string) => new Map(s.services.get(name)!.rows);
    const daemon = rows('log-router');
    expect(daemon.get('scheduling')).toBe('DAEMON: one task per instance');
    expect(daemon.has('desired count (initial)')).toBe(false);
    const web = rows('web');
    expect(web.get('desired count (initial)')).toBe('4');
    expect(web.get('placement strategy')).toBe('spread(attribute:ecs.availability-zone), then spread(instanceId)');
    expect(web.get('deployment configuration')).toBe('maximumPercent 200, minimumHealthyPercent 100');
    expect(web.get('health check grace period')).toBe('0 s');
    // interval 30 s, thresholds 5 and 2: the ALB defaults the scenario leaves in place
    expect(web.get('load balancer')).toBe('routing least-outstanding, deregistration delay 30s; health check every 30s, healthy after 5, unhealthy after 2 checks in a row');
    // launchDelay median 90 s, p95 150 s
    expect(s.providers[0][1]).toContain('launch delay lognormal median 1m30s, p95 2m30s');
  });

  it('a queue service behind a load balancer: no deregistration delay (no request reaches its targets, they deregister at once)', () => {
    const json = scenarioJson('scenarios/sqs-worker-backlog.yaml') as any;
    const name = Object.keys(json.services)[0];
    json.services[name].loadBalancer = { routing: 'round-robin', healthCheck: { interval: 30_000, healthyThreshold: 5, unhealthyThreshold: 2 } };
    const row = new Map(readScenarioSettings(json, 3600).services.get(name)!.rows).get('load balancer');
    expect(row).toBe('routing round-robin, no deregistration delay (no request reaches its targets); health check every 30s, healthy after 5, unhealthy after 2 checks in a row');
  });

  it("unplaceable-task: a service's memberOf constraint is listed", () => {
    const s = readScenarioSettings(scenarioJson('scenarios/unplaceable-task.yaml'), 1800);
    expect(new Map(s.services.get('gpu-batch')!.rows).get('placement constraints')).toBe('memberOf(attribute:ecs.instance-type =~ g5.*)');
    expect(new Map(s.services.get('web')!.rows).has('placement constraints')).toBe(false);
  });
});

describe('scenario.json settings: the prices the run used, and Spot interruptions', () => {
  // list prices (us-east-1 Linux on-demand): m5.large 0.096, c5.large 0.085 USD/h; Fargate
  // X86_64 0.04048 per vCPU-hour + 0.004445 per GB-hour, ARM64 0.03238 + 0.00356; the model's
  // discounts: EC2 Spot 0.65, Fargate Spot 0.70
  const mixed = {
    name: 'mixed',
    duration: '1h',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        od: { autoScalingGroup: { instanceTypes: ['c5.large', 'm5.xlarge'], minSize: 1, maxSize: 2 } },
        spotty: {
          autoScalingGroup: {
            instanceTypes: ['m5.large', { name: 'my.big', vcpu: 4, memoryMiB: 16384, enis: 4, price: 0.3 }],
            purchaseOption: 'spot',
            minSize: 1,
            maxSize: 2,
            spotInterruptions: { meanTimeBetween: '90m' },
            spotInstanceDraining: true,
          },
        },
        FARGATE_SPOT: { interruptions: { meanTimeBetween: '2h' } },
      },
    },
    taskDefinitions: {
      web: { cpu: 256, memory: 512, containerDefinitions: { app: { cpu: 256, memory: 512 } } },
      arm: { cpu: 256, memory: 512, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], runtimePlatform: { cpuArchitecture: 'ARM64' }, containerDefinitions: { app: { cpu: 256, memory: 512 } } },
    },
    services: {
      a: { taskDefinition: 'web', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'od', weight: 1 }] },
      b: { taskDefinition: 'web', desiredCount: 1, capacityProviderStrategy: [{ capacityProvider: 'spotty', weight: 1 }] },
      c: { taskDefinition: 'arm', desiredCount: 2, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }] },
    },
  };

  it("lists each group's on-demand prices (an on-demand group: its first type; Spot: every type, and the discount), Spot interruptions and draining, FARGATE_SPOT's interruptions, and the Fargate rates", () => {
    const json = JSON.parse(JSON.stringify(effectiveScenario(loadScenarioObject('mixed', mixed, { baseDir: '.' }))));
    const s = readScenarioSettings(json, 3600);
    const providers = new Map(s.providers);
    expect(providers.get('od')).toBe('ASG c5.large, m5.xlarge on-demand, size 1..2 (desired 1); on-demand c5.large 0.085 USD/h; launch delay lognormal median 1m30s, p95 3m');
    expect(providers.get('spotty')).toBe(
      'ASG m5.large, my.big spot, size 1..2 (desired 1); on-demand m5.large 0.096, my.big 0.3 USD/h, Spot discount 65 %; Spot interruptions every 1h30m on average, Spot instance draining on; launch delay lognormal median 1m30s, p95 3m',
    );
    expect(providers.get('FARGATE_SPOT')).toBe('Fargate Spot; interruptions every 2h on average');
    expect(new Map(s.rows).get('Fargate prices')).toBe('ARM64 0.03238 USD/vCPU-hour + 0.00356 USD/GB-hour; Fargate Spot discount 70 %');
  });

  it('a Spot group without interruptions says none and draining off; X86_64 Fargate rates; written prices as written', () => {
    const raw = structuredClone(mixed) as any;
    delete raw.cluster.capacityProviders.spotty.autoScalingGroup.spotInterruptions;
    delete raw.cluster.capacityProviders.spotty.autoScalingGroup.spotInstanceDraining;
    delete raw.cluster.capacityProviders.FARGATE_SPOT;
    delete raw.taskDefinitions.arm.runtimePlatform;
    raw.services.c.capacityProviderStrategy = [{ capacityProvider: 'FARGATE', weight: 1 }];
    // m5.xlarge: listed second by an on-demand group, never launched (warned of); kept in scenario.json, not shown
    raw.pricing = { ec2: { 'my.big': 0.25, 'm5.xlarge': 0.2 }, ec2SpotDiscount: 0.6, fargate: { gbHour: 0.005 } };
    const json = JSON.parse(JSON.stringify(effectiveScenario(loadScenarioObject('mixed', raw, { baseDir: '.' }))));
    const s = readScenarioSettings(json, 3600);
    expect(new Map(s.providers).get('spotty')).toContain('; on-demand m5.large 0.096, my.big 0.25 USD/h, Spot discount 60 %; Spot interruptions none, Spot instance draining off; ');
    expect(new Map(s.providers).get('od')).toContain('; on-demand c5.large 0.085 USD/h; ');
    expect(new Map(s.rows).get('Fargate prices')).toBe('X86_64 0.04048 USD/vCPU-hour + 0.005 USD/GB-hour');
  });

  it('quickstart: m5.large 0.096 on its group, no Fargate prices; a scenario.json without pricing (an older run) lists no price', () => {
    const json = scenarioJson('scenarios/quickstart.yaml');
    const s = readScenarioSettings(json, 3600);
    expect(s.providers[0][1]).toContain('(desired 3); on-demand m5.large 0.096 USD/h; launch delay 1m');
    expect(new Map(s.rows).has('Fargate prices')).toBe(false);
    delete json.pricing;
    const old = readScenarioSettings(json, 3600);
    expect(old.providers[0][1]).not.toContain('USD');
    expect(old.providers[0][1]).not.toContain('Spot');
  });

  it('a scenario.json with ec2SpotDiscount but no pricing.ec2 (an older run): the Spot group shows the discount on its own', () => {
    const raw = structuredClone(mixed) as any;
    const json = JSON.parse(JSON.stringify(effectiveScenario(loadScenarioObject('mixed', raw, { baseDir: '.' }))));
    json.pricing = { ec2SpotDiscount: 0.6 };
    const s = readScenarioSettings(json, 3600);
    expect(new Map(s.providers).get('spotty')).toContain('(desired 1); Spot discount 60 %; Spot interruptions ');
    expect(new Map(s.providers).get('spotty')).not.toContain('USD');
    // an on-demand group shows no Spot discount
    expect(new Map(s.providers).get('od')).not.toContain('Spot discount');
  });
});

const obj = (v: unknown) => (v ?? {}) as Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' ? v : null);

describe("a task definition's memory in the settings", () => {
  it('with a memoryReservation and no task-level memory: what the task reserves (memoryReservedByContainers), not "?"', async () => {
    const { quickstart } = await import('../../helpers.js');
    const s = quickstart();
    delete s.taskDefinitions.web.cpu;
    delete s.taskDefinitions.web.memory;
    s.taskDefinitions.web.containerDefinitions = { app: { cpu: 256, memory: 1024, memoryReservation: 256, portMappings: [{ containerPort: 8080 }] }, side: { cpu: 128, memoryReservation: 128 } };
    const json = JSON.parse(JSON.stringify(effectiveScenario(loadScenarioObject('s.yaml', s, { baseDir: '.' })))) as Record<string, unknown>;
    // cpu 256 + 128 = 384; reserved 256 + 128 = 384 MiB
    expect(new Map(readScenarioSettings(json, 3600).services.get('web')!.rows).get('task definition')).toBe('web (384 CPU units, 384 MiB)');
  });
});
