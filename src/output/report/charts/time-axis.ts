// The x axis of every time chart: seconds since the start mapped to pixels (d3-scale),
// ticks at round calendar times chosen by d3's UTC time scale, labelled as simulated
// clock time (format/sim-time.ts).

import { scaleLinear, scaleUtc, type ScaleLinear } from 'd3-scale';
import { clockLabel, type SimClock } from '../format/sim-time.js';
import { ROLE } from './palette.js';
import { esc, px } from './svg.js';

export interface TimeAxis {
  scale: ScaleLinear<number, number>;
  /** Tick positions, seconds since the start. */
  ticks: number[];
  label: (timeS: number) => string;
}

export function timeAxis(clock: SimClock, domainS: [number, number], range: [number, number]): TimeAxis {
  const scale = scaleLinear().domain(domainS).range(range);
  const utc = scaleUtc().domain([new Date(clock.startEpochMs + domainS[0] * 1000), new Date(clock.startEpochMs + domainS[1] * 1000)]);
  const count = Math.max(2, Math.floor((range[1] - range[0]) / 110));
  const ticks = utc.ticks(count).map((d) => (d.getTime() - clock.startEpochMs) / 1000);
  return { scale, ticks, label: (t) => clockLabel(clock, t) };
}

/** Grid lines, tick labels and the axis title under the plot area. */
export function renderTimeAxis(axis: TimeAxis, top: number, bottom: number): string {
  const parts: string[] = [];
  for (const t of axis.ticks) {
    const x = px(axis.scale(t));
    parts.push(`<line x1="${x}" x2="${x}" y1="${px(top)}" y2="${px(bottom)}" stroke="${ROLE.grid}"/>`);
    parts.push(`<text x="${x}" y="${px(bottom + 16)}" text-anchor="middle" class="tick">${esc(axis.label(t))}</text>`);
  }
  const [x0, x1] = axis.scale.range();
  parts.push(`<line x1="${px(x0)}" x2="${px(x1)}" y1="${px(bottom)}" y2="${px(bottom)}" stroke="${ROLE.axis}"/>`);
  parts.push(`<text x="${px((x0 + x1) / 2)}" y="${px(bottom + 34)}" text-anchor="middle" class="axis-title">simulated time (UTC)</text>`);
  return parts.join('');
}
