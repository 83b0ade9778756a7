// The common form of every shape and modifier inside a trace: a function of simulated
// time that also says where its formula changes, so meanRate can integrate piece by piece.

export interface TraceComponent {
  /** Value at simulated time t (ms): a rate for a base shape, a factor for a modifier. */
  at(t: number): number;
  /** The first time > t at which the formula may change (a jump or a kink); Infinity if never. */
  nextBreak(t: number): number;
  /**
   * Polynomial degree between breaks: 0 constant, 1 linear, k a product of k linear factors
   * (k overlapping spike ramps); 2 also for anything smoother (a cosine, whose maxPanel
   * keeps each panel short). meanRate integrates exactly up to the sum of the degrees.
   */
  readonly degree: number;
  /** Longest stretch one quadrature panel may cover (curved components); Infinity otherwise. */
  readonly maxPanel: number;
}

/** Lower and upper bound of a component's values. */
export type Bounds = [lower: number, upper: number];

export const NO_BREAK = (): number => Infinity;
