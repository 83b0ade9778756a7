// What `ecsim compare` does: every variant x replication into the folder, then a table.

import { compareToFolder, readExperimentFile } from '../../experiment/index.js';
import { progressReporter } from '../progress.js';
import { figuresTable } from '../figures-table.js';
import { parseDurationFlag, parseJobsFlag, parseReplicationsFlag, parseSeedFlag, singleFlag } from '../flags.js';
import type { CompareArgs } from '../commands/compare.js';
import { counted } from '../../output/plural.js';
import { printExperimentNotes, printExperimentWarnings } from '../warnings.js';
import { ignoredPartProblems } from '../ignored-experiment.js';

export async function compare(argv: CompareArgs): Promise<void> {
  const exp = readExperimentFile(argv.scenario, {
    seed: parseSeedFlag(argv.seed),
    durationMs: parseDurationFlag(argv.duration),
    replications: parseReplicationsFlag(argv.replications),
  });
  // the base's warnings and each variant's own, as validate prints them (--quiet too, as run)
  printExperimentWarnings(exp, { variants: true });
  // the part of the file compare ignores, when invalid (validate exits 2 on it), as run says it
  for (const line of ignoredPartProblems(exp, 'compare')) process.stderr.write(`warning: ${line}\n`);
  const jobs = parseJobsFlag(argv.jobs);
  const outDir = singleFlag('out', argv.out) ?? `results/${exp.name}-compare`;
  const progress = argv.quiet ? { update() {}, stop() {} } : progressReporter(`${exp.name} compare`);
  const started = Date.now();
  try {
    const c = await compareToFolder(exp, { outDir, jobs, onProgress: (done, total) => progress.update(done / total) });
    progress.stop();
    if (argv.report) (await import('../../output/report/index.js')).writeReports(outDir);
    // once it has run: what it left of the file unused (expect: lists, the sweep), --quiet too;
    // not before a refusal, which stays one line
    printExperimentNotes(exp, 'compare');
    if (argv.quiet) return;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`${exp.name}: ${counted(c.variants.length, 'variant')} x ${counted(c.seeds.length, 'replication')} in ${seconds} s wall\n\n`);
    // as comparison.md: `1318.2 ± 3.5 (7 of 8)` when some replications have no value
    const rows = c.variants.map((v) => ({ lead: [v.name], figures: v.stats, pareto: v.pareto }));
    process.stdout.write(
      `${figuresTable(['variant'], rows, c.seeds.length, 'comparison.csv')}\n\nresults: ${outDir}/ (comparison.csv, paired.csv, replications.csv, providers.csv, comparison.md, runs/${argv.report ? ', report.html' : ''})\n`,
    );
  } finally {
    progress.stop();
  }
}
