// Runs a resolved scenario and writes its results folder atomically (outputs.md).

import { finiteJson } from './finite-json.js';
import { performance } from 'node:perf_hooks';
import { runSimulation, runSimulationPausing, type RunResult, type Summary } from '../sim/index.js';
import type { ResolvedScenario } from '../scenario/index.js';
import { effectiveScenario } from '../scenario/effective.js';
import { ResultsWriter } from './results-writer.js';
import { VERSION } from './version.js';

export interface RunToFolderOptions {
  outDir: string;
  seed: number;
  onProgress?: (fraction: number) => void;
  /** Extra files to add before the folder is committed (e.g. report.html). */
  extraFiles?: (summary: Summary, tempDir: string) => Record<string, string>;
}

export interface RunReport {
  summary: Summary;
  wallSeconds: number;
  eventsProcessed: number;
  eventsPerSecond: number;
  simulatedDaysPerWallSecond: number;
}

export function runToFolder(scenario: ResolvedScenario, options: RunToFolderOptions): RunReport {
  const writer = new ResultsWriter(options.outDir, scenario.startEpochMs);
  try {
    const t0 = performance.now();
    const result = runSimulation(scenario, writer, { seed: options.seed, onProgress: options.onProgress });
    return finish(scenario, options, writer, result, t0);
  } catch (e) {
    writer.abort();
    throw writer.namingUserPath(e);
  }
}

/**
 * runToFolder, passing a turn of the event loop between the simulation's chunks
 * (runSimulationPausing): the same files, and a signal handler may run meanwhile (Ctrl-C
 * removing the temporary folder, bin.ts).
 */
export async function runToFolderPausing(scenario: ResolvedScenario, options: RunToFolderOptions): Promise<RunReport> {
  const writer = new ResultsWriter(options.outDir, scenario.startEpochMs);
  try {
    const t0 = performance.now();
    const result = await runSimulationPausing(scenario, writer, { seed: options.seed, onProgress: options.onProgress }, passATurn);
    return finish(scenario, options, writer, result, t0);
  } catch (e) {
    writer.abort();
    throw writer.namingUserPath(e);
  }
}

/** Resolves after the event loop has run once (timers, I/O, signals). */
export function passATurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The run's report, its last files written and the folder moved into place. */
function finish(scenario: ResolvedScenario, options: RunToFolderOptions, writer: ResultsWriter, result: RunResult, t0: number): RunReport {
  const wallSeconds = (performance.now() - t0) / 1000;
  const report: RunReport = {
    summary: result.summary,
    wallSeconds,
    eventsProcessed: result.eventsProcessed,
    eventsPerSecond: result.eventsProcessed / Math.max(wallSeconds, 1e-9),
    simulatedDaysPerWallSecond: result.simulatedMs / 86_400_000 / Math.max(wallSeconds, 1e-9),
  };
  writer.writeFile('summary.json', finiteJson('summary.json', result.summary));
  // the validated scenario with its defaults and derived figures filled in (durations in ms), for reports
  writer.writeFile('scenario.json', `${JSON.stringify({ ...effectiveScenario(scenario), seed: options.seed }, null, 2)}\n`);
  writer.writeFile(
    'run.json',
    `${JSON.stringify(
      {
        ecsimVersion: VERSION,
        nodeVersion: process.version,
        scenario: scenario.scenario.name,
        seed: options.seed,
        wallSeconds: round3(wallSeconds),
        eventsProcessed: result.eventsProcessed,
        eventsPerSecond: Math.round(report.eventsPerSecond),
        simulatedDaysPerWallSecond: round3(report.simulatedDaysPerWallSecond),
        peakRssMiB: Math.round(process.memoryUsage().rss / 1048576),
      },
      null,
      2,
    )}\n`,
  );
  for (const [name, content] of Object.entries(options.extraFiles?.(result.summary, writer.tempDir) ?? {})) writer.writeFile(name, content);
  writer.commit();
  return report;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
