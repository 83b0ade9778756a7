// Same scenario + same seed => byte-identical deterministic outputs (DEVELOPERS.md).

import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';

const DETERMINISTIC = ['summary.json', 'timeseries.csv', 'capacity.csv', 'events.csv', 'tasks.csv'];

describe('determinism', () => {
  it('two runs of the quick start with the same seed give identical bytes', async () => {
    const dir = tempDir();
    const a = await cli('run', 'scenarios/quickstart.yaml', '--out', join(dir, 'a'), '--quiet');
    const b = await cli('run', 'scenarios/quickstart.yaml', '--out', join(dir, 'b'), '--quiet');
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(readdirSync(join(dir, 'a')).sort()).toEqual([...DETERMINISTIC, 'run.json', 'scenario.json'].sort());
    for (const f of DETERMINISTIC) {
      expect(readFileSync(join(dir, 'b', f)).equals(readFileSync(join(dir, 'a', f))), f).toBe(true);
    }
  });

  it('another seed changes the random draws; the same seed again gives the same bytes', async () => {
    // fargate-spot draws Spot interruptions, startup times and arrivals from the seed (the
    // quick start makes no draws at all: its seeds give the same files). 30 minutes is too
    // short for its spotInterruptions expectation, so the run exits 3 (files still written).
    const dir = tempDir();
    const run = async (name: string, seed: string) => {
      const r = await cli('run', 'scenarios/fargate-spot.yaml', '--duration', '30m', '--out', join(dir, name), '--quiet', '--seed', seed);
      expect([0, 3], r.stderr).toContain(r.code);
    };
    await run('a', '1');
    await run('b', '2');
    await run('c', '1');
    const sa = JSON.parse(readFileSync(join(dir, 'a', 'summary.json'), 'utf8'));
    const sb = JSON.parse(readFileSync(join(dir, 'b', 'summary.json'), 'utf8'));
    expect(sa.seed).toBe(1);
    expect(sb.seed).toBe(2);
    for (const f of ['timeseries.csv', 'events.csv', 'tasks.csv']) {
      expect(readFileSync(join(dir, 'b', f)).equals(readFileSync(join(dir, 'a', f))), `${f} seeds 1 and 2`).toBe(false);
    }
    for (const f of DETERMINISTIC) {
      expect(readFileSync(join(dir, 'c', f)).equals(readFileSync(join(dir, 'a', f))), `${f} seed 1 twice`).toBe(true);
    }
  });

  it('prints a human summary and writes every file of the output contract', async () => {
    const dir = tempDir();
    const r = await cli('run', 'scenarios/quickstart.yaml', '--out', join(dir, 'q'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/quickstart: 1 h simulated \(seed 1\)/);
    expect(r.stdout).toMatch(/cost by provider/);
    const header = (f: string) => readFileSync(join(dir, 'q', f), 'utf8').split('\n')[0];
    expect(header('timeseries.csv')).toBe(
      'time_s,timestamp,service,request_rate,desired_count,running_count,pending_count,cpu_utilization,memory_utilization,requests_served,requests_dropped,latency_p50_ms,latency_p95_ms,latency_p99_ms,min_capacity,max_capacity,requests_queued,backlog,request_count_per_target',
    );
    expect(header('capacity.csv').startsWith('time_s,timestamp,capacity_provider,instances_pending,instances_running,instances_draining,tasks_provisioning,tasks_running,cpu_registered,cpu_reserved,memory_registered,memory_reserved,capacity_provider_reservation,cost_to_date')).toBe(true);
    expect(header('events.csv')).toBe('time_s,timestamp,type,subject,message');
    expect(header('tasks.csv')).toBe('task_id,service,capacity_provider,launch_type,instance_id,availability_zone,created_s,running_s,stopped_s,stop_reason,pending_s');
    const run = JSON.parse(readFileSync(join(dir, 'q', 'run.json'), 'utf8'));
    expect(run.eventsPerSecond).toBeGreaterThan(0);
    expect(run.nodeVersion).toBe(process.version);
  });
});
