// Two fluid-fidelity approximations that routing makes weak are warned of, pointing to
// fidelity: request. (1) least-outstanding under ALB fail-open: fluid gives every unhealthy
// target an equal share, request fidelity sends more to a target whose application has not
// started (it fails each request at once, so none is outstanding there). Fail-open needs a
// target turned unhealthy: unhealthyThreshold failed checks (at k x interval after RUNNING)
// before the first passing one, the first check at or after the application's start; said
// where at least 1 task in 100 starts past that time (the chance hand-computed below), and
// not where ECS stops the task that instant (maximumPercent 100, no grace period past it).
// (2) round-robin with maxQueuePerTask below 4, but at concurrency 1 with exponential
// service (fluid's exact Erlang chain): fluid's Poisson arrivals drop more than
// round-robin's smoother ones.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { quickstart } from '../helpers.js';

/** The library's health-check-grace-period scenario without its experiment keys, changed by `edit`. */
const graceScenario = (edit: (s: Record<string, any>) => void) => {
  const s = parse(readFileSync('scenarios/health-check-grace-period.yaml', 'utf8')) as Record<string, any>;
  delete s.variants;
  delete s.expect;
  delete s.replications;
  edit(s);
  return s;
};

const at = (s: Record<string, any>, path: string) =>
  scenarioWarnings(loadScenarioObject('t', s, { baseDir: '.' }))
    .filter((w) => w.at.join('.') === path)
    .map((w) => w.message);

const routingWarnings = (edit: (s: Record<string, any>) => void) => at(graceScenario(edit), 'services.web.loadBalancer.routing');

const failOpen = (unhealthyAt: string, threshold: number, start: string, tasks: string) =>
  `least-outstanding in fluid fidelity gives every target an equal share when the load balancer fails open (no target healthy, at least one unhealthy), but a new target turns unhealthy ${unhealthyAt} after RUNNING (${threshold} failed checks) before its application answers (applicationStart ${start}: ${tasks} past ${unhealthyAt}); there request fidelity sends more to a target whose application has not started (each request fails at once, so none is outstanding) and drops more: use fidelity: request to see that phase (docs/assumptions.md)`;

describe('warning: least-outstanding in fluid fidelity where fail-open is possible', () => {
  it('the library scenario (applicationStart 80-140 s, checks every 30 s, unhealthy after 2): checks at 30 and 60 s fail, unhealthy at 60 s', () => {
    expect(routingWarnings(() => {})).toEqual([failOpen('1m', 2, 'uniform', 'every task')]);
  });

  it('an application answering by the second check (60 s) never lets a target turn unhealthy: not warned; 61 s is', () => {
    const fixed = (ms: string) => (s: Record<string, any>) => {
      s.taskDefinitions.web.startup.applicationStart = ms;
    };
    expect(routingWarnings(fixed('60s'))).toEqual([]);
    expect(routingWarnings(fixed('61s'))).toEqual([failOpen('1m', 2, 'fixed', 'every task')]);
    // unhealthyThreshold 3: 61 s fails 2 checks only; 91 s fails 3 (30, 60, 90 s)
    const three = (ms: string) => (s: Record<string, any>) => {
      fixed(ms)(s);
      s.services.web.loadBalancer.healthCheck.unhealthyThreshold = 3;
    };
    expect(routingWarnings(three('61s'))).toEqual([]);
    expect(routingWarnings(three('91s'))).toEqual([failOpen('1m30s', 3, 'fixed', 'every task')]);
  });

  // the chance a start is past the unhealthy time (60 s here) decides: said from 1 task in 100
  const start = (d: Record<string, unknown>) => (s: Record<string, any>) => {
    s.taskDefinitions.web.startup.applicationStart = d;
  };

  it('uniform: 0-60 s is never past 60 s (not warned); 50-70 s is half the time', () => {
    expect(routingWarnings(start({ distribution: 'uniform', min: '0s', max: '60s' }))).toEqual([]);
    expect(routingWarnings(start({ distribution: 'uniform', min: '50s', max: '70s' }))).toEqual([failOpen('1m', 2, 'uniform', 'about 50 % of tasks')]);
    // 59-160 s: (160 - 60) / 101 = 99 %
    expect(routingWarnings(start({ distribution: 'uniform', min: '59s', max: '160s' }))).toEqual([failOpen('1m', 2, 'uniform', 'about 99 % of tasks')]);
  });

  it('exponential: P(past 60 s) = e^(-60 / mean); mean 1 s (e^-60) and 13 s (0.990 %) are not warned, 13.1 s (1.025 %: 1 in 97.5) and 20 s (e^-3 = 4.98 %) are', () => {
    expect(routingWarnings(start({ distribution: 'exponential', mean: '1s' }))).toEqual([]);
    expect(routingWarnings(start({ distribution: 'exponential', mean: '13s' }))).toEqual([]);
    expect(routingWarnings(start({ distribution: 'exponential', mean: '13100ms' }))).toEqual([failOpen('1m', 2, 'exponential', 'about 1 task in 98')]);
    expect(routingWarnings(start({ distribution: 'exponential', mean: '20s' }))).toEqual([failOpen('1m', 2, 'exponential', 'about 1 task in 20')]);
  });

  it('lognormal: sigma = ln(p95 / median) / 1.6449; median 5 s p95 10 s (z = 7.9: 2e-9) and 20/40 s (z = ln 3 / 0.4214 = 2.61: 0.46 %) are not warned, 30/60 s (z = 1.645: 5 %) is', () => {
    expect(routingWarnings(start({ distribution: 'lognormal', median: '5s', p95: '10s' }))).toEqual([]);
    expect(routingWarnings(start({ distribution: 'lognormal', median: '20s', p95: '40s' }))).toEqual([]);
    expect(routingWarnings(start({ distribution: 'lognormal', median: '30s', p95: '60s' }))).toEqual([failOpen('1m', 2, 'lognormal', 'about 1 task in 20')]);
  });

  it('normal: mean 5 s sd 1 s (z = 55) is not warned; mean 50 s sd 10 s (z = 1: 15.87 %, 1 in 6.3) is', () => {
    expect(routingWarnings(start({ distribution: 'normal', mean: '5s', sd: '1s' }))).toEqual([]);
    expect(routingWarnings(start({ distribution: 'normal', mean: '50s', sd: '10s' }))).toEqual([failOpen('1m', 2, 'normal', 'about 1 task in 6')]);
  });

  it('maximumPercent 100 with no grace period past the unhealthy time (60 s): the task is stopped the instant it turns unhealthy, never failed open to: not warned; a grace period of 61 s is', () => {
    const max100 = (grace: number) => (s: Record<string, any>) => {
      s.services.web.deploymentConfiguration = { minimumHealthyPercent: 100, maximumPercent: 100 };
      s.services.web.healthCheckGracePeriodSeconds = grace;
    };
    expect(routingWarnings(max100(0))).toEqual([]);
    expect(routingWarnings(max100(60))).toEqual([]);
    expect(routingWarnings(max100(61))).toEqual([failOpen('1m', 2, 'uniform', 'every task')]);
    // maximumPercent 101 (room for one more from 100 tasks) is not that case
    expect(
      routingWarnings((s) => {
        s.services.web.deploymentConfiguration = { minimumHealthyPercent: 100, maximumPercent: 101 };
      }),
    ).toEqual([failOpen('1m', 2, 'uniform', 'every task')]);
  });

  it('not in request fidelity, nor with round-robin or random routing', () => {
    expect(routingWarnings((s) => (s.services.web.fidelity = 'request'))).toEqual([]);
    expect(routingWarnings((s) => (s.services.web.loadBalancer.routing = 'round-robin'))).toEqual([]);
    expect(routingWarnings((s) => (s.services.web.loadBalancer.routing = 'random'))).toEqual([]);
  });
});

const queueWarnings = (edit: (s: Record<string, any>) => void) => {
  const s = quickstart();
  edit(s);
  return at(s, 'services.web.workload.maxQueuePerTask');
};

describe('warning: round-robin with a small maxQueuePerTask at concurrency above 1 in fluid fidelity', () => {
  const message = (cap: number, concurrency: number) =>
    `${cap} with round-robin at concurrency ${concurrency} in fluid fidelity: fluid takes each task's arrivals as Poisson, but round-robin's are smoother, so with a queue this small it drops too many requests and reads CPU low (4 tasks of concurrency 4 at 72 % load, a queue of 2: 5.1 % dropped against 3.5 %); use fidelity: request (docs/notes/service-model.md)`;

  it('the quick start (round-robin, concurrency 8) with a queue of 0 or 3 is warned; 4 and the 100 it has are not', () => {
    expect(queueWarnings((s) => (s.services.web.workload.maxQueuePerTask = 0))).toEqual([message(0, 8)]);
    expect(queueWarnings((s) => (s.services.web.workload.maxQueuePerTask = 3))).toEqual([message(3, 8)]);
    expect(queueWarnings((s) => (s.services.web.workload.maxQueuePerTask = 4))).toEqual([]);
    expect(queueWarnings(() => {})).toEqual([]);
  });

  it('at concurrency 1 with a service time not exponential (fluid keeps the Poisson approximation) it is warned', () => {
    expect(
      queueWarnings((s) => {
        s.services.web.workload.maxQueuePerTask = 2;
        s.services.web.workload.perTask.concurrency = 1;
        s.services.web.workload.perTask.serviceTime = { distribution: 'lognormal', median: '40ms', p95: '120ms' };
      }),
    ).toEqual([message(2, 1)]);
  });

  it('not at concurrency 1 with exponential service (the exact Erlang chain), in request fidelity, or with random or least-outstanding routing', () => {
    const small = (more: (s: Record<string, any>) => void) => (s: Record<string, any>) => {
      s.services.web.workload.maxQueuePerTask = 2;
      more(s);
    };
    expect(queueWarnings(small((s) => (s.services.web.workload.perTask.concurrency = 1)))).toEqual([]);
    expect(queueWarnings(small((s) => (s.services.web.fidelity = 'request')))).toEqual([]);
    expect(queueWarnings(small((s) => (s.services.web.loadBalancer.routing = 'random')))).toEqual([]);
    expect(queueWarnings(small((s) => (s.services.web.loadBalancer.routing = 'least-outstanding')))).toEqual([]);
  });
});
