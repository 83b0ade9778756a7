// Measures fluid vs request fidelity at several loads; prints the markdown tables that
// docs/notes/service-model.md and docs/assumptions.md carry (below capacity, then overload
// with a full queue, then low-variance service times at concurrency 1 and 4).
// Run: npx tsx test/workload/service/error-table.ts

import type { ServiceWorkloadConfig } from '../../../src/workload/service/index.js';
import { build, runPeriod } from './harness.js';

const TASKS = 4;
const C = 4;
const MEAN_S = 50; // ms -> 80 rps per task
const HORIZON = 4_000_000; // ms of simulated time (request mode, one period)

function config(fidelity: 'fluid' | 'request', routing: ServiceWorkloadConfig['routing'], dist: 'exp' | 'logn', maxQueuePerTask: number): ServiceWorkloadConfig {
  return {
    type: 'http',
    perTask: {
      concurrency: C,
      serviceTime: dist === 'exp' ? { distribution: 'exponential', mean: MEAN_S } : { distribution: 'lognormal', median: 40, p95: 120 },
    },
    maxQueuePerTask,
    fidelity,
    routing,
  };
}

function measure(fidelity: 'fluid' | 'request', routing: ServiceWorkloadConfig['routing'], dist: 'exp' | 'logn', rho: number, maxQueue = 1000) {
  const cap = (TASKS * C * 1000) / (dist === 'exp' ? MEAN_S : 40 * Math.exp(((Math.log(3) / 1.6448536269514722) ** 2) / 2));
  const { sim, model } = build(config(fidelity, routing, dist, maxQueue), rho * cap, 7);
  for (let i = 0; i < TASKS; i++) model.setInRotation(`t${i}`, true, 0);
  runPeriod(sim, model, 0, 60_000);
  const s = runPeriod(sim, model, 60_000, 60_000 + HORIZON);
  let cpu = 0;
  for (const v of s.perTask.values()) cpu += v.cpuPercent / TASKS;
  return { cpu, p50: s.latencyP50Ms!, p95: s.latencyP95Ms!, p99: s.latencyP99Ms! };
}

const pct = (f: number, r: number) => `${(((f - r) / r) * 100).toFixed(1)} %`;
function table(rhos: number[], maxQueue: number): void {
  console.log('| service time | routing | rho | CPU % request / fluid | p50 ms req / fluid (err) | p95 ms req / fluid (err) | p99 ms req / fluid (err) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const dist of ['exp', 'logn'] as const) {
    for (const routing of ['random', 'round-robin', 'least-outstanding'] as const) {
      for (const rho of rhos) {
        const r = measure('request', routing, dist, rho, maxQueue);
        const f = measure('fluid', routing, dist, rho, maxQueue);
        console.log(
          `| ${dist === 'exp' ? 'exponential 50 ms' : 'lognormal 40/120 ms'} | ${routing} | ${rho} | ${r.cpu.toFixed(1)} / ${f.cpu.toFixed(1)} | ` +
            `${r.p50.toFixed(1)} / ${f.p50.toFixed(1)} (${pct(f.p50, r.p50)}) | ${r.p95.toFixed(1)} / ${f.p95.toFixed(1)} (${pct(f.p95, r.p95)}) | ` +
            `${r.p99.toFixed(1)} / ${f.p99.toFixed(1)} (${pct(f.p99, r.p99)}) |`,
        );
      }
    }
  }
}
table([0.3, 0.5, 0.7, 0.85, 0.95], 1000);
console.log('\nOverload, maxQueuePerTask 100 (full after the warm-up):\n');
table([1.2, 1.5], 100);

// Low-variance service times (scv 0 and 1/12) at concurrency 1 and 4: the Allen-Cunneen
// correction is coarsest there (docs/assumptions.md qualifies its error figures with these).
function lowVariance(): void {
  const laws: [string, NonNullable<ServiceWorkloadConfig['perTask']['serviceTime']>][] = [
    ['fixed 50 ms', { distribution: 'fixed', value: 50 }],
    ['uniform 25-75 ms', { distribution: 'uniform', min: 25, max: 75 }],
  ];
  console.log('| service time | routing | concurrency | rho | p95 ms req / fluid (err) |');
  console.log('|---|---|---|---|---|');
  for (const [name, serviceTime] of laws) {
    for (const routing of ['random', 'round-robin'] as const) {
      for (const c of [1, 4]) {
        for (const rho of [0.5, 0.7, 0.85]) {
          const p95 = (fidelity: 'fluid' | 'request') => {
            const { sim, model } = build({ type: 'http', perTask: { concurrency: c, serviceTime }, maxQueuePerTask: 1000, fidelity, routing }, (rho * TASKS * c * 1000) / MEAN_S, 7);
            for (let i = 0; i < TASKS; i++) model.setInRotation(`t${i}`, true, 0);
            runPeriod(sim, model, 0, 60_000);
            return runPeriod(sim, model, 60_000, 60_000 + HORIZON).latencyP95Ms!;
          };
          const r = p95('request');
          const f = p95('fluid');
          console.log(`| ${name} | ${routing} | ${c} | ${rho} | ${r.toFixed(1)} / ${f.toFixed(1)} (${pct(f, r)}) |`);
        }
      }
    }
  }
}
console.log('\nLow-variance service times, 4 tasks:\n');
lowVariance();
