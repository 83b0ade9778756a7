// A request-fidelity run that cannot finish in reasonable time is warned of at load: it
// simulates every request, about 3 million a second (docs/performance.md), so 1e6 requests/s
// for 7 days (6.048e11 requests) would run for about 56 hours. Said above 1e9 expected
// arrivals over the run: the rate's integral, or peak x duration for a random shape.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { quickstart } from '../helpers.js';

const warned = (requestRate: unknown, duration: string, fidelity = 'request') => {
  const s = quickstart() as Record<string, any>;
  s.duration = duration;
  s.services.web.fidelity = fidelity;
  s.services.web.workload.requestRate = requestRate;
  return scenarioWarnings(loadScenarioObject('q', s, { baseDir: '.' }))
    .filter((w) => w.at.join('.') === 'services.web.fidelity')
    .map((w) => w.message);
};

describe('warning: a request-fidelity run of more than 1e9 requests', () => {
  it('1e6 requests/s for 7 days: 1e6 x 604 800 s = 6.05e11 requests, 6.048e11 / 3e6 / 3600 = 56 hours', () => {
    expect(warned({ constant: 1e6 }, '7d')).toEqual([
      'fidelity: request simulates every request, and this workload offers about 6.05e+11 requests over the run (7d): about 56 hours of wall time at the 3 million requests a second it runs (docs/performance.md); use fidelity: fluid (one balance per metric period), or a shorter run',
    ]);
  });

  it('the threshold: 20 min (1 200 s) at 833 333/s (9.999996e8) is not warned of, at 833 334/s (1.0000008e9, 333 s of wall time: 6 minutes) it is', () => {
    expect(warned({ constant: 833_333 }, '20m')).toEqual([]);
    const m = warned({ constant: 833_334 }, '20m');
    expect(m).toHaveLength(1);
    expect(m[0]).toContain('about 1.00e+9 requests over the run (20m)');
    expect(m[0]).toContain('about 6 minutes of wall time');
  });

  it('the integral, not the peak: 1e6/s stepping to 0 at 10 min over 7 days offers 6e8 (not warned); 2e6/s until 10 min, 1.2e9, is', () => {
    expect(warned({ step: { from: 1e6, to: 0, at: '10m' } }, '7d')).toEqual([]);
    expect(warned({ step: { from: 2e6, to: 0, at: '10m' } }, '7d')[0]).toContain('about 1.20e+9 requests');
  });

  it('fidelity: fluid is not warned of', () => {
    expect(warned({ constant: 1e6 }, '7d', 'fluid')).toEqual([]);
  });

  it('a random shape takes the upper bound peak x duration ("up to")', () => {
    const m = warned({ randomWalk: { start: 1e5, min: 0, max: 1e6, every: '1m', volatility: 0.1 } }, '7d');
    expect(m).toHaveLength(1);
    // 1e6 x 604 800 s
    expect(m[0]).toContain('offers up to 6.05e+11 requests over the run (7d, its highest rate throughout)');
  });
});
