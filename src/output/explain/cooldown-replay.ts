// The cooldowns of a service's target tracking policies, replayed from events.csv the way
// the scaler keeps them (src/scaling/service-auto-scaler.ts, decide-scaling.ts, cooldown.ts):
// - a policy's scale out starts its scale-out cooldown (one during a running cooldown keeps
//   it); any policy's scale out ends every policy's scale-in cooldown;
// - a policy's scale in starts the scale-in cooldown of the policies whose scale-in request
//   counted (scaleInsThatCount): the target tracking policies only when every one with scale
//   in enabled asked to scale in. A target tracking policy asked when its AlarmLow was in
//   ALARM, it was not in its own scale-in cooldown, and ceil(current x metric / target),
//   clamped to minCapacity, is below the current capacity. When the activity is a target
//   tracking one they all asked; when it is a step policy's, explain judges each from the
//   alarm-state rows and the timeseries row before the activity (the scaler read the
//   datapoint one publish delay older: an assumption, docs/notes/explain.md);
// - any scale in (a policy's or a scheduled action's) lowers a running scale-out cooldown's
//   capacities to what is left (lowerScaleOutCooldown).

import { proportionalCapacity } from '../../scaling/target-tracking.js';
import { parseAlarmTransition, parseScalingActivity } from './parse-scaling-activity.js';
import { rowAt, type EventRow, type PolicyInfo, type SeriesRow, type ServiceInfo } from './results-tables.js';
import { metricOf } from './scaling-notes.js';

export interface ScaleActivity {
  timeS: number;
  from: number;
  to: number;
}

export interface PolicyCooldowns {
  /** The scale in that started the running scale-in cooldown, and its end (s, exclusive); null when none runs. */
  scaleIn: { by: ScaleActivity; untilS: number } | null;
  /** The scale out that started the running scale-out cooldown, its end, and the capacity set. */
  scaleOut: { by: ScaleActivity; untilS: number; setTo: number; lowered: { by: ScaleActivity; to: number } | null } | null;
}

/**
 * Each target tracking policy's cooldowns after the scaling activities at or before `atS`
 * (`inclusive`) or before it; a cooldown that ended by `atS` is null.
 */
export function cooldownsAt(
  service: ServiceInfo,
  events: readonly EventRow[],
  rows: readonly SeriesRow[],
  atS: number,
  inclusive = true,
): Map<string, PolicyCooldowns> {
  const tracking = service.policies.filter((p) => p.policyType === 'TargetTrackingScaling');
  const state = new Map<string, PolicyCooldowns>(tracking.map((p) => [p.name, { scaleIn: null, scaleOut: null }]));
  const lowState = new Map<string, string>();
  const lowAlarm = (p: PolicyInfo) => `TargetTracking-${service.name}-${p.name}-AlarmLow`;
  for (const x of events) {
    if (inclusive ? x.timeS > atS : x.timeS >= atS) break;
    if (x.subject !== service.name) continue;
    if (x.type === 'alarm-state') {
      const tr = parseAlarmTransition(x.message);
      if (tr) lowState.set(tr.alarm, tr.to);
      continue;
    }
    if (x.type !== 'scaling-activity') continue;
    const a = parseScalingActivity(x.message);
    if (!a || a.from === a.to) continue;
    const act: ScaleActivity = { timeS: x.timeS, from: a.from, to: a.to };
    if (a.to > a.from) {
      if (a.policy === null) continue; // a scheduled action starts and ends no cooldown
      for (const p of tracking) {
        const c = state.get(p.name)!;
        c.scaleIn = null;
        if (p.name !== a.policy) continue;
        if (c.scaleOut && x.timeS < c.scaleOut.untilS) c.scaleOut.setTo = Math.max(c.scaleOut.setTo, a.to);
        else c.scaleOut = { by: act, untilS: x.timeS + p.scaleOutCooldownS, setTo: a.to, lowered: null };
      }
      continue;
    }
    if (a.policy !== null) {
      const row = rowAt(rows, x.timeS);
      const asked = (p: PolicyInfo): boolean => {
        if (a.kind === 'target tracking') return true;
        if (lowState.get(lowAlarm(p)) !== 'ALARM') return false;
        const c = state.get(p.name)!;
        if (c.scaleIn && x.timeS < c.scaleIn.untilS) return false;
        const v = row ? metricOf(row, p.metricName) : null;
        if (v === null || p.targetValue === null) return true;
        const min = row?.minCapacity ?? service.minCapacity ?? 0;
        return Math.max(proportionalCapacity(a.from, v, p.targetValue), min) < a.from;
      };
      const agree = tracking.filter((p) => !p.disableScaleIn).every(asked);
      if (agree) for (const p of tracking) if (!p.disableScaleIn) state.get(p.name)!.scaleIn = { by: act, untilS: x.timeS + p.scaleInCooldownS };
    }
    for (const c of state.values()) {
      const o = c.scaleOut;
      if (o && x.timeS < o.untilS && o.setTo > a.to) {
        o.setTo = a.to;
        o.lowered = { by: act, to: a.to };
      }
    }
  }
  for (const c of state.values()) {
    if (c.scaleIn && atS >= c.scaleIn.untilS) c.scaleIn = null;
    if (c.scaleOut && atS >= c.scaleOut.untilS) c.scaleOut = null;
  }
  return state;
}

/** A target tracking policy's AlarmLow state after the alarm-state rows at or before atS (INSUFFICIENT_DATA before any). */
export function lowAlarmState(service: string, policy: string, events: readonly EventRow[], atS: number): { state: string; sinceS: number | null } {
  const alarm = `TargetTracking-${service}-${policy}-AlarmLow`;
  let state = 'INSUFFICIENT_DATA';
  let sinceS: number | null = null;
  for (const x of events) {
    if (x.timeS > atS) break;
    if (x.type !== 'alarm-state' || x.subject !== service) continue;
    const tr = parseAlarmTransition(x.message);
    if (tr && tr.alarm === alarm) {
      state = tr.to;
      sinceS = x.timeS;
    }
  }
  return { state, sinceS };
}
