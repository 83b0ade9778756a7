// What `ecsim run` does: load, run into the results folder, report, check `expect:`.

import { loadParsedScenario, parseScenarioText, readScenarioText } from '../../scenario/index.js';
import { ignoredExperimentProblems } from '../ignored-experiment.js';
import { printWarnings, runNotes } from '../warnings.js';
import { runToFolderPausing } from '../../output/run-to-folder.js';
import { assertOwnResultsFolder } from '../../output/results-folder.js';
import { checkExpectations, formatExpectationResults } from '../../scenario/expect/index.js';
import { progressReporter } from '../progress.js';
import { printRunSummary } from '../print-summary.js';
import { ExpectationFailed } from '../errors.js';
import { parseDurationFlag, parseSeedFlag } from '../flags.js';
import type { RunArgs } from '../commands/run.js';

export async function run(argv: RunArgs): Promise<void> {
  const durationMs = parseDurationFlag(argv.duration);
  const seed = parseSeedFlag(argv.seed);
  const text = readScenarioText(argv.scenario); // once: a pipe (/dev/stdin) gives its text only once
  // parsed once too: the warnings and notes below read the raw object (its variants and sweep)
  const parsed = parseScenarioText(argv.scenario, text);
  const scenario = loadParsedScenario(argv.scenario, parsed, { seed, durationMs });
  printWarnings(argv.scenario, scenario, durationMs !== undefined);
  for (const line of ignoredExperimentProblems(argv.scenario, parsed, scenario)) process.stderr.write(`warning: ${line}\n`);
  const outDir = argv.out ?? `results/${scenario.scenario.name}`;
  // before the run: a sweep's or a compare's folder is refused, not replaced whole
  assertOwnResultsFolder(outDir, 'run');
  const progress = argv.quiet ? { update() {}, stop() {} } : progressReporter(scenario.scenario.name);
  // pausing: Ctrl-C removes the temporary folder (bin.ts, interrupt.ts)
  const report = await runToFolderPausing(scenario, { outDir, seed: scenario.scenario.seed, onProgress: (f) => progress.update(f) });
  progress.stop();
  const reports = argv.report ? ['report.html', 'report.md'] : [];
  if (argv.report) (await import('../../output/report/index.js')).writeReports(outDir);
  if (!argv.quiet) printRunSummary(report, outDir, reports);
  // once it has run: the variants and sweep it left to compare and sweep (--quiet too)
  for (const line of runNotes(argv.scenario, parsed.value as Record<string, unknown>)) process.stderr.write(`note: ${line}\n`);
  const expectations = scenario.scenario.expect;
  if (expectations && expectations.length > 0) {
    const results = checkExpectations(expectations, report.summary);
    const failed = results.filter((r) => !r.ok);
    const lines = formatExpectationResults(results);
    if (failed.length > 0) throw new ExpectationFailed(lines.filter((l) => !l.startsWith('ok ')).join('\n'));
    if (!argv.quiet) process.stdout.write(`${lines.join('\n')}\n`);
  }
}
