// `ecsim sweep <scenario>`: the product of the `sweep` lists x replications on worker
// threads; prints the table of points as compare prints its variants' (the whole sweep only);
// writes sweep.csv and comparison.md (and with 2+ replications replications.csv
// and paired.csv: every point against the first), or with a shard (--shard i/n, or --shards n
// with the array index of a Kubernetes Indexed Job or AWS Batch array job)
// sweep.shard-i-of-n.csv instead (`ecsim merge` writes the other two); and
// runs/<point label>/ (replication 0 of each point) for sweeps of at most 24 points, or
// with --runs (--no-runs: never; a whole sweep without runs removes an earlier sweep's runs/). The work is in ../actions/sweep.ts, loaded when the
// command runs.

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { SWEEP_RUNS_LIMIT } from '../../experiment/sweep-runs-limit.js';
import { exampleRows, type Example } from '../examples.js';

export interface SweepArgs {
  scenario: string;
  jobs?: number;
  shard?: string;
  shards?: number;
  replications?: number;
  seed?: number;
  duration?: string;
  out?: string;
  runs?: boolean;
  quiet?: boolean;
  report?: boolean;
}

export const sweepExamples: readonly Example[] = [
  { command: '$0 sweep scenarios/compare-quickstart.yaml --jobs 4', describe: 'the whole sweep on 4 threads' },
  { command: '$0 sweep scenarios/compare-quickstart.yaml --shard 2/8 --out /mnt/sweep', describe: 'one of eight slices; then `ecsim merge /mnt/sweep` writes sweep.csv, comparison.md, the pairing files and providers.csv' },
  { command: '$0 sweep scenarios/compare-quickstart.yaml --runs', describe: `also write runs/<point label>/ for a sweep of more than ${SWEEP_RUNS_LIMIT} points` },
];

export const sweepCommand = {
  command: 'sweep <scenario>',
  describe: 'Run the product of the scenario\'s `sweep` lists x replications and print the table of points (as compare prints its variants; not for a shard); one row per point in sweep.csv and comparison.md, with 2+ replications replications.csv and paired.csv (every point minus the first, paired by replication; also in comparison.md), providers.csv (per point and capacity provider: cost, peak instances or tasks; also in comparison.md) (a shard: sweep.shard-i-of-n.csv instead), and runs/<point label>/ (see --runs)',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file with `sweep`' })
      .option('jobs', { type: 'number', describe: 'worker threads (default: the number of cores)' })
      .option('shard', { type: 'string', describe: 'run shard i of n ("i/n", 1-based): points with index % n == i-1' })
      .option('shards', {
        type: 'number',
        describe: 'shard count; the shard index (0-based) comes from JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch array job); both set and different is refused',
      })
      .option('replications', { type: 'number', describe: 'replications per point (overrides the scenario\'s)' })
      .option('seed', { type: 'number', describe: 'first seed (overrides the scenario\'s); decimal digits' })
      .option('duration', { type: 'string', describe: 'simulated duration, a whole number of metric periods (overrides the scenario\'s; refused when duration is swept; a sweep of more than one duration is refused)' })
      .option('out', { type: 'string', describe: "output folder (default results/<scenario name>-sweep); its sweep.csv, comparison.md, replications.csv, paired.csv and providers.csv replace (replications.csv and paired.csv with 1 replication: remove) only an earlier sweep's, and a compare's or a run's folder (comparison.csv, summary.json) is refused, before any run; sweep-plan.txt beside sweep.csv and in each runs/<point label>/ names the sweep (the report draws only runs of sweep.csv's sweep); a whole sweep removes shard files of another sweep there (and says so: a warning on stderr, --quiet too)" })
      .option('runs', {
        type: 'boolean',
        describe:
          `write replication 0 of each point as a full results folder, runs/<point label>/ (e.g. runs/targetValue=40,scaleOutCooldown=60s/), ` +
          `for the report's overlays (default: only when the sweep has at most ${SWEEP_RUNS_LIMIT} points; --no-runs: never); a whole sweep without runs removes an earlier sweep's runs/ (a shard leaves the shared runs/ alone)`,
      })
      .option('quiet', { type: 'boolean', default: false, describe: "print nothing but warnings (about the scenario: the base's, and each sweep value's own, as validate prints them; and of shard files of another sweep removed), notes (what sweep leaves of the file unrun or unchecked: its variants, expect: lists) and errors (all on stderr)" })
      .option('report', { type: 'boolean', default: false, describe: "also write report.html: the comparison page (table, cost-vs-SLO scatter, overlaid time series); without it, an earlier sweep's report.html in the folder is removed with the write (it would be stale; another report.html is left alone)" })
      .example(exampleRows(sweepExamples)),
  handler: async (argv: ArgumentsCamelCase<SweepArgs>) => (await import('../actions/sweep.js')).sweep(argv),
};
