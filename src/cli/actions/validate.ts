// What `ecsim validate` does: the scenario, then its variants and sweep through the code
// compare and sweep use (check-experiment.ts); one line saying what was checked.

import { readExperimentFile } from '../../experiment/experiment-file.js';
import { checkExperiment, sweepWarnings, variantWarnings, type ExperimentCheck } from '../../experiment/check-experiment.js';
import { joinPath } from '../../scenario/errors.js';
import type { ValidateArgs } from '../commands/validate.js';
import { counted } from '../../output/plural.js';
import { printWarnings } from '../warnings.js';

export function validate(argv: ValidateArgs): void {
  const exp = readExperimentFile(argv.scenario);
  const checked = checkExperiment(exp);
  const s = exp.base;
  printWarnings(argv.scenario, s);
  // a variant's own warnings (those the base has are said once, above)
  for (const { variant, warning } of variantWarnings(exp)) process.stderr.write(`warning: ${argv.scenario}: variant "${variant}": ${joinPath(warning.at)}: ${warning.message}\n`);
  // a sweep value's own (each said once, by the first value whose point has it)
  for (const { within, warning } of sweepWarnings(exp)) process.stderr.write(`warning: ${argv.scenario}: ${within}: ${joinPath(warning.at)}: ${warning.message}\n`);
  process.stdout.write(`${argv.scenario}: ok (${counted(s.services.length, 'service')}, ${s.scenario.duration / 1000} s simulated${experimentPart(checked)})\n`);
}

/** `; 3 variants and all 8 sweep points checked`, or nothing for a scenario without either. */
function experimentPart(c: ExperimentCheck): string {
  const parts: string[] = [];
  if (c.variants > 0) parts.push(counted(c.variants, 'variant'));
  if (c.sweepPoints > 0) {
    parts.push(c.everyPoint ? `all ${counted(c.sweepPoints, 'sweep point')}` : `each of the ${c.sweepValues} sweep values once (${c.sweepPoints} points)`);
  }
  return parts.length === 0 ? '' : `; ${parts.join(' and ')} checked`;
}
