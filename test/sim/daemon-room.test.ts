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
