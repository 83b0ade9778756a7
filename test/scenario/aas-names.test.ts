// Scaling policy and scheduled action names (Application Auto Scaling). AWS's rules
// (APIReference/API_PutScalingPolicy.html, API_PutScheduledAction.html): PolicyName is 1 to
// 256 characters of \p{Print}+; ScheduledActionName is 1 to 256 characters, none of them
// ":", "/", "|" or a control character, not starting or ending with a space. ecsim keeps
// both to fewer characters (events.csv sentences and alarm names are read back as one word):
// a policy's letters, digits, "_ - . :", an action's letters, digits, "_ - .". A name
// outside the rule is refused with one line: path, rule, what was found, a rename.

import { describe, it, expect } from 'vitest';
import { cli, objectProblems, quickstart, tempDir, writeScenario } from '../helpers.js';

const problems = objectProblems;

/** The quickstart with its one policy renamed. */
const policyNamed = (name: string, s = quickstart()) => {
  const a = s.services.web.autoScaling;
  const [only] = Object.values(a.policies);
  a.policies = { [name]: only };
  return s;
};
/** The quickstart with one scheduled action of each name. */
const actionsNamed = (...names: string[]) => {
  const s = quickstart();
  s.services.web.autoScaling.scheduledActions = Object.fromEntries(names.map((n) => [n, { schedule: 'cron(0 8 * * ? *)', scalableTargetAction: { minCapacity: 2 } }]));
  return s;
};

const POLICY_RULE =
  'expected a scaling policy name of 1 to 256 letters, digits, "_", "-", "." and ":" (ecsim keeps policy names to these characters, though ' +
  "PutScalingPolicy's PolicyName also allows spaces and other printable ones, so that events.csv, explain and the report read a name as one word)";
const ACTION_RULE =
  'expected a scheduled action name of 1 to 256 letters, digits, "_", "-" and "." (PutScheduledAction\'s ScheduledActionName refuses ":", "/", "|" ' +
  'and control characters; ecsim keeps to these characters, though AWS also allows spaces and others, so that events.csv, explain and the report read a name as one word)';

describe('scaling policy names', () => {
  for (const name of ['cpu', 'cpu:high.v2', 'Tt_1-x', 'x'.repeat(256)]) {
    it(`accepts ${name.length > 20 ? `${name.length} characters` : name}`, () => {
      expect(problems(policyNamed(name))).toBe('no error');
    });
  }

  it('refuses a space (AWS allows it; ecsim does not), saying so, with a rename', () => {
    expect(problems(policyNamed('cpu high'))).toBe(`s.yaml: services.web.autoScaling.policies.cpu high: ${POLICY_RULE}, found "cpu high" (a space not allowed); rename it, e.g. "cpu-high"`);
  });

  it('refuses "/" and "|", each said once, and keeps ":" and "." in the rename', () => {
    expect(problems(policyNamed('a/b|c/d:e.f'))).toMatch(/policies\.a\/b\|c\/d:e\.f: expected a scaling policy name .*, found "a\/b\|c\/d:e\.f" \("\/", "\|" not allowed\); rename it, e\.g\. "a-b-c-d:e\.f"$/);
  });

  it('refuses 257 characters, saying how many', () => {
    expect(problems(policyNamed('p'.repeat(257)))).toMatch(/expected a scaling policy name of 1 to 256 .*, found "p{40}\.\.\." \(257 characters\)$/);
  });

  it('refuses an empty name', () => {
    expect(problems(policyNamed(''))).toMatch(/expected a scaling policy name of 1 to 256 .*, found an empty name$/);
  });
});

describe('scheduled action names', () => {
  for (const name of ['open', 'open.9am', 'Scale_up-2', 'x'.repeat(256)]) {
    it(`accepts ${name.length > 20 ? `${name.length} characters` : name}`, () => {
      expect(problems(actionsNamed(name))).toBe('no error');
    });
  }

  it('refuses a ":" (AWS refuses it too; ecsim accepted it), one line with path, rule, found and rename', () => {
    expect(problems(actionsNamed('scale:up'))).toBe(`s.yaml: services.web.autoScaling.scheduledActions.scale:up: ${ACTION_RULE}, found "scale:up" (":" not allowed); rename it, e.g. "scale-up"`);
  });

  it('refuses "/", "|", a space and a control character', () => {
    expect(problems(actionsNamed('a/b'))).toMatch(/scheduledActions\.a\/b: expected a scheduled action name .*\("\/" not allowed\); rename it, e\.g\. "a-b"$/);
    expect(problems(actionsNamed('a|b'))).toMatch(/\("\|" not allowed\); rename it, e\.g\. "a-b"$/);
    expect(problems(actionsNamed(' open'))).toMatch(/found " open" \(a space not allowed\); rename it, e\.g\. "-open"$/);
    expect(problems(actionsNamed('a\tb'))).toMatch(/found "a\\tb" \("\\t" not allowed\); rename it, e\.g\. "a-b"$/);
  });

  it('refuses 257 characters, saying how many', () => {
    expect(problems(actionsNamed('a'.repeat(257)))).toMatch(/expected a scheduled action name of 1 to 256 .*, found "a{40}\.\.\." \(257 characters\)$/);
  });

  it('the rename is not a name the map already has', () => {
    expect(problems(actionsNamed('scale-up', 'scale:up'))).toMatch(/scheduledActions\.scale:up: .*found "scale:up" \(":" not allowed\); rename it, e\.g\. "scale-up-2"$/);
  });

  it('a whole-number name is refused once, for its order (its characters are allowed)', () => {
    const lines = problems(actionsNamed('7')).split('\n');
    expect(lines).toEqual([expect.stringMatching(/scheduledActions\.7: expected a scheduled action name that is not a whole number/)]);
  });

  it('ecsim validate: exit 2, one line, no stack trace', async () => {
    const file = writeScenario(tempDir(), 'names', actionsNamed('scale:up'));
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/: services\.web\.autoScaling\.scheduledActions\.scale:up: expected a scheduled action name .*; rename it, e\.g\. "scale-up"$/)]);
  });
});
