// Exit codes (outputs.md): 0 success, 1 internal error, 2 bad input, 3 expectation failed.

import { ScenarioError } from '../scenario/index.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The run finished, but a scenario `expect:` assertion failed (exit 3). */
export class ExpectationFailed extends Error {
  override name = 'ExpectationFailed';
}

export const EXIT = { ok: 0, internal: 1, badInput: 2, expectationFailed: 3 } as const;

/** Prints an error the way a person wants to read it and returns the exit code. */
export function reportError(e: unknown): number {
  if (e instanceof ScenarioError) {
    process.stderr.write(`${e.message}\n`);
    return EXIT.badInput;
  }
  if (e instanceof ExpectationFailed) {
    process.stderr.write(`${e.message}\n`);
    return EXIT.expectationFailed;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`ecsim: ${e.message}\n`);
    return EXIT.badInput;
  }
  const err = e as Error;
  process.stderr.write(`ecsim: internal error (a bug; please report it with the scenario): ${err?.stack ?? String(e)}\n`);
  return EXIT.internal;
}
