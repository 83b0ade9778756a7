// `--report` on compare and sweep writes the comparison page beside the tables.

import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';

describe('--report on compare and sweep', () => {
  const dir = tempDir();

  it('compare --report writes report.html with the comparison charts', async () => {
    const out = join(dir, 'cmp');
    const r = await cli('compare', 'scenarios/compare-quickstart.yaml', '--replications', '2', '--duration', '10m', '--jobs', '1', '--out', out, '--report', '--quiet');
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/<svg/);
    expect(existsSync(join(out, 'comparison.csv'))).toBe(true);
  });

  it('report --out /dev/null (a device): the HTML is written through it, and no report.md beside it (it tried /dev/null.md)', async () => {
    const res = join(dir, 'run');
    expect((await cli('run', 'scenarios/quickstart.yaml', '--duration', '10m', '--out', res, '--quiet')).code).toBe(0);
    const r = await cli('report', res, '--out', '/dev/null');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('wrote /dev/null\n');
    expect(existsSync('/dev/null.md')).toBe(false);
  });

  it('sweep --report writes report.html and names it on the results line (it was written but not named)', async () => {
    const out = join(dir, 'sweep');
    const r = await cli('sweep', 'scenarios/compare-quickstart.yaml', '--replications', '1', '--duration', '10m', '--jobs', '1', '--no-runs', '--out', out, '--report');
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/<svg|<table/);
    expect(r.stdout).toContain(`results: ${join(out, 'sweep.csv')}, ${join(out, 'comparison.md')}, ${join(out, 'providers.csv')}, ${join(out, 'report.html')}\n`);
  });

  it('sweep --report with a shard is refused (exit 2): the page needs the merged sweep', async () => {
    const r = await cli('sweep', 'scenarios/compare-quickstart.yaml', '--shard', '1/2', '--report', '--out', join(dir, 'sw'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--report needs the whole sweep/);
  });

  it("report on a sweep folder whose runs/ are another sweep's (shards of a new sweep with --no-runs): they are left out, said on stderr (--quiet too) and on the page", async () => {
    const out = join(dir, 'stale-runs');
    const sweep = (...args: string[]) => cli('sweep', 'scenarios/compare-quickstart.yaml', '--replications', '1', '--jobs', '1', '--out', out, '--quiet', ...args);
    // sweep A with runs of its 8 points; then sweep B (another --duration) in 2 shards without runs, merged
    expect((await sweep('--duration', '10m')).code).toBe(0);
    for (const shard of ['1/2', '2/2']) expect((await sweep('--duration', '20m', '--shard', shard, '--no-runs')).code).toBe(0);
    expect((await cli('merge', out, '--quiet')).code).toBe(0);
    const r = await cli('report', out, '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `warning: ${out}: The runs/ folders of 8 of 8 points (targetValue=40,scaleOutCooldown=60s; targetValue=40,scaleOutCooldown=300s; targetValue=50,scaleOutCooldown=60s; targetValue=50,scaleOutCooldown=300s; targetValue=60,scaleOutCooldown=60s; ... (8 in all)) are of another sweep (their sweep-plan.txt does not name the plan of sweep.csv's): left out. ` +
        "Shards run without runs (--no-runs, or of a sweep over 24 points) leave an earlier sweep's runs/ in place; run the sweep again with runs (--runs over 24 points) to draw this one's.\n",
    );
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('No runs/&lt;point label&gt;/ results folders of this sweep here: no time series to overlay.');
    expect(html).not.toContain('Time series by point');
  });
});
