// The installed executable: `npm test` builds dist/ first; npx runs the bin through a
// symlink in node_modules/.bin, so run it through one too.

import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers.js';

const BIN = resolve('dist/src/cli/bin.js');

describe.skipIf(!existsSync(BIN))('the ecsim executable', () => {
  it('runs through a symlink, prints the version and exits 0', () => {
    const link = join(tempDir(), 'ecsim');
    symlinkSync(BIN, link);
    const out = execFileSync(process.execPath, [link, '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 with one line and no stack trace on a bad scenario', () => {
    const r = spawnSync(process.execPath, [BIN, 'validate', 'no/such/file.yaml'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['no/such/file.yaml: no such file']);
  });
});
