// The figures per capacity provider of a compare's variants or a sweep's points
// (providers.csv, comparison.md's "Per capacity provider"): each provider's cost and peak
// over an entry's replications, every provider of any entry listed for every entry.

import { PROVIDER_FIGURES, type ProviderFigures } from './metrics.js';
import { summarizeSample, type SampleSummary } from './stats.js';

/** The peak figures of a capacity provider: an EC2 one's maxInstances, a Fargate one's maxTasks. */
export type PeakFigure = 'maxInstances' | 'maxTasks';

/** One replication's figures per capacity provider (summary.json's order). */
export type ReplicationProviders = readonly (readonly [string, ProviderFigures])[];

export interface ProviderOutcome {
  name: string;
  /** Per PROVIDER_FIGURES (cost, maxInstances, maxTasks), over the replications with a value. */
  stats: SampleSummary[];
  /** The largest peak over the replications (NaN: the provider has no such figure). */
  max: Record<PeakFigure, number>;
}

/**
 * Per capacity provider named in any replication of any entry (a compare's variant, a sweep's
 * point; "variant" below), in the order they first appear (variant by variant, replication by
 * replication), for every variant: each figure over its replications. A replication without the provider (the variant does not use it: summary.json
 * names only the providers a service can place on) counts as cost 0 and peak 0 of the
 * provider's kind (maxInstances of an EC2 provider, maxTasks of a Fargate one, as the
 * replications that have it show; the other figure has no value, NaN).
 */
export function providerOutcomes(variants: readonly (readonly ReplicationProviders[])[]): ProviderOutcome[][] {
  const names: string[] = [];
  for (const replications of variants) for (const r of replications) for (const [name] of r) if (!names.includes(name)) names.push(name);
  const present = (replications: readonly ReplicationProviders[], name: string) =>
    replications.flatMap((r) => r.filter(([n]) => n === name).map(([, f]) => f));
  return variants.map((replications) =>
    names.map((name) => {
      // the provider's kind by the figures it has: in this variant's runs, else in the first variant's that has it
      const own = present(replications, name);
      const seen = own.length > 0 ? own : (variants.map((v) => present(v, name)).find((f) => f.length > 0) ?? []);
      const has = (f: PeakFigure) => seen.some((x) => Number.isFinite(x[f]));
      const absent: ProviderFigures = { cost: 0, maxInstances: has('maxInstances') ? 0 : NaN, maxTasks: has('maxTasks') ? 0 : NaN };
      const figures = replications.map((r) => r.find(([n]) => n === name)?.[1] ?? absent);
      const largest = (f: PeakFigure) => {
        const values = figures.map((x) => x[f]).filter((x) => Number.isFinite(x));
        return values.length === 0 ? NaN : Math.max(...values);
      };
      return {
        name,
        stats: PROVIDER_FIGURES.map((f) => summarizeSample(figures.map((x) => x[f]))),
        max: { maxInstances: largest('maxInstances'), maxTasks: largest('maxTasks') },
      };
    }),
  );
}
