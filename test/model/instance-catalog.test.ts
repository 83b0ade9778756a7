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
    expect(() => lookupInstanceType('m5.larg')).toThrow(/unknown instance type "m5.larg".*did you mean "m5.large"\?/);
  });

  it('hints a case or punctuation slip and a typo in a known family\'s size, quoted', () => {
    for (const [written, meant] of [
      ['M5.Large', 'm5.large'],
      ['m5-large', 'm5.large'],
      ['m5large', 'm5.large'],
      ['m5.lrage', 'm5.large'],
      ['m5.xlarg', 'm5.xlarge'],
      ['t3.mirco', 't3.micro'],
    ]) {
      expect(() => lookupInstanceType(written)).toThrow(new RegExp(`\\(did you mean "${meant.replace('.', '\\.')}"\\?\\)$`));
    }
    expect(() => lookupInstanceType('my-typ', [{ name: 'my-type', vcpu: 2, memoryMiB: 4096, enis: 3, price: 0.1 }])).toThrow(/\(did you mean "my-type"\?\)$/);
  });

  it('names no other type for a well-formed EC2 name the catalog lacks: says so, and how to model it', () => {
    // m5.8xlarge is a real size (not m5.xlarge), c7g/r6g/t3a real families (not m7g, m6g, t3)
    for (const name of ['m5.8xlarge', 'c7g.large', 'r6g.large', 't3a.large']) {
      let message = '';
      try {
        lookupInstanceType(name);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toMatch(/did you mean/);
      expect(message).toMatch(new RegExp(`; ${name.replace('.', '\\.')} is not in ecsim's catalog: list it as a custom type \\{ name: ${name.replace('.', '\\.')}, vcpu, memoryMiB, enis, price \\}`));
    }
  });

  it('gives no hint for a name like no EC2 type', () => {
    for (const name of ['Standard_D2', 'c9.huge', 'zz9.tiny', 'large']) {
      let message = '';
      try {
        lookupInstanceType(name);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/^unknown instance type/);
      expect(message).not.toMatch(/did you mean|not in ecsim's catalog/);
    }
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
