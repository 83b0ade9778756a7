// An expect path's service and capacity provider names are checked once the scenario's own
// names resolve: a misspelt provider in a strategy (FARGATE_SPOTT) is said once, not followed
// by "capacityProviders.FARGATE_SPOT: no such key" for each expectation that names the
// provider the strategy meant. The expectations' syntax and summary keys are still checked.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadProblems, tempDir } from '../helpers.js';

const TEXT = readFileSync('scenarios/fargate-spot.yaml', 'utf8');
const dir = tempDir();

function problems(name: string, text: string): string[] {
  return loadProblems(dir, name, text);
}

describe('expect names after a refused strategy', () => {
  const misspelt = TEXT.replace('- { capacityProvider: FARGATE_SPOT, weight: 1 }', '- { capacityProvider: FARGATE_SPOTT, weight: 1 }');

  it('the misspelt provider alone, not the expectations naming FARGATE_SPOT', () => {
    expect(misspelt).not.toBe(TEXT);
    expect(problems('spott', misspelt)).toEqual([
      'services.web.capacityProviderStrategy[1].capacityProvider: expected a capacity provider of cluster.capacityProviders or a built-in one (FARGATE, FARGATE_SPOT), found "FARGATE_SPOTT" (did you mean "FARGATE_SPOT"?)',
    ]);
  });

  it('an expectation with a wrong summary key is still said beside it', () => {
    const text = misspelt.replace('  - cost.total < 0.6\n', '  - cost.total < 0.6\n  - costt > 0\n');
    expect(text).not.toBe(misspelt);
    expect(problems('spott-costt', text)).toEqual([
      'services.web.capacityProviderStrategy[1].capacityProvider: expected a capacity provider of cluster.capacityProviders or a built-in one (FARGATE, FARGATE_SPOT), found "FARGATE_SPOTT" (did you mean "FARGATE_SPOT"?)',
      'expect[5]: "costt > 0": costt: no such key; did you mean cost?',
    ]);
  });

  it('with the scenario valid, a wrong name in an expectation is said', () => {
    const text = TEXT.replace('  - cost.total < 0.6\n', '  - cost.total < 0.6\n  - services.wbe.tasksStarted > 0\n');
    expect(problems('wbe', text)).toEqual([expect.stringMatching(/^expect\[5\]: "services\.wbe\.tasksStarted > 0": services\.wbe: no such key/)]);
  });
});
