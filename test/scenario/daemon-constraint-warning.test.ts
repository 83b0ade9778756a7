// A DAEMON service whose memberOf reads runningTasksCount or task:group is warned of: ECS
// "also evaluates the task placement constraints for running tasks and will stop tasks that
// do not meet the placement constraints" (APIReference Service.schedulingStrategy), while
// ecsim evaluates them only when it places a daemon task. Only those two subjects change on an
// instance during a run (attributes, ec2InstanceId and the instance type do not), so other
// expressions are not warned of, nor are REPLICA services.

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

function scenario(service: object, td: object = {}): any {
  return {
    name: 'daemon-constraints',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1 } } },
    },
    taskDefinitions: { agent: { cpu: 256, memory: 512, networkMode: 'bridge', ...td } },
    services: { agent: { taskDefinition: 'agent', ...service } },
  };
}

const warned = (raw: unknown) => scenarioWarnings(loadScenarioObject('d', raw, { baseDir: '.' })).map((w) => `${w.at.join('.')}: ${w.message}`);
const memberOf = (...expressions: string[]) => ({ placementConstraints: expressions.map((expression) => ({ type: 'memberOf', expression })) });
const DAEMON = { schedulingStrategy: 'DAEMON' };
const tail =
  'ecsim evaluates it only when it places a daemon task, and never stops a running one whose instance no longer meets it ' +
  '(ECS evaluates the constraints for running DAEMON tasks too and stops those that do not meet them: APIReference Service.schedulingStrategy)';

describe('warning: a DAEMON memberOf on a subject that changes during the run', () => {
  it('runningTasksCount in the service, task:group in the task definition', () => {
    expect(warned(scenario({ ...DAEMON, ...memberOf('attribute:ecs.instance-type == m5.large', 'runningTasksCount < 3') }))).toEqual([
      `services.agent.placementConstraints.1.expression: memberOf "runningTasksCount < 3" on DAEMON service agent reads runningTasksCount, which changes during the run: ${tail}`,
    ]);
    expect(warned(scenario(DAEMON, memberOf('not(task:group == service:agent)')))).toEqual([
      `taskDefinitions.agent.placementConstraints.0.expression: memberOf "not(task:group == service:agent)" on DAEMON service agent reads task:group, which changes during the run: ${tail}`,
    ]);
  });

  it('both subjects in one expression: one warning naming both', () => {
    expect(warned(scenario({ ...DAEMON, ...memberOf('task:group == service:agent or runningTasksCount == 0') }))).toEqual([
      `services.agent.placementConstraints.0.expression: memberOf "task:group == service:agent or runningTasksCount == 0" on DAEMON service agent reads task:group and runningTasksCount, which change during the run: ${tail}`,
    ]);
  });

  it('not warned: subjects that do not change, or a REPLICA service', () => {
    expect(warned(scenario({ ...DAEMON, ...memberOf('attribute:ecs.instance-type == m5.large', 'ec2InstanceId != i-0') }))).toEqual([]);
    expect(warned(scenario({ desiredCount: 1, launchType: 'EC2', ...memberOf('runningTasksCount < 3') }))).toEqual([]);
  });
});
