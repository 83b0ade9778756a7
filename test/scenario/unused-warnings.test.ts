// A task definition no service uses, or FARGATE/FARGATE_SPOT settings no service's strategy
// (or launchType) reaches, change nothing in the run: valid, so not refused, but said, as
// the house rule "never silently ignore input" asks. An Auto Scaling group with no service is
// capacity all the same (launched and charged), and FARGATE written without settings only
// mirrors the cluster's providers: neither is warned of.

import { describe, it, expect } from 'vitest';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, scenarioWarnings } from '../../src/scenario/index.js';

const dir = tempDir();
const warned = (file: string) => scenarioWarnings(loadScenarioFile(file)).map((w) => `${w.at.join('.')}: ${w.message}`);

describe('declared but used by no service', () => {
  it('a task definition no service names is warned of, naming it', async () => {
    const s = quickstart();
    s.taskDefinitions.spare = { cpu: 256, memory: 512 };
    const file = writeScenario(dir, 'spare-td', s);
    expect(warned(file)).toEqual(['taskDefinitions.spare: no service uses task definition spare: it has no effect on the run']);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*spare-td\.yaml: taskDefinitions\.spare: no service uses task definition spare/);
  });

  it('FARGATE_SPOT with settings and no service on it is warned of; FARGATE written bare is not', () => {
    const s = quickstart();
    s.cluster.capacityProviders.FARGATE_SPOT = { interruptions: { meanTimeBetween: '30m' } };
    s.cluster.capacityProviders.FARGATE = {};
    expect(warned(writeScenario(dir, 'spare-spot', s))).toEqual([
      "cluster.capacityProviders.FARGATE_SPOT: no service's capacity provider strategy uses FARGATE_SPOT: its settings have no effect on the run",
    ]);
  });

  it('the library: an Auto Scaling group, FARGATE settings reached through launchType FARGATE, and every task definition in use give no warning', () => {
    for (const f of ['scenarios/quickstart.yaml', 'scenarios/compare-quickstart.yaml', 'scenarios/business-hours.yaml', 'scenarios/fargate-spot.yaml']) {
      expect(warned(f), f).toEqual([]);
    }
  });
});
