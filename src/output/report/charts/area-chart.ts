// Stacked area charts over simulated time (e.g. cost to date by capacity provider): each
// layer sits on the ones before it; d3-shape draws the areas. The layers share one time
// base; points are thinned together (the stack's total decides which ones stay).

import { area, curveLinear, curveStepAfter } from 'd3-shape';
import { chartFrame, svgDocument } from './chart-frame.js';
import { downsampleMinMax, MAX_POINTS_PER_LINE } from './downsample.js';
import { indexes } from './line-chart.js';
import { esc } from './svg.js';
import { renderValueAxis, valueAxis } from './value-axis.js';
import type { SimClock } from '../format/sim-time.js';

export interface AreaLayer {
  label: string;
  y: Float64Array;
  color: string;
}

export interface AreaChartSpec {
  title: string;
  clock: SimClock;
  domainS: [number, number];
  yTitle: string;
  /** Seconds since the start, shared by all layers. */
  x: Float64Array;
  layers: AreaLayer[];
  curve?: 'linear' | 'step';
  width?: number;
}

export function stackedAreaChart(spec: AreaChartSpec): string {
  const legend = spec.layers.map((l) => ({ label: l.label, color: l.color, shape: 'box' as const }));
  const frame = chartFrame({ title: spec.title, clock: spec.clock, domainS: spec.domainS, legend, width: spec.width });
  const n = spec.x.length;
  const tops = spec.layers.map(() => new Float64Array(n));
  const total = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    spec.layers.forEach((l, j) => {
      const v = l.y[i];
      acc += Number.isFinite(v) ? v : 0;
      tops[j][i] = acc;
    });
    total[i] = acc;
  }
  const keep = keptIndexes(spec.x, total);
  const axis = valueAxis(total, [frame.bottom, frame.top], spec.yTitle, 'left');
  const xs = frame.x.scale;
  const ys = axis.scale;
  const body: string[] = [];
  spec.layers.forEach((l, j) => {
    const below = j === 0 ? null : tops[j - 1];
    const gen = area<number>()
      .x((i) => xs(spec.x[i]))
      .y0((i) => ys(below ? below[i] : 0))
      .y1((i) => ys(tops[j][i]))
      .curve(spec.curve === 'step' ? curveStepAfter : curveLinear)
      .digits(1);
    const d = gen(keep) ?? '';
    if (d) body.push(`<path class="series" d="${d}" fill="${l.color}" fill-opacity="0.55" stroke="${l.color}" stroke-width="1.2"><title>${esc(l.label)}</title></path>`);
  });
  const under = renderValueAxis(axis, frame.left, frame.right, true);
  return svgDocument(frame, spec.title, { under, body: body.join(''), over: '' });
}

/** The indexes the thinned total keeps (min/max per bucket), so every layer uses the same points. */
function keptIndexes(x: Float64Array, total: Float64Array): Uint32Array {
  if (x.length <= MAX_POINTS_PER_LINE) return indexes(x.length);
  const idx = new Float64Array(x.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  // Downsample (index, total) pairs: the x of each kept point is its index.
  const kept = downsampleMinMax(idx, total, MAX_POINTS_PER_LINE).x;
  return Uint32Array.from(kept);
}
