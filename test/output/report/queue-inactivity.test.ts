// The report's timeline tells an SQS queue gone inactive (docs/assumptions.md, "Inactive
// queue"), and the cause of the scale out its metrics' late return made names the delay.
//
// Hand computation, the scenario of test/sim/sqs-inactive-queue.test.ts: the workers leave
// at T0 = 00:20 (CPU target tracking, 2 -> 0); nothing touches the queue for inactiveAfter
// 6 h: inactive at 06:20 (idle 6.0 h since 00:20). A batch from 08:00 activates it (a
// message arrived); its metrics resume with the period starting activationMetricsDelay 15
// min later, the 08:15 datapoint (600 x 10 = 6000), seen by the wake alarm at 08:17: the
// scale out 0 -> 2 there, whose alarm had no datapoint from 06:20 to the 08:15 one.

import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadScenarioObject } from '../../../src/scenario/index.js';
import { runToFolder } from '../../../src/output/run-to-folder.js';
import { buildReportMarkdown } from '../../../src/output/report/build-report-markdown.js';
import { queueInactivities } from '../../../src/output/report/narrative/queue-inactivity.js';
import { scenario } from '../../sim/sqs-inactive-scenario.js';
import { tempDir } from './fixtures.js';

function timelineOf(batchAt: string, batchEnd: string, duration: string): string[] {
  const dir = join(tempDir('sqs-inactive'), 'run');
  runToFolder(loadScenarioObject('test', scenario(batchAt, batchEnd, duration), { baseDir: '.' }), { outDir: dir, seed: 1 });
  const md = buildReportMarkdown(dir);
  return md.slice(md.indexOf('### Timeline')).split('\n').filter((l) => l.startsWith('- '));
}

describe('report: an inactive SQS queue in the timeline', () => {
  it('the 7 h 50 min gap: inactive at 06:20, resumed with the 08:15 datapoint; the 08:17 scale out names the delay', () => {
    const lines = timelineOf('8h', '8h10m', '8h40m');
    expect(lines.filter((l) => l.includes('SQS'))).toEqual([
      "- At 06:20 worker's SQS queue went inactive (no message and no task polling it for 6.0 h, since 00:20): SQS stopped sending its metrics " +
        '(ApproximateNumberOfMessagesVisible, and BacklogPerTask from it); active again at 08:00 (a message arrived), they resumed with the 08:15 datapoint, 15 min later (activationMetricsDelay).',
      '- 08:17–08:21 worker scaled out 0 -> 4 in 2 steps (2 -> 4), the step to 2 because step scaling policy wake\'s alarm: 1 datapoint > 0: 6000.0; ' +
        'Average 6000.0 is 6000.0 above 0, step [0, +inf): 0 + 2 = 2; its alarm had no datapoint from 06:20 to the 08:15 one: the SQS queue had been inactive, ' +
        'and its metrics resumed 15 min after a message arrived at 08:00; the step to 4 because CPU utilization was above 50 % for 3 min (100, 100, 100 %; target tracking policy cpu).',
    ]);
    // the first wake (the queue active from the start) has no such note
    expect(lines[0]).toBe("- At 00:02 worker scaled out 0 -> 2, because step scaling policy wake's alarm: 1 datapoint > 0: 600.0; Average 600.0 is 600.0 above 0, step [0, +inf): 0 + 2 = 2.");
  });

  it('still inactive at the end (the batch after it): "still none at the end of the run"', () => {
    const lines = timelineOf('8h', '8h10m', '7h');
    expect(lines.filter((l) => l.includes('SQS'))).toEqual([
      "- At 06:20 worker's SQS queue went inactive (no message and no task polling it for 6.0 h, since 00:20): SQS stopped sending its metrics " +
        '(ApproximateNumberOfMessagesVisible, and BacklogPerTask from it); still none at the end of the run.',
    ]);
  });

  it('a 5 h gap: the queue stays active, nothing said of SQS', () => {
    expect(timelineOf('5h10m', '5h20m', '5h40m').filter((l) => l.includes('SQS'))).toEqual([]);
  });

  it('reads the rows of each service, a resumed row without an inactive one left out', () => {
    const ev = (timeS: number, type: string, subject: string, message: string) => ({ timeS, type, subject, message });
    const spells = queueInactivities([
      ev(100, 'queue-metrics-resumed', 'b', 'SQS queue active again since 1m (a task polls it); its CloudWatch metrics resume with the datapoint at 1m, 0s after activation (...)'),
      ev(22_800, 'queue-inactive', 'a', 'SQS queue inactive since 6h20m: no message and no task polling it since 20m (inactiveAfter 6h); ...'),
      ev(24_000, 'queue-inactive', 'b', 'SQS queue inactive since 6h40m: no message and no task polling it since 2h40m (inactiveAfter 4h); ...'),
      ev(25_000, 'queue-metrics-resumed', 'b', 'SQS queue active again since 6h50m (2 tasks poll it); its CloudWatch metrics resume with the datapoint at 6h55m, 5m after activation (...)'),
    ]);
    expect(spells).toEqual([
      { service: 'a', inactiveS: 22_800, wentS: 22_800, idleS: 21_600, sinceS: 1200, resumed: null },
      { service: 'b', inactiveS: 24_000, wentS: 24_000, idleS: 14_400, sinceS: 9600, resumed: { activatedS: 24_600, by: '2 tasks poll it', datapointS: 24_900, rowS: 25_000 } },
    ]);
  });

  it('an inactiveAfter that is not a whole number of periods: the spell starts when the queue went inactive, inside the period whose end logs it', () => {
    // logged at 6h20m (22 800 s), inactive since 6h19m30s (22 770 s): 5h59m30s after 20m
    const [spell] = queueInactivities([{ timeS: 22_800, type: 'queue-inactive', subject: 'a', message: 'SQS queue inactive since 6h19m30s: no message and no task polling it since 20m (inactiveAfter 5h59m30s); ...' }]);
    expect(spell).toEqual({ service: 'a', inactiveS: 22_800, wentS: 22_770, idleS: 21_570, sinceS: 1200, resumed: null });
  });
});
