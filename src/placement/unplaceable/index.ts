// Why a task could not be placed, in ECS's terms.
export { describeUnplaceable, describeShortfall } from './describe-unplaceable.js';
export { unableToPlaceEvent } from './service-event.js';
