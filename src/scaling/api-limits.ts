// Application Auto Scaling API limits the scaler and the scenario schema both enforce.

/** The largest value of an AWS API Integer (a 32-bit signed integer): 2,147,483,647. */
export const MAX_API_INTEGER = 2_147_483_647;

/**
 * TargetTrackingScalingPolicyConfiguration TargetValue: "Values must be in the range of
 * -2^360 to 2^360" (API_TargetTrackingScalingPolicyConfiguration.html).
 */
export const MAX_TARGET_VALUE = 2 ** 360;
