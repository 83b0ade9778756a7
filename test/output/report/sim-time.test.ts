import { describe, it, expect } from 'vitest';
import { clockLabel, clockRange, simClock, spanLabel } from '../../../src/output/report/format/sim-time.js';

const nine = Date.parse('2026-03-02T09:00:00Z');

describe('simulated clock labels', () => {
  it('shows hh:mm of the scenario calendar on a run within one day', () => {
    const c = simClock(nine, 3600);
    expect(c.multiDay).toBe(false);
    expect(clockLabel(c, 24 * 60)).toBe('09:24');
    expect(clockRange(c, 24 * 60, 35 * 60)).toBe('09:24–09:35');
  });

  it('puts the day of the run in front on multi-day runs (d1 = the start date)', () => {
    const c = simClock(nine, 2 * 86400);
    expect(c.multiDay).toBe(true);
    expect(clockLabel(c, 0)).toBe('d1 09:00');
    expect(clockLabel(c, 15 * 3600 + 60)).toBe('d2 00:01');
    expect(clockRange(c, 86400, 86400 + 600)).toBe('d2 09:00–09:10');
    expect(clockRange(c, 14 * 3600, 16 * 3600)).toBe('d1 23:00–d2 01:00');
  });

  it('a 1 h run from 23:30 crosses midnight and so counts as multi-day', () => {
    expect(simClock(Date.parse('2026-03-02T23:30:00Z'), 3600).multiDay).toBe(true);
  });

  it('says spans in words', () => {
    expect(spanLabel(45)).toBe('45 s');
    expect(spanLabel(180)).toBe('3 min');
    expect(spanLabel(7200)).toBe('2.0 h');
    expect(spanLabel(3 * 86400)).toBe('3.0 d');
  });
});
