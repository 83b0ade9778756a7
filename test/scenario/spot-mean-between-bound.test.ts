// Spot interruptions' meanTimeBetween is the mean of an exponential draw (a rate), not a time
// within the run: the ten-year bound of durations does not apply to it (a 5000d mean on a long
// run still gives interruptions), only at a million days (a round figure within the whole
// milliseconds a number holds exactly).

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';

const dir = tempDir();
const withMean = (mean: unknown) => {
  const s = parse(readFileSync('scenarios/fargate-spot.yaml', 'utf8'));
  delete s.variants;
  delete s.expect;
  s.cluster.capacityProviders.FARGATE_SPOT.interruptions = { meanTimeBetween: mean };
  return s;
};
const problems = (mean: unknown) => {
  try {
    loadScenarioFile(writeScenario(dir, `m${String(mean).length}`, withMean(mean)));
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.issues.map((i) => `${i.path}: ${i.message}`);
  }
};

describe('FARGATE_SPOT interruptions.meanTimeBetween bound', () => {
  it('5000d, above the longest run, is accepted (432,000,000,000 ms)', () => {
    expect(problems('5000d')).toEqual([]);
    const s = loadScenarioFile(writeScenario(dir, 'ok5000', withMean('5000d')));
    const p = s.providers.get('FARGATE_SPOT') as any;
    expect(p.config.interruptions.meanTimeBetween).toBe(5000 * 86_400_000);
  });

  it('1e308 seconds (Infinity ms) is refused at its key', () => {
    const [m, ...rest] = problems(1e308);
    expect(rest).toEqual([]);
    expect(m).toMatch(/^cluster\.capacityProviders\.FARGATE_SPOT\.interruptions\.meanTimeBetween: expected a duration of at most /);
  });

  it('a million days is accepted, a millisecond more refused, saying the bound in days', () => {
    expect(problems('1000000d')).toEqual([]);
    const [m] = problems('1000000d1ms');
    expect(m).toMatch(/meanTimeBetween: expected a duration of at most 1000000d \(an ecsim bound, about 2700 years: a task would practically never be interrupted; leave interruptions out for none\), found "1000000d1ms"$/);
  });
});
