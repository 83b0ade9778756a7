// Regressions found in review: each case was a real bug, reproduced by a scenario.

import { describe, it, expect } from 'vitest';
import { loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord, type TaskRow } from '../../src/sim/index.js';

function run(raw: any, seed = 1) {
  const s = loadScenarioObject(raw.name, raw, { baseDir: '.' });
  const events: EventRecord[] = [];
  const tasks: TaskRow[] = [];
  const r = runSimulation(s, { event: (e) => events.push(e), timeseries: () => {}, capacity: () => {}, task: (t) => tasks.push(t) }, { seed });
  return { ...r, events, tasks };
}

const oneInstance = (extra: any = {}) => ({
  availabilityZones: ['us-east-1a'],
  capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '30s', ...extra } } },
});
const td = { t: { cpu: 512, memory: 1024, containerDefinitions: { app: { cpu: 512, memory: 1024 } }, startup: { imagePull: '5s', containerStart: '1s' } } };

describe('review regressions', () => {
  it('a task waiting for room is placed as soon as ANOTHER service frees it', () => {
    // one m5.large = 2048 CPU units = 4 tasks; a takes 3, b wants 2; at 10:00 a shrinks to 1
    const r = run({
      name: 'freed',
      duration: '1h',
      cluster: oneInstance(),
      taskDefinitions: td,
      services: {
        a: { taskDefinition: 't', launchType: 'EC2', desiredCount: 3, autoScaling: { minCapacity: 3, maxCapacity: 3, scheduledActions: { shrink: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { minCapacity: 1, maxCapacity: 1 } } } } },
        b: { taskDefinition: 't', launchType: 'EC2', desiredCount: 2 },
      },
    });
    const b = r.tasks.filter((t) => t.service === 'b');
    expect(b.every((t) => t.running !== null)).toBe(true);
    // the second b task starts once an a task has STOPPED after 10:00
    expect(Math.max(...b.map((t) => t.running!))).toBeGreaterThan(600_000);
  });

  it('an EC2 Spot instance terminates once, 2 minutes after its notice', () => {
    const r = run({
      name: 'spot',
      duration: '2h',
      cluster: oneInstance({ purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '30m' } }),
      taskDefinitions: td,
      services: { d: { taskDefinition: 't', launchType: 'EC2', desiredCount: 1 } },
    });
    const notices = r.events.filter((e) => e.type === 'spot-interruption');
    const terminated = r.events.filter((e) => e.type === 'instance-terminated');
    expect(notices.length).toBeGreaterThan(0);
    expect(new Set(terminated.map((e) => e.subject)).size).toBe(terminated.length);
    for (const n of notices) {
      const t = terminated.find((e) => e.subject === n.subject);
      if (t) expect(t.time - n.time).toBe(120_000);
    }
  });

  it('maximumPercent does not hold back a Fargate scale out while scaled-in tasks deregister', () => {
    const r = run({
      name: 'ceiling',
      duration: '20m',
      cluster: { availabilityZones: ['us-east-1a'] },
      taskDefinitions: { f: { cpu: 256, memory: 512, requiresCompatibilities: ['FARGATE'], startup: { imagePull: 0, containerStart: 0 } } },
      services: {
        s: {
          taskDefinition: 'f',
          launchType: 'FARGATE',
          desiredCount: 20,
          loadBalancer: { deregistrationDelay: '300s' },
          autoScaling: {
            minCapacity: 1,
            maxCapacity: 20,
            scheduledActions: {
              down: { schedule: 'at(2026-01-05T00:10:00)', scalableTargetAction: { maxCapacity: 5 } },
              up: { schedule: 'at(2026-01-05T00:12:00)', scalableTargetAction: { minCapacity: 10, maxCapacity: 20 } },
            },
          },
        },
      },
    });
    const createdAfterUp = r.tasks.filter((t) => t.created >= 720_000);
    expect(createdAfterUp).toHaveLength(5);
    for (const t of createdAfterUp) expect(t.created).toBe(720_000);
  });
});
