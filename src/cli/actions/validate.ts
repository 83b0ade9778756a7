// What `ecsim validate` does: the scenario, then its variants and sweep through the code
// compare and sweep use (check-experiment.ts); one line saying what was checked.

import { readExperimentFile } from '../../experiment/experiment-file.js';
import { checkExperiment, type ExperimentCheck } from '../../experiment/check-experiment.js';
import type { ValidateArgs } from '../commands/validate.js';
import { counted } from '../../output/plural.js';
import { printExperimentWarnings } from '../warnings.js';

export function validate(argv: ValidateArgs): void {
  const exp = readExperimentFile(argv.scenario);
  const checked = checkExperiment(exp);
  const s = exp.base;
  // the base's, then a variant's or sweep value's own (those the base has are said once)
  printExperimentWarnings(exp, { variants: true, sweep: true });
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
