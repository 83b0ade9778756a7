// Predefined target tracking metrics of ECS services and the CloudWatch metric and statistic
// each one tracks (API_PredefinedMetricSpecification.html; AmazonECS cloudwatch-metrics.html).

import type { Statistic } from './statistic.js';

export type PredefinedMetricType =
  | 'ECSServiceAverageCPUUtilization'
  | 'ECSServiceAverageMemoryUtilization'
  | 'ALBRequestCountPerTarget';

export const PREDEFINED_METRIC_TYPES: readonly PredefinedMetricType[] = [
  'ECSServiceAverageCPUUtilization',
  'ECSServiceAverageMemoryUtilization',
  'ALBRequestCountPerTarget',
];

export interface TrackedMetric {
  metricName: string;
  statistic: Statistic;
}

/** The metric a predefined metric type tracks. */
export function predefinedMetric(type: PredefinedMetricType): TrackedMetric {
  switch (type) {
    case 'ECSServiceAverageCPUUtilization':
      return { metricName: 'CPUUtilization', statistic: 'Average' };
    case 'ECSServiceAverageMemoryUtilization':
      return { metricName: 'MemoryUtilization', statistic: 'Average' };
    case 'ALBRequestCountPerTarget':
      // requests per healthy target in each minute
      return { metricName: 'RequestCountPerTarget', statistic: 'Sum' };
  }
}
