// `ecsim explain --to` on a task that waits in PROVISIONING past --to and is stopped later
// by a scale in, never placed: still told as waiting at --to (before, only a task still
// waiting at the run's end was, so the window ended "desired 2, 1 RUNNING" with no cause).
// One m5.large (2048 CPU units registered), two tasks of 2048: web-2 never fits; a scheduled
// action at 09:10 takes the service to 1, stopping web-2.

import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { cli, tempDir, writeScenario } from '../../helpers.js';

const scenario = {
  name: 'stuck',
  seed: 1,
  start: '2026-03-02T09:00:00Z',
  duration: '20m',
  cluster: {
    availabilityZones: ['us-east-1a'],
    capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, desiredCapacity: 1 } } },
  },
  taskDefinitions: { web: { cpu: 2048, memory: 1024, networkMode: 'bridge', containerDefinitions: { app: { cpu: 2048, memory: 1024 } } } },
  services: {
    web: {
      taskDefinition: 'web',
      desiredCount: 2,
      capacityProviderStrategy: [{ capacityProvider: 'ec2', weight: 1 }],
      autoScaling: { minCapacity: 2, maxCapacity: 2, scheduledActions: { shrink: { schedule: 'at(2026-03-02T09:10:00)', scalableTargetAction: { minCapacity: 1, maxCapacity: 1 } } } },
    },
  },
};

describe('explain --to: a wait still open then, the task stopped later', () => {
  it('is told at --to with its reason', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    expect((await cli('run', writeScenario(dir, 'stuck', scenario), '--out', out, '--quiet')).code).toBe(0);
    const r = await cli('explain', out, '--to', '5m');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('09:05  web: 1 task (web-2) waiting in PROVISIONING since 09:00 (RESOURCE:CPU), still at 09:05');
    // after the stop, at the run's end, it is no wait any more
    const whole = await cli('explain', out);
    expect(whole.stdout).not.toContain('PROVISIONING since 09:00');
  });
});
