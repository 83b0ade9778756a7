// Checks that the library's `expect:` lists hold on other seeds, not only the file's own:
// every file (or the files named) and every variant on seeds seed..seed+N-1 (N = 15 by
// default), printing each failure with the value found. Not part of `npm test` (about 20 s
// of runs); test/library/library.test.ts keeps a few of these seeds.
//
//   npx tsx test/library/seeds.ts                      # the whole library, 15 seeds
//   npx tsx test/library/seeds.ts capacity-target.yaml --seeds 30

import { deriveVariant, failures, libraryFiles, readRaw, runScenario } from './library.js';

const args = process.argv.slice(2);
const at = args.indexOf('--seeds');
const count = at >= 0 ? Number(args.splice(at, 2)[1]) : 15;
const files = args.length > 0 ? args.map((f) => f.replace(/^scenarios\//, '')) : libraryFiles();
let failed = 0;
for (const file of files) {
  const raw = readRaw(file);
  const base: number = raw.seed ?? 1;
  for (const variant of ['', ...Object.keys(raw.variants ?? {})]) {
    const bad: string[] = [];
    for (let seed = base; seed < base + count; seed++) {
      const lines = failures(runScenario(`${file}@${seed}`, { ...deriveVariant(raw, variant), seed }, false));
      bad.push(...lines.map((l) => `  seed ${seed}: ${l}`));
    }
    failed += bad.length;
    console.log(`${bad.length === 0 ? 'ok  ' : 'FAIL'} ${file} ${variant || '(base)'} seeds ${base}..${base + count - 1}`);
    for (const l of bad) console.log(l);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
