// Messages quote a memberOf expression (up to 2000 characters) on one line and, when it is
// longer than 80 characters, as a window of 80 characters starting 20 before the term the
// message is about, with "..." where text is left out (expressionExcerpt). Expectations
// counted by hand from the strings below.

import { describe, expect, it } from 'vitest';
import { expressionExcerpt } from '../../src/placement/index.js';
import { loadScenarioObject, ScenarioError, scenarioWarnings } from '../../src/scenario/index.js';

// 26 characters
const WEB = 'attribute:tier == web and ';
// 30 characters
const BAD = 'attribute:ecs.os-type == LINUX';

describe('expressionExcerpt', () => {
  it('short: as written; 80 characters still whole; line breaks become one space', () => {
    expect(expressionExcerpt('attribute:tier == web')).toBe('attribute:tier == web');
    expect(expressionExcerpt('x'.repeat(80), 40)).toBe('x'.repeat(80));
    expect(expressionExcerpt('attribute:tier == web\n   and runningTasksCount < 3\n')).toBe('attribute:tier == web and runningTasksCount < 3');
  });

  it('long: 80 characters from 20 before the term, clamped to the text, "..." for what is cut', () => {
    const x = 'a'.repeat(50) + 'b'.repeat(50); // 100 characters
    expect(expressionExcerpt(x, 0)).toBe(`${'a'.repeat(50)}${'b'.repeat(30)}...`);
    expect(expressionExcerpt(x, 10)).toBe(`${'a'.repeat(50)}${'b'.repeat(30)}...`); // 10 - 20 < 0: from the start
    expect(expressionExcerpt(x, 30)).toBe(`...${'a'.repeat(40)}${'b'.repeat(40)}...`); // 10..89, 90..99 cut
    expect(expressionExcerpt(x, 25)).toBe(`...${'a'.repeat(45)}${'b'.repeat(35)}...`); // 5..84
    expect(expressionExcerpt(x, 99)).toBe(`...${'a'.repeat(30)}${'b'.repeat(50)}`); // clamped: the last 80
  });

  it('the term found in the one-line text when line breaks come before it', () => {
    // TERM at 107 as written (100 x, "\n" and 6 spaces), at 101 on one line: window 81..160
    const x = `${'x'.repeat(100)}\n      TERM${'y'.repeat(100)}`;
    expect(expressionExcerpt(x, 107)).toBe(`...${'x'.repeat(19)} TERM${'y'.repeat(56)}...`);
  });
});

function scenario(service: object, extra: object = {}): any {
  return {
    name: 'excerpt',
    duration: '10m',
    cluster: {
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      capacityProviders: { ec2: { autoScalingGroup: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 1, attributes: { tier: 'web' } } } },
    },
    taskDefinitions: { app: { cpu: 256, memory: 512, networkMode: 'bridge' } },
    services: { web: { taskDefinition: 'app', desiredCount: 1, launchType: 'EC2', ...service } },
    ...extra,
  };
}
const warned = (raw: unknown) => scenarioWarnings(loadScenarioObject('e', raw, { baseDir: '.' })).map((w) => w.message);
const memberOf = (expression: string) => ({ placementConstraints: [{ type: 'memberOf', expression }] });

describe('warnings and errors quote a long memberOf expression around the term', () => {
  it('a value no instance has, in the middle of a 216-character expression', () => {
    // BAD at 156 (6 x WEB); window 136..215: the last 20 of WEB, BAD, then 30 of " and " + WEB
    const expression = `${WEB.repeat(6)}${BAD} and ${WEB.repeat(5)}attribute:tier == web`;
    const [w] = warned(scenario(memberOf(expression)));
    expect(w.startsWith('memberOf "...ute:tier == web and attribute:ecs.os-type == LINUX and attribute:tier == web and...": "LINUX" is not')).toBe(true);
  });

  it('a short expression written over several lines: quoted whole, on one line', () => {
    expect(warned(scenario(memberOf(`attribute:tier == web\n  and ${BAD}\n`)))[0]).toMatch(/^memberOf "attribute:tier == web and attribute:ecs\.os-type == LINUX": "LINUX" is not/);
  });

  it('a DAEMON expression reading runningTasksCount: around its first such term', () => {
    // runningTasksCount at 130 (5 x WEB) of 255 characters; window 110..189: the last 20 of
    // WEB, "runningTasksCount < 3 and " (26), the first 34 of WEB x 3 (a WEB and "attribut")
    const expression = `${WEB.repeat(5)}runningTasksCount < 3 and ${WEB.repeat(3)}attribute:tier == web`;
    expect(expression.length).toBe(255);
    const w = warned(scenario({ schedulingStrategy: 'DAEMON', launchType: undefined, desiredCount: undefined, ...memberOf(expression) })).find((m) => m.includes('on DAEMON service'));
    expect(w).toMatch(/^memberOf "\.\.\.ute:tier == web and runningTasksCount < 3 and attribute:tier == web and attribut\.\.\." on DAEMON service web reads runningTasksCount/);
  });

  it('availabilityZoneRebalancing ENABLED with a long constraint on the AZ: the error quotes around it', () => {
    // the AZ term at 130 (5 x WEB); window 110..189: the last 20 of WEB, then 60 characters:
    // "attribute:ecs.availability-zone" (31), " in " (4), "[us-east-1a, us-east-1b]" (24), " " 
    const expression = `${WEB.repeat(5)}attribute:ecs.availability-zone in [us-east-1a, us-east-1b] and ${WEB.repeat(3)}attribute:tier == web`;
    let message = '';
    try {
      loadScenarioObject('e', scenario({ availabilityZoneRebalancing: 'ENABLED', ...memberOf(expression) }), { baseDir: '.' });
    } catch (e) {
      if (e instanceof ScenarioError) message = e.message;
      else throw e;
    }
    expect(message).toContain('(memberOf ...ute:tier == web and attribute:ecs.availability-zone in [us-east-1a, us-east-1b] ...)');
  });
});
