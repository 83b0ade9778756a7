// `ecsim init`: copies a library scenario verbatim, lists templates, refuses to overwrite
// (UsageError, exit 2) and names unknown templates with a hint. The command module is
// driven through yargs here, as src/cli/main.ts drives it.

import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yargs from 'yargs';
import { initCommand } from '../../src/cli/commands/init.js';
import { UsageError } from '../../src/cli/errors.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { tempDir } from '../helpers.js';

async function init(...args: string[]): Promise<{ stdout: string; error: unknown }> {
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  let error: unknown = null;
  try {
    await yargs(['init', ...args])
      .command(initCommand)
      .strict()
      .fail((msg, err) => {
        throw err ?? new UsageError(msg);
      })
      .parseAsync();
  } catch (e) {
    error = e;
  } finally {
    process.stdout.write = write;
  }
  return { stdout, error };
}

describe('ecsim init', () => {
  it('writes the quick start by default: a byte-for-byte copy that validates', async () => {
    const out = join(tempDir(), 'my.yaml');
    const r = await init('--out', out);
    expect(r.error).toBeNull();
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('scenarios/quickstart.yaml', 'utf8'));
    expect(r.stdout).toMatch(/wrote .*my\.yaml \(from the quickstart template\)/);
    expect(loadScenarioFile(out).scenario.name).toBe('quickstart');
  });

  it('--template picks a library scenario (with or without .yaml)', async () => {
    const dir = tempDir();
    expect((await init('--template', 'flash-crowd', '--out', join(dir, 'a.yaml'))).error).toBeNull();
    expect((await init('--template', 'fargate-spot.yaml', '--out', join(dir, 'b.yaml'))).error).toBeNull();
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(readFileSync('scenarios/flash-crowd.yaml', 'utf8'));
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe(readFileSync('scenarios/fargate-spot.yaml', 'utf8'));
  });

  it('refuses to overwrite an existing file (UsageError -> exit 2) and leaves it alone', async () => {
    const out = join(tempDir(), 'exists.yaml');
    writeFileSync(out, 'mine');
    const r = await init('--out', out);
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toMatch(/already exists; ecsim init never overwrites/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
  });

  it('an unknown template is a UsageError with a hint and the list', async () => {
    const out = join(tempDir(), 'x.yaml');
    const r = await init('--template', 'flash-crowed', '--out', out);
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toMatch(/no library scenario "flash-crowed" \(did you mean "flash-crowd"\?\); expected one of: .*quickstart/);
    expect(existsSync(out)).toBe(false);
  });

  it('--list prints every template with its description', async () => {
    const r = await init('--list');
    expect(r.error).toBeNull();
    expect(r.stdout).toMatch(/^quickstart +One web service on a fixed EC2 fleet/m);
    expect(r.stdout).toMatch(/^sqs-worker-backlog +A queue worker fleet/m);
  });
});
