// timeseries.csv's request_rate with fidelity: request: the arrivals counted in the period
// over its 60 s, 0 in a period with none (docs/outputs.md: "offered requests ... averaged
// over the period"). A Poisson stream of 0.01/s has no arrival in a 60 s period with
// probability e^-0.6 = 0.549, so most rows read 0; reading the trace's 0.01 there instead
// biased the column's mean to about 0.549 x 0.01 + 0.01 = 0.0155.

import { describe, it, expect } from 'vitest';
import { oneGroupScenario, runKeepingRows } from '../helpers.js';

function scenario(requestRate: unknown, fidelity: 'request' | 'fluid') {
  return oneGroupScenario({
    name: 'request-rate-column',
    duration: '6h',
    instances: 1,
    service: {
      desiredCount: 1,
      fidelity,
      workload: { type: 'http', requestRate, perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: '20ms' } } },
    },
  });
}

describe('timeseries request_rate', () => {
  // 0.01/s until 5h50m, then 0: every arrival is served (or dropped) well before the end
  const rate = { step: { from: 0.01, to: 0, at: '5h50m' } };

  it('request fidelity: each row is the period count / 60 s, and the mean is the arrivals / the duration', () => {
    const r = runKeepingRows(scenario(rate, 'request'), { seed: 1 });
    expect(r.timeseries.length).toBe(360);
    let zeros = 0;
    let rateSum = 0;
    let handled = 0;
    for (const row of r.timeseries) {
      const count = row.requestRate * 60;
      expect(Math.abs(count - Math.round(count))).toBeLessThan(1e-9);
      // each period's arrivals are served or dropped in it (20 ms service, 4 slots, 0.01/s)
      expect(Math.round(count)).toBe(row.requestsServed + row.requestsDropped);
      if (row.requestRate === 0) zeros++;
      rateSum += row.requestRate;
      handled += row.requestsServed + row.requestsDropped;
    }
    // some periods had no arrival: they read 0, not the trace's 0.01
    expect(zeros).toBeGreaterThan(100);
    expect(handled).toBeGreaterThan(100);
    // mean over the 360 periods = arrivals / 21600 s
    expect(rateSum / 360).toBeCloseTo(handled / 21600, 12);
  });

  it('fluid: the trace mean rate, 0.01 then 0', () => {
    const r = runKeepingRows(scenario(rate, 'fluid'), { seed: 1 });
    for (const row of r.timeseries) expect(row.requestRate).toBeCloseTo(row.time < 350 * 60_000 ? 0.01 : 0, 12);
  });
});
