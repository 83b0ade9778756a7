// Closed-form queueing formulas (M/M/1, Erlang B and C / M/M/c, M/M/c/K, Allen-Cunneen G/G/c).
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
export { tailQuantile, type TailWithDensity } from './tail-quantile.js';
