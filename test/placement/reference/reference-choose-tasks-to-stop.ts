// REFERENCE ONLY (tests): chooseTasksToStop before the performance work (issue 8), kept to
// check that the fast version makes the same choices with the same draws.
// Which tasks a service stops when its desired count drops
// (AmazonECS/latest/developerguide/ecs_services.html "service scheduler";
// task-placement-strategies.html): the placement strategies also select tasks to terminate.
// - spread on attribute:X: keep the spread balanced — stop a task whose value of X has the
//   MOST tasks of the service (AZ is the task's own availabilityZone, which also covers Fargate);
// - spread on instanceId/host: a task on the instance running the MOST tasks of the service;
// - binpack on a field: the task whose instance would have the MOST free of the field after it
//   stops (Fargate tasks, having no instance, are not preferred by binpack);
// - random: a uniform draw.
// Strategies narrow in order, like placement, after the AZ balance when the first is a spread. With
// no strategy, or when every task is on Fargate, ECS balances Availability Zones: the AZ with the most tasks, then the instance with
// the most tasks there. Ties left over: a uniform draw from `rng` (random within an AZ).
// Tasks are chosen one at a time, counts updated after each.

import type { RandomStream } from '../../../src/engine/index.js';
import { asCompiledStrategies, type StrategiesInput } from '../../../src/placement/compiled.js';
import { AZ_ATTRIBUTE, type PlacementInstance, type PlacementStrategy, type RunningTaskRef } from '../../../src/placement/types.js';

const MISSING = '\u0000(none)';
const AZ_BALANCE: readonly PlacementStrategy[] = [
  { type: 'spread', field: `attribute:${AZ_ATTRIBUTE}` },
  { type: 'spread', field: 'instanceId' },
];

/** Task ids to stop, in the order chosen (at most tasks.length). Deterministic given rng. */
export function referenceChooseTasksToStop(
  tasks: readonly RunningTaskRef[],
  count: number,
  strategies: StrategiesInput,
  instances: readonly PlacementInstance[],
  rng: RandomStream,
): string[] {
  const strats = asCompiledStrategies(strategies).map((s) => s.strategy);
  const allFargate = tasks.every((t) => t.instanceId === undefined);
  // (since 2026-11-26) a plan that starts with a spread keeps the AZs balanced first (since
  // 2026-11-27 only one that starts with it: a spread after binpack breaks binpack's ties)
  const azFirst = strats.length > 0 && strats[0].type === 'spread' && strats[0].field === `attribute:${AZ_ATTRIBUTE}`;
  const plan = strats.length === 0 || allFargate ? AZ_BALANCE : !azFirst && strats[0].type === 'spread' ? [AZ_BALANCE[0], ...strats] : strats;
  const byId = new Map<string, PlacementInstance>();
  for (const inst of instances) byId.set(inst.id, inst);
  const freed = new Map<string, { cpu: number; memory: number }>();

  let remaining = tasks.slice();
  const chosen: string[] = [];
  const n = Math.min(Math.max(0, Math.floor(count)), tasks.length);
  for (let k = 0; k < n; k++) {
    let cands = remaining;
    for (const s of plan) {
      if (cands.length <= 1) break;
      cands = narrow(s, cands, remaining, byId, freed, rng);
    }
    const pick = cands.length === 1 ? cands[0] : cands[Math.min(cands.length - 1, Math.floor(rng.next() * cands.length))];
    chosen.push(pick.taskId);
    remaining = remaining.filter((t) => t !== pick);
    if (pick.instanceId !== undefined) {
      const f = freed.get(pick.instanceId) ?? { cpu: 0, memory: 0 };
      f.cpu += pick.cpu ?? 0;
      f.memory += pick.memory ?? 0;
      freed.set(pick.instanceId, f);
    }
  }
  return chosen;
}

function narrow(
  s: PlacementStrategy,
  cands: readonly RunningTaskRef[],
  service: readonly RunningTaskRef[],
  byId: ReadonlyMap<string, PlacementInstance>,
  freed: ReadonlyMap<string, { cpu: number; memory: number }>,
  rng: RandomStream,
): RunningTaskRef[] {
  if (s.type === 'random') return [cands[Math.min(cands.length - 1, Math.floor(rng.next() * cands.length))]];
  if (s.type === 'binpack') {
    const score = (t: RunningTaskRef): number => {
      const inst = t.instanceId === undefined ? undefined : byId.get(t.instanceId);
      if (inst === undefined) return -Infinity;
      const f = freed.get(inst.id);
      return s.field === 'cpu'
        ? inst.cpuRemaining + (f?.cpu ?? 0) + (t.cpu ?? 0)
        : inst.memoryRemaining + (f?.memory ?? 0) + (t.memory ?? 0);
    };
    return keepMax(cands, score);
  }
  const key = keyFor(s.field, byId);
  const counts = new Map<string, number>();
  for (const t of service) {
    const v = key(t);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return keepMax(cands, (t) => counts.get(key(t)) ?? 0);
}

/** The spread value of a task: its AZ, its instance, or its instance's attribute. */
function keyFor(field: string, byId: ReadonlyMap<string, PlacementInstance>): (t: RunningTaskRef) => string {
  if (field === 'instanceId' || field === 'host') return (t) => t.instanceId ?? `\u0000fargate:${t.taskId}`;
  const name = field.slice('attribute:'.length);
  if (name === AZ_ATTRIBUTE) return (t) => t.availabilityZone;
  return (t) => (t.instanceId === undefined ? undefined : byId.get(t.instanceId)?.attributes[name]) ?? MISSING;
}

function keepMax(cands: readonly RunningTaskRef[], score: (t: RunningTaskRef) => number): RunningTaskRef[] {
  let best = -Infinity;
  let out: RunningTaskRef[] = [];
  for (const t of cands) {
    const v = score(t);
    if (v > best) {
      best = v;
      out = [t];
    } else if (v === best) out.push(t);
  }
  return out.length > 0 ? out : cands.slice();
}
