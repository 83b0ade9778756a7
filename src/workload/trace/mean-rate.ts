// The average over [from, to] of a product of trace components. The interval is cut at
// every component's breaks (and into panels no longer than a curved component allows);
// on each piece the product is a polynomial of degree d (the sum of the components'
// degrees: k overlapping spike ramps are k linear factors) or smooth, integrated by the
// midpoint rule (d <= 1, exact), 3-point Gauss-Legendre (exact to degree 5), or, for
// d > 5, n-point Gauss-Legendre with 2n - 1 >= d (exact). For a diurnal cosine on panels
// <= period/24 the error is below ~1e-10 x (max - min), and ~1e-20 on a 60 s interval.

import type { TraceComponent } from './component.js';

const GL_X = Math.sqrt(3 / 5) / 2; // node offset as a fraction of the panel width
const GL_W_OUTER = 5 / 18;
const GL_W_MIDDLE = 8 / 18;

export function productAt(components: readonly TraceComponent[], t: number): number {
  let v = components[0].at(t);
  for (let i = 1; i < components.length; i++) v *= components[i].at(t);
  return v;
}

/** n-point Gauss-Legendre on [0, 1]: node offsets from the middle and weights (summing to 1). */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    // Newton's method on P_n from the Chebyshev-like first guess
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    const weight = 1 / ((1 - z * z) * dp * dp); // 2 / (...) on [-1, 1], halved for [0, 1]
    x[i] = -z / 2;
    x[n - 1 - i] = z / 2;
    w[i] = weight;
    w[n - 1 - i] = weight;
  }
  return { x, w };
}

const rules = new Map<number, { x: Float64Array; w: Float64Array }>();

function ruleFor(degree: number): { x: Float64Array; w: Float64Array } {
  const n = Math.ceil((degree + 1) / 2);
  let rule = rules.get(n);
  if (rule === undefined) rules.set(n, (rule = gaussLegendre(n)));
  return rule;
}

export function meanOfProduct(components: readonly TraceComponent[], from: number, to: number): number {
  if (!(to >= from)) throw new Error(`meanRate: expected fromMs <= toMs, found ${from} > ${to}`);
  if (to === from) return productAt(components, from);
  let degree = 0;
  for (const c of components) degree += c.degree;
  const gauss = degree > 1;
  const rule = degree > 5 ? ruleFor(degree) : null;
  let sum = 0;
  let t = from;
  while (t < to) {
    let b = to;
    for (const c of components) {
      const next = c.nextBreak(t);
      if (next < b) b = next;
      const panel = t + c.maxPanel;
      if (panel < b && panel > t) b = panel;
    }
    if (!(b > t)) b = to; // a break that rounds onto t: take the rest in one piece
    const w = b - t;
    const m = t + w / 2;
    let mean: number;
    if (rule !== null) {
      mean = 0;
      for (let i = 0; i < rule.x.length; i++) mean += rule.w[i] * productAt(components, m + rule.x[i] * w);
    } else if (gauss) {
      mean =
        GL_W_OUTER * productAt(components, m - GL_X * w) +
        GL_W_MIDDLE * productAt(components, m) +
        GL_W_OUTER * productAt(components, m + GL_X * w);
    } else mean = productAt(components, m);
    if (b >= to && t === from) return mean; // one piece: no rounding from w * mean / w
    sum += w * mean;
    t = b;
  }
  return sum / (to - from);
}
