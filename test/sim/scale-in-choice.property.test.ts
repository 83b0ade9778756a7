// chooseScaleIn (reading the group's tally, walking none of its instances) chooses the
// same instances in the same order as the policy written plainly here: AZ balance first
// over the instances that stay, launching ones and Spot-noticed DRAINING ones included; within the AZs with the most, the
// launching instances newest first, then the instance closest to its next billing hour,
// exact ties by one draw over them in AZ order then launch order. chooseInstancesToTerminate
// (which shares takeFromLargestAzs) is checked against a plain policy too, so that a mistake
// in takeFromLargestAzs shows. The tally is built as a run builds it: every instance counted
// at launch, then recounted as it changes, in an order unrelated to launch order.

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { chooseScaleIn } from '../../src/sim/scale-in-choice.js';
import { GroupTally } from '../../src/sim/group-tally.js';
import { chooseInstancesToTerminate, msToNextBillingHour, type AsgInstance } from '../../src/model/capacity/auto-scaling-group.js';
import { Instance } from '../../src/model/instance.js';
import { RandomStreams, type RandomStream } from '../../src/engine/index.js';

const type = { name: 'm5.large', vcpu: 2, memoryMiB: 8192, enis: 3, pricePerHour: 0.096, cpuArchitecture: 'x86_64' as const };
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** The default termination policy written plainly: each step looks at every candidate again. */
function policyPlain(instances: readonly AsgInstance[], count: number, azs: readonly string[], nowMs: number, rng: RandomStream): AsgInstance[] {
  const order = [...azs];
  for (const i of instances) if (!order.includes(i.availabilityZone)) order.push(i.availabilityZone);
  const total = new Map<string, number>(order.map((az) => [az, 0]));
  for (const i of instances) total.set(i.availabilityZone, total.get(i.availabilityZone)! + 1);
  let left = instances.filter((i) => !i.protectedFromScaleIn);
  const key = (i: AsgInstance) => msToNextBillingHour(i.launchMs, nowMs);
  const chosen: AsgInstance[] = [];
  while (chosen.length < count && left.length > 0) {
    const most = Math.max(...left.map((i) => total.get(i.availabilityZone)!));
    const there = left.filter((i) => total.get(i.availabilityZone) === most);
    const best = Math.min(...there.map(key));
    const tied = there
      .filter((i) => key(i) === best)
      .sort((a, b) => order.indexOf(a.availabilityZone) - order.indexOf(b.availabilityZone) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const pick = tied.length > 1 ? tied[Math.floor(rng.next() * tied.length)] : tied[0];
    chosen.push(pick);
    left = left.filter((i) => i !== pick);
    total.set(pick.availabilityZone, total.get(pick.availabilityZone)! - 1);
  }
  return chosen;
}

/**
 * Scale in's choice written plainly: AZ balance first over every instance that stays
 * (launching ones included: "maintaining zonal balance takes precedence over termination
 * policies", ec2-auto-scaling-termination-policies.html); within the AZs with the most
 * instances that have an unprotected one, a launching instance first, newest first
 * (*model*: AWS does not say), then the one closest to its next billing hour; exact ties by
 * one draw over them in AZ order then launch order. Each step looks at every candidate again.
 */
function reference(live: readonly Instance[], chosenBefore: ReadonlySet<Instance>, count: number, azs: readonly string[], nowMs: number, rng: RandomStream): Instance[] {
  const total = new Map<string, number>(azs.map((az) => [az, 0]));
  let left: Instance[] = [];
  for (const i of live) {
    if (chosenBefore.has(i)) continue;
    total.set(i.availabilityZone, total.get(i.availabilityZone)! + 1);
    // a DRAINING one not chosen (a Spot notice) is InService to the group: a candidate unless protected
    if (!i.protectedFromScaleIn) left.push(i);
  }
  const launching = (i: Instance) => (i.lifecycle === 'LAUNCHING' ? 1 : 0);
  const compare = (a: Instance, b: Instance) =>
    launching(b) - launching(a) || (launching(a) === 1 ? b.launchOrder - a.launchOrder : msToNextBillingHour(a.launchedAt, nowMs) - msToNextBillingHour(b.launchedAt, nowMs));
  const chosen: Instance[] = [];
  while (chosen.length < count && left.length > 0) {
    const most = Math.max(...left.map((i) => total.get(i.availabilityZone)!));
    const there = left.filter((i) => total.get(i.availabilityZone) === most);
    const best = [...there].sort(compare)[0];
    const tied = there.filter((i) => compare(i, best) === 0).sort((a, b) => azs.indexOf(a.availabilityZone) - azs.indexOf(b.availabilityZone) || a.launchOrder - b.launchOrder);
    const pick = tied.length > 1 ? tied[Math.floor(rng.next() * tied.length)] : tied[0];
    chosen.push(pick);
    left = left.filter((i) => i !== pick);
    total.set(pick.availabilityZone, total.get(pick.availabilityZone)! - 1);
  }
  return chosen;
}

const instanceSpec = fc.record({
  lifecycle: fc.constantFrom('LAUNCHING' as const, 'ACTIVE' as const, 'ACTIVE' as const, 'DRAINING' as const),
  // (instances launch only into the listed AZs: chooseScaleIn throws on any other)
  az: fc.constantFrom(...AZS),
  protectedFromScaleIn: fc.boolean(),
  chosenBefore: fc.boolean(),
  // launch times never decrease in launch order; equal ones are common (one scale out), and
  // so are equal distances to the next billing hour (an hour apart)
  gap: fc.constantFrom(0, 0, 1000, 60_000, 3_600_000),
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

/** A stream that must not be drawn from (no exact tie). */
const NO_DRAW: RandomStream = {
  next: () => {
    throw new Error('drew without a tie');
  },
};

/** `rng`, counting its draws. */
function counting(rng: RandomStream) {
  const s = { draws: 0, next: () => (s.draws++, rng.next()) };
  return s;
}

describe('chooseScaleIn', () => {
  it('chooses what the policy written plainly chooses (AZ balance first, then launching ones, then the billing hour)', () => {
    fc.assert(
      fc.property(fc.array(instanceSpec, { maxLength: 40 }), fc.integer({ min: 1, max: 45 }), fc.nat({ max: 7_200_000 }), fc.nat(), (specs, count, after, seed) => {
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
        const now = t + after;
        const got = chooseScaleIn(tallyOf(live, chosenBefore, order), count, AZS, now, new RandomStreams(seed).stream('t')).map((i) => i.id);
        expect(got).toEqual(reference(live, chosenBefore, count, AZS, now, new RandomStreams(seed).stream('t')).map((i) => i.id));
      }),
      { numRuns: 500 },
    );
  });

  it('chooseInstancesToTerminate chooses what the policy written plainly chooses, draws included, AZs not listed included', () => {
    const record = fc.record({
      az: fc.constantFrom(...AZS, 'us-east-1d', 'us-east-1e'),
      // few distinct times: ties (also an hour apart) are common
      launchMs: fc.constantFrom(0, 1, 2, 3_600_000, 3_600_001, 5_400_000),
      protectedFromScaleIn: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.integer({ min: 0, max: 35 }), fc.integer({ min: 5_400_000, max: 20_000_000 }), fc.nat(), (records, count, now, seed) => {
        // ids padded so that their string order is their number order (the draw's order)
        const group: AsgInstance[] = records.map((r, n) => ({ id: `i-${String(n).padStart(3, '0')}`, availabilityZone: r.az, launchMs: r.launchMs, protectedFromScaleIn: r.protectedFromScaleIn }));
        const ids = (xs: AsgInstance[]) => xs.map((x) => x.id);
        const drawsA = counting(new RandomStreams(seed).stream('t'));
        const drawsB = counting(new RandomStreams(seed).stream('t'));
        expect(ids(chooseInstancesToTerminate(group, count, AZS, now, drawsA))).toEqual(ids(policyPlain(group, count, AZS, now, drawsB)));
        // a draw only where the plain policy drew (on an exact tie)
        expect(drawsA.draws).toBe(drawsB.draws);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses an instance in an AZ the cluster does not list', () => {
    const inst = new Instance(`i-${(1).toString(16).padStart(17, '0')}`, 'asg', type, 'us-east-1d', 0, 2048, 7680, {}, false);
    inst.lifecycle = 'ACTIVE';
    expect(() => chooseScaleIn(tallyOf([inst], new Set(), [inst]), 1, AZS, 0, new RandomStreams(1).stream('t'))).toThrow(/us-east-1d/);
  });

  it('AZ balance first; within the AZs with the most, launching instances first, newest first, then the billing hour', () => {
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
    // staying: a 3 (1, 2 protected, 4), b 2 (3, launching 5), c 1 (launching 6). At 3600.5 s:
    // a has the most: 1 (launched at 1 s: 0.5 s to its next hour) before 4 (3.5 s); then a
    // and b have 2 each: launching 5 goes before 4; then a has the most: 4; then all have 1,
    // a's left one protected: launching 6 before 3 (the order is the policy's, not the tally's)
    const order = [live[3], live[0], live[1], live[2], live[4], live[5]];
    expect(chooseScaleIn(tallyOf(live, new Set(), order), 4, AZS, 3_600_500, NO_DRAW).map((i) => i.launchOrder)).toEqual([1, 5, 4, 6]);
  });

  it('at 1:08 the instance launched at 0:49 goes (41 min to its next hour), not the one launched at 0:00 (52 min)', () => {
    const mk = (n: number, launchMs: number) => {
      const inst = new Instance(`i-${n.toString(16).padStart(17, '0')}`, 'asg', type, AZS[0], launchMs, 2048, 7680, {}, false);
      inst.lifecycle = 'ACTIVE';
      return inst;
    };
    const live = [mk(1, 0), mk(2, 49 * 60_000)];
    expect(chooseScaleIn(tallyOf(live, new Set(), live), 1, AZS, 68 * 60_000, NO_DRAW).map((i) => i.launchOrder)).toEqual([2]);
  });
});
