// SLO-violation minutes in periods that serve nothing (docs/outputs.md, summary.json
// `sloViolationMinutes`; docs/assumptions.md "Summary figures"). A period's p95 latency is
// taken over the requests it served, so with nothing served it has none; such a period
// still breaks `slo.latencyP95` when
// - http: requests were offered and none was served (no task in rotation rejects them all);
// - queue: the oldest visible message at the period end has waited longer than the target
//   (FIFO: more messages wait than arrived within the target's span before the period end).

import { describe, it, expect } from 'vitest';
import { oneGroupScenario, runKeepingRows } from '../helpers.js';

function scenario(type: 'http' | 'queue', fidelity: 'fluid' | 'request', workload: Record<string, unknown>, desiredCount = 0) {
  return oneGroupScenario({
    name: 'slo0',
    duration: '10m',
    instances: 1,
    serviceName: 's',
    taskDefinitionName: 't',
    routing: type === 'http' ? 'random' : undefined,
    service: {
      desiredCount,
      fidelity,
      workload: { type, perTask: { concurrency: 4, serviceTime: { distribution: 'exponential', mean: '100ms' } }, ...workload },
    },
  });
}

const fidelities = ['fluid', 'request'] as const;

describe('SLO minutes when nothing is served', () => {
  for (const fidelity of fidelities) {
    it(`${fidelity}, http with no task: 120 requests/s all rejected in each of the 10 periods -> 10 minutes over latencyP95`, () => {
      const r = runKeepingRows(scenario('http', fidelity, { requestRate: 120, slo: { latencyP95: '300ms' } }), { seed: 1 });
      const s = r.summary.services.s as any;
      expect(s.requests.served).toBe(0);
      expect(s.requests.dropped).toBe(s.requests.offered);
      expect(s.sloViolationMinutes).toBe(10);
    });

    it(`${fidelity}, queue with no worker, 100 messages/s, latencyP95 30 s: the oldest message is 60 s old at the first period end -> 10 minutes`, () => {
      const r = runKeepingRows(scenario('queue', fidelity, { requestRate: 100, slo: { latencyP95: '30s' } }), { seed: 1 });
      const s = r.summary.services.s as any;
      expect(s.requests.served).toBe(0);
      expect(s.sloViolationMinutes).toBe(10);
    });

    it(`${fidelity}, same queue with latencyP95 90 s: at 60 s every message is younger than 90 s (fluid: 6000 waiting = 6000 arrived since the start); from 120 s on, late -> 9 minutes`, () => {
      const r = runKeepingRows(scenario('queue', fidelity, { requestRate: 100, slo: { latencyP95: '90s' } }), { seed: 1 });
      expect((r.summary.services.s as any).sloViolationMinutes).toBe(9);
    });

    it(`${fidelity}, a queue whose workers keep up (30 messages/s, 2 x 4 slots of 100 ms = 80/s) has no late backlog: 0 minutes`, () => {
      const r = runKeepingRows(scenario('queue', fidelity, { requestRate: 30, slo: { latencyP95: '30s' } }, 2), { seed: 1 });
      expect((r.summary.services.s as any).sloViolationMinutes).toBe(0);
    });
  }

  it('http with no traffic and no task breaks nothing (nothing offered): 0 minutes', () => {
    const r = runKeepingRows(scenario('http', 'fluid', { requestRate: 0, slo: { latencyP95: '300ms' } }), { seed: 1 });
    expect((r.summary.services.s as any).sloViolationMinutes).toBe(0);
  });
});
