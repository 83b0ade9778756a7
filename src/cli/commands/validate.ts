// `ecsim validate <scenario>`: checks a scenario without running it: the scenario itself,
// and every `variants` entry and the `sweep` as compare and sweep would derive them.
// The work is in ../actions/validate.ts, loaded when the command runs.

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { SWEEP_CHECK_LIMIT } from '../../experiment/sweep-check-limit.js';
import { exampleRows, type Example } from '../examples.js';

export interface ValidateArgs {
  scenario: string;
}

export const validateExamples: readonly Example[] = [
  { command: '$0 validate scenarios/quickstart.yaml', describe: 'prints "ok" or the problems' },
  { command: '$0 validate scenarios/compare-quickstart.yaml', describe: 'also checks its 3 variants and 8 sweep points' },
];

export const validateCommand = {
  command: 'validate <scenario>',
  describe: 'Check a scenario file, its variants and its sweep (exit 0 when valid, 2 with one line per problem)',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .epilogue(
        'Each variant is derived (its merge patch applied) and validated as a scenario. Each sweep value is validated once, on the ' +
          `point that takes it with the other paths at their first values; a sweep of at most ${SWEEP_CHECK_LIMIT} points also has every point validated (a larger one has every point validated by "ecsim sweep", each shard too, before any run). ` +
          'A variant\'s or sweep value\'s warnings that the base scenario does not have are printed too, named by the variant or value.',
      )
      .example(exampleRows(validateExamples)),
  handler: async (argv: ArgumentsCamelCase<ValidateArgs>) => (await import('../actions/validate.js')).validate(argv),
};
