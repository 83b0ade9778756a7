// The data of a scenario `expect:` assertion: a dotted path into summary.json, a
// comparison operator and a number, and the result of checking it after a run.

export const COMPARISON_OPERATORS = ['<=', '>=', '==', '!=', '<', '>'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export interface Expectation {
  /** The expression as written. */
  text: string;
  /** Keys from the top of summary.json down, e.g. ['services', 'web', 'latencyMs', 'p95']. */
  path: string[];
  op: ComparisonOperator;
  value: number;
}

export interface ExpectationResult {
  text: string;
  ok: boolean;
  /** The number found at the path; null when the path is missing, null or not a number. */
  found: number | null;
  /** A sentence for a person: the value found and what was expected, or why it could not be checked. */
  message: string;
}
