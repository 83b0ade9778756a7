// A Fargate Spot notice reaching a task that is already leaving its service (deregistering
// after a scale in) still reclaims it: the notice is the task's SIGTERM and AWS takes the
// capacity back 2 minutes later (AmazonECS/latest/developerguide/fargate-capacity-providers.html;
// knowledge-center/fargate-spot-termination-notice), whatever the deregistration delay.
// Before the fix the notice was lost at the scale in and the four scaled-in tasks ran out
// their 1800 s deregistration delay. Expectations by hand: shutdown fixed 100 s <
// stopTimeout 110 s < the 2-minute notice, so a task gets STOPPED 100 s after its SIGTERM;
// desiredCount 6, scaled in to 2 at 300 s; deregistration delay 1800 s (a task in rotation
// with an HTTP workload keeps it whole).

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord, type TaskRow } from '../../src/sim/index.js';

function run(seed: number) {
  const s: any = {
    name: 'spot-leaving',
    start: '2026-03-02T00:00:00Z',
    duration: '1h',
    // 1 vCPU at $3.60 an hour, memory free, no Spot discount: $0.001 a second
    pricing: { fargate: { vcpuHour: 3.6, gbHour: 0, spotDiscount: 0 } },
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: { FARGATE_SPOT: { provisioningDelay: 0, interruptions: { meanTimeBetween: '5m' } } },
    },
    taskDefinitions: {
      web: {
        cpu: 1024,
        memory: 2048,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        containerDefinitions: { app: { cpu: 1024, memory: 2048, portMappings: [{ containerPort: 8080 }] } },
        startup: { imagePull: 0, containerStart: 0 },
        shutdown: { distribution: 'fixed', value: '100s' },
        stopTimeout: '110s',
      },
    },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: 6,
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
        loadBalancer: { deregistrationDelay: '1800s' },
        workload: { type: 'http', requestRate: { constant: 50 }, perTask: { capacityRps: 100, concurrency: 4, serviceTime: { distribution: 'exponential', mean: '40ms' } } },
        autoScaling: {
          minCapacity: 1,
          maxCapacity: 10,
          scheduledActions: { down: { schedule: 'at(2026-03-02T00:05:00)', scalableTargetAction: { minCapacity: 2, maxCapacity: 2 } } },
        },
      },
    },
  };
  const events: EventRecord[] = [];
  const tasks: TaskRow[] = [];
  const r = runSimulation(loadScenarioObject('spot-leaving', s, { baseDir: '.' }), { event: (e) => events.push(e), timeseries: () => {}, capacity: () => {}, task: (t) => tasks.push(t) }, { seed, checkTallies: true });
  return { r, events, tasks };
}

describe('a Fargate Spot notice to a task already leaving (fargate-capacity-providers.html)', () => {
  for (const seed of [4, 5, 6]) {
    it(`seed ${seed}: a task deregistering after the scale in is reclaimed at its notice (SIGTERM then, STOPPED 100 s later, spot-interruption), with no replacement`, () => {
      const { r, events, tasks } = run(seed);
      const notices = events.filter((e) => e.type === 'spot-interruption');
      const whileLeaving = notices.filter((n) => n.message.includes('while it deregisters (scale-in)'));
      // the scale in at 300 s stops 4 tasks: with notices every 5 min on average, some of them get one within 1800 s
      expect(whileLeaving.length).toBeGreaterThan(0);
      const byId = new Map(tasks.map((t) => [t.taskId, t]));
      for (const n of whileLeaving) {
        const row = byId.get(n.subject)!;
        expect(n.time).toBeGreaterThan(300_000);
        expect(n.time).toBeLessThan(300_000 + 1_800_000);
        expect(row.stopped).toBe(n.time + 100_000);
        expect(row.stopReason).toBe('spot-interruption');
        expect(n.message).toMatch(/no replacement \(it was already leaving the service\)$/);
      }
      // a task scaled in and not noticed within its deregistration delay stops 1800 s + 100 s
      // after the scale in, or 100 s after it when it was never in rotation (no connections:
      // ELB skips the delay)
      for (const t of tasks.filter((x) => x.stopReason === 'scale-in')) expect([300_000 + 100_000, 300_000 + 1_800_000 + 100_000]).toContain(t.stopped);
      // replacements: one per notice to a task still in the service, none for the leaving ones
      const inService = notices.length - whileLeaving.length;
      expect(tasks.length).toBe(6 + inService);
      // billing ends at STOPPED: $0.001 a second from PENDING, whole seconds rounded up, 1-minute minimum
      const end = 3_600_000;
      const expected = tasks.reduce((sum, t) => sum + Math.ceil(Math.max(60_000, (t.stopped ?? end) - t.pending!) / 1000) * 0.001, 0);
      expect(r.summary.cost.total).toBeCloseTo(expected, 3);
    });
  }
});
