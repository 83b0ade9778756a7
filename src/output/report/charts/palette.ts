// The colours of the report: one per series (Tableau 10, colour-blind friendly) and a
// few named roles used the same way on every chart.

export const SERIES_COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length];
}

/**
 * The dash pattern of series i: solid for the first 10 (one colour each), then, as the
 * colours repeat, dashed, dotted, dash-dot, so no two of the first 40 lines look alike
 * (a sweep overlays up to SWEEP_RUNS_LIMIT = 24 points). '' is solid.
 */
export const SERIES_DASHES = ['', '7 4', '2 3', '9 3 2 3'];

export function seriesDash(i: number): string {
  return SERIES_DASHES[Math.floor(i / SERIES_COLORS.length) % SERIES_DASHES.length];
}

export const ROLE = {
  load: '#4e79a7',
  served: '#59a14f',
  dropped: '#e15759',
  running: '#f28e2b',
  desired: '#4e79a7',
  pending: '#b07aa1',
  cpu: '#4e79a7',
  memory: '#9c755f',
  target: '#e15759',
  threshold: '#76b7b2',
  slo: '#e15759',
  alarmHigh: '#e15759',
  alarmLow: '#4e79a7',
  /** An alarm whose policy may move either way (ExactCapacity, steps of both signs). */
  alarmEither: '#edc948',
  scaleOut: '#d62728',
  scaleIn: '#1f77b4',
  scheduled: '#8c564b',
  grid: '#e6e6e6',
  axis: '#555',
} as const;

/**
 * The scaling policies' reference lines on a service chart, one colour per policy in the
 * order scenario.json lists them; none is the colour of a series they are drawn with
 * (utilization: #4e79a7, #9c755f; backlog: #4e79a7, #b07aa1).
 */
export const POLICY_COLORS = ['#e15759', '#59a14f', '#f28e2b', '#76b7b2', '#ff9da7', '#bab0ac'];
