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

  it('puts the UTC date and weekday in front on multi-day runs (2026-03-02 is a Monday)', () => {
    const c = simClock(nine, 2 * 86400);
    expect(c.multiDay).toBe(true);
    expect(clockLabel(c, 0)).toBe('03-02 Mon 09:00');
    expect(clockLabel(c, 15 * 3600 + 60)).toBe('03-03 Tue 00:01');
    expect(clockLabel(c, 15 * 3600 + 61, true)).toBe('03-03 Tue 00:01:01');
    expect(clockRange(c, 86400, 86400 + 600)).toBe('03-03 Tue 09:00–09:10');
    expect(clockRange(c, 14 * 3600, 16 * 3600)).toBe('03-02 Mon 23:00–03-03 Tue 01:00');
    // 2026-03-27 (business-hours) is a Friday, 03-29 a Sunday
    const fri = simClock(Date.parse('2026-03-27T00:00:00Z'), 4 * 86400);
    expect(clockLabel(fri, 0)).toBe('03-27 Fri 00:00');
    expect(clockLabel(fri, 2 * 86400 + 8 * 3600)).toBe('03-29 Sun 08:00');
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
