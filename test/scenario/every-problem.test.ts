// A scenario with several problems gets one line for each, also when a map has an unknown
// key: its other keys are checked too (they were skipped, so the second typo below
// `services.web` went unreported until the first was fixed).

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { cli, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';

const QUICKSTART_TEXT = readFileSync('scenarios/quickstart.yaml', 'utf8');

/** The quick start with each [from, to] line edit made (each `from` must occur once). */
function edited(...edits: [string, string][]): string {
  let text = QUICKSTART_TEXT;
  for (const [from, to] of edits) {
    expect(text.split(from)).toHaveLength(2);
    text = text.replace(from, to);
  }
  return text;
}

/** The 1-based line of `text` that contains `needle` (once). */
function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  expect(hits).toHaveLength(1);
  return hits[0];
}

function problems(file: string): string[] {
  try {
    loadScenarioFile(file);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message.split('\n');
  }
  throw new Error(`${file} loaded`);
}

const SERVICE_KEYS = 'taskDefinition, desiredCount, schedulingStrategy, launchType, capacityProviderStrategy, placementStrategy, placementConstraints, healthCheckGracePeriodSeconds, deploymentConfiguration, loadBalancer, workload, fidelity, autoScaling, availabilityZoneRebalancing';
const PER_TASK_KEYS = 'capacityRps, cpuBaseline, memoryMiB, concurrency, serviceTime, cpuPerBusySlot';

describe('every problem gets its line, also beside an unknown key in the same map', () => {
  const dir = tempDir();

  it('a typo in a service and another inside its workload: both, in order, exit 2 (only the first was reported)', async () => {
    const text = edited(['desiredCount: 3', 'desiredCont: 3'], ['concurrency: 8', 'concurency: 8']);
    const file = writeScenario(dir, 'two-typos', text);
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${file}:${lineOf(text, 'desiredCont')}: services.web.desiredCont: unknown key "desiredCont" (did you mean "desiredCount"?); expected one of: ${SERVICE_KEYS}`,
      `${file}:${lineOf(text, 'concurency')}: services.web.workload.perTask.concurency: unknown key "concurency" (did you mean "concurrency"?); expected one of: ${PER_TASK_KEYS}`,
    ]);
  });

  it('a misspelt required key is said once, as the unknown key with its hint, not again as "required"', () => {
    // minCapacity is required in autoScaling; taskDefinition in a service
    const text = edited(['desiredCount: 3', 'desiredCont: 3'], ['minCapacity: 3', 'minCapacty: 3'], ['taskDefinition: web', 'taskDefiniton: web']);
    const file = writeScenario(dir, 'required-typos', text);
    expect(problems(file)).toEqual([
      `${file}:${lineOf(text, 'taskDefiniton')}: services.web.taskDefiniton: unknown key "taskDefiniton" (did you mean "taskDefinition"?); expected one of: ${SERVICE_KEYS}`,
      `${file}:${lineOf(text, 'desiredCont')}: services.web.desiredCont: unknown key "desiredCont" (did you mean "desiredCount"?); expected one of: ${SERVICE_KEYS}`,
      `${file}:${lineOf(text, 'minCapacty')}: services.web.autoScaling.minCapacty: unknown key "minCapacty" (did you mean "minCapacity"?); expected one of: minCapacity, maxCapacity, policies, scheduledActions`,
    ]);
  });

  it('an unknown key and a wrong value in the same map: both', () => {
    const text = edited(['desiredCount: 3', 'desiredCont: 3'], ['launchType: EC2', 'launchType: EC3']);
    const file = writeScenario(dir, 'typo-and-value', text);
    expect(problems(file)).toEqual([
      `${file}:${lineOf(text, 'desiredCont')}: services.web.desiredCont: unknown key "desiredCont" (did you mean "desiredCount"?); expected one of: ${SERVICE_KEYS}`,
      `${file}:${lineOf(text, 'EC3')}: services.web.launchType: expected one of EC2 | FARGATE, found "EC3" (did you mean "EC2"?)`,
    ]);
  });

  it('an unknown key that suggests nothing does not hide a missing required key', () => {
    const text = edited(['    taskDefinition: web\n', '    color: blue\n']);
    const file = writeScenario(dir, 'unrelated-key', text);
    expect(problems(file)).toEqual([
      `${file}:${lineOf(text, 'color')}: services.web.color: unknown key "color"; expected one of: ${SERVICE_KEYS}`,
      // a missing key has no line of its own: the line of the map it is missing from, which starts at color
      `${file}:${lineOf(text, 'color')}: services.web.taskDefinition: required: expected a string`,
    ]);
  });

  it('an unknown key in a distribution beside a bad duration: both', () => {
    const text = edited(['serviceTime: { distribution: exponential, mean: 40ms }', 'serviceTime: { distribution: exponential, mean: soon, sd: 5ms }']);
    const file = writeScenario(dir, 'distribution', text);
    const line = lineOf(text, 'mean: soon');
    expect(problems(file)).toEqual([
      `${file}:${line}: services.web.workload.perTask.serviceTime.sd: unknown key "sd" (a key of distribution normal, not of exponential); expected one of: distribution, mean`,
      `${file}:${line}: services.web.workload.perTask.serviceTime.mean: expected a duration like "250ms", "90s", "15m", "6h", "7d" or "3d10h", found "soon"`,
    ]);
  });

  it('a queue workload\'s maxQueuePerTask (refused before the map was checked) beside a typo in perTask: both; a bad maxQueuePerTask is said once', () => {
    const text = edited(['      type: http', '      type: queue'], ['{ routing: round-robin, deregistrationDelay: 30s }', '{ deregistrationDelay: 30s }'], ['concurrency: 8', 'concurency: 8'], ['maxQueuePerTask: 100', 'maxQueuePerTask: -1'], [', errorRate: 1 }', ' }']);
    const file = writeScenario(dir, 'queue', text);
    const lines = problems(file);
    expect(lines.map((l) => l.split(': ')[1])).toEqual(['services.web.workload.maxQueuePerTask', 'services.web.workload.perTask.concurency']);
    expect(lines[0]).toMatch(/: expected no maxQueuePerTask on a queue workload .*found number -1; remove it$/);
    expect(lines[0]).toContain(`${file}:${lineOf(text, 'maxQueuePerTask')}:`);
  });

  it('a queue service\'s routing (refused before the map was checked) beside a wrong value of the service: both', () => {
    const text = edited(['      type: http', '      type: queue'], ['      maxQueuePerTask: 100\n', ''], ['desiredCount: 3', 'desiredCount: many'], [', errorRate: 1 }', ' }']);
    const file = writeScenario(dir, 'queue-routing', text);
    const lines = problems(file);
    expect(lines.map((l) => l.split(': ')[1])).toEqual(['services.web.loadBalancer.routing', 'services.web.desiredCount']);
    expect(lines[1]).toMatch(/: expected a number, found "many"$/);
  });
});
