// capacityRps far below what an http task's slots allow (concurrency / mean serviceTime) is
// warned of, as the mirror of the refusal of one more than 100 times above: the quick start's
// slots allow 8 / 40 ms = 200 requests/s, so below 2 requests/s every service time is stretched
// more than 100 times (capacityRps 1e-300 ran with a p95 of 1.3e+305 ms).

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { quickstart } from '../helpers.js';

const warned = (capacityRps: number) => {
  const s = quickstart() as Record<string, any>;
  s.services.web.workload.perTask.capacityRps = capacityRps;
  return scenarioWarnings(loadScenarioObject('q', s, { baseDir: '.' }))
    .filter((w) => w.at.join('.') === 'services.web.workload.perTask.capacityRps')
    .map((w) => w.message);
};

describe('warning: capacityRps below 1/100 of what the slots allow', () => {
  it('1.99 requests/s against 200 (stretch 200 / 1.99 = 100.5, mean 40 x 100.5 = 4020 ms) is warned; 2 (stretch 100) is not', () => {
    expect(warned(1.99)).toEqual([
      '1.99 requests/s is less than 1/100 of what the slots allow (concurrency 8 / mean serviceTime 40 ms = 200 requests/s): the task is CPU-bound at 1.99 requests/s, so every service time is stretched 100.5 times (mean 4020 ms); likely a unit slip',
    ]);
    expect(warned(2)).toEqual([]);
    expect(warned(100)).toEqual([]);
  });

  it('1e-300 is warned', () => {
    expect(warned(1e-300)).toHaveLength(1);
  });
});
