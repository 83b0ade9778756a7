// The parsed form of a cluster query language expression
// (AmazonECS/latest/developerguide/cluster-query-language.html): plain data, produced by
// parseExpression, read by evaluate and compileExpression.

export type Subject =
  | { kind: 'attribute'; name: string }
  | { kind: 'ec2InstanceId' }
  | { kind: 'runningTasksCount' }
  | { kind: 'task:group' };

/** Operators in their symbolic spelling; the word forms (equals, not_in, matches, ...) parse to these. */
export type Operator = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'exists' | 'not_exists' | 'in' | 'not_in' | '=~' | '!~';

export type Expression =
  | { kind: 'and'; left: Expression; right: Expression }
  | { kind: 'or'; left: Expression; right: Expression }
  | { kind: 'not'; operand: Expression }
  | Comparison;

export interface Comparison {
  kind: 'compare';
  subject: Subject;
  operator: Operator;
  /** The argument of ==, !=, >, >=, <, <=, =~, !~ (absent for exists / not_exists / in / not_in). */
  argument?: string;
  /** The argument list of in / not_in. */
  list?: readonly string[];
  /** For =~ / !~: the argument as a whole-value regular expression. */
  pattern?: RegExp;
  /** Where the comparison starts in the source text (0-based). */
  position: number;
}

/** The subject as written, for messages. */
export function subjectText(s: Subject): string {
  return s.kind === 'attribute' ? `attribute:${s.name}` : s.kind;
}
