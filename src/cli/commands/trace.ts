// `ecsim trace <scenario>`: prints (or writes) the request-rate traces a scenario describes,
// as CSV `time_s,timestamp,service,rps`, so users can see what they wrote.
// The work is in ../actions/trace.ts, loaded when the command runs.

import type { ArgumentsCamelCase, Argv } from 'yargs';
import { exampleRows, type Example } from '../examples.js';

export interface TraceArgs {
  scenario: string;
  service?: string;
  step?: string;
  from?: string;
  to?: string;
  out?: string;
  seed?: number;
}

export const traceExamples: readonly Example[] = [
  { command: '$0 trace scenarios/quickstart.yaml', describe: 'every minute of the quick start' },
  { command: '$0 trace scenarios/quickstart.yaml --from 15m --to 25m --step 30s', describe: 'every 30 s from 15 to 25 minutes in, around the step' },
];

export const traceCommand = {
  command: 'trace <scenario>',
  describe: 'Print the request-rate trace of each service as CSV (time_s,timestamp,service,rps)',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('service', { type: 'string', describe: 'only this service (default: every service with a workload); its CSV replays as requestRate: {csv: {file}}, with interpolate: step for a trace whose jumps fall on the rows (said on stderr)' })
      .option('step', { type: 'string', default: '1m', describe: 'sampling step, e.g. 10s, 1m, 1h (a trace of more than 2000000 rows is refused)' })
      .option('from', { type: 'string', describe: 'first time: a duration since the start (20m) or a UTC time hh:mm (default 0); at most the scenario duration' })
      .option('to', { type: 'string', describe: 'last time, included: a duration since the start or hh:mm (default and at most the scenario duration)' })
      .option('out', { type: 'string', describe: 'write the CSV to this file instead of stdout: a new file, a device or pipe (/dev/stdout), or an earlier trace CSV (header time_s,timestamp,service,rps); any other existing file, and the scenario itself or a request trace file it reads, is refused' })
      .option('seed', { type: 'number', describe: "random seed for noise and random walks (default the scenario's seed); decimal digits" })
      .example(exampleRows(traceExamples)),
  handler: async (argv: ArgumentsCamelCase<TraceArgs>) => (await import('../actions/trace.js')).trace(argv),
};
