// Named, independent, seeded random streams. Each purpose (and entity) draws from its
// own stream, seeded from the run seed and the stream's name, so that a change in one
// subsystem never shifts the draws of another (common random numbers across variants).

import seedrandom from 'seedrandom';

export interface RandomStream {
  /** Uniform in [0, 1). */
  next(): number;
}

export class RandomStreams {
  private streams = new Map<string, RandomStream>();

  constructor(readonly seed: number) {}

  /** The stream for `name`, created on first use; the same name always gives the same sequence. */
  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (!s) {
      const prng = seedrandom.alea(`${this.seed}\u0000${name}`);
      s = { next: () => prng() };
      this.streams.set(name, s);
    }
    return s;
  }

  /**
   * The sequence stream(name) would give, in a stream that is not kept: for a short-lived
   * entity (one task, one instance) that asks for its stream once. Kept, one stream per
   * entity would grow with simulated time. Asked twice, the same name starts over.
   */
  fresh(name: string): RandomStream {
    const prng = seedrandom.alea(`${this.seed}\u0000${name}`);
    return { next: () => prng() };
  }
}
