// Which tasks a service stops when its desired count drops
// (AmazonECS/latest/developerguide/ecs_services.html "service scheduler";
// task-placement-strategies.html): the placement strategies also select tasks to terminate.
// - spread on attribute:X: keep the spread balanced — stop a task whose value of X has the
//   MOST tasks of the service (AZ is the task's own availabilityZone, which also covers Fargate);
// - spread on instanceId/host: a task on the instance running the MOST tasks of the service;
// - binpack on a field: the task whose instance would have the MOST free of the field after it
//   stops (Fargate tasks, having no instance, are not preferred by binpack);
// - random: a uniform draw.
// Strategies narrow in order, like placement; a plan with any spread strategy first keeps
// the AZs balanced (spread on the AZ), then narrows by its own strategies. With no strategy,
// or when every task is on Fargate, ECS balances Availability Zones: the AZ with the most tasks, then the instance with
// the most tasks there. Ties left over: a uniform draw from `rng` (random within an AZ).
// Tasks are chosen one at a time, counts updated after each. `othersByAz`, when given, adds
// the service's tasks outside `tasks` per AZ to the AZ counts (a capacity provider's pool
// is balanced against the whole service's tasks, as placement spreads them).
//
// Cost: per call O(instances + tasks x strategies) to index the tasks, then per task chosen
// O(tasks x strategies) on typed arrays — spread counts and freed resources are updated
// incrementally, nothing is recounted. Asking for k tasks in one call is much cheaper than
// k calls (see docs/notes/performance-libs.md for when both give the same choices).

import type { RandomStream } from '../../engine/index.js';
import { asCompiledStrategies, type StrategiesInput } from '../compiled.js';
import { AZ_ATTRIBUTE, type PlacementInstance, type PlacementStrategy, type RunningTaskRef } from '../types.js';

const MISSING = '\u0000(none)';
const AZ_BALANCE: readonly PlacementStrategy[] = [
  { type: 'spread', field: `attribute:${AZ_ATTRIBUTE}` },
  { type: 'spread', field: 'instanceId' },
];

/** One strategy of the plan, indexed over the call's tasks. */
type Ranker =
  | { type: 'random' }
  /** key[i]: task i's spread value; count[v]: remaining tasks with value v. */
  | { type: 'spread'; key: Int32Array; count: Int32Array }
  /** slot[i]: task i's instance (-1: none/unknown); score = (remaining[slot] + freed[slot]) + own[i]. */
  | { type: 'binpack'; slot: Int32Array; own: Float64Array; remaining: Float64Array; freed: Float64Array };

/** Task ids to stop, in the order chosen (at most tasks.length). Deterministic given rng. */
export function chooseTasksToStop(
  tasks: readonly RunningTaskRef[],
  count: number,
  strategies: StrategiesInput,
  instances: readonly PlacementInstance[],
  rng: RandomStream,
  othersByAz?: ReadonlyMap<string, number>,
): string[] {
  return chooseTaskIndicesToStop(tasks, count, strategies, instances, rng, othersByAz).map((i) => tasks[i].taskId);
}

/** The same choice as positions in `tasks` (no lookup by id needed afterwards). */
export function chooseTaskIndicesToStop(
  tasks: readonly RunningTaskRef[],
  count: number,
  strategies: StrategiesInput,
  instances: readonly PlacementInstance[],
  rng: RandomStream,
  othersByAz?: ReadonlyMap<string, number>,
): number[] {
  const total = tasks.length;
  const n = Math.min(Math.max(0, Math.floor(count)), total);
  if (n === 0) return [];
  const compiled = asCompiledStrategies(strategies);
  let allFargate = true;
  for (let i = 0; i < total; i++) {
    if (tasks[i].instanceId !== undefined) {
      allFargate = false;
      break;
    }
  }
  const plan: readonly PlacementStrategy[] = compiled.length === 0 || allFargate ? AZ_BALANCE : azBalanceFirst(compiled.map((s) => s.strategy));
  const where = needsInstances(plan) ? taskInstances(tasks, instances) : null;
  const rankers = plan.map((s) => ranker(s, tasks, where, othersByAz));

  // order[0..left): the remaining tasks in input order; cand[0..len): the current candidates.
  const order = new Int32Array(total);
  for (let i = 0; i < total; i++) order[i] = i;
  let left = total;
  const cand = new Int32Array(total);
  const chosen: number[] = [];
  for (let k = 0; k < n; k++) {
    let src: Int32Array = order;
    let len = left;
    for (let s = 0; s < rankers.length && len > 1; s++) {
      len = narrow(rankers[s], src, len, cand, rng);
      src = cand;
    }
    let pick = src[0];
    if (len > 1) pick = src[Math.min(len - 1, Math.floor(rng.next() * len))];
    chosen.push(pick);
    // Remove it from the remaining tasks and update the counts it was part of.
    let w = 0;
    for (let i = 0; i < left; i++) if (order[i] !== pick) order[w++] = order[i];
    left = w;
    for (const r of rankers) {
      if (r.type === 'spread') r.count[r.key[pick]]--;
      else if (r.type === 'binpack' && r.slot[pick] >= 0) r.freed[r.slot[pick]] += r.own[pick];
    }
  }
  return chosen;
}

/**
 * Keeps the best of src[0..len) (in order) in cand and returns how many. Like keepMax:
 * ties all kept; when no score compares (NaN), every candidate is kept.
 */
function narrow(r: Ranker, src: Int32Array, len: number, cand: Int32Array, rng: RandomStream): number {
  if (r.type === 'random') {
    cand[0] = src[Math.min(len - 1, Math.floor(rng.next() * len))];
    return 1;
  }
  let best = -Infinity;
  let out = 0;
  if (r.type === 'spread') {
    const key = r.key;
    const cnt = r.count;
    for (let i = 0; i < len; i++) {
      const t = src[i];
      const v = cnt[key[t]];
      if (v > best) {
        best = v;
        out = 0;
      }
      if (v === best) cand[out++] = t;
    }
  } else {
    const { slot, own, remaining, freed } = r;
    for (let i = 0; i < len; i++) {
      const t = src[i];
      const j = slot[t];
      const v = j < 0 ? -Infinity : remaining[j] + freed[j] + own[t];
      if (v > best) {
        best = v;
        out = 0;
      }
      if (v === best) cand[out++] = t;
    }
  }
  if (out === 0) {
    if (src !== cand) cand.set(src.subarray(0, len));
    return len;
  }
  return out;
}

/**
 * "When you use the spread strategy and take a scale-in action, Amazon ECS selects tasks to
 * terminate that maintain a balance across Availability Zones" (task-placement-strategies.html):
 * a plan that starts with a spread strategy ranks by AZ balance first, then by its own
 * strategies. Strategies apply in the order given (task-placement.html), so a plan that starts
 * with binpack or random keeps its order: a spread after binpack only breaks binpack's ties.
 */
function azBalanceFirst(plan: PlacementStrategy[]): readonly PlacementStrategy[] {
  const first = plan[0];
  if (first.type !== 'spread' || first.field === `attribute:${AZ_ATTRIBUTE}`) return plan;
  return [AZ_BALANCE[0], ...plan];
}

function needsInstances(plan: readonly PlacementStrategy[]): boolean {
  for (const s of plan) {
    if (s.type === 'binpack') return true;
    if (s.type === 'spread' && s.field.startsWith('attribute:') && s.field !== `attribute:${AZ_ATTRIBUTE}`) return true;
  }
  return false;
}

/** The tasks' instances: slot[i] indexes `list` (-1: Fargate, or not among `instances`). */
interface TaskInstances {
  slot: Int32Array;
  list: readonly PlacementInstance[];
}

function taskInstances(tasks: readonly RunningTaskRef[], instances: readonly PlacementInstance[]): TaskInstances {
  // Hash the smaller side: a service's tasks are usually far fewer than the cluster's instances.
  const slot = new Int32Array(tasks.length);
  const indexOf = new Map<string, number>();
  if (tasks.length < instances.length) {
    for (const t of tasks) if (t.instanceId !== undefined) indexOf.set(t.instanceId, -1);
    for (let j = 0; j < instances.length; j++) if (indexOf.has(instances[j].id)) indexOf.set(instances[j].id, j);
  } else {
    for (let j = 0; j < instances.length; j++) indexOf.set(instances[j].id, j);
  }
  // (either way a later duplicate id wins, as a Map built over `instances` would)
  for (let i = 0; i < tasks.length; i++) {
    const id = tasks[i].instanceId;
    slot[i] = id === undefined ? -1 : indexOf.get(id) ?? -1;
  }
  return { slot, list: instances };
}

function ranker(s: PlacementStrategy, tasks: readonly RunningTaskRef[], where: TaskInstances | null, othersByAz: ReadonlyMap<string, number> | undefined): Ranker {
  const total = tasks.length;
  if (s.type === 'random') return { type: 'random' };
  if (s.type === 'binpack') {
    const { slot, list } = where as TaskInstances;
    const useCpu = s.field === 'cpu';
    const own = new Float64Array(total);
    for (let i = 0; i < total; i++) own[i] = (useCpu ? tasks[i].cpu : tasks[i].memory) ?? 0;
    const remaining = new Float64Array(list.length);
    for (let j = 0; j < list.length; j++) remaining[j] = useCpu ? list[j].cpuRemaining : list[j].memoryRemaining;
    return { type: 'binpack', slot, own, remaining, freed: new Float64Array(list.length) };
  }
  // spread: the value of each task, as an index into per-value counts.
  const field = s.field;
  const byInstance = field === 'instanceId' || field === 'host';
  const name = byInstance ? '' : field.slice('attribute:'.length);
  const byAz = name === AZ_ATTRIBUTE;
  const values = new ValueIndex();
  const key = new Int32Array(total);
  for (let i = 0; i < total; i++) {
    const t = tasks[i];
    let v: string;
    if (byInstance) v = t.instanceId ?? `\u0000fargate:${t.taskId}`;
    else if (byAz) v = t.availabilityZone;
    else {
      const j = (where as TaskInstances).slot[i];
      const attributes = j < 0 ? undefined : (where as TaskInstances).list[j].attributes;
      // an own attribute only: `toString` is no attribute, though every object inherits one
      v = attributes !== undefined && Object.hasOwn(attributes, name) ? attributes[name] : MISSING;
    }
    key[i] = values.indexOf(v);
  }
  const others = byAz && othersByAz !== undefined ? [...othersByAz].map(([az, n]) => [values.indexOf(az), n] as const) : [];
  const cnt = new Int32Array(values.size);
  for (let i = 0; i < total; i++) cnt[key[i]]++;
  for (const [j, n] of others) cnt[j] += n;
  return { type: 'spread', key, count: cnt };
}

/** Distinct strings -> 0, 1, 2...: a short list scanned first (AZs, types), a Map beyond it. */
class ValueIndex {
  size = 0;
  private few: string[] = [];
  private many: Map<string, number> | null = null;

  indexOf(v: string): number {
    const few = this.few;
    for (let j = 0; j < few.length; j++) if (few[j] === v) return j;
    if (this.many === null) {
      if (few.length < 8) {
        few.push(v);
        return this.size++;
      }
      this.many = new Map();
    }
    let j = this.many.get(v);
    if (j === undefined) {
      j = this.size++;
      this.many.set(v, j);
    }
    return j;
  }
}
