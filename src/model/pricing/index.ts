// Cost model: EC2 and Fargate billing, the run's price book, and the running cost meter.
export { ec2InstanceCost, billedMs, EC2_MINIMUM_BILLED_MS, EC2_SPOT_DISCOUNT } from './ec2-cost.js';
export {
  fargateTaskCost,
  fargateHourlyRate,
  fargateTaskSize,
  defaultFargatePricing,
  FARGATE_MINIMUM_BILLED_MS,
  type FargateTaskSize,
  type FargatePricing,
} from './fargate-cost.js';
export { createPriceBook, unpricedTypeProblem, type PriceBook, type PricingOverrides, type PurchaseOption } from './price-book.js';
export { CostMeter, type CostItemId } from './cost-meter.js';
