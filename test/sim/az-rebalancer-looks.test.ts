// When AzRebalancer.check looks again (az-rebalancing.ts): a service found steady and
// balanced is not looked at again until its own state changes (port.version) or a zone may
// have appeared (port.zonesVersion: instances of its providers registered). A registration
// that brings no new zone costs one zones() walk and no task walk; a new zone where the
// service has no task makes a2 b2 into a2 b2 c0, which is not balanced. A placement failure
// during an operation ends it (the failure event is its end).

import { describe, expect, it } from 'vitest';
import { AzRebalancer, type RebalancingPort } from '../../src/sim/az-rebalancing.js';
import type { Task } from '../../src/model/task.js';

function fakePort() {
  const state = {
    version: 1,
    zonesVersion: 10,
    zones: ['a', 'b'] as string[],
    counts: { a: 2, b: 2, c: 0 } as Record<string, number>,
    zoneWalks: 0,
    taskWalks: 0,
    placedIn: [] as string[],
    log: [] as string[],
    fullZones: [] as string[],
    now: 0,
  };
  const port: RebalancingPort = {
    name: 's',
    get now() {
      return state.now;
    },
    steady: () => true,
    zones: () => {
      state.zoneWalks++;
      return [...state.zones];
    },
    tasksByZone: (zones) => {
      state.taskWalks++;
      return new Map(zones.map((z) => [z, state.counts[z]]));
    },
    roomForOneMore: () => true,
    maximumPercentNote: () => null,
    placementIn: (zone) =>
      state.fullZones.includes(zone)
        ? { ok: false as const, fargate: false }
        : {
            ok: true as const,
            place: () => {
              state.placedIn.push(zone);
              state.counts[zone]++;
              return { id: 's-5' } as Task;
            },
          },
    stopOneIn: (zone) => {
      state.counts[zone]--;
      return { id: `s-${zone}` } as Task;
    },
    adopt: () => {},
    log: (m) => state.log.push(m),
    version: () => state.version,
    zonesVersion: () => state.zonesVersion,
  };
  return { state, rebalancer: new AzRebalancer(port) };
}

describe('AzRebalancer looks', () => {
  it('a balanced service is not walked again while neither version changes', () => {
    const { state, rebalancer } = fakePort();
    rebalancer.check();
    expect([state.zoneWalks, state.taskWalks]).toEqual([1, 1]);
    rebalancer.check();
    rebalancer.check();
    expect([state.zoneWalks, state.taskWalks]).toEqual([1, 1]);
    expect(state.placedIn).toEqual([]);
  });

  it('a registration with the same zones walks the zones once and no task', () => {
    const { state, rebalancer } = fakePort();
    rebalancer.check();
    state.zonesVersion++;
    rebalancer.check();
    rebalancer.check();
    expect([state.zoneWalks, state.taskWalks]).toEqual([2, 1]);
    expect(state.placedIn).toEqual([]);
  });

  it('a registration in a new zone unbalances a2 b2: one task is started in the new zone', () => {
    const { state, rebalancer } = fakePort();
    rebalancer.check();
    state.zonesVersion++;
    state.zones.push('c');
    rebalancer.check();
    expect(state.placedIn).toEqual(['c']);
    expect(state.log[0]).toBe('service s is not AZ balanced with 2 tasks in a, 2 in b, and 0 in c. AZ Rebalancing in progress.');
  });

  it('a change of the service itself is looked at whatever the zones', () => {
    const { state, rebalancer } = fakePort();
    rebalancer.check();
    state.version++;
    state.counts = { a: 3, b: 1, c: 0 };
    rebalancer.check();
    expect(state.placedIn).toEqual(['b']);
  });

  it('a placement failure after a move ends the operation without a STOPPED event (the failure is its end)', () => {
    // a4 b0 c0 (AZs a, b, c): move 1 starts in b, stops one in a (a3 b1 c0); move 2 cannot be placed in c
    const { state, rebalancer } = fakePort();
    state.zones = ['a', 'b', 'c'];
    state.counts = { a: 4, b: 0, c: 0 };
    state.fullZones = ['c'];
    state.version = 2;
    rebalancer.check();
    expect(state.placedIn).toEqual(['b']);
    rebalancer.healthy(rebalancer.pending!);
    state.version++;
    rebalancer.check();
    expect(state.log).toEqual([
      'service s is not AZ balanced with 4 tasks in a, 0 in b, and 0 in c. AZ Rebalancing in progress.',
      's has started 1 tasks in b to AZ Rebalance: s-5.',
      's has stopped 1 running tasks in a due to AZ rebalancing: s-a.',
      'service s is unable to place a task in c because no container instance met all of its requirements.',
    ]);
    expect(rebalancer.inProgress).toBe(false);
  });

  it('the same placement failure after the service was balanced in between is logged again: its cause was resolved', () => {
    // ECS omits a repeated event "until either the cause is resolved or six hours passes"
    // (service-event-messages.html). a2 b2 c0: no room in c, failure at 60 s; a1 b1 c0 (a
    // scale in) is balanced at 120 s; a2 b2 c0 again at 180 s, well within 6 h: the same
    // failure is a new one, logged with its STARTED event.
    const { state, rebalancer } = fakePort();
    state.zones = ['a', 'b', 'c'];
    state.fullZones = ['c'];
    const started = 'service s is not AZ balanced with 2 tasks in a, 2 in b, and 0 in c. AZ Rebalancing in progress.';
    const failed = 'service s is unable to place a task in c because no container instance met all of its requirements.';
    state.now = 60_000;
    rebalancer.check();
    expect(state.log).toEqual([started, failed]);
    state.now = 120_000;
    state.version++;
    state.counts = { a: 1, b: 1, c: 0 };
    rebalancer.check();
    expect(state.log).toEqual([started, failed]);
    state.now = 180_000;
    state.version++;
    state.counts = { a: 2, b: 2, c: 0 };
    rebalancer.check();
    expect(state.log).toEqual([started, failed, started, failed]);
    expect(state.placedIn).toEqual([]);
  });

  it('an operation in progress when the service is left with one zone completes (balanced over it); the next imbalance is a new operation', () => {
    // a4 b0: s-5 starts in b, healthy: one stops in a (a3 b1), the operation goes on. Then b's
    // instances go: one zone, a3, balanced: COMPLETED. When b is back (a3 b0), the move is
    // a new operation with its own STARTED event.
    const { state, rebalancer } = fakePort();
    state.counts = { a: 4, b: 0, c: 0 };
    state.version = 2;
    rebalancer.check();
    rebalancer.healthy(rebalancer.pending!);
    state.version++;
    state.zones = ['a'];
    state.zonesVersion++;
    state.counts = { a: 3, b: 0, c: 0 };
    rebalancer.check();
    expect(state.log.slice(3)).toEqual(['service s is AZ balanced with 3 tasks in a.']);
    expect(rebalancer.inProgress).toBe(false);
    state.zones = ['a', 'b'];
    state.zonesVersion++;
    rebalancer.check();
    expect(state.log.slice(4)).toEqual(['service s is not AZ balanced with 3 tasks in a and 0 in b. AZ Rebalancing in progress.', 's has started 1 tasks in b to AZ Rebalance: s-5.']);
  });

  it('an operation in progress when the service has no zone left stops (STOPPED, with the reason)', () => {
    const { state, rebalancer } = fakePort();
    state.counts = { a: 4, b: 0, c: 0 };
    state.version = 2;
    rebalancer.check();
    rebalancer.healthy(rebalancer.pending!);
    state.version++;
    state.zones = [];
    state.zonesVersion++;
    rebalancer.check();
    expect(state.log.slice(3)).toEqual(['service s stopped AZ Rebalancing. (no Availability Zone has a container instance the service can use)']);
    expect(rebalancer.inProgress).toBe(false);
  });
});
