// Validation of trace config values. Throws a plain Error "path: expected X, found Y";
// the scenario loader prefixes the path and maps it to its ConfigError.

export function fail(path: string, expected: string, found: unknown): never {
  throw new Error(`${path}: expected ${expected}, found ${show(found)}`);
}

export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** A finite number, optionally with a lower bound (inclusive) or strictly positive. */
export function checkNumber(
  path: string,
  value: unknown,
  rule: 'any' | 'nonNegative' | 'positive' = 'any',
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a finite number', value);
  if (rule === 'nonNegative' && !(value >= 0)) fail(path, 'a number >= 0', value);
  if (rule === 'positive' && !(value > 0)) fail(path, 'a number > 0', value);
  return value;
}
