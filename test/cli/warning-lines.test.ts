// A warning three or more services have alike (the same message at the same key under
// services.<name>) is printed once, naming them in the order said, at the first one's place;
// two alike, or alike messages at other keys, stay a line each. Past 10 services, the first
// 10 and "and N more" (11 are all named, as run's note never says "and 1 more"). A variant's
// or a sweep value's own warnings are grouped alike, each variant's or value's apart.

import { describe, expect, it } from 'vitest';
import { shortList, warningLines, withinWarningLines } from '../../src/cli/warnings.js';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';

const w = (at: (string | number)[], message: string) => ({ at, message });

describe('warning lines: alike warnings of 3 or more services in one line', () => {
  it('three alike, between others: one line at the first one\'s place, the services in order', () => {
    expect(
      warningLines([
        w(['start'], 'off the minute'),
        w(['services', 'b', 'autoScaling', 'minCapacity'], 'cannot scale out from 0'),
        w(['services', 'x', 'desiredCount'], 'above maxCapacity'),
        w(['services', 'a', 'autoScaling', 'minCapacity'], 'cannot scale out from 0'),
        w(['services', 'c', 'autoScaling', 'minCapacity'], 'cannot scale out from 0'),
        w(['cluster', 'availabilityZones', 0], 'not a zone'),
      ]),
    ).toEqual([
      'start: off the minute',
      'services b, a, c (3): autoScaling.minCapacity: cannot scale out from 0',
      'services.x.desiredCount: above maxCapacity',
      'cluster.availabilityZones[0]: not a zone',
    ]);
  });

  it('two alike stay two lines; the same message at another key, or another message, is not alike', () => {
    const two = [w(['services', 'a', 'desiredCount'], 'm'), w(['services', 'b', 'desiredCount'], 'm')];
    expect(warningLines(two)).toEqual(['services.a.desiredCount: m', 'services.b.desiredCount: m']);
    const other = [...two, w(['services', 'c', 'fidelity'], 'm'), w(['services', 'd', 'desiredCount'], 'n')];
    expect(warningLines(other)).toEqual(['services.a.desiredCount: m', 'services.b.desiredCount: m', 'services.c.fidelity: m', 'services.d.desiredCount: n']);
  });

  it('a warning at the service itself, and a service said twice counted once', () => {
    expect(warningLines([w(['services', 'a'], 'm'), w(['services', 'b'], 'm'), w(['services', 'a'], 'm'), w(['services', 'c'], 'm')])).toEqual(['services a, b, c (3): m']);
    expect(warningLines([w(['services', 'a'], 'm'), w(['services', 'a'], 'm'), w(['services', 'b'], 'm')])).toEqual(['services.a: m', 'services.a: m', 'services.b: m']);
  });

  it('past 10 services: the first 10 and "and N more", the count all of them; 11 all named', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => w(['services', `s${i}`, 'desiredCount'], 'm'));
    expect(warningLines(many(12))).toEqual(['services s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 and 2 more (12): desiredCount: m']);
    expect(warningLines(many(11))).toEqual(['services s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 (11): desiredCount: m']);
    expect(warningLines(many(60))).toEqual(['services s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 and 50 more (60): desiredCount: m']);
    expect(shortList(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 5)).toBe('a, b, c, d, e and 2 more');
    expect(shortList(['a', 'b', 'c', 'd', 'e', 'f'], 5)).toBe('a, b, c, d, e, f');
  });

  it("a variant's or a sweep value's own warnings are grouped per variant or value, never across them", () => {
    const within = (where: string, service: string, message = 'm') => ({ within: where, warning: w(['services', service, 'desiredCount'], message) });
    expect(
      withinWarningLines([
        within('variant "big"', 'a'),
        within('variant "big"', 'b'),
        within('variant "big"', 'c', 'n'),
        within('variant "big"', 'c'),
        within('variant "two"', 'a'),
        within('variant "two"', 'b'),
        within('sweep value x=1', 'c'),
      ]),
    ).toEqual(['variant "big": services a, b, c (3): desiredCount: m', 'variant "big": services.c.desiredCount: n', 'variant "two": services.a.desiredCount: m', 'variant "two": services.b.desiredCount: m', 'sweep value x=1: services.c.desiredCount: m']);
  });

  it('ecsim validate prints them so', async () => {
    const s = quickstart();
    const web = s.services.web;
    web.autoScaling.minCapacity = 0;
    s.services = { a: web, b: structuredClone(web), c: structuredClone(web) };
    const file = writeScenario(tempDir(), 'three', s);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^warning: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: services a, b, c \\(3\\): autoScaling\\.minCapacity: cannot scale out from 0: `, 'm'));
    expect(r.stderr).not.toContain('services.a.');
  }, 60_000);

  it("ecsim validate prints a variant's own alike warnings in one line", async () => {
    const s = quickstart();
    const web = s.services.web;
    s.services = { a: web, b: structuredClone(web), c: structuredClone(web) };
    const zero = { autoScaling: { minCapacity: 0 } };
    s.variants = { base: {}, zero: { services: { a: zero, b: structuredClone(zero), c: structuredClone(zero) } } };
    const file = writeScenario(tempDir(), 'variants', s);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^warning: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: variant "zero": services a, b, c \\(3\\): autoScaling\\.minCapacity: cannot scale out from 0: `, 'm'));
    expect(r.stderr).not.toContain('services.a.');
  }, 60_000);
});
