// The short human summary `ecsim run` prints at the end.

import type { RunReport } from '../output/run-to-folder.js';
import { fmtUsdColumn } from '../output/report/format/numbers.js';
import { table } from './table.js';

export function printRunSummary(report: RunReport, outDir: string, extraFiles: readonly string[] = []): void {
  const s = report.summary;
  const lines: string[] = [];
  lines.push(`${s.scenario}: ${fmtDuration(s.durationSeconds)} simulated (seed ${s.seed}) in ${report.wallSeconds.toFixed(2)} s wall, ${Math.round(report.eventsPerSecond).toLocaleString('en-US')} events/s`);
  lines.push('');
  const rows = Object.entries(s.services).map(([name, v]) => {
    const x = v as {
      taskHours: number; desiredCount: { min: number; max: number; final: number }; cpuUtilization: { mean: number | null; p95: number | null };
      requests: { offered: number; dropped: number }; latencyMs: { p95: number | null }; sloViolationMinutes: number;
      scalingActivities: { out: number; in: number };
    };
    return [
      name,
      `${x.desiredCount.min}..${x.desiredCount.max} (${x.desiredCount.final})`,
      x.taskHours.toFixed(1),
      x.cpuUtilization.mean === null || x.cpuUtilization.p95 === null ? '-' : `${x.cpuUtilization.mean.toFixed(1)} / ${x.cpuUtilization.p95.toFixed(1)}`,
      x.latencyMs.p95 === null ? '-' : x.latencyMs.p95.toFixed(0),
      x.requests.offered > 0 ? ((x.requests.dropped / x.requests.offered) * 100).toFixed(2) : '-',
      x.sloViolationMinutes.toFixed(0),
      `${x.scalingActivities.out}/${x.scalingActivities.in}`,
    ];
  });
  lines.push(table(['service', 'desired lowest..highest (final)', 'task-h', 'cpu% mean/p95', 'p95 ms', 'dropped %', 'SLO-min', 'scale out/in'], rows));
  const cost = s.cost;
  lines.push('');
  // as the report shows them: under 1 USD with 3 significant digits, not 0.00 for a short run,
  // one number of decimals for the column
  const byProvider = Object.entries(cost.byProvider);
  const usd = fmtUsdColumn([...byProvider.map(([, v]) => v), cost.total]).map((x) => x.replace('$', ''));
  lines.push(table(['cost by provider', 'USD'], [...byProvider.map(([k], i) => [k, usd[i]]), ['total', usd[byProvider.length]]]));
  lines.push('');
  const files = ['summary.json', 'timeseries.csv', 'capacity.csv', 'events.csv', 'tasks.csv', 'scenario.json', 'run.json', ...extraFiles];
  lines.push(`results: ${outDir}/ (${files.join(', ')})`);
  // (a file with variants or a sweep: the note on stderr says the run was the base scenario)
  process.stdout.write(`${lines.join('\n')}\n`);
}

function fmtDuration(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
