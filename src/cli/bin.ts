#!/usr/bin/env node
// The `ecsim` executable (package.json "bin"): runs the CLI and sets the exit code.

import { hideBin } from 'yargs/helpers';
import { main } from './main.js';

// A reader that stops early (`ecsim trace s.yaml | head`) closes the pipe: print nothing
// more, as Unix tools do, instead of an internal error about EPIPE; the exit code stays
// the command's own (3 when an `expect:` failed, for `ecsim run s.yaml | grep -q ...`
// under pipefail). Results folders are written before anything is printed.
let stdoutFailed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  process.stdout.write = (() => true) as typeof process.stdout.write;
  if (e.code === 'EPIPE' || stdoutFailed) return;
  stdoutFailed = true;
  process.stderr.write(`ecsim: cannot write to standard output: ${e.message}\n`);
});

main(hideBin(process.argv)).then((code) => {
  process.exitCode = code === 0 && stdoutFailed ? 1 : code;
});
