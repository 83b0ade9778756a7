// compare and sweep print the scenario's warnings as run and validate do: the base's once,
// then each variant's (compare) or sweep value's (sweep) own, on stderr, --quiet too.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, writeScenario } from '../helpers.js';

const TEXT = readFileSync('scenarios/compare-quickstart.yaml', 'utf8');

// 09:00:30 is 30 s past a minute; metrics.period 60 s, so the boundary is 1 minute
const START = (file: string) =>
  `warning: ${file}: start: 30s past a 1m boundary of the clock (UTC): CloudWatch's datapoints and periods start on the clock's boundaries, ecsim's metric periods count from \`start\`, so every datapoint, alarm evaluation and scaling action here is 30s off AWS's; start on a 1m boundary to match`;
const AZ = (file: string, within: string, at: string, az: string) =>
  `warning: ${file}: ${within}: ${at}: "${az}" is not an Availability Zone name of us-east-1 (like us-east-1a); it is used as a label only`;

function scenario(dir: string): string {
  let text = TEXT.replace('start: 2026-03-02T09:00:00Z', 'start: 2026-03-02T09:00:30Z');
  text = text.replace('  tt-cpu-45:\n', '  tt-cpu-45:\n    cluster: { availabilityZones: [zone-a] }\n');
  text = text.replace(/\nsweep:\n[\s\S]*$/, '\nsweep:\n  cluster.availabilityZones: [[us-east-1a], [zone-c]]\n');
  expect(text).toContain('09:00:30Z');
  expect(text).toContain('zone-a');
  expect(text).toContain('zone-c');
  return writeScenario(dir, 'warns', text);
}

describe('compare and sweep print the scenario warnings', () => {
  const dir = tempDir();

  it("compare: the base's warning once, then each variant's own; --quiet still prints them", async () => {
    const file = scenario(dir);
    const expected = `${START(file)}\n${AZ(file, 'variant "tt-cpu-45"', 'cluster.availabilityZones[0]', 'zone-a')}\n`;
    for (const quiet of [[], ['--quiet']]) {
      const r = await cli('compare', file, '--replications', '1', '--duration', '10m', '--jobs', '1', '--out', join(dir, `cmp${quiet.length}`), ...quiet);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(expected);
      if (quiet.length > 0) expect(r.stdout).toBe('');
    }
  }, 120_000);

  it("sweep: the base's warning once, then each sweep value's own; --quiet still prints them", async () => {
    const file = scenario(dir);
    const expected = `${START(file)}\n${AZ(file, 'sweep value cluster.availabilityZones=["zone-c"]', 'cluster.availabilityZones[0]', 'zone-c')}\n`;
    for (const quiet of [[], ['--quiet']]) {
      const r = await cli('sweep', file, '--replications', '1', '--duration', '10m', '--jobs', '1', '--out', join(dir, `sw${quiet.length}`), ...quiet);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(expected);
      if (quiet.length > 0) expect(r.stdout).toBe('');
    }
  }, 120_000);
});
