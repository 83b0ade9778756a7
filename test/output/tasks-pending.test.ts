// tasks.csv's pending_s (an addition at the end of the contract's columns): when the task
// entered PENDING, from which Fargate bills it, so a Fargate cost can be checked from the file.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runToFolder } from '../../src/output/run-to-folder.js';
import { tempDir } from '../helpers.js';

describe('tasks.csv pending_s', () => {
  it('is the last column; a Fargate task PENDING after its provisioning delay, RUNNING after its image pull; its cost billed from PENDING', () => {
    const s = {
      name: 'pending',
      duration: '1h',
      cluster: { availabilityZones: ['us-east-1a', 'us-east-1b'], capacityProviders: { FARGATE: { provisioningDelay: '10s' } } },
      taskDefinitions: { web: { cpu: 512, memory: 1024, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], startup: { imagePull: '30s', containerStart: 0 } } },
      services: { web: { taskDefinition: 'web', desiredCount: 2, capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] } },
    };
    const dir = join(tempDir('ecsim-pending-'), 'run');
    runToFolder(loadScenarioObject('pending', s, { baseDir: '.' }), { outDir: dir, seed: 1 });
    const [header, ...rows] = readFileSync(join(dir, 'tasks.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
    expect(header.slice(-2)).toEqual(['stop_reason', 'pending_s']);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => [r[col('created_s')], r[col('pending_s')], r[col('running_s')]])).toEqual([
      ['0', '10', '40'],
      ['0', '10', '40'],
    ]);
    // 0.5 vCPU x 0.04048 + 1 GB x 0.004445 = 0.024685 USD/h, from PENDING (10 s) to the end (3600 s): 2 x 0.024685 x 3590 / 3600
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.cost.byProvider.FARGATE).toBeCloseTo((2 * 0.024685 * 3590) / 3600, 6);
  });
});
