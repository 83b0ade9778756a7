// DAEMON services: one task per ACTIVE instance that meets the constraints
// (AmazonECS/latest/developerguide/ecs_services.html, daemon scheduling strategy).

import { describe, expect, it } from 'vitest';
import { daemonPlacements } from '../../src/placement/index.js';
import { inst, task } from './helpers.js';

describe('daemonPlacements', () => {
  it('lists ACTIVE, matching instances without the daemon, split by whether it fits now', () => {
    const xs = [
      inst('i-1', { status: 'DRAINING' }),
      inst('i-2', { groupCounts: new Map([['daemon:agent', 1]]) }),
      inst('i-3', { type: 'c5.large' }),
      inst('i-4', { memoryRemaining: 100 }),
      inst('i-5'),
      inst('i-6', { status: 'REGISTERING' }),
    ];
    const r = daemonPlacements(xs, task({ group: 'daemon:agent' }), [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large' }]);
    expect(r).toEqual({ place: ['i-5'], lacking: [{ instanceId: 'i-4', reason: 'RESOURCE:MEMORY' }] });
  });
});
