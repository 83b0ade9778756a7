// The waiting-services index lists, in index order, exactly the services that may wait —
// DAEMON services and those with tasks waiting — when every service calls add() as its
// first task starts waiting, whatever the order in which tasks start and stop waiting and
// the index is read.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { WaitingServices } from '../../src/sim/waiting-services.js';

const SERVICES = 12;

type Op = { kind: 'wait' | 'place'; service: number } | { kind: 'read' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('wait' as const, 'place' as const), service: fc.integer({ min: 0, max: SERVICES - 1 }) }),
  fc.constant({ kind: 'read' as const }),
);

describe('WaitingServices', () => {
  it('reads back every service that may wait, in index order, and no other', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: SERVICES - 1 }), { maxLength: 3 }), fc.array(op, { maxLength: 200 }), (daemons, ops) => {
        const waitingTasks = new Array<number>(SERVICES).fill(0);
        const isDaemon = (i: number) => daemons.includes(i);
        const index = new WaitingServices(SERVICES, (i) => isDaemon(i) || waitingTasks[i] > 0);
        for (const d of daemons) index.add(d);
        const expected = () => [...Array(SERVICES).keys()].filter((i) => isDaemon(i) || waitingTasks[i] > 0);
        for (const o of ops) {
          if (o.kind === 'wait') {
            if (waitingTasks[o.service] === 0) index.add(o.service);
            waitingTasks[o.service]++;
          } else if (o.kind === 'place') {
            if (waitingTasks[o.service] > 0) waitingTasks[o.service]--;
          } else {
            expect([...index.current()]).toEqual(expected());
          }
        }
        expect([...index.current()]).toEqual(expected());
      }),
      { numRuns: 300 },
    );
  });

  it('lists a service again after a read dropped it', () => {
    let waiting = true;
    const index = new WaitingServices(4, (i) => i === 2 && waiting);
    index.add(3);
    index.add(2);
    expect([...index.current()]).toEqual([2]);
    waiting = false;
    expect([...index.current()]).toEqual([]);
    waiting = true;
    index.add(2);
    expect([...index.current()]).toEqual([2]);
  });
});
