// Durations for people: milliseconds as the scenario format writes them.

/** 250 -> "250ms", 90000 -> "90s", 5400000 -> "1h30m". */
export function fmtMs(ms: number | null): string {
  if (ms === null) return '?';
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('') || '0s';
}
