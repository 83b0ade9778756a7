// A memberOf on task:group is an affinity ("task:group == databases",
// developerguide/task-placement-constraints.html): a task waiting for a task of the group
// to be placed somewhere is retried when one is (the service scheduler keeps retrying).
// Two m5.large in two AZs, registered at 10 s; db is pinned to the second one; api (3
// tasks) must go where a db task is. Times worked out by hand.

import { describe, it, expect } from 'vitest';
import { runKeepingRows } from '../helpers.js';

function scenario(order: 'api-first' | 'db-first', over: (s: any) => void = () => {}) {
  const api = { taskDefinition: 'web', desiredCount: 3, launchType: 'EC2', placementConstraints: [{ type: 'memberOf', expression: 'task:group == service:db' }] };
  const db = { taskDefinition: 'web', desiredCount: 1, launchType: 'EC2', placementConstraints: [{ type: 'memberOf', expression: 'ec2InstanceId == i-00000000000000002' }] };
  const s: any = {
    name: 'affinity',
    duration: '5m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: { a: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 2, maxSize: 2, launchDelay: '10s' } } },
    },
    taskDefinitions: {
      web: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { c: { memory: 512 } }, startup: { imagePull: '1s', containerStart: '1s' } },
    },
    services: order === 'api-first' ? { api, db } : { db, api },
  };
  over(s);
  return s;
}

/** Where and when each task was placed: id -> "instance@s". */
function placed(raw: unknown): Record<string, string> {
  const r = runKeepingRows(raw, { seed: 1 });
  return Object.fromEntries(
    r.events.filter((e) => e.type === 'task-placed').map((e) => [e.subject, `${/placed on (i-\w+)/.exec(e.message)![1]}@${e.time / 1000}`]),
  );
}

const dbAt = (t: number) => ({
  'db-1': `i-00000000000000002@${t}`,
  'api-1': `i-00000000000000002@${t}`,
  'api-2': `i-00000000000000002@${t}`,
  'api-3': `i-00000000000000002@${t}`,
});

describe('task:group affinity: a waiting task is retried when a task of the group is placed', () => {
  it('api declared before db: api fails at 10 s (no db task yet), db goes on i-2 at 10 s, and api follows it there at 10 s', () => {
    expect(placed(scenario('api-first'))).toEqual(dbAt(10));
  });

  it('db declared before api: db is placed first and api goes next to it at 10 s', () => {
    expect(placed(scenario('db-first'))).toEqual(dbAt(10));
  });

  for (const order of ['api-first', 'db-first'] as const) {
    it(`${order}: db scaled 0 -> 1 at 120 s: api waits until then, then follows db to i-2 at 120 s`, () => {
      const at = placed(
        scenario(order, (s) => {
          s.services.db.desiredCount = 0;
          s.services.db.autoScaling = { minCapacity: 0, maxCapacity: 0, scheduledActions: { up: { schedule: 'at(2026-01-05T00:02:00)', scalableTargetAction: { minCapacity: 1, maxCapacity: 1 } } } };
        }),
      );
      expect(at).toEqual(dbAt(120));
    });
  }
});
