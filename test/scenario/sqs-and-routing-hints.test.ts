// Names from AWS that ecsim does not model or spells otherwise are told so, in place of a
// "did you mean" a few letters would pick wrongly: SQS's other metrics (the messages in
// flight are not the visible ones), SQS queue attributes on a workload, and the ALB's
// load_balancing.algorithm.type values as loadBalancer.routing.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { objectProblems as problems, quickstart } from '../helpers.js';

/** The library's SQS worker scenario (a queue workload) without its experiment keys, with a step policy beside its target tracking ones. */
const sqs = () => {
  const s = parse(readFileSync('scenarios/sqs-worker-backlog.yaml', 'utf8')) as Record<string, any>;
  delete s.expect;
  delete s.variants;
  delete s.replications;
  s.services.worker.autoScaling.policies.wake = {
    policyType: 'StepScaling',
    alarm: { metricName: 'ApproximateNumberOfMessagesVisible', threshold: 0, comparisonOperator: 'GreaterThanThreshold' },
    adjustmentType: 'ChangeInCapacity',
    stepAdjustments: [{ metricIntervalLowerBound: 0, scalingAdjustment: 1 }],
  };
  return s;
};

describe('SQS metrics ecsim does not model', () => {
  it('the base loads', () => {
    expect(problems(sqs())).toBe('no error');
  });

  const stepAlarm = (s: Record<string, any>) => s.services.worker.autoScaling.policies.wake.alarm;

  it('ApproximateNumberOfMessagesNotVisible: said not modelled, not "did you mean ApproximateNumberOfMessagesVisible"', () => {
    const s = sqs();
    stepAlarm(s).metricName = 'ApproximateNumberOfMessagesNotVisible';
    const text = problems(s);
    expect(text).toContain(
      'found "ApproximateNumberOfMessagesNotVisible" (an SQS metric ecsim does not model: the messages in flight, received and not yet deleted; of the queue\'s metrics ecsim publishes only ApproximateNumberOfMessagesVisible, and BacklogPerTask from it (the visible messages per RUNNING task))',
    );
    expect(text).not.toContain('did you mean');
  });

  it('a near miss of a metric not modelled (2 edits at most, any case) is named with its note; a near miss of ApproximateNumberOfMessagesVisible keeps the usual guess', () => {
    const found = (name: string) => {
      const s = sqs();
      stepAlarm(s).metricName = name;
      return problems(s);
    };
    const notVisible = 'did you mean "ApproximateNumberOfMessagesNotVisible"? an SQS metric ecsim does not model: the messages in flight, received and not yet deleted;';
    // one letter dropped: 1 edit from NotVisible, 4 from Visible
    expect(found('ApproximateNumberOfMessagesNotVisble')).toContain(`found "ApproximateNumberOfMessagesNotVisble" (${notVisible}`);
    // another case: 0 edits from NotVisible ignoring case, 3 from Visible
    expect(found('approximateNumberOfMessagesNotVisible')).toContain(`(${notVisible}`);
    // one letter dropped from Visible: 1 edit from it, 4 from NotVisible: the metric ecsim has
    const visible = found('ApproximateNumberOfMessagesVisble');
    expect(visible).toContain('did you mean "ApproximateNumberOfMessagesVisible"?');
    expect(visible).not.toContain('does not model');
    // 2 edits from NotVisible but 1 from Visible: nearer the metric ecsim has, so its guess
    const between = found('ApproximateNumberOfMessagesoVisible');
    expect(between).toContain('did you mean "ApproximateNumberOfMessagesVisible"?');
    expect(between).not.toContain('does not model');
    // 3 edits from AgeOfOldestMessage and far from every metric ecsim has: the usual guess, no note
    expect(found('ApproximateAgeOfOldestMsg')).not.toContain('does not model');
  });

  it('ApproximateAgeOfOldestMessage, as a step alarm metric and as a target tracking customMetric', () => {
    const s = sqs();
    stepAlarm(s).metricName = 'ApproximateAgeOfOldestMessage';
    expect(problems(s)).toContain('found "ApproximateAgeOfOldestMessage" (an SQS metric ecsim does not model: the age of the oldest message; of the queue\'s metrics');
    const t = sqs();
    t.services.worker.autoScaling.policies = { tt: { policyType: 'TargetTrackingScaling', customMetric: 'ApproximateAgeOfOldestMessage', targetValue: 60 } };
    expect(problems(t)).toMatch(/customMetric: expected one of .*, found "ApproximateAgeOfOldestMessage" \(an SQS metric ecsim does not model: the age of the oldest message;/);
  });
});

describe('SQS queue attributes on a workload', () => {
  it('visibilityTimeout, and AWS\'s VisibilityTimeout, are said not modelled, with what ecsim does instead', () => {
    for (const key of ['visibilityTimeout', 'VisibilityTimeout']) {
      const s = sqs();
      s.services.worker.workload[key] = '30s';
      expect(problems(s)).toContain(
        `workload.${key}: unknown key "${key}" (an SQS key, not modelled: a stopped worker's in-flight messages return to the queue at once, where SQS keeps them invisible until their visibility timeout ends, as docs/assumptions.md says; remove the key); expected one of: type, requestRate, perTask, maxQueuePerTask, messageRetentionPeriod, inactiveAfter, activationMetricsDelay, slo`,
      );
    }
  });
});

describe("AWS's load_balancing.algorithm.type values as loadBalancer.routing", () => {
  const routing = (value: string) => {
    const s = quickstart();
    s.services.web.loadBalancer.routing = value;
    return problems(s);
  };
  const expected = 'expected one of round-robin | least-outstanding | random, found';

  it('least_outstanding_requests, round_robin and weighted_random are told ecsim\'s spelling', () => {
    expect(routing('least_outstanding_requests')).toContain(`${expected} "least_outstanding_requests" (did you mean "least-outstanding"? AWS's load_balancing.algorithm.type least_outstanding_requests is ecsim's least-outstanding)`);
    expect(routing('round_robin')).toContain(`${expected} "round_robin" (did you mean "round-robin"? AWS's load_balancing.algorithm.type round_robin is ecsim's round-robin)`);
    expect(routing('weighted_random')).toContain(
      `${expected} "weighted_random" (did you mean "random"? AWS's load_balancing.algorithm.type weighted_random is ecsim's random, with anomaly mitigation off: every target the same weight)`,
    );
  });

  it("the CDK's and Pulumi's spellings too, named by AWS's value; a hyphenated misspelling gets the usual hint", () => {
    expect(routing('LEAST_OUTSTANDING_REQUESTS')).toContain('(did you mean "least-outstanding"? AWS\'s load_balancing.algorithm.type least_outstanding_requests is ecsim\'s least-outstanding)');
    expect(routing('weightedRandom')).toContain('(did you mean "random"? AWS\'s load_balancing.algorithm.type weighted_random is ecsim\'s random,');
    expect(routing('Round-Robin')).toContain(`${expected} "Round-Robin" (did you mean "round-robin"?)`);
  });
});
