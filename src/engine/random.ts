// Named, independent, seeded random streams. Each purpose (and entity) draws from its
// own stream, seeded from the run seed and the stream's name, so that a change in one
// subsystem never shifts the draws of another (common random numbers across variants).

import { hash } from 'node:crypto';
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

/**
 * The generator of the stream `name` in run `seed`: seedrandom's Alea, seeded with the first
 * 11 base64 characters (66 bits) of the SHA-256 of the run seed and the name, NUL-joined, not
 * with that string itself. Alea's seeding (Mash) barely mixes a string's last characters, so
 * names that differ only in a trailing ordinal (`task-startup/web/imagePull/11`, `.../12`,
 * `.../13`; services `api-001`, `api-002`) gave first draws in near arithmetic progression
 * (about 20 % of consecutive triples within 0.01 of it, against 1 % for independent
 * uniforms). The hash spreads any change in the name over the whole seed; 11 characters
 * keep Alea's seeding short (the whole 44-character digest costs twice as much per stream).
 * The one-shot crypto.hash gives createHash's digest (the string as UTF-8) in about a third
 * of its time: a fresh stream per task and quantity makes this a few per task started.
 */
function generator(seed: number, name: string): () => number {
  const digest = hash('sha256', `${seed}${SEP}${name}`, 'base64');
  return seedrandom.alea(digest.slice(0, 11));
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
      const prng = generator(this.seed, name);
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
    const prng = generator(this.seed, streamKey(purpose, keys));
    return { next: () => prng() };
  }
}
