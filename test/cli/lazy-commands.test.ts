// `ecsim --help` and a usage error must not load the simulator: main.ts and the command
// definitions import only yargs, node: modules and a few small files; each command's work
// (src/cli/actions/) is imported when that command runs. A static import of, say,
// ../../scenario/index.js here brings zod, yaml and the whole model back into start-up.

import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LIGHT = new Set(['yargs', 'yargs/helpers', '../output/version.js', './errors.js', './flag-shape.js', '../scenario/errors.js', '../scenario/did-you-mean.js', '../output/results-folder.js', '../output/closed-reader.js', '../output/interrupt.js', '../output/left-aside.js', './shell-word.js', '../examples.js', './examples.js', '../../experiment/sweep-runs-limit.js', '../../experiment/sweep-check-limit.js']);

/** Modules a file imports for their values (type-only imports are erased). */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)';/gms)].map((m) => m[1]);
}

describe('CLI start-up', () => {
  const files = ['src/cli/main.ts', 'src/cli/bin.ts', 'src/cli/errors.ts', 'src/cli/flag-shape.ts', 'src/output/version.ts', 'src/output/results-folder.ts', 'src/output/closed-reader.ts', 'src/output/interrupt.ts', 'src/output/left-aside.ts', 'src/output/shell-word.ts', 'src/cli/examples.ts', 'src/experiment/sweep-runs-limit.ts', 'src/experiment/sweep-check-limit.ts', ...readdirSync('src/cli/commands').map((f) => join('src/cli/commands', f))];

  it.each(files)('%s imports nothing heavy', (file) => {
    const heavy = valueImports(file).filter((m) => !m.startsWith('node:') && !LIGHT.has(m) && !/^\.\/(commands\/[a-z-]+|main)\.js$/.test(m));
    expect(heavy).toEqual([]);
  });

  it('the check sees a static import', () => {
    expect(valueImports('src/cli/actions/run.ts')).toContain('../../scenario/index.js');
  });
});
