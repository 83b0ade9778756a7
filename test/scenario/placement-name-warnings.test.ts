// The loader warns when a spread field or a memberOf expression names an attribute that no
// instance of the cluster has (built-in ones, the groups' attributes: ecsim has no
// PutAttributes), and when an == / in value or an =~ pattern on an attribute can never match
// (an AZ not in cluster.availabilityZones, a type no group launches, an os-type, os-family,
// cpu-architecture or ami-id no instance has, a custom attribute value no group gives: values
// compare exactly, case included), and an ec2InstanceId no ecsim instance has.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

const BUILT_IN = 'ecs.instance-type, ecs.availability-zone, ecs.cpu-architecture, ecs.os-type, ecs.os-family, ecs.ami-id';

function scenario(service: object, td: object = {}, spotTypes?: string[]): any {
  return {
    name: 'names',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      capacityProviders: {
        ec2: { autoScalingGroup: { instanceTypes: ['m5.large', 'c5.large'], minSize: 1, maxSize: 1, attributes: { tier: 'web' } } },
        ...(spotTypes ? { spot: { autoScalingGroup: { instanceTypes: spotTypes, purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '30d' }, minSize: 1, maxSize: 1 } } } : {}),
      },
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'bridge', ...td } },
    services: { web: { taskDefinition: 'app', desiredCount: 1, launchType: 'EC2', ...service } },
  };
}

// (group ec2 lists c5.large second on purpose: the on-demand-types warning it brings is tested in on-demand-types-warning.test.ts)
const warned = (raw: unknown) =>
  scenarioWarnings(loadScenarioObject('names', raw, { baseDir: '.' }))
    .map((w) => `${w.at.join('.')}: ${w.message}`)
    .filter((w) => !/launches only its first listed type/.test(w))
    // (spread on the AZ alone is warned of apart: az-spread-alone-warning.test.ts)
    .filter((w) => !/spread on attribute:ecs\.availability-zone alone/.test(w));
const memberOf = (expression: string) => ({ placementConstraints: [{ type: 'memberOf', expression }] });
const known = `instances have the built-in attributes (${BUILT_IN}) and their group's autoScalingGroup.attributes (tier); ecsim has no PutAttributes`;

describe('warning: placement names no instance has', () => {
  it('spread on attribute:ecs.availability_zone (underscore) or attribute:teir', () => {
    expect(warned(scenario({ placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability_zone' }] }))).toEqual([
      `services.web.placementStrategy.0.field: attribute "ecs.availability_zone" is set on no instance of the cluster (did you mean "ecs.availability-zone"?): ${known}: every instance lacks it and counts as one value, so this spread does nothing`,
    ]);
    expect(warned(scenario({ placementStrategy: [{ type: 'binpack', field: 'cpu' }, { type: 'spread', field: 'attribute:teir' }] }))).toEqual([
      `services.web.placementStrategy.1.field: attribute "teir" is set on no instance of the cluster (did you mean "tier"?): ${known}: every instance lacks it and counts as one value, so this spread does nothing`,
    ]);
  });

  it('not warned for built-in attributes, a group attribute, instanceId', () => {
    for (const field of ['attribute:ecs.availability-zone', 'attribute:ecs.instance-type', 'attribute:tier', 'instanceId', 'host']) {
      expect(warned(scenario({ placementStrategy: [{ type: 'spread', field }] }))).toEqual([]);
    }
    expect(warned(scenario(memberOf('attribute:tier == web and attribute:ecs.availability-zone in [us-east-1a, us-east-1b] and attribute:ecs.instance-type == m5.large')))).toEqual([]);
  });

  it('memberOf on a misspelt attribute: what the comparison does on every instance (missing: passes != and not_exists only)', () => {
    expect(warned(scenario(memberOf('attribute:ecs.availabilty-zone == us-east-1a')))).toEqual([
      `services.web.placementConstraints.0.expression: memberOf "attribute:ecs.availabilty-zone == us-east-1a": attribute "ecs.availabilty-zone" is set on no instance of the cluster (did you mean "ecs.availability-zone"?): ${known}, so attribute:ecs.availabilty-zone == ... is true on no instance; its tasks are never placed`,
    ]);
    expect(warned(scenario(memberOf('attribute:teir != db')))).toEqual([
      `services.web.placementConstraints.0.expression: memberOf "attribute:teir != db": attribute "teir" is set on no instance of the cluster (did you mean "tier"?): ${known}, so attribute:teir != ... is true on every instance`,
    ]);
  });

  it('an AZ outside cluster.availabilityZones, a type no group launches (an on-demand group launches its first only), in the task definition too', () => {
    expect(warned(scenario(memberOf('attribute:ecs.availability-zone == us-east-1d')))).toEqual([
      `services.web.placementConstraints.0.expression: memberOf "attribute:ecs.availability-zone == us-east-1d": "us-east-1d" is not one of the cluster's availabilityZones (us-east-1a, us-east-1b, us-east-1c): no instance has that ecs.availability-zone; its tasks are never placed`,
    ]);
    // another zone of the region (only its letter differs) is no typo: no "did you mean"; a slip of case or spelling is
    expect(warned(scenario(memberOf('attribute:ecs.availability-zone == us-east-1A')))[0]).toContain('(us-east-1a, us-east-1b, us-east-1c; did you mean "us-east-1a"?)');
    expect(warned(scenario(memberOf('attribute:ecs.availability-zone == us-eats-1b')))[0]).toContain('(us-east-1a, us-east-1b, us-east-1c; did you mean "us-east-1b"?)');
    // c5.large is listed second in the on-demand group: never launched
    expect(warned(scenario({}, memberOf('attribute:ecs.instance-type in [m5.large, c5.large]')))).toEqual([
      `taskDefinitions.app.placementConstraints.0.expression: memberOf "attribute:ecs.instance-type in [m5.large, c5.large]": no Auto Scaling group of the cluster launches c5.large (they launch m5.large; an on-demand group launches its first type only; did you mean "m5.large"?): no instance has that ecs.instance-type`,
    ]);
    // a Spot group launching it
    expect(warned(scenario({}, memberOf('attribute:ecs.instance-type == c5.large'), ['c6g.large', 'c5.large']))).toEqual([]);
  });

  it('a task:group == or in value that is no service:NAME (ecsim runs services only: a service\'s tasks are in group service:NAME)', () => {
    const groups = 'ecsim runs services only, and a service\'s tasks are in the task group service:NAME (service:web)';
    expect(warned(scenario(memberOf('task:group == web')))).toEqual([
      `services.web.placementConstraints.0.expression: memberOf "task:group == web": no task is in group "web": ${groups}; its tasks are never placed; did you mean "service:web"?`,
    ]);
    expect(warned(scenario(memberOf('task:group in [service:web, service:db]')))).toEqual([
      `services.web.placementConstraints.0.expression: memberOf "task:group in [service:web, service:db]": no task is in group "service:db": ${groups}; did you mean "service:web"?`,
    ]);
    // under or: the other side may hold, only the value is said
    expect(warned(scenario(memberOf('task:group == web or attribute:tier == web')))).toEqual([
      `services.web.placementConstraints.0.expression: memberOf "task:group == web or attribute:tier == web": no task is in group "web": ${groups}; did you mean "service:web"?`,
    ]);
    // a service's own group, != and not in: nothing to say
    expect(warned(scenario(memberOf('task:group == service:web')))).toEqual([]);
    expect(warned(scenario(memberOf('task:group != web')))).toEqual([]);
  });

  // the values an instance of this cluster has (hand-read from the scenario and the model):
  // ecs.os-type linux (osType default), ecs.os-family LINUX (LINUX_OS_FAMILY), ecs.cpu-architecture
  // x86_64 (m5.large; c5.large is never launched), ecs.ami-id ami-ecs-optimized-al2023, tier web
  const at = 'services.web.placementConstraints.0.expression';
  it('an os-type, os-family, cpu-architecture, ami-id or custom attribute value no instance has (case included), with a did-you-mean', () => {
    const exact = 'values compare exactly, case included';
    expect(warned(scenario(memberOf('attribute:ecs.os-type == LINUX')))).toEqual([
      `${at}: memberOf "attribute:ecs.os-type == LINUX": "LINUX" is not the ecs.os-type of any instance of the cluster (the groups' osType: linux; ${exact}; did you mean "linux"?): no instance has that ecs.os-type; its tasks are never placed`,
    ]);
    expect(warned(scenario(memberOf('attribute:ecs.os-family == linux')))).toEqual([
      `${at}: memberOf "attribute:ecs.os-family == linux": "linux" is not the ecs.os-family of any instance of the cluster (ecsim models Linux instances only: LINUX; ${exact}; did you mean "LINUX"?): no instance has that ecs.os-family; its tasks are never placed`,
    ]);
    expect(warned(scenario(memberOf('attribute:ecs.cpu-architecture == x86-64')))).toEqual([
      `${at}: memberOf "attribute:ecs.cpu-architecture == x86-64": "x86-64" is not the ecs.cpu-architecture of any instance of the cluster (the architectures of the types the groups launch: x86_64; ${exact}; did you mean "x86_64"?): no instance has that ecs.cpu-architecture; its tasks are never placed`,
    ]);
    expect(warned(scenario(memberOf('attribute:ecs.ami-id == ami-custom')))).toEqual([
      `${at}: memberOf "attribute:ecs.ami-id == ami-custom": "ami-custom" is not the ecs.ami-id of any instance of the cluster (the groups' amiId: ami-ecs-optimized-al2023; ${exact}): no instance has that ecs.ami-id; its tasks are never placed`,
    ]);
    expect(warned(scenario(memberOf('attribute:tier in [Web, api]')))).toEqual([
      `${at}: memberOf "attribute:tier in [Web, api]": "Web" is not the tier of any instance of the cluster (the values the groups' autoScalingGroup.attributes give it: web; ${exact}; did you mean "web"?): no instance has that tier; its tasks are never placed`,
      `${at}: memberOf "attribute:tier in [Web, api]": "api" is not the tier of any instance of the cluster (the values the groups' autoScalingGroup.attributes give it: web; ${exact}): no instance has that tier; its tasks are never placed`,
    ]);
  });

  it('a custom attribute one group lacks: a value of another group is not warned of; arm64 from a Spot group', () => {
    const s = scenario(memberOf('attribute:ecs.cpu-architecture == arm64 and attribute:tier == web'), {}, ['c6g.large']);
    expect(warned(s)).toEqual([]);
  });

  // the instances this cluster can have (hand-read from scenario()): group ec2 launches
  // m5.large only (on-demand: its first type), in us-east-1a, -1b, -1c, all with tier web
  it('a negated comparison (!=, not_in, !~, not_exists; or their word forms) that excludes every value an instance can have', () => {
    const types = 'the types the groups launch; an on-demand group launches its first type only: m5.large';
    const never = 'no instance meets it; its tasks are never placed';
    for (const op of ['!=', 'not_equals']) {
      expect(warned(scenario(memberOf(`attribute:ecs.instance-type ${op} m5.large`)))).toEqual([
        `${at}: memberOf "attribute:ecs.instance-type ${op} m5.large": "m5.large" is the only ecs.instance-type an instance of the cluster can have (${types}), so != excludes every instance: ${never}`,
      ]);
    }
    expect(warned(scenario(memberOf('attribute:ecs.availability-zone not_in [us-east-1c, us-east-1a, us-east-1b, x]')))).toEqual([
      `${at}: memberOf "attribute:ecs.availability-zone not_in [us-east-1c, us-east-1a, us-east-1b, x]": [us-east-1c, us-east-1a, us-east-1b, x] holds every ecs.availability-zone an instance of the cluster can have (the cluster's availabilityZones: us-east-1a, us-east-1b, us-east-1c), so not_in excludes every instance: ${never}`,
    ]);
    for (const op of ['!~', 'not_matches']) {
      expect(warned(scenario(memberOf(`attribute:ecs.instance-type ${op} m5.*`)))).toEqual([
        `${at}: memberOf "attribute:ecs.instance-type ${op} m5.*": the pattern m5.* matches every value of ecs.instance-type an instance of the cluster can have (${types}; it matches the whole value), so !~ excludes every instance: ${never}`,
      ]);
    }
    expect(warned(scenario(memberOf('attribute:tier !exists')))).toEqual([
      `${at}: memberOf "attribute:tier !exists": every instance of the cluster has tier (the values the groups' autoScalingGroup.attributes give it: web), so not_exists excludes every instance: ${never}`,
    ]);
    // under or: said, without "never placed" (the other side may hold)
    expect(warned(scenario(memberOf('attribute:ecs.instance-type != m5.large or attribute:tier == web')))).toEqual([
      `${at}: memberOf "attribute:ecs.instance-type != m5.large or attribute:tier == web": "m5.large" is the only ecs.instance-type an instance of the cluster can have (${types}), so != excludes every instance: no instance meets it`,
    ]);
  });

  it('a negated comparison some instance meets, or under not, or on a custom attribute some group lacks: no warning', () => {
    // c5.large is listed but never launched (an on-demand group launches its first type): excluding it leaves m5.large
    expect(warned(scenario(memberOf('attribute:ecs.instance-type != c5.large')))).toEqual([]);
    expect(warned(scenario(memberOf('attribute:ecs.availability-zone not_in [us-east-1a, us-east-1b]')))).toEqual([]);
    expect(warned(scenario(memberOf('attribute:ecs.instance-type !~ c5.*')))).toEqual([]);
    // case counts: M5.* matches no m5.large, so m5.large instances meet !~ M5.*
    expect(warned(scenario(memberOf('attribute:ecs.instance-type !~ M5.*')))).toEqual([]);
    // under not: not(x != m5.large) asks for x == m5.large, which holds
    expect(warned(scenario(memberOf('not(attribute:ecs.instance-type != m5.large)')))).toEqual([]);
    // the Spot group's instances have no tier: they meet tier != web and !exists
    expect(warned(scenario(memberOf('attribute:tier != web'), {}, ['c6g.large']))).toEqual([]);
    expect(warned(scenario(memberOf('attribute:tier !exists'), {}, ['c6g.large']))).toEqual([]);
    // a second type a Spot group launches remains
    expect(warned(scenario(memberOf('attribute:ecs.instance-type != m5.large'), {}, ['c6g.large']))).toEqual([]);
  });

  it('an =~ pattern that matches none of the values (whole value, case included), with what it would match ignoring case', () => {
    expect(warned(scenario(memberOf('attribute:ecs.instance-type =~ M5.*')))).toEqual([
      `${at}: memberOf "attribute:ecs.instance-type =~ M5.*": the pattern M5.* matches none of the values of ecs.instance-type an instance of the cluster can have (the types the groups launch; an on-demand group launches its first type only: m5.large; it must match the whole value, case included, unless it begins (?i); ignoring case it would match m5.large): no instance meets it; its tasks are never placed`,
    ]);
    expect(warned(scenario(memberOf('attribute:ecs.availability-zone =~ eu-.*')))).toEqual([
      `${at}: memberOf "attribute:ecs.availability-zone =~ eu-.*": the pattern eu-.* matches none of the values of ecs.availability-zone an instance of the cluster can have (the cluster's availabilityZones: us-east-1a, us-east-1b, us-east-1c; it must match the whole value, case included, unless it begins (?i)): no instance meets it; its tasks are never placed`,
    ]);
    // m5 matches only part of m5.large: the whole value must match
    expect(warned(scenario(memberOf('attribute:ecs.instance-type =~ m5')))).toHaveLength(1);
    for (const e of ['attribute:ecs.instance-type =~ m5.*', 'attribute:ecs.instance-type =~ (?i)M5.*', 'attribute:tier =~ w.b', 'attribute:ecs.instance-type !~ M5.*']) {
      expect(warned(scenario(memberOf(e))), e).toEqual([]);
    }
  });

  it('an ec2InstanceId no instance has: ecsim names them i- and 17 lower-case hex digits, from i-00000000000000001, in launch order', () => {
    const names = 'ecsim names its instances i-00000000000000001, i-00000000000000002, ... (i- and 17 lower-case hex digits) in the order they launch';
    expect(warned(scenario(memberOf('ec2InstanceId in [i-1]')))).toEqual([
      `${at}: memberOf "ec2InstanceId in [i-1]": no instance has ec2InstanceId "i-1": ${names}; its tasks are never placed; did you mean "i-00000000000000001"?`,
    ]);
    expect(warned(scenario(memberOf('ec2InstanceId == i-0000000000000000A')))).toEqual([
      `${at}: memberOf "ec2InstanceId == i-0000000000000000A": no instance has ec2InstanceId "i-0000000000000000A": ${names}; its tasks are never placed; did you mean "i-0000000000000000a"?`,
    ]);
    expect(warned(scenario(memberOf('ec2InstanceId == i-00000000000000000')))).toEqual([
      `${at}: memberOf "ec2InstanceId == i-00000000000000000": no instance has ec2InstanceId "i-00000000000000000": ${names}; its tasks are never placed`,
    ]);
    // an AWS id copied from a live cluster: its 17 digits count past any launch count (0xffffffff)
    const past = 'and its hex digits count past ffffffff (4294967295) launches, more than a run makes: an id from a live AWS cluster names no ecsim instance';
    expect(warned(scenario(memberOf('ec2InstanceId == i-0123456789abcdef0')))).toEqual([
      `${at}: memberOf "ec2InstanceId == i-0123456789abcdef0": no instance has ec2InstanceId "i-0123456789abcdef0": ${names}, ${past}; its tasks are never placed`,
    ]);
    // 0xffffffff is the last id taken as launchable; the one after is not
    expect(warned(scenario(memberOf('ec2InstanceId in [i-000000000ffffffff, i-00000000100000000]')))).toEqual([
      `${at}: memberOf "ec2InstanceId in [i-000000000ffffffff, i-00000000100000000]": no instance has ec2InstanceId "i-00000000100000000": ${names}, ${past}`,
    ]);
    for (const e of ['ec2InstanceId == i-00000000000000001', 'ec2InstanceId in [i-0000000000000001f]', 'ec2InstanceId != i-1', 'ec2InstanceId not_in [i-1]']) {
      expect(warned(scenario(memberOf(e))), e).toEqual([]);
    }
  });

  it('values in their right case, and operators true on some instance whatever the value (!=, not_in, exists), give no warning', () => {
    for (const e of [
      'attribute:ecs.os-type == linux and attribute:ecs.os-family == LINUX and attribute:ecs.cpu-architecture == x86_64',
      'attribute:ecs.ami-id == ami-ecs-optimized-al2023 and attribute:tier == web',
      'attribute:ecs.os-type != LINUX',
      'attribute:tier not_in [Web]',
      'attribute:ecs.os-family exists',
      'attribute:tier > Web',
    ]) {
      expect(warned(scenario(memberOf(e))), e).toEqual([]);
    }
  });

  it('a value under an odd number of not is an exclusion the expression asks for, as with != and not_in: not warned of; a misspelt attribute name is', () => {
    for (const e of [
      'attribute:ecs.instance-type != t3.micro',
      'not(attribute:ecs.instance-type == t3.micro)',
      'not(attribute:ecs.instance-type in [t3.micro, t3.small])',
      'not(attribute:ecs.availability-zone == us-east-1d) and attribute:tier == web',
      'not(attribute:ecs.os-type == LINUX or attribute:tier in [api])',
      'not(attribute:ecs.availability-zone =~ eu-.*)',
      'not(ec2InstanceId in [i-1])',
      'not(task:group == db)',
      'not(not(not(attribute:tier == api)))',
    ]) {
      expect(warned(scenario(memberOf(e))), e).toEqual([]);
    }
    // two not: the comparison is asked for again
    expect(warned(scenario(memberOf('not(not(attribute:tier == api))')))).toEqual([
      `${at}: memberOf "not(not(attribute:tier == api))": "api" is not the tier of any instance of the cluster (the values the groups' autoScalingGroup.attributes give it: web; values compare exactly, case included): no instance has that tier; its tasks are never placed`,
    ]);
    // the not covers the first comparison only
    expect(warned(scenario(memberOf('not(attribute:tier == api) or attribute:ecs.availability-zone == us-east-1d')))).toEqual([
      `${at}: memberOf "not(attribute:tier == api) or attribute:ecs.availability-zone == us-east-1d": "us-east-1d" is not one of the cluster's availabilityZones (us-east-1a, us-east-1b, us-east-1c): no instance has that ecs.availability-zone`,
    ]);
    expect(warned(scenario(memberOf('not(attribute:teir == web)')))).toEqual([
      `${at}: memberOf "not(attribute:teir == web)": attribute "teir" is set on no instance of the cluster (did you mean "tier"?): ${known}, so attribute:teir == ... is true on no instance`,
    ]);
  });

  it('a needed comparison no instance meets adds that the tasks are never placed, on a plain EC2 group too', () => {
    // launchType EC2 on group ec2 (no managed scaling): no task is ever placed, and nothing grows
    expect(warned(scenario(memberOf('ec2InstanceId == i-1 and attribute:tier == web')))).toEqual([
      `${at}: memberOf "ec2InstanceId == i-1 and attribute:tier == web": no instance has ec2InstanceId "i-1": ecsim names its instances i-00000000000000001, i-00000000000000002, ... (i- and 17 lower-case hex digits) in the order they launch; its tasks are never placed; did you mean "i-00000000000000001"?`,
    ]);
    // under or: another instance may meet the other side, only the value is said
    expect(warned(scenario(memberOf('ec2InstanceId == i-1 or attribute:tier == web')))).toEqual([
      `${at}: memberOf "ec2InstanceId == i-1 or attribute:tier == web": no instance has ec2InstanceId "i-1": ecsim names its instances i-00000000000000001, i-00000000000000002, ... (i- and 17 lower-case hex digits) in the order they launch; did you mean "i-00000000000000001"?`,
    ]);
  });

  it('a needed comparison no instance meets adds that the tasks are never placed and managed scaling grows for them; one under or says only the value', () => {
    const s = scenario({ ...memberOf('attribute:ecs.os-type == LINUX'), capacityProviderStrategy: [{ capacityProvider: 'ec2', weight: 1 }], launchType: undefined });
    s.cluster.capacityProviders.ec2.managedScaling = { status: 'ENABLED', targetCapacity: 100 };
    expect(warned(s)).toEqual([
      `${at}: memberOf "attribute:ecs.os-type == LINUX": "LINUX" is not the ecs.os-type of any instance of the cluster (the groups' osType: linux; values compare exactly, case included; did you mean "linux"?): no instance has that ecs.os-type; its tasks are never placed, and the managed scaling of capacity provider ec2 (maxSize 1) counts them as needing new instances (its estimate reads their size, not their placement constraints) and grows the group up to maxSize for them, one step per instance warm-up`,
    ]);
    const t = scenario({ ...memberOf('attribute:ecs.os-type == LINUX or attribute:tier == web'), capacityProviderStrategy: [{ capacityProvider: 'ec2', weight: 1 }], launchType: undefined });
    t.cluster.capacityProviders.ec2.managedScaling = { status: 'ENABLED', targetCapacity: 100 };
    expect(warned(t)).toEqual([
      `${at}: memberOf "attribute:ecs.os-type == LINUX or attribute:tier == web": "LINUX" is not the ecs.os-type of any instance of the cluster (the groups' osType: linux; values compare exactly, case included; did you mean "linux"?): no instance has that ecs.os-type`,
    ]);
  });
});
