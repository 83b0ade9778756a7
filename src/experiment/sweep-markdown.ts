// comparison.md of a sweep: the sweep as a person reads it — one row per point with its
// swept values (each column named as in the point labels, point-label.ts), every headline
// figure as mean ± 95 % half-width and the Pareto points marked, formatted as compare's
// comparison.md (figures-markdown.ts); with 2 or more replications, then the paired
// differences of every point against the first, with a sentence per point on which are
// significant, as compare's against its first variant (sweep-paired.ts); between the two,
// the figures per capacity provider of every point (sweep-providers.ts). Built from the
// table sweep.csv is built from, so `ecsim merge` writes the same bytes as the unsharded sweep.

import { providerTableLines, signedPlusMinus, significanceSentence } from './comparison-markdown.js';
import { startNote, COMBINED_NOTE, UNPAIRED_NOTE, METRIC_ALIGNMENT, METRIC_TITLES, missingNote, PAIRED_POINTS_NOTE, paretoNote, plusMinus, runsParagraph, significanceNote, withCount } from './figures-markdown.js';
import { METRICS } from './metrics.js';
import { sweepPairing } from './sweep-paired.js';
import { shortNames } from './point-label.js';
import type { SweepTable } from './sweep.js';
import { sortedRows, sweepParetoFront } from './sweep-files.js';
import { sweepProviderOutcomes } from './sweep-providers.js';

/** `csvFile`: the name of the CSV written beside it (sweep.csv, or `ecsim merge --out`'s), which the Pareto note names. */
export function sweepMarkdown(table: SweepTable, csvFile = 'sweep.csv'): string {
  const rows = sortedRows(table);
  const front = sweepParetoFront(rows);
  const { seed, replications } = table;
  const lines: string[] = [];
  lines.push(table.scenario === undefined ? '# Sweep' : `# Sweep: ${table.scenario}`, '');
  lines.push(runsParagraph(table.pointCount, 'point', replications, seed === undefined ? undefined : [seed, seed + replications - 1]), '');
  lines.push(`| ${shortNames(table.paths).map(cell).join(' | ')} | ${METRIC_TITLES} | Pareto |`);
  lines.push(`|${table.paths.map(() => '---').join('|')}|${METRIC_ALIGNMENT}|:---:|`);
  rows.forEach((r, i) => {
    const figures = r.means.map((mean, m) => withCount(plusMinus({ mean, ci95: r.ci95[m] }), r.counts?.[m], replications));
    lines.push(`| ${r.params.map(cell).join(' | ')} | ${figures.join(' | ')} | ${front[i] ? 'yes' : ''} |`);
  });
  const pairing = sweepPairing(table);
  // the paired table below is written with 2+ replications, 2+ points and every point's replications
  const paired = replications >= 2 && rows.length >= 2 && pairing !== undefined;
  lines.push('', COMBINED_NOTE, '', paretoNote('point', csvFile), '', startNote('point', table.paths.includes('warmStart') ? 'swept' : undefined, paired));
  const partial = rows.some((r) => r.counts?.some((n) => n < replications)) || pairing?.points.some((p) => p.paired.some((s) => s.n < replications));
  if (partial) lines.push('', missingNote(replications, 'point', pairing !== undefined));
  // one replication: no intervals; one point: no difference to take (paired.csv has only its header, as compare's of one variant)
  const pairs = replications >= 2 && rows.length >= 2;
  if (pairs) lines.push('', pairing === undefined ? UNPAIRED_NOTE : PAIRED_POINTS_NOTE);
  const providers = sweepProviderOutcomes(table).map((p) => ({ lead: p.row.params.map(cell), providers: p.providers }));
  lines.push('', ...providerTableLines('point', shortNames(table.paths).map(cell), providers, replications));
  if (!pairs || pairing === undefined) return `${lines.join('\n').replace(/\n+$/, '')}\n`;
  const { baseline } = pairing;
  lines.push(`## Paired differences against ${baseline}`, '');
  lines.push(`Each point minus ${baseline} (the first value of every swept path), replication by replication (same seed), then averaged.`, '');
  lines.push(`| ${shortNames(table.paths).map(cell).join(' | ')} | ${METRIC_TITLES} |`);
  lines.push(`|${table.paths.map(() => '---').join('|')}|${METRIC_ALIGNMENT}|`);
  for (const p of pairing.points) lines.push(`| ${p.row.params.map(cell).join(' | ')} | ${p.paired.map((s) => signedPlusMinus(s, replications)).join(' | ')} |`);
  lines.push('', significanceNote(METRICS.length), '');
  for (const p of pairing.points) lines.push(`- ${significanceSentence(p.label, baseline, p.paired, replications)}`);
  return `${lines.join('\n')}\n`;
}

/** Whether `text` is an earlier sweep's comparison.md (its heading), which a merge may replace. */
export function isSweepMarkdown(text: string): boolean {
  return /^# Sweep(: .*)?\n/.test(text);
}

/** A table cell: `|` escaped, line breaks as spaces (a value may be any JSON or YAML text). */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
