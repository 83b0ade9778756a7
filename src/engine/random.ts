// Named, independent, seeded random streams. Each purpose (and entity) draws from its
// own stream, seeded from the run seed and the stream's name, so that a change in one
// subsystem never shifts the draws of another (common random numbers across variants).

import seedrandom from 'seedrandom';

export interface RandomStream {
  /** Uniform in [0, 1). */
  next(): number;
}

/**
 * Parts of a stream's name are joined with NUL, which no part may contain: then two
 * different (purpose, keys) lists always name two different streams, whatever characters
 * the keys (service, capacity provider names) hold. `task-startup` with the keys
 * [`web`, `imagePull`, `4`] is the stream `task-startup/web/imagePull/4` in the docs.
 */
const SEP = '\u0000';

function streamKey(purpose: string, keys: readonly string[]): string {
  let name = purpose;
  if (purpose.length === 0 || purpose.includes(SEP)) throw new Error(`a random stream's purpose must be non-empty and hold no NUL, found ${JSON.stringify(purpose)}`);
  for (const k of keys) {
    if (k.includes(SEP)) throw new Error(`a random stream's key must hold no NUL, found ${JSON.stringify(k)} (purpose ${purpose})`);
    name += SEP + k;
  }
  return name;
}

export class RandomStreams {
  private streams = new Map<string, RandomStream>();

  constructor(readonly seed: number) {}

  /**
   * The stream for `purpose` and `keys` (the entity: a service, a group, a quantity),
   * created on first use; the same purpose and keys always give the same sequence. One
   * stream per purpose and quantity: a stream shared by two quantities would let a change
   * in one (a distribution that takes another number of draws) shift the other's draws.
   */
  stream(purpose: string, ...keys: string[]): RandomStream {
    const name = streamKey(purpose, keys);
    let s = this.streams.get(name);
    if (!s) {
      const prng = seedrandom.alea(`${this.seed}${SEP}${name}`);
      s = { next: () => prng() };
      this.streams.set(name, s);
    }
    return s;
  }

  /**
   * The sequence stream(purpose, ...keys) would give, in a stream that is not kept: for a
   * short-lived entity (one task, one instance) that asks for its stream once. Kept, one
   * stream per entity would grow with simulated time. Asked twice, the same name starts over.
   */
  fresh(purpose: string, ...keys: string[]): RandomStream {
    const prng = seedrandom.alea(`${this.seed}${SEP}${streamKey(purpose, keys)}`);
    return { next: () => prng() };
  }
}
