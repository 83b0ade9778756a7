// Shared test helpers: temp folders, scenario files derived from the quick start, the small
// one-group EC2 scenario of many sim tests, an in-process CLI with captured output, a run
// keeping every row, the problems a scenario file is refused with.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../src/cli/main.js';
import { loadScenarioFile, loadScenarioObject, ScenarioError } from '../src/scenario/index.js';
import { runSimulation, type CapacityRow, type EventRecord, type RunOptions, type TaskRow, type TimeseriesRow } from '../src/sim/index.js';

export const QUICKSTART = 'scenarios/quickstart.yaml';

export function tempDir(prefix = 'ecsim-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The quick start as a plain object, to derive test scenarios from. */
export function quickstart(): Record<string, any> {
  return parse(readFileSync(QUICKSTART, 'utf8'));
}

export function writeScenario(dir: string, name: string, scenario: unknown): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, typeof scenario === 'string' ? scenario : stringify(scenario));
  return file;
}

/**
 * The small EC2 scenario many sim tests run, as a plain object: one AZ (us-east-1a), one
 * capacity provider `ec2` whose Auto Scaling group holds `instances` m5.xlarge instances
 * (minSize = maxSize = desiredCapacity, launchDelay 1 s), one task definition (256 CPU units,
 * 512 MiB, bridge, one container `app` of 256/512, image pull 1 s and container start 1 s)
 * and one EC2 service on it, starting 2026-03-02T00:00:00Z.
 *
 * `service` is spread into the service after `taskDefinition` and `launchType: 'EC2'`, so a
 * test states only what differs (desiredCount, fidelity, workload, autoScaling, ...).
 * `routing`, when given, adds the load balancer these tests share:
 * `{ routing, deregistrationDelay: '0s', healthCheck: { interval: '5s' } }`.
 * The service and the task definition are both named `web` unless named otherwise.
 */
export function oneGroupScenario(o: {
  name: string;
  duration: string;
  instances: number;
  service: Record<string, unknown>;
  routing?: 'round-robin' | 'least-outstanding' | 'random';
  serviceName?: string;
  taskDefinitionName?: string;
}) {
  const td = o.taskDefinitionName ?? 'web';
  const n = o.instances;
  return {
    name: o.name,
    start: '2026-03-02T00:00:00Z',
    duration: o.duration,
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.xlarge'], minSize: n, maxSize: n, desiredCapacity: n, launchDelay: '1s' } } },
    },
    taskDefinitions: {
      [td]: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { app: { cpu: 256, memory: 512 } }, startup: { imagePull: '1s', containerStart: '1s' } },
    },
    services: {
      [o.serviceName ?? 'web']: {
        taskDefinition: td,
        launchType: 'EC2',
        ...(o.routing ? { loadBalancer: { routing: o.routing, deregistrationDelay: '0s', healthCheck: { interval: '5s' } } } : {}),
        ...o.service,
      },
    },
  };
}

/**
 * A scenario object run in-process, every row kept, with the summary and the event count.
 * `load`: where its files are (default '.') and a duration overriding its own.
 */
export function runKeepingRows(raw: unknown, options: RunOptions, load: { baseDir?: string; durationMs?: number } = {}) {
  const s = loadScenarioObject('test', raw, { baseDir: '.', ...load });
  const rows = { events: [] as EventRecord[], tasks: [] as TaskRow[], timeseries: [] as TimeseriesRow[], capacity: [] as CapacityRow[] };
  const r = runSimulation(s, { event: (e) => rows.events.push(e), task: (t) => rows.tasks.push(t), timeseries: (x) => rows.timeseries.push(x), capacity: (x) => rows.capacity.push(x) }, { checkTallies: true, ...options });
  return { ...rows, summary: r.summary, eventsProcessed: r.eventsProcessed };
}

/** Two runs gave the same rows and summary. */
export function expectSameRun(a: ReturnType<typeof runKeepingRows>, b: ReturnType<typeof runKeepingRows>): void {
  expect(a.events).toEqual(b.events);
  expect(a.tasks).toEqual(b.tasks);
  expect(a.timeseries).toEqual(b.timeseries);
  expect(a.capacity).toEqual(b.capacity);
  expect(a.summary).toEqual(b.summary);
}

/** A results folder of the quick start run for 10 min, at `out`; returns `out`. */
export async function quickRun(out: string): Promise<string> {
  expect((await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', out)).code).toBe(0);
  return out;
}

/** The two shard files of a sweep of the compare quick start (10 min, 1 replication) in `dir`, for merge; returns `dir`. */
export async function twoShards(dir: string): Promise<string> {
  for (const shard of ['1/2', '2/2']) {
    expect((await cli('sweep', 'scenarios/compare-quickstart.yaml', '--duration', '10m', '--replications', '1', '--jobs', '1', '--shard', shard, '--no-runs', '--quiet', '--out', dir)).code).toBe(0);
  }
  return dir;
}

/** Runs the CLI in-process and expects a usage error: exit 2, one line on stderr; returns the line. */
export async function oneLine(...args: string[]): Promise<string> {
  const r = await cli(...args);
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

/** Runs the CLI in-process; returns the exit code and what it printed. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** The problems `text`, written as `name` in `dir`, is refused with: one a line, without the file and line prefix. */
export function loadProblems(dir: string, name: string, text: string): string[] {
  const file = writeScenario(dir, name, text);
  try {
    loadScenarioFile(file);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message.split('\n').map((l) => l.slice(file.length + 1).replace(/^\d+: /, ''));
  }
  throw new Error(`${file} loaded`);
}

/** The message a scenario object is refused with (as a file named s.yaml), or 'no error'. */
export function objectProblems(s: Record<string, any>): string {
  try {
    loadScenarioObject('s.yaml', s);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

/** The loader's message for a scenario object (as s.yaml, read from this folder), or '' when it loads. */
export function problems(s: Record<string, any>): string {
  try {
    loadScenarioObject('s.yaml', s, { baseDir: '.' });
    return '';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
