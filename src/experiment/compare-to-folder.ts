// Runs a comparison and writes its folder atomically (built in a temporary folder,
// renamed into place): comparison.csv, paired.csv, replications.csv, providers.csv, comparison.md and
// runs/<variant>/ (replication 0's full results folder, for the report's overlays).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stagingFolder } from '../output/staging.js';
import { assertOwnResultsFolder } from '../output/results-folder.js';
import { runComparison, type Comparison } from './compare.js';
import { comparisonCsv, pairedCsv, providersCsv, replicationsCsv } from './comparison-files.js';
import { comparisonMarkdown } from './comparison-markdown.js';
import type { ExperimentFile } from './experiment-file.js';

export interface CompareToFolderOptions {
  outDir: string;
  jobs: number;
  onProgress?: (done: number, total: number) => void;
}

export async function compareToFolder(exp: ExperimentFile, options: CompareToFolderOptions): Promise<Comparison> {
  // before any run: a sweep's or a run's folder is refused, not replaced whole
  assertOwnResultsFolder(options.outDir, 'compare');
  const staging = stagingFolder(options.outDir);
  try {
    const comparison = await runComparison(exp, { jobs: options.jobs, runsDir: join(staging.tempDir, 'runs'), onProgress: options.onProgress });
    writeFileSync(join(staging.tempDir, 'comparison.csv'), comparisonCsv(comparison));
    writeFileSync(join(staging.tempDir, 'paired.csv'), pairedCsv(comparison));
    writeFileSync(join(staging.tempDir, 'replications.csv'), replicationsCsv(comparison));
    writeFileSync(join(staging.tempDir, 'providers.csv'), providersCsv(comparison));
    writeFileSync(join(staging.tempDir, 'comparison.md'), comparisonMarkdown(comparison));
    staging.commit();
    return comparison;
  } catch (e) {
    staging.abort();
    throw staging.namingUserPath(e);
  }
}
