// The task-unplaceable event begins as ECS's service event does
// (AmazonECS/latest/developerguide/service-event-messages-list.html, its placeholders'
// parentheses left out as events as written have none): "service NAME was unable to place a
// task because no container instance met all of its requirements.", then for the closest
// instance "The closest matching container-instance ID has insufficient CPU units
// available" / "has insufficient memory available" / "is already using a port required by
// your task" / "is missing an attribute required by your task" / "encountered error
// "MemberOf placement constraint unsatisfied."", "For more information, see the
// Troubleshooting section."; ecsim's detail follows "ecsim:".

import { describe, expect, it } from 'vitest';
import { describeUnplaceable, unableToPlaceEvent } from '../../src/placement/index.js';
import { apply, inst, task } from './helpers.js';

const FIRST = 'service web was unable to place a task because no container instance met all of its requirements.';
const MORE = 'For more information, see the Troubleshooting section.';

describe('unableToPlaceEvent', () => {
  it('insufficient memory: the closest instance and what it lacks (512 - 300 = 212 MiB)', () => {
    const r = describeUnplaceable([inst('i-1', { memoryRemaining: 300 })], task(), []);
    expect(unableToPlaceEvent('web', r)).toBe(`${FIRST} The closest matching container-instance i-1 has insufficient memory available. ${MORE} ecsim: 1 rejected for RESOURCE:MEMORY; closest i-1 (us-east-1a) lacks 212 MiB memory`);
  });

  it('insufficient CPU comes before memory (the order ECS checks them); the waiting note first', () => {
    const r = describeUnplaceable([inst('i-2', { cpuRemaining: 56, memoryRemaining: 12 })], task(), []);
    expect(unableToPlaceEvent('web', r, ['the task waits in PROVISIONING for asg capacity'])).toBe(
      `${FIRST} The closest matching container-instance i-2 has insufficient CPU units available. ${MORE} ecsim: the task waits in PROVISIONING for asg capacity; 1 rejected for RESOURCE:CPU; closest i-2 (us-east-1a) lacks 200 CPU units and 500 MiB memory`,
    );
  });

  it('a host port in use', () => {
    const r = describeUnplaceable([inst('i-3', { usedHostPorts: new Set([8080]) })], task({ hostPorts: [8080] }), []);
    expect(unableToPlaceEvent('web', r)).toBe(`${FIRST} The closest matching container-instance i-3 is already using a port required by your task. ${MORE} ecsim: 1 rejected for RESOURCE:PORTS; closest i-3 (us-east-1a) lacks host port 8080 (in use)`);
  });

  it('a missing attribute (CPU architecture)', () => {
    const r = describeUnplaceable([inst('i-4', { attrs: { 'ecs.cpu-architecture': 'x86_64' } })], task({ cpuArchitecture: 'arm64' }), []);
    expect(unableToPlaceEvent('web', r)).toMatch(/^service web was unable .* The closest matching container-instance i-4 is missing an attribute required by your task\. For more information, see the Troubleshooting section\. ecsim: 1 rejected for ATTRIBUTE /);
  });

  it('only an ENI short, or only distinctInstance: no known ECS sentence for the closest instance, so only the first', () => {
    const eni = describeUnplaceable([inst('i-5', { enisRemaining: 0 })], task({ needsEni: true }), []);
    expect(unableToPlaceEvent('web', eni)).toBe(`${FIRST} ecsim: 1 rejected for RESOURCE:ENI; closest i-5 (us-east-1a) lacks a free ENI`);
    const busy = inst('i-6');
    apply(busy, task());
    const d = describeUnplaceable([busy], task(), [{ type: 'distinctInstance' }]);
    expect(unableToPlaceEvent('web', d)).toMatch(new RegExp(`^${FIRST.replace(/[().]/g, '\\$&')} ecsim: 1 rejected for distinctInstance`));
  });

  it('only a memberOf constraint: ECS\'s "encountered error" sentence', () => {
    const c = describeUnplaceable([inst('i-6')], task(), [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == c5.large' }]);
    expect(unableToPlaceEvent('web', c)).toMatch(
      new RegExp(`^${FIRST.replace(/[().]/g, '\\$&')} The closest matching container-instance i-6 encountered error "MemberOf placement constraint unsatisfied\\."\\. For more information, see the Troubleshooting section\\. ecsim: 1 rejected for memberOf constraint; closest i-6`),
    );
  });

  it('no instance registered in the cluster: ECS\'s reason, then ecsim says so', () => {
    expect(unableToPlaceEvent('web', describeUnplaceable([], task(), []))).toBe(`${FIRST} Reason: No Container Instances were found in your cluster. ecsim: no container instances are registered in the cluster, so no container instance can run the task`);
    const launching = describeUnplaceable([inst('i-7', { status: 'REGISTERING' })], task(), []);
    expect(unableToPlaceEvent('web', launching)).toBe(`${FIRST} Reason: No Container Instances were found in your cluster. ecsim: no container instance is registered in the cluster yet (1 launching), so no container instance can run the task`);
  });

  it('none of a capacity provider\'s: the first sentence only (other providers\' instances may be registered)', () => {
    const r = describeUnplaceable([], task(), [], 'spot');
    expect(unableToPlaceEvent('web', r, ['the task waits in PROVISIONING for spot capacity'], 'spot')).toBe(
      `${FIRST} ecsim: the task waits in PROVISIONING for spot capacity; no container instance of capacity provider spot is registered, so no container instance can run the task`,
    );
  });

  it('an instance launching beside a rejected one: no ECS reason sentence', () => {
    const r = describeUnplaceable([inst('i-8', { memoryRemaining: 0 }), inst('i-9', { status: 'REGISTERING' })], task(), []);
    expect(unableToPlaceEvent('web', r)).not.toContain('Reason:');
  });
});
