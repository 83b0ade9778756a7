// The run's latency distribution in fluid fidelity (for summary.json's latencyMs): the mixture,
// over every metric period, of the period's latency groups (fluid-latency.ts), each group
// weighted by the requests it served. Its quantiles are those of the request-level latency
// over the run, as CloudWatch's TargetResponseTime p95 over a long period is (CloudWatch
// takes a percentile from the raw data points of the whole period:
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html).
// A quantile of the per-period quantiles is not: in steady load it inflates p95 and p99 by
// the periods' spread; after a step from rho 0.3 to 0.9 it reads the busy hour's own p50,
// 112.7 ms, where the run's requests have 85.6 ms.
//
// A group is four numbers (and an Erlang order, below): weight, shift, pWait, theta (latency = shift + Exp(theta) with
// probability pWait + a service time of the service's one shape). Groups whose shift,
// pWait and theta fall into one cell of a logarithmic grid (cells 2 % wide in each) are
// merged: the cell's group has the members' total weight and their weighted mean shift,
// probability of waiting and mean wait (pWait / theta), so the run's mean latency is kept
// exactly, and a steady load is one cell holding exactly the period's group. Where the
// members' distributions overlap, a merge errs to second order in their differences:
// against the exact mixture of every period's groups, the run quantiles of the library's
// scenarios are within 1e-4 (relative) and the month benchmark's (30 days) within 1e-6.
// The cells live in an open-addressing table; past MAX_CELLS cells the grid coarsens (cells
// twice as wide, merged as above), so memory is bounded (about 50 KiB a service) whatever
// the run's length. Coarse cells cost accuracy only where narrow groups scatter widely and
// unrelated: the month's queue workers reach cells 17 % wide and stay within 1e-6; a test
// scattering 100 000 groups uniformly over a factor of 300 in shift and 50 in theta ends
// within 3 %. At the end the quantiles are solved once, on the mixture of the cells, by the
// per-period code (LatencyGroups.quantile).
//
// A truncated wait's "cut" shape (fluid-latency.ts, pushStationary) is a pair of groups,
// Exp(theta) / (1 - q) less q / (1 - q) of the same shifted by D, one of negative weight;
// apart, the two would fall into different cells and merge with different neighbours, and
// the cancellation that keeps the pair a distribution (a density of 0 beyond D when
// q = e^(-theta D)) would be lost as the grid coarsens. So the pair is kept as ONE compound
// group (weight C = the requests it serves, theta, q, D) in cells of compound groups only,
// keyed by D, q and theta; merged compounds take the members' weighted mean q and mean
// untruncated wait (1 / theta), and the D that keeps the compound's mean wait,
// 1/theta - q D / (1 - q), exactly the members' weighted mean. Only when the quantiles are
// solved is a cell split into its two signed groups again, with q held at most e^(-theta D)
// (each member's is: rho^N e^(N (1 - rho)) <= 1), so the mixture's density never goes
// negative however coarse the grid. Any other group of negative weight (given to addGroup)
// goes into cells of its own sign.
//
// An Erlang group (the exact E_n/M/1/K wait of a request finding j in the system,
// round-robin with a small buffer) keeps its order j: its cells hold only groups of that
// order, keyed by shift and mean wait. Orders are at most EXACT_ERLANG_MAX_PLACES (16), so
// they add at most 15 classes of cells that never merge with each other: coarsening still
// gets under MAX_CELLS.
//
// Cost per period: an addition when a group repeats the last one added (steady load), else
// three logarithms and a table probe per group.

import { LatencyGroups } from './fluid-latency.js';
import type { ServiceShape } from './service-shape.js';
import { growF64, growI32 } from './typed-grow.js';

/** Width of a cell of the finest grid, as a ratio (each of shift, pWait, theta). */
const GRID_RATIO = 1.02;
/** At most this many cells; more coarsen the grid. */
export const MAX_CELLS = 1024;
/** The key of a shift of 0 and of pWait 0 (no wait): outside any logarithm's key. */
const ZERO = -0x40000000;
/**
 * Added to the shift key of a group of negative weight (the negative part of a truncated
 * wait, fluid-latency.ts pushStationary): such groups share cells only with each other, so
 * a cell's weight keeps one sign and its means stay means.
 */
const NEGATIVE = 0x20000000;
/** Added to the key of D of a compound (cut) group: compounds share cells only with each other. */
const CUT = 0x10000000;
/**
 * The pWait key of an Erlang group of order j >= 2 (fluid-latency.ts LatencyGroups.order; its
 * pWait is 1): ZERO + j, a key no logarithm gives, so such groups share cells only with groups
 * of the same order (their shift and mean wait merged as any group's).
 */
const MAX_ORDER = 1024;
function orderOf(kp: number): number {
  return kp > ZERO && kp <= ZERO + MAX_ORDER ? kp - ZERO : 0;
}

export class FluidRunLatency {
  /** Cells in use. */
  count = 0;
  /** Times the grid coarsened (a cell is GRID_RATIO^(2^level) wide). */
  level = 0;
  private step: number;
  private kShift = new Int32Array(16);
  private kPWait = new Int32Array(16);
  private kTheta = new Int32Array(16);
  /**
   * Per cell: the weight, and the weighted sums of shift, pWait and the mean wait pWait / theta;
   * of a compound cell (cut[c] = 1): of q D / (1 - q), q and 1 / theta.
   */
  private cut = new Uint8Array(16);
  private w = new Float64Array(16);
  private wShift = new Float64Array(16);
  private wPWait = new Float64Array(16);
  private wWait = new Float64Array(16);
  /** Open addressing: cell index + 1, 0 when empty; twice as many slots as cells may use. */
  private slots = new Int32Array(32);
  // The last group added, as given, and its cell (a repeat needs no keys).
  private lastCell = -1;
  private lastShift = NaN;
  private lastPWait = NaN;
  private lastTheta = NaN;
  private lastNegative = false;
  private lastOrder = 0;
  // The last compound added, as given, and its cell.
  private lastCutCell = -1;
  private lastCutD = NaN;
  private lastCutQ = NaN;
  private lastCutTheta = NaN;
  private readonly mixture = new LatencyGroups();
  private mixtureReady = false;

  /** `gridRatio` and `maxCells` other than the defaults: tests. */
  constructor(
    gridRatio = GRID_RATIO,
    private readonly maxCells = MAX_CELLS,
  ) {
    this.step = Math.log(gridRatio);
  }

  /** Adds the groups of a period just closed. */
  add(groups: LatencyGroups): void {
    const n = groups.count;
    for (let g = 0; g < n; g++) {
      const q = groups.cutQ[g];
      // a cut pair (positive part at shift 0, its negative part next): one compound
      if (q > 0 && g + 1 < n && groups.cutQ[g + 1] === -1 && groups.shift[g] === 0) {
        this.addCut(groups.weight[g] * (1 - q), groups.theta[g], q, groups.shift[g + 1]);
        g++;
        continue;
      }
      this.addGroup(groups.weight[g], groups.shift[g], groups.pWait[g], groups.theta[g], groups.order[g]);
    }
  }

  /**
   * Adds a truncated wait's cut shape serving `weight` requests: Exp(theta) / (1 - q) less
   * q / (1 - q) of D + Exp(theta) (pWait 1, no shift), 0 < q < 1.
   */
  addCut(weight: number, theta: number, q: number, dMs: number): void {
    if (!(weight > 0 && weight < Infinity && q > 0 && q < 1 && theta > 0 && theta < Infinity && dMs > 0)) {
      // not a proper compound: its two parts as plain groups
      if (q > 0 && q < 1) {
        this.addGroup(weight / (1 - q), 0, 1, theta);
        this.addGroup((-weight * q) / (1 - q), dMs, 1, theta);
      } else {
        this.addGroup(weight, 0, 1, theta);
      }
      return;
    }
    this.mixtureReady = false;
    let c = this.lastCutCell;
    if (c < 0 || dMs !== this.lastCutD || q !== this.lastCutQ || theta !== this.lastCutTheta) {
      c = this.cellFor(dMs, q, theta, false, true);
      this.lastCutCell = c;
      this.lastCutD = dMs;
      this.lastCutQ = q;
      this.lastCutTheta = theta;
    }
    this.w[c] += weight;
    this.wShift[c] += (weight * q * dMs) / (1 - q);
    this.wPWait[c] += weight * q;
    this.wWait[c] += weight / theta;
  }

  addGroup(weight: number, shiftMs: number, pWait: number, theta: number, order = 0): void {
    if (weight === 0 || !(Math.abs(weight) < Infinity)) return;
    const negative = weight < 0;
    this.mixtureReady = false;
    const shift = shiftMs > 0 ? shiftMs : 0;
    let pw = pWait;
    let th = theta;
    if (!(pw > 0 && th > 0 && th < Infinity)) {
      pw = 0;
      th = Infinity;
    } else if (pw > 1) {
      pw = 1;
    }
    const ord = pw > 0 && order >= 2 && order <= MAX_ORDER ? order : 0;
    let c = this.lastCell;
    if (c < 0 || shift !== this.lastShift || pw !== this.lastPWait || th !== this.lastTheta || negative !== this.lastNegative || ord !== this.lastOrder) {
      c = this.cellFor(shift, pw, th, negative, false, ord);
      this.lastOrder = ord;
      this.lastCell = c;
      this.lastShift = shift;
      this.lastPWait = pw;
      this.lastTheta = th;
      this.lastNegative = negative;
    }
    this.w[c] += weight;
    this.wShift[c] += weight * shift;
    if (pw > 0) {
      this.wPWait[c] += weight * pw;
      this.wWait[c] += (weight * pw) / th;
    }
  }

  /** The p-quantile of the run's latency, ms; null when no request was served. */
  quantile(shape: ServiceShape, p: number, scaleMs: number): number | null {
    if (this.count === 0) return null;
    const m = this.mixture;
    if (!this.mixtureReady) {
      m.reset();
      for (let c = 0; c < this.count; c++) {
        const w = this.w[c];
        if (this.cut[c] === 1) {
          const [theta, q, d] = this.cutParameters(c);
          m.addGroup(w / (1 - q), 0, 1, theta);
          m.addGroup((-w * q) / (1 - q), d, 1, theta);
          continue;
        }
        const waits = this.kPWait[c] !== ZERO;
        m.addGroup(w, this.wShift[c] / w, waits ? this.wPWait[c] / w : 0, waits ? this.wPWait[c] / this.wWait[c] : Infinity, orderOf(this.kPWait[c]));
      }
      this.mixtureReady = true;
    }
    return m.quantile(shape, p, scaleMs);
  }

  /**
   * A compound cell's theta, q and D: the mean untruncated wait and q are the members'
   * weighted means; D keeps the mean wait 1/theta - q D / (1 - q) the members' mean; q is held
   * at most e^(-theta D), where the pair's density beyond D is 0 (never negative).
   */
  private cutParameters(c: number): [number, number, number] {
    const w = this.w[c];
    const theta = w / this.wWait[c];
    const q0 = this.wPWait[c] / w;
    const d = ((this.wShift[c] / w) * (1 - q0)) / q0;
    const qMax = Math.exp(-theta * d);
    return [theta, q0 < qMax ? q0 : qMax, d];
  }

  /**
   * The cell of a group's parameters (pWait 0: no wait), or of a compound's (D, q, theta),
   * made when new; the grid coarsens when full.
   */
  private cellFor(shift: number, pw: number, th: number, negative: boolean, cut: boolean, order = 0): number {
    for (;;) {
      const ks = this.key(shift) + (negative ? NEGATIVE : 0) + (cut ? CUT : 0);
      const kp = pw > 0 ? (order > 0 ? ZERO + order : this.key(pw)) : ZERO;
      const kt = pw > 0 ? this.key(th) : ZERO;
      const c = this.find(ks, kp, kt);
      if (c >= 0) return c;
      if (this.count < this.maxCells) return this.newCell(ks, kp, kt, cut);
      // a coarser grid merges cells (always, once its cells are wide enough)
      this.coarsen();
    }
  }

  /** The grid key of a value at the current level (a value <= 0: ZERO). */
  private key(v: number): number {
    return v > 0 ? Math.round(Math.log(v) / this.step) : ZERO;
  }

  private find(ks: number, kp: number, kt: number): number {
    const mask = this.slots.length - 1;
    for (let i = hash(ks, kp, kt) & mask; ; i = (i + 1) & mask) {
      const s = this.slots[i];
      if (s === 0) return -1;
      const c = s - 1;
      if (this.kShift[c] === ks && this.kPWait[c] === kp && this.kTheta[c] === kt) return c;
    }
  }

  private newCell(ks: number, kp: number, kt: number, cut: boolean): number {
    if (this.count === this.w.length) this.grow(this.count * 2);
    const c = this.count++;
    this.cut[c] = cut ? 1 : 0;
    this.kShift[c] = ks;
    this.kPWait[c] = kp;
    this.kTheta[c] = kt;
    this.w[c] = 0;
    this.wShift[c] = 0;
    this.wPWait[c] = 0;
    this.wWait[c] = 0;
    this.insertSlot(c);
    return c;
  }

  private insertSlot(c: number): void {
    const mask = this.slots.length - 1;
    let i = hash(this.kShift[c], this.kPWait[c], this.kTheta[c]) & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = c + 1;
  }

  /** Room for n cells (2n slots), the cells rehashed. */
  private grow(n: number): void {
    this.kShift = growI32(this.kShift, n);
    this.kPWait = growI32(this.kPWait, n);
    this.kTheta = growI32(this.kTheta, n);
    const cut = new Uint8Array(n);
    cut.set(this.cut.subarray(0, Math.min(this.cut.length, n)));
    this.cut = cut;
    this.w = growF64(this.w, n);
    this.wShift = growF64(this.wShift, n);
    this.wPWait = growF64(this.wPWait, n);
    this.wWait = growF64(this.wWait, n);
    this.slots = new Int32Array(n * 2);
    for (let c = 0; c < this.count; c++) this.insertSlot(c);
  }

  /**
   * Doubles the cells' width: each cell is keyed again by its (averaged) parameters, and
   * cells that now share keys merge, in order of first use.
   */
  private coarsen(): void {
    this.level++;
    this.step *= 2;
    const n = this.count;
    const w = this.w.slice(0, n);
    const ws = this.wShift.slice(0, n);
    const wp = this.wPWait.slice(0, n);
    const wt = this.wWait.slice(0, n);
    const kp = this.kPWait.slice(0, n);
    const cut = this.cut.slice(0, n);
    const params: number[][] = [];
    for (let c = 0; c < n; c++) params.push(cut[c] === 1 ? this.cutParameters(c) : []);
    this.count = 0;
    this.slots.fill(0);
    for (let c = 0; c < n; c++) {
      let ks2: number;
      let kp2: number;
      let kt2: number;
      if (cut[c] === 1) {
        const [theta, q, dMs] = params[c];
        ks2 = this.key(dMs) + CUT;
        kp2 = this.key(q);
        kt2 = this.key(theta);
      } else {
        const waits = kp[c] !== ZERO;
        ks2 = this.key(ws[c] / w[c]) + (w[c] < 0 ? NEGATIVE : 0);
        kp2 = waits ? (orderOf(kp[c]) > 0 ? kp[c] : this.key(wp[c] / w[c])) : ZERO;
        kt2 = waits ? this.key(wp[c] / wt[c]) : ZERO;
      }
      let d = this.find(ks2, kp2, kt2);
      if (d < 0) d = this.newCell(ks2, kp2, kt2, cut[c] === 1);
      this.w[d] += w[c];
      this.wShift[d] += ws[c];
      this.wPWait[d] += wp[c];
      this.wWait[d] += wt[c];
    }
    this.lastCell = -1;
    this.lastCutCell = -1;
  }
}

function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
