// Request-rate values that are valid but likely not what their author meant: a CSV trace
// that ends before the run or barely overlaps it (csv-span.ts), a noise cv or a weekend
// factor written as a percent. Said by `ecsim run` and `ecsim validate`, not refused.

import { noiseMeanFactor, parseTraceCsv } from '../workload/trace/index.js';
import { csvSpanProblem } from './csv-span.js';
import type { Path, ResolvedScenario } from './resolve.js';
import type { ScenarioWarning } from './warnings.js';

/** Above this, a noise cv is more likely a percent (cv 5 for 5 %) than meant. */
const MAX_LIKELY_CV = 1;
/** Above this, a weekend factor is more likely a percent (60 for 0.6) than meant. */
const MAX_LIKELY_WEEKEND_FACTOR = 10;

export function traceWarnings(s: ResolvedScenario, options: { durationOverridden?: boolean }): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  for (const svc of s.services) {
    const rate = svc.config.workload?.requestRate;
    if (!rate) continue;
    const at: Path = ['services', svc.name, 'workload', 'requestRate'];
    const cv = rate.noise?.cv;
    if (cv !== undefined && cv > MAX_LIKELY_CV) {
      const up = Math.round((noiseMeanFactor(cv) - 1) * 100);
      out.push({
        at: [...at, 'noise', 'cv'],
        message: `cv is a fraction (0.1 for a 10 % spread), found ${cv}: the factor 1 + cv x Z is clipped at 0 so often that the mean rate is ${up} % above the trace's without noise; for ${cv} % write ${cv / 100}`,
      });
    }
    const factor = rate.weekly?.weekendFactor;
    if (factor !== undefined && factor > MAX_LIKELY_WEEKEND_FACTOR) {
      out.push({ at: [...at, 'weekly', 'weekendFactor'], message: `weekendFactor multiplies the weekend's rate, found ${factor} (${factor} times the weekday rate); for ${factor} % of it write ${factor / 100}` });
    }
    // what falls after a shorter --duration is cut off on purpose
    const csv = rate.csv;
    const text = csv && s.traceFiles.get(csv.file);
    if (!csv || text === undefined || options.durationOverridden) continue;
    const rows = parseTraceCsv(text, { timeColumn: csv.timeColumn, valueColumn: csv.valueColumn, file: csv.file });
    const span = csvSpanProblem(csv.file, rows, s.scenario.duration, s.startEpochMs);
    if (span?.kind === 'warn') out.push({ at: [...at, 'csv', 'file'], message: span.message });
  }
  return out;
}
