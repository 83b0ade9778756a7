// A stopped DAEMON task's replacement gets its room back before a waiting replica task:
// ECS reserves an instance's resources for its daemon task, the first task launched there and
// the last stopped (developerguide ecs_service-options.html, daemon scheduling strategy).
//
// One m5.large registers 2048 CPU units. The daemon d takes 256; web (512 CPU, desired 20)
// gets floor((2048 - 256) / 512) = 3 tasks, leaving 2048 - 256 - 3 x 512 = 256 CPU units free,
// and its other 17 tasks wait. d's workload needs more memory than its 256 MiB hard limit,
// so each d task is killed for out-of-memory at a metric period end: that frees 256 + 256 =
// 512 CPU units, room for one web task. Before the fix web took it (web-4) and the daemon
// never came back (task-unplaceable, lacks 256 CPU units). Now each stopped d task is
// replaced on the same instance at the same instant, web never gets a 4th task, and d is
// never unplaceable.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(daemonFirst: boolean) {
  const d = {
    taskDefinition: 'd',
    schedulingStrategy: 'DAEMON',
    launchType: 'EC2',
    loadBalancer: { deregistrationDelay: '0s', healthCheck: { interval: '10s' } },
    workload: {
      type: 'http',
      requestRate: { constant: 1000 },
      perTask: { capacityRps: 10, cpuBaseline: 5, memoryMiB: { base: 200, perRps: 30 }, concurrency: 1, serviceTime: { distribution: 'exponential', mean: '40ms' } },
    },
  };
  const web = { taskDefinition: 'web', desiredCount: 20 };
  return {
    name: 'daemon-room',
    start: '2026-03-02T08:00:00Z',
    duration: '30m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1 } } },
      defaultCapacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }],
    },
    taskDefinitions: {
      d: { cpu: 256, memory: 256, containerDefinitions: { c: { cpu: 256, memory: 256 } } },
      web: { cpu: 512, memory: 512, containerDefinitions: { app: { cpu: 512, memory: 512 } } },
    },
    // service order is reconcile order at one instant: with web listed first, only waking
    // the daemon first keeps the room for it
    services: daemonFirst ? { d, web } : { web, d },
  };
}

describe('a stopped DAEMON task keeps its room against waiting replica tasks', () => {
  for (const daemonFirst of [true, false]) {
    it(`its replacement is placed at once on the same instance; web keeps 3 tasks (${daemonFirst ? 'd' : 'web'} listed first)`, () => {
      const r = runKeepingRows(scenario(daemonFirst), { seed: 1 });
      const placed = r.events.filter((e) => e.type === 'task-placed');
      // web: (2048 - 256) / 512 = 3 tasks, never a 4th in the daemon's room
      expect(placed.filter((e) => e.subject.startsWith('web-')).map((e) => e.subject)).toEqual(['web-1', 'web-2', 'web-3']);
      // the daemon is never short of room
      expect(r.events.filter((e) => e.type === 'task-unplaceable' && e.subject === 'd')).toEqual([]);
      // every d task stopped for out-of-memory is followed at the same instant by the next d task placed
      const stops = r.events.filter((e) => e.type === 'task-stopped' && e.subject.startsWith('d-'));
      expect(stops.length).toBeGreaterThan(0);
      for (const s of stops) {
        expect(s.message).toContain('(out-of-memory)');
        const n = Number(s.subject.slice(2));
        expect(placed.filter((e) => e.subject === `d-${n + 1}`).map((e) => e.time)).toEqual([s.time]);
      }
      // one d task at the end (d-N, N = stops + 1), on the instance, not stopped before the run's end
      const last = r.tasks.filter((t) => t.service === 'd' && t.stopReason === 'simulation-end');
      expect(last.map((t) => t.taskId)).toEqual([`d-${stops.length + 1}`]);
      expect(last[0].instanceId).toBe('i-00000000000000001');
      // the desired count stays 1 and one d task is running or starting at every period end
      for (const row of r.timeseries.filter((x) => x.service === 'd' && x.time > 60_000)) {
        expect([row.desiredCount, row.runningCount + row.pendingCount]).toEqual([1, 1]);
      }
    });
  }
});

// The same when the daemon task and replica tasks stop at one instant (review 2026-11-27,
// k.yaml): the replica service's reconcile was requested first (its task stopped first), so
// waking the daemon first in capacityFreed could not put it ahead; DAEMON reconciles now run
// before the instant's replica reconciles (PRIORITY.daemonReconcile).
//
// One m5.large registers floor(8192 x 0.98 = 8028.16) = 8028 MiB: three 2048 MiB tasks (6144),
// not four (8192). r (desired 6) gets r-1, r-2 and d gets d-1 at registration. At each period
// end every task is over its 2048 MiB hard limit: r's two tasks serve 50 rps each,
// 1900 + 3 x 50 = 2050 MiB; d serves 10 rps, 2000 + 5 x 10 = 2050 MiB. All three stop at 60 s,
// the instance is empty: d-2 is placed first, then r gets floor((8028 - 2048) / 2048) = 2
// tasks (r-3, r-4), and the other 4 wait. Before the fix r took three (r-3..r-5) and d was
// unplaceable (lacks 2048 - (8028 - 3 x 2048) = 164 MiB) for the rest of the run.
function sameInstant() {
  const td = { cpu: 512, memory: 2048, networkMode: 'bridge', containerDefinitions: { app: { cpu: 512, memory: 2048 } } };
  const perTask = (base: number, perRps: number) => ({
    capacityRps: 100,
    cpuBaseline: 5,
    memoryMiB: { base, perRps },
    concurrency: 8,
    serviceTime: { distribution: 'exponential', mean: '40ms' },
  });
  return {
    name: 'k',
    start: '2026-03-02T09:00:00Z',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, launchDelay: { distribution: 'fixed', value: '10s' } } } },
    },
    taskDefinitions: { r: td, d: td },
    services: {
      r: { taskDefinition: 'r', desiredCount: 6, launchType: 'EC2', workload: { type: 'http', requestRate: { constant: 100 }, perTask: perTask(1900, 3) } },
      d: { taskDefinition: 'd', schedulingStrategy: 'DAEMON', launchType: 'EC2', workload: { type: 'http', requestRate: { constant: 10 }, perTask: perTask(2000, 5) } },
    },
  };
}

describe('a DAEMON task stopping at the same instant as replica tasks gets its room back', () => {
  it('d-2 is placed at 60 s with r-3 and r-4 only; d is never unplaceable', () => {
    const r = runKeepingRows(sameInstant(), { seed: 1 });
    const at = (ms: number, type: string) => r.events.filter((e) => e.time === ms && e.type === type).map((e) => e.subject);
    expect(at(60_000, 'task-stopped').sort()).toEqual(['d-1', 'r-1', 'r-2']);
    expect(at(60_000, 'task-placed').sort()).toEqual(['d-2', 'r-3', 'r-4']);
    expect(r.events.filter((e) => e.type === 'task-unplaceable' && e.subject === 'd')).toEqual([]);
    // every d task stopped is followed at the same instant by the next d task placed
    const placed = r.events.filter((e) => e.type === 'task-placed');
    for (const s of r.events.filter((e) => e.type === 'task-stopped' && e.subject.startsWith('d-'))) {
      const n = Number(s.subject.slice(2));
      expect(placed.filter((e) => e.subject === `d-${n + 1}`).map((e) => e.time)).toEqual([s.time]);
    }
  });
});
