// `expect:` in a scenario: `ecsim run` exits 3 and prints each failed expectation with the
// value found (outputs.md exit codes); a malformed or unknown path is a load error (exit 2).

import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';

describe('scenario expectations', () => {
  const dir = tempDir();

  it('all met: exit 0 and a closing count', async () => {
    const s = quickstart();
    s.expect = ['services.web.desiredCount.max <= 12', 'cost.total < 1'];
    const r = await cli('run', writeScenario(dir, 'met', s), '--out', join(dir, 'met'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/expectations: all 2 met/);
  });

  it('one fails: exit 3, the failure with the value found; results are still written', async () => {
    const s = quickstart();
    s.expect = ['services.web.desiredCount.max <= 4', 'cost.total < 1'];
    const out = join(dir, 'failed');
    const r = await cli('run', writeScenario(dir, 'failed', s), '--out', out, '--quiet');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/FAIL services\.web\.desiredCount\.max <= 4: services\.web\.desiredCount\.max = 8, expected <= 4/);
    expect(r.stderr).toMatch(/expectations: 1 of 2 failed/);
    expect(existsSync(join(out, 'summary.json'))).toBe(true);
  });

  it('an unknown service in an expectation is a load error naming expect[i]', async () => {
    const s = quickstart();
    s.expect = ['services.wbe.latencyMs.p95 < 250'];
    const r = await cli('validate', writeScenario(dir, 'unknown', s));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/expect\[0\]: .*services\.wbe: no such key; did you mean web\?/);
  });
});
