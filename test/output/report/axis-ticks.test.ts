// Count axes (tasks, instances) tick at whole numbers only; an SI-prefixed axis's 0 is "0".

import { describe, it, expect } from 'vitest';
import { valueAxis, renderValueAxis } from '../../../src/output/report/charts/value-axis.js';
import { lineChart } from '../../../src/output/report/charts/line-chart.js';
import { simClock } from '../../../src/output/report/format/sim-time.js';

const ticks = (svg: string) => [...svg.matchAll(/class="tick">([^<]*)</g)].map((m) => m[1]);

describe('value axis ticks', () => {
  it('a count axis up to 2 ticks 0, 1, 2 (d3 would add 0.5 and 1.5); up to 1 (one instance pending) ticks 0 and 1', () => {
    expect(ticks(renderValueAxis(valueAxis([0, 2], [200, 0], 'instances', 'left', undefined, undefined, true), 50, 500, true))).toEqual(['0', '1', '2']);
    expect(ticks(renderValueAxis(valueAxis([0, 1], [200, 0], 'instances', 'left', undefined, undefined, true), 50, 500, true))).toEqual(['0', '1']);
    // a count below 1 (a fluid backlog of 0.3 messages) still shows the axis up to 1
    expect(ticks(renderValueAxis(valueAxis([0, 0.3], [200, 0], 'messages', 'right', 0, undefined, true), 50, 500, false))).toEqual(['0', '1']);
    // not a count: the fractional ticks stay
    expect(ticks(renderValueAxis(valueAxis([0, 2], [200, 0], '% of reserved', 'left'), 50, 500, true))).toEqual(['0', '0.5', '1', '1.5', '2']);
  });

  it('an axis of ten thousands and more reads 0, not "0k", at its foot', () => {
    expect(ticks(renderValueAxis(valueAxis([0, 40_000], [200, 0], 'requests / s', 'left'), 50, 500, true))).toEqual(['0', '10k', '20k', '30k', '40k']);
  });

  it('lineChart passes yInteger and yRightInteger to its axes', () => {
    const x = Float64Array.of(0, 60, 120);
    const svg = lineChart({
      title: 't',
      clock: simClock(0, 180),
      domainS: [0, 180],
      yTitle: 'tasks',
      yInteger: true,
      yTitleRight: 'messages',
      yRightInteger: true,
      series: [
        { label: 'a', x, y: Float64Array.of(0, 1, 2), color: '#000' },
        { label: 'b', x, y: Float64Array.of(0, 3, 4), color: '#111', axis: 'right' },
      ],
    });
    expect(ticks(svg).filter((t) => t.includes('.'))).toEqual([]);
    expect(ticks(svg).filter((t) => !t.includes(':'))).toEqual(['0', '1', '2', '0', '1', '2', '3', '4']);
  });
});
