/**
 * Above this many points (of the whole sweep, not the shard) runs/<point label>/ is written only
 * with `runs: true` (`--runs`). Its own module so that `ecsim sweep --help` can name it cheaply.
 */
export const SWEEP_RUNS_LIMIT = 24;
