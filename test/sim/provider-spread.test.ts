// spread with a capacity provider strategy counts the whole service's tasks, not only the
// task's capacity provider's: AWS sorts the candidates "by the fewest number of running
// tasks for this service in the same Availability Zone" (task-placement-strategies.html),
// while the candidates are the provider's instances. Expectations worked out by hand.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

function scenario(over: { spotTypes?: string[]; ondemand?: number; spot?: number; placementStrategy?: unknown; desiredCount: number }) {
  const group = (types: string[], n: number, spot: boolean) => ({
    autoScalingGroup: { instanceTypes: types, ...(spot ? { purchaseOption: 'spot' } : {}), minSize: n, maxSize: n, desiredCapacity: n, launchDelay: '60s' },
  });
  return {
    name: 'provider-spread',
    duration: '10m',
    cluster: {
      availabilityZones: AZS,
      capacityProviders: {
        ondemand: group(['m5.large'], over.ondemand ?? 3, false),
        spot: group(over.spotTypes ?? ['m5.large'], over.spot ?? 3, true),
      },
    },
    taskDefinitions: { web: { cpu: 256, memory: 512, networkMode: 'bridge' } },
    services: {
      web: {
        taskDefinition: 'web',
        desiredCount: over.desiredCount,
        capacityProviderStrategy: [
          { capacityProvider: 'ondemand', weight: 1 },
          { capacityProvider: 'spot', weight: 1 },
        ],
        ...(over.placementStrategy ? { placementStrategy: over.placementStrategy } : {}),
      },
    },
  };
}

/** task id -> "instance type az" from the task-placed events. */
function placements(raw: unknown): Map<string, string> {
  const r = runKeepingRows(raw, { seed: 1 });
  const out = new Map<string, string>();
  for (const e of r.events) if (e.type === 'task-placed') out.set(e.subject, e.message.replace(/^\S+ placed on /, ''));
  return out;
}

describe('spread with a capacity provider strategy counts the whole service', () => {
  it('default spread(AZ), spread(instanceId): 4 tasks over ondemand/spot 1:1 land 2/1/1 across the AZs', () => {
    // ondemand i-1..3 in 1a,1b,1c; spot i-4..6 in 1a,1b,1c. Providers alternate ondemand, spot.
    // web-1 (ondemand): every AZ 0 -> lowest id i-1 (1a)
    // web-2 (spot): 1a has 1 -> 1b, 1c tie; spread(instanceId) ties; lowest id i-5 (1b)
    // web-3 (ondemand): 1c has 0 -> i-3
    // web-4 (spot): every AZ 1; spot instances all 0 tasks -> lowest id i-4 (1a)
    // (counting only the provider's own tasks put web-3 on 1b and web-4 on 1b: 2/2/0)
    const p = placements(scenario({ desiredCount: 4 }));
    expect([...p.values()]).toEqual([
      'i-00000000000000001 (m5.large, us-east-1a)',
      'i-00000000000000005 (m5.large, us-east-1b)',
      'i-00000000000000003 (m5.large, us-east-1c)',
      'i-00000000000000004 (m5.large, us-east-1a)',
    ]);
  });

  it('spread(AZ) then binpack(memory) (the packing path) also counts the other provider\'s tasks', () => {
    // web-1 (ondemand) -> i-1 (1a, all tie on AZ and memory, lowest id); web-2 (spot): 1a has 1,
    // so 1b/1c tie, equal memory -> lowest id i-5 (1b); web-3 (ondemand) -> 1c: i-3
    const p = placements(
      scenario({
        desiredCount: 3,
        placementStrategy: [
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'binpack', field: 'memory' },
        ],
      }),
    );
    expect([...p.values()]).toEqual(['i-00000000000000001 (m5.large, us-east-1a)', 'i-00000000000000005 (m5.large, us-east-1b)', 'i-00000000000000003 (m5.large, us-east-1c)']);
  });

  it('spread on another attribute (ecs.instance-type) counts over every instance of the cluster', () => {
    // ondemand: i-1 m5.large (1a); spot rotates its types: i-2 m5.large (1a), i-3 c5.large (1b).
    // web-1 (ondemand) -> i-1; web-2 (spot): m5.large has 1 task, c5.large 0 -> i-3
    // (counting the spot instances only, both types had 0 and the lowest id i-2 won)
    const p = placements(scenario({ ondemand: 1, spot: 2, spotTypes: ['m5.large', 'c5.large'], desiredCount: 2, placementStrategy: [{ type: 'spread', field: 'attribute:ecs.instance-type' }] }));
    expect(p.get('web-1')).toBe('i-00000000000000001 (m5.large, us-east-1a)');
    expect(p.get('web-2')).toBe('i-00000000000000003 (c5.large, us-east-1b)');
  });
});

describe('scale in of one capacity provider keeps the whole service balanced over the AZs', () => {
  it('6 tasks 2/2/2 scaled to 4: one stop per provider, never both in one AZ (2/1/1, not 2/2/0)', () => {
    // Placement as above: ondemand web-1 i-1 (1a), spot web-2 i-5 (1b), ondemand web-3 i-3 (1c),
    // spot web-4 i-4 (1a), ondemand web-5: AZs 2/1/1 -> 1b/1c, spread(instanceId) i-2 (1b, 0
    // tasks) over i-3 (1 task) -> i-2; spot web-6: 2/2/1 -> 1c, i-6. Each provider has one task
    // per AZ. Scaling to 4 undoes the 1:1 split: one stop per provider. The first stop takes
    // any AZ (2/2/2, a draw); the second provider's pool, counted alone, is 1/1/1 and could take
    // the same AZ (2/2/0); counted with the service's other tasks that AZ has 1, so it stops in
    // another: 1/1/2 in some order, for every seed.
    for (let seed = 1; seed <= 12; seed++) {
      const raw = scenario({ desiredCount: 6 }) as any;
      raw.duration = '20m';
      raw.services.web.autoScaling = {
        minCapacity: 1,
        maxCapacity: 6,
        scheduledActions: { shrink: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { maxCapacity: 4 } } },
      };
      const r = runKeepingRows(raw, { seed });
      const stopped = r.tasks.filter((t) => t.stopReason === 'scale-in');
      expect(stopped.map((t) => t.capacityProvider).sort()).toEqual(['ondemand', 'spot']);
      expect(new Set(stopped.map((t) => t.availabilityZone)).size).toBe(2);
    }
  });
});

describe('an unplaceable message names the capacity provider whose instances the task may use', () => {
  it('spot has no instance while ondemand has 3: "no container instance of capacity provider spot is registered"', () => {
    // ondemand launches 3 (registered at 60 s), spot none. At 0 s every task waits; ondemand's
    // message counts its 3 launching; spot's tasks have no candidate at all.
    const raw = scenario({ desiredCount: 4, spot: 0 }) as any;
    const r = runKeepingRows(raw, { seed: 1 });
    const rows = r.events.filter((e) => e.type === 'task-unplaceable').map((e) => e.message);
    expect(rows).toContain('service web was unable to place a task because no container instance met all of its requirements. ecsim: the task waits in PROVISIONING for spot capacity; no container instance of capacity provider spot is registered, so no container instance can run the task');
    expect(rows.some((m) => m.includes('registered in the cluster'))).toBe(false);
  });
});

describe('ties after the last strategy go to the lowest instance id (docs/scenario-format.md placementStrategy)', () => {
  // ondemand alone, 6 instances: i-1..6 in 1a, 1b, 1c, 1a, 1b, 1c.
  const raw = (placementStrategy?: unknown) => {
    const s = scenario({ desiredCount: 6, ondemand: 6, spot: 0, placementStrategy }) as any;
    s.services.web.capacityProviderStrategy = [{ capacityProvider: 'ondemand', weight: 1 }];
    return s;
  };
  const instances = (s: unknown) => [...placements(s).values()].map((p) => p.slice(0, 19));
  const id = (n: number) => `i-${String(n).padStart(17, '0')}`;

  it('spread on the AZ alone: each AZ\'s lowest-id instance takes every task there (i-4..6 stay empty)', () => {
    // web-1 i-1 (1a); web-2: 1b/1c tie -> i-2; web-3: 1c -> i-3; then all AZs at 1: lowest id
    // i-1, then 1b/1c: i-2, then 1c: i-3
    expect(instances(raw([{ type: 'spread', field: 'attribute:ecs.availability-zone' }]))).toEqual([1, 2, 3, 1, 2, 3].map(id));
  });

  it('the default (then spread on instanceId) spreads within the AZ: one task per instance', () => {
    // web-4: AZs tie at 1, instances with 0 tasks i-4..6 -> i-4; web-5: 1b/1c, i-5/i-6 -> i-5; web-6 -> i-6
    expect(instances(raw())).toEqual([1, 2, 3, 4, 5, 6].map(id));
  });
});
