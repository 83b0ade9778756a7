// The table `ecsim compare` and `ecsim sweep` print: one row per variant or point, the first
// five headline figures as comparison.md writes them (mean ± 95 % half-width, `(7 of 8)`
// when some replications have no value), and the Pareto column.

import { plusMinus, withCount } from '../experiment/figures-markdown.js';
import { table } from './table.js';

/** A row: its leading cells (the variant's name, or a point's swept values), its figures in METRICS order, whether it is on the Pareto front. */
export interface FiguresRow {
  lead: string[];
  figures: readonly { mean: number; ci95: number; n?: number }[];
  pareto: boolean;
}

const FIGURE_HEADERS = ['cost USD', 'SLO-min', 'p95 ms', 'cpu %', 'task-h'];

export function figuresTable(leadHeader: string[], rows: readonly FiguresRow[], replications: number): string {
  return table(
    [...leadHeader, ...FIGURE_HEADERS, 'pareto'],
    rows.map((r) => [...r.lead, ...FIGURE_HEADERS.map((_, i) => withCount(plusMinus(r.figures[i]), r.figures[i].n, replications)), r.pareto ? 'yes' : '']),
    leadHeader.length,
  );
}
