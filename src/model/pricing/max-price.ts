// An ecsim bound, no AWS figure: the most any price input may be, in USD an hour (an EC2
// instance hour; a Fargate vCPU-hour or GB-hour). AWS's dearest instance types cost some
// hundreds of USD an hour; far larger figures (1e305) overflowed a run's cost totals to
// Infinity. At this bound the longest run (3660 days) of the most instances (5,000) costs
// about 4.4e14 USD, well within a double.

/** USD an hour. */
export const MAX_PRICE_PER_HOUR = 1_000_000;

/** Said after "expected at most ..." (the why) wherever a price is checked. */
export const MAX_PRICE_WHY = 'USD an hour, an ecsim bound: prices are USD per hour, e.g. m5.large 0.096, a Fargate vCPU-hour 0.04048';
