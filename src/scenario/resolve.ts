// The second pass over a schema-valid scenario: cross references (task definitions,
// capacity providers), AWS's rules that span keys, and derived values the simulator
// needs (task resources, host ports, the providers of each service).

import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { decodeUtf8, invalidUtf8Message, MAX_TRACE_BYTES, notAFileToRead, readFailureFound, regularFileSize, siblingNameHint, tooLargeMessage } from './input-file.js';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { didYouMeanName } from './did-you-mean.js';
import { customTypesIn, type CustomInstanceType } from '../model/capacity/instance-catalog.js';
import {
  fargateProviderSchema,
  builtInMeant,
  fargateSpotProviderSchema,
  type AsgProviderConfig,
  type FargateProviderConfig,
  type Scenario,
  type ServiceConfig,
  type StrategyItem,
  type TaskDefinitionConfig,
  providerSchemaFor,
  MAX_CLUSTER_INSTANCES,
} from './schema.js';
import { checkExpectationList, checks, type Check } from './checks.js';
import { resolveAzRebalancing } from './az-rebalancing.js';
import { formatDuration } from './duration.js';

export type Path = (string | number)[];
export interface ResolveIssue {
  at: Path;
  message: string;
}

export const FARGATE = 'FARGATE';
export const FARGATE_SPOT = 'FARGATE_SPOT';
/** ContainerDefinition stopTimeout on Fargate: at most 120 s (APIReference/API_ContainerDefinition.html). */
const FARGATE_MAX_STOP_TIMEOUT_MS = 120_000;

export type ResolvedProvider =
  | { name: string; kind: 'asg'; config: AsgProviderConfig }
  | { name: string; kind: 'fargate'; spot: false; config: FargateProviderConfig }
  | { name: string; kind: 'fargate'; spot: true; config: FargateProviderConfig };

export interface ResolvedTaskDefinition {
  name: string;
  config: TaskDefinitionConfig;
  cpu: number; // CPU units reserved by the task
  memory: number; // MiB reserved by the task
  networkMode: 'awsvpc' | 'bridge' | 'host';
  /** Static host ports the task takes on an instance (bridge with hostPort, host mode). */
  hostPorts: number[];
  /** Prices a Fargate task: runtimePlatform.cpuArchitecture, x86_64 when not written. */
  cpuArchitecture: 'x86_64' | 'arm64';
  /**
   * runtimePlatform.cpuArchitecture as written, null when not written: on EC2 the task goes
   * only to instances whose ecs.cpu-architecture attribute equals it; null places on any.
   */
  requiredArchitecture: 'x86_64' | 'arm64' | null;
}

export interface ResolvedService {
  name: string;
  config: ServiceConfig;
  taskDefinition: ResolvedTaskDefinition;
  /** The providers this service's tasks go to, base/weight as ECS assigns them. */
  strategy: StrategyItem[];
  /** True when the service names launchType (no capacity provider involved). */
  launchType: 'EC2' | 'FARGATE' | null;
  desiredCount: number;
  /** availabilityZoneRebalancing as ECS applies it: written, or ENABLED when compatible (scenario/az-rebalancing.ts). */
  azRebalancing: boolean;
}

/** The last instant a run may reach: 9999-12-31T23:59:59.999Z, the last millisecond of four-digit years. */
export const LAST_TIMESTAMP_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The first instant a run may start at: 0000-01-01T00:00:00Z (Date.UTC reads a year below 100 as 19xx). */
export const FIRST_TIMESTAMP_MS = new Date(0).setUTCFullYear(0, 0, 1);

export interface ResolvedScenario {
  scenario: Scenario;
  startEpochMs: number;
  providers: Map<string, ResolvedProvider>;
  taskDefinitions: Map<string, ResolvedTaskDefinition>;
  services: ResolvedService[];
  /** CSV traces, read at load time: file path -> text. */
  traceFiles: Map<string, string>;
  /**
   * Which file each of traceFiles was (file path -> absolute path, device, inode, size and
   * modification time, as read): the key its parsed rows are cached under (trace-series.ts).
   */
  traceFileIds: Map<string, string>;
  baseDir: string;
  /**
   * The capacity providers a run reports (summary, capacity.csv, cost): every Auto Scaling
   * group, and FARGATE/FARGATE_SPOT when a service's strategy uses them; in declaration order.
   */
  reportedProviders: string[];
  /** The custom instance types of every Auto Scaling group (for the price book). */
  customInstanceTypes: CustomInstanceType[];
  /**
   * The durations of bare-seconds.ts's keys written as a bare number (seconds), with their ms:
   * set when loaded from a file or object (load.ts), for the warning of one at or after the end.
   */
  bareSeconds?: { at: Path; ms: number }[];
  /** Whether `start` was written (false: the default): the hint for ISO times in a CSV trace says which. */
  startWritten?: boolean;
  /**
   * The step policies (`service/policy`) whose alarm.period the file does not write (60 s, the
   * default): set when loaded from a file or object (load.ts), for the check against metrics.period.
   */
  defaultedAlarmPeriods?: ReadonlySet<string>;
}

export function resolveScenario(
  scenario: Scenario,
  baseDir: string,
  options: { startWritten?: boolean; defaultedAlarmPeriods?: ReadonlySet<string>; durationFromFlag?: boolean } = {},
): { scenario?: ResolvedScenario; issues: ResolveIssue[] } {
  const issues: ResolveIssue[] = [];
  const report = (at: Path, message: string) => issues.push({ at, message });

  // a run past the last instant of year 9999 would write its timestamps in JavaScript's
  // six-digit form (+010000-01-01T00:29:00.000Z), no ISO-8601 time of four-digit years
  // (the duration here is --duration's when given: load.ts sets it before)
  const endMs = Date.parse(scenario.start) + scenario.duration;
  if (endMs > LAST_TIMESTAMP_MS) {
    const by = options.durationFromFlag ? ' (--duration)' : '';
    report(['start'], `expected a run that ends by 9999-12-31T23:59:59.999Z, found start ${scenario.start} + ${formatDuration(scenario.duration)}${by}; start earlier, or run shorter`);
  }
  // and one before year 0000 (an offset east of UTC on 0000-01-01) writes -000001-12-31T...
  if (Date.parse(scenario.start) < FIRST_TIMESTAMP_MS) {
    report(['start'], `expected a start at or after 0000-01-01T00:00:00Z, found ${scenario.start}; start later, or with a smaller offset`);
  }

  const providers = resolveProviders(scenario, report);
  const taskDefinitions = new Map<string, ResolvedTaskDefinition>();
  for (const [name, config] of Object.entries(scenario.taskDefinitions)) {
    const td = resolveTaskDefinition(name, config, ['taskDefinitions', name], report);
    if (td) taskDefinitions.set(name, td);
  }

  const period = scenario.metrics.period;
  if (scenario.duration % period !== 0) report(['duration'], wholePeriodsMessage(scenario.duration, period));

  const clusterStrategy = scenario.cluster.defaultCapacityProviderStrategy;
  if (clusterStrategy) checkStrategy(clusterStrategy, ['cluster', 'defaultCapacityProviderStrategy'], providers, report);

  const services: ResolvedService[] = [];
  // (a strategy's own problems, checkStrategy's, are each a mistake of their own: all told)
  const once = onePerKey(report);
  for (const [name, config] of Object.entries(scenario.services)) {
    const at: Path = ['services', name];
    const td = taskDefinitions.get(config.taskDefinition);
    // an own key only: `toString`, `constructor` name functions every object inherits
    if (!Object.hasOwn(scenario.taskDefinitions, config.taskDefinition)) {
      once.report([...at, 'taskDefinition'], unknownNameMessage('a task definition of taskDefinitions', Object.keys(scenario.taskDefinitions), config.taskDefinition, didYouMeanName(config.taskDefinition, Object.keys(scenario.taskDefinitions))));
    }
    const resolved = resolveService(name, config, td, scenario, providers, at, report, once);
    if (resolved) services.push(resolved);
  }

  const traceFiles = new Map<string, string>();
  const traceFileIds = new Map<string, string>();
  for (const [name, config] of Object.entries(scenario.services)) {
    const csv = config.workload?.requestRate.csv;
    if (!csv) continue;
    const file = resolvePath(baseDir, csv.file);
    const at: Path = ['services', name, 'workload', 'requestRate', 'csv', 'file'];
    const notFile = notAFileToRead(file);
    if (notFile !== undefined) {
      report(at, `${notFile} at ${file}`);
      continue;
    }
    const tooLarge = tooLargeMessage(regularFileSize(file), MAX_TRACE_BYTES, 'a trace file', 'resample it (a run sees no finer than a metric period\'s mean) or cut it to the run', file);
    if (tooLarge !== undefined) {
      report(at, tooLarge);
      continue;
    }
    try {
      // size and time from the descriptor read: the identity is the text's, whatever renames the path
      const fd = openSync(file, 'r');
      try {
        const st = fstatSync(fd, { bigint: true });
        const bytes = readFileSync(fd);
        const text = decodeUtf8(bytes);
        if (text === undefined) {
          report(at, invalidUtf8Message(bytes, file).message);
          continue;
        }
        traceFiles.set(csv.file, text);
        traceFileIds.set(csv.file, [file, st.dev, st.ino, st.size, st.mtimeNs, st.ctimeNs].join('\0'));
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      report(at, traceReadMessage(csv.file, file, (e as NodeJS.ErrnoException).code ?? String(e)));
    }
  }

  const resolved: ResolvedScenario = {
    scenario,
    startEpochMs: Date.parse(scenario.start),
    startWritten: options.startWritten,
    defaultedAlarmPeriods: options.defaultedAlarmPeriods,
    providers,
    taskDefinitions,
    services,
    traceFiles,
    traceFileIds,
    baseDir,
    customInstanceTypes: [...providers.values()].flatMap((p) => (p.kind === 'asg' ? customTypesIn(p.config.autoScalingGroup.instanceTypes) : [])),
    reportedProviders: [...providers.values()]
      .filter((p) => p.kind === 'asg' || services.some((svc) => svc.strategy.some((x) => x.capacityProvider === p.name)))
      .map((p) => p.name),
  };
  // the names of services and providers are all there when nothing above was refused
  const namesSettled = issues.length === 0;
  for (const check of checks as Check[]) check(resolved, report);
  checkExpectationList(resolved, report, namesSettled);
  return issues.length > 0 ? { issues } : { scenario: resolved, issues };
}

function resolveProviders(scenario: Scenario, report: (at: Path, m: string) => void): Map<string, ResolvedProvider> {
  const providers = new Map<string, ResolvedProvider>();
  const declared = scenario.cluster.capacityProviders;
  for (const [name, value] of Object.entries(declared)) {
    const at: Path = ['cluster', 'capacityProviders', name];
    // the schema stage checked each entry with this schema (schema.ts capacityProviders):
    // a scenario gets here only when every entry parses
    const data = providerSchemaFor(name).parse(value ?? {});
    if (name === FARGATE || name === FARGATE_SPOT) {
      providers.set(name, { name, kind: 'fargate', spot: name === FARGATE_SPOT, config: data as FargateProviderConfig } as ResolvedProvider);
    } else {
      const config = data as AsgProviderConfig;
      const asg = config.autoScalingGroup;
      if (asg.minSize > asg.maxSize) report([...at, 'autoScalingGroup', 'minSize'], `expected minSize <= maxSize ${asg.maxSize}, found ${asg.minSize}`);
      // with minSize above maxSize no desiredCapacity fits: only minSize is said
      if (asg.minSize <= asg.maxSize && asg.desiredCapacity !== undefined && (asg.desiredCapacity < asg.minSize || asg.desiredCapacity > asg.maxSize)) {
        report([...at, 'autoScalingGroup', 'desiredCapacity'], `expected a value in [minSize ${asg.minSize}, maxSize ${asg.maxSize}], found ${asg.desiredCapacity}`);
      }
      if (asg.spotInstanceDraining && !asg.spotInterruptions) {
        report([...at, 'autoScalingGroup', 'spotInstanceDraining'], 'expected only with spotInterruptions (and purchaseOption: spot), found spotInstanceDraining: true without them: it would have no effect, there being no Spot interruption notices to drain on; add spotInterruptions or remove spotInstanceDraining');
      }
      if (asg.spotInterruptions && asg.purchaseOption !== 'spot') {
        report([...at, 'autoScalingGroup', 'spotInterruptions'], `expected only with purchaseOption: spot (only Spot Instances get interruption notices), found purchaseOption ${asg.purchaseOption}; set purchaseOption: spot or remove spotInterruptions`);
      }
      const ms = config.managedScaling;
      if (ms && ms.minimumScalingStepSize > ms.maximumScalingStepSize) {
        report([...at, 'managedScaling', 'minimumScalingStepSize'], `expected minimumScalingStepSize <= maximumScalingStepSize ${ms.maximumScalingStepSize}, found ${ms.minimumScalingStepSize}`);
      }
      if (asg.targetTrackingPolicy && ms?.status === 'ENABLED') {
        report([...at, 'autoScalingGroup', 'targetTrackingPolicy'], `expected no targetTrackingPolicy with managedScaling status ENABLED (ECS managed scaling owns the group's scaling policy: it scales the group by its own target tracking policy on CapacityProviderReservation), found targetTrackingPolicy on ${asg.targetTrackingPolicy.predefinedMetricType}; use either managedScaling (status ENABLED) or targetTrackingPolicy: remove one`);
      }
      // ECS managed scaling is a target tracking policy on 1-minute CapacityProviderReservation
      // datapoints (15 of them below target before a scale in), as is the group's own target
      // tracking on ASGAverageCPUUtilization: other periods would change what the counts mean
      const period = scenario.metrics.period;
      if (period !== 60_000 && (ms?.status === 'ENABLED' || asg.targetTrackingPolicy)) {
        const what = ms?.status === 'ENABLED' ? `managed scaling of ${name} (the target tracking policy ECS puts on the group) uses 1-minute CapacityProviderReservation datapoints` : `the target tracking policy of ${name} (autoScalingGroup.targetTrackingPolicy) uses 1-minute datapoints`;
        report(['metrics', 'period'], `${what}: expected 60s, found ${period / 1000}s`);
      }
      if (config.managedTerminationProtection === 'ENABLED' && ms?.status !== 'ENABLED') {
        report([...at, 'managedTerminationProtection'], `expected ENABLED only with managedScaling status ENABLED (as in ECS, managed termination protection requires managed scaling), found ENABLED with managedScaling ${ms === undefined ? 'absent' : `status ${ms.status}`}`);
      }
      providers.set(name, { name, kind: 'asg', config });
    }
  }
  // the groups' instances at the start, together, within the cluster's quota (each group's
  // sizes are bounded by the schema; together they could exceed it before any scaling)
  const starting = [...providers.values()].flatMap((p) => (p.kind === 'asg' ? [[p.name, p.config.autoScalingGroup.desiredCapacity ?? p.config.autoScalingGroup.minSize] as const] : []));
  const total = starting.reduce((n, [, c]) => n + c, 0);
  if (total > MAX_CLUSTER_INSTANCES) {
    report(['cluster', 'capacityProviders'], `expected at most ${MAX_CLUSTER_INSTANCES} instances at the start over all Auto Scaling groups (the ECS quota of ${MAX_CLUSTER_INSTANCES} container instances registered per cluster), found ${total} (${starting.map(([n, c]) => `${n} ${c}`).join(', ')}: desiredCapacity, else minSize)`);
  }
  // The Fargate providers are always available (ecsim associates them with every cluster).
  if (!providers.has(FARGATE)) providers.set(FARGATE, { name: FARGATE, kind: 'fargate', spot: false, config: fargateProviderSchema.parse({}) });
  if (!providers.has(FARGATE_SPOT)) providers.set(FARGATE_SPOT, { name: FARGATE_SPOT, kind: 'fargate', spot: true, config: fargateSpotProviderSchema.parse({}) });
  return providers;
}

function resolveTaskDefinition(
  name: string,
  config: TaskDefinitionConfig,
  at: Path,
  report: (at: Path, m: string) => void,
): ResolvedTaskDefinition | undefined {
  const containers = Object.entries(config.containerDefinitions);
  const fargate = config.requiresCompatibilities.includes('FARGATE');
  const networkMode = config.networkMode ?? (fargate ? 'awsvpc' : 'bridge');
  if (fargate && networkMode !== 'awsvpc') report([...at, 'networkMode'], `expected awsvpc for a FARGATE-compatible task definition (Fargate requires the awsvpc network mode), found ${networkMode}; write networkMode: awsvpc, or leave it out (awsvpc is then the default)`);
  if (fargate && (config.cpu === undefined || config.memory === undefined)) {
    const missing = config.cpu === undefined && config.memory === undefined ? 'neither' : config.cpu === undefined ? `memory ${config.memory} without cpu` : `cpu ${config.cpu} without memory`;
    report(at, `expected task-level cpu and memory in a FARGATE-compatible task definition (Fargate sizes the task by them), found ${missing}`);
  }
  const containerCpu = containers.reduce((s, [, c]) => s + c.cpu, 0);
  // A container reserves its soft limit when it has one, else its hard limit
  // (ContainerDefinition memoryReservation; service_utilization.html uses the same figure).
  const containerMemory = containers.reduce((s, [, c]) => s + (c.memoryReservation ?? c.memory ?? 0), 0);
  // a container whose own hard limit, reserved (no memoryReservation), is above the task's
  // memory: said at its memory, and the containers' sum above the task's not said again
  let sumSaid = false;
  let memorySaid = false;
  for (const [cname, c] of containers) {
    if (c.memory === undefined && c.memoryReservation === undefined && config.memory === undefined) {
      memorySaid = true;
      report([...at, 'containerDefinitions', cname], 'expected memory or memoryReservation (the task has no task-level memory), found neither');
    }
    if (c.memory !== undefined && config.memory !== undefined && c.memory > config.memory) {
      // ContainerDefinition memory: what the containers get "must be lower than the task
      // memory value, if one is specified" (APIReference/API_ContainerDefinition.html); a hard
      // limit above the task's could never be reached (ecsim refuses above, not equal to, it)
      report(
        [...at, 'containerDefinitions', cname, 'memory'],
        `expected at most the task's memory ${config.memory} MiB (a container's hard limit cannot exceed its task's memory, as in ECS), found ${c.memory}; lower it, or raise the task-level memory`,
      );
      if (c.memoryReservation === undefined) sumSaid = true;
    }
    if (c.memory !== undefined && c.memoryReservation !== undefined && c.memoryReservation >= c.memory) {
      report(
        [...at, 'containerDefinitions', cname, 'memoryReservation'],
        `expected less than memory ${c.memory} (the hard limit must be greater than the soft limit, as in ECS), found ${c.memoryReservation}`,
      );
    }
  }
  const cpu = config.cpu ?? containerCpu;
  const memory = config.memory ?? containerMemory;
  if (memory <= 0) {
    // (a container without memory or memoryReservation is said at the container: not again here)
    if (!memorySaid) report([...at, 'memory'], `expected task-level memory or memory on its containers (MiB), found ${config.memory !== undefined ? `memory ${config.memory}` : 'neither'}; give memory at the task level (e.g. 512) or on each container`);
    return undefined;
  }
  if (config.cpu !== undefined && containerCpu > config.cpu) report([...at, 'containerDefinitions'], `expected containers reserving at most the task's ${config.cpu} CPU units, found ${containerCpu}`);
  if (config.memory !== undefined && containerMemory > config.memory && !sumSaid) report([...at, 'containerDefinitions'], `expected containers reserving at most the task's ${config.memory} MiB, found ${containerMemory}`);

  const hostPorts: number[] = [];
  for (const [cname, c] of containers) {
    c.portMappings.forEach((pm, i) => {
      const pat: Path = [...at, 'containerDefinitions', cname, 'portMappings', i];
      const hostPort = networkMode === 'host' ? (pm.hostPort ?? pm.containerPort) : networkMode === 'bridge' && pm.hostPort ? pm.hostPort : undefined;
      if (hostPort !== undefined) {
        hostPorts.push(hostPort);
        if (isReservedHostPort(hostPort)) {
          const key = pm.hostPort !== undefined ? 'hostPort' : 'containerPort';
          const fix = networkMode === 'bridge' ? 'pick another hostPort, or omit it (or 0) for a dynamic host port' : 'pick another containerPort (host mode binds it on the instance)';
          report(
            [...pat, key],
            `expected a host port other than the ones ECS reserves on every container instance (${RESERVED_HOST_PORTS_TEXT}), found ${hostPort}; ECS would place this task on no instance (RESOURCE:PORTS): ${fix}`,
          );
        }
      }
      if ((networkMode === 'awsvpc' || networkMode === 'host') && pm.hostPort !== undefined && pm.hostPort !== pm.containerPort) {
        report([...pat, 'hostPort'], `expected containerPort ${pm.containerPort} or no hostPort (with networkMode ${networkMode} the host port is the container port), found ${pm.hostPort}`);
      }
    });
  }
  const dup = hostPorts.find((p, i) => hostPorts.indexOf(p) !== i);
  if (dup !== undefined) report([...at, 'containerDefinitions'], `expected each host port mapped once, found ${dup} twice`);
  const written = config.runtimePlatform?.cpuArchitecture;
  const requiredArchitecture = written === 'ARM64' ? 'arm64' : written === 'X86_64' ? 'x86_64' : null;
  return { name, config, cpu, memory, networkMode, hostPorts, cpuArchitecture: requiredArchitecture ?? 'x86_64', requiredArchitecture };
}

/**
 * The host ports ECS reserves on every container instance by default: "22 for SSH, the
 * Docker ports 2375 and 2376, and the Amazon ECS container agent ports 51678-51680"
 * (APIReference/API_PortMapping.html, hostPort). A task taking one as a static host port
 * fits no instance.
 */
const RESERVED_HOST_PORTS_TEXT = '22 for SSH, 2375 and 2376 for Docker, 51678-51680 for the ECS agent';
function isReservedHostPort(p: number): boolean {
  return p === 22 || p === 2375 || p === 2376 || (p >= 51678 && p <= 51680);
}

/** `binpack memory, random`: a placementStrategy list as found. */
function strategyTypes(list: readonly { type: string; field?: string }[]): string {
  return list.map((s) => (s.field !== undefined ? `${s.type} ${s.field}` : s.type)).join(', ');
}

/** `memberOf "attribute:tier == web", distinctInstance`: a placementConstraints list as found. */
function constraintTypes(list: readonly { type: string; expression?: string }[]): string {
  return list.map((c) => (c.expression !== undefined ? `${c.type} ${JSON.stringify(c.expression)}` : c.type)).join(', ');
}

/**
 * A trace file that cannot be read (`code`, the system's error code): `expected a CSV trace
 * file, found no file at /abs/rat.csv (did you mean "rate.csv"?); a relative path is read
 * from the scenario file's folder`; `written` is the path as the scenario wrote it.
 */
export function traceReadMessage(written: string, file: string, code: string): string {
  const { found, missing } = readFailureFound(file, code, file);
  let hint = '';
  if (missing) {
    hint = siblingNameHint(written, file);
    if (!isAbsolute(written)) hint += "; a relative path is read from the scenario file's folder";
  } else if (code === 'EISDIR') hint = '; name the CSV file in it';
  else if (code === 'EACCES' || code === 'EPERM') hint = '; give the user running ecsim read permission on it';
  return `expected a CSV trace file, found ${found}${hint}`;
}

/**
 * A reference to a name that is not defined, in the house form: `expected a task definition
 * of taskDefinitions (web, worker), found "wbe" (did you mean "web"?)`. `hint` as
 * didYouMeanName gives it (` (did you mean ...?)`), or a clause (`; ...`), or ''.
 */
export function unknownNameMessage(what: string, names: readonly string[], found: string, hint: string): string {
  return `expected ${what} (${names.length === 0 ? 'none is defined' : names.join(', ')}), found ${JSON.stringify(found)}${hint}`;
}

function checkStrategy(
  strategy: StrategyItem[],
  at: Path,
  providers: Map<string, ResolvedProvider>,
  report: (at: Path, m: string) => void,
): void {
  const names = new Set<string>();
  strategy.forEach((item, i) => {
    if (!providers.has(item.capacityProvider)) {
      const meant = builtInMeant(item.capacityProvider);
      const hint = meant !== undefined ? `; the built-in providers are FARGATE and FARGATE_SPOT (case matters): write ${meant}` : didYouMeanName(item.capacityProvider, providers.keys());
      report([...at, i, 'capacityProvider'], unknownNameMessage('a capacity provider of cluster.capacityProviders or a built-in one', [...providers.keys()], item.capacityProvider, hint));
    }
    if (names.has(item.capacityProvider)) report([...at, i, 'capacityProvider'], `expected each capacity provider once in a strategy, found "${item.capacityProvider}" again`);
    names.add(item.capacityProvider);
  });
  const withBase = strategy.filter((s) => s.base > 0);
  if (withBase.length > 1) {
    report(at, `expected base above 0 on one capacity provider at most (as in ECS), found it on ${withBase.map((s) => `${s.capacityProvider} (base ${s.base})`).join(' and ')}; keep base on one of them and set the others' to 0`);
  }
  if (!strategy.some((s) => s.weight > 0)) {
    // API_CapacityProviderStrategyItem.html speaks of "multiple capacity providers ... that all
    // have a weight of 0" only, but ECS refuses a one-provider strategy of weight 0 as well:
    // InvalidParameterException "There are no capacity providers with a weight value greater
    // than zero defined in the default capacity provider strategy" for a default strategy of one
    // provider without a weight (terraform-aws-modules/terraform-aws-ecs#27, fixed in #30 by
    // weight = 1), and an ECS engineer's advice to "set a non-zero weight if you're only
    // specifying one capacity provider" (aws/containers-roadmap#631). weight defaults to 0.
    const fix = strategy.length === 1 ? `give ${strategy[0].capacityProvider} a weight (weight: 1)` : 'give one of them a weight above 0';
    report(at, `expected at least one capacity provider with a weight above 0, found ${strategy.map((s) => `${s.capacityProvider} weight ${s.weight}`).join(', ')}: weight defaults to 0, and ECS refuses a strategy whose weights are all 0, even of one provider ("There are no capacity providers with a weight value greater than zero"); ${fix}`);
  }
  const kinds = new Set(strategy.map((s) => providers.get(s.capacityProvider)?.kind).filter(Boolean));
  if (kinds.size > 1) {
    const of = (kind: string) => strategy.filter((s) => providers.get(s.capacityProvider)?.kind === kind).map((s) => s.capacityProvider);
    const asgs = of('asg');
    report(
      at,
      `expected capacity providers of one kind, Auto Scaling group providers or FARGATE / FARGATE_SPOT (as in ECS, a strategy cannot mix them), found Auto Scaling group ${asgs.length > 1 ? 'providers' : 'provider'} ${asgs.join(', ')} with ${of('fargate').join(', ')}; split the service in two, one on each kind`,
    );
  }
}

/**
 * One mistake, one message: a key that has a problem gets no second one, from this service or
 * another (two Fargate services of one task definition would each say its stopTimeout).
 * `hush` marks a key as said when a problem elsewhere already covers it.
 */
interface OnePerKey {
  report: (at: Path, m: string) => void;
  hush: (at: Path) => void;
}
function onePerKey(report: (at: Path, m: string) => void): OnePerKey {
  const said = new Set<string>();
  const key = (at: Path) => at.join('\0');
  return {
    report: (at, m) => {
      if (said.has(key(at))) return;
      said.add(key(at));
      report(at, m);
    },
    hush: (at) => void said.add(key(at)),
  };
}

function resolveService(
  name: string,
  config: ServiceConfig,
  td: ResolvedTaskDefinition | undefined,
  scenario: Scenario,
  providers: Map<string, ResolvedProvider>,
  at: Path,
  reportAny: (at: Path, m: string) => void,
  once: OnePerKey,
): ResolvedService | undefined {
  const report = once.report;
  let strategy: StrategyItem[] = [];
  let launchType: 'EC2' | 'FARGATE' | null = config.launchType ?? null;
  if (config.launchType && config.capacityProviderStrategy) {
    report([...at, 'launchType'], 'expected either launchType or capacityProviderStrategy (as in ECS), found both');
  } else if (config.capacityProviderStrategy) {
    strategy = config.capacityProviderStrategy;
    checkStrategy(strategy, [...at, 'capacityProviderStrategy'], providers, reportAny);
  } else if (!config.launchType && scenario.cluster.defaultCapacityProviderStrategy) {
    strategy = scenario.cluster.defaultCapacityProviderStrategy;
  } else if (!config.launchType) {
    launchType = 'EC2';
  }
  if (launchType === 'FARGATE') strategy = [{ capacityProvider: FARGATE, base: 0, weight: 1 }];

  const daemon = config.schedulingStrategy === 'DAEMON';
  let usesFargate = launchType === 'FARGATE' || strategy.some((s) => providers.get(s.capacityProvider)?.kind === 'fargate');
  let usesEc2 = launchType === 'EC2' || strategy.some((s) => providers.get(s.capacityProvider)?.kind === 'asg');
  // a strategy mixing both is already refused (checkStrategy): the task definition's fit to either is beside the point
  if (usesFargate && usesEc2) usesFargate = usesEc2 = false;
  if (daemon) {
    const byDefault = !config.launchType && !config.capacityProviderStrategy && scenario.cluster.defaultCapacityProviderStrategy !== undefined;
    if (byDefault) {
      // ECS gives a service with neither key the cluster's default strategy, and refuses one on
      // a DAEMON service: "Specifying a capacity provider strategy is not supported when you
      // create a service using the DAEMON scheduling strategy"; launchType EC2 is the way
      // (aws/containers-roadmap#692)
      report(
        [...at, 'launchType'],
        `expected launchType: EC2 on a DAEMON service in a cluster with a defaultCapacityProviderStrategy (ECS gives a service without launchType the cluster's default strategy, and daemon services do not use capacity provider strategies), found no launchType; add launchType: EC2`,
      );
      // the service is to run on EC2 (the advice): whether the task definition fits the
      // default strategy's Fargate is moot, as below
      usesFargate = false;
    } else if (usesFargate) {
      const byStrategy = launchType !== 'FARGATE';
      const on = byStrategy ? `${strategy.filter((s) => providers.get(s.capacityProvider)?.kind === 'fargate').map((s) => s.capacityProvider).join(' and ')} in its capacityProviderStrategy` : 'launchType FARGATE';
      const toEc2 = byStrategy ? 'replace capacityProviderStrategy with launchType: EC2' : 'launchType: EC2';
      report([...at, 'schedulingStrategy'], `expected REPLICA on Fargate (Fargate does not support the DAEMON scheduling strategy: a daemon task runs on each EC2 container instance), found DAEMON with ${on}; run the service on EC2 (${toEc2}) or make it REPLICA`);
      // the rest follows from that one mistake: the strategy is said above, and whether the
      // task definition and placement fit Fargate is moot for a service that must leave it
      usesFargate = false;
      once.hush([...at, 'capacityProviderStrategy']);
    }
    if (config.capacityProviderStrategy) {
      report([...at, 'capacityProviderStrategy'], `expected no capacityProviderStrategy on a DAEMON service (as in ECS, daemon services do not use capacity provider strategies: one task runs on each instance that meets the placement constraints), found ${config.capacityProviderStrategy.map((s) => s.capacityProvider).join(', ')}; remove it (launchType: EC2)`);
    }
    if (config.desiredCount !== undefined) report([...at, 'desiredCount'], `expected no desiredCount on a DAEMON service (one task runs on each instance that meets the placement constraints), found ${config.desiredCount}; remove it, or make the service REPLICA`);
    if (config.autoScaling) report([...at, 'autoScaling'], 'expected no autoScaling on a DAEMON service (its task count follows the instances; Application Auto Scaling does not scale it), found autoScaling; remove it, or make the service REPLICA');
    // ecs_service-options.html: with DAEMON "there is no need to specify a desired number of tasks, a task placement strategy, or use Service Auto Scaling policies"
    if (config.placementStrategy) {
      report([...at, 'placementStrategy'], `expected no placementStrategy on a DAEMON service (one task runs on each instance that meets the placement constraints; placementConstraints still apply), found ${strategyTypes(config.placementStrategy)}; remove it`);
    }
  }
  if (usesFargate && td) {
    if (!td.config.requiresCompatibilities.includes('FARGATE')) {
      report([...at, 'taskDefinition'], `expected a task definition with FARGATE in requiresCompatibilities (the service runs on Fargate), found "${td.name}" with ${td.config.requiresCompatibilities.join(', ')}; add FARGATE to its requiresCompatibilities`);
    }
    if (config.placementStrategy) {
      report([...at, 'placementStrategy'], `expected no placementStrategy on Fargate (placement strategies apply to EC2 only; Fargate spreads tasks across Availability Zones), found ${strategyTypes(config.placementStrategy)}; remove it, or run the service on EC2`);
    }
    if (config.placementConstraints.length > 0) {
      report([...at, 'placementConstraints'], `expected no placementConstraints on Fargate (placement constraints apply to EC2 only), found ${constraintTypes(config.placementConstraints)}; remove them, or run the service on EC2`);
    }
    if ((td.config.placementConstraints ?? []).length > 0) {
      report(
        ['taskDefinitions', td.name, 'placementConstraints'],
        `expected no placementConstraints on a task definition Fargate runs (placement constraints apply to EC2 only; service ${name} runs this task definition on Fargate), found ${constraintTypes(td.config.placementConstraints ?? [])}; remove them, or run the service on EC2`,
      );
    }
    const stopTimeout = td.config.stopTimeout;
    if (stopTimeout > FARGATE_MAX_STOP_TIMEOUT_MS) {
      // ContainerDefinition stopTimeout: on Fargate "the max stop timeout value is 120 seconds" (APIReference/API_ContainerDefinition.html)
      const on = strategy.filter((s) => providers.get(s.capacityProvider)?.kind === 'fargate').map((s) => s.capacityProvider).join(' and ');
      report(
        ['taskDefinitions', td.name, 'stopTimeout'],
        `expected at most ${FARGATE_MAX_STOP_TIMEOUT_MS / 1000}s for a task definition Fargate runs (service ${name} uses ${on}; Fargate's maximum stopTimeout), found ${stopTimeout / 1000}s; lower it, or run the service on EC2`,
      );
    }
  }
  if (usesEc2 && td && !td.config.requiresCompatibilities.includes('EC2')) {
    report([...at, 'taskDefinition'], `expected a task definition with EC2 in requiresCompatibilities, found "${td.name}" with ${td.config.requiresCompatibilities.join(', ')}`);
  }
  const asgDeclared = [...providers.values()].some((p) => p.kind === 'asg');
  if (usesEc2 && launchType === 'EC2' && !asgDeclared) {
    report([...at, 'launchType'], 'expected an Auto Scaling group capacity provider in cluster.capacityProviders to supply instances for launchType EC2, found none');
  }

  if (config.healthCheckGracePeriodSeconds > 0 && !config.loadBalancer) {
    // "If you don't use any of the health checks, then healthCheckGracePeriodSeconds is
    // unused" (ECS APIReference/API_CreateService.html); ecsim models no container health checks
    report(
      [...at, 'healthCheckGracePeriodSeconds'],
      `expected 0 without a loadBalancer (the grace period applies to load balancer health checks; ecsim models no container health checks, so ECS would not use it), found ${config.healthCheckGracePeriodSeconds}; add a loadBalancer or remove the key`,
    );
  }
  let desiredCount = config.desiredCount ?? 0;
  const as = config.autoScaling;
  if (!daemon && config.desiredCount === undefined) {
    if (as) desiredCount = as.minCapacity;
    else report([...at, 'desiredCount'], 'expected desiredCount on a REPLICA service (or give autoScaling), found none');
  }
  if (as) {
    if (as.minCapacity > as.maxCapacity) report([...at, 'autoScaling', 'minCapacity'], `expected minCapacity <= maxCapacity ${as.maxCapacity}, found ${as.minCapacity}`);
    desiredCount = Math.min(Math.max(desiredCount, as.minCapacity), as.maxCapacity);
  }
  // (a FARGATE-compatible one without task-level cpu is refused already: it expects task-level cpu)
  if (td && td.cpu === 0 && !td.config.requiresCompatibilities.includes('FARGATE')) {
    const uses = cpuFiguresOf(config);
    if (uses.length > 0) {
      // service CPUUtilization = CPU used / CPU units the task definition specifies
      // (service_utilization.html): no figure at all when it specifies none
      report(
        ['taskDefinitions', td.name, 'cpu'],
        `expected CPU units for the tasks of service ${name} (its ${uses.join(' and ')} ${uses.length > 1 ? 'are percentages' : 'is a percentage'} of the task's reserved CPU units, as ECS's CPUUtilization), found 0 (no task-level cpu, and container cpu defaults to 0); give cpu at the task level (e.g. 256 = 1/4 vCPU) or on its containers`,
      );
    }
  }
  const azRebalancing = resolveAzRebalancing(config, td?.config, (key, message) => report([...at, key], message));
  if (!td) return undefined;
  return { name, config, taskDefinition: td, strategy, launchType, desiredCount, azRebalancing };
}

/** What of a service is a percentage of its tasks' reserved CPU units: its workload's CPU, CPU-based scaling. */
function cpuFiguresOf(config: ServiceConfig): string[] {
  const out: string[] = [];
  if (config.workload) out.push('workload\'s cpu_utilization');
  for (const [pname, p] of Object.entries(config.autoScaling?.policies ?? {})) {
    const cpu =
      p.policyType === 'TargetTrackingScaling'
        ? p.predefinedMetricType === 'ECSServiceAverageCPUUtilization' || p.customMetric === 'CPUUtilization'
        : p.alarm.metricName === 'CPUUtilization';
    if (cpu) out.push(`scaling policy "${pname}"`);
  }
  return out;
}

/**
 * Metrics, alarms, request counts and latency come per metric period; a last partial period
 * would be billed but not measured, so a run is a whole number of periods.
 */
export function wholePeriodsMessage(durationMs: number, periodMs: number): string {
  const down = Math.floor(durationMs / periodMs) * periodMs;
  const hint = down > 0 ? `e.g. ${formatSeconds(down)} or ${formatSeconds(down + periodMs)}` : `e.g. ${formatSeconds(periodMs)}`;
  return `expected a whole number of metric periods of ${formatSeconds(periodMs)} (metrics.period), ${hint}; found ${formatSeconds(durationMs)}`;
}

function formatSeconds(ms: number): string {
  return `${ms / 1000}s`;
}
