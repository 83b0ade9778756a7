// A desiredCount outside the auto scaling [minCapacity, maxCapacity] is brought inside when the
// scalable target is registered (API_RegisterScalableTarget.html: "it changes the resource's
// current capacity to a value that is inside of this range"). Valid, so not refused, but said.

import { describe, it, expect } from 'vitest';
import { cli, quickstart, tempDir, writeScenario } from '../helpers.js';
import { loadScenarioFile, scenarioWarnings } from '../../src/scenario/index.js';

const dir = tempDir();
const withCounts = (name: string, desiredCount: number, minCapacity: number, maxCapacity: number) => {
  const s = quickstart();
  s.services.web.desiredCount = desiredCount;
  s.services.web.autoScaling.minCapacity = minCapacity;
  s.services.web.autoScaling.maxCapacity = maxCapacity;
  return writeScenario(dir, name, s);
};
const warned = (file: string) => scenarioWarnings(loadScenarioFile(file)).map((w) => `${w.at.join('.')}: ${w.message}`);

describe('desiredCount outside [minCapacity, maxCapacity]', () => {
  it('above maxCapacity 7: warned, naming the key; the service starts with 7', async () => {
    const file = withCounts('above', 10, 1, 7);
    expect(warned(file)).toEqual([
      'services.web.desiredCount: desiredCount 10 is above maxCapacity 7: Application Auto Scaling sets it to 7 when the scalable target is registered, so the service starts with 7',
    ]);
    expect(loadScenarioFile(file).services[0].desiredCount).toBe(7);
    const r = await cli('validate', file);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*above\.yaml: services\.web\.desiredCount: desiredCount 10 is above maxCapacity 7/);
  });

  it('below minCapacity 4: warned; at either bound or inside: not', () => {
    expect(warned(withCounts('below', 2, 4, 8))).toEqual([
      'services.web.desiredCount: desiredCount 2 is below minCapacity 4: Application Auto Scaling sets it to 4 when the scalable target is registered, so the service starts with 4',
    ]);
    expect(warned(withCounts('at-min', 4, 4, 8))).toEqual([]);
    expect(warned(withCounts('at-max', 8, 4, 8))).toEqual([]);
  });
});
