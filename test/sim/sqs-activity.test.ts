// SqsActivity alone, period by period (src/sim/sqs-activity.ts): a queue idle again before
// its metrics resumed, which an inactiveAfter shorter than activationMetricsDelay allows,
// stays one silent spell: no datapoint, no second queue-inactive row, no resumed row until
// it is activated again and the delay has passed.
import { describe, it, expect } from 'vitest';
import { SqsActivity } from '../../src/sim/sqs-activity.js';

const M = 60_000;

describe('SqsActivity', () => {
  it('idle again inside the activation delay: the silence goes on, one spell', () => {
    const q = new SqsActivity(5 * M, 15 * M);
    const sent: boolean[] = [];
    const events: [number, string][] = [];
    // a task polls in minute 0 and in minute 10; nothing else for 40 minutes
    for (let m = 0; m < 40; m++) {
      sent.push(q.period(m * M, (m + 1) * M, false, m === 0 || m === 10 ? 1 : 0));
      if (q.event) events.push([m, q.event.type]);
    }
    // touched to 1m; inactive since 6m, logged at the end of minute 5, which keeps its datapoint;
    // activated at 10m (metrics due from 25m), idle again from 11m: inactive at 16m, still silent
    expect(events).toEqual([[5, 'queue-inactive']]);
    expect(sent.slice(0, 6)).toEqual([true, true, true, true, true, true]);
    expect(sent.slice(6).every((s) => !s)).toBe(true);
  });

  it('activated again after that and kept active: resumed once, the delay counted from the new activation', () => {
    const q = new SqsActivity(5 * M, 15 * M);
    const events: [number, string][] = [];
    const sent: number[] = [];
    for (let m = 0; m < 60; m++) {
      if (q.period(m * M, (m + 1) * M, m >= 30, m === 0 || m === 10 ? 1 : 0)) sent.push(m);
      if (q.event) events.push([m, q.event.type]);
    }
    // messages from 30m on (waiting, visible) activate it: datapoints from the period starting 45m
    expect(events).toEqual([[5, 'queue-inactive'], [45, 'queue-metrics-resumed']]);
    expect(sent.filter((m) => m > 5)[0]).toBe(45);
  });
});
