// Application Auto Scaling API limits the scaler and the scenario schema both enforce.

/** The largest value of an AWS API Integer (a 32-bit signed integer): 2,147,483,647. */
export const MAX_API_INTEGER = 2_147_483_647;

/**
 * TargetTrackingScalingPolicyConfiguration TargetValue: "Values must be in the range of
 * -2^360 to 2^360" (API_TargetTrackingScalingPolicyConfiguration.html).
 */
export const MAX_TARGET_VALUE = 2 ** 360;

/**
 * The smallest magnitude of a TargetValue other than 0: 2^-360 (about 4.26e-109). The
 * Application Auto Scaling page says only that TargetValue "won't accept values that are
 * either too small or too large" within -2^360 to 2^360; DynamoDB's page for the same
 * setting states the range in base 2 as "2e-360 to 2e360"
 * (amazondynamodb/latest/APIReference/API_AutoScalingTargetTrackingScalingPolicyConfigurationUpdate.html;
 * its base-10 figures, 8.515920e-109 to 1.174271e+108, are 2^-359 and 2^359: ecsim takes the
 * base-2 bounds, as MAX_TARGET_VALUE takes 2^360).
 */
export const MIN_TARGET_MAGNITUDE = 2 ** -360;
