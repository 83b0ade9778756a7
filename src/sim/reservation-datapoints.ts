// The CapacityProviderReservation datapoints of one Auto Scaling group that ECS has
// computed but CloudWatch has not shown its alarms yet: M, N, whether the metric is
// held at targetCapacity and the waiting tasks' instances before and after the step sizes
// bound them (for the messages), queued from the period's close until `metrics.publishDelay`
// later, when managed scaling acts on them (oldest first: one is added every period and
// one taken at each period's publish time, so they leave in the order they came).
// A ring of typed arrays: no allocation per period once it has grown to the number in
// flight (publishDelay / period + 1).

export class ReservationDatapoints {
  private m = new Float64Array(4);
  private n = new Float64Array(4);
  private atTarget = new Uint8Array(4);
  private x = new Float64Array(4);
  private xBounded = new Float64Array(4);
  private head = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** `x`: the waiting tasks' instances (X); `xBounded`: X bounded by the step sizes (the part of M). */
  push(m: number, n: number, atTarget: boolean, x = 0, xBounded = x): void {
    if (this.size === this.m.length) this.grow();
    const k = (this.head + this.size) % this.m.length;
    this.m[k] = m;
    this.n[k] = n;
    this.atTarget[k] = atTarget ? 1 : 0;
    this.x[k] = x;
    this.xBounded[k] = xBounded;
    this.size++;
  }

  /** The oldest datapoint's fields (valid until the next shift). */
  get oldestM(): number {
    return this.m[this.head];
  }
  get oldestN(): number {
    return this.n[this.head];
  }
  get oldestAtTarget(): boolean {
    return this.atTarget[this.head] === 1;
  }
  get oldestX(): number {
    return this.x[this.head];
  }
  get oldestXBounded(): number {
    return this.xBounded[this.head];
  }

  /** Drops the oldest datapoint (read it first). */
  shift(): void {
    if (this.size === 0) throw new Error('internal: no CapacityProviderReservation datapoint is waiting to be published');
    this.head = (this.head + 1) % this.m.length;
    this.size--;
  }

  private grow(): void {
    const cap = this.m.length * 2;
    const m = new Float64Array(cap);
    const n = new Float64Array(cap);
    const at = new Uint8Array(cap);
    const x = new Float64Array(cap);
    const xb = new Float64Array(cap);
    for (let i = 0; i < this.size; i++) {
      const k = (this.head + i) % this.m.length;
      m[i] = this.m[k];
      n[i] = this.n[k];
      at[i] = this.atTarget[k];
      x[i] = this.x[k];
      xb[i] = this.xBounded[k];
    }
    this.m = m;
    this.n = n;
    this.atTarget = at;
    this.x = x;
    this.xBounded = xb;
    this.head = 0;
  }
}
