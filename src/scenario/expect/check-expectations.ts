// Checks a scenario's `expect:` list against a run's summary.json after the run.

import type { ExpectationResult } from './expectation.js';
import { parseExpectation } from './parse-expectation.js';
import { lookupPath } from './lookup-path.js';
import { compareValue } from './compare-value.js';
import { formatPath } from './format-path.js';

/** One result per expectation, in order; a malformed or unresolvable one is a failure. */
export function checkExpectations(list: readonly string[], summary: unknown): ExpectationResult[] {
  return list.map((text) => checkOne(text, summary));
}

function checkOne(text: string, summary: unknown): ExpectationResult {
  let e;
  try {
    e = parseExpectation(text);
  } catch (err) {
    return { text, ok: false, found: null, message: (err as Error).message };
  }
  const found = lookupPath(summary, e.path);
  if (!found.ok) return { text, ok: false, found: null, message: found.reason };
  const ok = compareValue(found.value, e.op, e.value);
  const where = formatPath(e.path);
  return {
    text,
    ok,
    found: found.value,
    message: ok ? `${where} = ${found.value} ${e.op} ${e.value}` : `${where} = ${found.value}, expected ${e.op} ${e.value}`,
  };
}
