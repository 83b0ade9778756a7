// `ecsim validate <scenario>`: checks a scenario without running it.

import type { ArgumentsCamelCase, Argv } from 'yargs';

export const validateCommand = {
  command: 'validate <scenario>',
  describe: 'Check a scenario file (exit 0 when valid, 2 with one line per problem)',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .example('$0 validate scenarios/quickstart.yaml', 'prints "ok" or the problems'),
  handler: async (argv: ArgumentsCamelCase<{ scenario: string }>) => {
    const { loadScenarioFile } = await import('../../scenario/index.js');
    const s = loadScenarioFile(argv.scenario);
    process.stdout.write(`${argv.scenario}: ok (${s.services.length} services, ${s.scenario.duration / 1000} s simulated)\n`);
  },
};
