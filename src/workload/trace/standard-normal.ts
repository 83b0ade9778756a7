// One standard normal draw from a RandomStream (through the engine's sampler).

import { sample, type Distribution, type RandomStream } from '../../engine/index.js';

const STANDARD_NORMAL: Distribution = { distribution: 'normal', mean: 0, sd: 1 };

export function standardNormal(rng: RandomStream): number {
  return sample(STANDARD_NORMAL, rng);
}
