// Small helpers for writing SVG/HTML as strings: escaping and number formatting.

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESC[c]);
}

/** A coordinate with at most one decimal: keeps the SVG small. */
export function px(v: number): string {
  return String(Math.round(v * 10) / 10);
}

export const SVG_NS = 'http://www.w3.org/2000/svg';
