// A lognormal with p95 == median has sigma = (ln p95 - ln median) / z95 = 0: every draw is
// the median. Its tail (ln x - mu) / sigma was 0/0 at the median (NaN in the fluid latency);
// it is now the point mass it is, the same as `fixed`.

import { describe, it, expect } from 'vitest';
import { serviceShape, serviceTail, serviceTailDensity } from '../../../src/workload/service/service-shape.js';
import { build, runPeriod } from './harness.js';

describe('a lognormal with p95 == median is a point mass at the median', () => {
  it('its tail is 1 below 50 ms and 0 from 50 ms on, with a finite density (no 0/0)', () => {
    const shape = serviceShape({ distribution: 'lognormal', median: 50, p95: 50 }, 1);
    const out = { density: NaN };
    expect(serviceTail(shape, 49.9)).toBe(1);
    expect(serviceTail(shape, 50)).toBe(0);
    expect(serviceTail(shape, 80)).toBe(0);
    for (const t of [10, 50, 80]) {
      serviceTailDensity(shape, t, out);
      expect(Number.isFinite(out.density)).toBe(true);
    }
  });

  it('the fluid model gives the figures of a fixed 50 ms service time', () => {
    const figures = (serviceTime: any) => {
      const { sim, model } = build({ type: 'http', perTask: { concurrency: 4, serviceTime }, maxQueuePerTask: 1000, routing: 'random' }, 60);
      model.setInRotation('a', true, 0);
      const s = runPeriod(sim, model, 0, 60_000);
      return [s.latencyP50Ms!, s.latencyP95Ms!, s.latencyP99Ms!, s.perTask.get('a')!.cpuPercent];
    };
    const ln = figures({ distribution: 'lognormal', median: 50, p95: 50 });
    for (const v of ln) expect(Number.isFinite(v)).toBe(true);
    // (exp(ln 50) is 50 within a rounding)
    const fixed = figures({ distribution: 'fixed', value: 50 });
    ln.forEach((v, i) => expect(v).toBeCloseTo(fixed[i]!, 9));
    // 60 requests/s x 50 ms = 3 busy slots of 4: 75 %
    expect(ln[3]).toBeCloseTo(75, 9);
  });
});
