// What the help promises is what the commands do: `run --quiet` prints nothing but the
// scenario's warnings and errors (the help said "nothing but errors" while warnings were
// printed); a sweep shard writes runs/ too (the help said "sweep.shard-i-of-n.csv only").

import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';

describe('help text', () => {
  it('run --quiet keeps the warnings about the input on stderr, prints nothing on stdout, and says so in its help', async () => {
    const dir = tempDir();
    const s = quickstart();
    s.cluster.availabilityZones = ['us-east-1a', 'eu-west-1a'];
    const file = writeScenario(dir, 'zone', s);
    const r = await cli('run', file, '--duration', '10m', '--quiet', '--out', join(dir, 'out'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`warning: ${file}: cluster.availabilityZones[1]: "eu-west-1a" is not an Availability Zone name of us-east-1 (like us-east-1a); it is used as a label only\n`);
    // yargs prints its help through console.log, which vitest takes: ask the built executable
    const help = spawnSync(process.execPath, [resolve('dist/ecsim/bin.js'), 'run', '--help'], { encoding: 'utf8' });
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('--quiet print nothing but warnings and notes about the scenario and errors (all on stderr)');
  });

  it('compare and sweep --quiet keep their notes on stderr (what of the file they do not run), and their help says so', async () => {
    const dir = tempDir();
    const file = resolve('scenarios/compare-quickstart.yaml');
    const flags = ['--duration', '10m', '--replications', '1', '--jobs', '1', '--quiet'];
    const compared = await cli('compare', file, ...flags, '--out', join(dir, 'compare'));
    expect(compared.code).toBe(0);
    expect(compared.stdout).toBe('');
    expect(compared.stderr).toContain(`note: ${file}: this file's sweep runs with \`ecsim sweep\`, not compare\n`);
    const swept = await cli('sweep', file, ...flags, '--out', join(dir, 'sweep'));
    expect(swept.code).toBe(0);
    expect(swept.stdout).toBe('');
    expect(swept.stderr).toContain(`note: ${file}: this file's variants run with \`ecsim compare\`, not sweep\n`);
    for (const command of ['compare', 'sweep']) {
      const help = spawnSync(process.execPath, [resolve('dist/ecsim/bin.js'), command, '--help'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      const other = command === 'compare' ? 'its sweep' : 'its variants';
      expect(help).toContain(`, notes (what ${command} leaves of the file unrun or unchecked: ${other}, expect: lists) and errors (all on stderr)`);
    }
  });

  it('the sweep summary in ecsim --help names runs/ beside a shard\'s file', () => {
    const help = spawnSync(process.execPath, [resolve('dist/ecsim/bin.js'), '--help'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('(a shard: sweep.shard-i-of-n.csv instead), and runs/<point label>/ (see --runs)');
    expect(help).not.toMatch(/shard-i-of-n\.csv only/);
  });
});
