// A CSV trace is parsed once per file (as read), columns: validate, the warnings and the
// run used to parse it three times, and compare again per variant and replication.

import { describe, it, expect } from 'vitest';
import { writeFileSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile, scenarioWarnings } from '../../src/scenario/index.js';
import { csvTraceSeries, traceParses } from '../../src/scenario/trace-series.js';
import { runToFolder } from '../../src/output/run-to-folder.js';
import { parseCsv } from '../../src/output/explain/index.js';
import { quickstart, tempDir, writeScenario } from '../helpers.js';

describe('csvTraceSeries: one parse per file, columns and file identity', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'rate.csv'), 'time_s,rps\n0,100\n1800,300\n3600,300\n');
  const s = quickstart();
  s.services.web.workload.requestRate = { csv: { file: 'rate.csv', interpolate: 'step' } };
  const file = writeScenario(dir, 's', s);

  it('load (checks), warnings and a run parse the file once; loading it again (a variant) parses it no more', () => {
    const before = traceParses;
    const scenario = loadScenarioFile(file);
    scenarioWarnings(scenario, {});
    runToFolder(scenario, { outDir: join(dir, 'out'), seed: 1 });
    expect(traceParses - before).toBe(1);
    const again = loadScenarioFile(file);
    runToFolder(again, { outDir: join(dir, 'out2'), seed: 1 });
    expect(traceParses - before).toBe(1);
    expect(readFileSync(join(dir, 'out2', 'timeseries.csv'), 'utf8')).toBe(readFileSync(join(dir, 'out', 'timeseries.csv'), 'utf8'));
    // the kept arrays are the file's rates
    const cached = csvTraceSeries(again, { file: 'rate.csv', timeColumn: 'time_s', valueColumn: 'rps' });
    expect([...cached.v]).toEqual([100, 300, 300]);
  });

  it('an edited file (same size, a later modification time) is parsed again: the run replays the new rates', () => {
    loadScenarioFile(file);
    const parsedBefore = traceParses;
    writeFileSync(join(dir, 'rate.csv'), 'time_s,rps\n0,100\n1800,200\n3600,200\n'); // same size
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'rate.csv'), later, later);
    const edited = loadScenarioFile(file);
    expect(traceParses).toBe(parsedBefore + 1);
    runToFolder(edited, { outDir: join(dir, 'out3'), seed: 1 });
    const ts = parseCsv(readFileSync(join(dir, 'out3', 'timeseries.csv'), 'utf8'));
    expect(Number(ts.find((r) => r.time_s === '1800')!.request_rate)).toBe(200);
  });
});
