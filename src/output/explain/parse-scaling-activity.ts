// Reads the sentences ecsim writes into events.csv for scaling activities and alarm
// transitions back into parts (src/scaling: "desired count 3 -> 6: target tracking cpu:
// 3 datapoints > 60: 105.0 105.0 105.0; ceil(3 x 105.0/60) = 6"). Anything it does not
// recognise is kept whole, so explain still prints it.

export interface AlarmEvaluation {
  breaching: number;
  evaluated: number;
  /** Comparison symbol as written: >, >=, <, <=. */
  op: string;
  threshold: number;
  values: number[];
}

export interface ScalingActivityParts {
  from: number;
  to: number;
  /** 'target tracking' | 'step scaling' | 'managed scaling' | 'scheduled action' | 'other'. */
  kind: string;
  policy: string | null;
  evaluation: AlarmEvaluation | null;
  /** The arithmetic and notes after the alarm evaluation ("ceil(3 x 105.0/60) = 6"). */
  arithmetic: string;
  cause: string;
}

const SERVICE_ACTIVITY = /^desired (?:count|capacity) (\d+) -> (\d+): (.*)$/s;
const MANAGED_ACTIVITY = /^desired (\d+) -> (\d+) \((managed scaling [^:]+: .*)\)$/s;
const POLICY_CAUSE = /^(target tracking|step scaling) (\S+): (.*)$/s;
const EVALUATION = /^(\d+)(?: of (\d+))? datapoints? (>=|>|<=|<) (-?[\d.]+)(?: \([^)]*\))?: ([-\d.e+ ]*)$/;

export function parseScalingActivity(message: string): ScalingActivityParts | null {
  const m = SERVICE_ACTIVITY.exec(message) ?? MANAGED_ACTIVITY.exec(message);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2]);
  const cause = m[3];
  const p = POLICY_CAUSE.exec(cause);
  if (!p) {
    const kind = cause.startsWith('managed scaling') ? 'managed scaling' : cause.startsWith('scheduled action') ? 'scheduled action' : 'other';
    return { from, to, kind, policy: null, evaluation: null, arithmetic: '', cause };
  }
  const parts = p[3].split('; ');
  const evaluation = parseAlarmEvaluation(parts[0]);
  return {
    from,
    to,
    kind: p[1],
    policy: p[2],
    evaluation,
    arithmetic: (evaluation ? parts.slice(1) : parts).join('; '),
    cause,
  };
}

/** "3 datapoints > 60: 105.0 105.0 105.0" or "1 of 3 datapoints not > 60: ..." (breaching counted). */
export function parseAlarmEvaluation(text: string): AlarmEvaluation | null {
  const notForm = /^(\d+) of (\d+) datapoints? not (>=|>|<=|<) (-?[\d.]+): ([-\d.e+ ]*)$/.exec(text);
  if (notForm) {
    const ok = Number(notForm[1]);
    const evaluated = Number(notForm[2]);
    return { breaching: evaluated - ok, evaluated, op: notForm[3], threshold: Number(notForm[4]), values: numbers(notForm[5]) };
  }
  const m = EVALUATION.exec(text);
  if (!m) return null;
  const breaching = Number(m[1]);
  return { breaching, evaluated: m[2] ? Number(m[2]) : breaching, op: m[3], threshold: Number(m[4]), values: numbers(m[5]) };
}

export interface AlarmTransitionParts {
  alarm: string;
  from: string;
  to: string;
  evaluation: AlarmEvaluation | null;
  detail: string;
}

/** "TargetTracking-web-cpu-AlarmHigh OK -> ALARM: 3 datapoints > 60: 105.0 105.0 105.0". */
export function parseAlarmTransition(message: string): AlarmTransitionParts | null {
  const m = /^(\S+) (OK|ALARM|INSUFFICIENT_DATA) -> (OK|ALARM|INSUFFICIENT_DATA): (.*)$/s.exec(message);
  if (!m) return null;
  return { alarm: m[1], from: m[2], to: m[3], evaluation: parseAlarmEvaluation(m[4]), detail: m[4] };
}

function numbers(s: string): number[] {
  return s.trim() === '' ? [] : s.trim().split(/\s+/).map(Number);
}

/**
 * The parts of a scale-in-held message ("target tracking cpu asks for 5 (scale in from 20),
 * not applied: target tracking req asks for 20 (maxCapacity): largest capacity wins; ...").
 */
export function parseHeldScaleIn(
  message: string,
): { kind: string; policy: string; capacity: number; from: number; why: string; byKind: string; by: string } | null {
  const m = /^(target tracking|step scaling) (\S+) asks for (\d+) \(scale in from (\d+)\), not applied: ((target tracking|step scaling) (\S+) asks for .*?: largest capacity wins)/s.exec(
    message,
  );
  if (!m) return null;
  return { kind: m[1], policy: m[2], capacity: Number(m[3]), from: Number(m[4]), why: m[5], byKind: m[6], by: m[7] };
}
