// Metric values printed for people (alarm reasons, scaling-activity causes, managed
// scaling's CapacityProviderReservation): one decimal, and more digits where one decimal
// would put a value on the wrong side of the comparison it is listed under. Generic number
// formatting below src/scaling, so the capacity providers' managed scaling prints alike.

/**
 * A metric value: one decimal from 10 up ("75.0"), three significant digits below ("0.25"),
 * and 0 under 0.0005 (the fluid model's steady queue of a lightly loaded queue service is
 * some 1e-30 messages a task: "0", not "1.3e-34").
 */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  if (Math.abs(v) < 0.0005) return '0';
  return String(Number(v.toPrecision(3)));
}

/**
 * A metric value printed as formatValue does when the printed number still `keeps` what the
 * message says of it (which side of a threshold it is on, the result of a formula), else with
 * one more decimal at a time (trailing zeros trimmed) until it does: 60.0177 listed under
 * "> 60" prints "60.02", not "60.0". The full value when no 12-decimal rounding keeps it.
 */
export function formatValueKeeping(v: number, keeps: (printed: number) => boolean): string {
  const s = formatValue(v);
  if (!Number.isFinite(v) || keeps(Number(s))) return s;
  const dot = s.indexOf('.');
  const start = s.includes('e') ? 1 : dot < 0 ? 1 : s.length - dot;
  for (let d = start; d <= 12; d++) {
    const t = String(Number(v.toFixed(d)));
    if (keeps(Number(t))) return t;
  }
  return String(v);
}

/** The comparison symbols of alarm messages: '>', '>=', '<', '<='. */
export function compareBySymbol(op: string, value: number, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    default:
      return false;
  }
}

/**
 * A datapoint listed under a comparison with a threshold: printed so that it visibly is on
 * the same side of the threshold as the value itself ("60.02" under "> 60" for 60.0177).
 */
export function formatDatapoint(v: number, op: string, threshold: number): string {
  const side = compareBySymbol(op, v, threshold);
  return formatValueKeeping(v, (p) => compareBySymbol(op, p, threshold) === side);
}

/** Several metric values separated by spaces, oldest first; each on its side of a comparison when given. */
export function formatValues(
  values: ArrayLike<number>,
  count = values.length,
  comparison?: { op: string; threshold: number },
): string {
  let s = '';
  for (let i = 0; i < count; i++) {
    const v = values[i];
    s += (i === 0 ? '' : ' ') + (comparison ? formatDatapoint(v, comparison.op, comparison.threshold) : formatValue(v));
  }
  return s;
}
