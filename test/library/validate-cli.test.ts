// Every library scenario passes `ecsim validate` (the command a learner runs first): the
// library tests derive variants themselves, so a rule the CLI adds (a key refused in a
// variant, say) could otherwise fail every library file unnoticed.

import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = join(import.meta.dirname, '..', '..');
const files = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml'));

describe('ecsim validate on the library', () => {
  it('accepts every scenario file (exit 0)', () => {
    expect(files.length).toBeGreaterThan(10);
    const failed: string[] = [];
    for (const f of files) {
      try {
        execFileSync(process.execPath, [join(root, 'dist', 'ecsim', 'bin.js'), 'validate', join(root, 'scenarios', f)], { stdio: 'pipe' });
      } catch (e) {
        failed.push(`${f}: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
      }
    }
    expect(failed).toEqual([]);
  }, 120_000);
});
