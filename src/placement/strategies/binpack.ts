// binpack: "tasks are placed on container instances so as to leave the least amount of
// unused CPU or memory" — the candidate with the LEAST remaining of the field (every
// candidate already fits). (AmazonECS/latest/developerguide/task-placement-strategies.html)

import type { PlacementStrategy } from '../types.js';
import { swap, type CompiledStrategy } from './strategy.js';

export function binpack(field: 'cpu' | 'memory'): CompiledStrategy {
  const strategy: PlacementStrategy = { type: 'binpack', field };
  const useCpu = field === 'cpu';
  return {
    strategy,
    narrow(c, n) {
      let best = Infinity;
      let k = 0;
      for (let i = 0; i < n; i++) {
        const v = useCpu ? c[i].cpuRemaining : c[i].memoryRemaining;
        if (v < best) {
          best = v;
          k = 0;
        }
        if (v === best) swap(c, i, k++);
      }
      return k;
    },
  };
}
