// Logs the placement benchmark (10 000 tasks onto 1 000 instances, spread AZ + binpack memory +
// memberOf); the lead reports the figure. Target < 1 s; this test only logs.

import { describe, expect, it } from 'vitest';
import { benchPlacement } from '../../src/placement/index.js';

describe('benchPlacement', () => {
  it('places every task and reports the time', () => {
    const r = benchPlacement();
    console.log(`placement bench: ${r.tasks} tasks onto ${r.instances} instances in ${r.ms.toFixed(0)} ms`);
    expect(r.tasks).toBe(10_000);
  });
});
