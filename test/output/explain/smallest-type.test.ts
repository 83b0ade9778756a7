// `ecsim explain` names why tasks stay PROVISIONING when their task is larger than the
// smallest instance type a managed-scaling group lists: AWS says such tasks "can't run with
// this capacity provider ... The tasks remain in the PROVISIONING state"
// (managed-scaling-behavior.html). Hand-computed registered memory (memory-management.html
// model, registered-resources.ts): c5.large 4096 MiB x 0.98 = 4014.08 -> 4014 MiB;
// r5.large 16384 x 0.98 = 16056.32 -> 16056 MiB.

import { describe, it, expect } from 'vitest';
import { servicesOf } from '../../../src/output/explain/read-results.js';
import { provisioningWaitLines } from '../../../src/output/explain/provisioning-waits.js';
import type { TaskRow } from '../../../src/output/explain/results-tables.js';

/** A scenario.json (defaults filled in, durations in ms) with one spot group of c5.large and r5.large. */
function scenarioJson(memory: number, status = 'ENABLED', over: Record<string, unknown> = {}) {
  return {
    cluster: {
      awsvpcTrunking: false,
      capacityProviders: {
        cp: {
          autoScalingGroup: { instanceTypes: ['c5.large', 'r5.large'], purchaseOption: 'spot', minSize: 0, maxSize: 10, reservedMemoryMiB: 0 },
          managedScaling: { status, targetCapacity: 100 },
        },
      },
    },
    taskDefinitions: { td: { cpu: 256, memory, networkMode: 'bridge' } },
    services: { web: { taskDefinition: 'td', desiredCount: 4, schedulingStrategy: 'REPLICA', capacityProviderStrategy: [{ capacityProvider: 'cp', base: 0, weight: 1 }], ...over } },
  };
}

const WHY_6000 = 'task definition td (256 CPU units, 6000 MiB) fits r5.large but is larger than the smallest instance type its group lists (c5.large registers 4014 MiB)';

describe('servicesOf: the providers whose managed scaling never scales out for the service', () => {
  it('6000 MiB is more than c5.large registers (4014 MiB), not more than r5.large (16056 MiB)', () => {
    expect([...servicesOf(scenarioJson(6000)).get('web')!.neverScaledOutBy!]).toEqual([['cp', WHY_6000]]);
  });
  it('4014 MiB fits c5.large exactly; 4015 does not', () => {
    expect(servicesOf(scenarioJson(4014)).get('web')!.neverScaledOutBy!.size).toBe(0);
    expect(servicesOf(scenarioJson(4015)).get('web')!.neverScaledOutBy!.get('cp')).toContain('(c5.large registers 4014 MiB)');
  });
  it('none without managed scaling, for a DAEMON service, or for a provider given no tasks', () => {
    expect(servicesOf(scenarioJson(6000, 'DISABLED')).get('web')!.neverScaledOutBy!.size).toBe(0);
    expect(servicesOf(scenarioJson(6000, 'ENABLED', { schedulingStrategy: 'DAEMON' })).get('web')!.neverScaledOutBy!.size).toBe(0);
    expect(servicesOf(scenarioJson(6000, 'ENABLED', { capacityProviderStrategy: [{ capacityProvider: 'cp', base: 0, weight: 0 }] })).get('web')!.neverScaledOutBy!.size).toBe(0);
  });
});

describe('provisioningWaitLines: tasks still PROVISIONING that managed scaling never scales out for', () => {
  const clock = { startEpochMs: Date.parse('2026-03-02T00:00:00Z'), withDate: false };
  const task = (n: number): TaskRow => ({ taskId: `web-${n}`, service: 'web', capacityProvider: 'cp', instanceId: '', createdS: 0, runningS: null, stoppedS: null, stopReason: 'simulation-end' });
  const events = [
    { timeS: 0, type: 'task-unplaceable', subject: 'web', message: 'service web was unable to place a task because no container instance met all of its requirements. ecsim: the task waits in PROVISIONING for cp capacity; no container instance of capacity provider cp is registered, so no container instance can run the task' },
  ];
  it('the line names the cause', () => {
    const lines = provisioningWaitLines(events, [1, 2, 3, 4].map(task), new Map(), clock, 1800, servicesOf(scenarioJson(6000))).map((l) => l.text);
    expect(lines).toEqual([`web: 4 tasks still PROVISIONING at the end, waiting since 00:00 (no instance registered); managed scaling of cp never scales out for them: ${WHY_6000}`]);
  });
  it('one task is "it"; a task that fits c5.large gets no cause', () => {
    expect(provisioningWaitLines(events, [task(1)], new Map(), clock, 1800, servicesOf(scenarioJson(6000)))[0].text).toContain('never scales out for it: ');
    expect(provisioningWaitLines(events, [task(1)], new Map(), clock, 1800, servicesOf(scenarioJson(3000)))[0].text).toBe(
      'web: 1 task still PROVISIONING at the end, waiting since 00:00 (no instance registered)',
    );
  });
});
