// Every variant of a comparison runs one duration. Cost, task-hours, SLO violation minutes
// and dropped requests are run totals, so a variant run half as long looks about half as
// expensive; its load is another stretch of the day (a trace, a diurnal or weekly pattern),
// and the cold start every run pays (docs/assumptions.md) weighs more in a short run, so
// dividing by the duration would not make the figures comparable either. The Pareto front
// and the paired differences would rank such variants against each other: compare and
// validate refuse them (exit 2) rather than print a table a capacity planner would misread.

import { formatDuration, parseDuration } from '../scenario/duration.js';
import type { ScenarioIssue } from '../scenario/index.js';
import type { ExperimentFile } from './experiment-file.js';
import { isJsonObject } from './merge-patch.js';

/** One issue per variant whose duration is not the first variant's; `variants` are [name, derived raw scenario], all valid. */
export function variantDurationIssues(exp: ExperimentFile, variants: readonly [string, Record<string, unknown>][]): ScenarioIssue[] {
  // --duration sets every run's duration (a variant's own is refused with it)
  if (exp.durationOverrideMs !== undefined || variants.length < 2) return [];
  const ms = (raw: Record<string, unknown>) => parseDuration(raw.duration);
  const [firstName, firstRaw] = variants[0];
  const first = ms(firstRaw);
  const patches = isJsonObject(exp.raw.variants) ? exp.raw.variants : {};
  return variants.slice(1).flatMap(([name, raw]): ScenarioIssue[] => {
    const own = ms(raw);
    if (typeof own !== 'number' || typeof first !== 'number' || own === first) return [];
    const patch = patches[name];
    const setsIt = isJsonObject(patch) && 'duration' in patch;
    return [
      {
        path: `variants.${name}.duration`,
        message:
          `expected every variant to run the same duration (cost, task-hours, SLO minutes and dropped requests are run totals: a shorter run looks cheaper, ` +
          `and the Pareto front and paired differences would rank it so), found ${formatDuration(own)}${setsIt ? '' : ' (the top-level duration)'} against ` +
          `${formatDuration(first)} for variant "${firstName}", the first; give every variant one duration, or compare each duration in a file of its own`,
        line: exp.lineOf(['variants', name, ...(setsIt ? ['duration'] : [])]),
      },
    ];
  });
}

