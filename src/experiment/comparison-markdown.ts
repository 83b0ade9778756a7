// comparison.md: the comparison as a person reads it — a table of means with 95 %
// confidence intervals, the Pareto variants marked, and the paired differences against
// the first variant with a sentence on which are significant.

import type { Comparison } from './compare.js';
import { METRICS, type MetricName } from './metrics.js';
import { isSignificant, type SampleSummary } from './stats.js';

const LABELS: Record<MetricName, { title: string; name: string; unit: string }> = {
  cost: { title: 'cost (USD)', name: 'cost', unit: ' USD' },
  sloViolationMinutes: { title: 'SLO violation (min)', name: 'SLO violation', unit: ' min' },
  latencyP95Ms: { title: 'p95 latency (ms)', name: 'p95 latency', unit: ' ms' },
  cpuMean: { title: 'mean CPU (%)', name: 'mean CPU', unit: ' percentage points' },
  taskHours: { title: 'task-hours', name: 'task-hours', unit: '' },
  scalingActivities: { title: 'scaling activities', name: 'scaling activities', unit: '' },
  droppedRequests: { title: 'rejected requests', name: 'rejected requests', unit: '' },
};

export function comparisonMarkdown(c: Comparison): string {
  const n = c.seeds.length;
  const lines: string[] = [];
  lines.push(`# Comparison: ${c.scenario}`, '');
  lines.push(
    `${c.variants.length} variants x ${n} replication${n === 1 ? '' : 's'} (seeds ${c.seeds[0]}..${c.seeds[n - 1]}). ` +
      'All variants of one replication use the same seed, so they see the same load and the same random delays ' +
      '(common random numbers). Figures are means with the half-width of the 95 % confidence interval (Student t).',
    '',
  );
  lines.push(`| variant | ${METRICS.map((m) => LABELS[m].title).join(' | ')} | Pareto |`);
  lines.push(`|---|${METRICS.map(() => '---:').join('|')}|:---:|`);
  for (const v of c.variants) {
    lines.push(`| ${v.name} | ${v.stats.map(plusMinus).join(' | ')} | ${v.pareto ? 'yes' : ''} |`);
  }
  lines.push('', 'Pareto: no other variant is at least as good on both mean cost and mean SLO violation minutes and better on one (variants that tie are all on the front).', '');
  if (c.variants.length < 2) return `${lines.join('\n')}\n`;

  const baseline = c.variants[0].name;
  lines.push(`## Paired differences against ${baseline}`, '');
  lines.push(`Each variant minus ${baseline}, replication by replication (same seed), then averaged.`, '');
  lines.push(`| variant | ${METRICS.map((m) => LABELS[m].title).join(' | ')} |`);
  lines.push(`|---|${METRICS.map(() => '---:').join('|')}|`);
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

function plusMinus(s: SampleSummary): string {
  if (!Number.isFinite(s.mean)) return '–';
  return Number.isFinite(s.ci95) ? `${human(s.mean)} ± ${human(s.ci95)}` : human(s.mean);
}

function signedPlusMinus(s: SampleSummary): string {
  if (!Number.isFinite(s.mean)) return '–';
  const text = Number.isFinite(s.ci95) ? `${signed(s.mean)} ± ${human(s.ci95)}` : signed(s.mean);
  return isSignificant(s) ? `${text} *` : text;
}

function signed(x: number): string {
  return x > 0 ? `+${human(x)}` : x < 0 ? `−${human(-x)}` : '0';
}

/** Four significant digits, no exponent, no trailing zeros. */
export function human(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.abs(x))));
  return String(Number(x.toFixed(Math.min(digits, 6))));
}
