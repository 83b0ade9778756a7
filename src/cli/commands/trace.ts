// `ecsim trace <scenario>`: prints (or writes) the request-rate traces a scenario describes,
// as CSV `time_s,timestamp,service,rate`, so users can see what they wrote.

import { writeFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import { loadScenarioFile } from '../../scenario/index.js';
import { didYouMean } from '../../scenario/did-you-mean.js';
import { parseTimeArg, traceCsv, tracedServices } from '../../output/explain/index.js';
import { parseDuration } from '../../scenario/index.js';
import { UsageError } from '../errors.js';
import { parseSeedFlag } from './run.js';

export interface TraceArgs {
  scenario: string;
  service?: string;
  step?: string;
  from?: string;
  to?: string;
  out?: string;
  seed?: number;
}

export const traceCommand = {
  command: 'trace <scenario>',
  describe: 'Print the request-rate trace of each service as CSV (time_s,timestamp,service,rate)',
  builder: (y: Argv) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (YAML or JSON)' })
      .option('service', { type: 'string', describe: 'only this service (default: every service with a workload)' })
      .option('step', { type: 'string', default: '1m', describe: 'sampling step, e.g. 10s, 1m, 1h' })
      .option('from', { type: 'string', describe: 'first time: a duration since the start (20m) or a UTC time hh:mm (default 0)' })
      .option('to', { type: 'string', describe: 'last time: a duration since the start or hh:mm (default the scenario duration)' })
      .option('out', { type: 'string', describe: 'write the CSV to this file instead of stdout' })
      .option('seed', { type: 'number', describe: "random seed for noise and random walks (default the scenario's seed)" })
      .example('$0 trace scenarios/quickstart.yaml', 'every minute of the quick start')
      .example('$0 trace scenarios/quickstart.yaml --service web --from 15m --to 25m --step 30s', 'around the step'),
  handler: (argv: ArgumentsCamelCase<TraceArgs>) => {
    const csv = runTrace(argv);
    if (argv.out) writeFileSync(argv.out, csv);
    else process.stdout.write(csv);
  },
};

/** The CSV text for the flags (usage errors as UsageError). */
export function runTrace(argv: TraceArgs): string {
  const seed = parseSeedFlag(argv.seed);
  const scenario = loadScenarioFile(argv.scenario, { seed });
  const services = tracedServices(scenario);
  if (argv.service !== undefined && !services.includes(argv.service)) {
    const all = scenario.services.map((s) => s.name);
    const why = all.includes(argv.service) ? `service "${argv.service}" has no workload.requestRate` : `unknown service "${argv.service}"${didYouMean(argv.service, all)}`;
    throw new UsageError(`--service: ${why}; services with a request rate: ${services.join(', ') || 'none'}`);
  }
  const stepMs = parseDuration(/^\d+(\.\d+)?$/.test(argv.step ?? '') ? Number(argv.step) : (argv.step ?? '1m'));
  if (typeof stepMs === 'string') throw new UsageError(`--step: ${stepMs}`);
  if (stepMs <= 0) throw new UsageError('--step: expected a duration greater than zero');
  const durationMs = scenario.scenario.duration;
  const fromMs = timeFlag('--from', argv.from, scenario.startEpochMs) ?? 0;
  const toMs = timeFlag('--to', argv.to, scenario.startEpochMs) ?? durationMs;
  if (toMs < fromMs) throw new UsageError(`--to: expected a time at or after --from (${fromMs / 1000} s), found ${toMs / 1000} s`);
  return traceCsv(scenario, { service: argv.service, stepMs, fromMs, toMs, seed: scenario.scenario.seed });
}

/** A --from/--to value in ms since the start, or undefined when not given. */
export function timeFlag(flag: string, text: string | undefined, startEpochMs: number): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseTimeArg(String(text), startEpochMs);
  if (typeof ms === 'string') throw new UsageError(`${flag}: ${ms}`);
  return ms;
}
