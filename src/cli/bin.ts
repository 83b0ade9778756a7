#!/usr/bin/env node
// The `ecsim` executable (package.json "bin"): runs the CLI and sets the exit code.

import { hideBin } from 'yargs/helpers';
import { EXIT } from './errors.js';
import { readerWentAway } from '../output/closed-reader.js';
import { main } from './main.js';
import { undoOnInterrupt, watchInterruptible } from '../output/interrupt.js';

// A reader that stops early (`ecsim trace s.yaml | head`, or `2>&1 | head`) closes the
// pipe (closed-reader.ts; a file written through to a pipe, report --out /dev/stdout, stops
// the same way in staging.ts): print nothing more, as Unix tools do, instead of an internal error about EPIPE;
// the exit code stays the command's own (3 when an `expect:` failed, for
// `ecsim run s.yaml | grep -q ...` under pipefail). Results folders are written before
// anything is printed. Any other failure to print (`> /dev/full`, a full disk) is said on
// stderr and exits 2, like results that cannot be written.
let printFailed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    stream.write = ((...args: unknown[]) => {
      const done = args.findLast((a) => typeof a === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof stream.write;
    if (readerWentAway(e) || printFailed) return;
    printFailed = true;
    if (stream === process.stdout) process.stderr.write(`ecsim: cannot write to standard output: ${e.message}\n`);
    if (!process.exitCode) process.exitCode = EXIT.badInput;
  });
}

// Ctrl-C or `kill` while results are being written into a temporary folder (interrupt.ts):
// the worker threads are stopped and the folder removed (with a sweep's or compare's --out
// made for it, still empty), then the process dies of the signal, as the shell expects
// (exit status 130 for SIGINT, 143 for SIGTERM). At any other time the signal is not
// handled here: the process stops at once.
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let stopping = false;
const onSignal = (signal: NodeJS.Signals): void => {
  if (stopping) return; // a second Ctrl-C while removing: the removal is short
  stopping = true;
  void undoOnInterrupt().finally(() => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
    process.exit(signal === 'SIGINT' ? 130 : 143); // (if the signal did not end it)
  });
};
watchInterruptible((armed) => {
  for (const s of SIGNALS) {
    if (armed) process.on(s, onSignal);
    else process.removeListener(s, onSignal);
  }
});

main(hideBin(process.argv)).then((code) => {
  process.exitCode = code === EXIT.ok && printFailed ? EXIT.badInput : code;
});
