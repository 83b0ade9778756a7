// The CSVs of a comparison folder (names and columns are read by the HTML report):
// comparison.csv, paired.csv, replications.csv, providers.csv (the last three's layout shared
// with a sweep's: pairedTableCsv, replicationsTableCsv, providersTableCsv).

import { stringify } from 'csv-stringify/sync';
import { formatFigure } from '../output/csv-file.js';
import type { Comparison } from './compare.js';
import { METRICS, PROVIDER_FIGURES } from './metrics.js';
import type { ProviderOutcome } from './provider-outcomes.js';
import type { SampleSummary } from './stats.js';

/**
 * One row per variant: `variant`, then `<metric>_mean, <metric>_ci95` per metric, then
 * `pareto`, then `<metric>_n` per metric: the replications with a value (fewer than all when
 * a run has none, e.g. no p95 latency without a request served), which the mean is over.
 */
export function comparisonCsv(c: Comparison): string {
  const header = ['variant', ...METRICS.flatMap((m) => [`${m}_mean`, `${m}_ci95`]), 'pareto', ...METRICS.map((m) => `${m}_n`)];
  const rows = c.variants.map((v) => [
    v.name,
    ...v.stats.flatMap((s) => [formatFigure(s.mean), formatFigure(s.ci95)]),
    String(v.pareto),
    ...v.stats.map((s) => String(s.n)),
  ]);
  return stringify([header, ...rows]);
}

/**
 * providers.csv: one row per (variant, capacity provider), `variant, capacityProvider`, then
 * `<figure>_mean, <figure>_ci95` per figure (`cost`: summary.json's cost.byProvider.<p>, USD;
 * `maxInstances`: capacityProviders.<p>.maxInstances of an EC2 provider; `maxTasks`: of a
 * Fargate one), then `<figure>_n`: the replications with a value (0 and empty cells for the
 * figure a provider of the other kind has not), then `maxInstances_max, maxTasks_max`: the
 * largest peak over the replications. Every provider any variant's runs have is listed for
 * every variant (variant order, then the order the providers first appear, variant by
 * variant): where a variant does not use it, cost 0 and peak 0.
 */
export function providersCsv(c: Comparison): string {
  return providersTableCsv(['variant'], c.variants.map((v) => ({ lead: [v.name], providers: v.providers })));
}

/**
 * providers.csv of a compare (`lead`: `variant`) or a sweep (the point's parameter columns):
 * one row per (entry, provider), the entry's lead cells, `capacityProvider`, then the figures
 * as providersCsv says.
 */
export function providersTableCsv(lead: readonly string[], entries: readonly { lead: readonly string[]; providers: readonly ProviderOutcome[] }[]): string {
  const header = [
    ...lead,
    'capacityProvider',
    ...PROVIDER_FIGURES.flatMap((f) => [`${f}_mean`, `${f}_ci95`]),
    ...PROVIDER_FIGURES.map((f) => `${f}_n`),
    'maxInstances_max',
    'maxTasks_max',
  ];
  const rows = entries.flatMap((e) =>
    e.providers.map((p) => [
      ...e.lead,
      p.name,
      ...p.stats.flatMap((s) => [formatFigure(s.mean), formatFigure(s.ci95)]),
      ...p.stats.map((s) => String(s.n)),
      formatFigure(p.max.maxInstances),
      formatFigure(p.max.maxTasks),
    ]),
  );
  return stringify([header, ...rows]);
}

/**
 * One row per variant but the first: `variant, baseline`, then `<metric>_diff_mean,
 * <metric>_diff_ci95` (variant - baseline), then `<metric>_diff_n` per metric: the
 * replications where both have a value, which the difference is over.
 */
export function pairedCsv(c: Comparison): string {
  const rows = c.variants.filter((v) => v.paired !== null).map((v) => ({ name: v.name, paired: v.paired! }));
  return pairedTableCsv('variant', c.variants[0].name, rows);
}

/** One row per (variant, replication): `variant, replication, seed`, then the raw metrics. */
export function replicationsCsv(c: Comparison): string {
  return replicationsTableCsv('variant', c.variants.map((v) => ({ name: v.name, replications: v.replications })), (k) => String(c.seeds[k]));
}

/**
 * paired.csv of a compare (`variant`) or a sweep (`point`): one row per entry, `<first>,
 * baseline`, then `<metric>_diff_mean, <metric>_diff_ci95` per metric, then `<metric>_diff_n`.
 */
export function pairedTableCsv(first: 'variant' | 'point', baseline: string, rows: readonly { name: string; paired: readonly SampleSummary[] }[]): string {
  const header = [first, 'baseline', ...METRICS.flatMap((m) => [`${m}_diff_mean`, `${m}_diff_ci95`]), ...METRICS.map((m) => `${m}_diff_n`)];
  const body = rows.map((r) => [r.name, baseline, ...r.paired.flatMap((s) => [formatFigure(s.mean), formatFigure(s.ci95)]), ...r.paired.map((s) => String(s.n))]);
  return stringify([header, ...body]);
}

/** replications.csv of a compare (`variant`) or a sweep (`point`): one row per (entry, replication), `<first>, replication, seed`, then the raw metrics. */
export function replicationsTableCsv(first: 'variant' | 'point', rows: readonly { name: string; replications: readonly (readonly number[])[] }[], seed: (k: number) => string): string {
  const body = rows.flatMap((r) => r.replications.map((v, k) => [r.name, String(k), seed(k), ...v.map(formatFigure)]));
  return stringify([[first, 'replication', 'seed', ...METRICS], ...body]);
}
