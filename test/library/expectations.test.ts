// Unit and property tests of scenario `expect:` assertions (issue 9): the grammar
// `<dotted path into summary.json> <op> <number>`, checking against a summary, and the
// load-time validation of paths against the summary.json contract (docs/outputs.md).

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  checkExpectations,
  compareValue,
  formatPath,
  parseExpectation,
  validateExpectations,
  formatExpectationResults,
  expectationProblems,
  type ComparisonOperator,
} from '../../src/scenario/expect/index.js';

const summary = {
  scenario: 'demo',
  seed: 1,
  durationSeconds: 3600,
  services: {
    web: {
      taskHours: 6.1367,
      desiredCount: { min: 3, max: 9, mean: 6.2, final: 9 },
      latencyMs: { p50: 56.2, p95: 2068.05, p99: null },
      sloViolationMinutes: 16,
    },
  },
  capacityProviders: {
    'asg-m5': { instanceHours: 3, maxInstances: 3, meanReservation: null },
    'asg.m6': { instanceHours: 1, maxInstances: 1, meanReservation: 100 },
  },
  cost: { currency: 'USD', total: 0.288, byProvider: { 'asg-m5': 0.288 } },
};

describe('parseExpectation: <path> <op> <number>', () => {
  it('splits a dotted path, the operator and the number', () => {
    expect(parseExpectation('services.web.latencyMs.p95 < 250')).toEqual({
      text: 'services.web.latencyMs.p95 < 250',
      path: ['services', 'web', 'latencyMs', 'p95'],
      op: '<',
      value: 250,
    });
  });

  it('reads every operator, two-character ones before their one-character prefixes', () => {
    const ops: ComparisonOperator[] = ['<', '<=', '>', '>=', '==', '!='];
    for (const op of ops) expect(parseExpectation(`cost.total ${op} 1`).op).toBe(op);
    expect(parseExpectation('cost.total<=1').op).toBe('<=');
  });

  it('names may contain "-" and ":" (scenario map keys) and a bracketed quoted key may contain "."', () => {
    expect(parseExpectation('capacityProviders.asg-m5.maxInstances >= 3').path).toEqual(['capacityProviders', 'asg-m5', 'maxInstances']);
    expect(parseExpectation('capacityProviders["asg.m5"].maxInstances >= 3').path).toEqual(['capacityProviders', 'asg.m5', 'maxInstances']);
    expect(parseExpectation("cost.byProvider['a.b'] > 0").path).toEqual(['cost', 'byProvider', 'a.b']);
  });

  it('numbers: negative, decimal, exponent', () => {
    expect(parseExpectation('cost.total > -1.5').value).toBe(-1.5);
    expect(parseExpectation('cost.total < .25').value).toBe(0.25);
    expect(parseExpectation('cost.total < 1e3').value).toBe(1000);
  });

  it('a malformed expression throws with the column of the problem', () => {
    expect(() => parseExpectation('services.web.latencyMs.p95 =< 250')).toThrow(/column 28: expected an operator .*did you mean "<="/);
    expect(() => parseExpectation('services.web.latencyMs.p95 = 250')).toThrow(/column 28: .*did you mean "=="/);
    expect(() => parseExpectation('services.web.latencyMs.p95 < fast')).toThrow(/column 30: expected a number, found "fast"/);
    expect(() => parseExpectation('services..web < 1')).toThrow(/column 10: expected a key after "."/);
    expect(() => parseExpectation('cost.total < 1 ms')).toThrow(/column 16: expected the end of the expression/);
    expect(() => parseExpectation('capacityProviders["asg.m5 > 1')).toThrow(/column 19: expected a closing "/);
    expect(() => parseExpectation('')).toThrow(/column 1: expected a summary key/);
    expect(() => parseExpectation('cost.total')).toThrow(/column 11: expected an operator .*found the end of the expression/);
  });

  it('property: formatPath then parse gives back any path and number', () => {
    const key = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_:-]{1,8}$/), fc.stringMatching(/^[a-z.]{1,8}$/));
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 5 }), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), fc.double({ noNaN: true, noDefaultInfinity: true }), (path, op, value) => {
        const e = parseExpectation(`${formatPath(path)} ${op} ${value}`);
        expect(e.path).toEqual(path);
        expect(e.op).toBe(op);
        expect(Object.is(e.value, value) || e.value === value).toBe(true);
      }),
    );
  });
});

describe('compareValue', () => {
  it('the six operators on plain numbers', () => {
    expect([compareValue(1, '<', 2), compareValue(2, '<', 2), compareValue(2, '<=', 2), compareValue(3, '>', 2), compareValue(2, '>=', 2)]).toEqual([true, false, true, true, true]);
    expect(compareValue(2, '!=', 2)).toBe(false);
  });
  it('== tolerates floating-point rounding (0.1 + 0.2 == 0.3) but not a real difference', () => {
    expect(compareValue(0.1 + 0.2, '==', 0.3)).toBe(true);
    expect(compareValue(0.2881, '==', 0.288)).toBe(false);
  });
});

describe('checkExpectations against a summary', () => {
  it('reports ok with the value found, and failures with what was expected', () => {
    const [a, b] = checkExpectations(['services.web.desiredCount.max <= 40', 'services.web.latencyMs.p95 < 250'], summary);
    expect(a).toEqual({ text: 'services.web.desiredCount.max <= 40', ok: true, found: 9, message: 'services.web.desiredCount.max = 9 <= 40' });
    expect(b.ok).toBe(false);
    expect(b.found).toBe(2068.05);
    expect(b.message).toBe('services.web.latencyMs.p95 = 2068.05, expected < 250');
  });

  it('a misspelt key fails with "no such key; did you mean"', () => {
    const [r] = checkExpectations(['services.wbe.latencyMs.p95 < 250'], summary);
    expect(r).toMatchObject({ ok: false, found: null });
    expect(r.message).toBe('services.wbe: no such key; did you mean web?');
  });

  it('a quoted key with a dot is found; a null value and a map are clear failures', () => {
    const [q, n, m] = checkExpectations(['capacityProviders["asg.m6"].meanReservation == 100', 'services.web.latencyMs.p99 < 1', 'services.web.latencyMs < 1'], summary);
    expect(q.ok).toBe(true);
    expect(n.message).toMatch(/services\.web\.latencyMs\.p99 is null/);
    expect(m.message).toMatch(/is a map, expected a number: name one of its keys \(p50, p95, p99\)/);
  });

  it('a path through a number or a text fails clearly; a malformed line fails with its column', () => {
    const [t, s, bad] = checkExpectations(['cost.total.usd > 0', 'cost.currency == 1', 'cost.total <> 1'], summary);
    expect(t.message).toMatch(/cost\.total is number, not a map/);
    expect(s.message).toMatch(/cost\.currency is the text "USD", expected a number/);
    expect(bad.message).toMatch(/column 13: expected a number, found "> 1"/);
    expect([t.ok, s.ok, bad.ok]).toEqual([false, false, false]);
  });
});

describe('validateExpectations at load time', () => {
  it('accepts paths of the summary.json contract', () => {
    expect(
      validateExpectations([
        'services.web.latencyMs.p95 < 250',
        'cost.total < 120',
        'services.web.desiredCount.max <= 40',
        'capacityProviders.asg-m5.maxInstances >= 3',
        'cost.byProvider.FARGATE_SPOT > 0',
        'durationSeconds == 3600',
      ]),
    ).toEqual([]);
  });

  it('flags malformed lines and unknown keys, one line each with the list index', () => {
    const problems = validateExpectations(['cost.total =< 1', 'services.web.latency.p95 < 250', 'cost.totl < 1', 'services.web.cpuUtilization < 1']);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^expect\[0\]: "cost.total =< 1": column 12/);
    expect(problems[1]).toMatch(/^expect\[1\]: .*services\.web\.latency: no such key; did you mean latencyMs\?/);
    expect(problems[2]).toMatch(/^expect\[2\]: .*cost\.totl: no such key; did you mean total\?/);
    expect(problems[3]).toMatch(/^expect\[3\]: .*is a map, expected a number: name one of its keys \(mean, p50, p95, max\)/);
  });

  it('checks service and provider names against the scenario when given', () => {
    const names = { services: ['web', 'worker'], capacityProviders: ['asg-m5', 'FARGATE'] };
    expect(validateExpectations(['services.worker.taskHours > 0', 'cost.byProvider.FARGATE > 0'], names)).toEqual([]);
    const p = expectationProblems(['services.wbe.taskHours > 0', 'capacityProviders.FARGATE_SPOT.maxTasks > 0'], names);
    expect(p.map((x) => x.index)).toEqual([0, 1]);
    expect(p[0].message).toMatch(/services\.wbe: no such key; did you mean web\?/);
    expect(p[1].message).toMatch(/capacityProviders\.FARGATE_SPOT: no such key; expected one of: asg-m5, FARGATE/);
  });
});

describe('formatExpectationResults: what ecsim run prints', () => {
  it('one line per expectation, the value found on failures, and a closing count', () => {
    const lines = formatExpectationResults(checkExpectations(['cost.total < 1', 'services.web.latencyMs.p95 < 250'], summary));
    expect(lines).toEqual([
      'ok   cost.total < 1',
      'FAIL services.web.latencyMs.p95 < 250: services.web.latencyMs.p95 = 2068.05, expected < 250',
      'expectations: 1 of 2 failed',
    ]);
  });
});
