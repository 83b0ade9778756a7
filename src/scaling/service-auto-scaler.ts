// Application Auto Scaling for one ECS service: its scalable target, scaling policies and
// scheduled actions, driven by the simulation once per metric period and at each scheduled
// time. Pure: no simulator, no clock of its own; times are simulation ms.

import type { AlarmTransition } from './alarm.js';
import { endScaleInCooldown, lowerScaleOutCooldown, recordScaleIn, recordScaleOut } from './cooldown.js';
import { decideScaling, heldScaleIn, scaleInsThatCount } from './decide-scaling.js';
import type { ScalingActivity, ScalingEvent } from './events.js';
import type { MetricStore } from './metric-store.js';
import { validateCapacityBounds, type ScalableTarget } from './scalable-target.js';
import { applyScheduledAction, createScheduledAction, type ScheduledAction, type ScheduledActionConfig } from './scheduled-action.js';
import { nextFire, nextFireOrSkip, prevFire, PREV_FIRE_HORIZON_MS, skippedTimes, type CronSkip } from './schedule/next-fire.js';
import type { ScalingPolicy, ScalingRequest } from './scaling-policy.js';
import { StepScalingPolicy, type StepScalingPolicyConfig } from './step-scaling-policy.js';
import type { TargetTrackingPolicyConfig } from './target-tracking.js';
import { TargetTrackingPolicy } from './target-tracking-policy.js';

export type ScalingPolicyConfig = TargetTrackingPolicyConfig | StepScalingPolicyConfig;

export interface ServiceAutoScalerConfig {
  /** The service name; the subject of every event. */
  subject: string;
  minCapacity: number;
  maxCapacity: number;
  /** Policies by name, evaluated in this order (ties go to the earlier). */
  policies?: Record<string, ScalingPolicyConfig>;
  scheduledActions?: Record<string, ScheduledActionConfig>;
  /** Epoch ms of simulation time 0 (the scenario's `start`); schedules are calendar-based. */
  startEpochMs?: number;
}

export interface AutoScalerResult {
  desiredCount: number;
  events: ScalingEvent[];
}

/** A firing before the run's start, replayed at time 0 (ServiceAutoScaler.replayBeforeStart). */
export interface ReplayedFiring {
  a: ScheduledAction;
  /** When it fired, epoch ms. */
  f: number;
  /** It would have left minCapacity > maxCapacity: nothing changed. */
  failed: boolean;
  /** Its scheduled-action event's message (with whether its bounds are in force at the start). */
  message: string;
  /** A bound it set is in force at the start (no later replayed firing set that bound). */
  inForce: boolean;
  /** The message's end: "in force at the start", "overridden by open (fired ...)", "failed: ...". */
  status: string;
}

const NO_EVENTS: ScalingEvent[] = [];

/** The most firings of one action replayed before the start (ServiceAutoScaler.firingsBeforeStart). */
export const MAX_REPLAYED_PER_ACTION = 1000;

export class ServiceAutoScaler {
  readonly subject: string;
  readonly target: ScalableTarget;
  readonly policies: readonly ScalingPolicy[];
  readonly scheduledActions: readonly ScheduledAction[];
  private readonly startEpochMs: number;
  private readonly requests: (ScalingRequest | null)[];
  private readonly transitions: AlarmTransition[] = [];
  private readonly notes: string[] = [];
  /** Scheduled firings up to this simulation time have been run. */
  private scheduledUpTo: number;

  constructor(config: ServiceAutoScalerConfig, initialDesiredCount: number) {
    const { subject, minCapacity, maxCapacity } = config;
    validateCapacityBounds(minCapacity, maxCapacity, `services.${subject}.autoScaling`);
    if (!(Number.isInteger(initialDesiredCount) && initialDesiredCount >= 0)) {
      throw new Error(`services.${subject}.desiredCount: expected a whole number >= 0, found ${initialDesiredCount}`);
    }
    this.subject = subject;
    this.startEpochMs = config.startEpochMs ?? 0;
    this.target = { desiredCount: initialDesiredCount, minCapacity, maxCapacity };
    this.policies = Object.entries(config.policies ?? {}).map(([name, p]) => buildPolicy(subject, name, p));
    // in the order written: Application Auto Scaling runs a scalable target's scheduled
    // actions "in the order that they are specified" (scheduled-scaling-policy-overview.html);
    // the scenario schema refuses names JavaScript would move ahead ("1", "2")
    this.scheduledActions = Object.entries(config.scheduledActions ?? {}).map(([name, a]) => createScheduledAction(name, a));
    this.requests = this.policies.map(() => null);
    this.scheduledUpTo = -1; // a firing at exactly simulation time 0 counts
    // registering the scalable target brings a desired count outside [min, max] inside (the
    // scenario loader has clamped it already and warned: scenario/warnings.ts)
    this.target.desiredCount = Math.min(maxCapacity, Math.max(minCapacity, initialDesiredCount));
  }

  /**
   * Call once per metric period, when that period's datapoints become visible. `currentDesired`
   * is the service's desired count as ECS holds it: AAS computes every request from the
   * scalable target's current capacity, which for ECS is the service's desired count.
   */
  onMetricsVisible(t: number, store: MetricStore, currentDesired?: number): AutoScalerResult {
    const target = this.target;
    if (currentDesired !== undefined) target.desiredCount = currentDesired;
    const transitions = this.transitions;
    // (an array's length set even to its own value is a runtime call: once a period per service)
    if (transitions.length > 0) transitions.length = 0;
    const requests = this.requests;
    const notes = this.notes;
    if (notes.length > 0) notes.length = 0;
    for (let i = 0; i < this.policies.length; i++) requests[i] = this.policies[i].evaluate(t, store, target, transitions, notes);
    let events = NO_EVENTS;
    if (transitions.length > 0 || notes.length > 0) {
      events = [];
      for (const tr of transitions) {
        events.push({ type: 'alarm-state', time: t, subject: this.subject, message: `${tr.alarmName} ${tr.from} -> ${tr.to}: ${tr.message}` });
      }
      for (const message of notes) events.push({ type: 'no-step-adjustment', time: t, subject: this.subject, message });
    }
    const chosen = decideScaling(this.policies, requests, target.desiredCount);
    if (!chosen) {
      const held = this.heldNote(t, heldScaleIn(this.policies, requests, target.desiredCount));
      if (held) {
        if (events === NO_EVENTS) events = [];
        events.push(held);
      }
    }
    if (chosen) {
      const from = target.desiredCount;
      const to = chosen.capacity;
      target.desiredCount = to;
      if (chosen.direction === 'out') {
        for (let i = 0; i < this.policies.length; i++) {
          const p = this.policies[i];
          const r = requests[i];
          if (r && r.direction === 'out') recordScaleOut(p.cooldown, t, from, to, p.scaleOutCooldown);
          endScaleInCooldown(p.cooldown);
        }
      } else {
        const counted = scaleInsThatCount(this.policies, requests);
        for (let i = 0; i < this.policies.length; i++) {
          const p = this.policies[i];
          if (counted[i]) recordScaleIn(p.cooldown, t, p.scaleInCooldown);
          // the tasks a running scale-out cooldown's scale out added are gone: every policy's
          // cooldown stops counting them, as after a scheduled scale in (lowerScaleOutCooldown)
          lowerScaleOutCooldown(p.cooldown, to);
        }
      }
      if (events === NO_EVENTS) events = [];
      events.push(this.activity(t, from, to, chosen.explain()));
    }
    return { desiredCount: target.desiredCount, events };
  }

  /** The policies of the scale in held off at the previous evaluation ("" when none was). */
  private lastHeld = '';

  /**
   * A scale-in-held event when a held scale-out request overrules a scale in: once per stay,
   * again when the policies involved or the current capacity change, and after any scaling
   * activity, a scheduled action's included (not each minute the alarms repeat).
   */
  private heldNote(t: number, h: { into: ScalingRequest; by: ScalingRequest } | null): ScalingEvent | null {
    if (!h) {
      this.lastHeld = '';
      return null;
    }
    const from = this.target.desiredCount;
    // keyed with the capacity too: a stay ends when the desired count changes for any reason
    // (activity() also ends it after any scaling activity, a scheduled action's included)
    const key = `${h.into.policyName}\u0000${h.by.policyName}\u0000${from}`;
    if (key === this.lastHeld) return null;
    this.lastHeld = key;
    return {
      type: 'scale-in-held',
      time: t,
      subject: this.subject,
      message:
        `${this.policyLabel(h.into.policyName)} asks for ${h.into.capacity} (scale in from ${from}), not applied: ` +
        `${this.policyLabel(h.by.policyName)} asks for ${h.by.capacity} (${h.by.held}): largest capacity wins; ${h.into.explain()}`,
    };
  }

  private policyLabel(name: string): string {
    const p = this.policies.find((q) => q.name === name);
    return `${p?.policyType === 'StepScaling' ? 'step scaling' : 'target tracking'} ${name}`;
  }

  /**
   * The next simulation time after `after` at which a scheduled action fires, or a cron()
   * firing the clocks skip would have (runScheduledActions logs the skip), or null.
   * `skips` false: firings only.
   */
  nextScheduledTime(after: number, skips = true): number | null {
    let best: number | null = null;
    for (const a of this.scheduledActions) {
      const f = skips ? this.fireAfter(a, after) : this.computeFireAfter(a, after);
      if (f !== null && (best === null || f < best)) best = f;
    }
    return best;
  }

  /**
   * The bounds in force at the run's start (simulation time 0), before its first placement:
   * the replay of the actions' firings before the start (replayBeforeStart), then the
   * firings at time 0 itself. An action sets the bounds "at the time specified" and nothing
   * reverts them (application-auto-scaling-scheduled-scaling.html), so a run that starts
   * between firings starts with the bounds the last ones set. The desired count is the
   * scenario's, the count at the start, and is brought inside the bounds in force once they
   * are all replayed (a scaling activity naming the firing that set the bound it was
   * outside), not after each firing: what the count did between past firings is not known,
   * and an opening's raise followed by a closing's lower minimum would otherwise start the
   * run at the opening's count. Call once, before any runScheduledActions.
   */
  runInForceAtStart(currentDesired?: number): AutoScalerResult {
    if (currentDesired !== undefined) this.target.desiredCount = currentDesired;
    const target = this.target;
    const desired = target.desiredCount;
    const events: ScalingEvent[] = [];
    for (const r of this.replayBeforeStart()) events.push({ type: 'scheduled-action', time: 0, subject: this.subject, message: r.message });
    // the firing that set a bound last is the one whose value is in force
    const { min: minSetBy, max: maxSetBy } = this.replaySetters;
    // (the constructor brought the count inside the base bounds: a bound it is outside was replayed)
    if (desired < target.minCapacity) {
      target.desiredCount = target.minCapacity;
      events.push(this.activity(0, desired, target.minCapacity, `${minSetBy}; desired count ${desired} < minCapacity ${target.minCapacity}`));
    } else if (desired > target.maxCapacity) {
      target.desiredCount = target.maxCapacity;
      events.push(this.activity(0, desired, target.maxCapacity, `${maxSetBy}; desired count ${desired} > maxCapacity ${target.maxCapacity}`));
      for (const p of this.policies) lowerScaleOutCooldown(p.cooldown, target.maxCapacity);
    }
    const atStart = this.runScheduledActions(0);
    events.push(...atStart.events);
    return { desiredCount: this.target.desiredCount, events };
  }

  /**
   * Replays the firings before the start (firingsBeforeStart) onto the target's bounds, in
   * their order, each as a firing does (one that would leave minCapacity > maxCapacity fails
   * and changes nothing), the desired count left as it is; returns each action's LAST firing
   * before the start only (the earlier ones are replayed, not returned), with its event's
   * message, which gives the bound before the replay (the base: 2 below) and the one it set,
   * says whether the bounds it set are in force at the start or which later firing overrode
   * them, and how many earlier firings (of all the actions) were replayed: "scheduled action
   * close (cron(...)) fired 2026-02-27T18:00:00Z, before the run; replayed at time 0:
   * minCapacity 2 -> 2; overridden by open (fired 2026-03-02T08:00:00Z) (after 3 earlier
   * firings of this service's scheduled actions replayed since 2026-02-26T08:00:00Z)". The simulation (runInForceAtStart) and the
   * scenario's warnings both use it.
   */
  replayBeforeStart(): ReplayedFiring[] {
    const target = this.target;
    const desired = target.desiredCount;
    const fired = this.firingsBeforeStart();
    const base = { minCapacity: target.minCapacity, maxCapacity: target.maxCapacity };
    const done: { a: ScheduledAction; f: number; failed: boolean; message: string }[] = [];
    let minBy = -1;
    let maxBy = -1;
    for (const { a, f } of fired) {
      const r = applyScheduledAction(target, a, isoInstant(f), base);
      target.desiredCount = desired; // (brought inside the final bounds by the caller)
      if (!r.failed) {
        if (a.minCapacity !== undefined) minBy = done.length;
        if (a.maxCapacity !== undefined) maxBy = done.length;
      }
      done.push({ a, f, failed: r.failed, message: r.message });
    }
    const out: ReplayedFiring[] = [];
    this.replaySetters = { min: '', max: '' };
    // each action's last firing (the replay is in time order)
    const lastOf = new Map<ScheduledAction, number>();
    done.forEach((x, i) => lastOf.set(x.a, i));
    done.forEach((x, i) => {
      if (lastOf.get(x.a) !== i) return;
      // (every action's firings are counted: the service's replay, from its earliest)
      const earlier = i === 0 ? '' : ` (after ${i} earlier firing${i === 1 ? '' : 's'} of this service's scheduled actions replayed since ${isoInstant(done[0].f)})`;
      if (x.failed) {
        out.push({ ...x, message: x.message + earlier, inForce: false, status: x.message.slice(x.message.indexOf('failed: ')) });
        return;
      }
      const by = (k: number) => `${done[k].a.name} (fired ${isoInstant(done[k].f)})`;
      const bounds: { key: string; setter: number }[] = [];
      if (x.a.minCapacity !== undefined) bounds.push({ key: 'minCapacity', setter: minBy });
      if (x.a.maxCapacity !== undefined) bounds.push({ key: 'maxCapacity', setter: maxBy });
      const kept = bounds.filter((b) => b.setter === i);
      let status: string;
      if (kept.length === bounds.length) status = 'in force at the start';
      else if (kept.length === 0 && bounds.every((b) => b.setter === bounds[0].setter)) status = `overridden by ${by(bounds[0].setter)}`;
      else status = bounds.map((b) => (b.setter === i ? `${b.key} in force at the start` : `${b.key} overridden by ${by(b.setter)}`)).join(', ');
      out.push({ ...x, message: `${x.message}; ${status}${earlier}`, inForce: kept.length > 0, status });
    });
    this.replayedSetters = {
      min: minBy < 0 ? undefined : { name: done[minBy].a.name, f: done[minBy].f },
      max: maxBy < 0 ? undefined : { name: done[maxBy].a.name, f: done[maxBy].f },
    };
    for (const x of out) {
      if (done[minBy]?.a === x.a && done[minBy].f === x.f) this.replaySetters.min = x.message;
      if (done[maxBy]?.a === x.a && done[maxBy].f === x.f) this.replaySetters.max = x.message;
    }
    // (the firing that set a bound last is its action's last one: an action sets the same values
    // each time, and a later firing of it, with that bound still its own, cannot fail)
    return out;
  }

  /** The messages of the replayed firings that set minCapacity and maxCapacity last (replayBeforeStart). */
  private replaySetters = { min: '', max: '' };

  /**
   * The replayed firings (action name, epoch ms) that set minCapacity and maxCapacity last,
   * whose values are in force at the start (undefined: no replayed firing set it, the base
   * bound stands); filled by replayBeforeStart. The scenario's warnings name them.
   */
  replayedSetters: { min?: { name: string; f: number }; max?: { name: string; f: number } } = {};

  /**
   * The firings before the run's start (epoch ms) that set the bounds in force then, in the
   * order they are replayed. W is the earliest, over the actions, of each one's second-to-last
   * firing before the start (its last if it fired only once), so that every action fires at
   * least twice in [W, start) where it can: an action's last firing may depend on another's
   * earlier one (a minimum raised above the base maximum succeeds only after the maximum was
   * raised), at whatever rates they fire. First each action's last firing before W (a seed),
   * then every firing in [W, start); each part by firing time and, at the same instant, in the
   * order written. At most MAX_REPLAYED_PER_ACTION of one action's latest firings in the window
   * (older ones dropped, and no seed for it), so a rate(1 minute) beside a monthly cron stays
   * cheap. A cron is searched no further back than PREV_FIRE_HORIZON_MS; at() and rate() have
   * no limit.
   */
  firingsBeforeStart(): { a: ScheduledAction; f: number }[] {
    const start = this.startEpochMs;
    const per = this.scheduledActions.map((a) => {
      const bounds = { startTime: a.startTime, endTime: a.endTime, createdAt: start };
      const floor = a.schedule.kind === 'cron' ? start - PREV_FIRE_HORIZON_MS : -Infinity;
      const prev = (before: number, earliest = floor) => prevFire(a.schedule, before, a.timezone, bounds, Math.max(floor, earliest));
      const last = prev(start);
      const second = last === null ? null : prev(last);
      return { a, prev, last, mark: second ?? last };
    });
    let w = Infinity;
    for (const p of per) if (p.mark !== null && p.mark < w) w = p.mark;
    const seeds: { a: ScheduledAction; f: number }[] = [];
    const window: { a: ScheduledAction; f: number }[] = [];
    for (const { a, prev, last } of per) {
      if (last === null) continue;
      const mine: number[] = [];
      let f: number | null = last;
      while (f !== null && f >= w && mine.length < MAX_REPLAYED_PER_ACTION) {
        mine.push(f);
        f = prev(f);
      }
      // f: the firing before the oldest kept one; a seed when it is before W (not one dropped)
      if (f !== null && f < w) seeds.push({ a, f });
      for (let k = mine.length - 1; k >= 0; k--) window.push({ a, f: mine[k] });
    }
    // a stable sort: the order written among actions that fired at the same instant
    const byTime = (x: { f: number }, y: { f: number }) => x.f - y.f;
    return [...seeds.sort(byTime), ...window.sort(byTime)];
  }

  /** One firing of `a` at t: the scheduled-action event and the scale to the new bounds, if any. */
  private apply(t: number, a: ScheduledAction, events: ScalingEvent[]): void {
    const r = applyScheduledAction(this.target, a);
    events.push({ type: 'scheduled-action', time: t, subject: this.subject, message: r.message });
    if (r.activity) {
      events.push(this.activity(t, r.activity.from, r.activity.to, r.activity.cause));
      if (r.activity.direction === 'in') for (const p of this.policies) lowerScaleOutCooldown(p.cooldown, r.activity.to);
    }
  }

  /**
   * Runs every scheduled action with a firing in (previous call, t], once each, by firing
   * time and, at the same instant, in the order written; returns the resulting desired count and events.
   */
  runScheduledActions(t: number, currentDesired?: number): AutoScalerResult {
    if (currentDesired !== undefined) this.target.desiredCount = currentDesired;
    const events: ScalingEvent[] = [];
    const due: { a: ScheduledAction; f: number; skip: CronSkip | undefined }[] = [];
    for (const a of this.scheduledActions) {
      const f = this.fireAfter(a, this.scheduledUpTo);
      if (f !== null && f <= t) due.push({ a, f, skip: this.lastFire.get(a)!.skip });
    }
    // earlier firings first when a call spans several instants; a stable sort keeps the
    // written order among actions firing at the same instant
    due.sort((x, y) => x.f - y.f);
    for (const { a, skip } of due) {
      // a cron() day whose times the clocks jump over: logged at the jump, nothing changed;
      // then the firing at the jump's instant, if it is one (03:00 EDT after 02:xx)
      if (skip) events.push({ type: 'scheduled-action', time: t, subject: this.subject, message: `scheduled action ${a.name} (${a.schedule.text}) skipped: ${skippedTimes(skip)} in ${a.timezone} on ${skip.date} (clocks jump ${skip.from} -> ${skip.to})` });
      if (!skip || skip.fires) this.apply(t, a, events);
    }
    if (t > this.scheduledUpTo) this.scheduledUpTo = t;
    return { desiredCount: this.target.desiredCount, events };
  }

  /**
   * Each action's last fireAfter (after, result): a firing asks for the actions' firings
   * after the previous one (runScheduledActions), which scheduling that previous one asked
   * for already (nextScheduledTime), and a cron firing in a time zone costs luxon look-ups.
   */
  private readonly lastFire = new Map<ScheduledAction, { after: number; fire: number | null; skip: CronSkip | undefined }>();

  /** The simulation time of `a`'s next firing after `after`, or of a skipped one before it (lastFire's skip says which). */
  private fireAfter(a: ScheduledAction, after: number): number | null {
    const last = this.lastFire.get(a);
    if (last !== undefined && last.after === after) return last.fire;
    const e = nextFireOrSkip(a.schedule, after + this.startEpochMs, a.timezone, this.boundsOf(a));
    const skip = e !== null && typeof e !== 'number' ? e : undefined;
    const fire = e === null ? null : (skip ? skip.at : (e as number)) - this.startEpochMs;
    this.lastFire.set(a, { after, fire, skip });
    return fire;
  }

  private boundsOf(a: ScheduledAction) {
    return { startTime: a.startTime, endTime: a.endTime, createdAt: this.startEpochMs };
  }

  private computeFireAfter(a: ScheduledAction, after: number): number | null {
    const e = nextFire(a.schedule, after + this.startEpochMs, a.timezone, this.boundsOf(a));
    return e === null ? null : e - this.startEpochMs;
  }

  /** A scaling activity's event; it ends a held scale in's stay (heldNote logs the next one). */
  private activity(time: number, from: number, to: number, cause: string): ScalingEvent {
    this.lastHeld = '';
    const direction = to > from ? 'out' : 'in';
    const activity: ScalingActivity = { time, from, to, cause, direction };
    return { type: 'scaling-activity', time, subject: this.subject, message: `desired count ${from} -> ${to}: ${cause}`, activity };
  }
}

function buildPolicy(subject: string, name: string, p: ScalingPolicyConfig): ScalingPolicy {
  switch (p.policyType) {
    case 'TargetTrackingScaling':
      return new TargetTrackingPolicy(name, p, subject);
    case 'StepScaling':
      return new StepScalingPolicy(name, p, subject);
    default:
      throw new Error(
        `policies.${name}.policyType: expected TargetTrackingScaling or StepScaling, found ${String((p as { policyType?: unknown }).policyType)}`,
      );
  }
}

/** An epoch ms as an ISO instant in UTC, without zero milliseconds: 2026-03-02T08:00:00Z. */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
