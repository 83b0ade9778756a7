import { describe, it, expect } from 'vitest';
import {
  lookupInstanceType,
  registeredResources,
  INSTANCE_CATALOG,
  PRICE_LIST_DATE,
} from '../../src/model/capacity/index.js';

describe('instance catalog (EC2 specs, ENI table, us-east-1 on-demand prices)', () => {
  it('has the aws-behaviour §11 types with their list prices', () => {
    const expected: [string, number, number, number][] = [
      // name, vcpu, GiB, USD/h
      ['t3.medium', 2, 4, 0.0416],
      ['m5.large', 2, 8, 0.096],
      ['m5.xlarge', 4, 16, 0.192],
      ['m5.2xlarge', 8, 32, 0.384],
      ['c5.large', 2, 4, 0.085],
      ['c5.xlarge', 4, 8, 0.17],
      ['r5.large', 2, 16, 0.126],
      ['m6g.large', 2, 8, 0.077],
      ['m6i.large', 2, 8, 0.096],
      ['m7g.large', 2, 8, 0.0816],
    ];
    for (const [name, vcpu, gib, price] of expected) {
      const t = lookupInstanceType(name);
      expect([t.vcpu, t.memoryMiB, t.pricePerHour]).toEqual([vcpu, gib * 1024, price]);
    }
    expect(PRICE_LIST_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(INSTANCE_CATALOG.size).toBeGreaterThanOrEqual(17);
  });

  it('knows CPU architecture and max ENIs (EC2 "maximum network interfaces" table)', () => {
    expect(lookupInstanceType('m6g.large').cpuArchitecture).toBe('arm64');
    expect(lookupInstanceType('m5.large').cpuArchitecture).toBe('x86_64');
    expect(lookupInstanceType('m5.large').maxEnis).toBe(3);
    expect(lookupInstanceType('m5.xlarge').maxEnis).toBe(4);
    expect(lookupInstanceType('m5.4xlarge').maxEnis).toBe(8);
    expect(lookupInstanceType('t3.medium').maxEnis).toBe(3);
  });

  it('rejects an unknown name with a did-you-mean', () => {
    expect(() => lookupInstanceType('m5.larg')).toThrow(/unknown instance type "m5.larg".*did you mean m5.large\?/);
  });

  it('takes custom types from the scenario, x86_64 by default', () => {
    const custom = [{ name: 'big.box', vcpu: 96, memoryMiB: 393216, enis: 15, price: 4.5 }];
    const t = lookupInstanceType('big.box', custom);
    expect(t).toEqual({ name: 'big.box', vcpu: 96, memoryMiB: 393216, cpuArchitecture: 'x86_64', maxEnis: 15, pricePerHour: 4.5 });
    expect(() => lookupInstanceType('big', [{ ...custom[0], name: 'big', vcpu: 0 }])).toThrow(/vcpu must be an integer >= 1, found 0/);
  });
});

describe('registered resources (§11 model: cpu = vcpu x 1024; memory = physical - max(256 MiB, 6 %))', () => {
  it('m5.large: 2048 units, 8192 - 491.52 = 7700 MiB, 2 ENIs for awsvpc tasks', () => {
    expect(registeredResources(lookupInstanceType('m5.large'))).toEqual({ cpu: 2048, memoryMiB: 7700, awsvpcEnis: 2 });
  });
  it('t3.micro: the 256 MiB floor applies (6 % of 1024 = 61)', () => {
    expect(registeredResources(lookupInstanceType('t3.micro')).memoryMiB).toBe(768);
  });
  it('ECS_RESERVED_MEMORY comes off on top', () => {
    expect(registeredResources(lookupInstanceType('m5.large'), 100).memoryMiB).toBe(7600);
  });
});
