// The service event ECS sends when it cannot place a service's task, in its own words: the
// developer guide's list of service event messages (service-event-messages-list.html) has
// "service NAME was unable to place a task because no container instance met all of its
// requirements.", alone or followed by "The closest matching container-instance ID has
// insufficient CPU units available."; its troubleshooting text names the other checks
// ("... is already using a port required by your task"), and events as ECS writes them read
// "... has insufficient memory available. For more information, see the Troubleshooting
// section." and, for a memberOf constraint, "... encountered error "MemberOf placement
// constraint unsatisfied."". The guide's list puts the names in parentheses as placeholders
// (`service (service-name)`); events as written have none, and neither does ecsim's. ecsim's
// own detail follows after "ecsim:": how many instances each check rejected, what the
// closest instance lacks, and what the task waits for.
//
// When no container instance is registered in the cluster (none, or all still launching)
// and the task may use any (launchType EC2), the first sentence is followed by "Reason: No
// Container Instances were found in your cluster." (the wording AWS Prescriptive Guidance
// quotes; see docs/notes/placement.md). A task of a capacity provider strategy may use its
// provider's instances only, and other providers' may be registered: first sentence only.
//
// The closest instance's sentence names the first check it fails, in the order ECS's
// placement checks them (architecture attribute, CPU, memory, ports, then a memberOf
// constraint); an instance short only of an ENI or excluded only by distinctInstance has no
// sentence of ECS's known ones, so the event then has the first sentence only.

import { MET_ALL_PREFIX } from './describe-unplaceable.js';
import type { Shortfall, UnplaceableReason } from '../types.js';

/** AWS's phrase for what the closest instance lacks, or undefined when none of its documented ones fits. */
function closestPhrase(lacks: Shortfall): string | undefined {
  if (lacks.attribute !== undefined) return 'is missing an attribute required by your task';
  if (lacks.cpu > 0) return 'has insufficient CPU units available';
  if (lacks.memory > 0) return 'has insufficient memory available';
  if (lacks.ports.length > 0) return 'is already using a port required by your task';
  if (lacks.constraints.some((c) => c.startsWith('memberOf'))) return 'encountered error "MemberOf placement constraint unsatisfied."';
  return undefined;
}

/**
 * The task-unplaceable event of service `service` for `reason`: AWS's sentences, then
 * "ecsim: " and `notes` (e.g. what the task waits for) and ecsim's detail, joined by "; ".
 * `capacityProvider`: the one whose instances alone were considered (as describeUnplaceable's).
 */
export function unableToPlaceEvent(service: string, reason: UnplaceableReason, notes: readonly string[] = [], capacityProvider?: string): string {
  let text = `service ${service} was unable to place a task because no container instance met all of its requirements.`;
  // no instance rejected and none closest: every one given was still launching, or none was given
  const noneRegistered = reason.rejections.length === 0 && reason.closest === undefined;
  if (noneRegistered && capacityProvider === undefined) text += ' Reason: No Container Instances were found in your cluster.';
  const phrase = reason.closest && closestPhrase(reason.closest.lacks);
  if (phrase !== undefined) {
    text += ` The closest matching container-instance ${reason.closest!.instanceId} ${phrase}. For more information, see the Troubleshooting section.`;
  }
  const detail = reason.message.startsWith(MET_ALL_PREFIX) ? reason.message.slice(MET_ALL_PREFIX.length) : reason.message;
  return `${text} ecsim: ${[...notes, detail].join('; ')}`;
}
