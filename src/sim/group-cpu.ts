// EC2 Auto Scaling's ASGAverageCPUUtilization for a group's own target tracking policy:
// the average CPU of the group's InService instances, and how many there were (the capacity
// the datapoint covers, which the policy multiplies it by).

import type { Instance } from '../model/instance.js';

/**
 * Over the instances InService and past the policy's warm-up: registered (not launching),
 * not chosen for termination (with managed draining, an instance the group drains to
 * terminate it waits in Terminating:Wait, no longer InService; a Spot instance DRAINING at
 * its interruption notice is still InService) and not warming up (a warming instance adds
 * no usage data: ec2-auto-scaling-default-instance-warmup.html). `used(inst)`: the CPU units
 * the instance's tasks used over the period. The percent is the CPU used over the CPU
 * registered (with one instance type, the average of the instances' utilizations); NaN
 * without such instances (no datapoint).
 */
export function groupAverageCpu(
  instances: Iterable<Instance>,
  chosenForTermination: ReadonlySet<Instance>,
  isWarming: (inst: Instance) => boolean,
  used: (inst: Instance) => number,
): { percent: number; instances: number } {
  let cpuUsed = 0;
  let capacity = 0;
  let n = 0;
  for (const inst of instances) {
    if (inst.lifecycle === 'LAUNCHING' || inst.lifecycle === 'TERMINATED' || chosenForTermination.has(inst) || isWarming(inst)) continue;
    n++;
    capacity += inst.cpuRegistered;
    cpuUsed += used(inst);
  }
  return { percent: capacity > 0 ? (cpuUsed / capacity) * 100 : NaN, instances: n };
}
