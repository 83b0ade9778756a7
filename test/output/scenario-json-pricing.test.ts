// scenario.json records the prices the run used (outputs.md): the on-demand price of each
// instance type a group launches, the EC2 Spot discount when a group buys Spot, the Fargate
// rates of the kinds of Fargate task the run has; what the scenario writes is kept.
// Expected prices are the built-in list's (us-east-1 Linux on-demand, PRICE_LIST_DATE):
// m5.large 0.096 and c5.large 0.085 USD/h (aws.amazon.com/ec2/pricing/on-demand), Fargate
// X86_64 0.04048 USD per vCPU-hour and 0.004445 per GB-hour, ARM64 0.03238 and 0.00356
// (aws.amazon.com/fargate/pricing); the model's discounts: EC2 Spot 0.65, Fargate Spot 0.70.

import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { effectiveScenario, loadScenarioObject, scenarioWarnings } from '../../src/scenario/index.js';
import { runSimulation } from '../../src/sim/index.js';
import { QUICKSTART, cli, quickstart, tempDir, writeScenario } from '../helpers.js';

/** Two EC2 groups (on-demand [c5.large, m5.xlarge]; Spot [m5.large, custom my.big at 0.3]) and an ARM64 service on FARGATE and FARGATE_SPOT. */
function mixed(): Record<string, any> {
  return {
    name: 'mixed',
    seed: 3,
    duration: '1h',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: {
        od: { autoScalingGroup: { instanceTypes: ['c5.large', 'm5.xlarge'], minSize: 2, maxSize: 2 } },
        spotty: {
          autoScalingGroup: {
            instanceTypes: ['m5.large', { name: 'my.big', vcpu: 4, memoryMiB: 16384, enis: 4, price: 0.3 }],
            purchaseOption: 'spot',
            minSize: 2,
            maxSize: 2,
            spotInterruptions: { meanTimeBetween: '30m' },
          },
        },
        FARGATE_SPOT: { interruptions: { meanTimeBetween: '30m' } },
      },
    },
    taskDefinitions: {
      web: { cpu: 256, memory: 512, containerDefinitions: { app: { cpu: 256, memory: 512 } } },
      arm: {
        cpu: 256,
        memory: 512,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        runtimePlatform: { cpuArchitecture: 'ARM64' },
        containerDefinitions: { app: { cpu: 256, memory: 512 } },
      },
    },
    services: {
      a: { taskDefinition: 'web', desiredCount: 2, capacityProviderStrategy: [{ capacityProvider: 'od', weight: 1 }] },
      b: { taskDefinition: 'web', desiredCount: 2, capacityProviderStrategy: [{ capacityProvider: 'spotty', weight: 1 }] },
      c: {
        taskDefinition: 'arm',
        desiredCount: 2,
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      },
    },
  };
}

const load = (name: string, raw: unknown, baseDir = '.') => loadScenarioObject(name, raw, { baseDir });
const pricingOf = (raw: unknown) => JSON.parse(JSON.stringify(effectiveScenario(load('s', raw)))).pricing;

describe("scenario.json's pricing", () => {
  it("quickstart (one on-demand group of m5.large, nothing priced in the file): m5.large's list price 0.096, and nothing else", async () => {
    const dir = tempDir();
    expect((await cli('run', QUICKSTART, '--duration', '10m', '--quiet', '--out', join(dir, 'out'))).code).toBe(0);
    const s = JSON.parse(readFileSync(join(dir, 'out', 'scenario.json'), 'utf8'));
    expect(s.pricing).toEqual({ ec2: { 'm5.large': 0.096 } });
    // in the schema's place, after metrics
    expect(Object.keys(s).slice(Object.keys(s).indexOf('metrics'), Object.keys(s).indexOf('metrics') + 3)).toEqual(['metrics', 'pricing', 'cluster']);
  });

  it('records what the run buys: the on-demand group\'s first type, every type of the Spot group (a custom one at its price), the Spot discount, ARM64 Fargate rates and the Fargate Spot discount; no X86_64 Fargate rate, no m5.xlarge', () => {
    expect(pricingOf(mixed())).toEqual({
      fargate: { spotDiscount: 0.7, arm64: { vcpuHour: 0.03238, gbHour: 0.00356 } },
      ec2: { 'c5.large': 0.085, 'm5.large': 0.096, 'my.big': 0.3 },
      ec2SpotDiscount: 0.65,
    });
  });

  it('X86_64 tasks on FARGATE only: vcpuHour and gbHour, no spotDiscount, no arm64', () => {
    const q = mixed();
    delete q.cluster.capacityProviders.FARGATE_SPOT;
    delete q.taskDefinitions.arm.runtimePlatform;
    q.services.c.capacityProviderStrategy = [{ capacityProvider: 'FARGATE', weight: 1 }];
    expect(pricingOf(q).fargate).toEqual({ vcpuHour: 0.04048, gbHour: 0.004445 });
  });

  it('keeps written prices with their values (also those that price nothing, which are warned of) and fills in the rest', () => {
    const q = mixed();
    q.pricing = { ec2: { 'm5.large': 0.1, 'm5.xlarge': 0.2 }, ec2SpotDiscount: 0.5, fargate: { vcpuHour: 0.05, arm64: { gbHour: 0.004 } } };
    expect(pricingOf(q)).toEqual({
      // vcpuHour prices X86_64 tasks (there are none: warned of), kept; arm64's vcpuHour filled in
      fargate: { vcpuHour: 0.05, spotDiscount: 0.7, arm64: { vcpuHour: 0.03238, gbHour: 0.004 } },
      // m5.xlarge is not launched (warned of), kept after the launched ones
      ec2: { 'c5.large': 0.085, 'm5.large': 0.1, 'my.big': 0.3, 'm5.xlarge': 0.2 },
      ec2SpotDiscount: 0.5,
    });
    // a quick start that writes prices for what it does not buy: kept, nothing added
    const qs = quickstart();
    qs.pricing = { ec2SpotDiscount: 0.4, fargate: { gbHour: 0.01 } };
    expect(pricingOf(qs)).toEqual({ fargate: { gbHour: 0.01 }, ec2: { 'm5.large': 0.096 }, ec2SpotDiscount: 0.4 });
  });

  it('no EC2 group and no Fargate task, nothing written: no pricing key', () => {
    const q = quickstart();
    q.cluster.capacityProviders = {};
    q.services = {};
    q.taskDefinitions = {};
    const s = JSON.parse(JSON.stringify(effectiveScenario(load('s', q))));
    expect(s).not.toHaveProperty('pricing');
  });

  it('written into the scenario file, the recorded prices give byte-identical results and the same warnings', async () => {
    const dir = tempDir();
    const q = mixed();
    const first = writeScenario(dir, 'first', q);
    const a = await cli('run', first, '--quiet', '--out', join(dir, 'a'));
    expect(a.code).toBe(0);
    q.pricing = JSON.parse(readFileSync(join(dir, 'a', 'scenario.json'), 'utf8')).pricing;
    const second = writeScenario(dir, 'second', q);
    const b = await cli('run', second, '--quiet', '--out', join(dir, 'b'));
    expect(b.code).toBe(0);
    expect(b.stderr.replaceAll(second, 'F')).toBe(a.stderr.replaceAll(first, 'F'));
    for (const f of ['summary.json', 'timeseries.csv', 'capacity.csv', 'events.csv', 'tasks.csv', 'scenario.json']) {
      expect(readFileSync(join(dir, 'b', f), 'utf8'), f).toBe(readFileSync(join(dir, 'a', f), 'utf8'));
    }
  });

  it('every library scenario: its recorded prices, written in, change neither the run nor its warnings', () => {
    for (const f of readdirSync('scenarios').filter((n) => n.endsWith('.yaml'))) {
      const raw = parse(readFileSync(join('scenarios', f), 'utf8'));
      const loadIt = (value: unknown) => loadScenarioObject(f, value, { baseDir: 'scenarios', durationMs: 1_800_000 });
      const before = loadIt(raw);
      const pricing = JSON.parse(JSON.stringify(effectiveScenario(before))).pricing;
      expect(pricing, f).toBeDefined();
      const after = loadIt({ ...raw, pricing });
      expect(scenarioWarnings(after), f).toEqual(scenarioWarnings(before));
      const rows = (s: typeof before) => {
        const out: unknown[][] = [[], [], [], []];
        const r = runSimulation(s, { event: (e) => out[0].push(e), task: (t) => out[1].push(t), timeseries: (x) => out[2].push(x), capacity: (x) => out[3].push(x) }, { seed: s.scenario.seed });
        return { out, summary: r.summary };
      };
      expect(rows(after), f).toEqual(rows(before));
    }
  }, 120_000);
});
