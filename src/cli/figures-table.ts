// The table `ecsim compare` and `ecsim sweep` print: one row per variant or point, the first
// five headline figures as comparison.md writes them (mean ± 95 % half-width, `(7 of 8)`
// when some replications have no value), and the Pareto column; under it, when the rounded
// cost and SLO figures would give another front than the unrounded means did, a note saying so.

import { plusMinus, shownMean, withCount } from '../experiment/figures-markdown.js';
import { METRICS } from '../experiment/metrics.js';
import { paretoFront } from '../experiment/pareto.js';
import { table } from './table.js';

/** A row: its leading cells (the variant's name, or a point's swept values), its figures in METRICS order, whether it is on the Pareto front. */
export interface FiguresRow {
  lead: string[];
  figures: readonly { mean: number; ci95: number; n?: number }[];
  pareto: boolean;
}

const FIGURE_HEADERS = ['cost USD', 'SLO-min', 'p95 ms', 'cpu %', 'task-h'];

/** `csvFile`: the file with the unrounded means (comparison.csv, sweep.csv), named in the note. */
export function figuresTable(leadHeader: string[], rows: readonly FiguresRow[], replications: number, csvFile: string): string {
  const text = table(
    [...leadHeader, ...FIGURE_HEADERS, 'pareto'],
    rows.map((r) => [...r.lead, ...FIGURE_HEADERS.map((_, i) => withCount(plusMinus(r.figures[i]), r.figures[i].n, replications)), r.pareto ? 'yes' : '']),
    leadHeader.length,
  );
  return roundedFrontDiffers(rows)
    ? `${text}\n\npareto is decided on the unrounded means (${csvFile}'s cost_mean and sloViolationMinutes_mean): on the rounded figures above the front would differ`
    : text;
}

const COST = METRICS.indexOf('cost');
const SLO = METRICS.indexOf('sloViolationMinutes');

/** Whether the front of the cost and SLO means as printed differs from the rows' marks (decided on the unrounded means). */
function roundedFrontDiffers(rows: readonly FiguresRow[]): boolean {
  const shown = paretoFront(rows.map((r) => ({ cost: shownMean(r.figures[COST]), sloViolationMinutes: shownMean(r.figures[SLO]) })));
  return rows.some((r, i) => r.pareto !== shown[i]);
}
