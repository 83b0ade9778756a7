// Capacity model: instance catalog, registered resources, Fargate sizes, capacity provider
// strategies, CapacityProviderReservation, managed scaling, Auto Scaling group mechanics, Spot.
export {
  INSTANCE_CATALOG,
  PRICE_LIST_DATE,
  lookupInstanceType,
  toInstanceType,
  validateCustomInstanceType,
  type InstanceType,
  type CustomInstanceType,
  type CpuArchitecture,
} from './instance-catalog.js';
export {
  registeredResources,
  CPU_UNITS_PER_VCPU,
  OS_RESERVED_MEMORY_PERCENT,
  type RegisteredResources,
} from './registered-resources.js';
export { validateFargateSize, FARGATE_TASK_SIZES, FARGATE_PRICES, FARGATE_SPOT_DISCOUNT, type FargateRates } from './fargate.js';
export {
  chooseProvider,
  chooseProviderToScaleIn,
  providerPreference,
  splitTasks,
  type CapacityProviderStrategyItem,
} from './strategy.js';
export { packProvisioningTasks, type TaskRequirement, type InstanceCapacity, type PackingResult } from './pack-provisioning-tasks.js';
export {
  capacityProviderReservation,
  reservationFromCounts,
  reservationPercent,
  managedScalingCounts,
  stepBoundedInstances,
  type ReservationInstance,
  type CapacityProviderReservation,
  type ReservationEstimate,
} from './reservation.js';
export {
  ManagedScaling,
  validateManagedScaling,
  instancesForTarget,
  type ManagedScalingConfig,
  type ManagedScalingDecision,
} from './managed-scaling.js';
export {
  chooseLaunchAvailabilityZone,
  chooseInstancesToTerminate,
  countByAvailabilityZone,
  planLaunches,
  type AsgInstance,
} from './auto-scaling-group.js';
export { nextSpotInterruption, SPOT_INTERRUPTION_NOTICE_MS, type SpotInterruption } from './spot-interruption.js';
