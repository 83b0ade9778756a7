// EC2 instance cost: per-second billing with a 60-second minimum (Linux).
// aws.amazon.com/ec2/pricing/on-demand ("Per Second Billing"), aws.amazon.com/ec2/spot/pricing.

/** AWS: each instance is billed at least 60 seconds. */
export const EC2_MINIMUM_BILLED_MS = 60_000;
/** Model: EC2 Spot price = (1 - this) x on-demand (AWS: variable). */
export const EC2_SPOT_DISCOUNT = 0.65;

/** Milliseconds billed for an item running [startMs, endMs): whole seconds, at least `minimumMs`. */
export function billedMs(startMs: number, endMs: number, minimumMs: number): number {
  if (!(endMs >= startMs)) throw new Error(`billing period must end at or after its start, found ${startMs} -> ${endMs} ms`);
  return Math.max(minimumMs, Math.ceil((endMs - startMs) / 1000) * 1000);
}

/** USD for an instance at `pricePerHour` from launch to termination. */
export function ec2InstanceCost(pricePerHour: number, launchMs: number, endMs: number): number {
  return (pricePerHour * billedMs(launchMs, endMs, EC2_MINIMUM_BILLED_MS)) / 3_600_000;
}
