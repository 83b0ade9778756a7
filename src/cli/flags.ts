// Checks of command-line flag values that yargs cannot express: whole numbers, durations,
// times, flags given twice. Each problem is a UsageError naming the flag.

import { availableParallelism } from 'node:os';
import { isNegativeDuration, MAX_DURATION_MS, parseDuration } from '../scenario/index.js';
import { parseTimeArg } from '../output/explain/index.js';
import { UsageError } from './errors.js';

export function parseDurationFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (isNegativeDuration(text)) throw new UsageError(`--duration: expected a duration greater than zero, found ${text} (negative)`);
  // its own bound and message below (Infinity: a number of 400 digits is refused there too)
  const ms = parseDuration(/^\d+(\.\d+)?$/.test(text) ? Number(text) : text, Infinity);
  if (typeof ms === 'string') throw new UsageError(`--duration: ${ms}`);
  if (ms <= 0) throw new UsageError(`--duration: expected a duration greater than zero, found ${text}`);
  if (ms > MAX_DURATION_MS) throw new UsageError(`--duration: expected at most 3660d (ten years), found ${text}`);
  return ms;
}

export function parseSeedFlag(seed: number | undefined): number | undefined {
  if (seed === undefined) return undefined;
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed: expected a whole number >= 0, found ${seed}`);
  // beyond 2^53 - 1 consecutive seeds are no longer distinct numbers (replication k runs with seed + k)
  if (seed > Number.MAX_SAFE_INTEGER) throw new UsageError(`--seed: expected at most ${Number.MAX_SAFE_INTEGER}, found ${seed}`);
  return seed;
}

export function parseJobsFlag(jobs: number | undefined): number {
  if (jobs === undefined) return availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs: expected a whole number >= 1, found ${jobs}`);
  return jobs;
}

export function parseReplicationsFlag(n: number | undefined): number | undefined {
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new UsageError(`--replications: expected a whole number from 1 to 10000, found ${n}`);
  return n;
}

/** yargs turns a flag given twice into a list; say so instead of failing later. */
export function singleFlag<T>(name: string, value: T | T[] | undefined): T | undefined {
  if (Array.isArray(value)) throw new UsageError(`--${name}: given ${value.length} times, expected once`);
  return value;
}

/** A --from/--to value in ms since the start, or undefined when not given. */
export function timeFlag(flag: string, text: string | undefined, startEpochMs: number): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseTimeArg(String(text), startEpochMs);
  if (typeof ms === 'string') throw new UsageError(`${flag}: ${ms}`);
  return ms;
}
