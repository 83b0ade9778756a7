// Bundles the compiled CLI (dist/src, written by tsc) into dist/ecsim/: the `ecsim`
// executable (bin.js), the worker threads' entry (worker.js) and the chunks they share,
// one chunk per command's work, loaded when that command runs.
//
// Why: Node resolves, reads and compiles every module file one by one. `ecsim run` on the
// quick start loads about 500 files (zod alone about 100), which took longer than the
// simulation itself; the bundle's 30-odd files (a chunk per command) start in about two
// thirds of the time. See docs/performance.md (start-up).
//
// The layout is flat on purpose: src/experiment/run-jobs.ts starts workers from
// `new URL('./worker.js', import.meta.url)`, so the chunk holding it must sit beside
// worker.js.

import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/ecsim', { recursive: true, force: true }); // chunks of an older build would stay

await build({
  entryPoints: { bin: 'dist/src/cli/bin.js', worker: 'dist/src/experiment/worker.js' },
  outdir: 'dist/ecsim',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS packages in the bundle (yargs' helpers, cli-progress) call require() for
  // Node's own modules; an ES module has no require, so give each file one.
  banner: { js: "import { createRequire as __ecsimCreateRequire } from 'node:module'; const require = __ecsimCreateRequire(import.meta.url);" },
  // @datadog/sketches-js requires protobufjs (its own dev dependency, not installed) only
  // inside toProto/fromProto, which ecsim never calls.
  external: ['protobufjs/minimal'],
  sourcemap: 'linked',
  logLevel: 'warning',
});
