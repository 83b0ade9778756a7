// comparison.md: the comparison as a person reads it — a table of means with 95 %
// confidence intervals, the Pareto variants marked, and the paired differences against
// the first variant with a sentence on which are significant.

import type { Comparison } from './compare.js';
import { startNote, COMBINED_NOTE, METRIC_ALIGNMENT, METRIC_LABELS as LABELS, METRIC_TITLES, missingNote, paretoNote, plusMinus, runsParagraph, signed, signedAtPlace, signedPlusMinusText, significanceNote, withCount } from './figures-markdown.js';
import { METRICS } from './metrics.js';
import type { ProviderOutcome } from './provider-outcomes.js';
import { isSameEveryTime, isSignificant, type SampleSummary } from './stats.js';

export function comparisonMarkdown(c: Comparison): string {
  const n = c.seeds.length;
  const lines: string[] = [];
  lines.push(`# Comparison: ${c.scenario}`, '');
  lines.push(runsParagraph(c.variants.length, 'variant', n, [c.seeds[0], c.seeds[n - 1]]), '');
  lines.push(`| variant | ${METRIC_TITLES} | Pareto |`);
  lines.push(`|---|${METRIC_ALIGNMENT}|:---:|`);
  for (const v of c.variants) {
    lines.push(`| ${v.name} | ${v.stats.map((s) => withCount(plusMinus(s), s.n, n)).join(' | ')} | ${v.pareto ? 'yes' : ''} |`);
  }
  lines.push('', COMBINED_NOTE, '', paretoNote('variant'), '', startNote('variant', warmVariants(c), c.variants.length >= 2), '');
  const partial = c.variants.some((v) => v.stats.some((s) => s.n < n));
  if (partial) lines.push(missingNote(n, 'variant'), '');
  lines.push(...providersTable(c));
  if (c.variants.length < 2) return `${lines.join('\n')}\n`;

  const baseline = c.variants[0].name;
  lines.push(`## Paired differences against ${baseline}`, '');
  lines.push(`Each variant minus ${baseline}, replication by replication (same seed), then averaged.`, '');
  lines.push(`| variant | ${METRIC_TITLES} |`);
  lines.push(`|---|${METRIC_ALIGNMENT}|`);
  for (const v of c.variants.slice(1)) lines.push(`| ${v.name} | ${v.paired!.map((s) => signedPlusMinus(s, n)).join(' | ')} |`);
  lines.push('');
  if (n < 2) {
    lines.push('With one replication there are no confidence intervals: run with `--replications 5` or more to tell real differences from noise.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(significanceNote(METRICS.length), '');
  for (const v of c.variants.slice(1)) lines.push(`- ${significanceSentence(v.name, baseline, v.paired!, n)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Which figures differ significantly (the difference and its interval's ends rounded to the
 * half-width's place, as the table's `−0.0151 ± 0.0044`: `−0.0151 USD (95 % CI −0.0195 to
 * −0.0107)`), which by the same amount in every replication, how
 * many show no significant difference, and which have too few values to tell.
 */
export function significanceSentence(name: string, baseline: string, paired: SampleSummary[], replications: number): string {
  const rows = METRICS.map((m, i) => ({ m, s: paired[i] }));
  const significant = rows.filter(({ s }) => isSignificant(s));
  const same = rows.filter(({ s }) => isSameEveryTime(s) && s.mean !== 0);
  const untested = rows.filter(({ s }) => s.n < 2);
  const rest = rows.length - significant.length - same.length - untested.length;
  const clauses: string[] = [];
  if (significant.length > 0) {
    const parts = significant.map(
      ({ m, s }) => `${LABELS[m].name} ${signedAtPlace(s.mean, s.ci95)}${LABELS[m].unit} (95 % CI ${signedAtPlace(s.mean - s.ci95, s.ci95)} to ${signedAtPlace(s.mean + s.ci95, s.ci95)})`,
    );
    clauses.push(`**${name}** differs significantly from ${baseline} in ${parts.join('; ')}`);
  }
  if (same.length > 0) {
    const parts = same.map(({ m, s }) => `${LABELS[m].name} ${signed(s.mean)}${LABELS[m].unit}, the same difference in every replication (n = ${s.n})`);
    clauses.push(`${clauses.length > 0 ? 'it differs' : `**${name}** differs from ${baseline}`} in ${parts.join('; ')}`);
  }
  if (rest > 0) {
    if (clauses.length > 0) clauses.push(rest === 1 ? 'the other figure shows no significant difference' : `the other ${rest} figures show no significant difference`);
    else if (untested.length === 0) clauses.push(`**${name}** shows no significant difference from ${baseline} on any figure`);
    else clauses.push(`**${name}** shows no significant difference from ${baseline} on ${rest === 1 ? 'the one figure' : `the ${rest} figures`} with values to test`);
  }
  if (untested.length > 0) {
    const names = untested.map(({ m, s }) => `${LABELS[m].name} (${s.n} of ${replications})`).join(', ');
    const text = `not tested, fewer than 2 replications with a value for both: ${names}`;
    clauses.push(clauses.length > 0 ? text : `**${name}**: ${text}`);
  }
  return `${clauses.join('; ')}.`;
}

/** `+1.2 ± 0.3 (7 of 8) *`: the difference, the count of pairs when below the replications, the significance mark. */
export function signedPlusMinus(s: SampleSummary, replications: number): string {
  if (!Number.isFinite(s.mean)) return '–';
  const text = withCount(signedPlusMinusText(s.mean, s.ci95), s.n, replications);
  return isSignificant(s) ? `${text} *` : text;
}

/** The variants that start warm (`warmStart: true`), by name; 'all' when every one does. */
function warmVariants(c: Comparison): string[] | 'all' {
  const warm = c.variants.filter((v) => v.warmStart === true).map((v) => v.name);
  return warm.length > 0 && warm.length === c.variants.length ? 'all' : warm;
}

/** comparison.md's `## Per capacity provider` of a compare: providerTableLines, a row per (variant, provider). */
function providersTable(c: Comparison): string[] {
  return providerTableLines('variant', ['variant'], c.variants.map((v) => ({ lead: [v.name], providers: v.providers })), c.seeds.length);
}

/**
 * `## Per capacity provider` of a compare or a sweep: one row per (entry, provider), every
 * provider any entry uses for every entry (cost 0 and peak 0 where an entry does not use it),
 * after the entry's `lead` cells (a variant's name, a point's swept values) under
 * `leadTitles`: its cost (summary.json's cost.byProvider) and peak instances (EC2:
 * maxInstances) or peak tasks (Fargate: maxTasks), mean ± 95 % half-width as the figures
 * above, each peak beside the largest over the replications. An entry whose `providers` is
 * undefined (a sweep point merged from a shard file written before shard files recorded them)
 * has one row saying `not recorded`, and the note under the table says why; when no entry has
 * them, the section is NONE_RECORDED_NOTE alone. None when there are no rows at all.
 */
export function providerTableLines(noun: 'variant' | 'point', leadTitles: readonly string[], entries: readonly { lead: readonly string[]; providers: readonly ProviderOutcome[] | undefined }[], replications: number): string[] {
  const recorded = entries.filter((e) => e.providers !== undefined);
  const unrecorded = entries.length - recorded.length;
  if (recorded.every((e) => e.providers!.length === 0) && unrecorded === 0) return [];
  const lines = ['## Per capacity provider', ''];
  if (recorded.length === 0) return [...lines, NONE_RECORDED_NOTE, ''];
  const cell = (s: SampleSummary) => (s.n === 0 ? '' : withCount(plusMinus(s), s.n, replications));
  const largest = (x: number) => (Number.isFinite(x) ? String(x) : '');
  lines.push(`| ${[...leadTitles, ...PROVIDER_COLUMN_TITLES].join(' | ')} |`, `|${leadTitles.map(() => '---').join('|')}|---|---:|---:|---:|---:|---:|`);
  for (const e of entries) {
    if (e.providers === undefined) lines.push(`| ${e.lead.join(' | ')} | not recorded |  |  |  |  |  |`);
    for (const p of e.providers ?? []) {
      const [cost, instances, tasks] = p.stats.map(cell);
      lines.push(`| ${e.lead.join(' | ')} | ${p.name} | ${cost} | ${instances} | ${largest(p.max.maxInstances)} | ${tasks} | ${largest(p.max.maxTasks)} |`);
    }
  }
  lines.push('', providersNote(noun), '');
  if (unrecorded > 0) lines.push(NOT_RECORDED_NOTE, '');
  return lines;
}

/** Under a sweep's per-provider table, when some point has no figures per capacity provider (comparison.md's and the sweep page's). */
export const NOT_RECORDED_NOTE =
  'Not recorded: a point so marked was merged from a shard file written before ecsim recorded the figures per capacity provider in shard files; ' +
  'providers.csv has no rows for it. Run that shard again and merge for them.';

/** A sweep's `## Per capacity provider` when no point has the figures (merged from shard files all written before they carried them). */
export const NONE_RECORDED_NOTE =
  'No point has figures per capacity provider: every point was merged from a shard file written before ecsim recorded them in shard files, ' +
  'so there is no providers.csv. Run the shards again and merge for them.';

/**
 * The comparison page's, for a sweep folder without providers.csv: merged as NONE_RECORDED_NOTE
 * says, or written by an ecsim before sweeps wrote providers.csv (the page cannot tell which).
 */
export const NO_PROVIDERS_FILE_NOTE =
  'No point has figures per capacity provider: this folder has no providers.csv (its points were merged from shard files written before ecsim recorded them in shard files, ' +
  'or the sweep was run by an ecsim that did not write providers.csv). Run the sweep, or its shards and merge, again for them.';

/**
 * The comparison page's, for a compare folder without providers.csv: written by an ecsim
 * before compare wrote it (2026-11-27), whose comparison.md has no such section either.
 */
export const NO_COMPARE_PROVIDERS_FILE_NOTE =
  'Not recorded: this folder has no providers.csv, so no variant has figures per capacity provider ' +
  '(the compare was run by an ecsim that did not write the file, before 2026-11-27). Run the compare again for them.';

/** The note under the per-provider table (comparison.md's and the comparison page's), of a compare's variants or a sweep's points. */
export const providersNote = (noun: 'variant' | 'point'): string =>
  "Cost is summary.json's `cost.byProvider`; peak instances an EC2 provider's `maxInstances` (the most instances pending, running or draining at the end of a metric period), " +
  "peak tasks a Fargate provider's `maxTasks` (the most tasks RUNNING on it at the end of a metric period): the mean over the replications of each one's peak, and the largest of them. " +
  'A peak includes the brief overshoot while tasks wait for instances, so it can be above the fleet the load needs once scaling settles: ' +
  "see \"How many instances at peak\" in the capacity planners' guide (docs/guide-capacity-planners.md). " +
  `Every provider of any ${noun} has a row for every ${noun}: cost 0 and peak 0 where the ${noun} does not use it. providers.csv has the figures unrounded.`;

/** The per-provider table's column titles after `variant` (comparison.md's and the comparison page's). */
export const PROVIDER_COLUMN_TITLES = ['capacity provider', 'cost (USD)', 'peak instances', 'largest peak instances', 'peak tasks', 'largest peak tasks'];
