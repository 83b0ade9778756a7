#!/usr/bin/env node
// The `ecsim` executable (package.json "bin"): runs the CLI.

import { runAndExit } from './main.js';

// A reader that stops early (`ecsim trace s.yaml | head`) closes the pipe; stop quietly,
// as Unix tools do, instead of an internal error about EPIPE. Results folders are written
// before anything is printed, so none is left half-way.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`ecsim: cannot write to standard output: ${e.message}\n`);
  process.exit(1);
});

runAndExit();
