// The resource filter (step 1 of placement).
export { resourceRejection, fitsResources, resourceShortfall, architectureMismatch } from './resource-filter.js';
