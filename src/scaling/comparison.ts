// CloudWatch alarm comparison operators (PutMetricAlarm ComparisonOperator) and the test
// of one datapoint against the threshold.

export type ComparisonOperator =
  | 'GreaterThanOrEqualToThreshold'
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';

export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
];

/** True when `value` breaches `threshold` under `op` (a missing value, NaN, never does). */
export function isBreaching(op: ComparisonOperator, value: number, threshold: number): boolean {
  switch (op) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
  }
}

/** The operator as a symbol for messages: '>=', '>', '<', '<='. */
export function comparisonSymbol(op: ComparisonOperator): string {
  switch (op) {
    case 'GreaterThanOrEqualToThreshold':
      return '>=';
    case 'GreaterThanThreshold':
      return '>';
    case 'LessThanThreshold':
      return '<';
    case 'LessThanOrEqualToThreshold':
      return '<=';
  }
}

/** True for the operators that alarm when the metric is high. */
export function isUpperThreshold(op: ComparisonOperator): boolean {
  return op === 'GreaterThanOrEqualToThreshold' || op === 'GreaterThanThreshold';
}
