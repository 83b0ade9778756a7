// A launchType EC2 service (no capacity provider strategy) whose task fits no instance: ECS's
// service scheduler does not create the task, it reports "unable to place a task because no
// container instance met all of its requirements" (developerguide/service-event-messages-list.html;
// RunTask answers with failures, not a task: api_failures_messages.html). So no tasks.csv
// row, no pending_count, no tasksStarted until an instance takes it, and then the task is
// created at that moment. With a capacity provider ECS does create the task and it waits in
// PROVISIONING (cluster-auto-scaling.html): it keeps its row and counts as pending.
// Expectations worked out by hand from the scenarios below.

import { describe, it, expect } from 'vitest';
import { loadScenarioFile, loadScenarioObject } from '../../src/scenario/index.js';
import { runSimulation, type EventRecord, type TaskRow, type TimeseriesRow } from '../../src/sim/index.js';

type Services = Record<string, { tasksStarted: number; tasksStopped: number }>;

function run(s: ReturnType<typeof loadScenarioFile>) {
  const events: EventRecord[] = [];
  const tasks: TaskRow[] = [];
  const rows: TimeseriesRow[] = [];
  const r = runSimulation(s, { event: (e) => events.push(e), timeseries: (t) => rows.push(t), capacity: () => {}, task: (t) => tasks.push(t) }, { seed: 1, checkTallies: true });
  return { events, tasks, rows, services: r.summary.services as Services };
}

/** One m5.large launching at 0 that registers at 90 s; one service of one 1024 MiB task (image pull 60 s + start 10 s). */
function lateInstance(strategy: boolean, memory = 1024) {
  const raw: any = {
    name: 'late-instance',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a'],
      capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '90s' } } },
    },
    taskDefinitions: { app: { cpu: 256, memory, networkMode: 'bridge', startup: { imagePull: '60s', containerStart: '10s' } } },
    services: { app: { taskDefinition: 'app', desiredCount: 1, ...(strategy ? { capacityProviderStrategy: [{ capacityProvider: 'asg', weight: 1 }] } : { launchType: 'EC2' }) } },
  };
  return loadScenarioObject('late-instance', raw, { baseDir: '.' });
}

describe('launchType EC2: a task no instance can take does not exist', () => {
  it('unplaceable-task.yaml: reports and gpu-batch have no tasks.csv row, pending_count 0, tasksStarted 0; their task-unplaceable events stay', () => {
    const r = run(loadScenarioFile('scenarios/unplaceable-task.yaml'));
    for (const name of ['reports', 'gpu-batch']) {
      expect(r.tasks.filter((t) => t.service === name), name).toEqual([]);
      expect(r.services[name], name).toMatchObject({ tasksStarted: 0, tasksStopped: 0 });
      const own = r.rows.filter((x) => x.service === name);
      expect(own.length, name).toBe(30); // 30 one-minute periods
      expect(own.every((x) => x.pendingCount === 0 && x.runningCount === 0), name).toBe(true);
      expect(r.events.some((e) => e.type === 'task-unplaceable' && e.subject === name), name).toBe(true);
      expect(r.events.some((e) => e.type === 'task-stopped' && e.subject.startsWith(`${name}-`)), name).toBe(false);
    }
    // web's 3 tasks fit: 3 rows, each created when the fleet (launched at 0, launchDelay 60 s) registers
    const web = r.tasks.filter((t) => t.service === 'web');
    expect(web.map((t) => t.created)).toEqual([60_000, 60_000, 60_000]);
    expect(r.services.web.tasksStarted).toBe(3);
  });

  it('a task that waits for an instance registering at 90 s is created then: created_s 90, pending only from then', () => {
    const r = run(lateInstance(false));
    expect(r.tasks).toHaveLength(1);
    // placed at 90 s (registration), PENDING 60 + 10 s, RUNNING at 160 s
    expect(r.tasks[0]).toMatchObject({ created: 90_000, running: 160_000, stopReason: 'simulation-end' });
    expect(r.services.app.tasksStarted).toBe(1);
    // end-of-period counts: 60 s nothing exists yet; 120 s PENDING; 180 s RUNNING
    expect(r.rows.slice(0, 3).map((x) => [x.pendingCount, x.runningCount])).toEqual([[0, 0], [1, 0], [0, 1]]);
    expect(r.events.find((e) => e.type === 'task-running')!.message).toMatch(/RUNNING after 70\.0 s/);
  });

  it('with a capacity provider strategy the task exists from 0, PROVISIONING: created_s 0, pending at 60 s', () => {
    const r = run(lateInstance(true));
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0]).toMatchObject({ created: 0, running: 160_000, capacityProvider: 'asg' });
    expect(r.services.app.tasksStarted).toBe(1);
    expect(r.rows.slice(0, 3).map((x) => [x.pendingCount, x.runningCount])).toEqual([[1, 0], [1, 0], [0, 1]]);
  });

  it('with a capacity provider strategy a task too big for every instance still exists (PROVISIONING to the end)', () => {
    const r = run(lateInstance(true, 9000));
    expect(r.tasks).toEqual([expect.objectContaining({ created: 0, running: null, instanceId: null, capacityProvider: 'asg', stopReason: 'simulation-end' })]);
    expect(r.services.app).toMatchObject({ tasksStarted: 1, tasksStopped: 0 });
    expect(r.rows.every((x) => x.pendingCount === 1)).toBe(true);
  });

  it('a launchType EC2 task too big for every instance never exists: no row, pending 0, tasksStarted 0, still task-unplaceable events', () => {
    const s = lateInstance(false, 9000);
    const r = run(s);
    expect(r.tasks).toEqual([]);
    expect(r.services.app).toMatchObject({ tasksStarted: 0, tasksStopped: 0 });
    expect(r.rows.every((x) => x.pendingCount === 0)).toBe(true);
    expect(r.events.filter((e) => e.type === 'task-unplaceable').length).toBeGreaterThan(0);
  });

  it('task ids count created tasks only: placeholders dropped before any instance took them use no number', () => {
    // desired 3 from 0; at 60 s a scheduled action sets maxCapacity 1 (two placeholders go, nothing
    // was created); the instance registers at 90 s and takes the third: the service's first task,
    // app-1; at 5 min minCapacity 2 starts one more, placed at once: app-2 (not app-4).
    const cfg: any = {
      name: 'ids',
      start: '2026-01-01T00:00:00Z',
      duration: '10m',
      cluster: {
        availabilityZones: ['us-east-1a'],
        capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '90s' } } },
      },
      taskDefinitions: { app: { cpu: 256, memory: 1024, networkMode: 'bridge', startup: { imagePull: '60s', containerStart: '10s' } } },
      services: {
        app: {
          taskDefinition: 'app',
          desiredCount: 3,
          launchType: 'EC2',
          autoScaling: {
            minCapacity: 1,
            maxCapacity: 3,
            scheduledActions: {
              shrink: { schedule: 'at(2026-01-01T00:01:00)', scalableTargetAction: { maxCapacity: 1 } },
              grow: { schedule: 'at(2026-01-01T00:05:00)', scalableTargetAction: { minCapacity: 2, maxCapacity: 2 } },
            },
          },
        },
      },
    };
    const r = run(loadScenarioObject('ids', cfg, { baseDir: '.' }));
    expect(r.tasks.map((t) => [t.taskId, t.created])).toEqual([
      ['app-1', 90_000],
      ['app-2', 300_000],
    ]);
    expect(r.services.app.tasksStarted).toBe(2);
  });

  it('an unchanged task-unplaceable message is logged again only after six hours (service-event-messages.html), though placement is retried every 5 minutes', () => {
    // app (9000 MiB) fits no m5.large; churn's task starts at :00 and stops at :05 every 10
    // minutes, so capacity changes and app's placement fails again at least every 5 minutes
    // for 7 hours. The reason never changes: one event at the first failure (0 s), the next
    // at the first failure 6 hours or more after it, none after that within 7 hours.
    const raw: any = {
      name: 'six-hours',
      start: '2026-01-01T00:00:00Z',
      duration: '7h',
      cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { asg: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1, launchDelay: '0s' } } } },
      taskDefinitions: {
        big: { cpu: 256, memory: 9000, networkMode: 'bridge' },
        small: { cpu: 256, memory: 512, networkMode: 'bridge', startup: { imagePull: '1s', containerStart: '1s' } },
      },
      services: {
        app: { taskDefinition: 'big', desiredCount: 1, launchType: 'EC2' },
        churn: {
          taskDefinition: 'small',
          desiredCount: 0,
          launchType: 'EC2',
          autoScaling: {
            minCapacity: 0,
            maxCapacity: 1,
            scheduledActions: {
              up: { schedule: 'cron(0/10 * * * ? *)', scalableTargetAction: { minCapacity: 1 } },
              down: { schedule: 'cron(5/10 * * * ? *)', scalableTargetAction: { minCapacity: 0, maxCapacity: 0 } },
              back: { schedule: 'cron(6/10 * * * ? *)', scalableTargetAction: { maxCapacity: 1 } },
            },
          },
        },
      },
    };
    const r = run(loadScenarioObject('six-hours', raw, { baseDir: '.' }));
    const unplaceable = r.events.filter((e) => e.type === 'task-unplaceable' && e.subject === 'app');
    const churnStops = r.events.filter((e) => e.type === 'task-stopped' && e.subject.startsWith('churn')).length;
    expect(churnStops).toBeGreaterThan(40); // the capacity did change all along
    expect(unplaceable.length).toBe(2);
    expect(unplaceable[0].time).toBe(0);
    expect(unplaceable[1].time).toBeGreaterThanOrEqual(6 * 3_600_000);
    expect(unplaceable[1].time).toBeLessThanOrEqual(6 * 3_600_000 + 600_000);
    expect(unplaceable[1].message).toBe(unplaceable[0].message);
  });
});
