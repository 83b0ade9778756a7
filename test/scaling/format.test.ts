import { describe, expect, it } from 'vitest';
import { formatDatapoint, formatFormulaMetric, formatNumber, formatValues } from '../../src/scaling/format.js';

// The reviewer's cases (results of target-tracking-diurnal and business-hours): a datapoint
// listed under a comparison must visibly satisfy it, and a printed ceil formula must give
// its printed result. One decimal stays wherever it already does.
describe('datapoints printed on their side of the threshold', () => {
  it('60.0177 under "> 60" prints 60.02, not 60.0', () => {
    expect(formatDatapoint(60.0177, '>', 60)).toBe('60.02');
    expect(formatValues([62.7, 62.5, 60.0177], 3, { op: '>', threshold: 60 })).toBe('62.7 62.5 60.02');
  });

  it('53.9575 under "< 54" prints 53.96, not 54.0', () => {
    expect(formatDatapoint(53.9575, '<', 54)).toBe('53.96');
  });

  it('a value not breaching stays on its side too: 59.98 under "not > 60" is not printed 60.0', () => {
    // 59.98 rounds to 60.0 at one decimal, which is not > 60 either, so one decimal is kept
    expect(formatDatapoint(59.98, '>', 60)).toBe('60.0');
    // 59.98 under ">= 60" would read as breaching at 60.0
    expect(formatDatapoint(59.98, '>=', 60)).toBe('59.98');
    expect(formatDatapoint(60.00004, '>', 60)).toBe('60.00004');
  });

  it('keeps one decimal when it already satisfies the comparison', () => {
    expect(formatDatapoint(62.74, '>', 60)).toBe('62.7');
    expect(formatDatapoint(75, '>', 60)).toBe('75.0');
    expect(formatDatapoint(0.25, '<', 1)).toBe('0.25');
  });

  it('the ceil formula reproduces its result: ceil(11 x 60.02/60) = 12', () => {
    // 11 x 60.0177 / 60 = 11.0032 -> 12; with 60.0 printed it would read ceil(11) = 11
    expect(formatFormulaMetric(11, 60.0177, 60, { op: '>', threshold: 60 })).toBe('60.02');
    // 9 x 53.1 / 60 = 7.965 -> 8: one decimal is enough
    expect(formatFormulaMetric(9, 53.1, 60, { op: '<', threshold: 54 })).toBe('53.1');
    // 3 x 40.02 / 60 = 2.001 -> 3 needs two decimals even with no comparison given
    expect(formatFormulaMetric(3, 40.02, 60)).toBe('40.02');
  });

  it('a vanishing value prints 0, unless its side of the threshold needs the digits', () => {
    // the steady queue of a lightly loaded queue service in fluid mode: 1.3e-34 messages a task
    expect(formatDatapoint(1.3e-34, '<', 90)).toBe('0');
    expect(formatFormulaMetric(30, 1.3e-34, 100, { op: '<', threshold: 90 })).toBe('0');
    // 0.0004 under "> 0" must not read 0
    expect(formatDatapoint(0.0004, '>', 0)).toBe('0.0004');
  });
});

// Thresholds and targets were printed to 4 decimals, so a target of 1e-7 (which AWS takes)
// read "3 datapoints > 0" and "ceil(3 x 99.7/0)".
describe('a configured number (threshold, target) too small for 4 decimals', () => {
  it('prints with 4 significant digits, not as 0', () => {
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(-1e-7)).toBe('-1e-7');
    expect(formatNumber(0.0000234567)).toBe('0.00002346');
    expect(formatNumber(4e-5)).toBe('0.00004');
  });

  it('ordinary values print as before: 4 decimals at most, trailing zeros trimmed', () => {
    expect(formatNumber(50)).toBe('50');
    expect(formatNumber(49.5)).toBe('49.5');
    expect(formatNumber(0.12345)).toBe('0.1235');
    expect(formatNumber(0.0001)).toBe('0.0001');
    expect(formatNumber(0.00005)).toBe('0.00005');
    // 0.00015 (0.000149999... stored) is not 0.0001 beside arithmetic done with 0.00015
    expect(formatNumber(0.00015)).toBe('0.00015');
    expect(formatNumber(0.05)).toBe('0.05');
    expect(formatNumber(0.12345)).toBe('0.1235');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-2.5)).toBe('-2.5');
  });
});
