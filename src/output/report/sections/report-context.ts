// What every section of a run's report reads: the results, the scenario's settings, the
// simulated clock, the metric period and the time span the charts cover.

import type { ResultsData } from '../data/results-data.js';
import { readScenarioSettings, type ScenarioSettings } from '../data/scenario-settings.js';
import { metricPeriodS } from '../data/metric-period.js';
import { simClock, type SimClock } from '../format/sim-time.js';

export interface ReportContext {
  data: ResultsData;
  settings: ScenarioSettings;
  clock: SimClock;
  periodS: number;
  domainS: [number, number];
}

export function reportContext(data: ResultsData): ReportContext {
  const periodS = metricPeriodS(data.services.values());
  const end = Math.max(data.durationSeconds, periodS);
  return {
    data,
    settings: readScenarioSettings(data.scenario, data.summary.durationSeconds),
    clock: simClock(data.startEpochMs, data.durationSeconds),
    periodS,
    domainS: [0, end],
  };
}
