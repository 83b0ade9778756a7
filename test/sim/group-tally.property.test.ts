// The group's kept figures equal the sum over its live instances after any sequence of
// launches, registrations, placements and releases (which protect an instance from scale
// in and lift it), drains, choices for termination and terminations, each followed by a
// refresh of the instance it changed.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { GroupTally, walkFigures, walkMembers, type GroupMembers } from '../../src/sim/group-tally.js';
import { Instance } from '../../src/model/instance.js';

const type = { name: 'm5.large', vcpu: 2, memoryMiB: 8192, enis: 3, pricePerHour: 0.096, cpuArchitecture: 'x86_64' as const };

type Op =
  | { kind: 'launch' }
  | { kind: 'register' | 'drain' | 'choose' | 'terminate'; at: number }
  | { kind: 'place' | 'release'; at: number; cpu: number; memory: number; service: boolean };

/** Members in a form to compare: AZ counts (zeros left out), unprotected ones by id, launching ones in order. */
function members(m: GroupMembers) {
  return {
    stayingByAz: Object.fromEntries([...m.stayingByAz].filter(([, n]) => n !== 0)),
    unprotected: [...m.unprotected].map((i) => i.id).sort(),
    launching: [...m.launching].map((i) => i.id),
  };
}

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'launch' as const }),
  fc.record({ kind: fc.constantFrom('register' as const, 'drain' as const, 'choose' as const, 'terminate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('place' as const, 'release' as const), at: fc.nat(), cpu: fc.integer({ min: 1, max: 1024 }), memory: fc.integer({ min: 1, max: 2048 }), service: fc.boolean() }),
);

describe('GroupTally', () => {
  it('keeps the sum over the live instances', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const tally = new GroupTally();
        const live: Instance[] = [];
        const chosen = new Set<Instance>();
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'launch') {
            const inst = new Instance(`i-${++seq}`, 'asg', type, ['us-east-1a', 'us-east-1b', 'us-east-1c'][seq % 3], 0, 2048, 7680, {}, false);
            live.push(inst);
            tally.refresh(inst, false);
            continue;
          }
          if (live.length === 0) continue;
          const inst = live[o.at % live.length];
          if (o.kind === 'register' && inst.lifecycle === 'LAUNCHING') inst.lifecycle = 'ACTIVE';
          else if (o.kind === 'drain' && inst.lifecycle === 'ACTIVE') inst.lifecycle = 'DRAINING';
          else if (o.kind === 'choose') chosen.add(inst);
          else if (o.kind === 'terminate') {
            inst.lifecycle = 'TERMINATED';
            chosen.delete(inst);
            live.splice(live.indexOf(inst), 1);
          } else if (o.kind === 'place' && inst.lifecycle === 'ACTIVE') {
            inst.cpuRemaining -= o.cpu;
            inst.memoryRemaining -= o.memory;
            if (o.service) {
              inst.serviceTaskCount++;
              inst.protectedFromScaleIn = true;
            }
          } else if (o.kind === 'release' && inst.lifecycle !== 'LAUNCHING') {
            inst.cpuRemaining += o.cpu;
            inst.memoryRemaining += o.memory;
            if (o.service && inst.serviceTaskCount > 0 && --inst.serviceTaskCount === 0) inst.protectedFromScaleIn = false;
          }
          tally.refresh(inst, chosen.has(inst));
          expect(tally.figures).toEqual(walkFigures(live, (i) => chosen.has(i)));
          expect(members(tally)).toEqual(members(walkMembers(live, (i) => chosen.has(i))));
        }
        expect(tally.figures).toEqual(walkFigures(live, (i) => chosen.has(i)));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a registered instance by lifecycle, its reservations, N and busy unless chosen for termination, and whether scale in may remove it', () => {
    const tally = new GroupTally();
    const a = new Instance('i-1', 'asg', type, 'us-east-1a', 0, 2048, 7680, {}, false);
    const b = new Instance('i-2', 'asg', type, 'us-east-1b', 0, 2048, 7680, {}, false);
    tally.refresh(a, false);
    tally.refresh(b, false);
    expect(tally.figures).toMatchObject({ pending: 2, running: 0, cpuRegistered: 0, n: 0, staying: 2, removable: 0 });
    a.lifecycle = 'ACTIVE';
    a.cpuRemaining -= 512;
    a.memoryRemaining -= 1024;
    a.serviceTaskCount = 1;
    tally.refresh(a, false);
    b.lifecycle = 'DRAINING';
    tally.refresh(b, true);
    expect(tally.figures).toEqual({
      pending: 0,
      running: 1,
      draining: 1,
      cpuRegistered: 4096,
      cpuReserved: 512,
      memoryRegistered: 15360,
      memoryReserved: 1024,
      n: 1,
      busy: 1,
      staying: 1,
      removable: 1,
    });
    a.protectedFromScaleIn = true;
    tally.refresh(a, false);
    expect(tally.figures).toMatchObject({ staying: 1, removable: 0 });
    // a draining instance not chosen for termination (a Spot notice) still counts in N, and
    // in the group's size (EC2 keeps it InService until it terminates), and scale in may take
    // it (InService to the group) unless it is protected
    const c = new Instance('i-3', 'asg', type, 'us-east-1c', 0, 2048, 7680, {}, false);
    c.lifecycle = 'DRAINING';
    tally.refresh(c, false);
    expect(tally.figures).toMatchObject({ draining: 2, n: 2, busy: 1, staying: 2, removable: 1 });
    expect(tally.stayingByAz.get('us-east-1c')).toBe(1);
    expect(tally.unprotected.has(c)).toBe(true);
    c.protectedFromScaleIn = true;
    tally.refresh(c, false);
    expect(tally.figures).toMatchObject({ staying: 2, removable: 0 });
    expect(tally.unprotected.has(c)).toBe(false);
    c.lifecycle = 'TERMINATED';
    tally.refresh(c, false);
    a.lifecycle = 'TERMINATED';
    tally.refresh(a, false);
    expect(tally.figures).toMatchObject({ running: 0, draining: 1, cpuRegistered: 2048, cpuReserved: 0, n: 0, busy: 0 });
  });
});
