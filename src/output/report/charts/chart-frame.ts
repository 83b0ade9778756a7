// The layout every time chart shares: a title, a legend, the plot area with a time x
// axis and one or two value axes. Chart kinds (line-chart.ts, area-chart.ts) draw into it.

import type { SimClock } from '../format/sim-time.js';
import { renderLegend, type LegendItem } from './legend.js';
import { esc, px, SVG_NS } from './svg.js';
import { renderTimeAxis, timeAxis, type TimeAxis } from './time-axis.js';

export const CHART_WIDTH = 1100;
const PLOT_HEIGHT = 220;
const MARGIN = { left: 70, right: 70, top: 30, bottom: 46 };

export interface FrameSpec {
  title: string;
  clock: SimClock;
  domainS: [number, number];
  legend: LegendItem[];
  width?: number;
}

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: TimeAxis;
  header: string;
}

export function chartFrame(spec: FrameSpec): Frame {
  const width = spec.width ?? CHART_WIDTH;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const legend = renderLegend(spec.legend, left, MARGIN.top, right - left);
  const top = MARGIN.top + legend.height + 6;
  const bottom = top + PLOT_HEIGHT;
  const height = bottom + MARGIN.bottom;
  const x = timeAxis(spec.clock, spec.domainS, [left, right]);
  const header = `<text x="${px(left)}" y="18" class="chart-title">${esc(spec.title)}</text>${legend.svg}`;
  return { width, height, left, right, top, bottom, x, header };
}

/** Wraps a chart's layers into one responsive <svg>; `body` is drawn over the time axis grid. */
export function svgDocument(frame: Frame, label: string, layers: { under: string; body: string; over: string }): string {
  return (
    `<svg xmlns="${SVG_NS}" class="chart" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-label="${esc(label)}">` +
    `<rect width="${frame.width}" height="${frame.height}" fill="#fff"/>` +
    frame.header +
    layers.under +
    renderTimeAxis(frame.x, frame.top, frame.bottom) +
    `<defs><clipPath id="${CLIP_ID}"><rect x="${frame.left}" y="${px(frame.top - 1)}" width="${frame.right - frame.left}" height="${px(frame.bottom - frame.top + 2)}"/></clipPath></defs>` +
    `<g clip-path="url(#${CLIP_ID})">${layers.body}</g>` +
    layers.over +
    `</svg>`
  );
}

/**
 * The id of a chart's clip path. Every chart names it alike; a page of several charts
 * numbers them with numberChartIds, as ids must be unique in a document.
 */
const CLIP_ID = 'plot-clip';

/**
 * `html` with the clip path of its n-th chart (counted from 1, in document order) named
 * `plot-clip-n`, its reference too: the same page gets the same ids every time. Text in the
 * page cannot match, as esc() writes a quote as &quot;.
 */
export function numberChartIds(html: string): string {
  let n = 0;
  return html.replace(/ id="plot-clip"|url\(#plot-clip\)/g, (m) => (m.startsWith(' id=') ? ` id="plot-clip-${++n}"` : `url(#plot-clip-${n})`));
}
