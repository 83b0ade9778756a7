// Test helpers: results folders written from hand-made rows (the output contract's
// columns), so report tests control every number they check.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TS_HEADER =
  'time_s,timestamp,service,request_rate,desired_count,running_count,pending_count,cpu_utilization,memory_utilization,requests_served,requests_dropped,latency_p50_ms,latency_p95_ms,latency_p99_ms,min_capacity,max_capacity,requests_queued,backlog,request_count_per_target';
export const CAP_HEADER =
  'time_s,timestamp,capacity_provider,instances_pending,instances_running,instances_draining,tasks_provisioning,tasks_running,cpu_registered,cpu_reserved,memory_registered,memory_reserved,capacity_provider_reservation,cost_to_date,desired_capacity';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `ecsim-report-${prefix}-`));
}

const START = Date.parse('2026-03-02T09:00:00Z');
export const stamp = (s: number) => new Date(START + s * 1000).toISOString();

export interface FakeRun {
  services: string[];
  providers: string[];
  periods: number;
  periodS?: number;
  events?: string[]; // "time_s,type,subject,message" (message without commas or quoted)
  tasks?: string[];
  scenario?: unknown;
  /** The backlog column of period k given its running_count (default empty: an http service). */
  backlog?: (k: number, running: number) => number;
  /** The request_count_per_target column of period k given its running_count (default, and null: empty). */
  requestCountPerTarget?: (k: number, running: number) => number | null;
  /** running_count of period k (default a slow wave between 3 and 7). */
  running?: (k: number) => number;
}

/** Writes a results folder with smooth made-up series; returns its path. */
export function writeFakeRun(dir: string, run: FakeRun): string {
  mkdirSync(dir, { recursive: true });
  const p = run.periodS ?? 60;
  const ts: string[] = [TS_HEADER];
  const cap: string[] = [CAP_HEADER];
  for (let k = 0; k < run.periods; k++) {
    const t = k * p;
    for (const s of run.services) {
      const rate = 300 + 200 * Math.sin(k / 200);
      const running = run.running ? run.running(k) : 3 + Math.round(2 + 2 * Math.sin(k / 200));
      const backlog = run.backlog ? run.backlog(k, running) : undefined;
      const perTarget = run.requestCountPerTarget ? run.requestCountPerTarget(k, running) : undefined;
      ts.push([t, stamp(t), s, rate.toFixed(2), running, running, 0, (40 + 20 * Math.sin(k / 50)).toFixed(2), 30, Math.round(rate * p), 0, 50, 180 + (k % 97), 300, 2, 20, backlog ?? 0, backlog ?? '', perTarget ?? ''].join(','));
    }
    for (const c of run.providers) {
      cap.push([t, stamp(t), c, 0, 3, 0, 0, 6, 6144, 1536, 23100, 3072, 80, ((k + 1) * 0.0048).toFixed(4), 3].join(','));
    }
  }
  writeFileSync(join(dir, 'timeseries.csv'), ts.join('\n') + '\n');
  writeFileSync(join(dir, 'capacity.csv'), cap.join('\n') + '\n');
  const events = (run.events ?? []).map((e) => {
    const [time, type, subject, ...rest] = e.split(',');
    const message = rest.join(',');
    return [time, stamp(Number(time)), type, subject, message.includes(',') ? `"${message.replace(/"/g, '""')}"` : message].join(',');
  });
  writeFileSync(join(dir, 'events.csv'), ['time_s,timestamp,type,subject,message', ...events].join('\n') + '\n');
  writeFileSync(join(dir, 'tasks.csv'), ['task_id,service,capacity_provider,launch_type,instance_id,availability_zone,created_s,running_s,stopped_s,stop_reason', ...(run.tasks ?? [])].join('\n') + '\n');
  const services = Object.fromEntries(
    run.services.map((s) => [
      s,
      {
        taskHours: 10,
        desiredCount: { min: 3, max: 7, mean: 5, final: 5 },
        cpuUtilization: { mean: 40, p50: 40, p95: 58, max: 60 },
        requests: { offered: 1000, served: 990, dropped: 10 },
        latencyMs: { p50: 50, p95: 200, p99: 300 },
        sloViolationMinutes: 4,
        scalingActivities: { out: 2, in: 1 },
      },
    ]),
  );
  const summary = {
    scenario: 'fake',
    seed: 7,
    durationSeconds: run.periods * p,
    services,
    capacityProviders: Object.fromEntries(run.providers.map((c) => [c, { instanceHours: 3, maxInstances: 3, meanReservation: 80 }])),
    cost: { currency: 'USD', total: 1.5 * run.providers.length, byProvider: Object.fromEntries(run.providers.map((c) => [c, 1.5])) },
  };
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
  if (run.scenario !== undefined) writeFileSync(join(dir, 'scenario.json'), JSON.stringify(run.scenario));
  return dir;
}

/** Every <svg class="chart"> of a page. */
export function charts(html: string): string[] {
  return html.match(/<svg[^>]*class="chart"[\s\S]*?<\/svg>/g) ?? [];
}

/** The d attributes of the drawn data paths (class="series") of one chart. */
export function seriesPaths(svg: string): string[] {
  return [...svg.matchAll(/<path class="series" d="([^"]*)"/g)].map((m) => m[1]);
}
