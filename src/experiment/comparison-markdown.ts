// comparison.md: the comparison as a person reads it — a table of means with 95 %
// confidence intervals, the Pareto variants marked, and the paired differences against
// the first variant with a sentence on which are significant.

import type { Comparison } from './compare.js';
import { human, METRIC_ALIGNMENT, METRIC_LABELS as LABELS, METRIC_TITLES, paretoNote, plusMinus, runsParagraph, signed } from './figures-markdown.js';
import { METRICS } from './metrics.js';
import { isSignificant, type SampleSummary } from './stats.js';

export function comparisonMarkdown(c: Comparison): string {
  const n = c.seeds.length;
  const lines: string[] = [];
  lines.push(`# Comparison: ${c.scenario}`, '');
  lines.push(runsParagraph(c.variants.length, 'variant', n, [c.seeds[0], c.seeds[n - 1]]), '');
  lines.push(`| variant | ${METRIC_TITLES} | Pareto |`);
  lines.push(`|---|${METRIC_ALIGNMENT}|:---:|`);
  for (const v of c.variants) {
    lines.push(`| ${v.name} | ${v.stats.map(plusMinus).join(' | ')} | ${v.pareto ? 'yes' : ''} |`);
  }
  lines.push('', paretoNote('variant'), '');
  if (c.variants.length < 2) return `${lines.join('\n')}\n`;

  const baseline = c.variants[0].name;
  lines.push(`## Paired differences against ${baseline}`, '');
  lines.push(`Each variant minus ${baseline}, replication by replication (same seed), then averaged.`, '');
  lines.push(`| variant | ${METRIC_TITLES} |`);
  lines.push(`|---|${METRIC_ALIGNMENT}|`);
  for (const v of c.variants.slice(1)) lines.push(`| ${v.name} | ${v.paired!.map((s) => signedPlusMinus(s)).join(' | ')} |`);
  lines.push('');
  if (n < 2) {
    lines.push('With one replication there are no confidence intervals: run with `--replications 5` or more to tell real differences from noise.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('Differences marked * are significant at the 95 % level (the interval leaves out zero).', '');
  for (const v of c.variants.slice(1)) lines.push(`- ${significanceSentence(v.name, baseline, v.paired!)}`);
  return `${lines.join('\n')}\n`;
}

function significanceSentence(name: string, baseline: string, paired: SampleSummary[]): string {
  const significant = METRICS.map((m, i) => ({ m, s: paired[i] })).filter(({ s }) => isSignificant(s));
  if (significant.length === 0) return `**${name}** shows no significant difference from ${baseline} on any figure.`;
  const parts = significant.map(
    ({ m, s }) => `${LABELS[m].name} ${signed(s.mean)}${LABELS[m].unit} (95 % CI ${signed(s.mean - s.ci95)} to ${signed(s.mean + s.ci95)})`,
  );
  const others = METRICS.length - significant.length;
  return `**${name}** differs significantly from ${baseline} in ${parts.join('; ')}${others > 0 ? `; the other ${others} figures show no significant difference` : ''}.`;
}

function signedPlusMinus(s: SampleSummary): string {
  if (!Number.isFinite(s.mean)) return '–';
  const text = Number.isFinite(s.ci95) ? `${signed(s.mean)} ± ${human(s.ci95)}` : signed(s.mean);
  return isSignificant(s) ? `${text} *` : text;
}
