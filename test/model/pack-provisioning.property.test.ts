// The run-at-a-time packing of PROVISIONING tasks gives what one-by-one first fit
// decreasing gives (test/model/reference keeps that version, unchanged, as the oracle).

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { packProvisioningTasks, type TaskRequirement } from '../../src/model/capacity/pack-provisioning-tasks.js';
import { packProvisioningTasks as referencePack } from './reference/reference-pack-provisioning-tasks.js';

const kind = fc.record({
  cpu: fc.constantFrom(0, 128, 256, 512, 1024, 2048, 4096),
  memory: fc.constantFrom(0, 256, 512, 1000, 2048, 3000, 8000),
  enis: fc.constantFrom(0, 1),
  hostPorts: fc.constantFrom<readonly number[]>([], [], [80], [80, 443], [443], [8080]),
});

describe('packProvisioningTasks', () => {
  it('equals one-by-one first fit decreasing, tasks shared per service or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(kind, fc.integer({ min: 1, max: 40 }), fc.boolean()), { maxLength: 8 }),
        fc.record({ cpu: fc.constantFrom(2048, 4096, 8192), memoryMiB: fc.constantFrom(3800, 7700, 15600), awsvpcEnis: fc.option(fc.constantFrom(1, 2, 3), { nil: undefined }) }),
        fc.integer({ min: 0, max: 1_000 }),
        (groups, capacity, shuffleSeed) => {
          const tasks: TaskRequirement[] = [];
          for (const [k, n, shared] of groups) for (let i = 0; i < n; i++) tasks.push(shared ? k : { ...k });
          // interleave some of the services' tasks (kinds that tie on share, CPU and memory
          // but differ in ENIs must keep their given order)
          let s = shuffleSeed;
          for (let i = tasks.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [tasks[i], tasks[j]] = [tasks[j], tasks[i]];
          }
          expect(packProvisioningTasks(tasks, capacity)).toEqual(referencePack(tasks, capacity));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a static host port holds one task per instance (managed-scaling-behavior.html: the estimate accounts for ports)', () => {
    // m5.large: 2048 CPU units, 7680 MiB registered (about); 8 tasks of 256 / 512 fit one
    // instance by CPU and memory, but with hostPort 80 each needs its own.
    const cap = { cpu: 2048, memoryMiB: 7680, awsvpcEnis: 2 };
    const task = { cpu: 256, memory: 512, enis: 0 };
    expect(packProvisioningTasks(Array(8).fill(task), cap)).toEqual({ instances: 1, incompatible: 0 });
    expect(packProvisioningTasks(Array(8).fill({ ...task, hostPorts: [80] }), cap)).toEqual({ instances: 8, incompatible: 0 });
    // another service on port 8080 shares those instances: 8 + 3 tasks still need 8
    const other = { ...task, hostPorts: [8080] };
    expect(packProvisioningTasks([...Array(8).fill({ ...task, hostPorts: [80] }), other, other, other], cap)).toEqual({ instances: 8, incompatible: 0 });
    // but one that also wants port 80 ([80, 443]) does not: 8 + 3 = 11
    const both = { ...task, hostPorts: [80, 443] };
    expect(packProvisioningTasks([...Array(8).fill({ ...task, hostPorts: [80] }), both, both, both], cap)).toEqual({ instances: 11, incompatible: 0 });
  });

  it('keeps the given order of tasks that tie on share, CPU and memory (ENIs are no tie-break)', () => {
    // 2 ENIs for tasks: bridge tasks first fill the first instance, then the awsvpc ones need 2
    const cap = { cpu: 2048, memoryMiB: 7700, awsvpcEnis: 1 };
    const x = { cpu: 1024, memory: 1024, enis: 0 };
    const y = { cpu: 1024, memory: 1024, enis: 1 };
    expect(packProvisioningTasks([x, x, y, y], cap)).toEqual({ instances: 3, incompatible: 0 });
    expect(packProvisioningTasks([y, y, x, x], cap)).toEqual({ instances: 2, incompatible: 0 });
  });
});
