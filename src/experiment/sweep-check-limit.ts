/**
 * `ecsim validate` checks every point of a sweep of at most this many points; above it,
 * only each value alone on the base scenario. Each point costs a whole scenario validation
 * (about a millisecond) and a product grows fast (5 paths of 10 values: 100 000 points),
 * while a value alone already shows what nearly every mistake (a typo in the path, a value
 * of the wrong type) does. Its own module so that `ecsim validate --help` can name it cheaply.
 */
export const SWEEP_CHECK_LIMIT = 64;
