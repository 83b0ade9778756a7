// `ecsim init [--template NAME] [--out FILE] [--list]`: writes a starter scenario copied,
// comments and all, from the scenario library (scenarios/ in the package), named after the
// output file (the header's command lines too) and without the lesson's expect: lists.
// The work is in ../actions/init.ts, loaded when the command runs.

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { exampleRows, type Example } from '../examples.js';

export interface InitArgs {
  /** Undefined when not given: quickstart (a default here could not tell --list it was given). */
  template?: string;
  out?: string;
  list?: boolean;
}

export const initExamples: readonly Example[] = [
  { command: '$0 init', describe: 'write ./quickstart.yaml' },
  { command: '$0 init --template flash-crowd --out my-service.yaml', describe: 'start from the flash-crowd scenario' },
  { command: '$0 init --list', describe: 'what templates there are' },
];

export const initCommand = {
  command: 'init',
  describe: 'Write a starter scenario copied from the scenario library (named after --out, its header\'s commands naming --out, without the lesson\'s expect: lists)',
  builder: (y: Argv) =>
    y
      .option('template', { type: 'string', describe: 'library scenario to start from (default quickstart; see --list)' })
      .option('out', { type: 'string', describe: 'file to write (default ./<template>.yaml), not a folder; never overwritten; missing parent folders are made; a .json name gets JSON (without the comments)' })
      .option('list', { type: 'boolean', default: false, describe: 'list the templates with their descriptions (takes no other flags)' })
      .example(exampleRows(initExamples)),
  handler: async (argv: ArgumentsCamelCase<InitArgs>) => (await import('../actions/init.js')).init(argv),
};
