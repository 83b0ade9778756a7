// fast-check draws the property tests' cases from a fixed seed, so the suite (and CI) gives
// the same verdict on every run of the same tree. FC_SEED=random explores with a fresh seed
// each run; a failure prints its seed, and FC_SEED=<that seed> replays it.
import fc from 'fast-check';

const FIXED_SEED = 20261127;
const chosen = process.env.FC_SEED;

if (chosen !== 'random') {
  const seed = chosen === undefined || chosen === '' ? FIXED_SEED : Number(chosen);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED: expected an integer or "random", found "${chosen}"`);
  fc.configureGlobal({ seed });
}
