// A run whose sinks keep no events (a compare's or sweep's replications: keepsEvents false)
// skips writing out its busiest event messages, and must otherwise be the same run: the same
// summary and rows, and the events it still hands over a subset of the full run's.

import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { runSimulation, type CapacityRow, type EventRecord, type TaskRow, type TimeseriesRow } from '../../src/sim/index.js';

function run(file: string, keepsEvents: boolean) {
  const s = loadScenarioFile(file, { durationMs: 3 * 3_600_000 });
  const events: EventRecord[] = [];
  const rows: { t: TimeseriesRow[]; c: CapacityRow[]; k: TaskRow[] } = { t: [], c: [], k: [] };
  const r = runSimulation(
    s,
    { keepsEvents, event: (e) => events.push(e), timeseries: (x) => rows.t.push(x), capacity: (x) => rows.c.push(x), task: (x) => rows.k.push(x) },
    { seed: s.scenario.seed },
  );
  return { summary: JSON.stringify(r.summary), rows: JSON.stringify(rows), events };
}

describe('keepsEvents: false', () => {
  for (const file of ['scenarios/capacity-target.yaml', 'scenarios/fargate-spot.yaml', 'scenarios/daemon-service.yaml']) {
    it(`${file}: the same summary and rows; fewer events, no task or instance lifecycle ones`, () => {
      const kept = run(file, true);
      const dropped = run(file, false);
      expect(dropped.summary).toBe(kept.summary);
      expect(dropped.rows).toBe(kept.rows);
      const busy = new Set(['task-placed', 'task-running', 'task-stopped', 'instance-launched', 'instance-registered']);
      expect(kept.events.some((e) => busy.has(e.type))).toBe(true);
      expect(dropped.events.some((e) => busy.has(e.type))).toBe(false);
      const all = new Set(kept.events.map((e) => JSON.stringify(e)));
      for (const e of dropped.events) expect(all.has(JSON.stringify(e))).toBe(true);
    });
  }
});
