// ASGAverageCPUUtilization for a group's own target tracking policy: the average CPU of the
// group's InService instances past the warm-up, and how many there were: the same set for
// both, so the policy's ceil(n x metric / target) multiplies the datapoint by the instances
// it was measured over. The warm-up page (ec2-auto-scaling-default-instance-warmup.html):
// an instance contributes usage data to the aggregated metrics from InService (after its
// warm-up); one the group terminates with managed draining waits in Terminating:Wait, no
// longer InService; a Spot instance DRAINING at its notice is still InService.

import { describe, expect, it } from 'vitest';
import { groupAverageCpu } from '../../src/sim/group-cpu.js';
import type { Instance } from '../../src/model/instance.js';

const inst = (name: string, lifecycle: Instance['lifecycle']) => ({ name, lifecycle, cpuRegistered: 2048 }) as unknown as Instance & { name: string };

describe('groupAverageCpu (m5.large: 2048 CPU units each)', () => {
  const active = inst('active', 'ACTIVE');
  const drainingChosen = inst('drainingChosen', 'DRAINING');
  const launching = inst('launching', 'LAUNCHING');
  const warming = inst('warming', 'ACTIVE');
  const spotNotice = inst('spotNotice', 'DRAINING');
  const used = new Map<Instance, number>([
    [active, 1024],
    [drainingChosen, 2048],
    [launching, 0],
    [warming, 500],
    [spotNotice, 512],
  ]);

  it('counts only InService instances past the warm-up: (1024 + 512) / (2 x 2048) = 37.5 % over 2 instances', () => {
    const r = groupAverageCpu([active, drainingChosen, launching, warming, spotNotice], new Set([drainingChosen]), (i) => i === warming, (i) => used.get(i)!);
    expect(r).toEqual({ percent: 37.5, instances: 2 });
  });

  it('without InService instances: no datapoint (NaN) over 0 instances', () => {
    const r = groupAverageCpu([drainingChosen, launching, warming], new Set([drainingChosen]), (i) => i === warming, (i) => used.get(i)!);
    expect(r.instances).toBe(0);
    expect(r.percent).toBeNaN();
  });

  it('each instance counts once whatever its size (the AWS/EC2 CPUUtilization Average): m5.large at 50 % and m5.2xlarge at 12.5 % -> 31.25 %', () => {
    // m5.large 1024 of 2048 units = 50 %, m5.2xlarge 1024 of 8192 = 12.5 %: (50 + 12.5) / 2 = 31.25,
    // not the summed 2048 / 10240 = 20 %
    const large = { lifecycle: 'ACTIVE', cpuRegistered: 2048 } as unknown as Instance;
    const xl2 = { lifecycle: 'ACTIVE', cpuRegistered: 8192 } as unknown as Instance;
    const r = groupAverageCpu([large, xl2], new Set(), () => false, () => 1024);
    expect(r).toEqual({ percent: 31.25, instances: 2 });
  });
});
