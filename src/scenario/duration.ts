// Durations in scenario files: a number is seconds; a string takes units and may combine
// them, each unit once and largest first ("250ms", "90s", "15m", "6h", "7d", "3d10h",
// "1h30m"), a fraction only in the last ("1.5h", "1m0.5s"; not "1.5h30m"). Everything
// becomes integer milliseconds.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * The longest duration a scenario may give (ten years): the longest run (`duration`,
 * `--duration`), and so the most any time or delay within a run can mean. parseDuration
 * refuses more (1e308 seconds was Infinity ms, accepted); keys AWS bounds as an Integer
 * of seconds (wholeSeconds) keep AWS's own bounds instead.
 */
export const MAX_DURATION_MS = 3660 * 86_400_000;
/** How parseDuration's message for a duration above its bound starts (time-arg.ts tells it apart from a malformed one). */
export const TOO_LONG = 'expected a duration of at most';
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;

/**
 * Whether `value` is a duration but for a minus sign: a negative number, or a string
 * "-60s" whose rest is a duration above 0 (it read as a format error).
 */
export function isNegativeDuration(value: unknown): boolean {
  if (typeof value === 'number') return value < 0 && value !== -Infinity;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (!text.startsWith('-')) return false;
  const rest = text.slice(1);
  const ms = parseDuration(/^\d+(\.\d+)?$/.test(rest) ? Number(rest) : rest, Infinity);
  return typeof ms === 'number' && ms > 0;
}

/** The message for a negative duration (isNegativeDuration): `bound` is ">= 0" or "greater than zero". */
export function negativeDurationMessage(value: unknown, bound: '>= 0' | 'greater than zero'): string {
  return `expected a duration ${bound}, found ${describe(value)} (negative)`;
}

/**
 * Milliseconds for a duration, or an error message. One above `maxMs` (by default
 * MAX_DURATION_MS) is refused, with `why` the bound is what it is when given: `maxMs` Infinity leaves the bound to the caller, which must
 * then refuse one that is no safe integer (Infinity ms for 1e308 seconds).
 */
export function parseDuration(value: unknown, maxMs: number = MAX_DURATION_MS, why?: string): number | string {
  const ms = parseUnbounded(value);
  if (typeof ms === 'number' && !(ms <= maxMs)) {
    const found = typeof value === 'number' ? String(value) : describe(value);
    const reason = why ?? (maxMs === MAX_DURATION_MS ? "ten years, ecsim's longest run" : undefined);
    return `${TOO_LONG} ${formatDuration(maxMs)}${reason ? ` (${reason})` : ''}, found ${found}`;
  }
  return ms;
}

function parseUnbounded(value: unknown): number | string {
  if (isNegativeDuration(value)) return negativeDurationMessage(value, '>= 0');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `expected a finite duration (a number of seconds or a string like "90s"), found ${value}`;
    return Math.round(value * 1000);
  }
  if (typeof value !== 'string') return `expected a duration (a number of seconds or a string like "90s", "15m", "7d"), found ${describe(value)}`;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  let total = 0;
  let pos = 0;
  let previous: string | undefined;
  let fraction: string | undefined;
  PART.lastIndex = 0;
  while (pos < text.length) {
    PART.lastIndex = pos;
    const m = PART.exec(text);
    if (!m) return `expected a duration like "250ms", "90s", "15m", "6h", "7d" or "3d10h", found "${value}"`;
    // each unit once, largest first: "1h1h" added up to 2 h and "30m1h" to 90 min, unsaid
    if (previous !== undefined && UNIT_MS[m[2]] >= UNIT_MS[previous]) {
      return m[2] === previous
        ? `expected each unit at most once in a duration (like "1h30m"), found "${value}": ${m[2]} twice`
        : `expected a duration's units largest first (like "1h30m"), found "${value}": ${m[2]} after ${previous}`;
    }
    // a fraction only in the last unit: "1.5h30m" read as 2 h, which looks like 1h30m
    if (previous !== undefined && fraction !== undefined) {
      return `expected a fraction only in a duration's last unit (like "1.5h" or "1h30m"), found "${value}": ${fraction} before ${m[0]}`;
    }
    previous = m[2];
    fraction = m[1].includes('.') ? m[0] : undefined;
    total += Number(m[1]) * UNIT_MS[m[2]];
    pos = PART.lastIndex;
  }
  if (text.length === 0) return 'expected a duration, found an empty string';
  return Math.round(total);
}

/** Formats milliseconds compactly for messages: 90000 -> "90s", 5400000 -> "1h30m". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (rest >= size) {
      const n = Math.floor(rest / size);
      parts.push(`${n}${unit}`);
      rest -= n * size;
    }
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join('');
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN (not a number)';
  return `${typeof value} ${String(value)}`;
}
