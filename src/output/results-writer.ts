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
  // and many instants in one UTC day: its date ("2026-03-02T") is made once
  private dayIndex = NaN;
  private dayPrefix = '';

  /**
   * What `new Date(startEpochMs + ms).toISOString()` gives, the time of day written from
   * its digits under the day's date (a fifth of toISOString's time: most events, a task
   * RUNNING, fall at instants of their own).
   */
  private iso(ms: number): string {
    if (ms !== this.stampMs) {
      this.stampMs = ms;
      const t = Math.trunc(this.startEpochMs + ms); // as Date keeps it
      if (!(Math.abs(t) <= MAX_DATE_MS)) return (this.stampIso = new Date(t).toISOString()); // throws, as before
      const day = Math.floor(t / DAY_MS);
      if (day !== this.dayIndex) {
        this.dayIndex = day;
        this.dayPrefix = new Date(day * DAY_MS).toISOString().slice(0, -13); // less "00:00:00.000Z"
      }
      this.stampIso = this.dayPrefix + timeOfDay(t - day * DAY_MS);
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

const DAY_MS = 86_400_000;
/** The latest (and, negated, the earliest) time a Date holds. */
const MAX_DATE_MS = 8.64e15;

/** `HH:MM:SS.mmmZ` of a whole number of milliseconds into a day, as toISOString writes it. */
function timeOfDay(ms: number): string {
  const milli = ms % 1000;
  const seconds = (ms - milli) / 1000;
  const s = seconds % 60;
  const minutes = (seconds - s) / 60;
  const m = minutes % 60;
  const h = (minutes - m) / 60;
  return `${twoDigits(h)}:${twoDigits(m)}:${twoDigits(s)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * cost_to_date to 6 decimals (formatCost), the other numbers of capacity.csv to 4: a
 * non-finite one is passed on as the number, for CsvFile to refuse naming its row and column.
 */
function costCell(x: number): string | number {
  return Number.isFinite(x) ? formatCost(x) : x;
}
