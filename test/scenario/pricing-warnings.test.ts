// A `pricing:` override that prices nothing the run buys changes nothing: valid, so not
// refused, but said (house rule: never silently ignore input), as the unused task
// definition is. The quickstart runs on-demand m5.large instances only (no Spot, no
// Fargate); fargate-spot.yaml runs X86_64 tasks on FARGATE and FARGATE_SPOT.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, scenarioWarnings } from '../../src/scenario/index.js';

const dir = tempDir();
const warned = (file: string) => scenarioWarnings(loadScenarioFile(file)).map((w) => `${w.at.join('.')}: ${w.message}`);
const fargateSpot = () => parse(readFileSync('scenarios/fargate-spot.yaml', 'utf8'));
const NO_EFFECT = 'it has no effect on the run';

describe('price overrides that price nothing the run buys', () => {
  it('EC2: a type no group lists, a type an on-demand group lists but does not launch, ec2SpotDiscount with no Spot group, every Fargate key with no Fargate task', async () => {
    const s = quickstart();
    s.cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes = ['m5.large', 'c5.large'];
    s.pricing = { ec2: { 'm5.large': 0.1, 'c5.large': 0.09, 'm5.xlarge': 0.2 }, ec2SpotDiscount: 0.5, fargate: { vcpuHour: 0.05, arm64: { gbHour: 0.004 } } };
    const file = writeScenario(dir, 'ec2-prices', s);
    expect(warned(file)).toEqual([
      `pricing.ec2.c5.large: no Auto Scaling group launches c5.large (an on-demand group launches its first instance type only): ${NO_EFFECT}`,
      `pricing.ec2.m5.xlarge: no Auto Scaling group lists m5.xlarge: ${NO_EFFECT}`,
      `pricing.ec2SpotDiscount: no Auto Scaling group has purchaseOption spot: ${NO_EFFECT}`,
      `pricing.fargate: no service runs tasks on Fargate (launchType FARGATE, or FARGATE/FARGATE_SPOT in its capacity provider strategy): ${NO_EFFECT}`,
      "cluster.capacityProviders.ec2.autoScalingGroup.instanceTypes: an on-demand group launches only its first listed type, m5.large (EC2 Auto Scaling's prioritized allocation), so c5.large has no effect on the run; list m5.large alone, or use purchaseOption spot to launch every listed type",
    ]);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*ec2-prices\.yaml: pricing\.ec2SpotDiscount: no Auto Scaling group has purchaseOption spot/);
  });

  it('a Spot group launches every listed type: their prices and ec2SpotDiscount are used, no warning', () => {
    const s = quickstart();
    Object.assign(s.cluster.capacityProviders.ec2.autoScalingGroup, { instanceTypes: ['m5.large', 'c5.large'], purchaseOption: 'spot', spotInterruptions: { meanTimeBetween: '30d' } });
    s.pricing = { ec2: { 'm5.large': 0.1, 'c5.large': 0.09 }, ec2SpotDiscount: 0.5 };
    expect(warned(writeScenario(dir, 'spot-prices', s))).toEqual([]);
  });

  it('Fargate: X86_64 tasks on FARGATE and FARGATE_SPOT use vcpuHour, gbHour and spotDiscount; arm64 prices nothing', () => {
    const s = fargateSpot();
    s.pricing = { fargate: { vcpuHour: 0.05, gbHour: 0.005, spotDiscount: 0.6, arm64: { vcpuHour: 0.04 } } };
    expect(warned(writeScenario(dir, 'fargate-x86', s))).toEqual([`pricing.fargate.arm64: no Fargate task of the run is ARM64 (runtimePlatform.cpuArchitecture ARM64): ${NO_EFFECT}`]);
  });

  it('Fargate: ARM64 tasks on FARGATE only: the x86 rates and spotDiscount price nothing, arm64 does', () => {
    const s = fargateSpot();
    for (const td of Object.values<any>(s.taskDefinitions)) td.runtimePlatform = { cpuArchitecture: 'ARM64' };
    for (const svc of Object.values<any>(s.services)) svc.capacityProviderStrategy = [{ capacityProvider: 'FARGATE', weight: 1 }];
    delete s.cluster.capacityProviders.FARGATE_SPOT;
    delete s.expect;
    s.pricing = { fargate: { vcpuHour: 0.05, gbHour: 0.005, spotDiscount: 0.6, arm64: { vcpuHour: 0.04 } } };
    const arm = 'prices X86_64 Fargate tasks, and every Fargate task of the run is ARM64 (priced by fargate.arm64)';
    expect(warned(writeScenario(dir, 'fargate-arm', s))).toEqual([
      `pricing.fargate.vcpuHour: ${arm}: ${NO_EFFECT}`,
      `pricing.fargate.gbHour: ${arm}: ${NO_EFFECT}`,
      `pricing.fargate.spotDiscount: no service runs tasks on FARGATE_SPOT: ${NO_EFFECT}`,
    ]);
  });
});
