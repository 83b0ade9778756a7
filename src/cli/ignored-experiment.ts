// `ecsim run` ignores a file's variants and sweep (compare and sweep run them), but a file
// whose variants or sweep are invalid is one `ecsim validate` refuses: run says so, one
// warning line per invalid variant and one for the sweep, and goes on (exit code unchanged).
// So do `ecsim sweep` of the variants it ignores and `ecsim compare` of the sweep.

import { checkExperiment } from '../experiment/check-experiment.js';
import type { ExperimentFile } from '../experiment/experiment-file.js';
import { isJsonObject } from '../experiment/merge-patch.js';
import { ScenarioError, formatIssue, scenarioBaseDir, type RawScenario, type ResolvedScenario, type ScenarioIssue } from '../scenario/index.js';

/** The warning lines (without "warning: ") for the invalid variants and sweep of the file parsed as `parsed`. */
export function ignoredExperimentProblems(file: string, parsed: RawScenario, base: ResolvedScenario): string[] {
  const { value, lineOf } = parsed;
  const raw = value as Record<string, unknown>;
  if (!isJsonObject(raw.variants) && !isJsonObject(raw.sweep)) return [];
  const exp: ExperimentFile = {
    file,
    raw,
    lineOf,
    base,
    baseDir: scenarioBaseDir(file),
    name: base.scenario.name,
    seed: base.scenario.seed,
    // run's --duration is no compare or sweep --duration: a variant's own duration stays valid
    durationOverrideMs: undefined,
    replications: 1,
  };
  return experimentProblems(exp, 'run');
}

/**
 * The warning lines (without "warning: ") for the part of the file `command` ignores: the
 * invalid variants of a sweep's file, or its invalid sweep for compare.
 */
export function ignoredPartProblems(exp: ExperimentFile, command: 'compare' | 'sweep'): string[] {
  const ignored = command === 'compare' ? 'sweep' : 'variants';
  if (!isJsonObject(exp.raw[ignored])) return [];
  // the other part is checked (and refused) by the command itself
  const raw = Object.fromEntries(Object.entries(exp.raw).filter(([key]) => key === ignored || (key !== 'variants' && key !== 'sweep')));
  // the command's --duration is not the ignored part's: a variant's own duration stays valid
  return experimentProblems({ ...exp, raw, durationOverrideMs: undefined }, command);
}

function experimentProblems(exp: ExperimentFile, command: 'run' | 'compare' | 'sweep'): string[] {
  const file = exp.file;
  try {
    checkExperiment(exp);
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const groups = new Map<string, ScenarioIssue[]>();
    for (const issue of e.issues) {
      const what = variantOf(issue) ?? 'the sweep';
      groups.set(what, [...(groups.get(what) ?? []), issue]);
    }
    return [...groups].map(([what, issues]) => {
      const first = issues[0];
      const more = issues.length > 1 ? ` (and ${issues.length - 1} more ${issues.length === 2 ? 'problem' : 'problems'})` : '';
      const variant = what !== 'the sweep';
      // a variant's name is said once; a sweep problem keeps its value (`sweep value PATH=VALUE`)
      const within = `${what} is invalid (${command} ignores ${variant ? 'variants' : 'the sweep'})${!variant && first.within ? `: ${first.within}` : ''}`;
      return `${formatIssue(file, { ...first, within })}${more}; \`ecsim validate\` exits 2 on this file`;
    });
  }
}

/** `variant "a"` for a problem of variant a (named by its within, or its path variants.a.*), else undefined. */
function variantOf(issue: ScenarioIssue): string | undefined {
  if (issue.within?.startsWith('variant ')) return issue.within;
  const m = /^variants\.([^.]+)/.exec(issue.path);
  return m ? `variant "${m[1]}"` : undefined;
}
