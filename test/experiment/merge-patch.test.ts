import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mergePatch } from '../../src/experiment/merge-patch.js';

// RFC 7386, Appendix A "Example Test Cases": [original, patch, result].
const RFC_7386_APPENDIX_A: [unknown, unknown, unknown][] = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [['a', 'b'], ['c', 'd'], ['c', 'd']],
  [{ a: 'b' }, ['c'], ['c']],
  [{ a: 'foo' }, null, null],
  [{ a: 'foo' }, 'bar', 'bar'],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

describe('mergePatch (RFC 7386)', () => {
  RFC_7386_APPENDIX_A.forEach(([original, patch, result], i) => {
    it(`Appendix A case ${i + 1}: ${JSON.stringify(original)} + ${JSON.stringify(patch)}`, () => {
      expect(mergePatch(original, patch)).toEqual(result);
    });
  });

  it('null deletes a key deep inside a scenario (the `no-step` variant of scenario.yaml)', () => {
    const scenario = { services: { web: { autoScaling: { policies: { cpu: { targetValue: 60 }, surge: { cooldown: '120s' } } } } } };
    const patched = mergePatch(scenario, { services: { web: { autoScaling: { policies: { surge: null } } } } });
    expect(patched).toEqual({ services: { web: { autoScaling: { policies: { cpu: { targetValue: 60 } } } } } });
  });

  it('modifies neither argument', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (target, patch) => {
        const t = JSON.stringify(target);
        const p = JSON.stringify(patch);
        mergePatch(target, patch);
        return JSON.stringify(target) === t && JSON.stringify(patch) === p;
      }),
    );
  });

  it('is idempotent: applying the same patch twice changes nothing more (RFC 7386 section 1)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (target, patch) => {
        const once = mergePatch(target, patch);
        expect(mergePatch(once, patch)).toEqual(once);
      }),
    );
  });

  it('keeps a "__proto__" key as data', () => {
    const patched = mergePatch({}, JSON.parse('{"__proto__": {"x": 1}}')) as Record<string, unknown>;
    expect(Object.keys(patched)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
