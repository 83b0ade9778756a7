// Whether a capacity provider is an Auto Scaling group or Fargate, from the files: an Auto
// Scaling group that never registers an instance (all of them still pending, or maxSize 0)
// is still a group, not Fargate.

import type { ResultsData } from './results-data.js';

/**
 * True for an Auto Scaling group provider, false for FARGATE / FARGATE_SPOT. capacity.csv's
 * `desired_capacity` is empty only for Fargate; a folder without that column: summary.json's
 * figures (`instanceHours` for a group, `taskHours` for Fargate); else a provider that ever
 * had an instance running or a reservation is a group.
 */
export function isAsgProvider(data: Pick<ResultsData, 'providers' | 'summary'>, name: string): boolean {
  const c = data.providers.get(name)?.columns ?? {};
  if (c.desired_capacity) return c.desired_capacity.some((v) => Number.isFinite(v));
  const figures = data.summary.capacityProviders?.[name];
  if (figures?.instanceHours !== undefined) return true;
  if (figures?.taskHours !== undefined) return false;
  return (c.instances_running?.some((v) => v > 0) ?? false) || (c.capacity_provider_reservation?.some((v) => Number.isFinite(v)) ?? false);
}
