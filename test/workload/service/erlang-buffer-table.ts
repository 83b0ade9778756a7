// Measures fluid vs request fidelity for round-robin at concurrency 1 with a small
// maxQueuePerTask (the exact E_n/M/1/K of each task's queue, with exponential service);
// prints the markdown table that docs/notes/service-model.md carries.
// Run: npx tsx test/workload/service/erlang-buffer-table.ts

import type { Distribution } from '../../../src/engine/index.js';
import { durationMean as mean } from '../../../src/engine/index.js';
import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { build, runPeriod } from './harness.js';

const TASKS = 4;
const HORIZON = 10_000_000; // ms, one period after a 60 s warm-up
const SEEDS = [3, 4, 5, 6]; // request fidelity averaged over these; fluid is deterministic

const dists: Record<string, [string, Distribution]> = {
  exp: ['exponential 40 ms', { distribution: 'exponential', mean: 40 }],
  logn: ['lognormal 40/120 ms', { distribution: 'lognormal', median: 40, p95: 120 }],
};

// [service, maxQueuePerTask, rho]
const rows: [string, number, number][] = [
  ['exp', 0, 0.75],
  ['exp', 2, 0.5],
  ['exp', 2, 0.8],
  ['exp', 2, 1.2],
  ['exp', 5, 0.9],
  ['exp', 10, 0.95],
  ['logn', 2, 0.8],
];

function measure(fidelity: 'fluid' | 'request', d: Distribution, maxQueuePerTask: number, rho: number, seed: number) {
  const rate = (rho * TASKS * 1000) / mean(d);
  const cfg: ServiceWorkloadConfig = { type: 'http', perTask: { concurrency: 1, serviceTime: d }, maxQueuePerTask, fidelity, routing: 'round-robin' };
  const { sim, model } = build(cfg, rate, seed, false);
  for (let i = 0; i < TASKS; i++) model.setInRotation(`t${i}`, true, 0);
  runPeriod(sim, model, 0, 60_000);
  const s = runPeriod(sim, model, 60_000, 60_000 + HORIZON);
  let cpu = 0;
  for (const v of s.perTask.values()) cpu += v.cpuPercent / TASKS;
  return { dropped: (100 * s.rejected) / s.offered, cpu, p50: s.latencyP50Ms!, p95: s.latencyP95Ms! };
}

function avg(f: (seed: number) => ReturnType<typeof measure>) {
  const all = SEEDS.map(f);
  const m = (k: keyof ReturnType<typeof measure>) => all.reduce((x, r) => x + r[k], 0) / all.length;
  return { dropped: m('dropped'), cpu: m('cpu'), p50: m('p50'), p95: m('p95') };
}

console.log('| service time | maxQueuePerTask | rho | dropped % request / fluid | CPU % request / fluid | p50 ms request / fluid | p95 ms request / fluid (err) |');
console.log('|---|---|---|---|---|---|---|');
for (const [dn, q, rho] of rows) {
  const [name, d] = dists[dn];
  const r = avg((seed) => measure('request', d, q, rho, seed));
  const f = measure('fluid', d, q, rho, SEEDS[0]);
  const err = (100 * (f.p95 - r.p95)) / r.p95;
  console.log(
    `| ${name} | ${q} | ${rho} | ${r.dropped.toFixed(2)} / ${f.dropped.toFixed(2)} | ${r.cpu.toFixed(1)} / ${f.cpu.toFixed(1)} | ${r.p50.toFixed(1)} / ${f.p50.toFixed(1)} | ${r.p95.toFixed(1)} / ${f.p95.toFixed(1)} (${err.toFixed(1)} %) |`,
  );
}
