// `ecsim validate` checks what compare and sweep would run: every variant derived from its
// merge patch, and each sweep value (every point of a small sweep), each problem on one line
// naming the variant or sweep value, the line and the key path; exit 2, no stack trace.

import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir, writeScenario } from '../helpers.js';

const COMPARE_QUICKSTART = 'scenarios/compare-quickstart.yaml';
const TEXT = readFileSync(COMPARE_QUICKSTART, 'utf8');

/** compare-quickstart.yaml with `from` replaced by `to` (once), and the line `to` is on. */
function edited(dir: string, name: string, from: string, to: string): { file: string; line: number } {
  expect(TEXT).toContain(from);
  const text = TEXT.replace(from, to);
  return { file: writeScenario(dir, name, text), line: text.split('\n').findIndex((l) => l.includes(to)) + 1 };
}

/** The line number of the line `text` in `file`. */
function lineIn(file: string, text: string): number {
  const line = readFileSync(file, 'utf8').split('\n').indexOf(text) + 1;
  expect(line).toBeGreaterThan(0);
  return line;
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The problem lines of a validate that must fail with exit 2 and nothing on stdout. */
async function problems(file: string): Promise<string[]> {
  const r = await cli('validate', file);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return r.stderr.trimEnd().split('\n');
}

describe('ecsim validate on variants and sweeps', () => {
  const dir = tempDir();

  it('an empty variants or sweep map: exit 2 with its line, as compare and sweep refuse it (validate said ok)', async () => {
    const quickstart = readFileSync('scenarios/quickstart.yaml', 'utf8');
    const line = quickstart.split('\n').length + (quickstart.endsWith('\n') ? 0 : 1);
    const variants = writeScenario(dir, 'empty-variants', `${quickstart.trimEnd()}\nvariants: {}\n`);
    expect(await problems(variants)).toEqual([`${variants}:${line}: variants: expected at least one variant (name: JSON merge patch) to compare, found an empty map; add a variant, or remove variants`]);
    const sweep = writeScenario(dir, 'empty-sweep', `${quickstart.trimEnd()}\nsweep: {}\n`);
    expect(await problems(sweep)).toEqual([`${sweep}:${line}: sweep: expected a map of dotted paths to lists of values, found an empty map; add a path, or remove sweep`]);
  });

  it('a typo in a variant patch: the variant, the line of the patch and the key path', async () => {
    const { file, line } = edited(dir, 'variant-typo', 'cpu: { targetValue: 45 }', 'cpu: { targetVal: 3 }');
    expect(await problems(file)).toEqual([
      `${file}:${line}: variant "tt-cpu-45": services.web.autoScaling.policies.cpu.targetVal: unknown key "targetVal" (did you mean "targetValue"?); ` +
        'expected one of: policyType, predefinedMetricType, customMetric, customMetricStatistic, targetValue, scaleOutCooldown, scaleInCooldown, disableScaleIn',
    ]);
  });

  it('a misspelt name in a variant patch adds an entry: its first problem says the base has no such name, with the closest', async () => {
    const from = 'services: { web: { autoScaling: { policies: { cpu: { targetValue: 45 } } } } }';
    const service = edited(dir, 'variant-new-service', from, 'services: { wbe: { desiredCount: 4 } }');
    expect(await problems(service.file)).toEqual([
      `${service.file}:${service.line}: variant "tt-cpu-45": services.wbe.taskDefinition: required: expected a string (the base has no service "wbe": a variant naming a new one adds it; did you mean "web"?)`,
    ]);
    const policy = edited(dir, 'variant-new-policy', from, 'services: { web: { autoScaling: { policies: { cpuu: { targetValue: 45 } } } } }');
    expect((await problems(policy.file))[0]).toMatch(/policies\.cpuu\.policyType: expected one of .*\(the base has no policy "cpuu": a variant naming a new one adds it; did you mean "cpu"\?\)$/);
    const task = edited(dir, 'variant-new-task', from, 'taskDefinitions: { webb: { cpu: 512 } }');
    expect((await problems(task.file))[0]).toMatch(/taskDefinitions\.webb\.memory: expected task-level memory or memory on its containers \(MiB\), found neither; give memory at the task level \(e\.g\. 512\) or on each container \(the base has no task definition "webb": a variant naming a new one adds it; did you mean "web"\?\)$/);
    // a problem in an entry the base has gets no such note
    const existing = edited(dir, 'variant-existing', from, 'services: { web: { autoScaling: { policies: { cpu: { targetValue: nope } } } } }');
    expect((await problems(existing.file)).join('\n')).not.toContain('the base has no');
  });

  it('a null for a name or key the base lacks deletes nothing: exit 2 with the closest name (merge patch dropped it silently)', async () => {
    const from = 'services: { web: { autoScaling: { policies: { cpu: { targetValue: 45 } } } } }';
    const policy = edited(dir, 'variant-null-policy', from, 'services: { web: { autoScaling: { policies: { cpuu: null } } } }');
    expect(await problems(policy.file)).toEqual([
      `${policy.file}:${policy.line}: variant "tt-cpu-45": services.web.autoScaling.policies.cpuu: null deletes nothing: the base has no policy "cpuu" (did you mean "cpu"?)`,
    ]);
    const key = edited(dir, 'variant-null-key', from, 'services: { web: { loadBalancer: { deregistrationDelai: null } } }');
    expect(await problems(key.file)).toEqual([
      `${key.file}:${key.line}: variant "tt-cpu-45": services.web.loadBalancer.deregistrationDelai: null deletes nothing: the base has no key "deregistrationDelai" (did you mean "deregistrationDelay"?)`,
    ]);
    // compare refuses it too, writing nothing; run warns that it ignores the variant
    const out = join(dir, 'null-compare-out');
    const compare = await cli('compare', policy.file, '--out', out);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toContain('policies.cpuu: null deletes nothing');
    expect(existsSync(out)).toBe(false);
    // a null that deletes a key the base has is fine
    const deletes = edited(dir, 'variant-null-deletes', from, 'services: { web: { loadBalancer: { deregistrationDelay: null } } }');
    expect((await cli('validate', deletes.file)).code).toBe(0);
  });

  it('a typo in a sweep key path: said once, not once per value', async () => {
    const { file, line } = edited(dir, 'sweep-typo', 'policies.cpu.targetValue: [40', 'policies.cpu.targetVal: [40');
    const lines = await problems(file);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^${escaped(file)}:${line}: sweep value services\\.web\\.autoScaling\\.policies\\.cpu\\.targetVal=40 \\(other paths at their first values\\): services\\.web\\.autoScaling\\.policies\\.cpu\\.targetVal: unknown key "targetVal" \\(did you mean "targetValue"\\?\\)`),
    );
  });

  it('a problem of the second sweep path is told on its own line and value, not the first path\'s', async () => {
    const typo = edited(dir, 'sweep-typo-2nd', 'policies.cpu.scaleOutCooldown: [', 'policies.cpu.scaleOutCooldwn: [');
    expect(await problems(typo.file)).toEqual([expect.stringMatching(new RegExp(`^${escaped(typo.file)}:${typo.line}: sweep value services\\.web\\.autoScaling\\.policies\\.cpu\\.scaleOutCooldwn=60s `))]);
    const first = edited(dir, 'sweep-type-2nd-first', 'scaleOutCooldown: [60s, 300s]', 'scaleOutCooldown: [abc, 300s]');
    expect(await problems(first.file)).toEqual([expect.stringMatching(new RegExp(`^${escaped(first.file)}:${first.line}: sweep value services\\.web\\.autoScaling\\.policies\\.cpu\\.scaleOutCooldown=abc .*found "abc"`))]);
  });

  it('a sweep path through a key that is not there: the closest key', async () => {
    const { file, line } = edited(dir, 'sweep-missing', 'services.web.autoScaling.policies.cpu.targetValue', 'services.web.autoScaling.policys.cpu.targetValue');
    expect((await problems(file))[0]).toMatch(new RegExp(`^${escaped(file)}:${line}: sweep value [^:]*: services\\.web\\.autoScaling\\.policys: expected a key of services\\.web\\.autoScaling \\(minCapacity, maxCapacity, policies\\), found "policys" \\(did you mean "policies"\\?\\)$`));
  });

  it('a sweep path ending in a name JavaScript gives meaning to: constructor is a key like any other (an attribute may be named so; a fixed map lists all its keys)', async () => {
    const quickstart = readFileSync('scenarios/quickstart.yaml', 'utf8');
    expect(quickstart).toContain('        launchDelay: 60s\n');
    const withAttributes = quickstart.replace('        launchDelay: 60s\n', '        launchDelay: 60s\n        attributes: { zone: a }\n');
    const attribute = writeScenario(dir, 'sweep-attr-constructor', `${withAttributes}sweep:\n  cluster.capacityProviders.ec2.autoScalingGroup.attributes.constructor: [a, b]\n`);
    const r = await cli('validate', attribute);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`${attribute}: ok (1 service, 3600 s simulated; all 2 sweep points checked)\n`);
    expect(r.code).toBe(0);
    // a fixed map: the schema's word, with every key a service may have
    const service = writeScenario(dir, 'sweep-service-constructor', `${quickstart}sweep:\n  services.web.constructor: [a, b]\n`);
    expect(await problems(service)).toEqual([
      expect.stringMatching(/: sweep value services\.web\.constructor=a: services\.web\.constructor: unknown key "constructor"; expected one of: taskDefinition, desiredCount, schedulingStrategy, .*availabilityZoneRebalancing$/),
    ]);
  });

  it('a sweep value of the wrong type: the key, the value and what was expected', async () => {
    const { file, line } = edited(dir, 'sweep-type', 'scaleOutCooldown: [60s, 300s]', 'scaleOutCooldown: [60s, fast]');
    expect(await problems(file)).toEqual([
      `${file}:${line}: sweep value services.web.autoScaling.policies.cpu.scaleOutCooldown=fast (other paths at their first values): services.web.autoScaling.policies.cpu.scaleOutCooldown: ` +
        'expected a duration like "250ms", "90s", "15m", "6h", "7d" or "3d10h", found "fast"',
    ]);
  });

  it('values that clash: a value is checked on a point the sweep runs (the other paths at their first values)', async () => {
    const sweep = 'sweep:\n  services.web.autoScaling.minCapacity: [2, 6]\n  services.web.autoScaling.maxCapacity: [4, 12]\n';
    const file = writeScenario(dir, 'sweep-clash', TEXT.replace(/\nsweep:\n[\s\S]*$/, `\n${sweep}`));
    expect((await problems(file))[0]).toMatch(/sweep value services\.web\.autoScaling\.minCapacity=6 \(other paths at their first values\): .*minCapacity: expected minCapacity <= maxCapacity 4, found 6/);
  });

  it('values that clash only on later points: found by checking every point of a small sweep', async () => {
    const sweep = 'sweep:\n  services.web.autoScaling.minCapacity: [2, 8]\n  services.web.autoScaling.maxCapacity: [12, 6]\n';
    const file = writeScenario(dir, 'sweep-clash-later', TEXT.replace(/\nsweep:\n[\s\S]*$/, `\n${sweep}`));
    expect(await problems(file)).toEqual([expect.stringMatching(/sweep point 3 \(services\.web\.autoScaling\.minCapacity=8, services\.web\.autoScaling\.maxCapacity=6\): .*minCapacity: expected minCapacity <= maxCapacity 6, found 8/)]);
  });

  it('a value valid only beside other paths\' values is not refused (15 is above the base maxCapacity 12, but every point sets maxCapacity 20 or 30)', async () => {
    const sweep = 'sweep:\n  services.web.autoScaling.minCapacity: [3, 15]\n  services.web.autoScaling.maxCapacity: [20, 30]\n';
    const file = writeScenario(dir, 'sweep-together', TEXT.replace(/\nsweep:\n[\s\S]*$/, `\n${sweep}`));
    const r = await cli('validate', file);
    // no problem (the points with minCapacity 15 warn that they start with 15 tasks, not desiredCount's 3)
    expect(r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('a large sweep: each value checked once, and said so', async () => {
    const many = (n: number, from: number) => `[${Array.from({ length: n }, (_, i) => from + i).join(', ')}]`;
    const sweep = `sweep:\n  services.web.autoScaling.minCapacity: ${many(5, 1)}\n  services.web.autoScaling.maxCapacity: ${many(20, 6)}\n`;
    const file = writeScenario(dir, 'sweep-large', TEXT.replace(/\nsweep:\n[\s\S]*$/, `\n${sweep}`));
    const r = await cli('validate', file);
    // no problem; minCapacity 4 and 5 warn that those points start above desiredCount's 3
    expect(r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '))).toEqual([]);
    expect(r.stderr).toMatch(/sweep value services\.web\.autoScaling\.minCapacity=4 \(other paths at their first values\): services\.web\.desiredCount: desiredCount 3 is below minCapacity 4/);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${file}: ok (1 service, 7200 s simulated; 3 variants and each of the 25 sweep values once (100 points) checked)\n`);
  });

  it('a point invalid past the 64 validate checks one by one: every shard refuses it before any run, as the whole sweep does (the other shards ran, and merge never could)', async () => {
    const sweep = 'sweep:\n  services.web.autoScaling.minCapacity: [1, 2, 3, 4, 5]\n  services.web.autoScaling.maxCapacity: [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 4]\n';
    const file = writeScenario(dir, 'sweep-large-clash', TEXT.replace(/\nsweep:\n[\s\S]*$/, `\n${sweep}`));
    // 5 x 14 = 70 points: validate checks each value once, beside the other path's first value (all valid)
    expect((await cli('validate', file)).code).toBe(0);
    // the last point, 4 x 14 + 13 = 69, is minCapacity 5 with maxCapacity 4; shard 1/2 runs the even points
    const line = lineIn(file, '  services.web.autoScaling.minCapacity: [1, 2, 3, 4, 5]'); // the line of sweep's map, where a point's problems are said
    const problem = `${file}:${line}: sweep point 69 (services.web.autoScaling.minCapacity=5, services.web.autoScaling.maxCapacity=4): services.web.autoScaling.minCapacity: expected minCapacity <= maxCapacity 4, found 5`;
    for (const shard of [[], ['--shard', '1/2'], ['--shard', '2/2']]) {
      const out = join(dir, `never-sweep-large-${shard.join('').replace('/', '-')}`);
      const r = await cli('sweep', file, ...shard, '--quiet', '--jobs', '1', '--replications', '1', '--duration', '10m', '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '))).toEqual([problem]);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('compare and sweep report the same problem the same way', async () => {
    const variant = edited(dir, 'variant-typo-2', 'cpu: { targetValue: 45 }', 'cpu: { targetVal: 3 }');
    const compare = await cli('compare', variant.file, '--quiet', '--jobs', '1', '--out', join(dir, 'never-compare'));
    expect(compare.code).toBe(2);
    expect(compare.stderr.trimEnd().split('\n')).toEqual(await problems(variant.file));
    const sweep = edited(dir, 'sweep-type-2', 'scaleOutCooldown: [60s, 300s]', 'scaleOutCooldown: [fast]');
    const swept = await cli('sweep', sweep.file, '--quiet', '--jobs', '1', '--out', join(dir, 'never-sweep'));
    expect(swept.code).toBe(2);
    expect(swept.stderr).toMatch(new RegExp(`^${escaped(sweep.file)}:\\d+: sweep point 0 \\(`));
    expect(swept.stderr).toMatch(/scaleOutCooldown: expected a duration .*, found "fast"/);
  });

  it('a seed in a variant or among the sweep paths is refused, not ignored (replication k of every variant and point runs with seed + k)', async () => {
    const variant = edited(dir, 'variant-seed', 'tt-cpu-45:\n', 'tt-cpu-45:\n    seed: 99\n');
    const line = readFileSync(variant.file, 'utf8').split('\n').indexOf('    seed: 99') + 1;
    expect(line).toBeGreaterThan(1);
    const variantLine = `${variant.file}:${line}: variants.tt-cpu-45.seed: expected no seed in a variant (replication k of every variant runs with seed + k), found 99; set the top-level seed or --seed`;
    expect(await problems(variant.file)).toEqual([variantLine]);
    const out = join(dir, 'never-compare-seed');
    const compare = await cli('compare', variant.file, '--quiet', '--jobs', '1', '--out', out);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toBe(`${variantLine}\n`);
    expect(existsSync(out)).toBe(false);

    const sweep = edited(dir, 'sweep-seed', '  services.web.autoScaling.policies.cpu.scaleOutCooldown: [60s, 300s]', '  seed: [1, 50]');
    const sweepLine = `${sweep.file}:${sweep.line}: sweep.seed: expected no seed among the sweep's paths (replication k of every sweep point runs with seed + k), found [1,50]; set the top-level seed or --seed, and replications for more seeds`;
    expect(await problems(sweep.file)).toEqual([sweepLine]);
    const sweepOut = join(dir, 'never-sweep-seed');
    const swept = await cli('sweep', sweep.file, '--quiet', '--jobs', '1', '--out', sweepOut);
    expect(swept.code).toBe(2);
    expect(swept.stderr).toBe(`${sweepLine}\n`);
    expect(existsSync(sweepOut)).toBe(false);
  });

  it("the experiment's own keys in a variant or as sweep paths are refused, not dropped (variants.x.replications: 3 still ran 5 times); a variant's own expect list is allowed (the library's tests check it)", async () => {
    const variant = edited(dir, 'variant-exp-keys', 'tt-cpu-45:\n', 'tt-cpu-45:\n    replications: 3\n    expect: ["cost.total < 3"]\n    sweep: { a: [1] }\n    variants: {}\n');
    const lines = readFileSync(variant.file, 'utf8').split('\n');
    const at = (text: string) => lines.indexOf(text) + 1;
    expect(await problems(variant.file)).toEqual([
      `${variant.file}:${at('    replications: 3')}: variants.tt-cpu-45.replications: expected no replications in a variant (every variant runs the same replications, with the same seeds), found 3; set the top-level replications or --replications`,
      `${variant.file}:${at('    sweep: { a: [1] }')}: variants.tt-cpu-45.sweep: expected no sweep in a variant (sweep belongs to the experiment file's top level, not to a scenario), found {"a":[1]}; remove it`,
      `${variant.file}:${at('    variants: {}')}: variants.tt-cpu-45.variants: expected no variants in a variant (variants belongs to the experiment file's top level, not to a scenario), found {}; remove it`,
    ].sort((a, b) => Number(a.split(':')[1]) - Number(b.split(':')[1])));
    const out = join(dir, 'never-compare-exp-keys');
    const compare = await cli('compare', variant.file, '--quiet', '--jobs', '1', '--out', out);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toContain('variants.tt-cpu-45.replications: expected no replications in a variant');
    expect(existsSync(out)).toBe(false);

    const sweep = edited(dir, 'sweep-exp-keys', '  services.web.autoScaling.policies.cpu.scaleOutCooldown: [60s, 300s]', '  replications: [1, 2]\n  expect: [[]]');
    const message = (key: string, found: string, hint: string) =>
      `sweep.${key}: expected a path into the scenario, not the experiment's key ${key} (no sweep point's scenario carries it, so every point would be the same), found ${found}; ${hint}`;
    const sweepLines = readFileSync(sweep.file, 'utf8').split('\n');
    const sweepAt = (text: string) => sweepLines.indexOf(text) + 1;
    expect(sweepAt('  expect: [[]]')).toBeGreaterThan(1);
    expect(await problems(sweep.file)).toEqual([
      `${sweep.file}:${sweepAt('  replications: [1, 2]')}: ${message('replications', '[1,2]', 'set the top-level replications or --replications')}`,
      `${sweep.file}:${sweepAt('  expect: [[]]')}: ${message('expect', '[[]]', 'remove it')}`,
    ]);
    const sweepOut = join(dir, 'never-sweep-exp-keys');
    const swept = await cli('sweep', sweep.file, '--quiet', '--jobs', '1', '--out', sweepOut);
    expect(swept.code).toBe(2);
    expect(swept.stderr).toContain(message('replications', '[1,2]', 'set the top-level replications or --replications'));
    expect(existsSync(sweepOut)).toBe(false);
  });

  it('an unknown key in a variant suggests and lists only keys a variant may set (Replications got "did you mean replications?", then refused)', async () => {
    const variant = edited(dir, 'variant-misspelt-exp-key', 'tt-cpu-45:\n', 'tt-cpu-45:\n    Replications: 3\n    Expect: []\n');
    const lines = readFileSync(variant.file, 'utf8').split('\n');
    const at = (text: string) => lines.indexOf(text) + 1;
    const expected = 'expected one of: name, description, start, duration, warmStart, region, metrics, pricing, cluster, taskDefinitions, services, expect';
    expect(await problems(variant.file)).toEqual([
      `${variant.file}:${at('    Replications: 3')}: variant "tt-cpu-45": Replications: unknown key "Replications"; ${expected}`,
      `${variant.file}:${at('    Expect: []')}: variant "tt-cpu-45": Expect: unknown key "Expect" (did you mean "expect"?); ${expected}`,
    ]);
    // the base's own unknown key still lists every top-level key
    const base = edited(dir, 'base-misspelt-exp-key', 'replications: 5\n', 'Replications: 5\n');
    expect((await problems(base.file)).join('\n')).toContain('unknown key "Replications" (did you mean "replications"?); expected one of: name, description, seed, start, duration, warmStart, region, metrics, pricing, cluster, taskDefinitions, services, variants, replications, sweep, expect');
  });

  it('a value twice in a sweep list is refused on its second place (targetValue: [40, 40] ran two identical points)', async () => {
    const sweep = edited(dir, 'sweep-dup', 'targetValue: [40, 50, 60, 70]', 'targetValue: [40, 50, 40]');
    const line = `${sweep.file}:${sweep.line}: sweep.services.web.autoScaling.policies.cpu.targetValue[2]: expected distinct values (each point runs once), found 40 again (the same as [0]); remove one`;
    expect(await problems(sweep.file)).toEqual([line]);
    const out = join(dir, 'never-sweep-dup');
    const swept = await cli('sweep', sweep.file, '--quiet', '--jobs', '1', '--out', out);
    expect(swept.code).toBe(2);
    expect(swept.stderr).toBe(`${line}\n`);
    expect(existsSync(out)).toBe(false);
    // maps are the same whatever their key order
    const maps = edited(dir, 'sweep-dup-maps', 'targetValue: [40, 50, 60, 70]', 'targetValue: [40]\n  services.web.autoScaling: [{minCapacity: 1, maxCapacity: 4}, {maxCapacity: 4, minCapacity: 1}]');
    expect((await problems(maps.file)).join('\n')).toContain('sweep.services.web.autoScaling[1]: expected distinct values (each point runs once), found {"maxCapacity":4,"minCapacity":1} again (the same as [0])');
  });

  it('values equal once parsed are refused as duplicates too: scaleOutCooldown [60s, 1m] and [60, 60s] ran the same point twice', async () => {
    const msg = (i: number, found: string, at: number, first: string) =>
      `sweep.services.web.autoScaling.policies.cpu.scaleOutCooldown[${i}]: expected distinct values (each point runs once), found ${found}, the same as [${at}] ${first} once parsed; remove one`;
    const units = edited(dir, 'sweep-dup-units', 'scaleOutCooldown: [60s, 300s]', 'scaleOutCooldown: [60s, 1m, 5m]');
    expect(await problems(units.file)).toEqual([`${units.file}:${units.line}: ${msg(1, '"1m"', 0, '"60s"')}`]);
    const numbers = edited(dir, 'sweep-dup-number', 'scaleOutCooldown: [60s, 300s]', 'scaleOutCooldown: [60, 300s, 60s, 2m, 120]');
    expect(await problems(numbers.file)).toEqual([
      `${numbers.file}:${numbers.line}: ${msg(2, '"60s"', 0, '60')}`,
      `${numbers.file}:${numbers.line}: ${msg(4, '120', 3, '"2m"')}`,
    ]);
    const out = join(dir, 'never-sweep-dup-units');
    const swept = await cli('sweep', units.file, '--quiet', '--jobs', '1', '--out', out);
    expect(swept.code).toBe(2);
    expect(swept.stderr).toBe(`${units.file}:${units.line}: ${msg(1, '"1m"', 0, '"60s"')}\n`);
    expect(existsSync(out)).toBe(false);
    // distinct once parsed: fine (60s and 61s)
    const fine = edited(dir, 'sweep-distinct-units', 'scaleOutCooldown: [60s, 300s]', 'scaleOutCooldown: [60s, 61s, 1m1s]');
    expect((await problems(fine.file)).join('\n')).toContain(msg(2, '"1m1s"', 1, '"61s"'));
    const ok = edited(dir, 'sweep-distinct-ok', 'scaleOutCooldown: [60s, 300s]', 'scaleOutCooldown: [60s, 61s]');
    expect((await cli('validate', ok.file)).code).toBe(0);
    // two start times of one instant (only the instant is simulated); a second apart is fine
    const starts = edited(dir, 'sweep-dup-start', 'services.web.autoScaling.policies.cpu.scaleOutCooldown: [60s, 300s]', 'start: ["2026-03-02T09:00:00Z", "2026-03-02T10:00:00+01:00", "2026-03-02T09:00:01Z"]');
    expect(await problems(starts.file)).toEqual([
      `${starts.file}:${starts.line}: sweep.start[1]: expected distinct values (each point runs once), found "2026-03-02T10:00:00+01:00", the same as [0] "2026-03-02T09:00:00Z" once parsed; remove one`,
    ]);
  });

  it("a variant's own warnings are printed, named by the variant; the base's are said once (validate warned of the base only)", async () => {
    const azWarning = (az: string) => `cluster.availabilityZones[0]: "${az}" is not an Availability Zone name of us-east-1 (like us-east-1a); it is used as a label only`;
    const only = edited(dir, 'variant-warning', '  tt-cpu-45:\n', '  tt-cpu-45:\n    cluster: { availabilityZones: [zone-a] }\n');
    const r = await cli('validate', only.file);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: ${only.file}: variant "tt-cpu-45": ${azWarning('zone-a')}\n`);
    expect(r.stdout).toMatch(/: ok \(/);
    // the base's warning is said once, not again for each variant that inherits it
    const shared = edited(dir, 'base-warning', 'availabilityZones: [us-east-1a, us-east-1b, us-east-1c]', 'availabilityZones: [zone-b, us-east-1b, us-east-1c]');
    const both = await cli('validate', shared.file);
    expect(both.code).toBe(0);
    expect(both.stderr).toBe(`warning: ${shared.file}: ${azWarning('zone-b')}\n`);
  });

  it("a sweep value's own warnings are printed, named by the value as its problems are; each once; the base's are said once", async () => {
    const azWarning = (az: string) => `cluster.availabilityZones: "${az}" is not an Availability Zone name of us-east-1 (like us-east-1a); it is used as a label only`;
    // a sweep over the zone list: its second value warns; the first (the base's zones) does not
    const swept = edited(dir, 'sweep-warning', 'services.web.autoScaling.policies.cpu.scaleOutCooldown: [60s, 300s]', 'cluster.availabilityZones: [[us-east-1a], [zone-c]]');
    const r = await cli('validate', swept.file);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: ${swept.file}: sweep value cluster.availabilityZones=["zone-c"] (other paths at their first values): ${azWarning('zone-c').replace('cluster.availabilityZones', 'cluster.availabilityZones[0]')}\n`);
    expect(r.stdout).toMatch(/: ok \(/);
  });

  it('sweep ignores variants and compare the sweep, but each says so when that part is invalid, as run does; exit 0', async () => {
    const text = TEXT.replace('cpu: { targetValue: 45 }', 'cpu: { targetVal: 3 }')
      .replace('scaleOutCooldown: [60s, 300s]', 'scaleOutCooldown: [fast, 60s]')
      .replace('  services.web.autoScaling.policies.cpu.targetValue: [40, 50, 60, 70]\n', '');
    expect(text).not.toBe(TEXT);
    // the sweep (its valid value) with an invalid variant
    const sweepFile = writeScenario(dir, 'sweep-ignores-variants', text.replace('scaleOutCooldown: [fast, 60s]', 'scaleOutCooldown: [60s]'));
    const s = await cli('sweep', sweepFile, '--out', join(dir, 'sweep-ignores-out'), '--quiet', '--duration', '10m', '--replications', '1');
    expect(s.code).toBe(0);
    const sweepWarnings = s.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(sweepWarnings).toHaveLength(1);
    expect(sweepWarnings[0]).toMatch(new RegExp(`^warning: ${escaped(sweepFile)}:\\d+: variant "tt-cpu-45" is invalid \\(sweep ignores variants\\): services\\.web\\.autoScaling\\.policies\\.cpu\\.targetVal: unknown key "targetVal".*; \`ecsim validate\` exits 2 on this file$`));
    // compare (valid variants) with an invalid sweep
    const compareFile = writeScenario(dir, 'compare-ignores-sweep', text.replace('cpu: { targetVal: 3 }', 'cpu: { targetValue: 45 }'));
    const c = await cli('compare', compareFile, '--out', join(dir, 'compare-ignores-out'), '--quiet', '--duration', '10m', '--replications', '1');
    expect(c.code).toBe(0);
    const compareWarnings = c.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(compareWarnings).toHaveLength(1);
    expect(compareWarnings[0]).toMatch(new RegExp(`^warning: ${escaped(compareFile)}:\\d+: the sweep is invalid \\(compare ignores the sweep\\): sweep value services\\.web\\.autoScaling\\.policies\\.cpu\\.scaleOutCooldown=fast: .*; \`ecsim validate\` exits 2 on this file$`));
  });

  it('run ignores variants and sweep, but says so when they are invalid: one warning per invalid variant and one for the sweep, exit 0', async () => {
    const text = TEXT.replace('cpu: { targetValue: 45 }', 'cpu: { targetVal: 3 }').replace('scaleOutCooldown: [60s, 300s]', 'scaleOutCooldown: [fast, 60s]');
    expect(text).not.toBe(TEXT);
    const file = writeScenario(dir, 'run-invalid-experiment', text);
    const out = join(dir, 'run-invalid-experiment-out');
    const r = await cli('run', file, '--out', out, '--quiet', '--duration', '10m');
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4); // and, after the run, the notes that it ran the base only
    expect(lines[2]).toBe(`note: ${file}: run ran the base scenario; the file's 3 variants (tt-cpu-60, tt-cpu-45, tt-cpu-60-surge) run with \`ecsim compare\``);
    expect(lines[3]).toBe(`note: ${file}: run ran the base scenario; the file's sweep runs with \`ecsim sweep\``);
    expect(lines[0]).toMatch(new RegExp(`^warning: ${escaped(file)}:\\d+: variant "tt-cpu-45" is invalid \\(run ignores variants\\): services\\.web\\.autoScaling\\.policies\\.cpu\\.targetVal: unknown key "targetVal".*; \`ecsim validate\` exits 2 on this file$`));
    expect(lines[1]).toMatch(new RegExp(`^warning: ${escaped(file)}:\\d+: the sweep is invalid \\(run ignores the sweep\\): sweep value services\\.web\\.autoScaling\\.policies\\.cpu\\.scaleOutCooldown=fast .*; \`ecsim validate\` exits 2 on this file$`));
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
    // a valid file: only the notes
    const ok = await cli('run', COMPARE_QUICKSTART, '--out', join(dir, 'run-valid-experiment-out'), '--quiet', '--duration', '10m');
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe(`note: ${COMPARE_QUICKSTART}: run ran the base scenario; the file's 3 variants (tt-cpu-60, tt-cpu-45, tt-cpu-60-surge) run with \`ecsim compare\`\nnote: ${COMPARE_QUICKSTART}: run ran the base scenario; the file's sweep runs with \`ecsim sweep\`\n`);
  });

  it('a valid compare scenario: ok, as before, with what was checked', async () => {
    const r = await cli('validate', COMPARE_QUICKSTART);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${COMPARE_QUICKSTART}: ok (1 service, 7200 s simulated; 3 variants and all 8 sweep points checked)\n`);
  });

  it('a scenario without variants or sweep: the line it always printed', async () => {
    const r = await cli('validate', 'scenarios/quickstart.yaml');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('scenarios/quickstart.yaml: ok (1 service, 3600 s simulated)\n');
  });

  it('a variant name that is a whole number, has a ":", or equals another ignoring case is refused: validate and compare exit 2, nothing written', async () => {
    // "2" was read first (a JavaScript object lists whole-number keys first) and became the baseline
    const whole = edited(dir, 'variant-whole-number', '  tt-cpu-60: {}\n', '  tt-cpu-60: {}\n  "2": {}\n');
    const wholeLine = `${whole.file}:${lineIn(whole.file, '  "2": {}')}: variants.2: expected a variant name that is not a whole number (the first variant written is the baseline of the paired differences, and ecsim reads a map's whole-number names before the others, in numeric order), found "2"; rename it, e.g. "variant-2"`;
    expect(await problems(whole.file)).toEqual([wholeLine]);
    const out = join(dir, 'never-compare-whole');
    const compare = await cli('compare', whole.file, '--quiet', '--jobs', '1', '--replications', '1', '--out', out);
    expect(compare.code).toBe(2);
    expect(compare.stderr).toBe(`${wholeLine}\n`);
    expect(existsSync(out)).toBe(false);
    // "01" and "v1" are no whole-number keys: read in the order written
    for (const name of ['"01"', 'v1']) {
      expect((await cli('validate', edited(dir, `variant-${name.replaceAll('"', '')}`, '  tt-cpu-60: {}\n', `  tt-cpu-60: {}\n  ${name}: {}\n`).file)).code).toBe(0);
    }
    // runs/a:b is no folder Windows can write
    const colon = edited(dir, 'variant-colon', '  tt-cpu-60: {}\n', '  tt-cpu-60: {}\n  a:b: {}\n');
    expect(await problems(colon.file)).toEqual([
      `${colon.file}:${lineIn(colon.file, '  a:b: {}')}: variants.a:b: expected a variant name of letters, digits, "_", "-", "." (it names the folder runs/<variant>, and Windows refuses ":" in a file name), found "a:b"; rename it, e.g. "a-b"`,
    ]);
    // any other character: the same rule and message (not the names rule of other maps, which allows ":")
    const spaced = edited(dir, 'variant-space', '  tt-cpu-60: {}\n', '  tt-cpu-60: {}\n  "a b/c": {}\n');
    expect(await problems(spaced.file)).toEqual([
      `${spaced.file}:${lineIn(spaced.file, '  "a b/c": {}')}: variants.a b/c: expected a variant name of letters, digits, "_", "-", "." (it names the folder runs/<variant>, and Windows refuses ":" in a file name), found "a b/c"; rename it, e.g. "a-b-c"`,
    ]);
    const spacedRun = await cli('run', spaced.file, '--quiet', '--out', join(dir, 'run-variant-space'));
    expect(spacedRun.code).toBe(0);
    expect(spacedRun.stderr).toContain(`variant "a b/c" is invalid (run ignores variants): variants.a b/c: expected a variant name of letters, digits, "_", "-", "." (it names`);
    // runs/TT-CPU-60 and runs/tt-cpu-60 are one folder on macOS and Windows: the later one is refused, naming the earlier
    const cased = edited(dir, 'variant-case', '  tt-cpu-60: {}\n', '  tt-cpu-60: {}\n  TT-CPU-60: {}\n');
    expect(await problems(cased.file)).toEqual([
      `${cased.file}:${lineIn(cased.file, '  TT-CPU-60: {}')}: variants.TT-CPU-60: expected a variant name that differs from variant "tt-cpu-60" other than in case (each names its folder runs/<variant>, and macOS and Windows file systems ignore case), found "TT-CPU-60"; rename one of them`,
    ]);
  });

  it('variants of different durations, or a sweep of durations, are refused (run totals of 1 h and 2 h are not comparable): validate, compare and sweep exit 2, nothing written', async () => {
    const variant = edited(dir, 'variant-shorter', '  tt-cpu-60: {}\n', '  tt-cpu-60: {}\n  dur: { duration: 1h }\n');
    const line = readFileSync(variant.file, 'utf8').split('\n').indexOf('  dur: { duration: 1h }') + 1;
    const message = `${variant.file}:${line}: variants.dur.duration: expected every variant to run the same duration (cost, task-hours, SLO minutes and dropped requests are run totals: a shorter run looks cheaper, and the Pareto front and paired differences would rank it so), found 1h against 2h for variant "tt-cpu-60", the first; give every variant one duration, or compare each duration in a file of its own`;
    expect(await problems(variant.file)).toEqual([message]);
    const out = join(dir, 'never-compare-shorter');
    const compare = await cli('compare', variant.file, '--quiet', '--jobs', '1', '--replications', '1', '--out', out);
    expect(compare.code).toBe(2);
    expect(compare.stderr.trimEnd().split('\n').at(-1)).toBe(message);
    expect(existsSync(out)).toBe(false);
    // the same duration written otherwise (120m = 2h) is one duration
    const same = edited(dir, 'variant-same', '  tt-cpu-60: {}\n', '  tt-cpu-60: {}\n  dur: { duration: 120m }\n');
    expect((await cli('validate', same.file)).code).toBe(0);

    const sweep = edited(dir, 'sweep-durations', '  services.web.autoScaling.policies.cpu.scaleOutCooldown: [60s, 300s]', '  duration: [1h, 2h]');
    expect(await problems(sweep.file)).toEqual([
      `${sweep.file}:${sweep.line}: sweep.duration: expected one duration for every sweep point (cost, task-hours, SLO minutes and dropped requests are run totals: a shorter run looks cheaper, and the Pareto front and paired differences would rank it so), found ["1h","2h"]; remove duration from sweep and set the top-level duration (or pass \`ecsim sweep --duration\`), one run of the sweep per duration`,
    ]);
    const sweepOut = join(dir, 'never-sweep-durations');
    const swept = await cli('sweep', sweep.file, '--quiet', '--jobs', '1', '--replications', '1', '--out', sweepOut);
    expect(swept.code).toBe(2);
    expect(swept.stderr).toContain('sweep.duration: expected one duration for every sweep point');
    expect(existsSync(sweepOut)).toBe(false);
  });

  it('--duration with a variant or sweep point of its own duration is refused (its runs, labelled 20m, ran --duration), and nothing is written', async () => {
    const variant = edited(dir, 'variant-duration', 'variants:\n', 'variants:\n  longer:\n    duration: 20m\n');
    const out = join(dir, 'never-compare-duration');
    const compare = await cli('compare', variant.file, '--quiet', '--jobs', '1', '--replications', '1', '--duration', '10m', '--out', out);
    expect(compare.code).toBe(2);
    const durationLine = readFileSync(variant.file, 'utf8').split('\n').indexOf('    duration: 20m') + 1;
    expect(compare.stderr).toBe(`${variant.file}:${durationLine}: variant "longer": duration: expected no duration of its own with --duration (--duration sets every run's duration, so this one would be overridden), found "20m"; drop --duration or this duration\n`);
    expect(existsSync(out)).toBe(false);
    // without --duration its own 20m is used, and differs from the other variants' 2h: refused too
    expect((await cli('validate', variant.file)).stderr).toContain('variants.tt-cpu-45.duration: expected every variant to run the same duration');

    const sweep = edited(dir, 'sweep-duration', '  services.web.autoScaling.policies.cpu.scaleOutCooldown: [60s, 300s]', '  duration: [20m]');
    const sweepOut = join(dir, 'never-sweep-duration');
    const swept = await cli('sweep', sweep.file, '--quiet', '--jobs', '1', '--replications', '1', '--duration', '10m', '--out', sweepOut);
    expect(swept.code).toBe(2);
    expect(swept.stderr).toContain("duration: expected no duration of its own with --duration");
    expect(existsSync(sweepOut)).toBe(false);
  });

  it("a variant's own expect list is validated as the top-level one is, named variants.<v>.expect[i] (validate said ok whatever it held)", async () => {
    // its type: a list of strings, as the top-level list's (each value a variant may not hold, one file each)
    const kinds: [string, string][] = [
      ['5', 'expected a list, found number 5'],
      ['{ a: 1 }', 'expected a list, found a map'],
      ['"cost.total < 3"', 'expected a list, found "cost.total < 3"'],
    ];
    for (const [i, [value, message]] of kinds.entries()) {
      const v = edited(dir, `variant-expect-type-${i}`, 'tt-cpu-45:\n', `tt-cpu-45:\n    expect: ${value}\n`);
      expect(await problems(v.file)).toEqual([`${v.file}:${lineIn(v.file, `    expect: ${value}`)}: variants.tt-cpu-45.expect: ${message}`]);
    }
    // a null under a top-level list (which it would delete in the library's tests): refused as a null top-level list is
    const nul = writeScenario(dir, 'variant-expect-null', `${TEXT.replace('tt-cpu-45:\n', 'tt-cpu-45:\n    expect: null\n').trimEnd()}\nexpect: ["cost.total < 3"]\n`);
    expect(await problems(nul)).toEqual([`${nul}:${lineIn(nul, '    expect: null')}: variants.tt-cpu-45.expect: expected a list, found null`]);
    const items = edited(dir, 'variant-expect-items', 'tt-cpu-45:\n', 'tt-cpu-45:\n    expect:\n      - true\n      - -1\n      - cost.total < 3\n');
    expect(await problems(items.file)).toEqual([
      `${items.file}:${lineIn(items.file, '      - true')}: variants.tt-cpu-45.expect[0]: expected a string, found boolean true`,
      `${items.file}:${lineIn(items.file, '      - -1')}: variants.tt-cpu-45.expect[1]: expected a string, found number -1`,
    ]);
    // its syntax and summary paths, with the top-level list's messages
    const text = edited(dir, 'variant-expect-text', 'tt-cpu-45:\n', 'tt-cpu-45:\n    expect:\n      - 5 mins\n      - zzz.bogus >= 3\n      - services.wbe.sloViolationMinutes >= 1\n      - cost.total < 3\n');
    const lines = ['      - 5 mins', '      - zzz.bogus >= 3', '      - services.wbe.sloViolationMinutes >= 1'].map((l) => lineIn(text.file, l));
    const said = [
      `expect[0]: "5 mins": column 3: expected an operator (<, <=, >, >=, ==, !=), found "mins"`,
      'expect[1]: "zzz.bogus >= 3": zzz: no such key; expected one of: seed, durationSeconds, services, capacityProviders, cost',
      'expect[2]: "services.wbe.sloViolationMinutes >= 1": services.wbe: no such key; did you mean web?',
    ];
    expect(await problems(text.file)).toEqual(said.map((m, i) => `${text.file}:${lines[i]}: variants.tt-cpu-45.${m}`));
    // the same list at the top level: the same messages, on its own paths
    const top = writeScenario(dir, 'top-expect-text', `${TEXT.trimEnd()}\nexpect:\n  - 5 mins\n  - zzz.bogus >= 3\n  - services.wbe.sloViolationMinutes >= 1\n  - cost.total < 3\n`);
    expect((await problems(top)).map((l) => l.replace(/^[^:]*:\d+: /, ''))).toEqual(said);
    // compare refuses it before any run, with the same lines; run warns and runs the base
    const out = join(dir, 'never-compare-expect');
    const compare = await cli('compare', text.file, '--quiet', '--jobs', '1', '--out', out);
    expect(compare.code).toBe(2);
    expect(compare.stderr.trimEnd().split('\n')).toEqual(await problems(text.file));
    expect(existsSync(out)).toBe(false);
  });

  it("a variant's expect list is checked against the variant's own scenario: a service it adds may be named, one it does not add may not", async () => {
    const api = 'services:\n      api: { taskDefinition: web, desiredCount: 1, launchType: FARGATE }\n';
    const adds = edited(dir, 'variant-expect-own', 'tt-cpu-60: {}\n', `tt-cpu-60:\n    ${api}    expect: ["services.api.desiredCount.max >= 1"]\n  tt-cpu-60-b:\n    expect: ["services.api.desiredCount.max >= 1"]\n`);
    expect(await problems(adds.file)).toEqual([
      `${adds.file}:${lineIn(adds.file, '    expect: ["services.api.desiredCount.max >= 1"]') + 2}: variants.tt-cpu-60-b.expect[0]: "services.api.desiredCount.max >= 1": services.api: no such key; expected one of: web`,
    ]);
    const ok = edited(dir, 'variant-expect-own-ok', 'tt-cpu-60: {}\n', `tt-cpu-60:\n    ${api}    expect: ["services.api.desiredCount.max >= 1", "services.web.desiredCount.max >= 1"]\n`);
    const r = await cli('validate', ok.file);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
