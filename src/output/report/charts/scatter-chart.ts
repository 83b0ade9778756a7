// A scatter chart of two plain numeric axes with error bars (e.g. cost vs SLO violation
// minutes per variant, bars = 95 % confidence half-widths), highlighted points (the
// Pareto front) and a label by each point.

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { renderLegend } from './legend.js';
import { esc, px, SVG_NS } from './svg.js';
import { ROLE } from './palette.js';
import { CHART_WIDTH } from './chart-frame.js';
import { tickFormat } from './value-axis.js';
import { meanAndHalfWidth } from '../../../experiment/figures-markdown.js';

export interface ScatterPoint {
  label: string;
  /** The point's full name in its tooltip, when the label beside it is a short form (default: label). */
  name?: string;
  x: number;
  y: number;
  /** Half-widths of the error bars (0 or NaN: none). */
  xErr: number;
  yErr: number;
  highlight: boolean;
}

export interface ScatterSpec {
  title: string;
  xTitle: string;
  yTitle: string;
  points: ScatterPoint[];
  highlightLabel: string;
  /** The legend's name for the points not highlighted (default "other variants"). */
  otherLabel?: string;
  /** The figures cannot be negative: the axes and the error bars stop at 0 (an interval's lower end below 0 is cut there). */
  nonNegative?: boolean;
  width?: number;
}

export function scatterChart(spec: ScatterSpec): string {
  const width = spec.width ?? CHART_WIDTH;
  const height = 420;
  const left = 80;
  const right = width - 40;
  const legend = renderLegend(
    [
      { label: spec.highlightLabel, color: ROLE.dropped, shape: 'box' },
      { label: spec.otherLabel ?? 'other variants', color: ROLE.load, shape: 'box' },
      { label: '95 % confidence interval', color: '#666', shape: 'line' },
    ],
    left,
    30,
    right - left,
  );
  const top = 30 + legend.height + 10;
  const bottom = height - 50;
  const fin = (v: number) => (Number.isFinite(v) ? v : 0);
  // an error bar's lower end: cut at 0 for figures that cannot be negative
  const low = (v: number, err: number) => (spec.nonNegative && v >= 0 ? Math.max(0, v - fin(err)) : v - fin(err));
  const xs = scaleLinear()
    .domain(extent(spec.points.flatMap((p) => [low(p.x, p.xErr), p.x + fin(p.xErr)])))
    .range([left, right])
    .nice(6);
  const ys = scaleLinear()
    .domain(extent(spec.points.flatMap((p) => [low(p.y, p.yErr), p.y + fin(p.yErr)])))
    .range([bottom, top])
    .nice(6);
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#fff"/>`, `<text x="${left}" y="18" class="chart-title">${esc(spec.title)}</text>`, legend.svg];
  const xf = tickFormat(xs, 6);
  for (const t of xs.ticks(6)) {
    const x = px(xs(t));
    parts.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${bottom}" stroke="${ROLE.grid}"/><text x="${x}" y="${bottom + 16}" text-anchor="middle" class="tick">${esc(xf(t))}</text>`);
  }
  const yf = tickFormat(ys, 6);
  for (const t of ys.ticks(6)) {
    const y = px(ys(t));
    parts.push(`<line x1="${left}" x2="${right}" y1="${y}" y2="${y}" stroke="${ROLE.grid}"/><text x="${left - 6}" y="${y}" dy="0.32em" text-anchor="end" class="tick">${esc(yf(t))}</text>`);
  }
  parts.push(`<line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${ROLE.axis}"/><line x1="${left}" x2="${left}" y1="${top}" y2="${bottom}" stroke="${ROLE.axis}"/>`);
  parts.push(`<text x="${px((left + right) / 2)}" y="${bottom + 36}" text-anchor="middle" class="axis-title">${esc(spec.xTitle)}</text>`);
  parts.push(`<text transform="translate(${left - 56},${px((top + bottom) / 2)}) rotate(-90)" text-anchor="middle" class="axis-title">${esc(spec.yTitle)}</text>`);

  const front = spec.points.filter((p) => p.highlight).sort((a, b) => a.x - b.x);
  if (front.length > 1) {
    const d = line<ScatterPoint>().x((p) => xs(p.x)).y((p) => ys(p.y)).digits(1)(front);
    if (d) parts.push(`<path class="series" d="${d}" fill="none" stroke="${ROLE.dropped}" stroke-width="1.5" stroke-dasharray="5 4"/>`);
  }
  const placed: Box[] = [];
  for (const p of spec.points) {
    const cx = xs(p.x);
    const cy = ys(p.y);
    const color = p.highlight ? ROLE.dropped : ROLE.load;
    const bars: string[] = [];
    if (Number.isFinite(p.xErr) && p.xErr > 0) {
      // a lower end cut at 0 has no cap: the interval goes on below what the figure can be
      const lo = low(p.x, p.xErr);
      const cut = lo !== p.x - p.xErr;
      bars.push(`M${px(xs(lo))},${px(cy)}H${px(xs(p.x + p.xErr))}${cut ? '' : `M${px(xs(lo))},${px(cy - 4)}V${px(cy + 4)}`}M${px(xs(p.x + p.xErr))},${px(cy - 4)}V${px(cy + 4)}`);
    }
    if (Number.isFinite(p.yErr) && p.yErr > 0) {
      const lo = low(p.y, p.yErr);
      const cut = lo !== p.y - p.yErr;
      bars.push(`M${px(cx)},${px(ys(lo))}V${px(ys(p.y + p.yErr))}${cut ? '' : `M${px(cx - 4)},${px(ys(lo))}H${px(cx + 4)}`}M${px(cx - 4)},${px(ys(p.y + p.yErr))}H${px(cx + 4)}`);
    }
    if (bars.length) parts.push(`<path class="errorbar" d="${bars.join('')}" stroke="#666" stroke-width="1.2" fill="none"/>`);
    const at = labelPosition(p.label, cx, cy, width, placed);
    parts.push(
      `<g class="point"><title>${esc(`${p.name ?? p.label}: ${tip(p.x, p.xErr)}, ${tip(p.y, p.yErr)}`)}</title>` +
        `<circle cx="${px(cx)}" cy="${px(cy)}" r="${p.highlight ? 7 : 5.5}" fill="${color}" stroke="#fff" stroke-width="1.5"/>` +
        `<text x="${px(at.x)}" y="${px(at.y)}"${at.anchor === 'end' ? ' text-anchor="end"' : ''} class="point-label">${esc(p.label)}</text></g>`,
    );
  }
  return `<svg xmlns="${SVG_NS}" class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(spec.title)}">${parts.join('')}</svg>`;
}

/** A label's box on the chart: x from left to right, y from top to bottom. */
interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Approximate width of a point label at 13 px (no text metrics server-side). */
function labelWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += /[A-Z0-9%_]/.test(ch) ? 8.6 : /[ il.,:;'|()\[\]]/.test(ch) ? 4 : /[mw]/.test(ch) ? 10.5 : 7.2;
  return w;
}

/** A label's line height at 13 px. */
const LABEL_LINE = 15;

/**
 * Where a point's label goes: right of the point and above it (left of it when it would
 * run off the chart), moved down, then up, a line at a time until it overlaps no label
 * placed before; the box is added to `placed`. After 8 lines each way it stays where it
 * first was (the tooltip still names the point).
 */
export function labelPosition(label: string, cx: number, cy: number, width: number, placed: Box[]): { x: number; y: number; anchor: 'start' | 'end' } {
  const w = labelWidth(label);
  const anchor = cx + 10 + w > width - 4 ? 'end' : 'start';
  const left = anchor === 'start' ? cx + 10 : cx - 10 - w;
  const boxAt = (y: number): Box => ({ left, right: left + w, top: y - 11, bottom: y + 3 });
  const overlaps = (b: Box) => placed.some((o) => b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom);
  let y = cy - 8;
  for (let k = 0; k <= 16; k++) {
    // 0, +1, -1, +2, -2, ... lines from the first place
    const step = k === 0 ? 0 : (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2);
    if (!overlaps(boxAt(cy - 8 + step * LABEL_LINE))) {
      y = cy - 8 + step * LABEL_LINE;
      break;
    }
  }
  placed.push(boxAt(y));
  return { x: anchor === 'start' ? cx + 10 : cx - 10, y, anchor };
}

function extent(values: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  const pad = lo === hi ? Math.abs(lo) * 0.1 || 1 : (hi - lo) * 0.08;
  // Figures that cannot be negative (all of them here) keep their axis from 0 up.
  return [lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad];
}

/** A mean for the tooltip with its half-width rounded as comparison.md's (the half-width to 2
 * significant digits, the mean to its place); alone (one replication, or ± 0) at 4
 * significant digits (not the axis ticks' precision: 3.6 showed as "4"). */
function tip(mean: number, halfWidth: number): string {
  const rounded = Number.isFinite(halfWidth) && halfWidth > 0 ? meanAndHalfWidth(mean, halfWidth) : undefined;
  return rounded ? `${rounded.mean} ± ${rounded.halfWidth}` : Number(mean.toPrecision(4)).toString();
}
