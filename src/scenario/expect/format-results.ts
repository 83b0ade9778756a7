// The lines `ecsim run` prints after checking a scenario's `expect:` list: one per
// expectation, failures first marked, each with the value found.

import type { ExpectationResult } from './expectation.js';

/** e.g. "FAIL services.web.latencyMs.p95 < 250: services.web.latencyMs.p95 = 2068.05, expected < 250". */
export function formatExpectationResults(results: readonly ExpectationResult[]): string[] {
  const failed = results.filter((r) => !r.ok).length;
  const lines = results.map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.text}${r.ok ? '' : `: ${r.message}`}`);
  lines.push(failed === 0 ? `expectations: all ${results.length} met` : `expectations: ${failed} of ${results.length} failed`);
  return lines;
}
