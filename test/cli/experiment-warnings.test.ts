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
    // then the note that the file's sweep is not run here
    const expected = `${START(file)}\n${AZ(file, 'variant "tt-cpu-45"', 'cluster.availabilityZones[0]', 'zone-a')}\nnote: ${file}: this file's sweep runs with \`ecsim sweep\`, not compare\n`;
    for (const quiet of [[], ['--quiet']]) {
      const r = await cli('compare', file, '--replications', '1', '--duration', '10m', '--jobs', '1', '--out', join(dir, `cmp${quiet.length}`), ...quiet);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(expected);
      if (quiet.length > 0) expect(r.stdout).toBe('');
    }
  }, 120_000);

  it("sweep: the base's warning once, then each sweep value's own; --quiet still prints them", async () => {
    const file = scenario(dir);
    // then the note that the file's variants are not run here
    const expected = `${START(file)}\n${AZ(file, 'sweep value cluster.availabilityZones=["zone-c"]', 'cluster.availabilityZones[0]', 'zone-c')}\nnote: ${file}: this file's variants run with \`ecsim compare\`, not sweep\n`;
    for (const quiet of [[], ['--quiet']]) {
      const r = await cli('sweep', file, '--replications', '1', '--duration', '10m', '--jobs', '1', '--out', join(dir, `sw${quiet.length}`), ...quiet);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(expected);
      if (quiet.length > 0) expect(r.stdout).toBe('');
    }
  }, 120_000);

  it('compare says, --quiet too, that it checks no expect: list (an impossible one of a variant passed in silence, exit 0)', async () => {
    let text = readFileSync('scenarios/flash-crowd.yaml', 'utf8');
    const from = '  step-scaling:\n    expect:\n      - services.web.sloViolationMinutes < 12\n';
    expect(text).toContain(from);
    text = text.replace(from, '  step-scaling:\n    expect:\n      - services.web.sloViolationMinutes < 1\n');
    const file = writeScenario(dir, 'fc-exp', text);
    // flash-crowd: the top-level list and the lists of variants step-scaling and both
    const note = `note: ${file}: expect: lists are not checked by \`ecsim compare\` (3 in the file); \`ecsim run\` checks the top-level one, on the base scenario\n`;
    for (const quiet of [[], ['--quiet']]) {
      const r = await cli('compare', file, '--replications', '1', '--duration', '10m', '--jobs', '1', '--out', join(dir, `fce${quiet.length}`), ...quiet);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(note);
    }
    // variants' lists only: run checks none of them
    const variantsOnly = writeScenario(dir, 'fc-exp-variants', text.replace(/\nexpect:\n(  - .*\n)+/, '\n'));
    const r = await cli('compare', variantsOnly, '--replications', '1', '--duration', '10m', '--jobs', '1', '--quiet', '--out', join(dir, 'fcv'));
    expect(r.stderr).toBe(`note: ${variantsOnly}: expect: lists are not checked by \`ecsim compare\` (2 in the file); \`ecsim run\` checks only a top-level one, on the base scenario\n`);
    // a file without expect: lists, variants only: nothing to say
    const plain = writeScenario(dir, 'plain', TEXT.replace(/\nsweep:\n[\s\S]*$/, '\n'));
    expect((await cli('compare', plain, '--replications', '1', '--duration', '10m', '--jobs', '1', '--quiet', '--out', join(dir, 'plain'))).stderr).toBe('');
  }, 120_000);
});

describe('run notes the variants and the sweep it does not run', () => {
  const dir = tempDir();

  it('names the variants (compare runs them) and the sweep (sweep runs it), --quiet too; nothing for a plain file', async () => {
    const both = writeScenario(dir, 'both', TEXT);
    const expected =
      `note: ${both}: run ran the base scenario; the file's 3 variants (tt-cpu-60, tt-cpu-45, tt-cpu-60-surge) run with \`ecsim compare\`\n` +
      `note: ${both}: run ran the base scenario; the file's sweep runs with \`ecsim sweep\`\n`;
    for (const quiet of [[], ['--quiet']]) {
      const r = await cli('run', both, '--duration', '10m', '--out', join(dir, `both${quiet.length}`), ...quiet);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(expected);
    }
    const plain = writeScenario(dir, 'plain-run', TEXT.replace(/\nvariants:\n[\s\S]*$/, '\n'));
    expect(readFileSync(plain, 'utf8')).not.toContain('sweep:');
    const r = await cli('run', plain, '--duration', '10m', '--quiet', '--out', join(dir, 'plain'));
    expect(r.stderr).toBe('');
  }, 120_000);
});
