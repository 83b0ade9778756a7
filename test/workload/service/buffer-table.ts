// Measures fluid vs request fidelity with a small maxQueuePerTask (finite-buffer blocking);
// prints the markdown table that docs/notes/service-model.md carries.
// Run: npx tsx test/workload/service/buffer-table.ts

import type { Distribution } from '../../../src/engine/index.js';
import { durationMean as mean } from '../../../src/engine/index.js';
import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { build, runPeriod } from './harness.js';

const TASKS = 2;
const C = 4;
const HORIZON = 1_000_000; // ms, one period after a 60 s warm-up

const dists: Record<string, [string, Distribution]> = {
  exp: ['exponential 50 ms', { distribution: 'exponential', mean: 50 }],
  logn: ['lognormal 40/120 ms', { distribution: 'lognormal', median: 40, p95: 120 }],
  fixed: ['fixed 50 ms', { distribution: 'fixed', value: 50 }],
  heavy: ['lognormal 20/200 ms (scv 6.1)', { distribution: 'lognormal', median: 20, p95: 200 }],
};

// [routing, service, maxQueuePerTask, rho]
const rows: [ServiceWorkloadConfig['routing'], string, number, number][] = [
  ['random', 'exp', 0, 0.75],
  ['random', 'exp', 2, 0.9],
  ['random', 'exp', 2, 1.2],
  ['random', 'exp', 5, 0.75],
  ['random', 'exp', 5, 0.9],
  ['random', 'exp', 5, 1],
  ['random', 'exp', 5, 1.2],
  ['random', 'exp', 20, 0.9],
  ['random', 'exp', 20, 1],
  ['random', 'logn', 2, 0.9],
  ['random', 'logn', 5, 0.9],
  ['random', 'logn', 5, 1.2],
  ['random', 'fixed', 5, 0.9],
  ['random', 'heavy', 5, 0.9],
  ['round-robin', 'exp', 0, 0.75],
  ['round-robin', 'exp', 5, 0.9],
  ['round-robin', 'logn', 5, 0.9],
  ['least-outstanding', 'exp', 5, 0.9],
  ['least-outstanding', 'exp', 5, 1.2],
  ['least-outstanding', 'logn', 5, 1],
];

function measure(fidelity: 'fluid' | 'request', routing: ServiceWorkloadConfig['routing'], d: Distribution, maxQueuePerTask: number, rho: number) {
  const rate = (rho * TASKS * C * 1000) / mean(d);
  const { sim, model } = build({ type: 'http', perTask: { concurrency: C, serviceTime: d }, maxQueuePerTask, fidelity, routing }, rate, 3, false);
  for (let i = 0; i < TASKS; i++) model.setInRotation(`t${i}`, true, 0);
  runPeriod(sim, model, 0, 60_000);
  const s = runPeriod(sim, model, 60_000, 60_000 + HORIZON);
  let cpu = 0;
  for (const v of s.perTask.values()) cpu += v.cpuPercent / TASKS;
  return { dropped: (100 * s.rejected) / s.offered, cpu, p50: s.latencyP50Ms!, p95: s.latencyP95Ms! };
}

console.log('| routing | service time | maxQueuePerTask | rho | dropped % request / fluid | CPU % request / fluid | p50 ms request / fluid | p95 ms request / fluid (err) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [routing, dn, q, rho] of rows) {
  const [name, d] = dists[dn];
  const r = measure('request', routing, d, q, rho);
  const f = measure('fluid', routing, d, q, rho);
  console.log(
    `| ${routing} | ${name} | ${q} | ${rho} | ${r.dropped.toFixed(2)} / ${f.dropped.toFixed(2)} | ${r.cpu.toFixed(1)} / ${f.cpu.toFixed(1)} | ` +
      `${r.p50.toFixed(1)} / ${f.p50.toFixed(1)} | ${r.p95.toFixed(1)} / ${f.p95.toFixed(1)} (${((f.p95 / r.p95 - 1) * 100).toFixed(1)} %) |`,
  );
}
