// Two fluid-fidelity approximations that routing makes weak are warned of, pointing to
// fidelity: request. (1) least-outstanding under ALB fail-open: fluid gives every unhealthy
// target an equal share, request fidelity sends more to a target whose application has not
// started (it fails each request at once, so none is outstanding there). Fail-open needs a
// target turned unhealthy: unhealthyThreshold failed checks (at k x interval after RUNNING)
// before the first passing one, the first check at or after the application's start.
// (2) round-robin with maxQueuePerTask below 4 at concurrency above 1: fluid's Poisson
// arrivals drop more than round-robin's smoother ones.

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

const failOpen = (unhealthyAt: string, threshold: number, upTo: string) =>
  `least-outstanding in fluid fidelity gives every target an equal share when the load balancer fails open (no target healthy, one unhealthy), but a new target turns unhealthy ${unhealthyAt} after RUNNING (${threshold} failed checks) before its application answers (applicationStart ${upTo}); there request fidelity sends more to a target whose application has not started (each request fails at once, so none is outstanding) and drops more: use fidelity: request to see that phase (docs/assumptions.md)`;

describe('warning: least-outstanding in fluid fidelity where fail-open is possible', () => {
  it('the library scenario (applicationStart 80-140 s, checks every 30 s, unhealthy after 2): checks at 30 and 60 s fail, unhealthy at 60 s', () => {
    expect(routingWarnings(() => {})).toEqual([failOpen('1m', 2, 'up to 2m20s')]);
  });

  it('an application answering by the second check (60 s) never lets a target turn unhealthy: not warned; 61 s is', () => {
    const fixed = (ms: string) => (s: Record<string, any>) => {
      s.taskDefinitions.web.startup.applicationStart = ms;
    };
    expect(routingWarnings(fixed('60s'))).toEqual([]);
    expect(routingWarnings(fixed('61s'))).toEqual([failOpen('1m', 2, 'up to 1m1s')]);
    // unhealthyThreshold 3: 61 s fails 2 checks only; 91 s fails 3 (30, 60, 90 s)
    const three = (ms: string) => (s: Record<string, any>) => {
      fixed(ms)(s);
      s.services.web.loadBalancer.healthCheck.unhealthyThreshold = 3;
    };
    expect(routingWarnings(three('61s'))).toEqual([]);
    expect(routingWarnings(three('91s'))).toEqual([failOpen('1m30s', 3, 'up to 1m31s')]);
  });

  it('a uniform start up to 60 s is not warned; one of 50-70 s is (its largest value decides); an exponential one, without bound, is', () => {
    expect(routingWarnings((s) => (s.taskDefinitions.web.startup.applicationStart = { distribution: 'uniform', min: '0s', max: '60s' }))).toEqual([]);
    expect(routingWarnings((s) => (s.taskDefinitions.web.startup.applicationStart = { distribution: 'uniform', min: '50s', max: '70s' }))).toEqual([failOpen('1m', 2, 'up to 1m10s')]);
    expect(routingWarnings((s) => (s.taskDefinitions.web.startup.applicationStart = { distribution: 'exponential', mean: '1s' }))).toEqual([failOpen('1m', 2, 'exponential, without bound')]);
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
    `${cap} with round-robin at concurrency ${concurrency} in fluid fidelity: fluid takes each task's arrivals as Poisson, but round-robin's are smoother, so with a queue this small it drops too many requests and reads CPU low (4 tasks of concurrency 4 at 72 % load, a queue of 2: 5.1 % dropped against 3.5 %); use fidelity: request (notes/service-model.md)`;

  it('the quick start (round-robin, concurrency 8) with a queue of 0 or 3 is warned; 4 and the 100 it has are not', () => {
    expect(queueWarnings((s) => (s.services.web.workload.maxQueuePerTask = 0))).toEqual([message(0, 8)]);
    expect(queueWarnings((s) => (s.services.web.workload.maxQueuePerTask = 3))).toEqual([message(3, 8)]);
    expect(queueWarnings((s) => (s.services.web.workload.maxQueuePerTask = 4))).toEqual([]);
    expect(queueWarnings(() => {})).toEqual([]);
  });

  it('not at concurrency 1 (the exact Erlang chain), in request fidelity, or with random or least-outstanding routing', () => {
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
