import { describe, expect, it } from 'vitest';
import { desiredSteps, runningSteps } from '../../../src/output/report/sections/desired-steps.js';

const ev = (timeS: number, subject: string, message: string) => ({ timeS, type: 'scaling-activity', subject, message });

// Rows stamped 0, 60, 120 s hold the desired count at their period's end (60, 120, 180 s).
// A scale out 3 -> 6 at exactly 120 s comes after the row ending at 120 s took its values,
// so that row says 3 and the next says 6: the step must still be drawn at 120 s, where the
// activity's marker is, not at 180 s.
describe('the desired count steps at its scaling activities', () => {
  const end = Float64Array.from([60, 120, 180]);

  it('an activity at a period end: the step is at the activity, after the row that ends there', () => {
    const { x, y } = desiredSteps(end, Float64Array.from([3, 3, 6]), [ev(120, 'web', 'desired count 3 -> 6: target tracking cpu: x')], 'web');
    expect([...x]).toEqual([60, 120, 120, 180]);
    expect([...y]).toEqual([3, 3, 6, 6]);
  });

  it('an activity within a period: the step at its time', () => {
    const { x, y } = desiredSteps(end, Float64Array.from([3, 6, 6]), [ev(90, 'web', 'desired count 3 -> 6: x')], 'web');
    expect([...x]).toEqual([60, 90, 120, 180]);
    expect([...y]).toEqual([3, 6, 6, 6]);
  });

  it("another subject's activities, and a provider's 'desired 1 -> 2 (...)', are told apart", () => {
    const events = [ev(90, 'api', 'desired count 3 -> 6: x'), ev(120, 'asg', 'desired 1 -> 2 (managed scaling asg: ...)')];
    expect([...desiredSteps(end, Float64Array.from([3, 3, 3]), events, 'web').x]).toEqual([60, 120, 180]);
    const asg = desiredSteps(end, Float64Array.from([1, 1, 2]), events, 'asg');
    expect([...asg.x]).toEqual([60, 120, 120, 180]);
    expect([...asg.y]).toEqual([1, 1, 2, 2]);
  });
});

// Rows end at 60, 120, 180 s. running_count holds the RUNNING tasks at each end.
describe('the running count rises at its tasks\' RUNNING instants', () => {
  const end = Float64Array.from([60, 120, 180]);

  it('two tasks RUNNING at 75 and 100 s: steps 3 -> 4 -> 5 there, not at 120 s', () => {
    const { x, y } = runningSteps(end, Float64Array.from([3, 5, 5]), [10, 20, 30, 75, 100]);
    expect([...x]).toEqual([60, 75, 100, 120, 180]);
    expect([...y]).toEqual([3, 4, 5, 5, 5]);
  });

  it('a task that left RUNNING in the same period as a replacement came up: no extra task drawn (cap at the larger row)', () => {
    // 3 at 60 s, one interrupted at 70 s (no instant in the files), its replacement RUNNING at 100 s: 3 at 120 s
    const { x, y } = runningSteps(end, Float64Array.from([3, 3, 3]), [0, 0, 0, 100]);
    expect([...x]).toEqual([60, 120, 180]);
    expect([...y]).toEqual([3, 3, 3]);
  });

  it('a fall stays at the period end; a RUNNING at exactly a period end is in that row', () => {
    const { x, y } = runningSteps(end, Float64Array.from([3, 2, 3]), [0, 0, 0, 180]);
    expect([...x]).toEqual([60, 120, 180]);
    expect([...y]).toEqual([3, 2, 3]);
  });
});
