// diurnal.peakAt in a scenario takes "HH:MM" or "HH:MM:SS", as docs/notes/traces.md and the
// trace library say (the schema refused "14:00:30").

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';
import { buildServiceTrace } from '../../src/sim/traces.js';
import { RandomStreams } from '../../src/engine/index.js';
import { quickstart } from '../helpers.js';

function withPeak(peakAt: string) {
  const raw = quickstart();
  raw.services.web.workload.requestRate = { diurnal: { min: 100, max: 900, peakAt } };
  return loadScenarioObject('peak', raw, { baseDir: 'scenarios' });
}

describe('diurnal.peakAt with seconds', () => {
  it('"14:00:30" loads, and the rate peaks at 14:00:30 UTC: 900 there, 500 a quarter day earlier', () => {
    const s = withPeak('14:00:30');
    const trace = buildServiceTrace('web', s.scenario.services.web.workload!.requestRate, s, new RandomStreams(1));
    const start = Date.parse('2026-03-02T09:00:00Z');
    const at = (iso: string) => Date.parse(iso) - start;
    expect(trace.rateAt(at('2026-03-02T14:00:30Z'))).toBeCloseTo(900, 9);
    expect(trace.rateAt(at('2026-03-02T08:00:30Z') + 86_400_000)).toBeCloseTo(500, 9);
    expect(trace.rateAt(at('2026-03-02T14:00:00Z'))).toBeLessThan(900);
  });

  it('"14:00:75" is refused, saying both forms', () => {
    let message = '';
    try {
      withPeak('14:00:75');
    } catch (e) {
      message = (e as ScenarioError).message;
    }
    expect(message).toMatch(/services\.web\.workload\.requestRate\.diurnal\.peakAt: expected a time of day "H:MM" or "HH:MM", optionally with ":SS", hours 0-23 \(e\.g\. "9:00", "14:30"\)/);
  });
});
