// Whether a service gets Availability Zone rebalancing (developerguide/service-rebalancing.html).
// CreateService's availabilityZoneRebalancing: "For create service requests, when no value
// is specified ... Amazon ECS defaults the value to ENABLED" (APIReference/API_CreateService.html),
// and "Starting September 5, 2025, Amazon ECS enables Availability Zone rebalancing for all
// services that are eligible for the feature" (service-rebalancing.html). The feature works
// with "Services that use the Replica strategy" that "specify Availability Zone spread as the
// first task placement strategy, or do not specify a placement strategy"; it cannot be used
// with a service that "Uses the Daemon strategy", "Uses 100% for the maximumPercent value",
// "Uses the attribute:ecs.availability-zone as a task placement constraint" (also: the
// EXTERNAL launch type and a Classic Load Balancer, neither of which ecsim models).
//
// ecsim: not written -> ENABLED when compatible, DISABLED otherwise (AWS's eligible services);
// ENABLED written on an incompatible service is refused at load time (what AWS answers to such
// a request is not documented: ecsim will not pretend to rebalance a service AWS cannot).

import { AZ_ATTRIBUTE, expressionExcerpt } from '../placement/index.js';
import { deploymentConfigurationOf, type ServiceConfig, type TaskDefinitionConfig } from './schema.js';

const AZ_SPREAD_FIELD = `attribute:${AZ_ATTRIBUTE}`;

/** Why AWS cannot rebalance this service across Availability Zones, with the key it is in; null when it can. */
export function azRebalancingIncompatibility(config: ServiceConfig, td: TaskDefinitionConfig | undefined): { key: string; why: string } | null {
  if (config.schedulingStrategy === 'DAEMON') return { key: 'schedulingStrategy', why: 'it uses the DAEMON scheduling strategy' };
  const first = config.placementStrategy?.[0];
  if (first !== undefined && !(first.type === 'spread' && first.field === AZ_SPREAD_FIELD)) {
    const shown = first.type === 'random' ? 'random' : `${first.type}(${first.field})`;
    return { key: 'placementStrategy', why: `its first placement strategy is ${shown}, not spread(${AZ_SPREAD_FIELD})` };
  }
  if (deploymentConfigurationOf(config).maximumPercent <= 100) {
    return { key: 'deploymentConfiguration', why: 'its maximumPercent is 100 (no room to start a task before stopping one)' };
  }
  const own = config.placementConstraints.find((c) => c.type === 'memberOf' && c.expression.includes(AZ_SPREAD_FIELD));
  // the expression quoted around its first mention of the attribute (expressionExcerpt)
  const quote = (expression: string) => expressionExcerpt(expression, expression.indexOf(AZ_SPREAD_FIELD));
  if (own) return { key: 'placementConstraints', why: `it has a placement constraint on ${AZ_SPREAD_FIELD} (memberOf ${quote((own as { expression: string }).expression)})` };
  const inherited = (td?.placementConstraints ?? []).find((c) => c.type === 'memberOf' && c.expression.includes(AZ_SPREAD_FIELD));
  if (inherited) return { key: 'placementConstraints', why: `its task definition has a placement constraint on ${AZ_SPREAD_FIELD} (memberOf ${quote(inherited.expression)})` };
  return null;
}

/**
 * The service's availabilityZoneRebalancing: as written, or ENABLED when compatible and
 * DISABLED otherwise. `report` gets the error for ENABLED written on an incompatible service.
 */
export function resolveAzRebalancing(config: ServiceConfig, td: TaskDefinitionConfig | undefined, report: (key: string, message: string) => void): boolean {
  const written = config.availabilityZoneRebalancing;
  if (written === 'DISABLED') return false;
  const incompatible = azRebalancingIncompatibility(config, td);
  if (incompatible === null) return true;
  if (written === 'ENABLED') {
    report(
      'availabilityZoneRebalancing',
      `expected DISABLED (or no key) because ${incompatible.why} (see ${incompatible.key}): ECS rebalances only REPLICA services whose first placement strategy is spread(${AZ_SPREAD_FIELD}) or that have none, ` +
        `with maximumPercent above 100 and no placement constraint on ${AZ_SPREAD_FIELD} (developerguide/service-rebalancing.html); found ENABLED`,
    );
  }
  return false;
}
