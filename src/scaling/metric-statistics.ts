// Statistics a metric allows. The ALB publishes RequestCountPerTarget for the Sum statistic
// only ("The only valid statistic is Sum. This represents the average not the sum":
// elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html); the other
// metrics ecsim publishes take any statistic, Average by default.

import type { Statistic } from './statistic.js';

const ONLY_STATISTIC: Readonly<Record<string, Statistic>> = { RequestCountPerTarget: 'Sum' };

/** The one statistic the metric allows, or undefined when any is valid. */
export function onlyStatistic(metricName: string): Statistic | undefined {
  return Object.hasOwn(ONLY_STATISTIC, metricName) ? ONLY_STATISTIC[metricName] : undefined;
}

/** The statistic used when none is given: the only valid one, else Average. */
export function defaultStatistic(metricName: string): Statistic {
  return onlyStatistic(metricName) ?? 'Average';
}

/** Throws `<where>: expected <only>, found <given>` when the metric allows one statistic and another is given. */
export function checkStatistic(where: string, metricName: string, given: Statistic | undefined): void {
  const only = onlyStatistic(metricName);
  if (only !== undefined && given !== undefined && given !== only) {
    throw new Error(`${where}: expected ${only} (the only valid statistic of ${metricName}, per the ALB's CloudWatch metrics page; it is the requests per target), found ${given}`);
  }
}
