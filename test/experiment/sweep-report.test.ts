// An earlier sweep's comparison page (report.html) in a sweep's folder is drawn from the
// earlier sweep.csv and runs/: a sweep or a merge written there without --report removes
// it with its write (sweep-report.ts), so no stale page is left beside the new table; a
// report.html of the user's own is left alone; --report writes a new one.

import { describe, it, expect } from 'vitest';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExperimentFile, staleSweepReport, stageRemovals, sweepToFolder } from '../../src/experiment/index.js';
import { writeReports } from '../../src/output/report/index.js';
import { isSweepPage } from '../../src/output/report/sections/page.js';
import { tempDir, writeScenario } from './helpers/scenario.js';
import { experimentCli } from './helpers/cli.js';

const SWEEP = { sweep: { 'services.web.autoScaling.policies.cpu.targetValue': [40, 70] }, replications: 2 };
const USERS = '<!DOCTYPE html>\n<html><head><title>my notes on the sweep</title></head><body>mine</body></html>\n';

describe("an earlier sweep's report.html", () => {
  const dir = tempDir();

  it('is removed by a sweep written without --report; --report writes a new one, of the new sweep', async () => {
    const file = writeScenario(dir, SWEEP, 'stale.yaml');
    const out = join(dir, 'stale');
    expect(await experimentCli(['sweep', file, '--duration', '2m', '--out', out, '--report', '--quiet'])).toBe(0);
    const first = readFileSync(join(out, 'report.html'), 'utf8');
    expect(isSweepPage(first)).toBe(true);

    expect(await experimentCli(['sweep', file, '--duration', '2m', '--replications', '3', '--out', out, '--quiet'])).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
    expect(readFileSync(join(out, 'comparison.md'), 'utf8')).toContain('2 points x 3 replications');
    // nothing left beside it: the page moved aside is removed, not left under a temporary name
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);

    // again with --report: the page of the new sweep
    expect(await experimentCli(['sweep', file, '--duration', '2m', '--replications', '3', '--out', out, '--report', '--quiet'])).toBe(0);
    const again = readFileSync(join(out, 'report.html'), 'utf8');
    expect(isSweepPage(again)).toBe(true);
    expect(again).not.toBe(first); // 3 replications' means and intervals, not 2's
  });

  it('is removed by a merge', async () => {
    const file = writeScenario(dir, SWEEP, 'merged.yaml');
    const out = join(dir, 'merged');
    const exp = readExperimentFile(file, { durationMs: 120_000 });
    for (const index of [1, 2]) await sweepToFolder(exp, { outDir: out, jobs: 1, shard: { index, count: 2 }, runs: false });
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(0);
    writeReports(out);
    expect(isSweepPage(readFileSync(join(out, 'report.html'), 'utf8'))).toBe(true);
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
    expect(existsSync(join(out, 'comparison.md'))).toBe(true);
  });

  it("a report.html of the user's own (another page, a link, a folder) is left alone by the sweep and by merge", async () => {
    const file = writeScenario(dir, SWEEP, 'users.yaml');
    const exp = readExperimentFile(file, { durationMs: 120_000 });
    const out = join(dir, 'users');
    mkdirSync(out);
    writeFileSync(join(out, 'report.html'), USERS);
    await sweepToFolder(exp, { outDir: out, jobs: 1, runs: false });
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(USERS);
    for (const index of [1, 2]) await sweepToFolder(exp, { outDir: out, jobs: 1, shard: { index, count: 2 }, runs: false });
    expect(await experimentCli(['merge', out, '--quiet'])).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toBe(USERS);

    // a link to an ecsim page elsewhere: the user's doing, not removed (nor what it leads to)
    const linked = join(dir, 'linked');
    mkdirSync(linked);
    writeReports(out, { htmlPath: join(dir, 'page.html') });
    symlinkSync(join(dir, 'page.html'), join(linked, 'report.html'));
    expect(staleSweepReport(linked)).toEqual([]);
    await sweepToFolder(exp, { outDir: linked, jobs: 1, runs: false });
    expect(lstatSync(join(linked, 'report.html')).isSymbolicLink()).toBe(true);
    expect(isSweepPage(readFileSync(join(dir, 'page.html'), 'utf8'))).toBe(true);

    const folder = join(dir, 'folder');
    mkdirSync(join(folder, 'report.html'), { recursive: true });
    expect(staleSweepReport(folder)).toEqual([]);
  });

  it('is known by the start of the page ecsim writes for a sweep folder, not by its name alone', () => {
    const page = (title: string) =>
      `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n<style>`;
    expect(isSweepPage(page('Sweep: web — ecsim report'))).toBe(true);
    expect(isSweepPage(page('Sweep: a &amp; b — ecsim report'))).toBe(true);
    expect(isSweepPage(page('Comparison: web — ecsim report'))).toBe(false); // a compare's page: no sweep's folder holds one of its own
    expect(isSweepPage(page('web — ecsim report'))).toBe(false); // a run's report
    expect(isSweepPage(page('Sweep: web'))).toBe(false);
    expect(isSweepPage(`\n${page('Sweep: web — ecsim report')}`)).toBe(false);
    expect(isSweepPage(USERS)).toBe(false);
  });
});

describe('stageRemovals: files removed with a write, or put back', () => {
  it('moves the files aside; commit removes them, abort puts them back; missing ones are skipped', () => {
    const dir = tempDir();
    const [a, b] = [join(dir, 'a.html'), join(dir, 'b.html')];
    writeFileSync(a, 'A');
    writeFileSync(b, 'B');
    const aborted = stageRemovals([a, join(dir, 'missing.html'), b]);
    expect(existsSync(a) || existsSync(b)).toBe(false); // aside while the write goes on
    aborted.abort();
    expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]).toEqual(['A', 'B']);
    expect(readdirSync(dir).sort()).toEqual(['a.html', 'b.html']);
    const committed = stageRemovals([a, b]);
    committed.commit();
    expect(readdirSync(dir)).toEqual([]);
  });
});
