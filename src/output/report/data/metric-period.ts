// The metric period of a results folder, in seconds: the step between a series' first
// two rows (every row is one period), else the scenario's metrics.period, else 60 s
// (CloudWatch's 1-minute ECS metrics).

import type { SeriesTable } from './results-data.js';

export function metricPeriodS(series: Iterable<SeriesTable>): number {
  for (const s of series) {
    if (s.time.length >= 2) {
      const d = s.time[1] - s.time[0];
      if (d > 0) return d;
    }
  }
  return 60;
}
