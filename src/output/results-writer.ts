// Writes one run's results folder: CSVs stream into a temporary folder beside the target
// and the folder is renamed into place at the end (staging.ts), so a crash or a bad input
// never leaves half-written results.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CapacityRow, EventRecord, RunSinks, TaskRow, TimeseriesRow } from '../sim/records.js';
import { CsvFile, formatCost } from './csv-file.js';
import { CAPACITY_COLUMNS, EVENT_COLUMNS, TASK_COLUMNS, TIMESERIES_COLUMNS } from './columns.js';
import { stagingFolder, type StagingFolder } from './staging.js';

export class ResultsWriter implements RunSinks {
  readonly tempDir: string;
  private readonly staging: StagingFolder;
  private readonly files: { timeseries: CsvFile; capacity: CsvFile; events: CsvFile; tasks: CsvFile };
  private done = false;

  constructor(
    readonly outDir: string,
    private readonly startEpochMs: number,
  ) {
    this.staging = stagingFolder(outDir);
    this.tempDir = this.staging.tempDir;
    this.files = {
      timeseries: new CsvFile(join(this.tempDir, 'timeseries.csv'), TIMESERIES_COLUMNS),
      capacity: new CsvFile(join(this.tempDir, 'capacity.csv'), CAPACITY_COLUMNS),
      events: new CsvFile(join(this.tempDir, 'events.csv'), EVENT_COLUMNS),
      tasks: new CsvFile(join(this.tempDir, 'tasks.csv'), TASK_COLUMNS),
    };
  }

  // rows come in time order, many at one instant: the last timestamp is reused
  private stampMs = NaN;
  private stampIso = '';

  private iso(ms: number): string {
    if (ms !== this.stampMs) {
      this.stampMs = ms;
      this.stampIso = new Date(this.startEpochMs + ms).toISOString();
    }
    return this.stampIso;
  }

  event(e: EventRecord): void {
    this.files.events.write([e.time / 1000, this.iso(e.time), e.type, e.subject, e.message]);
  }

  timeseries(r: TimeseriesRow): void {
    this.files.timeseries.write([
      r.time / 1000, this.iso(r.time), r.service, r.requestRate, r.desiredCount, r.runningCount, r.pendingCount,
      r.cpuUtilization, r.memoryUtilization, r.requestsServed, r.requestsDropped,
      r.latencyP50Ms, r.latencyP95Ms, r.latencyP99Ms, r.minCapacity, r.maxCapacity, r.queued, r.backlog,
      r.requestCountPerTarget,
    ]);
  }

  capacity(r: CapacityRow): void {
    this.files.capacity.write([
      r.time / 1000, this.iso(r.time), r.capacityProvider, r.instancesPending, r.instancesRunning, r.instancesDraining,
      r.tasksProvisioning, r.tasksRunning, r.cpuRegistered, r.cpuReserved, r.memoryRegistered, r.memoryReserved,
      r.capacityProviderReservation, costCell(r.costToDate), r.desiredCapacity,
    ]);
  }

  task(r: TaskRow): void {
    const s = (ms: number | null) => (ms === null ? null : ms / 1000);
    this.files.tasks.write([
      r.taskId, r.service, r.capacityProvider, r.launchType, r.instanceId, r.availabilityZone,
      s(r.created), s(r.running), s(r.stopped), r.stopReason, s(r.pending),
    ]);
  }

  /** Adds a whole file (summary.json, run.json, report.html) to the results. */
  writeFile(name: string, content: string): void {
    writeFileSync(join(this.tempDir, name), content);
  }

  /** Closes the CSVs and moves the folder into place (replacing an older one). */
  commit(): void {
    for (const f of Object.values(this.files)) f.close();
    this.staging.commit();
    this.done = true;
  }

  /** A file system error met while writing, naming the results folder's path, not the temporary one's. */
  namingUserPath(e: unknown): unknown {
    return this.staging.namingUserPath(e);
  }

  /** Drops everything written so far. */
  abort(): void {
    if (this.done) return;
    for (const f of Object.values(this.files)) {
      try {
        f.close();
      } catch {
        /* already closed */
      }
    }
    this.staging.abort();
  }
}

/**
 * cost_to_date to 6 decimals (formatCost), the other numbers of capacity.csv to 4: a
 * non-finite one is passed on as the number, for CsvFile to refuse naming its row and column.
 */
function costCell(x: number): string | number {
  return Number.isFinite(x) ? formatCost(x) : x;
}
