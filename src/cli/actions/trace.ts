// What `ecsim trace` does: the request-rate traces as CSV, to stdout or a file.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { isNegativeDuration, loadScenarioFile, parseDuration, scenarioBaseDir, ScenarioError, type ResolvedScenario } from '../../scenario/index.js';
import { didYouMeanName, likelyMeantName, meantHint } from '../../scenario/did-you-mean.js';
import { isTraceCsv, replayHint, serviceJumpOffRows, traceCsv, traceRowCount, tracedServices, TRACE_COLUMNS, TRACE_MAX_ROWS, type TraceCsvOptions } from '../../output/explain/index.js';
import { writeFileAtomic } from '../../output/staging.js';
import { experimentFolderKind, experimentRunsPointer } from '../../output/run-files.js';
import { UsageError } from '../errors.js';
import { refuseToReplaceFile } from '../out-file.js';
import { shellWord } from '../../output/shell-word.js';
import { parseSeedFlag, timeFlag } from '../flags.js';
import type { TraceArgs } from '../commands/trace.js';

export function trace(argv: TraceArgs): void {
  const { csv, traceFiles, scenario, options } = traceAndInputs(argv);
  // an existing file other than an earlier trace (the scenario itself, a request trace it
  // reads, which may well be an earlier trace) was replaced by the CSV
  if (argv.out) {
    refuseToReplaceFile(argv.out, {
      earlier: isTraceCsv,
      earlierKind: `an earlier trace CSV (header ${TRACE_COLUMNS.join(',')})`,
      example: 'trace.csv',
      inputs: [['scenario', argv.scenario], ...traceFiles.map((f) => ['request trace file', f] as const)],
    });
    writeFileAtomic(argv.out, csv);
  } else process.stdout.write(csv);
  // one service's file replays as a CSV trace: say how to replay it as the same load
  if (argv.service !== undefined) {
    const service = scenario.services.find((s) => s.name === argv.service)!;
    const file = argv.out !== undefined && !/^\/(dev|proc)\//.test(argv.out) ? asWrittenInScenario(argv.scenario, argv.out) : 'trace.csv';
    // an exact replay only when the trace's jumps fall on the rows
    const offRow = serviceJumpOffRows(scenario, argv.service, options);
    process.stderr.write(`${replayHint(argv.service, file, service.config.workload!.requestRate, offRow)}\n`);
  }
}

/**
 * `file` as the scenario's csv.file would name it: relative to the scenario's folder (where
 * csv.file is read from), or absolute when it is outside that folder.
 */
function asWrittenInScenario(scenarioFile: string, file: string): string {
  const path = relative(scenarioBaseDir(scenarioFile), resolve(file));
  return path.startsWith('..') || isAbsolute(path) ? resolve(file) : path;
}

/**
 * Trace reads a scenario file: a folder given instead (most likely a run's results folder,
 * which `explain` reads) is said as what it is, with where to go, before the loader's
 * plainer "found a folder".
 */
function refuseFolder(path: string): void {
  let folder = false;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    return; // the loader says what is wrong
  }
  if (!folder) return;
  const expected = 'expected a scenario file (YAML or JSON: trace prints the request rate its workloads offer, without running it)';
  if (!existsSync(join(path, 'summary.json'))) {
    // a compare or sweep folder, as explain tells it
    const kind = experimentFolderKind(path);
    const found = kind === null ? 'a folder' : `a ${kind} folder; give a scenario file, or run \`ecsim explain\` on ${experimentRunsPointer(path, kind)}`;
    throw new ScenarioError(path, [{ path: '', message: `${expected}, found ${found}` }]);
  }
  let name = '';
  try {
    const summary = JSON.parse(readFileSync(join(path, 'summary.json'), 'utf8')) as { scenario?: unknown };
    if (typeof summary.scenario === 'string') name = ` (scenario "${summary.scenario}")`;
  } catch {
    // the name is a courtesy: the folder is still not a scenario file
  }
  throw new ScenarioError(path, [{ path: '', message: `${expected}, found a results folder${name}; give the scenario file that run read, or run \`ecsim explain ${shellWord(path)}\` for what happened in the run` }]);
}

/** The CSV text for the flags (usage errors as UsageError). */
export function runTrace(argv: TraceArgs): string {
  return traceAndInputs(argv).csv;
}

/** The CSV text, and the request trace files the scenario reads (csv: file), as paths. */
function traceAndInputs(argv: TraceArgs): { csv: string; traceFiles: string[]; scenario: ResolvedScenario; options: TraceCsvOptions } {
  const seed = parseSeedFlag(argv.seed);
  refuseFolder(argv.scenario);
  const scenario = loadScenarioFile(argv.scenario, { seed });
  const baseDir = scenarioBaseDir(argv.scenario);
  const traceFiles = scenario.services.flatMap((s) => {
    const file = s.config.workload?.requestRate.csv?.file;
    return file === undefined ? [] : [resolve(baseDir, file)];
  });
  const services = tracedServices(scenario);
  if (argv.service !== undefined && !services.includes(argv.service)) {
    const all = scenario.services.map((s) => s.name);
    // the hint among the services trace takes, unless the name likely meant is one it does not
    const meant = likelyMeantName(argv.service, all);
    const why = all.includes(argv.service)
      ? ' (a service of the scenario with no workload.requestRate)'
      : meant.length > 0 && !meant.some((m) => services.includes(m))
        ? `${meantHint(meant).slice(0, -1)} ${meant.length === 1 ? 'it has' : 'none has'} no workload.requestRate)`
        : didYouMeanName(argv.service, services);
    throw new UsageError(`--service: expected a service of the scenario with a request rate (${services.join(', ') || 'none'}), found "${argv.service}"${why}`);
  }
  if (argv.step !== undefined && isNegativeDuration(argv.step)) throw new UsageError(`--step: expected a duration greater than zero, found ${argv.step} (negative)`);
  const stepMs = parseDuration(/^\d+(\.\d+)?$/.test(argv.step ?? '') ? Number(argv.step) : (argv.step ?? '1m'));
  if (typeof stepMs === 'string') throw new UsageError(`--step: ${stepMs}`);
  if (stepMs <= 0) throw new UsageError(`--step: expected a duration greater than zero, found ${argv.step}`);
  const durationMs = scenario.scenario.duration;
  const fromMs = timeFlag('--from', argv.from, scenario.startEpochMs) ?? 0;
  const toMs = timeFlag('--to', argv.to, scenario.startEpochMs) ?? durationMs;
  // the trace runs from 0 to the end, both included (the default's last row is at the end);
  // --from and --to stay within it. A clock time before the start is the next day's: say so
  // rather than print a trace after the end
  for (const [flag, text, ms] of [['--from', argv.from, fromMs], ['--to', argv.to, toMs]] as const) {
    if (ms <= durationMs) continue;
    const clock = String(text).includes(':') ? " (a clock time before the start is the next day's)" : '';
    throw new UsageError(`${flag}: expected a time at or before the scenario's end (${durationMs / 1000} s after the start), found ${ms / 1000} s${clock}`);
  }
  if (toMs < fromMs) throw new UsageError(`--to: expected a time at or after --from (${fromMs / 1000} s), found ${toMs / 1000} s`);
  checkTraceRows(argv.service === undefined ? services.length : 1, fromMs, toMs, stepMs);
  const options: TraceCsvOptions = { service: argv.service, stepMs, fromMs, toMs, seed: scenario.scenario.seed };
  return { csv: traceCsv(scenario, options), traceFiles, scenario, options };
}

/** Refuses, before building it, a trace of more rows than TRACE_MAX_ROWS (a UsageError naming --step). */
export function checkTraceRows(serviceCount: number, fromMs: number, toMs: number, stepMs: number): void {
  const rows = traceRowCount(serviceCount, fromMs, toMs, stepMs);
  if (rows <= TRACE_MAX_ROWS) return;
  throw new UsageError(
    `--step: the trace would have ${rows} rows (${rows / serviceCount} times x ${serviceCount} ${serviceCount === 1 ? 'service' : 'services'}), more than the ${TRACE_MAX_ROWS} ecsim trace writes; use a larger --step, a narrower --from/--to or --service`,
  );
}
