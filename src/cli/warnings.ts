// Prints what the scenario layer found valid but likely unintended, one line each on stderr.

import { scenarioWarnings, type ResolvedScenario } from '../scenario/index.js';
import { joinPath } from '../scenario/errors.js';

export function printWarnings(file: string, scenario: ResolvedScenario, durationOverridden = false): void {
  for (const w of scenarioWarnings(scenario, { durationOverridden })) process.stderr.write(`warning: ${file}: ${joinPath(w.at)}: ${w.message}\n`);
}
