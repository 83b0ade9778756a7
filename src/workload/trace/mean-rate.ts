// The average over [from, to] of a product of trace components. The interval is cut at
// every component's breaks (and into panels no longer than a curved component allows);
// on each piece the product is a polynomial of low degree or smooth, integrated by the
// midpoint rule (degree <= 1, exact) or 3-point Gauss-Legendre (exact to degree 5, so
// exact for up to 5 overlapping linear factors; for a diurnal cosine on panels <= period/24
// the error is below ~1e-10 x (max - min), and ~1e-20 on a 60 s interval).

import type { TraceComponent } from './component.js';

const GL_X = Math.sqrt(3 / 5) / 2; // node offset as a fraction of the panel width
const GL_W_OUTER = 5 / 18;
const GL_W_MIDDLE = 8 / 18;

export function productAt(components: readonly TraceComponent[], t: number): number {
  let v = components[0].at(t);
  for (let i = 1; i < components.length; i++) v *= components[i].at(t);
  return v;
}

export function meanOfProduct(components: readonly TraceComponent[], from: number, to: number): number {
  if (!(to >= from)) throw new Error(`meanRate: expected fromMs <= toMs, found ${from} > ${to}`);
  if (to === from) return productAt(components, from);
  let degree = 0;
  for (const c of components) degree += c.degree;
  const gauss = degree > 1;
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
    const mean = gauss
      ? GL_W_OUTER * productAt(components, m - GL_X * w) +
        GL_W_MIDDLE * productAt(components, m) +
        GL_W_OUTER * productAt(components, m + GL_X * w)
      : productAt(components, m);
    if (b >= to && t === from) return mean; // one piece: no rounding from w * mean / w
    sum += w * mean;
    t = b;
  }
  return sum / (to - from);
}
