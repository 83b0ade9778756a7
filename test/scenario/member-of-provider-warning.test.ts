// A memberOf the cluster can meet but one provider's group cannot: the tasks a service's
// capacity provider strategy gives to that provider wait for its capacity ("missing an
// attribute required by your task") and are never placed; with managed scaling the group
// grows to maxSize for them, one step per warm-up (its estimate reads the tasks' size, not
// their constraints). Said per provider given tasks (base or weight above 0), checked
// against the instance types its group launches (an on-demand group its first only), the
// cluster's AZs and its own attributes.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

interface Opts {
  aTypes?: string[];
  aSpot?: boolean;
  aAttributes?: Record<string, string>;
  bAttributes?: Record<string, string>;
  aManaged?: boolean;
  strategy?: { capacityProvider: string; base?: number; weight: number }[];
  launchType?: 'EC2';
}

function scenario(expression: string, o: Opts = {}): any {
  const managed = { status: 'ENABLED', targetCapacity: 100, instanceWarmupPeriod: '60s' };
  return {
    name: 'per-provider',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: {
        a: {
          autoScalingGroup: {
            instanceTypes: o.aTypes ?? ['m5.large'],
            ...(o.aSpot ? { purchaseOption: 'spot' } : {}),
            minSize: 0,
            maxSize: 8,
            desiredCapacity: 1,
            ...(o.aAttributes ? { attributes: o.aAttributes } : {}),
          },
          ...(o.aManaged === false ? {} : { managedScaling: managed }),
        },
        b: {
          autoScalingGroup: { instanceTypes: ['c5.large'], minSize: 0, maxSize: 6, desiredCapacity: 1, ...(o.bAttributes ? { attributes: o.bAttributes } : {}) },
          managedScaling: managed,
        },
      },
    },
    taskDefinitions: {
      t: { cpu: 256, memory: 512, placementConstraints: [{ type: 'memberOf', expression }] },
    },
    services: {
      s: {
        taskDefinition: 't',
        desiredCount: 4,
        ...(o.launchType ? { launchType: o.launchType } : { capacityProviderStrategy: o.strategy ?? [{ capacityProvider: 'a', weight: 1 }, { capacityProvider: 'b', weight: 1 }] }),
      },
    },
  };
}

const warned = (raw: unknown) =>
  scenarioWarnings(loadScenarioObject('per-provider', raw, { baseDir: '.' }))
    .filter((w) => w.message.startsWith('memberOf'))
    .map((w) => `${w.at.join('.')}: ${w.message}`);

const AT = 'taskDefinitions.t.placementConstraints.0.expression: ';
const forA = (expression: string, has: string, meets: string, grows = true) =>
  `${AT}memberOf "${expression}": the instances capacity provider a launches have ${has}, so none meets ${meets}: the tasks the capacity provider strategy gives to a are never placed and wait for its capacity ("missing an attribute required by your task")` +
  (grows ? '; its managed scaling counts them as needing new instances (its estimate reads their size, not their placement constraints) and grows the group up to its maxSize (8) for them, one step per instance warm-up' : '') +
  '; take a out of the strategy, or change its group or the expression';

describe('warning: a memberOf one capacity provider given tasks can never meet', () => {
  it('a type another group launches: said for the provider that launches none of it, with its maxSize', () => {
    const e = 'attribute:ecs.instance-type == c5.large';
    expect(warned(scenario(e))).toEqual([forA(e, 'ecs.instance-type m5.large', 'attribute:ecs.instance-type == c5.large')]);
  });

  it('an on-demand group launches its first type only; a Spot group every listed type', () => {
    const e = 'attribute:ecs.instance-type in [c5.large, c5.xlarge]';
    expect(warned(scenario(e, { aTypes: ['m5.large', 'c5.large'] }))).toEqual([
      // c5.xlarge is launched by no group: the cluster-wide did-you-mean is said too, without the clause
      `${AT}memberOf "${e}": no Auto Scaling group of the cluster launches c5.xlarge (they launch m5.large, c5.large; an on-demand group launches its first type only; did you mean "c5.large"?): no instance has that ecs.instance-type`,
      forA(e, 'ecs.instance-type m5.large', 'attribute:ecs.instance-type in [c5.large, c5.xlarge]'),
    ]);
    expect(warned(scenario('attribute:ecs.instance-type == c5.large', { aTypes: ['m5.large', 'c5.large'], aSpot: true }))).toEqual([]);
  });

  it("the group's own attributes: a value it does not have, an attribute it lacks", () => {
    expect(warned(scenario('attribute:tier == web', { aAttributes: { tier: 'api' }, bAttributes: { tier: 'web' } }))).toEqual([
      forA('attribute:tier == web', 'tier api', 'attribute:tier == web'),
    ]);
    expect(warned(scenario('attribute:tier exists and attribute:ecs.os-type == linux', { bAttributes: { tier: 'web' } }))).toEqual([
      forA('attribute:tier exists and attribute:ecs.os-type == linux', 'no attribute tier', 'attribute:tier exists'),
    ]);
  });

  it('without managed scaling: no growth clause', () => {
    const e = 'attribute:ecs.instance-type == c5.large';
    expect(warned(scenario(e, { aManaged: false }))).toEqual([forA(e, 'ecs.instance-type m5.large', 'attribute:ecs.instance-type == c5.large', false)]);
  });

  it('a provider given tasks by base alone counts; one with base and weight 0 does not', () => {
    const e = 'attribute:ecs.instance-type == c5.large';
    expect(warned(scenario(e, { strategy: [{ capacityProvider: 'a', base: 1, weight: 0 }, { capacityProvider: 'b', weight: 1 }] }))).toEqual([
      forA(e, 'ecs.instance-type m5.large', 'attribute:ecs.instance-type == c5.large'),
    ]);
    expect(warned(scenario(e, { strategy: [{ capacityProvider: 'a', weight: 0 }, { capacityProvider: 'b', weight: 1 }] }))).toEqual([]);
  });

  it('not said when the group can meet the expression or the comparison is not needed, nor for launchType EC2', () => {
    for (const e of [
      'attribute:ecs.instance-type in [m5.large, c5.large]',
      'attribute:ecs.instance-type == c5.large or attribute:ecs.availability-zone == us-east-1a',
      'not (attribute:ecs.instance-type == c5.large)',
      'attribute:ecs.instance-type != m5.large or runningTasksCount < 3',
    ]) {
      expect(warned(scenario(e))).toEqual([]);
    }
    expect(warned(scenario('attribute:ecs.instance-type == c5.large', { launchType: 'EC2' }))).toEqual([]);
  });

  it('a value no group launches keeps the cluster-wide wording alone (not one per provider)', () => {
    const ws = warned(scenario('attribute:ecs.instance-type == m5.xlarge'));
    expect(ws.length).toBe(1);
    expect(ws[0]).toContain('no Auto Scaling group of the cluster launches m5.xlarge');
    expect(ws[0]).toContain('the managed scaling of capacity providers a (maxSize 8), b (maxSize 6)');
  });
});
