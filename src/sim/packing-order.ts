// A room index's instances grouped by Availability Zone, each zone's in binpack order:
// least remaining memory (or CPU) first, then lowest id. For a service whose strategies are
// binpack(field), or spread(attribute:ecs.availability-zone) then binpack(field), the
// placer's answer over the room index is the first acceptable instance in this order among
// the zones with the fewest of the service's tasks. A placement reads each zone only up to
// its first acceptable instance (usually the first) instead of narrowing every candidate;
// keeping the order costs two binary searches and a shift of the entries between the old
// and new places per change of an instance's free resources.
//
// Why it is the same answer: spread keeps the candidates in the zones with the fewest tasks
// (zones without a candidate take no part), binpack keeps those with the least remaining
// field, and ties go to the lowest id (place-task.ts). Within a zone the first acceptable
// instance in (remaining, id) order is that zone's best; across the zones of one count the
// least of those wins; a count with no acceptable instance passes to the next.

import type { Instance } from '../model/instance.js';
import { AZ_ATTRIBUTE } from '../placement/types.js';

/** One zone's instances in binpack order, with the key each was filed under beside it. */
interface Zone {
  readonly name: string;
  readonly instances: Instance[];
  readonly keys: number[];
}

export class PackingOrder {
  private readonly zones: Zone[] = [];
  /** The key (remaining field) an instance is filed under, for finding it again. */
  private readonly filedUnder = new Map<Instance, number>();

  constructor(readonly field: 'cpu' | 'memory') {}

  private key(inst: Instance): number {
    return this.field === 'cpu' ? inst.cpuRemaining : inst.memoryRemaining;
  }

  /** Files `inst`, or moves it to its place after its remaining field changed. */
  set(inst: Instance): void {
    const key = this.key(inst);
    const old = this.filedUnder.get(inst);
    if (old === key) return;
    const zone = this.zoneOf(inst);
    this.filedUnder.set(inst, key);
    if (old !== undefined) return move(zone, inst, old, key);
    const at = position(zone, key, inst.launchOrder);
    zone.instances.splice(at, 0, inst);
    zone.keys.splice(at, 0, key);
  }

  delete(inst: Instance): void {
    const old = this.filedUnder.get(inst);
    if (old === undefined) return;
    take(this.zoneOf(inst), inst, old);
    this.filedUnder.delete(inst);
  }

  /**
   * The placer's choice: the first instance in binpack order that `accepts`, among the
   * zones with the fewest tasks per `taskCounts` (zones it lacks count 0; null: binpack
   * alone, every zone alike). Undefined when no instance accepts.
   */
  first(taskCounts: ReadonlyMap<string, number> | null, accepts: (inst: Instance) => boolean): Instance | undefined {
    const zones = this.zones;
    const count = (z: Zone): number => (taskCounts === null ? 0 : (taskCounts.get(z.name) ?? 0));
    let level = -Infinity;
    for (;;) {
      // the next count up among the zones
      let next = Infinity;
      for (const z of zones) {
        const c = count(z);
        if (c > level && c < next) next = c;
      }
      if (next === Infinity) return undefined;
      level = next;
      let best: Instance | undefined;
      let bestKey = Infinity;
      for (const z of zones) {
        if (count(z) !== level) continue;
        const list = z.instances;
        for (let i = 0; i < list.length; i++) {
          const inst = list[i];
          if (!accepts(inst)) continue;
          const k = z.keys[i];
          if (best === undefined || k < bestKey || (k === bestKey && inst.launchOrder < best.launchOrder)) {
            best = inst;
            bestKey = k;
          }
          break;
        }
      }
      if (best !== undefined) return best;
    }
  }

  private zoneOf(inst: Instance): Zone {
    const name = inst.attributes[AZ_ATTRIBUTE];
    for (const z of this.zones) if (z.name === name) return z;
    const z: Zone = { name, instances: [], keys: [] };
    this.zones.push(z);
    return z;
  }
}

/** Takes `inst`, filed under `key`, out of the zone's order. */
function take(zone: Zone, inst: Instance, key: number): void {
  const at = position(zone, key, inst.launchOrder);
  if (zone.instances[at] !== inst) throw new Error(`internal: ${inst.id} is not where its key puts it in the packing order`);
  zone.instances.splice(at, 1);
  zone.keys.splice(at, 1);
}

/**
 * Refiles `inst` from `from` to `to`: shifts only the entries between its old and new
 * places (a task's worth of memory moves it a few places, not the length of the zone).
 */
function move(zone: Zone, inst: Instance, from: number, to: number): void {
  const insts = zone.instances;
  const keys = zone.keys;
  const i = position(zone, from, inst.launchOrder);
  if (insts[i] !== inst) throw new Error(`internal: ${inst.id} is not where its key puts it in the packing order`);
  // its new place, counted with it still at i
  let j = position(zone, to, inst.launchOrder);
  if (j > i) j--;
  if (j < i) {
    for (let k = i; k > j; k--) {
      insts[k] = insts[k - 1];
      keys[k] = keys[k - 1];
    }
  } else {
    for (let k = i; k < j; k++) {
      insts[k] = insts[k + 1];
      keys[k] = keys[k + 1];
    }
  }
  insts[j] = inst;
  keys[j] = to;
}

/** Where (key, instance of that launchOrder) is or would go in the zone's order. */
function position(zone: Zone, key: number, launchOrder: number): number {
  const keys = zone.keys;
  const insts = zone.instances;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k < key || (k === key && insts[mid].launchOrder < launchOrder)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
