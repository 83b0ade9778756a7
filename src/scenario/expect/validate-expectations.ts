// Load-time check of a scenario's `expect:` list: every line parses, and its path names
// keys that summary.json has (and, when given, services and capacity providers the
// scenario defines). A run is not needed, so typos fail fast.

import type { Expectation } from './expectation.js';
import { parseExpectation } from './parse-expectation.js';
import { SUMMARY_SHAPE, type Shape } from './summary-shape.js';
import { noSuchKey } from './lookup-path.js';
import { formatPath } from './format-path.js';

/** Names the scenario defines; when given, paths through them are checked too. */
export interface KnownNames {
  services?: readonly string[];
  capacityProviders?: readonly string[];
}

export interface ExpectationProblem {
  /** Index into the `expect:` list. */
  index: number;
  message: string;
}

/** One line per problem, `expect[i]: ...`; empty when all are well formed. */
export function validateExpectations(list: readonly string[], names: KnownNames = {}): string[] {
  return expectationProblems(list, names).map((p) => `expect[${p.index}]: ${p.message}`);
}

/** The problems with their list index (for a loader that reports key paths and lines). */
export function expectationProblems(list: readonly string[], names: KnownNames = {}): ExpectationProblem[] {
  const problems: ExpectationProblem[] = [];
  list.forEach((text, index) => {
    let e: Expectation;
    try {
      e = parseExpectation(text);
    } catch (err) {
      problems.push({ index, message: (err as Error).message });
      return;
    }
    const reason = checkShape(e.path, names);
    if (reason !== null) problems.push({ index, message: `"${text}": ${reason}` });
  });
  return problems;
}

function checkShape(path: readonly string[], names: KnownNames): string | null {
  let shape: Shape | 'number' = SUMMARY_SHAPE;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (shape === 'number') return `${formatPath(path.slice(0, i))} is a number: it has no key "${key}"`;
    const known = namesAt(path.slice(0, i), names);
    if (Object.hasOwn(shape, '*')) {
      if (known !== undefined && !known.includes(key)) return noSuchKey(path.slice(0, i + 1), known);
      shape = shape['*'];
    } else if (Object.hasOwn(shape, key)) {
      shape = shape[key];
    } else {
      return noSuchKey(path.slice(0, i + 1), Object.keys(shape));
    }
  }
  if (shape !== 'number') {
    const keys = Object.keys(shape).filter((k) => k !== '*');
    return `${formatPath(path)} is a map, expected a number: name ${keys.length > 0 ? `one of its keys (${keys.join(', ')})` : 'one of its entries'}`;
  }
  return null;
}

/** The names a wildcard level may take, where the scenario says. */
function namesAt(parent: readonly string[], names: KnownNames): readonly string[] | undefined {
  const at = parent.join('\u0000');
  if (at === 'services') return names.services;
  if (at === 'capacityProviders' || at === 'cost\u0000byProvider') return names.capacityProviders;
  return undefined;
}
