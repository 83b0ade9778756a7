// Latency percentiles of observed requests (a period's, and the run's: addTo): exact
// (sorted) up to EXACT_LIMIT values, then a log-bucket histogram with 0.5 % relative bucket
// width (quantile error <= 0.25 %). No allocation per value.

const EXACT_LIMIT = 1 << 16;
const MIN_MS = 0.01;
const GROWTH = 1.005;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = 1 + Math.ceil(Math.log(1e10 / MIN_MS) / LOG_GROWTH); // up to ~115 days

export class LatencyRecorder {
  private exact = new Float64Array(EXACT_LIMIT);
  private hist = new Float64Array(BUCKETS);
  private n = 0;
  private sum = 0;
  private minBucket = BUCKETS;
  private maxBucket = -1;
  private useHist = false;

  get count(): number {
    return this.n;
  }

  get mean(): number | null {
    return this.n > 0 ? this.sum / this.n : null;
  }

  record(ms: number): void {
    this.sum += ms;
    if (!this.useHist) {
      if (this.n < EXACT_LIMIT) {
        this.exact[this.n++] = ms;
        return;
      }
      this.toHist();
    }
    this.bucketAdd(ms);
    this.n++;
  }

  /** p-quantile (linear interpolation between order statistics when exact). */
  quantile(p: number): number | null {
    const n = this.n;
    if (n === 0) return null;
    if (!this.useHist) {
      const h = p * (n - 1);
      const lo = Math.floor(h);
      const a = this.exact[lo];
      return lo + 1 < n ? a + (h - lo) * (this.exact[lo + 1] - a) : a;
    }
    const rank = p * n;
    let cum = 0;
    for (let b = this.minBucket; b <= this.maxBucket; b++) {
      cum += this.hist[b];
      if (cum >= rank) return b === 0 ? MIN_MS / 2 : MIN_MS * Math.pow(GROWTH, b - 0.5);
    }
    return MIN_MS * Math.pow(GROWTH, this.maxBucket);
  }

  /**
   * Adds this recorder's values to `run` (a recorder of the whole run). Call after
   * prepare(): exact values are added in sorted order, a run of values in one bucket at
   * once (one logarithm per bucket, not per value).
   */
  addTo(run: LatencyRecorder): void {
    const n = this.n;
    if (n === 0) return;
    run.sum += this.sum;
    if (this.useHist) {
      run.toHist();
      for (let b = this.minBucket; b <= this.maxBucket; b++) {
        const k = this.hist[b];
        if (k !== 0) run.bucketAddCount(b, k);
      }
    } else if (!run.useHist && run.n + n <= EXACT_LIMIT) {
      run.exact.set(this.exact.subarray(0, n), run.n);
    } else {
      run.toHist();
      const v = this.exact;
      for (let i = 0; i < n; ) {
        const b = bucketOf(v[i]);
        // below this, surely bucket b (a margin far beyond the logarithm's rounding)
        const below = b === BUCKETS - 1 ? Infinity : (b === 0 ? MIN_MS : MIN_MS * Math.exp(b * LOG_GROWTH)) * (1 - 1e-12);
        let j = i + 1;
        while (j < n && v[j] < below) j++;
        run.bucketAddCount(b, j - i);
        i = j;
      }
    }
    run.n += n;
  }

  /** Must be called once before quantile() reads (sorts the exact values). */
  prepare(): void {
    if (!this.useHist && this.n > 1) this.exact.subarray(0, this.n).sort();
  }

  reset(): void {
    if (this.useHist) for (let b = this.minBucket; b <= this.maxBucket; b++) this.hist[b] = 0;
    this.n = 0;
    this.sum = 0;
    this.useHist = false;
    this.minBucket = BUCKETS;
    this.maxBucket = -1;
  }

  /** From exact values to the histogram. */
  private toHist(): void {
    if (this.useHist) return;
    this.useHist = true;
    for (let i = 0; i < this.n; i++) this.bucketAdd(this.exact[i]);
  }

  private bucketAdd(ms: number): void {
    this.bucketAddCount(bucketOf(ms), 1);
  }

  private bucketAddCount(b: number, k: number): void {
    this.hist[b] += k;
    if (b < this.minBucket) this.minBucket = b;
    if (b > this.maxBucket) this.maxBucket = b;
  }
}

function bucketOf(ms: number): number {
  const b = ms <= MIN_MS ? 0 : 1 + Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH);
  return b >= BUCKETS ? BUCKETS - 1 : b;
}
