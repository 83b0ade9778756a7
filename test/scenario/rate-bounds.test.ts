// Request rates are bounded (1e9 requests/s, an ecsim bound): a constant, a spike multiplier
// or a CSV value of 1e308 ran to Infinity and summary.json got null for it. The bound holds
// for each written rate, for the product of the modifiers (overlapping spikes multiply), and
// for each CSV value. And summary.json refuses a non-finite number (a bug) instead of null.

import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';
import { finiteJson } from '../../src/output/finite-json.js';
import { quickstart, tempDir, writeScenario } from '../helpers.js';

const dir = tempDir();
let n = 0;

function problems(rate: unknown, csv?: string): string {
  const s = quickstart();
  s.services.web.workload.requestRate = rate;
  if (csv !== undefined) writeFileSync(join(dir, 'r.csv'), csv);
  try {
    loadScenarioFile(writeScenario(dir, `s${n++}`, s));
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'no error';
}

const spike = (at: string, multiplier: number) => ({ at, rampUp: '1m', hold: '5m', multiplier });

describe('request rates bounded at 1e9 requests/s', () => {
  it('a constant above it is refused', () => {
    expect(problems({ constant: 1e9 + 1 })).toMatch(/requestRate\.constant: expected a rate of at most 1000000000 requests\/s \(an ecsim bound\), found 1000000001/);
    expect(problems({ constant: 1e308 })).toMatch(/requestRate\.constant: expected a rate of at most 1000000000 .*found 1e\+308/);
  });

  it('a bare number, a step, a diurnal max above it are refused', () => {
    expect(problems(2e9)).toMatch(/requestRate\.constant: expected a rate of at most 1000000000/);
    expect(problems({ step: { from: 1, to: 2e9, at: '10m' } })).toMatch(/requestRate\.step\.to: expected a rate of at most 1000000000/);
    expect(problems({ diurnal: { min: 1, max: 2e9 } })).toMatch(/requestRate\.diurnal\.max: expected a rate of at most 1000000000/);
  });

  it('1e9 itself is accepted', () => {
    expect(problems({ constant: 1e9 })).toBe('no error');
  });

  it('a spike multiplier taking the rate above it is refused (1000 x 1e308)', () => {
    expect(problems({ constant: 1000, spikes: [spike('10m', 1e308)] })).toMatch(/requestRate: expected a trace of at most 1000000000 requests\/s \(an ecsim bound\), found one that may reach Infinity/);
  });

  it('two overlapping spikes multiply: 1000 x 40000 x 40000 = 1.6e12 is refused, the same spikes apart are not', () => {
    expect(problems({ constant: 1000, spikes: [spike('10m', 40_000), spike('12m', 40_000)] })).toMatch(/may reach 1600000000000 /);
    expect(problems({ constant: 1000, spikes: [spike('10m', 40_000), spike('30m', 40_000)] })).toBe('no error');
  });

  it('a weekend factor taking the rate above it is refused (6e8 x 2)', () => {
    expect(problems({ constant: 6e8, weekly: { weekendFactor: 2 } })).toMatch(/may reach 1200000000 /);
  });

  it('a CSV value above it is refused with its line', () => {
    const rows = 'time_s,rps\n1772442000,100\n1772443800,1e308\n1772445600,100\n';
    expect(problems({ csv: { file: 'r.csv' } }, rows)).toMatch(/requestRate\.csv\.file: expected a rate of at most 1000000000 requests\/s \(an ecsim bound\), found 1e\+308 at r\.csv, line 3, column 2 \("rps"\)/);
  });
});

describe('summary.json numbers are finite', () => {
  it('a non-finite number is refused with its key path (JSON would write null, which means no data)', () => {
    expect(() => finiteJson('summary.json', { services: { web: { requests: { served: Infinity } } } })).toThrow(
      'summary.json: services.web.requests.served is Infinity, not a finite number',
    );
    expect(() => finiteJson('summary.json', { a: [1, NaN] })).toThrow('summary.json: a[1] is NaN');
  });

  it('null (no data, as documented) and finite numbers are written as JSON.stringify writes them', () => {
    const v = { latency: { p95: null }, cost: 1.5, list: [0, -2] };
    expect(finiteJson('summary.json', v)).toBe(`${JSON.stringify(v, null, 2)}\n`);
  });
});
