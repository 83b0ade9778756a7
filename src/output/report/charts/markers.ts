// Event overlays on time charts: vertical markers (scaling activities, scheduled
// actions) with a triangle pointing the way capacity moved, and shaded bands (alarm
// states). Each carries a <title> tooltip with the event's own sentence.

import type { ScaleLinear } from 'd3-scale';
import { esc, px } from './svg.js';

export interface Marker {
  timeS: number;
  color: string;
  title: string;
  direction: 'up' | 'down' | 'none';
}

export interface Band {
  fromS: number;
  toS: number;
  color: string;
  title: string;
}

export function renderBands(bands: readonly Band[], x: ScaleLinear<number, number>, top: number, bottom: number): string {
  const [lo, hi] = x.range();
  const parts: string[] = [];
  for (const b of bands) {
    const x0 = Math.max(lo, x(b.fromS));
    const x1 = Math.min(hi, x(b.toS));
    if (!(x1 > x0)) continue;
    parts.push(`<rect class="band" x="${px(x0)}" y="${px(top)}" width="${px(Math.max(1, x1 - x0))}" height="${px(bottom - top)}" fill="${b.color}" fill-opacity="0.14"><title>${esc(b.title)}</title></rect>`);
  }
  return parts.join('');
}

export function renderMarkers(markers: readonly Marker[], x: ScaleLinear<number, number>, top: number, bottom: number): string {
  const parts: string[] = [];
  for (const m of markers) {
    const cx = x(m.timeS);
    const X = px(cx);
    const head =
      m.direction === 'up'
        ? `M${px(cx - 5)},${px(top + 8)}L${px(cx + 5)},${px(top + 8)}L${X},${px(top)}Z`
        : m.direction === 'down'
          ? `M${px(cx - 5)},${px(top)}L${px(cx + 5)},${px(top)}L${X},${px(top + 8)}Z`
          : `M${px(cx - 4)},${px(top + 4)}L${X},${px(top)}L${px(cx + 4)},${px(top + 4)}L${X},${px(top + 8)}Z`;
    parts.push(
      `<g class="marker"><title>${esc(m.title)}</title><line x1="${X}" x2="${X}" y1="${px(top)}" y2="${px(bottom)}" stroke="${m.color}" stroke-opacity="0.55" stroke-dasharray="3 2"/><path d="${head}" fill="${m.color}"/></g>`,
    );
  }
  return parts.join('');
}
