// Scenario `expect:` assertions: parse, validate at load time, check after a run.

export { COMPARISON_OPERATORS, type ComparisonOperator, type Expectation, type ExpectationResult } from './expectation.js';
export { parseExpectation } from './parse-expectation.js';
export { checkExpectations } from './check-expectations.js';
export { validateExpectations, expectationProblems, type KnownNames, type ExpectationProblem } from './validate-expectations.js';
export { lookupPath, type Lookup } from './lookup-path.js';
export { formatPath } from './format-path.js';
export { compareValue } from './compare-value.js';
export { formatExpectationResults } from './format-results.js';
export { SUMMARY_SHAPE, type Shape } from './summary-shape.js';
