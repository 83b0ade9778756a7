// The experiment runner: compare variants, sweep parameters, replicate, shard and merge.

export { mergePatch, isJsonObject } from './merge-patch.js';
export { setPath } from './set-path.js';
export { studentTQuantile } from './student-t.js';
export { mean, sampleStandardDeviation, confidenceHalfWidth, summarizeSample, pairedDifference, isSignificant, type SampleSummary } from './stats.js';
export { paretoFront, type CostAndSlo } from './pareto.js';
export { METRICS, headlineMetrics, type MetricName } from './metrics.js';
export { deriveScenario, EXPERIMENT_KEYS } from './derive-scenario.js';
export { readExperimentFile, type ExperimentFile, type ExperimentOverrides } from './experiment-file.js';
export { runReplication, type ReplicationJob } from './replication-job.js';
export { runJobs, type RunJobsOptions } from './run-jobs.js';
export { compareVariants, runComparison, summarizeComparison, type Comparison, type VariantOutcome, type CompareOptions } from './compare.js';
export { comparisonCsv, pairedCsv, replicationsCsv } from './comparison-files.js';
export { comparisonMarkdown } from './comparison-markdown.js';
export { compareToFolder, type CompareToFolderOptions } from './compare-to-folder.js';
export { sweepPlan, experimentSweepPlan, sweepPointLabels, formatParameter, type SweepPlan } from './sweep-plan.js';
export { runSweep, type SweepTable, type PointRow, type SweepOptions } from './sweep.js';
export { checkExperiment, type ExperimentCheck } from './check-experiment.js';
export { SWEEP_CHECK_LIMIT } from './sweep-check-limit.js';
export { sweepCsv, isSweepCsv, shardCsv, parseShardCsv, sortedRows, sweepParetoFront } from './sweep-files.js';
export { sweepMarkdown, isSweepMarkdown } from './sweep-markdown.js';
export { sweepToFolder, sweepFolderHolds, SWEEP_RUNS_LIMIT, type SweepToFolderOptions, type SweepFolder } from './sweep-to-folder.js';
export { pointLabels, shortNames, encodeLabelPart, MAX_LABEL_LENGTH } from './point-label.js';
export { parseShard, shardFromEnvironment, inShard, shardFileName, shardOfFileName, SHARD_INDEX_VARIABLES, type Shard } from './shard.js';
export { shardFiles, mergeShardFiles, mergeShards } from './merge-shards.js';
export { writeFileAtomic, writeFilesAtomic, stageFiles, besideFileInTheWay, isPipeOrDevice, isStandardOutput, isStreamPath, stagingFolder } from '../output/staging.js';
export { readCsvRows as parseCsv } from '../output/csv-read.js';
export { hasPairing, isSweepPairedCsv, isSweepReplicationsCsv, pairedFileInTheWay, removeFiles, sweepPairedCsv, sweepPairedFiles, sweepPairing, sweepReplicationsCsv, type SweepPairing } from './sweep-paired.js';
