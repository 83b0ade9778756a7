// The cluster query language (AmazonECS/latest/developerguide/cluster-query-language.html):
// a table of valid expressions with hand-worked results on two instances, and a table of
// malformed ones with the error position.

import { describe, expect, it } from 'vitest';
import { compileExpression, evaluate, parseExpression, QueryLanguageError } from '../../src/placement/index.js';
import { memberOf } from '../../src/placement/constraints/member-of.js';
import { inst } from './helpers.js';

const A = inst('i-0001', {
  type: 't3.micro',
  az: 'us-east-1a',
  attrs: { tier: 'web', weight: '9' },
  runningTasksCount: 2,
  groupCounts: new Map([['service:web', 2]]),
});
const B = inst('i-0002', { type: 'm5.large', az: 'us-east-1b', attrs: { weight: '100' } });

// [expression, result on A, result on B, rule checked]
const VALID: Array<[string, boolean, boolean, string]> = [
  ['attribute:ecs.instance-type == t3.micro', true, false, 'string equality'],
  ['attribute:ecs.instance-type equals t3.micro', true, false, 'word form of =='],
  ['attribute:ecs.instance-type != t3.micro', false, true, 'string inequality'],
  ['attribute:ecs.instance-type =~ t3.*', true, false, 'pattern match (AWS example)'],
  ['attribute:ecs.instance-type matches t3.*', true, false, 'word form of =~'],
  ['attribute:ecs.instance-type !~ t3.*', false, true, 'pattern mismatch'],
  ['attribute:ecs.instance-type not_matches t3.*', false, true, 'word form of !~'],
  ['attribute:ecs.instance-type =~ (t3|m5)\\..*', true, true, 'Java regex alternation, escaped dot'],
  ['attribute:ecs.instance-type =~ t3', false, false, 'the pattern must match the whole value'],
  ['attribute:ecs.instance-type =~ \\Qm5.large\\E', false, true, 'Java \\Q..\\E quotes: the dot is a dot (it matched nothing)'],
  ['attribute:ecs.instance-type =~ \\Qt3.\\E.*', true, false, 'quoted text, then a pattern'],
  ['attribute:ecs.instance-type =~ m5\\.large\\z', false, true, 'Java \\z: the end of the input'],
  ['attribute:ecs.instance-type =~ \\Am5\\.large\\Z', false, true, 'Java \\A and \\Z: start, end before a final line terminator'],
  ['attribute:ecs.instance-type =~ (?i)M5\\.LARGE', false, true, 'a leading (?i): case-insensitive (it was refused)'],
  ['attribute:ecs.instance-type =~ (t3||m5)\\..*', true, true, '|| inside a pattern group is the pattern\'s, not the or operator'],
  ['attribute:ecs.availability-zone =~ us\\-east\\-1a', true, false, 'a backslash before a non-letter: the character itself'],
  ['attribute:ecs.availability-zone =~ u(s)-ea\\1t-1a', true, false, 'a backreference to an earlier group'],
  ['attribute:ecs.instance-type =~ m5[)]*.* and attribute:weight exists', false, true, 'a bare pattern\'s class holds ")" (Java: the character)'],
  ['attribute:ecs.instance-type =~ m5\\Q)\\E?.*', false, true, 'a bare pattern\'s \\Q..\\E holds ")"'],
  ['attribute:ecs.instance-type =~ []t]3.*', true, false, 'a "]" first in a bare pattern\'s class is the character'],
  ['(attribute:ecs.instance-type =~ [^)]5.*)', false, true, 'a "^)" class inside the expression\'s parentheses'],
  ['attribute:weight =~ 1(0)\\10?', false, true, '\\10 with one group: \\1 then "0" (Java reads digits while they name a group)'],
  ['attribute:ecs.availability-zone in [us-east-1a, us-east-1c]', true, false, 'in list'],
  ['attribute:ecs.availability-zone not_in [us-east-1a]', false, true, 'not_in'],
  ["attribute:ecs.availability-zone !in ['us-east-1a']", false, true, '!in with quoted value'],
  ['attribute:tier exists', true, false, 'exists'],
  ['attribute:tier !exists', false, true, '!exists'],
  ['attribute:tier not_exists', false, true, 'not_exists'],
  ['attribute:tier == web', true, false, 'missing attribute is not equal'],
  ['attribute:tier != web', false, true, 'missing attribute passes !='],
  ['attribute:weight > 10', false, true, 'numeric order when both are numbers (9 < 10 < 100)'],
  ['attribute:weight less_than 10', true, false, 'word form of <'],
  ['ec2InstanceId == i-0002', false, true, 'ec2InstanceId subject'],
  [`ec2InstanceId in ['i-0001', "i-0002"]`, true, true, 'quoted list values'],
  ['runningTasksCount > 0', true, false, 'runningTasksCount numeric'],
  ['runningTasksCount <= 0', false, true, '<='],
  ['runningTasksCount greater_than_equal 2', true, false, 'word form of >='],
  ['runningTasksCount == 2', true, false, '== on a number'],
  ['task:group == service:web', true, false, 'instance runs a task of the group'],
  ['task:group != service:web', false, true, 'instance runs no task of the group'],
  ['not attribute:tier exists', false, true, 'not'],
  ['!(attribute:tier exists)', false, true, '! with parentheses'],
  ['not(attribute:tier exists)', false, true, 'not( without a space'],
  ['(attribute:tier == web)', true, false, 'a single comparison in parentheses: accepted (AWS: "A single expression can\'t contain parentheses"; ecsim is lenient, docs/notes/placement.md)'],
  ['not(task:group == service:web)', false, true, 'the form of AWS\'s Task Anti-Affinity example, not(task:group == database)'],
  [
    'attribute:ecs.instance-type =~ t3.* and attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
    true,
    false,
    'compound expression (AWS example)',
  ],
  ['attribute:ecs.instance-type == m5.large || attribute:tier == web', true, true, '||'],
  ['attribute:ecs.instance-type == m5.large or attribute:tier == web and runningTasksCount > 5', false, true, 'and binds tighter than or'],
  ['(attribute:ecs.instance-type == m5.large or attribute:tier == web) and runningTasksCount > 5', false, false, 'parentheses set precedence'],
  ['attribute:ecs.instance-type==t3.micro&&runningTasksCount>1', true, false, 'no spaces around operators'],
  ['  attribute:tier   exists  ', true, false, 'surrounding whitespace'],
];

describe('cluster query language: valid expressions', () => {
  it.each(VALID)('%s -> A %s, B %s (%s)', (text, onA, onB) => {
    const e = parseExpression(text);
    expect([evaluate(e, A), evaluate(e, B)]).toEqual([onA, onB]);
    const f = compileExpression(e);
    expect([f(A), f(B)]).toEqual([onA, onB]);
  });
});

// [expression, error position, part of the message]
const INVALID: Array<[string, number, string]> = [
  ['attribute:ecs.instance-type t3.micro', 28, 'expected an operator after "attribute:ecs.instance-type" at position 28'],
  ['', 0, 'expected an expression, found an empty text'],
  ['attribute:ecs.instance-type ==', 30, 'expected a value after "==" at position 30'],
  ['(attribute:a == b', 17, 'expected ")" to close "(" at position 0'],
  ['attribute:a == b)', 16, 'unmatched ")"'],
  ['foo == bar', 0, 'expected a subject (attribute:NAME, ec2InstanceId, runningTasksCount or task:group), found "foo" at position 0'],
  // documented by AWS (cluster-query-language.html), not modelled
  ['registeredAt > 2026-01-01', 0, 'expected a subject ecsim models (attribute:NAME, ec2InstanceId, runningTasksCount or task:group), found "registeredAt" at position 0, an ECS query subject that ecsim does not model'],
  ['attribute:a == b and agentConnected == true', 21, 'found "agentConnected" at position 21, an ECS query subject that ecsim does not model'],
  ['agentVersion == 1.70.0', 0, 'found "agentVersion" at position 0, an ECS query subject that ecsim does not model (its instances have no agentVersion)'],
  ['runningTasksCount > abc', 20, 'expected a number for runningTasksCount'],
  ['ec2InstanceId > i-1', 14, 'expected an operator for ec2InstanceId (==, !=, in, not_in, =~, !~), found ">" at position 14'],
  ['runningTasksCount exists', 18, 'expected an operator for runningTasksCount (==, !=, >, >=, <, <=), found "exists" at position 18'],
  ['attribute:a in [x, y', 20, 'expected "," or "]"'],
  ['attribute:a in x', 15, 'expected "[" to start the argument list'],
  ['attribute:a in [x,]', 18, 'expected a value after "in"'],
  ['attribute:a == b and', 20, 'expected an expression at position 20'],
  ['attribute:a =~ *.large', 15, 'expected a regular expression at position 15, found "*.large": '],
  ['attribute:a =~ \\yweb', 15, '\\y is not an escape Java defines'],
  ['attribute:a =~ [a-z&&[^b]]+', 15, 'character class intersection (&&) is not supported'],
  ['attribute:a =~ \\p{Lower}', 15, "is a Java escape ecsim's =~ does not support"],
  ['attribute:a =~ a(?i)b', 15, 'inline flags are supported only as a leading (?i)'],
  ['attribute:a =~ a*+', 15, 'possessive quantifiers'],
  ["attribute:a =~ 'm5)|(zz'", 15, 'an unmatched closing ")"'],
  ["attribute:a =~ '(a))'", 15, 'an unmatched closing ")"'],
  ['attribute:a =~ (a)\\2', 15, '\\2 refers to capturing group 2, but only 1 group is opened before it'],
  ['attribute:a =~ \\1(a)', 15, '\\1 refers to capturing group 1, but no group is opened before it'],
  ['attribute:a =~ m5.*] and attribute:b exists', 19, 'the unquoted pattern ends at position 19; if it goes on, quote it'],
  ['attribute:a =~ (m5 | t3).*', 15, 'expected a regular expression at position 15, found "(m5": Unterminated group (the unquoted pattern ends at position 18; if it goes on, quote it'],
  ['attribute:a == b xor attribute:c == d', 17, 'expected "and", "or" or the end of the expression, found "xor"'],
  ['attribute: == b', 10, 'expected an attribute name after "attribute:" at position 10, found a space'],
  ['== b', 0, 'expected a subject'],
  ["attribute:a == 'b", 15, "expected a closing ' for the value quoted at position 15, found the end of the text"],
  ['attribute:a == b and or', 21, 'found "or" at position 21'],
  // a negated word operator written as two words: the one-word form
  ['attribute:ecs.availability-zone not in [us-east-1a]', 32, 'expected an operator after "attribute:ecs.availability-zone" at position 32, found "not" (did you mean "not_in"?)'],
  ['attribute:tier not exists', 15, 'found "not" (did you mean "not_exists"?)'],
  ['attribute:tier not  equals web', 15, 'found "not" (did you mean "not_equals"?)'],
  ['attribute:tier not matches w.*', 15, 'found "not" (did you mean "not_matches"?)'],
  ['attribute:tier NOT IN [web]', 15, 'found "NOT" (did you mean "not_in"?)'],
  // ... but only when the subject takes that operator; else the operators it takes
  ['runningTasksCount not exists', 18, 'expected an operator after "runningTasksCount" at position 18, found "not" (runningTasksCount takes only ==, !=, >, >=, <, <=)'],
  ['runningTasksCount not in [1, 2]', 18, 'found "not" (runningTasksCount takes only ==, !=, >, >=, <, <=)'],
  ['runningTasksCount not equals 1', 18, 'found "not" (did you mean "not_equals"?)'],
  ['task:group not exists', 11, 'expected an operator after "task:group" at position 11, found "not" (task:group takes only ==, !=, in, not_in, =~, !~)'],
  ['task:group not in [web]', 11, 'found "not" (did you mean "not_in"?)'],
  ['ec2InstanceId NOT EXISTS', 14, 'found "NOT" (ec2InstanceId takes only ==, !=, in, not_in, =~, !~)'],
  ['runningTasksCount NOT_IN [1]', 18, 'found "NOT_IN" (runningTasksCount takes only ==, !=, >, >=, <, <=)'],
  ['runningTasksCount LESS_THAN 2', 18, 'found "LESS_THAN" (keywords and operators are lower case: did you mean "less_than"?)'],
  // clearer messages for common slips (the operator "===" read as "==" and a value "=m5.large")
  ['attribute:ecs.instance-type === m5.large', 28, 'expected an operator (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ or their word forms), found "===" at position 28 (did you mean "=="?)'],
  ['attribute:a = b', 12, 'expected an operator (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ or their word forms), found "=" at position 12 (did you mean "=="?)'],
  ['attribute:a <> b', 12, 'expected an operator (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ or their word forms), found "<>" at position 12 (did you mean "!="?)'],
  ['attribute:a => 3', 12, 'expected an operator (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ or their word forms), found "=>" at position 12 (did you mean ">="?)'],
  ['attribute:a !== b', 12, 'expected an operator (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ or their word forms), found "!==" at position 12 (did you mean "!="?)'],
  ['attribute:a >== 3', 12, 'expected an operator (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ or their word forms), found ">==" at position 12 (did you mean ">="?)'],
  // an attribute without "attribute:"; a subject in the wrong case
  ['ecs.cpu-architecture == arm64', 0, 'expected a subject (attribute:NAME, ec2InstanceId, runningTasksCount or task:group), found "ecs.cpu-architecture" at position 0 (an attribute is written attribute:NAME: did you mean attribute:ecs.cpu-architecture?)'],
  ['RunningTasksCount > 1', 0, '(names are case-sensitive: did you mean runningTasksCount?)'],
  // AWS lists the keywords and word operators in lower case only (cluster-query-language.html)
  ['attribute:a == b AND attribute:c == d', 17, 'found "AND" at position 17 (keywords and operators are lower case: did you mean "and"?)'],
  ['attribute:a == b Or attribute:c exists', 17, 'found "Or" at position 17 (keywords and operators are lower case: did you mean "or"?)'],
  ['NOT attribute:a exists', 0, 'expected a subject (attribute:NAME, ec2InstanceId, runningTasksCount or task:group), found "NOT" at position 0 (keywords and operators are lower case: did you mean "not"?)'],
  ['attribute:a IN [x, y]', 12, 'found "IN" (keywords and operators are lower case: did you mean "in"?)'],
  ['attribute:a NOT_IN [x]', 12, 'found "NOT_IN" (keywords and operators are lower case: did you mean "not_in"?)'],
  ['attribute:a EQUALS b', 12, 'found "EQUALS" (keywords and operators are lower case: did you mean "equals"?)'],
];

describe('cluster query language: malformed expressions', () => {
  it.each(INVALID)('%j fails at position %i', (text, position, message) => {
    let err: unknown;
    try {
      parseExpression(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QueryLanguageError);
    const q = err as QueryLanguageError;
    expect(q.position).toBe(position);
    expect(q.message).toContain(message);
    expect(q.expression).toBe(text);
  });

  it('"not" then a word that makes no negated operator gets no hint', () => {
    expect(() => parseExpression('attribute:tier not web')).toThrow(/found "not"$/);
    expect(() => parseExpression('attribute:tier not inside')).toThrow(/found "not"$/);
  });
});

describe('memberOf labels in messages', () => {
  it('are one line, also for an expression written over several lines (a YAML block scalar)', () => {
    expect(memberOf('attribute:tier == web\n  or attribute:tier == batch\n').label).toBe('memberOf(attribute:tier == web or attribute:tier == batch)');
    expect(memberOf('attribute:tier == web').label).toBe('memberOf(attribute:tier == web)');
  });
});
