// Small experiment scenarios for the tests: scenarios/quickstart.yaml with a noisy load
// (so replications differ), a short duration, and the variants or sweep a test needs.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

const QUICKSTART = new URL('../../../scenarios/quickstart.yaml', import.meta.url);

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ecsim-experiment-'));
}

/** Writes quickstart + `extra` (top-level keys) into `dir` and returns the file path. */
export function writeScenario(dir: string, extra: Record<string, unknown>, name = 'exp.yaml'): string {
  const s = parse(readFileSync(QUICKSTART, 'utf8'));
  s.duration = '10m';
  s.services.web.workload.requestRate = { step: { from: 150, to: 450, at: '4m' }, noise: { cv: 0.2, every: '60s' } };
  const file = join(dir, name);
  writeFileSync(file, stringify({ ...s, ...extra }));
  return file;
}
