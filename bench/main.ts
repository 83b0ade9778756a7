// `npm run bench`: engine events/s (hold model vs a minimal heap loop), placement,
// request fidelity and simulated days per wall second on the standard scenarios, with
// peak memory, and how long the `ecsim` executable takes to start. Writes
// results/bench.json and prints it. Wall-clock figures only: never part of a test.

import { mkdirSync, writeFileSync } from 'node:fs';
import { holdModel, minimalHeapLoop, type HoldResult } from './hold-model.js';
import { benchPlacement } from '../src/placement/index.js';
import { month, monthWithResults, quickstartWeek, scalingCurve } from './scenarios.js';
import { benchRequestFidelity } from '../src/workload/service/index.js';
import { cliStartup } from './cli-startup.js';

const fastest = <T extends { seconds: number }>(runs: T[]): T => runs.reduce((a, r) => (r.seconds < a.seconds ? r : a));

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

// The engine and the floor loop take turns, so that both see the same moments of a shared
// machine whose speed drifts; the best of each is its speed when undisturbed.
const holdRuns: HoldResult[] = [];
const floorRuns: HoldResult[] = [];
for (let i = 0; i < 7; i++) {
  holdRuns.push(holdModel());
  floorRuns.push(minimalHeapLoop());
}
const hold = fastest(holdRuns);
const floor = fastest(floorRuns);
const placement = benchPlacement();
const quick = process.argv.includes('--quick');
const requests = benchRequestFidelity();
const qs = quickstartWeek();
const monthRun = month(quick ? 2 : 30);
const monthWritten = monthWithResults(quick ? 1 : 7);
const curve = scalingCurve(quick ? 0.25 : 1);
const startup = cliStartup();
const result = {
  holdModel: { events: hold.events, eventsPerSecond: round(hold.eventsPerSecond) },
  minimalHeapLoop: { events: floor.events, eventsPerSecond: round(floor.eventsPerSecond) },
  engineToMinimalRatio: round(hold.eventsPerSecond / floor.eventsPerSecond, 3),
  placement: { tasks: placement.tasks, instances: placement.instances, seconds: round(placement.ms / 1000, 3) },
  requestFidelity: { requests: requests.requests, requestsPerSecond: round(requests.requests / (requests.ms / 1000)) },
  quickstartWeek: qs,
  monthScenario: monthRun,
  monthScenarioWithResults: monthWritten,
  scalingCurve: curve,
  cliStartup: startup,
  peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
  node: process.version,
};
mkdirSync('results', { recursive: true });
writeFileSync('results/bench.json', `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
