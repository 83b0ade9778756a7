import { describe, it, expect } from 'vitest';
import {
  ec2InstanceCost,
  fargateTaskCost,
  fargateTaskSize,
  createPriceBook,
  CostMeter,
  defaultFargatePricing,
  fargateHourlyRate,
} from '../../src/model/pricing/index.js';
import { lookupInstanceType } from '../../src/model/capacity/instance-catalog.js';

const HOUR = 3_600_000;
const cents = (usd: number) => Math.round(usd * 100);

describe('Fargate cost (per second, 1-minute minimum; us-east-1 0.04048 vCPU-h, 0.004445 GB-h)', () => {
  it('4 tasks of 0.5 vCPU / 1 GB for one hour: 4 x (0.5 x 0.04048 + 1 x 0.004445) = 0.09874 USD', () => {
    const one = fargateTaskCost(fargateTaskSize(512, 1024), 'x86_64', 0, HOUR, false);
    expect(4 * one).toBeCloseTo(0.09874, 10);
    expect(cents(4 * one)).toBe(10);
  });
  it('a task that runs 20 s is billed 60 s: 0.024685 / 60 = 0.000411417', () => {
    expect(fargateTaskCost({ vcpu: 0.5, memoryGiB: 1 }, 'x86_64', 0, 20_000, false)).toBeCloseTo(0.024685 / 60, 12);
  });
  it('partial seconds round up: 61.2 s bills 62 s', () => {
    expect(fargateTaskCost({ vcpu: 1, memoryGiB: 2 }, 'x86_64', 0, 61_200, false)).toBeCloseTo(((0.04048 + 2 * 0.004445) * 62) / 3600, 12);
  });
  it('ARM: 1 vCPU / 2 GB for an hour = 0.03238 + 2 x 0.00356 = 0.0395', () => {
    expect(fargateTaskCost({ vcpu: 1, memoryGiB: 2 }, 'arm64', 0, HOUR, false)).toBeCloseTo(0.0395, 10);
  });
  it('Fargate Spot: 70 % off -> 0.024685 x 0.30 = 0.0074055 per hour', () => {
    expect(fargateTaskCost({ vcpu: 0.5, memoryGiB: 1 }, 'x86_64', 0, HOUR, true)).toBeCloseTo(0.0074055, 10);
  });
});

describe('EC2 cost (per second, 60-second minimum)', () => {
  it('m5.large for 30 s is billed 60 s: 0.096 x 60 / 3600 = 0.0016', () => {
    expect(ec2InstanceCost(0.096, 0, 30_000)).toBeCloseTo(0.0016, 12);
  });
  it('m5.large for 2 h = 0.192; 90.4 s bills 91 s', () => {
    expect(ec2InstanceCost(0.096, 0, 2 * HOUR)).toBeCloseTo(0.192, 12);
    expect(ec2InstanceCost(0.096, 1000, 91_400)).toBeCloseTo((0.096 * 91) / 3600, 12);
  });
  it('rejects an end before the start', () => {
    expect(() => ec2InstanceCost(0.096, 10, 5)).toThrow(/end at or after its start/);
  });
});

describe('price book (built-in list + scenario overrides; Spot discounts)', () => {
  it('EC2 Spot model: 65 % off -> m5.large 0.096 x 0.35 = 0.0336 per hour', () => {
    const book = createPriceBook();
    expect(book.ec2Price(lookupInstanceType('m5.large'), 'on-demand')).toBe(0.096);
    expect(book.ec2Price(lookupInstanceType('m5.large'), 'spot')).toBeCloseTo(0.0336, 12);
  });
  it('overrides EC2, Fargate and discounts; custom types carry their price', () => {
    const book = createPriceBook(
      { ec2: { 'm5.large': 0.1 }, fargate: { vcpuHour: 0.05, gbHour: 0.005, spotDiscount: 0.5 } },
      [{ name: 'x.big', vcpu: 4, memoryMiB: 16384, enis: 4, price: 0.3 }],
    );
    expect(book.ec2Price(lookupInstanceType('m5.large'), 'on-demand')).toBe(0.1);
    expect(book.ec2Price(lookupInstanceType('x.big', [{ name: 'x.big', vcpu: 4, memoryMiB: 16384, enis: 4, price: 0.3 }]), 'on-demand')).toBe(0.3);
    expect(book.fargate('x86_64')).toEqual({ vcpuHour: 0.05, gbHour: 0.005, spotDiscount: 0.5 });
    expect(book.fargate('arm64').vcpuHour).toBe(0.03238);
    // 1 vCPU / 2 GB Spot at the overridden rates: (0.05 + 0.01) x 0.5 = 0.03
    expect(fargateHourlyRate({ vcpu: 1, memoryGiB: 2 }, true, book.fargate('x86_64'))).toBeCloseTo(0.03, 12);
  });
  it('rejects bad overrides with a did-you-mean', () => {
    expect(() => createPriceBook({ ec2: { 'm5.lrge': 0.1 } })).toThrow(/pricing\.ec2\["m5\.lrge"\]: expected a built-in or custom instance type, found "m5.lrge" \(did you mean "m5.large"\?\)/);
    expect(() => createPriceBook({ ec2: { 'M5.Large': 0.1 } })).toThrow(/found "M5.Large" \(did you mean "m5\.large"\?\)$/);
    expect(() => createPriceBook({ ec2: { 'c7g.large': 0.1 } })).toThrow(
      /found "c7g.large"; c7g\.large is not in ecsim's catalog: list it as a custom type \{ name: c7g\.large, vcpu, memoryMiB, enis, price \} in the group's instanceTypes \(its price is set there\)$/,
    );
    expect(() => createPriceBook({ ec2: { 'zz9.tiny': 0.1 } })).toThrow(/found "zz9.tiny"$/);
    expect(() => createPriceBook({ fargate: { spotDiscount: 1.2 } })).toThrow(/pricing.fargate.spotDiscount must be a number >= 0 and < 1, found 1.2/);
    // prices at most 1e6 USD an hour (larger ones overflowed cost totals to Infinity); the cap itself is accepted
    expect(createPriceBook({ ec2: { 'm5.large': 1e6 } }).ec2Price({ name: 'm5.large', pricePerHour: 0.096 }, 'on-demand')).toBe(1e6);
    expect(() => createPriceBook({ ec2: { 'm5.large': 1e308 } })).toThrow(/pricing.ec2.m5.large must be a number >= 0 and <= 1000000 \(USD an hour\), found 1e\+308/);
    expect(() => createPriceBook({ fargate: { gbHour: 1e6 + 1 } })).toThrow(/pricing.fargate.gbHour must be a number >= 0 and <= 1000000/);
  });
});

describe('CostMeter (cost_to_date per provider)', () => {
  it('accrues running items and matches the per-item bills', () => {
    const meter = new CostMeter();
    const fargate = fargateHourlyRate({ vcpu: 0.5, memoryGiB: 1 }, false, defaultFargatePricing('x86_64'));
    meter.start('i-1', 'asg-m5', 0.096, 0);
    for (let k = 0; k < 4; k++) meter.start(`t-${k}`, 'FARGATE', fargate, 0);
    expect(meter.costToDate('asg-m5', HOUR)).toBeCloseTo(0.096, 12);
    expect(meter.costToDate('FARGATE', HOUR)).toBeCloseTo(0.09874, 12);
    expect(meter.stop('i-1', 2 * HOUR)).toBeCloseTo(0.192, 12);
    expect(meter.costToDate('asg-m5', 3 * HOUR)).toBeCloseTo(0.192, 12); // nothing running any more
    expect(meter.totalCostToDate(2 * HOUR)).toBeCloseTo(0.192 + 2 * 0.09874, 12);
    expect(() => meter.costToDate('asg-m5', HOUR)).toThrow(/before its last start\/stop/);
  });

  it('tops up the 60 s minimum when an item ends early', () => {
    const meter = new CostMeter();
    meter.start('i-2', 'asg-m5', 0.096, 10_000);
    expect(meter.costToDate('asg-m5', 20_000)).toBeCloseTo((0.096 * 10) / 3600, 12); // accrues as it runs
    expect(meter.stop('i-2', 40_000)).toBeCloseTo(0.0016, 12);
    expect(meter.costToDate('asg-m5', 40_000)).toBeCloseTo(0.0016, 12);
  });

  it('waive takes back what an item started without a window accrued', () => {
    const meter = new CostMeter();
    meter.start('i-1', 'spot', 0.0336, 0);
    meter.start('i-2', 'spot', 0.0336, 600_000);
    // at 30 min: i-1 30 min, i-2 20 min = 50 min x 0.0336 USD/h = 0.028
    expect(meter.costToDate('spot', 1_800_000)).toBeCloseTo(0.028, 12);
    meter.waive('i-1', 1_800_000);
    // only i-2's 20 minutes are left, and it goes on accruing alone
    expect(meter.costToDate('spot', 1_800_000)).toBeCloseTo(0.0112, 12);
    expect(meter.costToDate('spot', 2_400_000)).toBeCloseTo(0.0168, 12);
    expect(meter.runningCount('spot')).toBe(1);
    meter.waive('i-2', 2_400_000);
    expect(meter.costToDate('spot', 3_000_000)).toBeCloseTo(0, 12);
    meter.waive('i-9', 3_000_000); // unknown: nothing happens
    expect(meter.runningCount('spot')).toBe(0);
  });

  it('an item that may be waived in its first hour is held out of cost_to_date until then, so it never drops', () => {
    const meter = new CostMeter();
    const rate = 0.0336; // USD/h: 0.0168 for half an hour
    meter.start('od', 'p', 0.096, 0); // on-demand beside them: billed as it runs
    meter.start('s-1', 'p', rate, 0, 60_000, HOUR);
    meter.start('s-2', 'p', rate, 600_000, 60_000, HOUR);
    meter.start('s-3', 'p', rate, 1_200_000, 60_000, HOUR);
    // at 30 min only the on-demand half hour: 0.048
    expect(meter.costToDate('p', 1_800_000)).toBeCloseTo(0.048, 12);
    // s-1 interrupted at 40 min: never charged, cost_to_date unchanged by it
    meter.waive('s-1', 2_400_000);
    expect(meter.costToDate('p', 2_400_000)).toBeCloseTo(0.064, 12);
    // s-3 scaled in at 50 min (30 min old): charged in full then, 0.0168
    expect(meter.stop('s-3', 3_000_000)).toBeCloseTo(0.0168, 12);
    expect(meter.costToDate('p', 3_000_000)).toBeCloseTo(0.08 + 0.0168, 12);
    // s-2's hour ends at 70 min: its hour 0.0336 comes in whole, then it accrues as it runs
    expect(meter.costToDate('p', 4_199_999)).toBeCloseTo((0.096 * 4_199_999) / HOUR + 0.0168, 9);
    expect(meter.costToDate('p', 4_200_000)).toBeCloseTo(0.112 + 0.0168 + 0.0336, 12);
    expect(meter.costToDate('p', 4_800_000)).toBeCloseTo(0.128 + 0.0168 + 0.0336 + 0.0056, 12);
    expect(meter.runningCount('p')).toBe(2);
    // the end: s-2 ran 70 min -> 0.0392; on-demand 80 min -> 0.128
    meter.stopAll(4_800_000);
    expect(meter.costToDate('p', 4_800_000)).toBeCloseTo(0.128 + 0.0168 + 0.0392, 12);
    expect(meter.runningCount('p')).toBe(0);
  });

  it('a held item that stops after its window, with no read in between, is charged once', () => {
    const meter = new CostMeter();
    meter.start('a', 'p', 3.6, 0, 60_000, HOUR);
    expect(meter.stop('a', HOUR)).toBeCloseTo(3.6, 12); // exactly at the window's end
    expect(meter.costToDate('p', HOUR)).toBeCloseTo(3.6, 12);
    meter.start('b', 'q', 3.6, 30_000, 60_000, HOUR);
    meter.stop('b', 30_000 + HOUR + 10_000);
    expect(meter.costToDate('q', 30_000 + HOUR + 10_000)).toBeCloseTo(3.61, 12);
    meter.start('c', 'r', 3.6, 0, 60_000, HOUR);
    meter.stopAll(HOUR + 10_000);
    expect(meter.costToDate('r', HOUR + 10_000)).toBeCloseTo(3.61, 12);
    // waived after its window (the cluster never does: EC2 charges it then): what it accrued
    // is taken back once, not its hour and then again
    meter.start('d', 's', 3.6, 0, 60_000, HOUR);
    meter.start('e', 's', 3.6, 0);
    meter.waive('d', HOUR + 10_000);
    expect(meter.costToDate('s', HOUR + 10_000)).toBeCloseTo(3.61, 12);
  });

  it('a held item still in its first hour at the end is charged by stopAll; a later start after releases is in order', () => {
    const meter = new CostMeter();
    meter.start('s-1', 'p', 3.6, 0, 60_000, HOUR);
    expect(meter.costToDate('p', 1_000)).toBe(0);
    meter.stopAll(30_000); // 60 s minimum x 3.6 USD/h
    expect(meter.costToDate('p', 30_000)).toBeCloseTo(0.06, 12);
    meter.start('s-2', 'p', 3.6, 40_000, 60_000, HOUR);
    expect(meter.costToDate('p', 40_000 + HOUR)).toBeCloseTo(0.06 + 3.6, 12);
    expect(meter.costToDate('p', 40_000 + HOUR + 1_000)).toBeCloseTo(0.06 + 3.601, 12);
  });

  it('stopAll closes the run; time going backwards is an error', () => {
    const meter = new CostMeter();
    meter.start(1, 'p', 3.6, 0);
    meter.stopAll(1_500);
    expect(meter.runningCount('p')).toBe(0);
    expect(meter.costToDate('p', 10_000)).toBeCloseTo(0.06, 12); // 60 s minimum x 3.6 USD/h
    meter.start(2, 'p', 1, 5_000);
    expect(() => meter.start(3, 'p', 1, 100)).toThrow(/time went backwards/);
  });
});
