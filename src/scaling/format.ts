// Number formatting for alarm reasons and scaling-activity causes (human-readable,
// stable across runs so that event logs diff cleanly).

/** A metric value: one decimal from 10 up ("75.0"), three significant digits below ("0.25"). */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return String(Number(v.toPrecision(3)));
}

/** A configured number (threshold, target): as short as it is exact to 4 decimals ("50", "49.5"). */
export function formatNumber(v: number): string {
  return String(Number(v.toFixed(4)));
}

/** Several metric values separated by spaces, oldest first. */
export function formatValues(values: ArrayLike<number>, count = values.length): string {
  let s = '';
  for (let i = 0; i < count; i++) s += (i === 0 ? '' : ' ') + formatValue(values[i]);
  return s;
}
