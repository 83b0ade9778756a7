// Capacity provider names follow CreateCapacityProvider's `name` rule: "Up to 255 characters
// ... letters (both upper and lowercase letters), numbers, underscores (_), and hyphens (-).
// The name can't be prefixed with "aws", "ecs", or "fargate"" (API_CreateCapacityProvider.html);
// the prefixes are refused in any case (docs/assumptions.md, "Capacity provider names").

import { describe, it, expect } from 'vitest';
import { objectProblems, quickstart } from '../helpers.js';

const problems = objectProblems;

/** The quickstart with its group named `name` (the service on it by a strategy). */
function withGroupNamed(name: string): Record<string, any> {
  const s = quickstart();
  s.cluster.capacityProviders = { [name]: s.cluster.capacityProviders.ec2 };
  delete s.services.web.launchType;
  s.services.web.capacityProviderStrategy = [{ capacityProvider: name, weight: 1 }];
  return s;
}

describe('capacity provider names', () => {
  for (const name of ['asg', 'asg-m5', 'ASG_m5', 'm5', 'a', 'x'.repeat(255), 'my-ecs', 'cp-fargate', 'awsome'.replace('aws', 'a-ws')]) {
    it(`accepts ${name.length > 20 ? `${name.length} characters` : name}`, () => {
      expect(problems(withGroupNamed(name))).toBe('no error');
    });
  }

  const refused: [string, RegExp][] = [
    ['fargate-asg', /found "fargate-asg" \(starts with "fargate"\); rename it, e\.g\. "cp-fargate-asg"/],
    ['ecs-asg', /found "ecs-asg" \(starts with "ecs"\)/],
    ['aws-m5', /found "aws-m5" \(starts with "aws"\)/],
    ['Ecs-m5', /found "Ecs-m5" \(starts with "Ecs"\)/],
    ['AWS_x', /found "AWS_x" \(starts with "AWS"\)/],
    ['ecs', /found "ecs" \(starts with "ecs"\)/],
    ['asg.m5', /found "asg\.m5" \("\." not allowed\); rename it, e\.g\. "asg-m5"/],
    ['asg m5', /found "asg m5" \(a space not allowed\)/],
    ['a/b', /found "a\/b" \("\/" not allowed\)/],
    ['x'.repeat(256), /\(256 characters\)/],
    ['', /found an empty name/],
  ];
  for (const [name, message] of refused) {
    it(`refuses ${JSON.stringify(name.length > 20 ? `${name.length} characters` : name)} in one line naming the key`, () => {
      const text = problems(withGroupNamed(name));
      const lines = text.split('\n').filter((l) => l.includes('cluster.capacityProviders'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`cluster.capacityProviders.${name}: expected a capacity provider name of 1 to 255 letters, digits, "_" and "-", not starting with "aws", "ecs" or "fargate"`);
      expect(lines[0]).toMatch(message);
      // the strategy naming it is not also said to name an unknown provider
      expect(text).not.toMatch(/expected a capacity provider of/);
    });
  }

  it('fargate_spot: with FARGATE_SPOT settings is a misspelt built-in provider, not a group missing autoScalingGroup', () => {
    const s = quickstart();
    s.cluster.capacityProviders.fargate_spot = { interruptions: { meanTimeBetween: '5m' } };
    const text = problems(s);
    expect(text).toMatch(/cluster\.capacityProviders\.fargate_spot: expected FARGATE or FARGATE_SPOT for a built-in provider, found "fargate_spot": the built-in providers are FARGATE and FARGATE_SPOT \(case matters\); write FARGATE_SPOT/);
    expect(text).not.toMatch(/unknown key|autoScalingGroup/);
  });

  it('Fargate: is said as the built-in FARGATE', () => {
    const s = quickstart();
    s.cluster.capacityProviders.Fargate = {};
    expect(problems(s)).toMatch(/cluster\.capacityProviders\.Fargate: .*case matters\); write FARGATE$/m);
  });

  it("a strategy's fargate_spot names the built-in provider it meant", () => {
    const s = quickstart();
    delete s.services.web.launchType;
    s.services.web.capacityProviderStrategy = [{ capacityProvider: 'fargate_spot', weight: 1 }];
    expect(problems(s)).toMatch(/capacityProviderStrategy\[0\]\.capacityProvider: expected a capacity provider of cluster\.capacityProviders or a built-in one \([^)]*\), found "fargate_spot"; the built-in providers are FARGATE and FARGATE_SPOT \(case matters\): write FARGATE_SPOT$/m);
  });

});
