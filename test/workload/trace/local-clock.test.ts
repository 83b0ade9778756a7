import { describe, it, expect } from 'vitest';
import { makeLocalClock } from '../../../src/workload/trace/local-clock.js';
import { build, D, H, MONDAY, S } from './helpers.js';

describe('local clock (IANA time zones, daylight saving found to the ms)', () => {
  // EU summer time 2026 starts Sunday 2026-03-29 01:00 UTC = 27 d + 1 h after the start.
  const berlin = makeLocalClock(MONDAY, 'Europe/Berlin', 'tz');
  it('CET is UTC+1 before the change, CEST UTC+2 from it on', () => {
    expect(berlin.local(0) - MONDAY).toBe(H);
    expect(berlin.local(27 * D + H - 1) - MONDAY - (27 * D + H - 1)).toBe(H);
    expect(berlin.local(27 * D + H) - MONDAY - (27 * D + H)).toBe(2 * H);
  });
  it('nextChange finds the switch exactly, or a pseudo break within a week', () => {
    expect(berlin.nextChange(26 * D)).toBe(27 * D + H);
    expect(berlin.nextChange(0)).toBeLessThanOrEqual(8 * D);
    expect(berlin.nextChange(27 * D + H)).toBeGreaterThan(27 * D + H);
  });
  it('UTC never changes', () => {
    const utc = makeLocalClock(MONDAY, undefined, 'tz');
    expect(utc.local(5)).toBe(MONDAY + 5);
    expect(utc.nextChange(0)).toBe(Infinity);
  });
  it('meanRate of a Berlin diurnal over the switch day matches a 1 s Riemann sum', () => {
    const t = build({ diurnal: { min: 100, max: 500, peakAt: '02:30', timezone: 'Europe/Berlin' } });
    let sum = 0;
    for (let x = 27 * D; x < 28 * D; x += S) sum += t.rateAt(x + S / 2);
    expect(t.meanRate(27 * D, 28 * D)).toBeCloseTo(sum / 86400, 6);
    // the local clock jumps 02:00 -> 03:00 at 01:00 UTC: just before, local 01:59:59.999; at it, 03:00
    expect(t.rateAt(27 * D + H - 1)).toBeCloseTo(300 + 200 * Math.cos((2 * Math.PI * (0.5 * H + 1)) / D), 6);
    expect(t.rateAt(27 * D + H)).toBeCloseTo(300 + 200 * Math.cos((2 * Math.PI * 0.5 * H) / D), 6);
  });
});
