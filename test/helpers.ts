// Shared test helpers: temp folders, scenario files derived from the quick start, an
// in-process CLI with captured output.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { main } from '../src/cli/main.js';

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
