// Modifier `spikes`: each spike's factor ramps linearly from 1 at `at` to `multiplier`
// over `rampUp`, holds for `hold`, ramps back to 1 over `rampDown` (default rampUp).
// Overlapping spikes multiply.

import { checkNumber, fail } from '../check.js';
import type { Bounds, TraceComponent } from '../component.js';
import { nextTimeAfter } from '../sorted-search.js';
import type { SpikeConfig } from '../types.js';

interface Spike {
  at: number;
  peak: number; // end of ramp up
  fall: number; // end of hold
  end: number; // end of ramp down
  m: number;
  lo: number;
  hi: number;
}

function check(spikes: SpikeConfig[]): Spike[] {
  if (!Array.isArray(spikes)) fail('spikes', 'a list of {at, rampUp, hold, rampDown?, multiplier}', spikes);
  const out = spikes.map((s, i) => {
    const p = `spikes[${i}]`;
    const at = checkNumber(`${p}.at`, s?.at);
    const rampUp = checkNumber(`${p}.rampUp`, s.rampUp, 'nonNegative');
    const hold = checkNumber(`${p}.hold`, s.hold, 'nonNegative');
    const rampDown = s.rampDown === undefined ? rampUp : checkNumber(`${p}.rampDown`, s.rampDown, 'nonNegative');
    const m = checkNumber(`${p}.multiplier`, s.multiplier, 'nonNegative');
    if (rampUp + hold + rampDown === 0) fail(`${p}.hold`, 'a spike of some width (rampUp + hold + rampDown greater than 0; a zero-width spike changes no rate)', 0);
    const peak = at + rampUp;
    const fall = peak + hold;
    return { at, peak, fall, end: fall + rampDown, m, lo: Math.min(1, m), hi: Math.max(1, m) };
  });
  return out.sort((a, b) => a.at - b.at);
}

/** The factor of one spike at t. */
export function spikeFactor(s: Spike, t: number): number {
  if (t < s.at || t >= s.end) return 1;
  let f: number;
  if (t < s.peak) f = 1 + ((s.m - 1) * (t - s.at)) / (s.peak - s.at);
  else if (t < s.fall) return s.m;
  else f = s.m + ((1 - s.m) * (t - s.fall)) / (s.end - s.fall);
  return f < s.lo ? s.lo : f > s.hi ? s.hi : f;
}

export function makeSpikes(config: SpikeConfig[]): TraceComponent {
  const spikes = check(config);
  const corners = Float64Array.from(new Set(spikes.flatMap((s) => [s.at, s.peak, s.fall, s.end]))).sort();
  return {
    at(t) {
      let f = 1;
      for (let i = 0; i < spikes.length && spikes[i].at <= t; i++) {
        if (t < spikes[i].end) f *= spikeFactor(spikes[i], t);
      }
      return f;
    },
    nextBreak: (t) => nextTimeAfter(corners, t),
    degree: rampOverlap(spikes),
    maxPanel: Infinity,
  };
}

/**
 * The polynomial degree of the product between corners: the most spikes ramping at one
 * time (each ramp is a linear factor, a hold a constant one), 0 when none ramps.
 */
export function rampOverlap(spikes: readonly Spike[]): number {
  const edges: [number, number][] = [];
  for (const s of spikes) {
    if (s.peak > s.at) edges.push([s.at, 1], [s.peak, -1]);
    if (s.end > s.fall) edges.push([s.fall, 1], [s.end, -1]);
  }
  // an end before a start at the same time: ramps that only touch do not overlap
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, d] of edges) {
    open += d;
    if (open > most) most = open;
  }
  return most;
}

/**
 * Spikes whose active spans overlap form a cluster; a cluster's factor lies between the
 * products of its spikes' min(1, m) and max(1, m); outside all spikes it is 1.
 */
export function spikesBounds(config: SpikeConfig[]): Bounds {
  const spikes = check(config);
  let lower = 1;
  let upper = 1;
  let i = 0;
  while (i < spikes.length) {
    let { end, lo, hi } = spikes[i];
    for (i++; i < spikes.length && spikes[i].at < end; i++) {
      lo *= spikes[i].lo;
      hi *= spikes[i].hi;
      if (spikes[i].end > end) end = spikes[i].end;
    }
    if (lo < lower) lower = lo;
    if (hi > upper) upper = hi;
  }
  return [lower, upper];
}
