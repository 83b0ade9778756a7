// FARGATE_SPOT has no default interruption rate (AWS publishes none): without
// `interruptions` ecsim never reclaims a FARGATE_SPOT task, so a run on it shows the Fargate
// Spot discount with no reclaim. Said once when a strategy gives it tasks, at
// cluster.capacityProviders.FARGATE_SPOT when written, else at the first strategy item giving
// it tasks, naming the services. fargate-spot.yaml: web on FARGATE base 2 + FARGATE_SPOT
// weight 1, interruptions every 1h.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { cli, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, scenarioWarnings } from '../../src/scenario/index.js';

const dir = tempDir();
const said = (s: any, name: string) =>
  scenarioWarnings(loadScenarioFile(writeScenario(dir, name, s)))
    .filter((w) => w.message.includes('no interruptions'))
    .map((w) => `${w.at.join('.')}: ${w.message}`);
const fargateSpot = () => {
  const s = parse(readFileSync('scenarios/fargate-spot.yaml', 'utf8'));
  delete s.variants;
  delete s.expect;
  return s;
};

describe('FARGATE_SPOT given tasks with no interruptions', () => {
  it('with interruptions (the library scenario): not said', () => {
    expect(said(fargateSpot(), 'with')).toEqual([]);
  });

  it('FARGATE_SPOT written without interruptions: said at its key, naming the service; validate exits 0', async () => {
    const s = fargateSpot();
    s.cluster.capacityProviders.FARGATE_SPOT = {};
    const [m, ...rest] = said(s, 'written');
    expect(rest).toEqual([]);
    expect(m).toMatch(/^cluster\.capacityProviders\.FARGATE_SPOT: FARGATE_SPOT has no interruptions: its tasks \(service web\) are never reclaimed in this run/);
    expect(m).toContain('set cluster.capacityProviders.FARGATE_SPOT.interruptions.meanTimeBetween');
    const file = writeScenario(dir, 'written-cli', s);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${file}: cluster.capacityProviders.FARGATE_SPOT: FARGATE_SPOT has no interruptions`);
  });

  it('FARGATE_SPOT not written: said at the strategy item giving it tasks', () => {
    const s = fargateSpot();
    delete s.cluster.capacityProviders.FARGATE_SPOT;
    const [m, ...rest] = said(s, 'unwritten');
    expect(rest).toEqual([]);
    expect(m).toMatch(/^services\.web\.capacityProviderStrategy\.1: gives tasks to FARGATE_SPOT, which has no interruptions: its tasks \(service web\) /);
  });

  it("through the cluster's default strategy, two services: said once, at the default's item, naming both", () => {
    const s = fargateSpot();
    delete s.cluster.capacityProviders.FARGATE_SPOT;
    s.cluster.defaultCapacityProviderStrategy = s.services.web.capacityProviderStrategy;
    delete s.services.web.capacityProviderStrategy;
    s.services.api = structuredClone(s.services.web);
    const [m, ...rest] = said(s, 'default');
    expect(rest).toEqual([]);
    expect(m).toMatch(/^cluster\.defaultCapacityProviderStrategy\.1: gives tasks to FARGATE_SPOT, which has no interruptions: its tasks \(services web, api\) /);
  });

  it('not said for a FARGATE_SPOT item of base 0 and weight 0 (given no tasks), nor all on FARGATE', () => {
    const zero = fargateSpot();
    delete zero.cluster.capacityProviders.FARGATE_SPOT;
    zero.services.web.capacityProviderStrategy = [
      { capacityProvider: 'FARGATE', weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 0 },
    ];
    expect(said(zero, 'zero')).toEqual([]);
    const onDemand = fargateSpot();
    delete onDemand.cluster.capacityProviders.FARGATE_SPOT;
    onDemand.services.web.capacityProviderStrategy = [{ capacityProvider: 'FARGATE', weight: 1 }];
    expect(said(onDemand, 'ondemand')).toEqual([]);
  });
});
