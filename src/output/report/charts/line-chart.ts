// Line charts over simulated time: one or more series (linear, or step for counts that
// change at instants), an optional second y axis, reference lines (targets, SLOs),
// shaded bands and event markers. Paths come from d3-shape; long series are thinned
// with downsampleMinMax first.

import { line, curveLinear, curveStepAfter } from 'd3-shape';
import { chartFrame, svgDocument, type Frame } from './chart-frame.js';
import { downsampleMinMax, MAX_POINTS_PER_LINE } from './downsample.js';
import type { LegendItem } from './legend.js';
import { renderBands, renderMarkers, type Band, type Marker } from './markers.js';
import { esc, px } from './svg.js';
import { renderValueAxis, valueAxis, type ValueAxis } from './value-axis.js';
import type { SimClock } from '../format/sim-time.js';

export interface LineSeries {
  label: string;
  /** Seconds since the start. */
  x: Float64Array;
  /** NaN breaks the line. */
  y: Float64Array;
  color: string;
  axis?: 'left' | 'right';
  curve?: 'linear' | 'step';
  dashed?: boolean;
  /** An SVG stroke-dasharray for the line and its legend swatch (overrides `dashed`; '' is solid). */
  dashArray?: string;
  width?: number;
}

export interface RefLine {
  value: number;
  label: string;
  color: string;
  /** false: solid (default dashed '6 4'). */
  dashed?: boolean;
  /** An SVG stroke-dasharray for the line and its legend swatch (overrides `dashed`). */
  dashArray?: string;
  axis?: 'left' | 'right';
}

export interface LineChartSpec {
  title: string;
  clock: SimClock;
  domainS: [number, number];
  yTitle: string;
  yTitleRight?: string;
  yMin?: number;
  yMax?: number;
  /** The left axis counts (tasks, instances): whole-number ticks. */
  yInteger?: boolean;
  /** The right axis counts. */
  yRightInteger?: boolean;
  series: LineSeries[];
  refLines?: RefLine[];
  bands?: Band[];
  markers?: Marker[];
  /** Legend entries for bands and markers (their colours). */
  extraLegend?: LegendItem[];
  /** The series the legend names, when not all of them (e.g. min and max drawn alike). */
  legendSeries?: LineSeries[];
  width?: number;
}

export function lineChart(spec: LineChartSpec): string {
  const legend: LegendItem[] = [
    ...(spec.legendSeries ?? spec.series).map((s) => ({
      label: s.label + (s.axis === 'right' ? ' (right axis)' : ''),
      color: s.color,
      shape: s.dashed ? ('dashed' as const) : ('line' as const),
      ...(s.dashArray ? { dashArray: s.dashArray } : {}),
    })),
    ...(spec.refLines ?? []).map((r) => ({ label: r.label, color: r.color, shape: 'dashed' as const, ...(r.dashArray ? { dashArray: r.dashArray } : {}) })),
    ...(spec.extraLegend ?? []),
  ];
  const frame = chartFrame({ title: spec.title, clock: spec.clock, domainS: spec.domainS, legend, width: spec.width });
  const thin = spec.series.map((s) => ({ ...s, ...downsampleMinMax(s.x, s.y, MAX_POINTS_PER_LINE) }));
  const left = axisFor(frame, thin, spec.refLines, 'left', spec.yTitle, spec.yMin, spec.yMax, spec.yInteger);
  const hasRight = spec.yTitleRight !== undefined && thin.some((s) => s.axis === 'right');
  const right = hasRight ? axisFor(frame, thin, spec.refLines, 'right', spec.yTitleRight!, 0, undefined, spec.yRightInteger) : null;

  const under = renderBands(spec.bands ?? [], frame.x.scale, frame.top, frame.bottom) + renderValueAxis(left, frame.left, frame.right, true) + (right ? renderValueAxis(right, frame.left, frame.right, false) : '');
  const body: string[] = [];
  for (const r of spec.refLines ?? []) {
    const axis = r.axis === 'right' && right ? right : left;
    const y = px(axis.scale(r.value));
    body.push(`<line class="ref" x1="${frame.left}" x2="${frame.right}" y1="${y}" y2="${y}" stroke="${r.color}" stroke-width="1.5" stroke-dasharray="${r.dashArray ?? (r.dashed === false ? '' : '6 4')}"><title>${esc(r.label)}</title></line>`);
  }
  for (const s of thin) {
    const axis = s.axis === 'right' && right ? right : left;
    body.push(seriesPath(frame, axis, s));
  }
  const over = renderMarkers(spec.markers ?? [], frame.x.scale, frame.top, frame.bottom);
  return svgDocument(frame, spec.title, { under, body: body.join(''), over });
}

function axisFor(frame: Frame, series: LineSeries[], refs: RefLine[] | undefined, side: 'left' | 'right', title: string, yMin?: number, yMax?: number, integer = false): ValueAxis {
  function* values() {
    for (const s of series) if ((s.axis ?? 'left') === side) yield* s.y;
    for (const r of refs ?? []) if ((r.axis ?? 'left') === side) yield r.value;
  }
  return valueAxis(values(), [frame.bottom, frame.top], title, side, yMin, yMax, integer);
}

function seriesPath(frame: Frame, axis: ValueAxis, s: LineSeries): string {
  const xs = frame.x.scale;
  const ys = axis.scale;
  const gen = line<number>()
    .defined((i) => Number.isFinite(s.y[i]))
    .x((i) => xs(s.x[i]))
    .y((i) => ys(s.y[i]))
    .curve(s.curve === 'step' ? curveStepAfter : curveLinear)
    .digits(1);
  const d = gen(indexes(s.x.length)) ?? '';
  if (!d) return '';
  const dash = s.dashArray !== undefined ? (s.dashArray ? ` stroke-dasharray="${s.dashArray}"` : '') : s.dashed ? ' stroke-dasharray="6 3"' : '';
  return `<path class="series" d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width ?? 1.8}" stroke-linejoin="round"${dash}><title>${esc(s.label)}</title></path>`;
}

/** 0..n-1, the data passed to d3-shape (it reads the columns by index). */
export function indexes(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
