// Validates and compiles a task's or service's placementConstraints list, so that
// expression errors surface once, at configuration time, with the item's path.
// AWS allows at most 10 constraints per task
// (AmazonECS/latest/APIReference/API_CreateService.html, placementConstraints).

import { QueryLanguageError } from '../query/query-language-error.js';
import type { PlacementConstraint } from '../types.js';
import type { CompiledConstraint } from './constraint.js';
import { distinctInstance } from './distinct-instance.js';
import { memberOf } from './member-of.js';

export const MAX_CONSTRAINTS = 10;

export function compileConstraints(list: readonly PlacementConstraint[], path = 'placementConstraints'): CompiledConstraint[] {
  if (list.length > MAX_CONSTRAINTS) {
    throw new Error(`${path}: expected at most ${MAX_CONSTRAINTS} placement constraints, found ${list.length}`);
  }
  return list.map((c, i) => {
    const at = `${path}[${i}]`;
    const raw = c as { type?: unknown; expression?: unknown };
    if (raw.type === 'distinctInstance') {
      if (raw.expression !== undefined) throw new Error(`${at}.expression: expected no expression for distinctInstance (distinctInstance places each task on a different instance; ECS takes no expression with it), found "${String(raw.expression)}"; remove expression, or use memberOf to place by one`);
      return distinctInstance;
    }
    if (raw.type === 'memberOf') {
      if (typeof raw.expression !== 'string') throw new Error(`${at}.expression: expected a cluster query language expression for memberOf, found ${JSON.stringify(raw.expression)}`);
      if (raw.expression.length > 2000) throw new Error(`${at}.expression: expected at most 2000 characters, found ${raw.expression.length}`);
      try {
        return memberOf(raw.expression);
      } catch (e) {
        if (e instanceof QueryLanguageError) throw new QueryLanguageError(e.message, e.position, e.expression, `${at}.expression`);
        throw e;
      }
    }
    throw new Error(`${at}.type: expected "distinctInstance" or "memberOf", found ${JSON.stringify(raw.type)}`);
  });
}
