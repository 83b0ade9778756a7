// A y axis: a nice linear scale over the data (d3-scale), its ticks, grid lines and a
// rotated title with the unit.

import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { ROLE } from './palette.js';
import { esc, px } from './svg.js';

export interface ValueAxis {
  scale: ScaleLinear<number, number>;
  title: string;
  side: 'left' | 'right';
  /** A count (tasks, instances, messages): whole-number ticks only. */
  integer?: boolean;
}

/**
 * A scale from the data's extent (and any extra values that must show, e.g. a target), from 0
 * unless told. `integer`: a count axis, at least 1 high, with whole-number ticks only.
 */
export function valueAxis(values: Iterable<number>, range: [number, number], title: string, side: 'left' | 'right', min?: number, max?: number, integer = false): ValueAxis {
  let lo = min ?? 0;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v > hi) hi = v;
    if (min === undefined && v < lo) lo = v;
  }
  if (max !== undefined) hi = max;
  if (!Number.isFinite(hi) || hi <= lo || (integer && hi < lo + 1)) hi = lo + 1;
  const scale = scaleLinear().domain([lo, hi]).range(range).nice(5);
  return integer ? { scale, title, side, integer } : { scale, title, side };
}

export function renderValueAxis(axis: ValueAxis, left: number, right: number, grid: boolean): string {
  const parts: string[] = [];
  const fmt = tickFormat(axis.scale, 5);
  const x = axis.side === 'left' ? left : right;
  const anchor = axis.side === 'left' ? 'end' : 'start';
  const dx = axis.side === 'left' ? -6 : 6;
  // a count has no half instance: its fractional ticks are left out (0, 0.5, 1 -> 0, 1)
  const ticks = axis.integer ? axis.scale.ticks(5).filter(Number.isInteger) : axis.scale.ticks(5);
  for (const t of ticks) {
    const y = px(axis.scale(t));
    if (grid) parts.push(`<line x1="${px(left)}" x2="${px(right)}" y1="${y}" y2="${y}" stroke="${ROLE.grid}"/>`);
    parts.push(`<text x="${px(x + dx)}" y="${y}" dy="0.32em" text-anchor="${anchor}" class="tick">${esc(fmt(t))}</text>`);
  }
  const [y0, y1] = axis.scale.range();
  parts.push(`<line x1="${px(x)}" x2="${px(x)}" y1="${px(y0)}" y2="${px(y1)}" stroke="${ROLE.axis}"/>`);
  const tx = axis.side === 'left' ? left - 48 : right + 50;
  const ty = (y0 + y1) / 2;
  parts.push(`<text transform="translate(${px(tx)},${px(ty)}) rotate(-90)" text-anchor="middle" class="axis-title">${esc(axis.title)}</text>`);
  return parts.join('');
}

/** d3's tick format: plain numbers ("0.25", "1,200"), SI prefixes only from 10,000 up ("20k"); 0 is "0", not "0k". */
export function tickFormat(scale: ScaleLinear<number, number>, count: number): (v: number) => string {
  const [a, b] = scale.domain();
  const f = scale.tickFormat(count, Math.max(Math.abs(a), Math.abs(b)) >= 10_000 ? '~s' : ',~f');
  return (v) => (v === 0 ? '0' : f(v));
}
