// Latency distributions over a run, as the service models keep them: merging periods'
// latency recorders into one.

import { describe, it, expect } from 'vitest';
import { LatencyRecorder } from '../../../src/workload/service/index.js';

describe('LatencyRecorder.addTo (a run-long recorder)', () => {
  it('period by period gives what one recorder of every value gives (exact up to 65 536 values, then the histogram)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const perPeriod of [1000, 30_000, 100_000]) {
      const one = new LatencyRecorder();
      const run = new LatencyRecorder();
      const period = new LatencyRecorder();
      for (let k = 0; k < 6; k++) {
        for (let i = 0; i < perPeriod; i++) {
          const v = 5 + 400 * rnd() ** 4;
          one.record(v);
          period.record(v);
        }
        period.prepare();
        period.addTo(run);
        period.reset();
      }
      one.prepare();
      run.prepare();
      expect(run.count).toBe(one.count);
      for (const p of [0.01, 0.5, 0.95, 0.99, 0.999]) expect(run.quantile(p)).toBe(one.quantile(p));
      expect(run.mean! / one.mean! - 1).toBeCloseTo(0, 12);
    }
  });
});
