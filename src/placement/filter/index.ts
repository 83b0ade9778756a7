// The resource filter (step 1 of placement).
export { resourceRejection, fitsResources, resourceShortfall } from './resource-filter.js';
