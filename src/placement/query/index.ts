// The cluster query language: parse once, evaluate or compile to a predicate.
export type { Expression, Comparison, Subject, Operator } from './ast.js';
export { parseExpression } from './parse.js';
export { expressionExcerpt, EXCERPT_LENGTH } from './excerpt.js';
export { evaluate } from './evaluate.js';
export { compileExpression, type InstancePredicate } from './compile-expression.js';
export { QueryLanguageError } from './query-language-error.js';
