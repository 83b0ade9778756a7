// JSON text of a result file whose numbers must all be finite: JSON.stringify writes NaN and
// Infinity as null, which summary.json documents for "no data" only (outputs.md), so a
// non-finite figure would pass as "no data". It is a bug (the scenario's bounds keep every
// figure finite): thrown as an internal error (exit 1) before anything is written.

/** `JSON.stringify(value, null, 2)` plus a newline; throws naming the key path of a non-finite number. */
export function finiteJson(file: string, value: unknown): string {
  const bad = firstNonFinite(value, '');
  if (bad !== undefined) throw new Error(`${file}: ${bad.path || '(top level)'} is ${bad.value}, not a finite number (JSON would write it as null, which means "no data")`);
  return `${JSON.stringify(value, null, 2)}\n`;
}

function firstNonFinite(value: unknown, path: string): { path: string; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, value };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = firstNonFinite(value[i], `${path}[${i}]`);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const r = firstNonFinite(v, path === '' ? k : `${path}.${k}`);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}
