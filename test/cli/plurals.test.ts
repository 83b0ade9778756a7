// One-line CLI messages count in English: "1 service", "1 replication" (review item 13).

import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { counted } from '../../src/output/plural.js';
import { cli, tempDir } from '../helpers.js';

describe('counts in CLI messages', () => {
  it('counted: singular for 1, plural otherwise', () => {
    expect([counted(0, 'point'), counted(1, 'point'), counted(2, 'point'), counted(1, 'replication')]).toEqual(['0 points', '1 point', '2 points', '1 replication']);
  });

  it('sweep and compare say "x 1 replication"', async () => {
    const dir = tempDir();
    const sweep = await cli('sweep', 'scenarios/compare-quickstart.yaml', '--duration', '10m', '--replications', '1', '--jobs', '1', '--shard', '1/8', '--no-runs', '--out', join(dir, 'sw'));
    expect(sweep.code).toBe(0);
    expect(sweep.stdout).toMatch(/^compare-quickstart sweep 1\/8: 1 of 8 points x 1 replication in /m);
    const compare = await cli('compare', 'scenarios/compare-quickstart.yaml', '--duration', '10m', '--replications', '1', '--jobs', '1', '--out', join(dir, 'cmp'));
    expect(compare.code).toBe(0);
    expect(compare.stdout).toMatch(/^compare-quickstart: 3 variants x 1 replication in /m);
  });
});
