// `run`, `compare` and `sweep` parse a scenario file once and hand the same parsed object to
// validation (loadParsedScenario) and to what reads the raw file (variants, sweep, notes):
// validation must leave that object as parsed. The parsed value is deep-frozen, so that any
// write throws (even one of an equal value, which a comparison would miss): every library
// scenario (variants, sweeps, defaults filled in by the schema, seed and duration overrides),
// the month benchmark, a file whose aliases share one object between two services, and an
// invalid file (validation's error paths).

import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { loadParsedScenario, parseScenarioText, readScenarioText, ScenarioError } from '../../src/scenario/index.js';

const files = [
  ...readdirSync('scenarios')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `scenarios/${f}`),
  'bench/month.yaml',
];

function deepFreeze(x: unknown): void {
  if (x === null || typeof x !== 'object' || Object.isFrozen(x)) return;
  Object.freeze(x);
  for (const v of Object.values(x)) deepFreeze(v);
}

function loadFrozen(file: string, text: string) {
  const parsed = parseScenarioText(file, text);
  deepFreeze(parsed.value);
  return () => loadParsedScenario(file, parsed, { seed: 7, durationMs: 3_600_000 });
}

// two services share one workload and one autoScaling map through aliases
const aliased = `
name: aliased
duration: 1h
cluster:
  availabilityZones: [us-east-1a, us-east-1b]
  capacityProviders:
    ec2:
      autoScalingGroup: { instanceTypes: [m5.large], minSize: 2, maxSize: 2 }
taskDefinitions:
  web:
    networkMode: bridge
    containerDefinitions:
      app: { cpu: 256, memory: 512, portMappings: [{ containerPort: 8080 }] }
services:
  a:
    taskDefinition: web
    desiredCount: 2
    launchType: EC2
    workload: &load
      type: http
      requestRate: { step: { from: 50, to: 150, at: 20m } }
      perTask: { capacityRps: 100, cpuBaseline: 5, memoryMiB: { base: 200, perRps: 0.5 } }
    autoScaling: &scale
      minCapacity: 1
      maxCapacity: 4
      policies:
        cpu: { policyType: TargetTrackingScaling, predefinedMetricType: ECSServiceAverageCPUUtilization, targetValue: 60 }
  b:
    taskDefinition: web
    desiredCount: 2
    launchType: EC2
    workload: *load
    autoScaling: *scale
`;

describe('validation leaves the parsed file as parsed', () => {
  it.each(files)('%s', (file) => {
    const text = readScenarioText(file);
    expect(loadFrozen(file, text)).not.toThrow();
  });

  it('a file whose aliases share objects between services', () => {
    const load = loadFrozen('aliased.yaml', aliased);
    expect(load().services.map((s) => s.name)).toEqual(['a', 'b']);
  });

  it('an invalid file: only the loader\'s own message', () => {
    const load = loadFrozen('bad.yaml', aliased.replace('desiredCount: 2\n    launchType: EC2\n    workload: *load', 'desiredCount: -1\n    launchType: EC2\n    workload: *load'));
    expect(load).toThrow(ScenarioError);
  });
});
