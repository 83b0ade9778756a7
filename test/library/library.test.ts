// The scenario library (issue 9): every scenario in scenarios/ validates, runs, and meets
// its own `expect:` list, and so does every variant (with the variant's own `expect:`
// where it has one). Then a few lessons are checked in the records themselves, with the
// expected numbers worked out by hand from AWS's rules.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { validateExpectations, SUMMARY_SHAPE, type Shape } from '../../src/scenario/expect/index.js';
import { LIBRARY_DIR, deriveVariant, failures, libraryFiles, readRaw, runScenario, type LibraryRun } from './library.js';

const files = libraryFiles();
/** Scenarios other engineers keep in scenarios/ (examples of a command, no lesson to assert). */
const NOT_ASSERTING = new Set(['quickstart.yaml', 'compare-quickstart.yaml']);
const readme = readFileSync(join(LIBRARY_DIR, 'README.md'), 'utf8');
const runs = new Map<string, LibraryRun>();

/** Runs each (file, variant) once per test file, keeping the records. */
function run(file: string, variant = ''): LibraryRun {
  const key = `${file}#${variant}`;
  let r = runs.get(key);
  if (!r) {
    r = runScenario(key, deriveVariant(readRaw(file), variant));
    runs.set(key, r);
  }
  return r;
}

describe('the library', () => {
  it('has at least 12 scenarios besides the quick start', () => {
    expect(files.filter((f) => !NOT_ASSERTING.has(f)).length).toBeGreaterThanOrEqual(12);
  });

  for (const file of files) {
    describe(file, () => {
      const raw = readRaw(file);

      it('validates; its name matches the file; it has a description, a "Lesson:" header and a README entry', () => {
        const s = loadScenarioFile(join(LIBRARY_DIR, file));
        expect(s.scenario.name).toBe(file.replace(/\.yaml$/, ''));
        expect(s.scenario.description ?? '').not.toBe('');
        expect(readFileSync(join(LIBRARY_DIR, file), 'utf8').split('\nname:')[0]).toMatch(/^# .*\n[\s\S]*Lesson:/);
        expect(readme).toContain(`\`${file}\``);
      });

      it('its expectations (and its variants\') are well formed and name keys summary.json has', () => {
        const names = { services: Object.keys(raw.services), capacityProviders: Object.keys(raw.cluster.capacityProviders ?? {}) };
        expect(validateExpectations(raw.expect ?? [], names)).toEqual([]);
        for (const [v, patch] of Object.entries<any>(raw.variants ?? {})) {
          expect(validateExpectations(patch?.expect ?? [], names), v).toEqual([]);
        }
        if (!NOT_ASSERTING.has(file)) expect((raw.expect ?? []).length).toBeGreaterThan(0);
      });

      it('runs and meets its own expectations', () => {
        expect(failures(run(file))).toEqual([]);
      });

      for (const variant of Object.keys(raw.variants ?? {})) {
        it(`variant ${variant} validates, runs and meets its expectations`, () => {
          expect(failures(run(file, variant))).toEqual([]);
        });
      }
    });
  }
});

describe('summary.json has exactly the keys the load-time check knows (SUMMARY_SHAPE)', () => {
  it('every numeric or null leaf of real summaries is in the shape, and every shape key occurs', () => {
    const seen = new Set<string>();
    const walk = (node: unknown, shape: Shape | 'number', path: string) => {
      if (node === null || typeof node === 'number') {
        expect(shape, path).toBe('number');
        seen.add(path);
        return;
      }
      if (typeof node !== 'object') return; // texts (scenario name, currency) are not checkable
      expect(shape, path).not.toBe('number');
      const s = shape as Shape;
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        const wild = Object.hasOwn(s, '*');
        if (!wild && typeof v !== 'string') expect(Object.keys(s), `${path}.${k}`).toContain(k);
        if (wild) walk(v, s['*'], `${path}.*`);
        else if (Object.hasOwn(s, k)) walk(v, s[k], `${path}.${k}`);
      }
    };
    for (const file of ['capacity-target.yaml', 'fargate-spot.yaml']) walk(JSON.parse(JSON.stringify(run(file).summary)), SUMMARY_SHAPE, '');
    const all: string[] = [];
    const list = (s: Shape | 'number', path: string) => {
      if (s === 'number') all.push(path);
      else for (const [k, v] of Object.entries(s)) list(v, `${path}.${k}`);
    };
    list(SUMMARY_SHAPE, '');
    expect(all.filter((p) => !seen.has(p))).toEqual([]);
  });
});

describe('lessons in the records', () => {
  it('business-hours: cron(0 8 ? * MON-FRI *) in Europe/Berlin fires 07:00 UTC on Friday 27 March (CET) and 06:00 UTC on Monday 30 March (CEST)', () => {
    const r = run('business-hours.yaml');
    expect(r.events.filter((e) => e.type === 'scheduled-action' && e.time === 0).map((e) => /fired (\S+),.*\(after (\d+) earlier firings of this service's scheduled actions replayed since (\S+)\)$/.exec(e.message)?.slice(1))).toEqual([
      ['2026-03-26T07:00:00Z', '4', '2026-03-24T07:00:00Z'],
      ['2026-03-26T17:00:00Z', '5', '2026-03-24T07:00:00Z'],
    ]);
    const actions = r.events.filter((e) => e.type === 'scheduled-action').map((e) => [e.time / 1000, /office-\w+/.exec(e.message)?.[0]]);
    const day = 86_400;
    expect(actions).toEqual([
      // replayed at time 0 (the bounds in force at the start): since W = Wednesday 07:00Z
      // (each action's second-to-last), after Tuesday's seeds, 08:00 CET (07:00Z) then
      // 18:00 CET (17:00Z): 6 firings, each action's last (Thursday's) logged; minCapacity 2
      [0, 'office-opens'],
      [0, 'office-closes'],
      [7 * 3600, 'office-opens'], // Fri 08:00 CET
      [17 * 3600, 'office-closes'], // Fri 18:00 CET
      [3 * day + 6 * 3600, 'office-opens'], // Mon 08:00 CEST (no action Sat/Sun)
      [3 * day + 16 * 3600, 'office-closes'], // Mon 18:00 CEST
    ]);
  });

  it('unplaceable-task: 9000 MiB fits no m5.large (floor(8192 x 0.98) = 8028 MiB registered) -> RESOURCE:MEMORY on all 3; memberOf g5.* excludes all 3', () => {
    const r = run('unplaceable-task.yaml');
    const after = r.events.filter((e) => e.type === 'task-unplaceable' && e.time >= 60_000);
    expect(after.find((e) => e.subject === 'reports')?.message).toMatch(/3 rejected for RESOURCE:MEMORY/);
    // closest instance runs one 512 MiB web task: 9000 - (8028 - 512) = 1484 MiB short
    expect(after.find((e) => e.subject === 'reports')?.message).toMatch(/lacks 1484 MiB memory/);
    expect(after.find((e) => e.subject === 'gpu-batch')?.message).toMatch(/3 rejected for memberOf/);
    expect(r.tasks.filter((t) => t.service !== 'web').every((t) => t.running === null)).toBe(true);
  });

  it('flash-crowd: target tracking acts 4 minutes after the crowd arrives (3 datapoints of minutes 60-62, the last visible at 63 + 1 min publish delay)', () => {
    const first = run('flash-crowd.yaml', 'target-tracking').events.find((e) => e.type === 'scaling-activity')!;
    expect(first.time).toBe(64 * 60_000);
    expect(first.message).toMatch(/4 -> 7/); // ceil(4 x 100 / 60) = 7
    const step = run('flash-crowd.yaml', 'step-scaling').events.find((e) => e.type === 'scaling-activity')!;
    // 1 of 1 datapoint: minute 60 is at 100 % only once the ramp-up minute is over, so minute 61, visible at 62
    expect(step.time).toBe(62 * 60_000);
    expect(step.message).toMatch(/4 -> 10/); // 100 % is 30 above 70: +150 % of 4 = 6
  });

  it('fargate-spot: base 2 on FARGATE, the other 6 of 8 on FARGATE_SPOT (aws-behaviour.md section 7)', () => {
    const r = run('fargate-spot.yaml');
    const first8 = r.tasks.filter((t) => Number(t.taskId.split('-').pop()) <= 8);
    expect(first8.filter((t) => t.capacityProvider === 'FARGATE')).toHaveLength(2);
    expect(first8.filter((t) => t.capacityProvider === 'FARGATE_SPOT')).toHaveLength(6);
    expect(r.tasks.filter((t) => t.stopReason === 'spot-interruption').every((t) => t.capacityProvider === 'FARGATE_SPOT')).toBe(true);
  });

  it('binpack-vs-spread: spread keeps the 6 remaining tasks balanced over the 3 AZs (2 each)', () => {
    const r = run('binpack-vs-spread.yaml', 'spread');
    const alive = r.tasks.filter((t) => t.stopReason === 'simulation-end');
    const byAz = new Map<string, number>();
    for (const t of alive) byAz.set(t.availabilityZone!, (byAz.get(t.availabilityZone!) ?? 0) + 1);
    expect([...byAz.values()]).toEqual([2, 2, 2]);
  });

  it('daemon-service: every instance that registered got one log-router task', () => {
    const r = run('daemon-service.yaml');
    const registered = r.events.filter((e) => e.type === 'instance-registered').map((e) => e.subject).sort();
    const daemonHosts = r.tasks.filter((t) => t.service === 'log-router').map((t) => t.instanceId).sort();
    expect(daemonHosts).toEqual(registered);
  });

  it('health-check-grace-period: marked unhealthy and replaced first at its second failed check (60 s after RUNNING) without a grace period, when a 120 s period ends with 120 s, never with 300 s; with maximumPercent 100, stopped then', () => {
    // checks every 30 s, unhealthy after 2 failures; the application needs 80-140 s, so it
    // is healthy again (5 passes) 210-270 s after RUNNING unless stopped first. Stopped: 1 s
    // to exit, after the 30 s deregistration delay if its target accepted requests (failed open
    // to while its application answered); a target that never accepted one (never failed open
    // to, or only before its application started: every connection refused) deregisters at
    // once (edit-target-group-attributes.html#deregistration-delay)
    const base = run('health-check-grace-period.yaml', 'no-grace');
    const stopped = base.tasks.filter((t) => t.stopped !== null);
    expect(stopped.length).toBeGreaterThan(5);
    // stopped when marked (60 s after RUNNING) or later, when a replacement failed too
    for (const t of stopped) expect(t.stopReason).toBe('failed-elb-health-checks');
    for (const t of stopped) expect(t.stopped! - t.running!).toBeGreaterThanOrEqual(60_000 + 1_000);
    expect(stopped.some((t) => t.stopped! - t.running! > 60_000 + 31_000)).toBe(true);
    // 1 s after the stop when stopped as it turns unhealthy (the just-marked replacement:
    // before the load balancer fails open to it), 31 s when failed open to once its application answered
    const afterStop = stopped.map((t) => t.stopped! - base.events.find((e) => e.type === 'task-unhealthy' && e.message.startsWith(`the service stops ${t.taskId} `))!.time);
    expect(new Set(afterStop)).toEqual(new Set([1_000, 31_000]));
    // some tasks outlived their marking and recovered: three run at the end, serving
    expect(base.tasks.filter((t) => t.stopReason === 'simulation-end')).toHaveLength(3);
    // a marked task healthy again has its own type, task-healthy: no task-unhealthy row says it
    const healthyAgain = base.events.filter((e) => / is healthy again in /.test(e.message));
    expect(healthyAgain.length).toBeGreaterThanOrEqual(3);
    expect(new Set(healthyAgain.map((e) => e.type))).toEqual(new Set(['task-healthy']));
    expect(base.events.filter((e) => e.type === 'task-healthy')).toEqual(healthyAgain);
    // grace 120 s: the originals are marked at 120 s and replaced, healthy again at 210-270 s;
    // on this seed each replacement, marked at its own 120 s, is the one stopped. A replacement
    // whose target turned unhealthy (60 s after RUNNING) while no target was healthy yet was
    // failed open to; if its application answered (80-140 s after RUNNING) before a first
    // task was healthy again and before its stop, it accepted requests: stopped after the
    // 30 s deregistration delay, 31 s; otherwise (never failed open to, or only while its
    // connections were refused) 1 s to exit
    const g = run('health-check-grace-period.yaml', 'grace-120s');
    expect(g.tasks.filter((t) => t.stopReason === 'simulation-end').map((t) => t.taskId)).toEqual(['web-1', 'web-2', 'web-3']);
    const firstHealthy = g.events.find((e) => e.type === 'task-healthy')!.time;
    const gStopped = g.tasks.filter((t) => t.stopped !== null);
    expect(gStopped.length).toBeGreaterThan(0);
    for (const t of gStopped) {
      const unhealthy = g.events.find((e) => e.type === 'task-unhealthy' && e.subject === t.taskId)!;
      const appStart = Number(/its application starts ([\d.]+) s after RUNNING/.exec(unhealthy.message)![1]) * 1000;
      const failedOpenTo = t.running! + 60_000 < firstHealthy && t.running! + appStart < Math.min(firstHealthy, t.running! + 120_000);
      expect([t.stopReason, t.stopped! - t.running!], t.taskId).toEqual(['failed-elb-health-checks', 120_000 + (failedOpenTo ? 31_000 : 1_000)]);
    }
    // maximumPercent 100: no room to start a replacement first, each task stops at its marking
    // (as its target turns unhealthy, before the load balancer fails open to it: never sent a
    // request, no deregistration delay)
    const loop = run('health-check-grace-period.yaml', 'no-grace-max-100').tasks.filter((t) => t.stopped !== null);
    expect(loop.length).toBeGreaterThan(50);
    for (const t of loop) expect([t.stopReason, t.stopped! - t.running!], t.taskId).toEqual(['failed-elb-health-checks', 60_000 + 1_000]);
    const up = run('health-check-grace-period.yaml', 'grace-300s');
    expect(up.tasks.map((t) => t.stopReason)).toEqual(['simulation-end', 'simulation-end', 'simulation-end']);
    expect(up.events.filter((e) => e.type === 'task-unhealthy').map((e) => e.message.replace(/^\(service web\) \(task web-\d+\) /, '').replace(/starts [\d.]+ s/, 'starts A s'))).toEqual(
      Array(3).fill('is unhealthy in (target-group web) due to (reason Health checks failed): 2 consecutive checks failed, the last 60 s after RUNNING (its application starts A s after RUNNING); ignored during the health check grace period (300 s after RUNNING)'),
    );
    // the grace period holds ECS back, not the load balancer: with every target unhealthy it
    // fails open (one period of it, to the first healthy target), and the tasks serve before
    // any is healthy, from their application's start
    const failOpen = up.events.filter((e) => e.type === 'target-group-fail-open');
    expect(failOpen).toHaveLength(2);
    expect(failOpen[1].message).toMatch(/has 1 healthy target again/);
    expect(up.series.find((x) => x.requestsServed > 0)!.time).toBeLessThan(failOpen[1].time);
  });
});

/** A (file, variant) run on another seed, without keeping records. */
function runOnSeed(file: string, variant: string, seed: number): LibraryRun {
  return runScenario(`${file}#${variant}@${seed}`, { ...deriveVariant(readRaw(file), variant), seed }, false);
}

describe('the lessons hold on other seeds, not only the file\'s own (scenarios/README.md)', () => {
  // Seeds where earlier expect: lists pinned one seed's value and failed; the full check
  // (every file and variant on seeds base..base+14) is described in docs/notes/library.md.
  const cases: [string, number[]][] = [
    ['capacity-target.yaml', [5, 8, 12]],
    ['instance-warmup.yaml', [14]],
    ['daemon-service.yaml', [12, 16]],
    ['fargate-vs-ec2-cost.yaml', [4, 8]],
  ];
  for (const [file, seeds] of cases) {
    it(`${file}: the base and every variant meet their expectations on seed${seeds.length === 1 ? '' : 's'} ${seeds.join(', ')}`, () => {
      const variants = ['', ...Object.keys(readRaw(file).variants ?? {})];
      for (const seed of seeds) for (const v of variants) expect(failures(runOnSeed(file, v, seed)), `${v || 'base'} @ ${seed}`).toEqual([]);
    });
  }

  // capacity-target.yaml: 2 tasks per m5.large (1024 of 2048 CPU units each); the 5 tasks
  // need 3 instances, kept as 3 at targetCapacity 100 (1 task slot spare) and as
  // ceil(3 / 0.8) = 4 at 80 (3 spare). Of the 4 tasks target tracking adds at 10:04
  // (ceil(5 x 100/60) = 9), 1 starts at once at 100 and 3 wait for the instances managed
  // scaling launches at 10:06 at the earliest (it sees 10:04's reservation one publish
  // delay later); at 80, 3 start at once. 6 tasks serve 900 of the 1000 rps, 8 serve 1200:
  // at 100 the overload lasts through 10:06 at least, at 80 it ends within 10:04, so 80 has
  // at least those 2 minutes (10:05, 10:06) fewer; it pays for the spare instances.
  it('capacity-target: on the same seed 80 starts 3 of the 10:04 decision\'s 4 tasks at once (100: 1), has at least 2 SLO minutes fewer and costs more', () => {
    const file = 'capacity-target.yaml';
    for (const seed of [4, 5, 8, 12]) {
      const figures = (variant: string) => {
        const r = runScenario(`${file}#${variant}@${seed}`, { ...deriveVariant(readRaw(file), variant), seed });
        const s = JSON.parse(JSON.stringify(r.summary));
        const added = r.tasks.filter((t) => t.created === 64 * 60_000);
        // at once: RUNNING within a minute (image pull p95 30 s, container start 3 s);
        // a task that waited for an instance runs 2 minutes after the decision at the earliest
        const atOnce = added.filter((t) => t.running !== null && t.running - t.created < 60_000).length;
        return { added: added.length, atOnce, slo: s.services.web.sloViolationMinutes as number, cost: s.cost.total as number };
      };
      const full = figures('target-100');
      const spare = figures('target-80');
      expect([full.added, full.atOnce, spare.added, spare.atOnce], `seed ${seed}`).toEqual([4, 1, 4, 3]);
      expect(spare.slo, `seed ${seed}`).toBeLessThanOrEqual(full.slo - 2);
      expect(spare.cost, `seed ${seed}`).toBeGreaterThan(full.cost);
    }
  });

  // Over seeds 12..26 the 60 s warm-up reserves less on every seed, but has fewer SLO
  // minutes and drops fewer requests only on some (instance-warmup.yaml): the variants
  // launch at other times, so their instances take other launch delays and the service's
  // target tracking another path. Which seeds those are depends on the draws, so the test
  // asks only that both kinds occur among the 15 seeds, not for given seeds.
  it('instance-warmup: on the same seed a 60 s warm-up reserves less than 300 s; launching sooner pays on some seeds (fewer SLO minutes, over 5 % fewer drops), not on all', () => {
    let pays = 0;
    let doesNot = 0;
    for (let seed = 12; seed <= 26; seed++) {
      const figures = (variant: string) => {
        const s = JSON.parse(JSON.stringify(runOnSeed('instance-warmup.yaml', variant, seed).summary));
        return { dropped: s.services.web.requests.dropped as number, slo: s.services.web.sloViolationMinutes as number, reservation: s.capacityProviders['asg-m5'].meanReservation as number };
      };
      const slow = figures('warmup-300s');
      const fast = figures('warmup-60s');
      expect(fast.reservation, `seed ${seed}`).toBeLessThan(slow.reservation);
      if (fast.slo < slow.slo && fast.dropped < slow.dropped * 0.95) pays++;
      if (fast.slo > slow.slo || fast.dropped > slow.dropped) doesNot++;
    }
    expect(pays).toBeGreaterThan(0);
    expect(doesNot).toBeGreaterThan(0);
  });
});
