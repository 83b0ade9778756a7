// EC2 Auto Scaling's ASGAverageCPUUtilization for a group's own target tracking policy:
// the average of the CPU utilizations of the group's InService instances, and how many there
// were (the capacity the datapoint covers, which the policy multiplies it by).

import type { Instance } from '../model/instance.js';

/**
 * Over the instances InService and past the policy's warm-up: registered (not launching),
 * not chosen for termination (with managed draining, an instance the group drains to
 * terminate it waits in Terminating:Wait, no longer InService; a Spot instance DRAINING at
 * its interruption notice is still InService) and not warming up (a warming instance adds
 * no usage data: ec2-auto-scaling-default-instance-warmup.html). `used(inst)`: the CPU units
 * the instance's tasks used over the period. The percent is the mean of the instances'
 * utilizations (each one's CPU used over its registered CPU), each instance counting once
 * whatever its size: ASGAverageCPUUtilization is the AWS/EC2 CPUUtilization Average over the
 * group's instances, one datapoint per instance (an m5.large at 50 % and an m5.2xlarge at
 * 12.5 % average 31.25 %, not the 20 % of their summed CPU). NaN without such instances (no
 * datapoint).
 */
export function groupAverageCpu(
  instances: Iterable<Instance>,
  chosenForTermination: ReadonlySet<Instance>,
  isWarming: (inst: Instance) => boolean,
  used: (inst: Instance) => number,
): { percent: number; instances: number } {
  let sum = 0;
  let n = 0;
  for (const inst of instances) {
    if (inst.lifecycle === 'LAUNCHING' || inst.lifecycle === 'TERMINATED' || chosenForTermination.has(inst) || isWarming(inst)) continue;
    n++;
    sum += inst.cpuRegistered > 0 ? used(inst) / inst.cpuRegistered : 0;
  }
  return { percent: n > 0 ? (sum / n) * 100 : NaN, instances: n };
}
