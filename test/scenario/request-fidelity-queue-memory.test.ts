// A request-fidelity queue service keeps every waiting message in memory (44 bytes each:
// request-model.ts's pool, 3 x 8 + 5 x 4), and SQS's queue has no bound: a message leaves
// only when served or deleted after messageRetentionPeriod. Warned of at load when the most
// that wait at the worst, the backlog followed a minute at a time (offered - tasks x
// concurrency / mean serviceTime a step, never below 0), capped at highest rate x retention,
// takes more than 1 GiB (2^30 bytes: 24 403 223.3 messages).

import { describe, expect, it } from 'vitest';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';

const scenario = (o: { rate?: unknown; duration?: string; service?: Record<string, unknown>; workload?: Record<string, unknown> } = {}) => ({
  name: 'mem',
  duration: o.duration ?? '1h',
  cluster: { availabilityZones: ['us-east-1a'], capacityProviders: { FARGATE: {} } },
  taskDefinitions: { w: { cpu: 256, memory: 512, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'] } },
  services: {
    w: {
      taskDefinition: 'w',
      desiredCount: 0,
      launchType: 'FARGATE',
      fidelity: 'request',
      workload: { type: 'queue', requestRate: o.rate ?? 10_000, perTask: { concurrency: 1, serviceTime: { distribution: 'fixed', value: '200ms' } }, ...o.workload },
      ...o.service,
    },
  },
});

const warned = (o: Parameters<typeof scenario>[0] = {}) =>
  scenarioWarnings(loadScenarioObject('mem', scenario(o), { baseDir: '.' }))
    .filter((w) => w.at.join('.') === 'services.w.fidelity' && w.message.startsWith('request fidelity keeps'))
    .map((w) => w.message);

describe('warning: a request-fidelity queue whose waiting messages outgrow 1 GiB', () => {
  it('10 000/s for 1h, no task: 36e6 messages wait, x 44 B = 1.584e9 B = 1.475 GiB', () => {
    expect(warned()).toEqual([
      'request fidelity keeps each waiting message in memory: at least about 36 000 000 messages wait at the worst (10 000/s offered on average over 1h, at most 0/s served by desiredCount 0), about 1.5 GiB at 44 bytes a message; use fidelity: fluid, a shorter duration, or a shorter messageRetentionPeriod',
    ]);
  });

  it('the threshold: 6 778/s x 3 600 s = 24 400 800 messages (1.0736e9 B, under 2^30) is not warned of; 6 779/s (24 404 400) is', () => {
    expect(warned({ rate: 6778 })).toEqual([]);
    expect(warned({ rate: 6779 })).toHaveLength(1);
  });

  it('a backlog that fills and drains is counted at its worst, not at the run\'s end: 40 000/s to 30m then 0, 20 000/s served (200 tasks x 10 / 100 ms): (40 000 - 20 000) x 1 800 s = 36e6 at 30m, though all is served by 1h', () => {
    const load = { rate: { step: { from: 40_000, to: 0, at: '30m' } }, service: { desiredCount: 200 }, workload: { perTask: { concurrency: 10, serviceTime: { distribution: 'fixed', value: '100ms' } } } };
    expect(warned(load)).toEqual([
      'request fidelity keeps each waiting message in memory: at least about 36 000 000 messages wait at the worst (20 000/s offered on average over 1h, at most 20 000/s served by desiredCount 200 x concurrency 10 / mean serviceTime 100ms, every task serving from the start), about 1.5 GiB at 44 bytes a message; use fidelity: fluid, a shorter duration, or a shorter messageRetentionPeriod',
    ]);
  });

  it('capacity left idle is not stored up: 100/s for a day with a 10-minute spike to 100 000/s at 1h, 50 000/s served (250 tasks x 1 / 5 ms): (100 000 - 50 000) x 600 s = 30e6 wait at its end (1.32e9 B)', () => {
    const spike = { constant: 100, spikes: [{ at: '1h', hold: '10m', multiplier: 1000 }] };
    const w = warned({ rate: spike, duration: '1d', service: { desiredCount: 250 }, workload: { perTask: { concurrency: 1, serviceTime: { distribution: 'fixed', value: '5ms' } } } });
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/^request fidelity keeps each waiting message in memory: at least about 30 000 000 messages wait at the worst \(/);
  });

  it('a randomWalk or noise: its highest rate throughout, neither floor nor ceiling; a binding retention: up to', () => {
    const noisy = warned({ rate: { constant: 10_000, noise: { cv: 0.1 } } });
    expect(noisy[0]).toMatch(/^request fidelity keeps each waiting message in memory: about [\d ]+ messages wait at the worst \([\d ]+\/s offered, its highest rate throughout over 1h, /);
    expect(warned({ rate: 50_000, workload: { messageRetentionPeriod: '10m' } })[0]).toMatch(/: up to about 30 000 000 messages wait at the worst \(/);
  });

  it('a mean service time is said to 3 significant digits (lognormal median 100 ms, p95 300 ms: mean 124.988... ms)', () => {
    const w = warned({ service: { desiredCount: 10 }, workload: { perTask: { concurrency: 1, serviceTime: { distribution: 'lognormal', median: '100ms', p95: '300ms' } } } });
    expect(w[0]).toContain('/ mean serviceTime 125ms, every task');
  });

  it('served messages are taken off: desiredCount 500 x 1 / 0.2 s = 2 500/s, 36e6 - 9e6 = 27e6 wait (1.188e9 B, 1.1 GiB); 1 000 tasks (5 000/s, 18e6 wait, 7.92e8 B) are not warned of', () => {
    expect(warned({ service: { desiredCount: 500 } })).toEqual([
      'request fidelity keeps each waiting message in memory: at least about 27 000 000 messages wait at the worst (10 000/s offered on average over 1h, at most 2 500/s served by desiredCount 500 x concurrency 1 / mean serviceTime 200ms, every task serving from the start), about 1.1 GiB at 44 bytes a message; use fidelity: fluid, a shorter duration, or a shorter messageRetentionPeriod',
    ]);
    expect(warned({ service: { desiredCount: 1000 } })).toEqual([]);
  });

  it('with autoScaling, the highest maxCapacity it can reach: 500 warns (as above), a scheduled action raising it to 1 000 does not', () => {
    const as = { minCapacity: 0, maxCapacity: 500 };
    expect(warned({ service: { autoScaling: as } })[0]).toContain('at most 2 500/s served by maxCapacity 500 x concurrency 1');
    const raised = { ...as, scheduledActions: { more: { schedule: 'at(2026-01-01T00:10:00)', scalableTargetAction: { maxCapacity: 1000 } } } };
    expect(warned({ service: { autoScaling: raised }, duration: '1h' })).toEqual([]);
  });

  it('at most the highest rate x messageRetentionPeriod: 50 000/s for 1h with 10m retention keeps 50 000 x 600 = 3e7 (1.32e9 B, 1.2 GiB); 5m keeps 1.5e7 (6.6e8 B): not warned of', () => {
    expect(warned({ rate: 50_000, workload: { messageRetentionPeriod: '10m' } })).toEqual([
      'request fidelity keeps each waiting message in memory: up to about 30 000 000 messages wait at the worst (50 000/s offered on average over 1h, at most 0/s served by desiredCount 0; SQS deletes a message after messageRetentionPeriod 10m), about 1.2 GiB at 44 bytes a message; use fidelity: fluid, a shorter duration, or a shorter messageRetentionPeriod',
    ]);
    expect(warned({ rate: 50_000, workload: { messageRetentionPeriod: '5m' } })).toEqual([]);
  });

  it('a daemon: a task on each instance, at most the groups\' maxSize (500: 2 500/s served, 27e6 wait; 1 000: 5 000/s, not warned of)', () => {
    const daemon = (maxSize: number) => {
      const o = scenario();
      const sc = o as Record<string, any>;
      sc.cluster = { availabilityZones: ['us-east-1a'], capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize, desiredCapacity: 1 } } } };
      sc.taskDefinitions.w = { cpu: 256, memory: 256 };
      const w = sc.services.w;
      delete w.desiredCount;
      w.launchType = 'EC2';
      w.schedulingStrategy = 'DAEMON';
      return scenarioWarnings(loadScenarioObject('mem', sc, { baseDir: '.' }))
        .filter((x) => x.message.startsWith('request fidelity keeps'))
        .map((x) => x.message);
    };
    expect(daemon(500)).toEqual([
      'request fidelity keeps each waiting message in memory: at least about 27 000 000 messages wait at the worst (10 000/s offered on average over 1h, at most 2 500/s served by a daemon task on each of at most 500 instances (the groups\' maxSize) x concurrency 1 / mean serviceTime 200ms, every task serving from the start), about 1.1 GiB at 44 bytes a message; use fidelity: fluid, a shorter duration, or a shorter messageRetentionPeriod',
    ]);
    expect(daemon(1000)).toEqual([]);
  });

  it('fidelity: fluid and an http workload (its queues are bounded by maxQueuePerTask) are not warned of', () => {
    expect(warned({ service: { fidelity: 'fluid' } })).toEqual([]);
    expect(warned({ workload: { type: 'http' } })).toEqual([]);
  });
});
