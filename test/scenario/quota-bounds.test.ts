// Counts beyond AWS's quotas are refused at load time: a desiredCount or an Auto Scaling
// group size of 1e9 made a run that never ended (and a synchronous run ignores SIGINT).
// ECS quotas (AmazonECS/latest/developerguide/service-quotas.html): container instances
// per cluster 5,000 (also operating-at-scale-service-quotas.html); tasks per service 5,000.
// perTask.concurrency: an ecsim bound of 10,000.

import { describe, it, expect } from 'vitest';
import { objectProblems, quickstart } from '../helpers.js';

type Mutation = (s: Record<string, any>) => void;

function problems(mutate: Mutation): string {
  const s = quickstart();
  mutate(s);
  return objectProblems(s);
}

const asg = (s: Record<string, any>) => s.cluster.capacityProviders.ec2.autoScalingGroup;
const TASKS = /expected at most 5000 \(the ECS quota of 5000 tasks per service\), found 5001/;
const INSTANCES = /expected at most 5000 \(the ECS quota of 5000 container instances registered per cluster\), found 5001/;

describe('counts beyond the ECS quotas', () => {
  const cases: [string, Mutation, RegExp][] = [
    ['desiredCount', (s) => (s.services.web.desiredCount = 5001), new RegExp(`services\\.web\\.desiredCount: ${TASKS.source}`)],
    ['autoScaling.minCapacity', (s) => (s.services.web.autoScaling.minCapacity = 5001), new RegExp(`autoScaling\\.minCapacity: ${TASKS.source}`)],
    ['autoScaling.maxCapacity', (s) => (s.services.web.autoScaling.maxCapacity = 5001), new RegExp(`autoScaling\\.maxCapacity: ${TASKS.source}`)],
    ['a scheduled action\'s maxCapacity', (s) => (s.services.web.autoScaling.scheduledActions = { x: { schedule: 'at(2026-03-02T09:30:00)', scalableTargetAction: { maxCapacity: 5001 } } }), new RegExp(`scalableTargetAction\\.maxCapacity: ${TASKS.source}`)],
    ['autoScalingGroup.maxSize', (s) => (asg(s).maxSize = 5001), new RegExp(`autoScalingGroup\\.maxSize: ${INSTANCES.source}`)],
    ['autoScalingGroup.minSize', (s) => ((asg(s).minSize = 5001), (asg(s).maxSize = 5000)), new RegExp(`autoScalingGroup\\.minSize: ${INSTANCES.source}`)],
    ['autoScalingGroup.desiredCapacity', (s) => (asg(s).desiredCapacity = 5001), new RegExp(`autoScalingGroup\\.desiredCapacity: ${INSTANCES.source}`)],
    ['perTask.concurrency', (s) => (s.services.web.workload.perTask.concurrency = 10_001), /perTask\.concurrency: expected at most 10000 \(an ecsim bound on requests a task serves at once\), found 10001/],
    ['perTask.concurrency 1e9', (s) => (s.services.web.workload.perTask.concurrency = 1e9), /perTask\.concurrency: expected at most 10000 .*found 1000000000/],
    [
      'two groups starting with 5001 instances together',
      (s) => {
        Object.assign(asg(s), { minSize: 0, maxSize: 5000, desiredCapacity: 2501 });
        s.cluster.capacityProviders.ec2b = structuredClone(s.cluster.capacityProviders.ec2);
        asg(s).desiredCapacity = 2500;
        s.cluster.capacityProviders.ec2b.autoScalingGroup.minSize = 2501;
        delete s.cluster.capacityProviders.ec2b.autoScalingGroup.desiredCapacity;
      },
      /cluster\.capacityProviders: expected at most 5000 instances at the start over all Auto Scaling groups \(the ECS quota of 5000 container instances registered per cluster\), found 5001 \(ec2 2500, ec2b 2501: desiredCapacity, else minSize\)/,
    ],
  ];
  for (const [what, mutate, expected] of cases) {
    it(`${what} above its bound is refused`, () => expect(problems(mutate)).toMatch(expected));
  }

  it('the bounds themselves are accepted', () => {
    expect(problems((s) => {
      Object.assign(asg(s), { minSize: 0, maxSize: 5000, desiredCapacity: 3 });
      s.services.web.autoScaling.maxCapacity = 5000;
      s.services.web.workload.perTask.concurrency = 10_000;
    })).toBe('no error');
  });
});
