// A micro-benchmark of request fidelity: one http service, constant rate, ~2 M requests.

import { RandomStreams, Simulator } from '../../engine/index.js';
import { createServiceLoadModel } from './create.js';

export function benchRequestFidelity(): { requests: number; ms: number } {
  const sim = new Simulator();
  const rate = 2000; // requests/s
  const tasks = 10;
  const model = createServiceLoadModel(
    {
      type: 'http',
      perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: 10 }, capacityRps: 400 },
      maxQueuePerTask: 100,
      fidelity: 'request',
      routing: 'round-robin',
    },
    { sim, trace: { rateAt: () => rate, meanRate: () => rate }, streams: new RandomStreams(1), serviceName: 'bench', fargate: true },
  );
  for (let i = 0; i < tasks; i++) model.setInRotation(`t${i}`, true, 0);
  const durationMs = 1000 * 1000; // 1000 s -> ~2 M requests
  let requests = 0;
  const t0 = performance.now();
  for (let t = 0; t < durationMs; t += 60_000) {
    const end = Math.min(durationMs, t + 60_000);
    sim.run(end);
    requests += model.endPeriod(t, end).offered;
  }
  return { requests, ms: performance.now() - t0 };
}
