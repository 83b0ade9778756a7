// The services the cluster may have to wake, in index order: every DAEMON service, and
// each other service from the moment a task of it waits for an instance (PROVISIONING on
// EC2) until a visit finds none waiting. Capacity registers or frees many times a minute
// in a large cluster; visiting only these services, not every service of the scenario,
// keeps each of those moments' cost with the services that wait (scanning them all grew
// with the square of the scenario's size: more services, each freeing capacity).

import { bisectLeft } from 'd3-array';

export class WaitingServices {
  /** Service indices, ascending. */
  private readonly list: number[] = [];
  private readonly listed: Uint8Array;

  constructor(
    serviceCount: number,
    /** Whether service i stays listed: a DAEMON service always, another while tasks wait. */
    private readonly mayWait: (i: number) => boolean,
  ) {
    this.listed = new Uint8Array(serviceCount);
  }

  /** Service i may wait from now on (listing it again is a no-op). */
  add(i: number): void {
    if (this.listed[i] === 1) return;
    this.listed[i] = 1;
    const list = this.list;
    if (list.length === 0 || list[list.length - 1] < i) list.push(i);
    else list.splice(bisectLeft(list, i), 0, i);
  }

  /**
   * The listed services that may still wait, in index order; drops the others first. The
   * array is the index's own: read it before the next add().
   */
  current(): readonly number[] {
    const list = this.list;
    let w = 0;
    for (let r = 0; r < list.length; r++) {
      const i = list[r];
      if (this.mayWait(i)) list[w++] = i;
      else this.listed[i] = 0;
    }
    if (w < list.length) list.length = w; // (a runtime call even when unchanged)
    return list;
  }
}
