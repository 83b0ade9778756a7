// Prints what the scenario layer found valid but likely unintended, one line each on stderr.

import { ScenarioError, scenarioWarnings, type ResolvedScenario } from '../scenario/index.js';
import { joinPath } from '../scenario/errors.js';
import { sweepWarnings, variantWarnings } from '../experiment/check-experiment.js';
import type { ExperimentFile } from '../experiment/experiment-file.js';

export function printWarnings(file: string, scenario: ResolvedScenario, durationOverridden = false): void {
  for (const w of scenarioWarnings(scenario, { durationOverridden })) process.stderr.write(`warning: ${file}: ${joinPath(w.at)}: ${w.message}\n`);
}

/**
 * The base scenario's warnings, then each variant's own (`variants`) and each sweep value's
 * own (`sweep`) that the base does not have, each once, as validate prints them. A variant or
 * sweep value that is invalid ends its part here quietly: compare or sweep then refuses it
 * with its own message.
 */
export function printExperimentWarnings(exp: ExperimentFile, parts: { variants?: boolean; sweep?: boolean }): void {
  const durationOverridden = exp.durationOverrideMs !== undefined;
  printWarnings(exp.file, exp.base, durationOverridden);
  const quietly = <T>(list: () => T[]): T[] => {
    try {
      return list();
    } catch (e) {
      if (e instanceof ScenarioError) return [];
      throw e;
    }
  };
  // a variant's own warnings (those the base has are said once, above)
  if (parts.variants) {
    for (const { variant, warning } of quietly(() => variantWarnings(exp, { durationOverridden }))) {
      process.stderr.write(`warning: ${exp.file}: variant "${variant}": ${joinPath(warning.at)}: ${warning.message}\n`);
    }
  }
  // a sweep value's own (each said once, by the first value whose point has it)
  if (parts.sweep) {
    for (const { within, warning } of quietly(() => sweepWarnings(exp, { durationOverridden }))) {
      process.stderr.write(`warning: ${exp.file}: ${within}: ${joinPath(warning.at)}: ${warning.message}\n`);
    }
  }
}
