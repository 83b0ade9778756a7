// A chart's legend: a row of swatches and labels under the title, wrapping when long.

import { esc, px } from './svg.js';

export interface LegendItem {
  label: string;
  color: string;
  /** line (default), dashed line, a filled box (areas, shaded bands) or a marker triangle. */
  shape?: 'line' | 'dashed' | 'box' | 'marker';
  /** A marker's head as the chart draws it: a triangle up (scale out), down (scale in), or a diamond. */
  direction?: 'up' | 'down' | 'none';
  /** A line's own dash pattern (SVG stroke-dasharray), drawn in its swatch. */
  dashArray?: string;
}

/** Approximate width of a label at the legend's 12.5 px font (no text metrics server-side). */
function textWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += /[A-Z0-9%_]/.test(ch) ? 8.2 : /[ il.,:;'|()\[\]]/.test(ch) ? 3.8 : /[mw]/.test(ch) ? 10 : 6.8;
  return w;
}

/** Renders the legend from (left, top) within width; returns the SVG and the height it took. */
export function renderLegend(items: LegendItem[], left: number, top: number, width: number): { svg: string; height: number } {
  const parts: string[] = [];
  let x = left;
  let y = top;
  for (const item of items) {
    const w = 24 + textWidth(item.label) + 16;
    if (x + w > left + width && x > left) {
      x = left;
      y += 18;
    }
    parts.push(`<g class="legend-item">${swatch(item, x, y)}<text x="${px(x + 24)}" y="${px(y)}" dy="0.32em" class="legend">${esc(item.label)}</text></g>`);
    x += w;
  }
  return { svg: parts.join(''), height: items.length ? y - top + 18 : 0 };
}

function swatch(item: LegendItem, x: number, y: number): string {
  switch (item.shape) {
    case 'box':
      return `<rect x="${px(x)}" y="${px(y - 6)}" width="18" height="12" fill="${item.color}" fill-opacity="0.35" stroke="${item.color}"/>`;
    case 'marker': {
      const c = px(x + 9);
      const head =
        item.direction === 'up'
          ? `M${px(x + 3)},${px(y + 5)}L${px(x + 15)},${px(y + 5)}L${c},${px(y - 6)}Z`
          : item.direction === 'down'
            ? `M${px(x + 3)},${px(y - 5)}L${px(x + 15)},${px(y - 5)}L${c},${px(y + 6)}Z`
            : `M${px(x + 3)},${px(y)}L${c},${px(y - 6)}L${px(x + 15)},${px(y)}L${c},${px(y + 6)}Z`;
      return `<path d="${head}" fill="${item.color}"/>`;
    }
    case 'dashed':
      return `<line x1="${px(x)}" x2="${px(x + 18)}" y1="${px(y)}" y2="${px(y)}" stroke="${item.color}" stroke-width="2" stroke-dasharray="${item.dashArray ?? '5 3'}"/>`;
    default:
      return `<line x1="${px(x)}" x2="${px(x + 18)}" y1="${px(y)}" y2="${px(y)}" stroke="${item.color}" stroke-width="2.5"${item.dashArray ? ` stroke-dasharray="${item.dashArray}"` : ''}/>`;
  }
}
