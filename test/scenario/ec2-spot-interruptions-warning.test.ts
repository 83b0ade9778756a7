// An EC2 Spot group has no default interruption rate (AWS publishes none): without
// `spotInterruptions` ecsim never interrupts its instances, so a run on it shows the Spot
// discount with no interruption, as FARGATE_SPOT without `interruptions` does. Said once per
// such group that may launch (maxSize above 0), at its autoScalingGroup, whether or not a
// service places tasks there (its instances are charged either way).

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { cli, tempDir, writeScenario } from '../helpers.js';

const dir = tempDir();

function raw(edit: (s: any) => void = () => {}) {
  const s: any = {
    name: 'ec2-spot',
    duration: '30m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: {
        od: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 2, desiredCapacity: 1 } },
        spot: { autoScalingGroup: { instanceTypes: ['m5.large', 'c5.large'], purchaseOption: 'spot', minSize: 0, maxSize: 4, desiredCapacity: 2 } },
      },
      defaultCapacityProviderStrategy: [
        { capacityProvider: 'od', base: 1, weight: 1 },
        { capacityProvider: 'spot', weight: 1 },
      ],
    },
    taskDefinitions: { web: { cpu: 512, memory: 1024, networkMode: 'bridge' } },
    services: { web: { taskDefinition: 'web', desiredCount: 3 } },
  };
  edit(s);
  return s;
}
const said = (edit?: (s: any) => void) =>
  scenarioWarnings(loadScenarioObject('ec2-spot', raw(edit), { baseDir: '.' }))
    .filter((w) => w.message.includes('no spotInterruptions'))
    .map((w) => `${w.at.join('.')}: ${w.message}`);

describe('an EC2 Spot group with no spotInterruptions', () => {
  it('said at the group, with the key to set', () => {
    expect(said()).toEqual([
      'cluster.capacityProviders.spot.autoScalingGroup: is purchaseOption: spot with no spotInterruptions: its instances are never interrupted in this run, so they get the Spot discount with no interruption; set cluster.capacityProviders.spot.autoScalingGroup.spotInterruptions.meanTimeBetween (AWS publishes no rate: docs/assumptions.md) to model interruptions',
    ]);
  });

  it('not said with spotInterruptions, for an on-demand group, or a Spot group that cannot launch (maxSize 0)', () => {
    expect(said((s) => (s.cluster.capacityProviders.spot.autoScalingGroup.spotInterruptions = { meanTimeBetween: '6h' }))).toEqual([]);
    expect(said((s) => (s.cluster.capacityProviders.spot.autoScalingGroup.purchaseOption = 'on-demand'))).toEqual([]);
    expect(
      said((s) => {
        const g = s.cluster.capacityProviders.spot.autoScalingGroup;
        g.maxSize = 0;
        g.desiredCapacity = 0;
      }),
    ).toEqual([]);
  });

  it('two Spot groups without interruptions: said at each; validate prints it and exits 0', async () => {
    const both = (s: any) => (s.cluster.capacityProviders.spot2 = structuredClone(s.cluster.capacityProviders.spot));
    expect(said(both).map((m) => m.split(':')[0])).toEqual(['cluster.capacityProviders.spot.autoScalingGroup', 'cluster.capacityProviders.spot2.autoScalingGroup']);
    const file = writeScenario(dir, 'ec2-spot', raw());
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${file}: cluster.capacityProviders.spot.autoScalingGroup: is purchaseOption: spot with no spotInterruptions`);
  });
});
