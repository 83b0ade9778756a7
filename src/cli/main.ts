// The ecsim command line: thin — parse flags, call the library, print. The program is bin.ts.

import yargs from 'yargs';
import { VERSION } from '../output/version.js';
import { helpWidth } from './examples.js';
import { EXIT, UsageError, leftAsideMessage, reportError } from './errors.js';
import { takeLeftAside } from '../output/left-aside.js';
import { endOfOptions, optionKinds, rejectBooleanValues, rejectDashPositionals, rejectEmptyStrings, rejectNegatedTwice, rejectNonNumbers, rejectRepeatedFlags, rejectRepeatedWords, unknownCommand, unknownLeadingFlag, usageMessage, withValueFlags } from './flag-shape.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { compareCommand } from './commands/compare.js';
import { sweepCommand } from './commands/sweep.js';
import { mergeCommand } from './commands/merge.js';
import { traceCommand } from './commands/trace.js';
import { explainCommand } from './commands/explain.js';
import { reportCommand } from './commands/report.js';
import { initCommand } from './commands/init.js';

const COMMANDS = [runCommand, validateCommand, compareCommand, sweepCommand, mergeCommand, traceCommand, explainCommand, reportCommand, initCommand];

/** Every flag of every command (asked only when a flag comes before the command: the builders run on a bare yargs). */
function commandFlags(): Set<string> {
  const out = new Set<string>();
  for (const c of COMMANDS) {
    // (getOptions is yargs' own, missing from its typings)
    const o = (c.builder(yargs([])) as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]> } }).getOptions();
    for (const k of Object.keys(o.key)) out.add(k);
    for (const list of Object.values(o.alias)) for (const a of list) out.add(a);
  }
  return out;
}

export async function main(words: string[]): Promise<number> {
  const argv = endOfOptions(words);
  let code: number = EXIT.ok;
  try {
    const notACommand = unknownCommand(words, COMMANDS.map((c) => c.command));
    if (notACommand !== undefined) throw new UsageError(notACommand);
    const misspelt = unknownLeadingFlag(words, COMMANDS.map((c) => c.command), commandFlags);
    if (misspelt !== undefined) throw new UsageError(misspelt);
    await yargs(argv)
      .scriptName('ecsim')
      // `--out.x=1` is an unknown flag, not an object in --out (it failed as an internal error)
      .parserConfiguration({ 'dot-notation': false })
      .usage('$0 <command> [options]\n\nA discrete-event simulator of Amazon ECS autoscaling and scheduling.')
      .command(withValueFlags(runCommand))
      .command(withValueFlags(validateCommand))
      .command(withValueFlags(compareCommand))
      .command(withValueFlags(sweepCommand))
      .command(withValueFlags(mergeCommand))
      .command(withValueFlags(traceCommand))
      .command(withValueFlags(explainCommand))
      .command(withValueFlags(reportCommand))
      .command(withValueFlags(initCommand))
      .middleware(rejectRepeatedFlags(['inputs']), true)
      .middleware(rejectNonNumbers(argv), true)
      .middleware(rejectNegatedTwice(argv), true)
      .middleware(rejectRepeatedWords(argv), true)
      .middleware(rejectBooleanValues(argv), true)
      .middleware(rejectEmptyStrings(argv), true)
      .middleware(rejectDashPositionals(argv, COMMANDS.map((c) => c.command)), true)
      .demandCommand(1, 'name a command (see --help)')
      .strict()
      .recommendCommands()
      .version(VERSION)
      .alias('h', 'help')
      .alias('v', 'version')
      .epilogue('Exit codes: 0 ok, 1 internal error, 2 bad input (or results or output that cannot be written), 3 a scenario expectation failed.\nDocs: README.md and docs/scenario-format.md')
      .wrap(helpWidth())
      .fail((msg, err, y) => {
        // yargs' own validation errors (YError) are usage errors too; others are ours, as thrown
        if (err && err.name !== 'YError') throw err;
        // the flags of the command being parsed: yargs passes its usage object, which holds
        // their descriptions (its types do not say so)
        const usage = y as unknown as { getDescriptions?: () => Record<string, unknown> } | undefined;
        const flags = Object.keys(usage?.getDescriptions?.() ?? {});
        // the options of the command named, with what each takes (the "--" hint reads them)
        const named = COMMANDS.find((c) => c.command.split(' ')[0] === argv.find((a) => !a.startsWith('-')));
        const options = named === undefined ? undefined : optionKinds(named, yargs([]));
        throw new UsageError(usageMessage(err?.message ?? msg, argv, COMMANDS.map((c) => c.command), flags, words, options));
      })
      .parseAsync();
  } catch (e) {
    code = reportError(e);
  }
  // the new results are in place; an earlier one that could not be removed is left, and said
  for (const left of takeLeftAside()) process.stderr.write(`warning: ${leftAsideMessage(left)}\n`);
  return code;
}
