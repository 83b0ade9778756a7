// The rows of the two tables in AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html
// ("How alarm state is evaluated when data is missing"), column MISSING, evaluation range 5.
import { describe, it, expect } from 'vitest';
import { evaluateRange, newRangeEvaluation } from '../../src/scaling/index.js';

function run(pattern: string, n: number, m: number) {
  const values = pattern.split(' ').map((c) => (c === 'X' ? 80 : c === '0' ? 20 : NaN));
  return evaluateRange(values, values.length, n, m, 'GreaterThanThreshold', 50, newRangeEvaluation(values.length));
}

describe('CloudWatch alarm evaluation, TreatMissingData = missing', () => {
  describe('table 1: Datapoints to Alarm 3, Evaluation Periods 3', () => {
    it.each([
      ['0 - X - X', 'OK'], // 3 real datapoints, 2 breaching < 3
      ['0 - - - -', 'OK'], // one real, not breaching
      ['- - - - -', 'INSUFFICIENT_DATA'], // all missing
      ['0 X X - X', 'ALARM'], // most recent 3 real are breaching
      ['- - X - -', 'ALARM'], // premature-alarm rule: oldest breaching is 3 old, newer missing
    ])('%s -> %s', (pattern, state) => {
      expect(run(pattern, 3, 3).state).toBe(state);
    });
  });

  describe('table 2: Datapoints to Alarm 2, Evaluation Periods 3 (M of N)', () => {
    it.each([
      ['0 - X - X', 'ALARM'],
      ['0 0 X 0 X', 'ALARM'],
      ['0 - X - -', 'OK'],
      ['- - - - 0', 'OK'],
      ['- - - X -', 'ALARM'], // premature-alarm rule for M of N
    ])('%s -> %s', (pattern, state) => {
      expect(run(pattern, 3, 2).state).toBe(state);
    });
  });

  it('does not alarm prematurely on "- - - - X" or "- - - X -" with 3 of 3 (avoiding premature transitions)', () => {
    expect(run('- - - - X', 3, 3).state).not.toBe('ALARM');
    expect(run('- - - X -', 3, 3).state).not.toBe('ALARM');
  });

  it('evaluates the most recent N real datapoints, skipping missing ones, when at least N exist', () => {
    const r = run('0 X X - X', 3, 3);
    expect(Array.from(r.evaluated.subarray(0, r.evaluatedCount))).toEqual([80, 80, 80]);
  });
});
