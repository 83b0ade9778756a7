// The Amazon ECS service quota "Tasks in the PROVISIONING state per cluster" (default 500;
// AmazonECS/latest/developerguide/operating-at-scale-service-quotas-best-practice.html:
// the most tasks in PROVISIONING per cluster that capacity providers can add capacity for).
// AWS does not document what the service scheduler does at the quota. Model
// (docs/assumptions.md): the quota counts the tasks of Auto Scaling group capacity providers
// (Task.inQuota), and every one a service creates enters PROVISIONING first, so while the
// cluster has `limit` of them in PROVISIONING no service creates one (Fargate tasks, daemon
// tasks, placed on their instance at once, and launchType EC2 tasks, created only when
// placed, neither count nor are held). The tasks a service could not create stay not-yet-created; the service
// waits in a first-come queue. When PROVISIONING tasks leave that state the freed room is
// shared out in rounds over the queue in its order, an equal share each (at least 1), and a
// service that wanted more than its share goes to the back for the next round.

import type { Simulator } from '../engine/index.js';

export class ProvisioningQuota {
  /** Created tasks in PROVISIONING in the cluster now. */
  count = 0;
  /** Services held back, in the order they are served (each at most once). */
  private queue: number[] = [];
  private readonly queued = new Set<number>();
  /** Services held back since they last were not: told once per such episode. */
  private readonly told = new Set<number>();
  /** The service a release is serving, and how many it may still create. */
  private turn = -1;
  private budget = 0;
  private releasePending = false;
  /** Reconciles service i (set by the simulation once its services exist). */
  serve: (i: number) => void = () => {};

  constructor(
    readonly limit: number,
    private readonly sim: Simulator,
    private readonly priority: number,
  ) {}

  /** Whether service i may create a task now: room under the quota, and no service held back before it (or it is its turn). */
  mayCreate(i: number): boolean {
    if (this.count >= this.limit) return false;
    if (this.turn === i) return this.budget > 0;
    return this.queue.length === 0;
  }

  /** A task of service i entered PROVISIONING (was created). */
  entered(i: number): void {
    this.count++;
    if (this.turn === i) this.budget--;
  }

  /** A task left PROVISIONING: the room goes to the services held back, if any. */
  left(): void {
    this.count--;
    if (this.queue.length > 0) this.scheduleRelease();
  }

  /**
   * Service i wanted to create a task and may not: it joins the queue (if not in it).
   * True when this starts an episode of being held back (the service logs it then).
   */
  hold(i: number): boolean {
    if (!this.queued.has(i)) {
      this.queued.add(i);
      this.queue.push(i);
    }
    if (this.count < this.limit) this.scheduleRelease();
    if (this.told.has(i)) return false;
    this.told.add(i);
    return true;
  }

  /** Services held back now (for tests and messages). */
  heldServices(): readonly number[] {
    return this.queue;
  }

  private scheduleRelease(): void {
    if (this.releasePending) return;
    this.releasePending = true;
    this.sim.after(0, onRelease, this, this.priority);
  }

  /** Shares the room out over the queue in rounds (see the header). */
  release(): void {
    while (this.count < this.limit && this.queue.length > 0) {
      const round = this.queue;
      this.queue = [];
      for (const i of round) this.queued.delete(i);
      const share = Math.max(1, Math.floor((this.limit - this.count) / round.length));
      for (let k = 0; k < round.length; k++) {
        const i = round[k];
        if (this.count >= this.limit) {
          // no room left: the ones not served keep their place, ahead of those that came back
          const rest = round.slice(k);
          for (const j of rest) this.queued.add(j);
          this.queue = [...rest, ...this.queue.filter((j) => !rest.includes(j))];
          break;
        }
        this.turn = i;
        this.budget = share;
        this.serve(i);
        this.turn = -1;
        if (!this.queued.has(i)) this.told.delete(i);
      }
    }
    this.releasePending = false;
  }
}

function onRelease(q: ProvisioningQuota): void {
  q.release();
}
