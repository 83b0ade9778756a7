// Settings that can never act: a publishDelay that puts the first datapoint at or after the
// end of the run (no policy sees one), managedScaling settings beside status DISABLED (ECS
// does not scale the group). Warned of. A zone named twice in availabilityZones is refused.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, ScenarioError, scenarioWarnings } from '../../src/scenario/index.js';
import { quickstart } from '../helpers.js';

type Mutation = (s: Record<string, any>) => void;

function warnings(mutate: Mutation): string[] {
  const s = quickstart();
  mutate(s);
  return scenarioWarnings(loadScenarioObject('s.yaml', s)).map((w) => `${w.at.join('.')}: ${w.message}`);
}

describe('settings that never act', () => {
  it('publishDelay: the first datapoint visible at the end of the run (1m + 59m = 1h) is warned of; a minute earlier is not', () => {
    expect(warnings((s) => (s.metrics = { period: '60s', publishDelay: '59m' }))).toContain(
      'metrics.publishDelay: 59m: the first datapoint (of [0, 1m)) is visible at 1h (period + publishDelay), at or after the end of the run (1h), so the scaling policies of web never see a datapoint; shorten publishDelay or lengthen the run',
    );
    expect(warnings((s) => (s.metrics = { period: '60s', publishDelay: '58m' })).filter((w) => w.startsWith('metrics.'))).toEqual([]);
  });

  it('publishDelay past the end of a run cut short by --duration is not warned of (short on purpose)', () => {
    const s = quickstart();
    const resolved = loadScenarioObject('s.yaml', s, { durationMs: 60_000 });
    expect(scenarioWarnings(resolved, { durationOverridden: true }).filter((w) => w.at[0] === 'metrics')).toEqual([]);
    expect(scenarioWarnings(resolved).filter((w) => w.at[0] === 'metrics')).toHaveLength(1);
  });

  it('publishDelay past the end with nothing reading metrics is not warned of', () => {
    expect(warnings((s) => ((s.metrics = { period: '60s', publishDelay: '2h' }), delete s.services.web.autoScaling)).filter((w) => w.startsWith('metrics.'))).toEqual([]);
  });

  it('managedScaling settings beside status DISABLED are warned of; status DISABLED alone is not', () => {
    const ms = (managedScaling: Record<string, unknown>): Mutation => (s) => (s.cluster.capacityProviders.ec2.managedScaling = managedScaling);
    expect(warnings(ms({ status: 'DISABLED', targetCapacity: 80, instanceWarmupPeriod: '60s' }))).toContain(
      'cluster.capacityProviders.ec2.managedScaling: status DISABLED: ECS does not scale the group, so targetCapacity, instanceWarmupPeriod have no effect on the run; set status ENABLED or remove them',
    );
    expect(warnings(ms({ status: 'DISABLED' })).filter((w) => w.includes('managedScaling'))).toEqual([]);
    expect(warnings(ms({ status: 'ENABLED', targetCapacity: 80 })).filter((w) => w.includes('status DISABLED'))).toEqual([]);
  });

  it('a zone named twice in availabilityZones is refused', () => {
    const s = quickstart();
    s.cluster.availabilityZones = ['us-east-1a', 'us-east-1b', 'us-east-1a'];
    expect(() => loadScenarioObject('s.yaml', s)).toThrow(ScenarioError);
    expect(() => loadScenarioObject('s.yaml', s)).toThrow('cluster.availabilityZones[2]: expected distinct zones, found "us-east-1a" again (the same as [0]); remove one');
  });
});
