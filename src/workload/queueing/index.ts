// Closed-form queueing formulas (M/M/1, Erlang B and C / M/M/c, M/M/c/K, Allen-Cunneen G/G/c, its
// corrections for round-robin (E_k/M/1, and E_n/M/1/K with a small buffer) and least-outstanding routing).
export { erlangC, erlangBInverse } from './erlang-c.js';
export { finiteBuffer, bufferMatters, newFiniteBufferShape, NEGLIGIBLE_EXPONENT, type FiniteBufferShape } from './finite-buffer.js';
export { mm1MeanWait, mm1MeanSojourn, mm1SojournQuantile } from './mm1.js';
export {
  mmcMeanWait,
  mmcWaitTail,
  mmcWaitQuantile,
  mmcSojournTail,
  mmcSojournQuantile,
  waitPlusExpTail,
  solveTail,
} from './mmc.js';
export { allenCunneenWait, allenCunneenMeanWait, type WaitShape } from './allen-cunneen.js';
export { routedWait, erlangArrivalsSigma, erlangArrivalsSigmaAbove, chainRatio, type RoutedWaitShape } from './routed-wait.js';
export { erlangArrivalsBuffer, newErlangArrivalsBuffer, erlangTail, type ErlangArrivalsBuffer } from './erlang-arrivals-buffer.js';
export { tailQuantile, type TailWithDensity } from './tail-quantile.js';
