// One capacity provider's instances in the order they registered, for a retry after
// registrations: "the instances registered since the last failed placement". Positions
// count every registration of the run; terminated instances are dropped now and then, so
// the log holds about as many instances as are live (memory does not grow with time).

import type { Instance } from '../model/instance.js';

export class RegistrationLog {
  private entries: Instance[] = [];
  /** positions[i]: entries[i]'s place among all registrations (ascending). */
  private positions: number[] = [];
  private compactAt = 64;
  /** Registrations so far. */
  count = 0;

  /** Instances held now (live ones, and terminated ones not yet dropped). */
  get size(): number {
    return this.entries.length;
  }

  add(inst: Instance): void {
    this.entries.push(inst);
    this.positions.push(this.count++);
    if (this.entries.length >= this.compactAt) this.compact();
  }

  /** The instances registered after the first `n`, not terminated, in id order. */
  since(n: number): Instance[] {
    // From the end back: the instances asked for are the last few (a retry asks for those
    // registered since its service last failed), so this walks no further than the loop
    // below does, without a binary search over the whole log.
    let first = this.positions.length;
    while (first > 0 && this.positions[first - 1] >= n) first--;
    const out: Instance[] = [];
    for (let i = first; i < this.entries.length; i++) {
      const inst = this.entries[i];
      if (inst.lifecycle !== 'TERMINATED') out.push(inst);
    }
    if (out.length > 1) out.sort((a, b) => a.launchOrder - b.launchOrder);
    return out;
  }

  /** Drops terminated instances; the next compaction waits until the log has doubled. */
  private compact(): void {
    let w = 0;
    for (let i = 0; i < this.entries.length; i++) {
      if (this.entries[i].lifecycle === 'TERMINATED') continue;
      this.entries[w] = this.entries[i];
      this.positions[w++] = this.positions[i];
    }
    this.entries.length = w;
    this.positions.length = w;
    this.compactAt = Math.max(64, 2 * w);
  }
}
