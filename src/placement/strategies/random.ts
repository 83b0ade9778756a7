// random: "tasks are placed randomly" — one uniform draw from the placement's RandomStream
// picks among the remaining candidates. (AmazonECS/latest/developerguide/task-placement-strategies.html)

import type { PlacementStrategy } from '../types.js';
import { swap, type CompiledStrategy } from './strategy.js';

const strategy: PlacementStrategy = { type: 'random' };

export const random: CompiledStrategy = {
  strategy,
  narrow(c, n, ctx) {
    if (n === 0) return 0;
    const i = Math.min(n - 1, Math.floor(ctx.rng.next() * n));
    swap(c, 0, i);
    return 1;
  },
};
