import { describe, it, expect } from 'vitest';
import { parseScalingActivity } from '../../../src/output/report/narrative/parse-scaling-activity.js';
import { explainCause } from '../../../src/output/report/narrative/explain-cause.js';
import { scalingBursts } from '../../../src/output/report/narrative/scaling-bursts.js';
import { unplaceableEpisodes } from '../../../src/output/report/narrative/unplaceable-episodes.js';
import { burstItem, subjectItems, waitingAtEnd } from '../../../src/output/report/narrative/what-happened.js';
import { simClock } from '../../../src/output/report/format/sim-time.js';
import type { ResultsData } from '../../../src/output/report/data/results-data.js';
import { alarmIntervals } from '../../../src/output/report/data/alarm-intervals.js';
import { readScenarioSettings } from '../../../src/output/report/data/scenario-settings.js';

const cpuScenario = {
  duration: 3_600_000,
  metrics: { period: 60_000, publishDelay: 60_000 },
  services: { web: { autoScaling: { minCapacity: 3, maxCapacity: 12, policies: { cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 60 } } } } },
};

describe('scaling activities from events.csv', () => {
  it('reads a service activity: "desired count 3 -> 6: <cause>"', () => {
    const a = parseScalingActivity(1440, 'web', 'desired count 3 -> 6: target tracking cpu: 3 datapoints > 60: 105.0 105.0 105.0; ceil(3 x 105.0/60) = 6');
    expect(a).toMatchObject({ from: 3, to: 6, direction: 'out', cause: 'target tracking cpu: 3 datapoints > 60: 105.0 105.0 105.0; ceil(3 x 105.0/60) = 6' });
  });

  it('reads a managed scaling activity: "desired 2 -> 3 (<cause>)"', () => {
    const a = parseScalingActivity(120, 'asg', 'desired 4 -> 2 (managed scaling asg: CapacityProviderReservation 15 datapoints < 100: 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0; M=2 N=4; ceil(2 / 1) = 2)');
    expect(a).toMatchObject({ from: 4, to: 2, direction: 'in' });
    expect(a?.cause.startsWith('managed scaling asg: CapacityProviderReservation 15 datapoints < 100: 50.0')).toBe(true);
  });

  it('explains a target tracking scale out as AWS\'s high alarm: metric > target for 3 one-minute datapoints', () => {
    const settings = readScenarioSettings(cpuScenario, 3600);
    const text = explainCause('web', 'target tracking cpu: 3 datapoints > 60: 105.0 105.0 105.0; ceil(3 x 105.0/60) = 6', { settings, periodS: 60 });
    expect(text).toBe('CPU utilization was above 60 % for 3 min (105, 105, 105 %; target tracking policy cpu)');
  });

  it('explains a target tracking scale in (low alarm: 15 datapoints below 90 % of the target = 54)', () => {
    const settings = readScenarioSettings(cpuScenario, 3600);
    const cause = 'target tracking cpu: 15 datapoints < 54: 30 30 30 30 30 30 30 30 30 30 30 30 30 30 29.5; ceil(6 x 29.5/60) = 3';
    expect(explainCause('web', cause, { settings, periodS: 60 })).toBe('CPU utilization was below 54 % for 15 min (15 datapoints, last 29.5 %; target tracking policy cpu)');
  });

  it('explains a managed scaling move with M and N (CapacityProviderReservation = M / N x 100)', () => {
    const text = explainCause('asg', 'managed scaling asg: CapacityProviderReservation 1 datapoint > 100: 200.0; M=2 N=1; ceil(2 / 1) = 2', { settings: readScenarioSettings(null, undefined), periodS: 60 });
    expect(text).toBe('CapacityProviderReservation was above its target 100 % for 60 s (200.0 %; 2 instances needed, 1 running)');
  });

  it('explains a managed scaling move after several datapoints: up to 4 listed, else their count and the newest (the one with these M and N)', () => {
    const settings = readScenarioSettings(null, undefined);
    const six = 'managed scaling asg: CapacityProviderReservation 6 datapoints > 100: 125.0 150.0 175.0 175.0 140.0 240.0; M=12 N=5; ceil(12 / 1.00) = 12';
    expect(explainCause('asg', six, { settings, periodS: 60 })).toBe('CapacityProviderReservation was above its target 100 % for 6 min (6 datapoints, last 240.0 %; 12 instances needed, 5 running)');
    const many = 'managed scaling asg: CapacityProviderReservation 20 datapoints < 100 (newest 15 listed): 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 50.0 40.0; M=2 N=5; ceil(2 / 1.00) = 2';
    expect(explainCause('asg', many, { settings, periodS: 60 })).toBe('CapacityProviderReservation was below its target 100 % for 20 min (20 datapoints, last 40.0 %; 2 instances needed, 5 running)');
    // 150.0 then 100.0: both said, not "100.0 % for 2 min"
    const two = 'managed scaling asg: CapacityProviderReservation 2 datapoints > 80: 150.0 100.0; M=5 N=4; ceil(5 / 0.80) = 7';
    expect(explainCause('asg', two, { settings, periodS: 60 })).toBe('CapacityProviderReservation was above its target 80 % for 2 min (150.0, 100.0 %; 5 instances needed, 4 running)');
  });

  it('carries what set a managed scale out from zero into its cause (M=1 needs 1 instance, the first scale out from zero launches 2)', () => {
    const settings = readScenarioSettings(null, undefined);
    const cause = 'managed scaling c5: CapacityProviderReservation 1 datapoint > 100: 200.0; M=1 N=0; N=0: the first scale out from zero launches 2';
    expect(explainCause('c5', cause, { settings, periodS: 60 })).toBe(
      'CapacityProviderReservation was above its target 100 % for 60 s (200.0 %; 1 instance needed, 0 running; the first scale out from zero launches 2)',
    );
    const a = parseScalingActivity(120, 'c5', `desired 0 -> 2 (${cause})`)!;
    expect(burstItem(scalingBursts([a])[0], simClock(Date.parse('2026-03-02T00:00:00Z'), 3600), { settings, periodS: 60 }).text).toBe(
      'At 00:02 c5 scaled out 0 -> 2, because CapacityProviderReservation was above its target 100 % for 60 s (200.0 %; 1 instance needed, 0 running; the first scale out from zero launches 2).',
    );
  });

  it("carries a managed move's step size and scale-in share, not its ceil(M / target) (M already said)", () => {
    const settings = readScenarioSettings(null, undefined);
    // 4 busy + 2 waiting instances at maximumScalingStepSize 2: M 6, 6 / 4 = 150 %; ceil(6 / 0.50) = 12, step 12 - 4 = 8 capped at 2
    const out = 'managed scaling asg: CapacityProviderReservation 1 datapoint > 50: 150.0; M=6 N=4; ceil(6 / 0.50) = 12; step 8 -> 2 (scaling step size 1-2)';
    expect(explainCause('asg', out, { settings, periodS: 60 })).toBe('CapacityProviderReservation was above its target 50 % for 60 s (150.0 %; 6 instances needed, 4 running; step 8 -> 2 (scaling step size 1-2))');
    const scaleIn = 'managed scaling asg: CapacityProviderReservation 2 datapoints < 100: 50.0 50.0; M=1 N=4; ceil(1 / 1.00) = 1; at most 1 per step (25 % of desired 4)';
    expect(explainCause('asg', scaleIn, { settings, periodS: 60 })).toBe('CapacityProviderReservation was below its target 100 % for 2 min (50.0, 50.0 %; 1 instance needed, 4 running; at most 1 per step (25 % of desired 4))');
  });

  it('says M is the instances counted, not needed, when the message records the step sizes\' bound on the waiting tasks\' instances, and keeps the bound', () => {
    const settings = readScenarioSettings(null, undefined);
    // maximumScalingStepSize 1: 10 waiting tasks need 5 instances, M = 4 + 1 = 5
    const capped = 'managed scaling asg: CapacityProviderReservation 1 datapoint > 100: 125.0; M=5 N=4; waiting tasks need 5 instances, capped at 1 (maximumScalingStepSize 1); ceil(5 / 1.00) = 5';
    expect(explainCause('asg', capped, { settings, periodS: 60 })).toBe(
      "CapacityProviderReservation was above its target 100 % for 60 s (125.0 %; 5 instances counted, 4 running; waiting tasks need 5 instances, capped at 1 (maximumScalingStepSize 1))",
    );
    // maximumScalingStepSize 1 from N 0: 10 waiting tasks need 5 instances, M = 0 + 1 (one instance, singular)
    const one =
      'managed scaling asg: CapacityProviderReservation 1 datapoint > 100: 200.0; M=1 N=0; waiting tasks need 5 instances, capped at 1 (maximumScalingStepSize 1); N=0: the first scale out from zero launches 2; step 2 -> 1 (scaling step size 1-1)';
    expect(explainCause('asg', one, { settings, periodS: 60 })).toBe(
      'CapacityProviderReservation was above its target 100 % for 60 s (200.0 %; 1 instance counted, 0 running; waiting tasks need 5 instances, capped at 1 (maximumScalingStepSize 1); the first scale out from zero launches 2; step 2 -> 1 (scaling step size 1-1))',
    );
    // minimumScalingStepSize 3: one waiting task needs 1 instance, M = 0 + 3
    const raised =
      'managed scaling asg: CapacityProviderReservation 1 datapoint > 100: 200.0; M=3 N=0; waiting tasks need 1 instance, raised to 3 (minimumScalingStepSize 3); N=0: the first scale out from zero launches 2; step 2 -> 3 (scaling step size 3-10000)';
    expect(explainCause('asg', raised, { settings, periodS: 60 })).toBe(
      "CapacityProviderReservation was above its target 100 % for 60 s (200.0 %; 3 instances counted, 0 running; waiting tasks need 1 instance, raised to 3 (minimumScalingStepSize 3); the first scale out from zero launches 2; step 2 -> 3 (scaling step size 3-10000))",
    );
  });

  it('groups moves of one subject and direction within 15 minutes into one burst', () => {
    const acts = [
      parseScalingActivity(1440, 'web', 'desired count 3 -> 6: x')!,
      parseScalingActivity(1800, 'web', 'desired count 6 -> 8: x')!,
      parseScalingActivity(2100, 'web', 'desired count 8 -> 9: x')!,
      parseScalingActivity(2200, 'web', 'desired count 9 -> 7: x')!, // direction changes: a new burst
      parseScalingActivity(9000, 'web', 'desired count 7 -> 5: x')!, // > 15 min later: a new burst
    ];
    const bursts = scalingBursts(acts);
    expect(bursts.map((b) => [b.from, b.to, b.steps.length])).toEqual([[3, 9, 3], [9, 7, 1], [7, 5, 1]]);
  });
});

describe('the moves of a subject not listed one by one', () => {
  // 4 moves more than 15 min apart, 3 lines at most: the 2 largest (3 -> 9, 9 -> 5) and one
  // line for 10:30 (5 -> 6) and 11:00 (6 -> 4), naming their times: the 09:24-11:00 range
  // it used to give read as if only those 2 moves happened in it
  const clock = simClock(Date.parse('2026-03-02T09:00:00Z'), 3 * 3600);
  const cause = (n: number) => `target tracking cpu: 3 datapoints > 60: 90.0 90.0 90.0; ceil(${n} x 90.0/60) = ${n}`;
  const low = (n: number) => `target tracking cpu: 15 datapoints < 54: ${Array(15).fill('30.0').join(' ')}; ceil(${n} x 30.0/60) = ${n}`;
  const acts = [
    parseScalingActivity(1440, 'web', `desired count 3 -> 9: ${cause(9)}`)!,
    parseScalingActivity(3600, 'web', `desired count 9 -> 5: ${low(5)}`)!,
    parseScalingActivity(5400, 'web', `desired count 5 -> 6: ${cause(6)}`)!,
    parseScalingActivity(7200, 'web', `desired count 6 -> 4: ${low(4)}`)!,
  ];
  const settings = readScenarioSettings(cpuScenario, 3 * 3600);
  const items = subjectItems(scalingBursts(acts), clock, { settings, periodS: 60 }, 3);

  it('lists the 2 largest and names each folded move\'s time', () => {
    expect(items.map((i) => i.timeS)).toEqual([1440, 3600, 5400]);
    expect(items[2].text).toMatch(/^At 10:30 and 11:00 web made 2 more scaling moves, not listed one by one \(none larger than those listed; 1 out, 1 in, between 4 and 6\); the first because CPU utilization was above 60 %/);
  });
});

describe('a scaling move whose steps came from more than one policy', () => {
  // the sqs-worker-backlog library run: 4 -> 7 by the cpu policy at 07:04, 7 -> 30 by the backlog policy at 07:06
  const scenario = {
    duration: 3 * 3_600_000,
    metrics: { period: 60_000, publishDelay: 60_000 },
    services: {
      worker: {
        autoScaling: {
          minCapacity: 1,
          maxCapacity: 30,
          policies: {
            cpu: { policyType: 'TargetTrackingScaling', predefinedMetricType: 'ECSServiceAverageCPUUtilization', targetValue: 50 },
            backlog: { policyType: 'TargetTrackingScaling', customMetric: 'BacklogPerTask', targetValue: 100 },
          },
        },
      },
    },
  };
  const clock = simClock(Date.parse('2026-03-02T06:00:00Z'), 3 * 3600);

  it('names each policy with the steps it made', () => {
    const settings = readScenarioSettings(scenario, 3 * 3600);
    const acts = [
      parseScalingActivity(3840, 'worker', 'desired count 4 -> 7: target tracking cpu: 3 datapoints > 50: 52.0 76.0 80.0; ceil(4 x 80.0/50) = 7')!,
      parseScalingActivity(3960, 'worker', 'desired count 7 -> 30: target tracking backlog: 3 datapoints > 100: 300.0 960.0 1526.1; ceil(7 x 1526.1/100) = 107; clamped to maxCapacity 30')!,
    ];
    const [burst] = scalingBursts(acts);
    const text = burstItem(burst, clock, { settings, periodS: 60 }).text;
    expect(text).toContain('scaled out 4 -> 30 in 2 steps (7 -> 30), the step to 7 because CPU utilization was above 50 %');
    expect(text).toContain('target tracking policy cpu); the step to 30 because ');
    expect(text).toContain('the step to 30 because backlog per task was above 100 for 3 min (300, 960, 1526.1; target tracking policy backlog).');
  });

  it('keeps "first because" when one policy made every step', () => {
    const settings = readScenarioSettings(scenario, 3 * 3600);
    const acts = [
      parseScalingActivity(3840, 'worker', 'desired count 4 -> 7: target tracking cpu: 3 datapoints > 50: 52.0 76.0 80.0; ceil(4 x 80.0/50) = 7')!,
      parseScalingActivity(3960, 'worker', 'desired count 7 -> 12: target tracking cpu: 3 datapoints > 50: 80.0 80.0 80.0; ceil(7 x 80.0/50) = 12')!,
    ];
    const text = burstItem(scalingBursts(acts)[0], clock, { settings, periodS: 60 }).text;
    expect(text).toContain('in 2 steps (7 -> 12), first because CPU utilization was above 50 % for 3 min (52, 76, 80 %; target tracking policy cpu).');
  });

  it('prints a datapoint with the digits that keep it above the threshold (60.02, not 60.0)', () => {
    const settings = readScenarioSettings(cpuScenario, 3600);
    const text = explainCause('web', 'target tracking cpu: 3 datapoints > 60: 62.7 62.5 60.02; ceil(11 x 60.02/60) = 12', { settings, periodS: 60 });
    expect(text).toBe('CPU utilization was above 60 % for 3 min (62.7, 62.5, 60.02 %; target tracking policy cpu)');
  });
});

describe('unplaceable episodes and alarm states', () => {
  const ev = (timeS: number, type: string, subject: string, message: string) => ({ timeS, type, subject, message });

  it('joins unplaceable events less than 5 minutes apart and counts the reasons ECS named', () => {
    const eps = unplaceableEpisodes([
      ev(0, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: the task waits in PROVISIONING for asg capacity; 2 rejected for INSTANCE_STATUS (not ACTIVE)'),
      ev(100, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: 1 rejected for RESOURCE:MEMORY, 1 for RESOURCE:CPU'),
      ev(1000, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: 3 rejected for RESOURCE:MEMORY'),
    ]);
    expect(eps).toHaveLength(2);
    expect(eps[0]).toMatchObject({ startS: 0, endS: 100, events: 2, waitingFor: 'asg' });
    expect([...eps[0].reasons]).toEqual([['INSTANCE_STATUS', 1], ['RESOURCE:MEMORY', 1], ['RESOURCE:CPU', 1]]);
    expect([...eps[1].reasons]).toEqual([['RESOURCE:MEMORY', 1]]);
  });

  it('counts ATTRIBUTE (an instance of another CPU architecture than the task definition names)', () => {
    const eps = unplaceableEpisodes([
      ev(0, 'task-unplaceable', 'arm', 'service arm was unable to place a task because no container instance met all of its requirements. ecsim: 2 rejected for ATTRIBUTE (ecs.cpu-architecture != arm64), 1 for RESOURCE:MEMORY; closest i-00000000000000003 (us-east-1a) lacks 256 MiB memory'),
    ]);
    expect([...eps[0].reasons]).toEqual([['ATTRIBUTE', 1], ['RESOURCE:MEMORY', 1]]);
  });

  it('an episode lasts until the service next places a task (it said "0 s in all" for a 60 s wait), or to the end of the run', () => {
    const eps = unplaceableEpisodes(
      [
        ev(0, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: 3 rejected for INSTANCE_STATUS (not ACTIVE)'),
        ev(0, 'task-unplaceable', 'my-api', 'service my-api was unable to place a task because no container instance met all of its requirements. ecsim: 1 rejected for RESOURCE:MEMORY'),
        ev(60, 'task-placed', 'web-1', 'web-1 placed on i-00000000000000001 (m5.large, us-east-1a)'),
        ev(61, 'task-placed', 'web-2', 'web-2 placed on i-00000000000000002 (m5.large, us-east-1b)'),
        ev(90, 'task-placed', 'my-api-12', 'my-api-12 placed on i-00000000000000003 (m5.large, us-east-1c)'),
        ev(2000, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: 1 rejected for RESOURCE:CPU'),
      ],
      300,
      3600,
    );
    expect(eps.map((e) => [e.service, e.startS, e.endS])).toEqual([
      ['web', 0, 60],
      ['my-api', 0, 90],
      ['web', 2000, 3600],
    ]);
  });

  it('a placement does not end the episode of a service whose other tasks still wait at the end of the run (it said 90 s for a 30-minute wait)', () => {
    const events = [
      ev(0, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: no container instance is registered in the cluster yet (2 launching)'),
      ev(90, 'task-placed', 'web-1', 'web-1 placed on i-00000000000000001 (m5.large, us-east-1a)'),
    ];
    expect(unplaceableEpisodes(events, 300, 1800).map((e) => e.endS)).toEqual([90]);
    expect(unplaceableEpisodes(events, 300, 1800, new Set(['web'])).map((e) => e.endS)).toEqual([1800]);
  });

  it("an episode lasts until the last task that waited in it was placed (tasks.csv: created by the last failure), not the service's first placement after it", () => {
    // capacity-target's start: 5 tasks created at 0, failures at 0 and 40.871; placed at 40.871 (2), 45.977 (2), 95.378 (1)
    const events = [
      ev(0, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: no container instance of capacity provider asg is registered yet (3 launching)'),
      ev(40.871, 'task-placed', 'web-1', 'web-1 placed on i-1'),
      ev(40.871, 'task-placed', 'web-2', 'web-2 placed on i-1'),
      ev(40.871, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: 1 rejected for RESOURCE:CPU'),
      ev(45.977, 'task-placed', 'web-3', 'web-3 placed on i-2'),
      ev(45.977, 'task-placed', 'web-4', 'web-4 placed on i-2'),
      ev(95.378, 'task-placed', 'web-5', 'web-5 placed on i-3'),
      // created after the episode's last failure: not one of its waiting tasks
      ev(200, 'task-placed', 'web-6', 'web-6 placed on i-3'),
      ev(1000, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: 1 rejected for RESOURCE:CPU'),
      ev(1010, 'task-placed', 'web-7', 'web-7 placed on i-3'),
      ev(1500, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: 1 rejected for RESOURCE:CPU'),
      ev(1600, 'task-placed', 'web-8', 'web-8 placed on i-3'),
    ];
    const task = (n: number, createdS: number) => ({ taskId: `web-${n}`, service: 'web', createdS });
    // web-7 created in the second episode waits past the third's start: the second ends there, not later
    const tasks = [task(1, 0), task(2, 0), task(3, 0), task(4, 0), task(5, 0), task(6, 150), task(7, 1000), task(8, 1500)];
    expect(unplaceableEpisodes(events, 300, 3600).map((e) => [e.startS, e.endS])).toEqual([[0, 45.977], [1000, 1010], [1500, 1600]]);
    expect(unplaceableEpisodes(events, 300, 3600, undefined, tasks).map((e) => [e.startS, e.endS])).toEqual([[0, 95.378], [1000, 1010], [1500, 1600]]);
    const late = events.map((e) => (e.subject === 'web-7' ? { ...e, timeS: 1700 } : e)).sort((a, b) => a.timeS - b.timeS);
    expect(unplaceableEpisodes(late, 300, 3600, undefined, tasks).map((e) => [e.startS, e.endS])).toEqual([[0, 95.378], [1000, 1500], [1500, 1700]]);
  });

  it('services still waiting at the end: a PROVISIONING row, or (launchType EC2: tasks never created have no row) desired above running + pending in the last period', () => {
    const series = (desired: number, running: number, pending: number) => ({
      time: Float64Array.of(0, 60),
      columns: { desired_count: Float64Array.of(desired, desired), running_count: Float64Array.of(0, running), pending_count: Float64Array.of(0, pending) },
    });
    const data = {
      services: new Map([
        ['ec2-launch', series(3, 1, 0)], // 2 never created
        ['all-there', series(3, 2, 1)],
        ['draining-extra', series(2, 3, 0)], // a draining instance's tasks count until replaced
        ['cp', series(2, 2, 0)],
      ]),
      tasks: [{ service: 'cp', launchType: 'EC2', instanceId: '', stopReason: 'simulation-end' }],
    } as unknown as ResultsData;
    expect([...waitingAtEnd(data)].sort()).toEqual(['cp', 'ec2-launch']);
  });

  it('counts "nothing registered" as one reason, whether none was launched or all are launching', () => {
    const eps = unplaceableEpisodes([
      ev(0, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: no container instances are registered in the cluster, so no container instance can run the task'),
      ev(60, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: no container instance is registered in the cluster yet (2 launching), so no container instance can run the task'),
      // a provider-scoped candidate list: the same reason
      ev(120, 'task-unplaceable', 'web', 'service web was unable to place a task because no container instance met all of its requirements. ecsim: the task waits in PROVISIONING for spot capacity; no container instance of capacity provider spot is registered, so no container instance can run the task'),
    ]);
    expect([...eps[0].reasons]).toEqual([['no container instance registered', 3]]);
  });

  it('finds the spans an alarm spent in ALARM; one still in ALARM lasts to the end', () => {
    const spans = alarmIntervals(
      [
        ev(180, 'alarm-state', 'web', 'TargetTracking-web-cpu-AlarmHigh INSUFFICIENT_DATA -> OK: 1 of 1 datapoint not > 60: 5'),
        ev(1440, 'alarm-state', 'web', 'TargetTracking-web-cpu-AlarmHigh OK -> ALARM: 3 datapoints > 60: 105.0 105.0 105.0'),
        ev(1560, 'alarm-state', 'web', 'TargetTracking-web-cpu-AlarmHigh ALARM -> OK: 1 of 3 datapoints not > 60'),
        ev(2000, 'alarm-state', 'web', 'TargetTracking-web-cpu-AlarmLow OK -> ALARM: 15 datapoints < 54'),
        ev(2000, 'alarm-state', 'api', 'TargetTracking-api-cpu-AlarmLow OK -> ALARM: 15 datapoints < 54'),
      ],
      'web',
      3600,
    );
    expect(spans.map((s) => [s.alarm, s.fromS, s.toS])).toEqual([
      ['TargetTracking-web-cpu-AlarmHigh', 1440, 1560],
      ['TargetTracking-web-cpu-AlarmLow', 2000, 3600],
    ]);
  });
});
