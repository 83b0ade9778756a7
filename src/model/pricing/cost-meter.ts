// Running cost per capacity provider, cheap to read at every period end. Each provider
// keeps (cost accrued up to lastMs, sum of the hourly rates of what runs now); starting or
// stopping an item settles the provider to that time, so reading cost_to_date is O(1) and
// nothing is iterated per item. When an item stops, its bill is rounded up to whole
// seconds and topped up to the minimum charge (60 s for EC2 and Fargate Linux); a waived
// item (an EC2 Spot instance interrupted by EC2 in its first hour) is charged nothing.
// A running item's minimum top-up appears only when it stops (call stopAll at the end).
// An item that may still be waived is held: its cost joins cost_to_date when the window in
// which it could be waived ends, or when it stops and is charged, so cost_to_date never
// goes down.

import { billedMs } from './ec2-cost.js';

export type CostItemId = string | number;

interface ProviderAccount {
  accrued: number;
  /** USD per ms of everything running now. */
  ratePerMs: number;
  lastMs: number;
  running: number;
  /** Items that may still be waived, in the order their windows end. */
  held: Item[];
}

interface Item {
  provider: string;
  ratePerMs: number;
  startMs: number;
  minimumMs: number;
  /** When the item can no longer be waived; Infinity once counted in its provider's rate. */
  heldUntilMs: number;
}

export class CostMeter {
  private readonly accounts = new Map<string, ProviderAccount>();
  private readonly items = new Map<CostItemId, Item>();

  /**
   * An instance or task of `provider` starts being billed at `ratePerHour` USD. With
   * `waivableForMs` > 0 it may be waived in that time from its start: its cost is held out of
   * cost_to_date until then (or until it stops and is charged).
   */
  start(id: CostItemId, provider: string, ratePerHour: number, startMs: number, minimumBilledMs = 60_000, waivableForMs = 0): void {
    if (this.items.has(id)) throw new Error(`CostMeter: item ${String(id)} is already being billed`);
    if (!(ratePerHour >= 0)) throw new Error(`CostMeter: rate must be >= 0 USD/hour, found ${ratePerHour}`);
    const acc = this.settle(provider, startMs);
    const ratePerMs = ratePerHour / 3_600_000;
    const item: Item = { provider, ratePerMs, startMs, minimumMs: minimumBilledMs, heldUntilMs: Infinity };
    acc.running++;
    if (waivableForMs > 0) {
      item.heldUntilMs = startMs + waivableForMs;
      let k = acc.held.length;
      while (k > 0 && acc.held[k - 1].heldUntilMs > item.heldUntilMs) k--;
      acc.held.splice(k, 0, item);
    } else {
      acc.ratePerMs += ratePerMs;
    }
    this.items.set(id, item);
  }

  /** The item stops being billed at `endMs`; returns its total cost. Unknown ids cost 0. */
  stop(id: CostItemId, endMs: number): number {
    const item = this.items.get(id);
    if (!item) return 0;
    const acc = this.remove(id, item, endMs);
    // read after remove(): settling to endMs releases an item whose window ended by then
    const held = item.heldUntilMs !== Infinity;
    const billed = billedMs(item.startMs, endMs, item.minimumMs);
    acc.accrued += item.ratePerMs * (held ? billed : billed - (endMs - item.startMs));
    return item.ratePerMs * billed;
  }

  /**
   * The item stops at `endMs` and is not charged at all. For an EC2 Spot instance that
   * Amazon EC2 interrupts in its first hour ("No charge":
   * AWSEC2/latest/UserGuide/billing-for-interrupted-spot-instances.html), started with that
   * hour as its `waivableForMs`, so nothing of it was ever in cost_to_date. (An item started
   * without a window has what it accrued taken back, and cost_to_date drops.)
   */
  waive(id: CostItemId, endMs: number): void {
    const item = this.items.get(id);
    if (!item) return;
    const acc = this.remove(id, item, endMs);
    if (item.heldUntilMs !== Infinity) return; // (read after remove(), as in stop)
    // (never below 0 by a rounding error: nothing else of the provider may have been billed)
    acc.accrued = Math.max(0, acc.accrued - item.ratePerMs * (endMs - item.startMs));
  }

  /** Takes the item out of its provider's running figures at `endMs` (settled to then). */
  private remove(id: CostItemId, item: Item, endMs: number): ProviderAccount {
    this.items.delete(id);
    const acc = this.settle(item.provider, endMs);
    acc.running--;
    if (item.heldUntilMs !== Infinity) acc.held.splice(acc.held.indexOf(item), 1);
    else acc.ratePerMs = acc.running === acc.held.length ? 0 : acc.ratePerMs - item.ratePerMs;
    return acc;
  }

  /** Stops everything still running (end of the run). */
  stopAll(endMs: number): void {
    for (const id of [...this.items.keys()]) this.stop(id, endMs);
  }

  /** USD spent on `provider` up to `nowMs`, which must not be before its last start/stop. */
  costToDate(provider: string, nowMs: number): number {
    const acc = this.accounts.get(provider);
    if (!acc) return 0;
    if (nowMs < acc.lastMs) {
      throw new Error(`CostMeter: cost of ${provider} asked at ${nowMs} ms, before its last start/stop at ${acc.lastMs} ms`);
    }
    if (acc.held.length > 0 && acc.held[0].heldUntilMs <= nowMs) this.release(acc, nowMs);
    return acc.accrued + acc.ratePerMs * (nowMs - acc.lastMs);
  }

  /** USD over all providers up to `nowMs`. */
  totalCostToDate(nowMs: number): number {
    let sum = 0;
    for (const name of this.accounts.keys()) sum += this.costToDate(name, nowMs);
    return sum;
  }

  /** Providers seen so far, in first-seen order. */
  providers(): string[] {
    return [...this.accounts.keys()];
  }

  /** Items of `provider` being billed now. */
  runningCount(provider: string): number {
    return this.accounts.get(provider)?.running ?? 0;
  }

  private settle(provider: string, tMs: number): ProviderAccount {
    let acc = this.accounts.get(provider);
    if (!acc) {
      acc = { accrued: 0, ratePerMs: 0, lastMs: tMs, running: 0, held: [] };
      this.accounts.set(provider, acc);
      return acc;
    }
    if (tMs < acc.lastMs) {
      throw new Error(`CostMeter: time went backwards for ${provider}: ${tMs} ms < ${acc.lastMs} ms`);
    }
    if (acc.held.length > 0 && acc.held[0].heldUntilMs <= tMs) this.release(acc, tMs);
    acc.accrued += acc.ratePerMs * (tMs - acc.lastMs);
    acc.lastMs = tMs;
    return acc;
  }

  /** Held items whose windows have ended by `tMs` join the provider's cost, each at its window's end. */
  private release(acc: ProviderAccount, tMs: number): void {
    while (acc.held.length > 0 && acc.held[0].heldUntilMs <= tMs) {
      const item = acc.held.shift()!;
      acc.accrued += acc.ratePerMs * (item.heldUntilMs - acc.lastMs);
      acc.lastMs = item.heldUntilMs;
      acc.accrued += item.ratePerMs * (item.heldUntilMs - item.startMs);
      acc.ratePerMs += item.ratePerMs;
      item.heldUntilMs = Infinity;
    }
  }
}
