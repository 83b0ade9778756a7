// The rows of the two tables in AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html
// ("How alarm state is evaluated when data is missing"), column MISSING, evaluation range 5.
import { describe, it, expect } from 'vitest';
import { evaluateRange, newRangeEvaluation, type AlarmState, type TreatMissingData } from '../../src/scaling/index.js';

function run(pattern: string, n: number, m: number, treat: TreatMissingData = 'missing', current: AlarmState = 'INSUFFICIENT_DATA') {
  const values = pattern.split(' ').map((c) => (c === 'X' ? 80 : c === '0' ? 20 : NaN));
  return evaluateRange(values, values.length, n, m, 'GreaterThanThreshold', 50, newRangeEvaluation(values.length), treat, current);
}

// Every column of the tables: MISSING, IGNORE ("keep": the current state), BREACHING,
// NOT BREACHING. Rows marked "earlier" are from earlier versions of the page (the
// awsdocs/amazon-cloudwatch-user-guide sources), where "- - - - X" gave INSUFFICIENT_DATA
// and "X - - - -" ALARM under MISSING; the current page shows "- - X - -" / "- - - X -".
type Row = [string, AlarmState, AlarmState | 'keep', AlarmState, AlarmState];
const TABLE_1: Row[] = [
  ['0 - X - X', 'OK', 'OK', 'OK', 'OK'],
  ['0 - - - -', 'OK', 'OK', 'OK', 'OK'], // 0 + two filled as breaching: 2 < 3
  ['- - - - -', 'INSUFFICIENT_DATA', 'keep', 'ALARM', 'OK'],
  ['0 X X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'], // enough real datapoints: the setting is not used
  ['- - X - -', 'ALARM', 'keep', 'ALARM', 'OK'],
  ['- - - - X', 'INSUFFICIENT_DATA', 'keep', 'ALARM', 'OK'], // earlier
  ['X - - - -', 'ALARM', 'keep', 'ALARM', 'OK'], // earlier: the oldest evaluated is breaching
];
const TABLE_2: Row[] = [
  ['0 - X - X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
  ['0 0 X 0 X', 'ALARM', 'ALARM', 'ALARM', 'ALARM'],
  ['0 - X - -', 'OK', 'OK', 'ALARM', 'OK'],
  ['- - - - 0', 'OK', 'OK', 'ALARM', 'OK'],
  ['- - - - X', 'INSUFFICIENT_DATA', 'keep', 'ALARM', 'OK'], // earlier
  ['- - - X -', 'ALARM', 'keep', 'ALARM', 'OK'],
];

describe('CloudWatch alarm evaluation, every TreatMissingData column of both tables', () => {
  for (const [title, table, m] of [['table 1 (3 of 3)', TABLE_1, 3], ['table 2 (2 of 3)', TABLE_2, 2]] as const) {
    describe(title, () => {
      it.each(table)('%s: missing %s, ignore %s, breaching %s, notBreaching %s', (pattern, missing, ignore, breaching, notBreaching) => {
        expect(run(pattern, 3, m, 'missing').state).toBe(missing);
        for (const current of ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const) {
          const r = run(pattern, 3, m, 'ignore', current);
          expect(r.state).toBe(ignore === 'keep' ? current : ignore);
          expect(r.retained).toBe(ignore === 'keep');
        }
        expect(run(pattern, 3, m, 'breaching').state).toBe(breaching);
        expect(run(pattern, 3, m, 'notBreaching').state).toBe(notBreaching);
      });
    });
  }

  it('fills in only as many datapoints as N minus the real ones, and keeps the real ones as they are', () => {
    const r = run('0 - - - X', 3, 3, 'breaching');
    expect([r.evaluatedCount, r.breachingCount, r.filled]).toEqual([2, 1, 1]);
    expect(Array.from(r.evaluated.subarray(0, r.evaluatedCount))).toEqual([20, 80]);
    expect(r.state).toBe('OK'); // 1 real + 1 filled breaching = 2 < 3
    expect(run('- - - - -', 3, 3, 'breaching').filled).toBe(3);
    expect(run('0 X X - X', 3, 3, 'breaching').filled).toBe(0); // enough real datapoints
  });
});

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
