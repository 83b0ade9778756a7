// The cost-vs-SLO scatter: labels that would overlap are moved apart, and figures that
// cannot be negative keep their axis and error bars at 0 and above.
import { describe, it, expect } from 'vitest';
import { scatterChart, type ScatterPoint } from '../../../src/output/report/charts/scatter-chart.js';

const point = (label: string, x: number, y: number, yErr = 0): ScatterPoint => ({ label, x, y, xErr: 0, yErr, highlight: false });

/** The point labels' x, y as drawn. */
function labels(svg: string): { text: string; x: number; y: number }[] {
  return [...svg.matchAll(/<text x="([^"]*)" y="([^"]*)"[^>]*class="point-label">([^<]*)</g)].map((m) => ({ text: m[3], x: Number(m[1]), y: Number(m[2]) }));
}

describe('scatter chart', () => {
  it('moves a label that would overlap an earlier one down or up a line until it does not', () => {
    // three points at nearly the same place (tt-cpu-45 and tt-cpu-50 of a sweep): labels 15 px apart at least
    const svg = scatterChart({
      title: 't',
      xTitle: 'x',
      yTitle: 'y',
      highlightLabel: 'h',
      points: [point('targetValue=45', 1, 10), point('targetValue=50', 1.001, 10.05), point('targetValue=55', 1.002, 10.1), point('far', 3, 1)],
    });
    const ls = labels(svg);
    expect(ls.map((l) => l.text)).toEqual(['targetValue=45', 'targetValue=50', 'targetValue=55', 'far']);
    const near = ls.slice(0, 3).map((l) => l.y);
    for (let i = 0; i < 3; i++) for (let j = i + 1; j < 3; j++) expect(Math.abs(near[i] - near[j])).toBeGreaterThanOrEqual(14);
    // a label with room keeps its place: 10 px right of the point, 8 px above
    const circles = [...svg.matchAll(/<circle cx="([^"]*)" cy="([^"]*)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(ls[0].x).toBeCloseTo(circles[0][0] + 10, 0);
    expect(ls[0].y).toBeCloseTo(circles[0][1] - 8, 0);
    expect(ls[3].y).toBeCloseTo(circles[3][1] - 8, 0);
  });

  it('non-negative figures: the axis and the error bar stop at 0 when the interval reaches below it (SLO 5.2 ± 5.65)', () => {
    const spec = { title: 't', xTitle: 'x', yTitle: 'y', highlightLabel: 'h', points: [point('tt-cpu-45', 1, 5.2, 5.65), point('b', 2, 20, 1)] };
    const svg = scatterChart({ ...spec, nonNegative: true });
    const ticks = [...svg.matchAll(/class="tick">([^<]*)</g)].map((m) => m[1]);
    expect(ticks.some((t) => /^[-−]/.test(t))).toBe(false);
    expect(ticks).toContain('0');
    // the bar: from the y of 0 (the x axis line) up to 5.2 + 5.65, no cap at the cut end
    const bottom = Number(/<line x1="80" x2="[^"]*" y1="([^"]*)" y2="\1" stroke="#555"/.exec(svg)![1]);
    const bar = /<path class="errorbar" d="M([^,]*),([^V]*)V([^M"]*)([^"]*)"/.exec(svg)!;
    expect(Number(bar[2])).toBeCloseTo(bottom, 0);
    expect((bar[0].match(/H/g) ?? []).length).toBe(1); // the top cap only
    // without the option the axis goes below 0 as the interval does
    const signed = scatterChart(spec);
    expect([...signed.matchAll(/class="tick">([^<]*)</g)].some((m) => /^[-−]/.test(m[1]))).toBe(true);
  });
});
