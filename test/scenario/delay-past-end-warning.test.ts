// A model delay whose least value is at or after the end of the run is warned of (likely a
// bare number meant as milliseconds, which is seconds: `launchDelay: 60000` is 16h40m, so in
// a 1 h run no instance registers and every request is dropped).

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

function scenario(over: { launchDelay?: unknown; imagePull?: unknown; containerStart?: unknown; provisioningDelay?: unknown; spot?: boolean }, duration = '1h'): unknown {
  return {
    name: 'delays',
    duration,
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: {
        ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, ...(over.spot ? { purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '1h' } } : {}), ...(over.launchDelay !== undefined ? { launchDelay: over.launchDelay } : {}) } },
        ...(over.provisioningDelay !== undefined ? { FARGATE: { provisioningDelay: over.provisioningDelay } } : {}),
      },
    },
    taskDefinitions: {
      app: {
        cpu: 256,
        memory: 512,
        networkMode: 'bridge',
        startup: { ...(over.imagePull !== undefined ? { imagePull: over.imagePull } : {}), ...(over.containerStart !== undefined ? { containerStart: over.containerStart } : {}) },
      },
      ft: { cpu: 256, memory: 512, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'] },
    },
    services: {
      app: { taskDefinition: 'app', desiredCount: 1, launchType: 'EC2' },
      ...(over.provisioningDelay !== undefined ? { f: { taskDefinition: 'ft', desiredCount: 1, launchType: 'FARGATE' } } : {}),
    },
  };
}

const warned = (raw: unknown, durationOverridden = false) =>
  scenarioWarnings(loadScenarioObject('delays', raw, { baseDir: '.' }), { durationOverridden })
    .map((w) => `${w.at.join('.')}: ${w.message}`)
    .filter((w) => /at or after the end of the run \(/.test(w) && !w.startsWith('metrics'));

describe('warning: a launch, provisioning, image pull or container start delay at or after the end of the run', () => {
  it('launchDelay 60000 (seconds: 16h40m) in a 1 h run', () => {
    expect(warned(scenario({ launchDelay: 60000 }))).toEqual([
      'cluster.capacityProviders.ec2.autoScalingGroup.launchDelay: 16h40m is at or after the end of the run (1h): no instance the group launches registers within the run; written as a bare number, that is seconds (did you mean "60000ms"?)',
    ]);
  });

  it('exactly the run (1h) is warned; 59m59s is not', () => {
    expect(warned(scenario({ imagePull: '1h' }))).toEqual([
      'taskDefinitions.app.startup.imagePull: 1h is at or after the end of the run (1h): no task of app starts within the run',
    ]);
    expect(warned(scenario({ imagePull: '59m59s' }))).toEqual([]);
  });

  it('the bare-number hint only for a value written without a unit (3600, "3600", a fixed value 3600), not for 1h or 3600s', () => {
    const hinted = 'taskDefinitions.app.startup.imagePull: 1h is at or after the end of the run (1h): no task of app starts within the run; written as a bare number, that is seconds (did you mean "3600ms"?)';
    expect(warned(scenario({ imagePull: 3600 }))).toEqual([hinted]);
    expect(warned(scenario({ imagePull: '3600' }))).toEqual([hinted]);
    expect(warned(scenario({ imagePull: { distribution: 'fixed', value: 3600 } }))).toEqual([hinted]);
    const plain = 'taskDefinitions.app.startup.imagePull: 1h is at or after the end of the run (1h): no task of app starts within the run';
    expect(warned(scenario({ imagePull: '3600s' }))).toEqual([plain]);
    expect(warned(scenario({ imagePull: { distribution: 'fixed', value: '60m' } }))).toEqual([plain]);
  });

  it("a uniform's min at the end is its least value; a uniform reaching past the end from inside the run, and a lognormal, are not", () => {
    expect(warned(scenario({ containerStart: { distribution: 'uniform', min: '2h', max: '3h' } }))).toEqual([
      'taskDefinitions.app.startup.containerStart: its least value, 2h, is at or after the end of the run (1h): no task of app starts within the run',
    ]);
    expect(warned(scenario({ containerStart: { distribution: 'uniform', min: '30m', max: '3h' } }))).toEqual([]);
    expect(warned(scenario({ launchDelay: { distribution: 'lognormal', median: '2h', p95: '3h' } }))).toEqual([]);
  });

  it("a Fargate provisioningDelay; not with --duration (a run cut short on purpose)", () => {
    expect(warned(scenario({ provisioningDelay: '90m' }))).toEqual([
      'cluster.capacityProviders.FARGATE.provisioningDelay: 1h30m is at or after the end of the run (1h): no task on FARGATE starts within the run',
    ]);
    expect(warned(scenario({ provisioningDelay: '90m' }), true)).toEqual([]);
  });

  it('with warmStart the initial instances and tasks start at 0 all the same: the message says only the later ones do not', () => {
    const warm = (over: Parameters<typeof scenario>[0]) => warned({ ...(scenario(over) as object), warmStart: true });
    // (a group that launches after time 0: an interrupted Spot instance is replaced)
    expect(warm({ launchDelay: '2h', spot: true })).toEqual([
      'cluster.capacityProviders.ec2.autoScalingGroup.launchDelay: 2h is at or after the end of the run (1h): no instance the group launches after time 0 registers within the run (warmStart: only its initial instances, registered at 0)',
    ]);
    // a group that never launches after 0: its launchDelay has no effect at all, said instead (warm-fixed-fleet-warning.test.ts)
    expect(warm({ launchDelay: '2h' })).toEqual([]);
    expect(warm({ imagePull: '1h' })).toEqual([
      'taskDefinitions.app.startup.imagePull: 1h is at or after the end of the run (1h): no task of app but the initial ones placed at time 0 (warmStart: RUNNING at 0) starts within the run',
    ]);
    expect(warm({ provisioningDelay: '90m' })).toEqual([
      'cluster.capacityProviders.FARGATE.provisioningDelay: 1h30m is at or after the end of the run (1h): no task on FARGATE but the initial ones (warmStart: RUNNING at 0) starts within the run',
    ]);
  });
});

describe("warning: a task definition's applicationStart at or after the end of the run", () => {
  it('bare 7200 (seconds: 2h) in a 1 h run: no task answers; the did-you-mean of the other delays', () => {
    const s = scenario({}) as any;
    s.taskDefinitions.app.startup.applicationStart = 7200;
    expect(warned(s)).toEqual([
      'taskDefinitions.app.startup.applicationStart: 2h is at or after the end of the run (1h): no task of app answers (takes load, passes a health check) within the run; written as a bare number, that is seconds (did you mean "7200ms"?)',
    ]);
    s.taskDefinitions.app.startup.applicationStart = '59m';
    expect(warned(s)).toEqual([]);
    s.taskDefinitions.app.startup.applicationStart = '2h';
    expect(warned({ ...s, warmStart: true })).toEqual([
      'taskDefinitions.app.startup.applicationStart: 2h is at or after the end of the run (1h): no task of app but the initial ones (warmStart: answering at 0) answers within the run',
    ]);
  });
});
