// Slicing a sweep across machines: shard i of n (1-based) runs the points whose index
// satisfies index % n == i - 1. The shard may come from the environment of a Kubernetes
// Indexed Job (JOB_COMPLETION_INDEX) or an AWS Batch array job (AWS_BATCH_JOB_ARRAY_INDEX),
// both 0-based, with the shard count given separately.

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses "i/n" (1 <= i <= n); throws an Error saying what was expected. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new Error(`expected a shard "i/n" like "2/8", found "${text}"`);
  return checkedShard(Number(m[1]), Number(m[2]));
}

/** Environment variables that carry a 0-based array index, in the order they are read. */
export const SHARD_INDEX_VARIABLES = ['JOB_COMPLETION_INDEX', 'AWS_BATCH_JOB_ARRAY_INDEX'] as const;

/** The shard of this process from a 0-based array index in `env`, or undefined when none is set. */
export function shardFromEnvironment(env: Record<string, string | undefined>, count: number): Shard | undefined {
  // both set (a Kubernetes pod inside AWS Batch, a variable left exported): which one is meant is not ours to guess
  const set = SHARD_INDEX_VARIABLES.filter((name) => env[name] !== undefined && env[name] !== '');
  const [a, b] = set.map((name) => env[name]!.trim());
  if (set.length === 2 && a !== b && !(/^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) === Number(b))) {
    throw new Error(
      `--shards: expected one shard index, found ${set[0]}=${a} and ${set[1]}=${b}, which differ; unset the one not meant for ecsim, or use --shard i/n`,
    );
  }
  for (const name of SHARD_INDEX_VARIABLES) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!/^\d+$/.test(value.trim())) throw new Error(`${name}: expected a whole number >= 0, found "${value}"`);
    const index = Number(value);
    // 0-based, as the variable is: "found 8" for JOB_COMPLETION_INDEX=8, not the shard number 9
    if (index >= count) throw new Error(`${name}: expected a 0-based index from 0 to ${count - 1} (--shards ${count}), found ${value.trim()}`);
    return checkedShard(index + 1, count);
  }
  return undefined;
}

export function inShard(point: number, shard: Shard | undefined): boolean {
  return shard === undefined || point % shard.count === shard.index - 1;
}

export function shardFileName(shard: Shard): string {
  return `sweep.shard-${shard.index}-of-${shard.count}.csv`;
}

/** Reads "sweep.shard-i-of-n.csv" back; undefined for other names. */
export function shardOfFileName(name: string): Shard | undefined {
  const m = /^sweep\.shard-(\d+)-of-(\d+)\.csv$/.exec(name);
  return m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
}

function checkedShard(index: number, count: number): Shard {
  if (!Number.isInteger(count) || count < 1) throw new Error(`expected a shard count >= 1, found ${count}`);
  if (!Number.isInteger(index) || index < 1 || index > count) throw new Error(`expected a shard index from 1 to ${count}, found ${index}`);
  return { index, count };
}
