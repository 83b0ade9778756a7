// The "complete example" of docs/scenario-format.md is what readers copy: it must validate
// and run, and its services must behave sanely (review item 4: its worker, on
// BacklogPerTask alone, swung 30 -> 1 -> 30 every 20 minutes).

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { runScenario } from './library.js';

/** The YAML block under "## A complete example". */
function completeExample(): Record<string, any> {
  const doc = readFileSync('docs/scenario-format.md', 'utf8');
  const section = doc.split(/^## A complete example$/m)[1];
  expect(section, 'the section "## A complete example"').toBeDefined();
  const block = /```yaml\n([\s\S]*?)\n```/.exec(section)?.[1];
  expect(block, 'its yaml block').toBeDefined();
  return parse(block!);
}

describe('docs/scenario-format.md: the complete example', () => {
  it('validates, runs 6 hours, and its queue worker does not thrash (at most 2 scale ins, none to an empty fleet)', () => {
    const scenario = { ...completeExample(), duration: '6h' };
    const r = runScenario('scenario-format.md#complete-example', scenario, false);
    const summary = JSON.parse(JSON.stringify(r.summary));
    const worker = summary.services.worker;
    expect(worker.scalingActivities.in).toBeLessThanOrEqual(2);
    expect(worker.desiredCount.min).toBeGreaterThanOrEqual(2);
    expect(worker.sloViolationMinutes).toBeLessThan(30);
    const web = summary.services.web;
    expect(web.desiredCount.max).toBeGreaterThan(web.desiredCount.min);
  });
});
