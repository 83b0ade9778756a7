import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
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

describe('registered resources (model: cpu = vcpu x 1024; memory = floor(physical x 98 %) - ECS_RESERVED_MEMORY)', () => {
  // AWS's published figures (MiB registered of physical) and the model's, by hand:
  //   c4.large   3840 x 0.98 = 3763.2  -> 3763 against 3768 (cluster_utilization.html): -5, 0.13 %
  //   c4.4xlarge 30720 x 0.98 = 30105.6 -> 30105 against 30158 (same page): -53, 0.18 %
  //   m4.large   8192 x 0.98 = 8028.16 -> 8028 against 7985 (memory-management.html, free -b
  //              total 8373026816 bytes = 7985.3 MiB): +43, 0.54 %
  // all within 0.6 % of AWS. c4 and m4 are not in ecsim's catalog: custom types of their specs.
  const custom = [
    { name: 'c4.large', vcpu: 2, memoryMiB: 3840, enis: 3, price: 0.1 },
    { name: 'c4.4xlarge', vcpu: 16, memoryMiB: 30720, enis: 8, price: 0.796 },
    { name: 'm4.large', vcpu: 2, memoryMiB: 8192, enis: 2, price: 0.1 },
  ];
  const published: [string, number, number][] = [
    // name, the model's registered memory by hand, AWS's published figure
    ['c4.large', 3763, 3768],
    ['c4.4xlarge', 30105, 30158],
    ['m4.large', 8028, 7985],
  ];
  for (const [name, model, aws] of published) {
    it(`${name}: ${model} MiB, within 0.6 % of AWS's ${aws}`, () => {
      const got = registeredResources(lookupInstanceType(name, custom)).memoryMiB;
      expect(got).toBe(model);
      expect(Math.abs(got - aws) / aws).toBeLessThan(0.006);
    });
  }
  it('c4.4xlarge: 16 vCPU -> 16384 CPU units, as AWS publishes', () => {
    expect(registeredResources(lookupInstanceType('c4.4xlarge', custom)).cpu).toBe(16384);
  });
  it('m5.large: 2048 units, 8192 x 0.98 = 8028.16 -> 8028 MiB, 2 ENIs for awsvpc tasks', () => {
    expect(registeredResources(lookupInstanceType('m5.large'))).toEqual({ cpu: 2048, memoryMiB: 8028, awsvpcEnis: 2 });
  });
  it('small types: no floor (t3.micro 1024 x 0.98 = 1003.52 -> 1003; t3.nano 512 x 0.98 = 501.76 -> 501)', () => {
    expect(registeredResources(lookupInstanceType('t3.micro')).memoryMiB).toBe(1003);
    expect(registeredResources(lookupInstanceType('big', [{ name: 'big', vcpu: 2, memoryMiB: 512, enis: 2, price: 0.01 }])).memoryMiB).toBe(501);
  });
  it('a whole 98 % is not floored down: 5000 MiB -> 4900 exactly', () => {
    expect(registeredResources(lookupInstanceType('x', [{ name: 'x', vcpu: 1, memoryMiB: 5000, enis: 2, price: 0.01 }])).memoryMiB).toBe(4900);
  });
  it('ECS_RESERVED_MEMORY comes off on top: m5.large 8028 - 100 = 7928', () => {
    expect(registeredResources(lookupInstanceType('m5.large'), 100).memoryMiB).toBe(7928);
  });
  it('any whole number of MiB: floor(98 m / 100) by integer arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 512, max: 4_194_304 }), fc.integer({ min: 0, max: 256 }), (m, reserved) => {
        const expected = Number((BigInt(m) * 98n) / 100n) - reserved;
        const got = registeredResources(lookupInstanceType('p', [{ name: 'p', vcpu: 1, memoryMiB: m, enis: 2, price: 0.01 }]), reserved).memoryMiB;
        expect(got).toBe(expected);
      }),
    );
  });
});
