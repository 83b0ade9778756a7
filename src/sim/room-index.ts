// An index of instances by free resources: the instances of one capacity provider with
// room for one task of a given size (CPU units and MiB), in id order, kept up to date as
// tasks come and go. Placement over this list instead of the provider's whole fleet gives
// the same instance whenever the strategies only compare candidates with each other (an
// instance without room is filtered out first anyway) and costs O(instances with room).

import { byInstanceId, type Instance } from '../model/instance.js';
import { PackingOrder } from './packing-order.js';

export class RoomIndex {
  /** Instances with room, in id order (ids are zero-padded: string order is launch order). */
  readonly list: Instance[] = [];
  private readonly members = new Set<Instance>();
  /** The same instances in binpack order, per field asked for (see packing-order.ts). */
  private readonly orders: PackingOrder[] = [];

  constructor(
    readonly cpu: number,
    readonly memory: number,
  ) {}

  /** Re-checks one instance after its free resources changed (present: not unregistered). */
  update(inst: Instance, present: boolean): void {
    const room = present && inst.cpuRemaining >= this.cpu && inst.memoryRemaining >= this.memory;
    const orders = this.orders;
    for (let i = 0; i < orders.length; i++) {
      if (room) orders[i].set(inst);
      else orders[i].delete(inst);
    }
    if (room === this.members.has(inst)) return;
    const list = this.list;
    const lo = byInstanceId.left(list, inst.launchOrder);
    if (room) {
      this.members.add(inst);
      list.splice(lo, 0, inst);
    } else {
      this.members.delete(inst);
      list.splice(lo, 1);
    }
  }

  /** These instances in binpack order on `field`, kept from now on. */
  packingOrder(field: 'cpu' | 'memory'): PackingOrder {
    let order = this.orders.find((o) => o.field === field);
    if (!order) {
      order = new PackingOrder(field);
      for (const inst of this.list) order.set(inst);
      this.orders.push(order);
    }
    return order;
  }
}
