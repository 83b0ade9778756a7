// `ecsim run <scenario>`: one run, results folder, a short human summary.

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { loadScenarioFile, parseDuration } from '../../scenario/index.js';
import { runToFolder } from '../../output/run-to-folder.js';
import { progressReporter } from '../progress.js';
import { printRunSummary } from '../print-summary.js';
import { UsageError } from '../errors.js';
import { writeReports } from '../../output/report/index.js';
import { checkExpectations, formatExpectationResults } from '../../scenario/expect/index.js';
import { ExpectationFailed } from '../errors.js';

export interface RunArgs {
  scenario: string;
  seed?: number;
  out?: string;
  duration?: string;
  quiet?: boolean;
  report?: boolean;
}

export const runCommand = {
  command: 'run <scenario>',
  describe: 'Run a scenario and write its results folder',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('seed', { type: 'number', describe: 'random seed (overrides the scenario\'s seed)' })
      .option('out', { type: 'string', describe: 'results folder (default results/<scenario name>)' })
      .option('duration', { type: 'string', describe: 'simulated duration, e.g. 2h or 7d (overrides the scenario\'s)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .option('report', { type: 'boolean', default: false, describe: 'also write report.html and report.md into the results folder' })
      .example('$0 run scenarios/quickstart.yaml', 'run the quick start into results/quickstart/')
      .example('$0 run scenarios/quickstart.yaml --seed 7 --out /tmp/qs', 'another seed, another folder')
      .example('$0 run scenarios/quickstart.yaml --report', 'and a self-contained report.html'),
  handler: (argv: ArgumentsCamelCase<RunArgs>) => {
    const durationMs = parseDurationFlag(argv.duration);
    const seed = parseSeedFlag(argv.seed);
    const scenario = loadScenarioFile(argv.scenario, { seed, durationMs });
    const outDir = argv.out ?? `results/${scenario.scenario.name}`;
    const progress = argv.quiet ? { update() {}, stop() {} } : progressReporter(scenario.scenario.name);
    const report = runToFolder(scenario, { outDir, seed: scenario.scenario.seed, onProgress: (f) => progress.update(f) });
    progress.stop();
    if (argv.report) writeReports(outDir);
    if (!argv.quiet) printRunSummary(scenario, report, outDir);
    const expectations = scenario.scenario.expect;
    if (expectations && expectations.length > 0) {
      const results = checkExpectations(expectations, report.summary);
      const failed = results.filter((r) => !r.ok);
      const lines = formatExpectationResults(results);
      if (failed.length > 0) throw new ExpectationFailed(lines.filter((l) => !l.startsWith('ok ')).join('\n'));
      if (!argv.quiet) process.stdout.write(`${lines.join('\n')}\n`);
    }
  },
};

export function parseDurationFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(/^\d+(\.\d+)?$/.test(text) ? Number(text) : text);
  if (typeof ms === 'string') throw new UsageError(`--duration: ${ms}`);
  if (ms <= 0) throw new UsageError('--duration: expected a duration greater than zero');
  return ms;
}

export function parseSeedFlag(seed: number | undefined): number | undefined {
  if (seed === undefined) return undefined;
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed: expected a whole number >= 0, found ${seed}`);
  return seed;
}
