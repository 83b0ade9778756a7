// `run`, `compare` and `sweep` parse a scenario file once and hand the same parsed object to
// validation (loadParsedScenario) and to what reads the raw file (variants, sweep, notes):
// validation must leave that object as parsed. Every library scenario (variants, sweeps,
// defaults filled in by the schema, seed and duration overrides) and the month benchmark.

import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { loadParsedScenario, parseScenarioText, readScenarioText } from '../../src/scenario/index.js';

const files = [
  ...readdirSync('scenarios')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `scenarios/${f}`),
  'bench/month.yaml',
];

describe('validation leaves the parsed file as parsed', () => {
  it.each(files)('%s', (file) => {
    const text = readScenarioText(file);
    const parsed = parseScenarioText(file, text);
    loadParsedScenario(file, parsed, { seed: 7, durationMs: 3_600_000 });
    expect(parsed.value).toStrictEqual(parseScenarioText(file, text).value);
  });
});
