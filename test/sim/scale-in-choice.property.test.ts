// chooseScaleIn (reading the group's tally, walking none of its instances) chooses the
// same instances in the same order as scale in did before it: the launching instances
// newest first, then the default termination policy over candidate records of the
// instances that stay. The policy is copied here as it was written before (maps, a sort,
// shift), so that a mistake in takeFromLargestAzs, which chooseInstancesToTerminate now
// shares, shows too. The tally is built as a run builds it: every instance counted at
// launch, then recounted as it changes, in an order unrelated to launch order.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { chooseScaleIn } from '../../src/sim/scale-in-choice.js';
import { GroupTally } from '../../src/sim/group-tally.js';
import { chooseInstancesToTerminate, type AsgInstance } from '../../src/model/capacity/auto-scaling-group.js';
import { Instance } from '../../src/model/instance.js';

const type = { name: 'm5.large', vcpu: 2, memoryMiB: 8192, enis: 3, pricePerHour: 0.096, cpuArchitecture: 'x86_64' as const };
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** The default termination policy as chooseInstancesToTerminate was written before takeFromLargestAzs. */
function policyBefore(instances: readonly AsgInstance[], count: number, azs: readonly string[]): AsgInstance[] {
  const olderFirst = (a: AsgInstance, b: AsgInstance) => a.launchMs - b.launchMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const order = [...azs];
  for (const i of instances) if (!order.includes(i.availabilityZone)) order.push(i.availabilityZone);
  const total = new Map<string, number>();
  const candidates = new Map<string, AsgInstance[]>();
  for (const az of order) {
    total.set(az, 0);
    candidates.set(az, []);
  }
  for (const i of instances) {
    total.set(i.availabilityZone, total.get(i.availabilityZone)! + 1);
    if (!i.protectedFromScaleIn) candidates.get(i.availabilityZone)!.push(i);
  }
  for (const list of candidates.values()) list.sort(olderFirst);
  const chosen: AsgInstance[] = [];
  while (chosen.length < count) {
    let az: string | null = null;
    for (const a of order) {
      if (candidates.get(a)!.length === 0) continue;
      if (az === null || total.get(a)! > total.get(az)!) az = a;
    }
    if (az === null) break;
    chosen.push(candidates.get(az)!.shift()!);
    total.set(az, total.get(az)! - 1);
  }
  return chosen;
}

/** Scale in's choice as it was written before chooseScaleIn. */
function reference(live: readonly Instance[], chosenBefore: ReadonlySet<Instance>, count: number, azs: readonly string[]): Instance[] {
  const byId = new Map(live.map((i) => [i.id, i]));
  const candidates: AsgInstance[] = [];
  const launching: Instance[] = [];
  for (const i of live) {
    if (chosenBefore.has(i)) continue;
    if (i.lifecycle === 'LAUNCHING') launching.push(i);
    if (i.drainingSince !== null) continue;
    candidates.push({ id: i.id, availabilityZone: i.availabilityZone, launchMs: i.launchedAt, protectedFromScaleIn: i.protectedFromScaleIn });
  }
  const chosen = launching.slice(-count).reverse();
  if (chosen.length < count) {
    const rest = chosen.length === 0 ? candidates : candidates.filter((c) => !chosen.some((x) => x.id === c.id));
    for (const p of policyBefore(rest, count - chosen.length, azs)) chosen.push(byId.get(p.id)!);
  }
  return chosen;
}

const instanceSpec = fc.record({
  lifecycle: fc.constantFrom('LAUNCHING' as const, 'ACTIVE' as const, 'ACTIVE' as const, 'DRAINING' as const),
  // (instances launch only into the listed AZs: chooseScaleIn throws on any other)
  az: fc.constantFrom(...AZS),
  protectedFromScaleIn: fc.boolean(),
  chosenBefore: fc.boolean(),
  // launch times never decrease in launch order; equal ones are common (one scale out)
  gap: fc.constantFrom(0, 0, 1000, 60_000),
  // when it reached its state after launch, relative to the others
  changedAt: fc.nat({ max: 100 }),
});

/**
 * A tally of `live` as a run leaves it: each counted at launch (in launch order); those no
 * longer launching counted again once registered and running a task (protected); then
 * each recounted in its final state, in `order` (so the unprotected ones join the tally's
 * set in an order unrelated to launch order).
 */
function tallyOf(live: readonly Instance[], chosenBefore: ReadonlySet<Instance>, order: readonly Instance[]): GroupTally {
  const tally = new GroupTally();
  const final = live.map((i) => ({ lifecycle: i.lifecycle, protectedFromScaleIn: i.protectedFromScaleIn }));
  for (const i of live) {
    i.lifecycle = 'LAUNCHING';
    i.protectedFromScaleIn = false;
    tally.refresh(i, false);
  }
  live.forEach((i, n) => {
    if (final[n].lifecycle === 'LAUNCHING') return;
    i.lifecycle = 'ACTIVE';
    i.protectedFromScaleIn = true;
    tally.refresh(i, false);
  });
  live.forEach((i, n) => Object.assign(i, final[n]));
  for (const i of order) tally.refresh(i, chosenBefore.has(i));
  return tally;
}

describe('chooseScaleIn', () => {
  it('chooses what the candidate records and chooseInstancesToTerminate chose', () => {
    fc.assert(
      fc.property(fc.array(instanceSpec, { maxLength: 40 }), fc.integer({ min: 1, max: 45 }), (specs, count) => {
        const live: Instance[] = [];
        const chosenBefore = new Set<Instance>();
        let t = 0;
        specs.forEach((s, n) => {
          t += s.gap;
          // ids as the cluster hands them out: hex, zero-padded, in launch order
          const inst = new Instance(`i-${(n + 1).toString(16).padStart(17, '0')}`, 'asg', type, s.az, t, 2048, 7680, {}, false);
          inst.lifecycle = s.lifecycle;
          if (s.lifecycle === 'DRAINING') inst.drainingSince = t;
          if (s.lifecycle !== 'LAUNCHING') inst.protectedFromScaleIn = s.protectedFromScaleIn;
          if (s.chosenBefore && s.lifecycle === 'DRAINING') chosenBefore.add(inst);
          live.push(inst);
        });
        const order = live.map((i, n) => ({ i, at: specs[n].changedAt })).sort((a, b) => a.at - b.at).map((x) => x.i);
        const got = chooseScaleIn(tallyOf(live, chosenBefore, order), count, AZS).map((i) => i.id);
        expect(got).toEqual(reference(live, chosenBefore, count, AZS).map((i) => i.id));
      }),
      { numRuns: 500 },
    );
  });

  it('chooseInstancesToTerminate chooses what the policy chose before, AZs not listed included', () => {
    const record = fc.record({
      az: fc.constantFrom(...AZS, 'us-east-1d', 'us-east-1e'),
      launchMs: fc.integer({ min: 0, max: 5 }),
      protectedFromScaleIn: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.integer({ min: 0, max: 35 }), (records, count) => {
        const group: AsgInstance[] = records.map((r, n) => ({ id: `i-${n}`, availabilityZone: r.az, launchMs: r.launchMs, protectedFromScaleIn: r.protectedFromScaleIn }));
        const ids = (xs: AsgInstance[]) => xs.map((x) => x.id);
        expect(ids(chooseInstancesToTerminate(group, count, AZS))).toEqual(ids(policyBefore(group, count, AZS)));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an instance in an AZ the cluster does not list', () => {
    const inst = new Instance(`i-${(1).toString(16).padStart(17, '0')}`, 'asg', type, 'us-east-1d', 0, 2048, 7680, {}, false);
    inst.lifecycle = 'ACTIVE';
    expect(() => chooseScaleIn(tallyOf([inst], new Set(), [inst]), 1, AZS)).toThrow(/us-east-1d/);
  });

  it('takes launching instances first, newest first, then the AZ with the most instances', () => {
    const mk = (n: number, az: string, lifecycle: Instance['lifecycle'], prot = false) => {
      const inst = new Instance(`i-${n.toString(16).padStart(17, '0')}`, 'asg', type, az, n * 1000, 2048, 7680, {}, false);
      inst.lifecycle = lifecycle;
      inst.protectedFromScaleIn = prot;
      return inst;
    };
    const live = [
      mk(1, AZS[0], 'ACTIVE'),
      mk(2, AZS[0], 'ACTIVE', true),
      mk(3, AZS[1], 'ACTIVE'),
      mk(4, AZS[0], 'ACTIVE'),
      mk(5, AZS[1], 'LAUNCHING'),
      mk(6, AZS[2], 'LAUNCHING'),
    ];
    // launching 6 then 5; then AZ a, with the most instances staying (3 against b's 1),
    // gives its oldest unprotected one (1), and with 2 left still has the most: 4
    // (4 became unprotected before 1: the choice still takes the oldest first)
    const order = [live[3], live[0], live[1], live[2], live[4], live[5]];
    expect(chooseScaleIn(tallyOf(live, new Set(), order), 4, AZS).map((i) => i.launchOrder)).toEqual([6, 5, 1, 4]);
  });
});
