// A task definition's CPU and memory as ECS registers them: no CPU units at all leaves
// CPUUtilization undefined (CPU used / CPU units the task definition specifies,
// service_utilization.html), refused where a figure would depend on it.

import { describe, it, expect } from 'vitest';
import { problems, quickstart } from '../helpers.js';

/** The quick start with its task definition giving no CPU units (no task cpu, container cpu absent = 0). */
function noCpu(): Record<string, any> {
  const s = quickstart();
  delete s.taskDefinitions.web.cpu;
  delete s.taskDefinitions.web.containerDefinitions.app.cpu;
  return s;
}

describe('a task definition with 0 CPU units', () => {
  it('is refused for a service with a workload and a CPU target tracking policy, at the task definition cpu', () => {
    const m = problems(noCpu());
    expect(m).toMatch(/^s\.yaml: taskDefinitions\.web\.cpu: expected CPU units for the tasks of service web \(its workload's cpu_utilization and scaling policy "cpu" are percentages of the task's reserved CPU units, as ECS's CPUUtilization\), found 0 \(no task-level cpu, and container cpu defaults to 0\); give cpu/);
    expect(m.split('\n')).toHaveLength(1);
  });

  it('is refused for a CPU step scaling alarm without a workload', () => {
    const s = noCpu();
    delete s.services.web.workload;
    delete s.services.web.loadBalancer;
    s.services.web.autoScaling.policies = {
      up: { policyType: 'StepScaling', alarm: { metricName: 'CPUUtilization', threshold: 80, comparisonOperator: 'GreaterThanThreshold' }, adjustmentType: 'ChangeInCapacity', stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }] },
    };
    expect(problems(s)).toMatch(/taskDefinitions\.web\.cpu: expected CPU units for the tasks of service web \(its scaling policy "up" is a percentage of/);
  });

  it('is accepted without a workload or CPU-based scaling (containers share the instance CPU, as in ECS)', () => {
    const s = noCpu();
    delete s.services.web.workload;
    delete s.services.web.loadBalancer;
    delete s.services.web.autoScaling;
    expect(problems(s)).toBe('');
  });

  it('a FARGATE-compatible one is told once, that it expects task-level cpu', () => {
    const s = noCpu();
    Object.assign(s.taskDefinitions.web, { requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc' });
    s.services.web.launchType = 'FARGATE';
    expect(problems(s).split('\n')).toEqual(['s.yaml: taskDefinitions.web: expected task-level cpu and memory in a FARGATE-compatible task definition (Fargate sizes the task by them), found memory 512 without cpu']);
  });

  it('container cpu alone gives the task its CPU units', () => {
    const s = noCpu();
    s.taskDefinitions.web.containerDefinitions.app.cpu = 128;
    expect(problems(s)).toBe('');
  });
});

// Same-instant scheduled actions run in the order written; a JavaScript object would list
// whole-number names ("1", "2") first, so they are refused (schema.ts writtenOrderNames).
describe('scheduled action names', () => {
  const action = { schedule: 'at(2026-03-02T09:10:00)', scalableTargetAction: { maxCapacity: 20 } };
  it('a whole-number name is refused at its key, with a hint', () => {
    const s = quickstart();
    s.services.web.autoScaling.scheduledActions = { later: action, '7': action };
    expect(problems(s)).toMatch(/^s\.yaml: services\.web\.autoScaling\.scheduledActions\.7: expected a scheduled action name that is not a whole number \(actions firing at the same instant run in the order written.*found "7"; rename it, e\.g\. "action-7"$/);
  });
  it('a whole-number name is refused also when that action (or another) has problems of its own, each said once', () => {
    const s = quickstart();
    // review 2026-11-27 f.yaml: the name was not said while an action had other problems
    s.services.web.autoScaling.scheduledActions = { '1': { ...action, schedule: 'cron(0 8 * *)' }, b: { ...action, timezone: 'Europe/Berln' } };
    const lines = problems(s).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^s\.yaml: services\.web\.autoScaling\.scheduledActions\.1: expected a scheduled action name that is not a whole number .*found "1"; rename it, e\.g\. "action-1"$/);
    expect(lines[1]).toMatch(/^s\.yaml: services\.web\.autoScaling\.scheduledActions\.1\.schedule: expected 6 cron fields/);
    expect(lines[2]).toMatch(/^s\.yaml: services\.web\.autoScaling\.scheduledActions\.b\.timezone: expected an IANA time zone name/);
  });
  it('names such as "07" or "1.5" (which JavaScript keeps in place) are accepted', () => {
    const s = quickstart();
    s.services.web.autoScaling.scheduledActions = { b: action, '07': action, '1.5': action, a1: action };
    expect(problems(s)).toBe('');
  });
});

// ContainerDefinition memory: the memory for the containers "must be lower than the task
// memory value, if one is specified" (APIReference/API_ContainerDefinition.html).
describe('a container hard memory limit above the task memory', () => {
  it('is refused on EC2 at containerDefinitions.<c>.memory, even when its soft limit fits', () => {
    const s = quickstart();
    s.taskDefinitions.web.containerDefinitions.app = { cpu: 256, memory: 1024, memoryReservation: 256 };
    expect(problems(s)).toMatch(/^s\.yaml: taskDefinitions\.web\.containerDefinitions\.app\.memory: expected at most the task's memory 512 MiB \(a container's hard limit cannot exceed its task's memory, as in ECS\), found 1024; lower it, or raise the task-level memory$/);
  });
  it('without memoryReservation (the hard limit is what it reserves) is said once: not again as the containers\' sum above the task memory', () => {
    // review 2026-11-27 h.yaml: it also gave "containers reserve 1024 MiB, more than the task's 512"
    const s = quickstart();
    s.taskDefinitions.web.containerDefinitions.app = { cpu: 256, memory: 1024 };
    expect(problems(s).split('\n')).toEqual([
      "s.yaml: taskDefinitions.web.containerDefinitions.app.memory: expected at most the task's memory 512 MiB (a container's hard limit cannot exceed its task's memory, as in ECS), found 1024; lower it, or raise the task-level memory",
    ]);
  });
  it('the sum of soft limits above the task memory is still said beside it when the soft limit fits (256 + 400 = 656 > 512)', () => {
    const s = quickstart();
    s.taskDefinitions.web.containerDefinitions = { app: { cpu: 128, memory: 1024, memoryReservation: 256 }, side: { cpu: 128, memory: 400 } };
    const lines = problems(s).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/containerDefinitions\.app\.memory: expected at most the task's memory 512 MiB/);
    expect(lines[1]).toBe("s.yaml: taskDefinitions.web.containerDefinitions: expected containers reserving at most the task's 512 MiB, found 656");
  });
  it('is refused on Fargate', () => {
    const s = quickstart();
    Object.assign(s.taskDefinitions.web, { requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: 256, memory: 512 });
    s.taskDefinitions.web.containerDefinitions.app = { cpu: 256, memory: 513, memoryReservation: 256 };
    s.services.web.launchType = 'FARGATE';
    expect(problems(s)).toMatch(/taskDefinitions\.web\.containerDefinitions\.app\.memory: expected at most the task's memory 512 MiB.*found 513/);
  });
  it('equal to the task memory, or with no task memory, is accepted', () => {
    const s = quickstart();
    s.taskDefinitions.web.containerDefinitions.app = { cpu: 256, memory: 512, memoryReservation: 256 };
    expect(problems(s)).toBe('');
    delete s.taskDefinitions.web.memory;
    s.taskDefinitions.web.containerDefinitions.app.memory = 4096;
    expect(problems(s)).toBe('');
  });
});
