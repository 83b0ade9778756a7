// `ecsim compare <scenario>`: each variant x replication with common random numbers;
// writes comparison.csv, paired.csv, replications.csv, comparison.md and runs/<variant>/.

import { availableParallelism } from 'node:os';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import { compareToFolder, readExperimentFile } from '../../experiment/index.js';
import { human } from '../../experiment/comparison-markdown.js';
import { progressReporter } from '../progress.js';
import { table } from '../table.js';
import { writeReports } from '../../output/report/index.js';
import { UsageError } from '../errors.js';
import { parseDurationFlag, parseSeedFlag } from './run.js';

export interface CompareArgs {
  scenario: string;
  replications?: number;
  seed?: number;
  duration?: string;
  out?: string;
  jobs?: number;
  quiet?: boolean;
  report?: boolean;
}

export const compareCommand = {
  command: 'compare <scenario>',
  describe: 'Run every variant of a scenario for its replications (common random numbers) and compare them',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file with `variants`' })
      .option('replications', { type: 'number', describe: 'replications per variant, seeds seed..seed+N-1 (overrides the scenario\'s)' })
      .option('seed', { type: 'number', describe: 'first seed (overrides the scenario\'s)' })
      .option('duration', { type: 'string', describe: 'simulated duration, e.g. 2h or 7d (overrides the scenario\'s)' })
      .option('out', { type: 'string', describe: 'output folder (default results/<scenario name>-compare)' })
      .option('jobs', { type: 'number', describe: 'worker threads (default: the number of cores)' })
      .option('quiet', { type: 'boolean', default: false, describe: 'print nothing but errors' })
      .option('report', { type: 'boolean', default: false, describe: 'also write report.html: the comparison page (table, cost-vs-SLO scatter, overlaid time series)' })
      .example('$0 compare scenarios/compare-quickstart.yaml --replications 10', 'compare the variants over 10 seeds'),
  handler: async (argv: ArgumentsCamelCase<CompareArgs>) => {
    const exp = readExperimentFile(argv.scenario, {
      seed: parseSeedFlag(argv.seed),
      durationMs: parseDurationFlag(argv.duration),
      replications: parseReplicationsFlag(argv.replications),
    });
    const jobs = parseJobsFlag(argv.jobs);
    const outDir = singleFlag('out', argv.out) ?? `results/${exp.name}-compare`;
    const progress = argv.quiet ? { update() {}, stop() {} } : progressReporter(`${exp.name} compare`);
    const started = Date.now();
    try {
      const c = await compareToFolder(exp, { outDir, jobs, onProgress: (done, total) => progress.update(done / total) });
      progress.stop();
      if (argv.report) writeReports(outDir);
      if (argv.quiet) return;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`${exp.name}: ${c.variants.length} variants x ${c.seeds.length} replications in ${seconds} s wall\n\n`);
      const cell = (i: number) => (v: (typeof c.variants)[number]) =>
        Number.isFinite(v.stats[i].ci95) ? `${human(v.stats[i].mean)} ± ${human(v.stats[i].ci95)}` : human(v.stats[i].mean);
      process.stdout.write(
        `${table(
          ['variant', 'cost USD', 'SLO-min', 'p95 ms', 'cpu %', 'task-h', 'pareto'],
          c.variants.map((v) => [v.name, cell(0)(v), cell(1)(v), cell(2)(v), cell(3)(v), cell(4)(v), v.pareto ? 'yes' : '']),
        )}\n\nresults: ${outDir}/ (comparison.csv, paired.csv, replications.csv, comparison.md, runs/${argv.report ? ', report.html' : ''})\n`,
      );
    } finally {
      progress.stop();
    }
  },
};

export function parseJobsFlag(jobs: number | undefined): number {
  if (jobs === undefined) return availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs: expected a whole number >= 1, found ${jobs}`);
  return jobs;
}

export function parseReplicationsFlag(n: number | undefined): number | undefined {
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new UsageError(`--replications: expected a whole number from 1 to 10000, found ${n}`);
  return n;
}

/** yargs turns a flag given twice into a list; say so instead of failing later. */
export function singleFlag<T>(name: string, value: T | T[] | undefined): T | undefined {
  if (Array.isArray(value)) throw new UsageError(`--${name}: given ${value.length} times, expected once`);
  return value;
}
