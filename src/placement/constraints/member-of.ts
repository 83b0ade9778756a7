// memberOf: place tasks only on instances that satisfy a cluster query language expression
// (AmazonECS/latest/developerguide/task-placement-constraints.html). Parsed once here.

import { compileExpression } from '../query/compile-expression.js';
import { parseExpression } from '../query/parse.js';
import type { CompiledConstraint } from './constraint.js';

/** Throws QueryLanguageError if `expression` is malformed. */
export function memberOf(expression: string): CompiledConstraint {
  const test = compileExpression(parseExpression(expression));
  return {
    type: 'memberOf',
    reason: 'MemberOf',
    // on one line in messages, also when the expression spans several (a YAML block scalar)
    label: `memberOf(${/[\r\n]/.test(expression) ? expression.trim().replace(/\s*[\r\n]\s*/g, ' ') : expression})`,
    expression,
    accepts: (instance) => test(instance),
  };
}
