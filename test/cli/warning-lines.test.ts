// A warning three or more services have alike (the same message at the same key under
// services.<name>) is printed once, naming them in the order said, at the first one's place;
// two alike, or alike messages at other keys, stay a line each.

import { describe, expect, it } from 'vitest';
import { warningLines } from '../../src/cli/warnings.js';
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
});
