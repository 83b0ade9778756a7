// Task definition placementConstraints (RegisterTaskDefinition: memberOf only,
// APIReference/API_TaskDefinitionPlacementConstraint.html): every task of the definition
// obeys them together with its service's ("a maximum of 10 constraints for each task. This
// limit includes constraints in the task definition and those specified at runtime",
// APIReference/API_CreateService.html). Three groups of one instance each, registered at 0 s:
// web (m5.large, tier web), batch (m5.large, tier batch), big (m5.xlarge, tier batch).

import { describe, it, expect } from 'vitest';
import { loadScenarioObject, ScenarioError } from '../../src/scenario/index.js';
import { runKeepingRows } from '../helpers.js';

const memberOf = (expression: string) => ({ type: 'memberOf', expression });

function scenario(over: (s: any) => void = () => {}) {
  const asg = (type: string, tier: string) => ({ autoScalingGroup: { instanceTypes: [type], minSize: 1, maxSize: 1, launchDelay: '0s', attributes: { tier } } });
  const s: any = {
    name: 'td-constraints',
    duration: '5m',
    cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { web: asg('m5.large', 'web'), batch: asg('m5.large', 'batch'), big: asg('m5.xlarge', 'batch') } },
    taskDefinitions: {
      job: { cpu: 256, memory: 512, networkMode: 'bridge', containerDefinitions: { c: { memory: 512 } }, startup: { imagePull: '1s', containerStart: '1s' } },
    },
    services: { jobs: { taskDefinition: 'job', desiredCount: 4, launchType: 'EC2' } },
  };
  over(s);
  return s;
}

/** Tasks placed per group (the tasks' capacity providers). */
function placedOn(raw: unknown): Record<string, number> {
  const r = runKeepingRows(raw, { seed: 1 });
  const by: Record<string, number> = {};
  for (const t of r.tasks) if (t.instanceId !== null) by[t.capacityProvider] = (by[t.capacityProvider] ?? 0) + 1;
  return by;
}

function loadError(raw: unknown): string {
  try {
    loadScenarioObject('test', raw, { baseDir: '.' });
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('loaded');
}

describe('task definition placementConstraints', () => {
  it('without constraints the default spread puts tasks on all three groups (the check of the others)', () => {
    expect(Object.keys(placedOn(scenario())).sort()).toEqual(['batch', 'big', 'web']);
  });

  it("the task definition's memberOf keeps every task on tier batch: 4 tasks over batch and big, spread 2 and 2", () => {
    const at = placedOn(scenario((s) => (s.taskDefinitions.job.placementConstraints = [memberOf('attribute:tier == batch')])));
    expect(at).toEqual({ batch: 2, big: 2 });
  });

  it("the task definition's and the service's constraints both apply: tier batch and m5.large leaves batch only (each alone would allow two groups)", () => {
    const at = placedOn(
      scenario((s) => {
        s.taskDefinitions.job.placementConstraints = [memberOf('attribute:tier == batch')];
        s.services.jobs.placementConstraints = [memberOf('attribute:ecs.instance-type == m5.large')];
      }),
    );
    expect(at).toEqual({ batch: 4 });
  });

  it('at most 10 per task, the two lists counted together', () => {
    const message = loadError(
      scenario((s) => {
        s.taskDefinitions.job.placementConstraints = Array.from({ length: 6 }, () => memberOf('attribute:tier exists'));
        s.services.jobs.placementConstraints = Array.from({ length: 5 }, () => memberOf('attribute:tier exists'));
      }),
    );
    expect(message).toMatch(/services\.jobs\.placementConstraints: expected at most 10 placement constraints per task, counting the 6 of task definition job, found 11$/);
    // 5 + 5 loads
    const ok = scenario((s) => {
      s.taskDefinitions.job.placementConstraints = Array.from({ length: 5 }, () => memberOf('attribute:tier exists'));
      s.services.jobs.placementConstraints = Array.from({ length: 5 }, () => memberOf('attribute:tier exists'));
    });
    expect(() => loadScenarioObject('test', ok, { baseDir: '.' })).not.toThrow();
  });

  it('memberOf only (RegisterTaskDefinition has no distinctInstance), a bad expression is reported at its path, and not on Fargate', () => {
    expect(loadError(scenario((s) => (s.taskDefinitions.job.placementConstraints = [{ type: 'distinctInstance' }])))).toMatch(/taskDefinitions\.job\.placementConstraints\[0\]\.type: expected one of memberOf, found "distinctInstance"/);
    expect(loadError(scenario((s) => (s.taskDefinitions.job.placementConstraints = [memberOf('bogus == 1')])))).toMatch(/taskDefinitions\.job\.placementConstraints\[0\]\.expression: expected a subject \(attribute:NAME, ec2InstanceId, runningTasksCount or task:group\), found "bogus" at position 0/);
    const fargate = loadError(
      scenario((s) => {
        Object.assign(s.taskDefinitions.job, { requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', memory: 512, placementConstraints: [memberOf('attribute:tier == batch')] });
        s.services.jobs.launchType = 'FARGATE';
      }),
    );
    expect(fargate).toMatch(/taskDefinitions\.job\.placementConstraints: expected no placementConstraints on a task definition Fargate runs \(placement constraints apply to EC2 only; service jobs runs this task definition on Fargate\), found memberOf "attribute:tier == batch"; remove them, or run the service on EC2/);
  });
});
