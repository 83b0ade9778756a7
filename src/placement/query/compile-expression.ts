// Turns a parsed expression into a predicate closure, so that a constraint is parsed once
// and then tested against thousands of instances per placement without walking the tree.
// Same semantics as evaluate.ts (a property test checks they agree). Pattern results are
// memoised per distinct value (instance types and AZs repeat across a cluster).

import type { PlacementInstance } from '../types.js';
import type { Comparison, Expression } from './ast.js';
import { orderOf } from './evaluate.js';

export type InstancePredicate = (instance: PlacementInstance) => boolean;

export function compileExpression(expr: Expression): InstancePredicate {
  switch (expr.kind) {
    case 'and': {
      const l = compileExpression(expr.left);
      const r = compileExpression(expr.right);
      return (i) => l(i) && r(i);
    }
    case 'or': {
      const l = compileExpression(expr.left);
      const r = compileExpression(expr.right);
      return (i) => l(i) || r(i);
    }
    case 'not': {
      const o = compileExpression(expr.operand);
      return (i) => !o(i);
    }
    case 'compare':
      return compileComparison(expr);
  }
}

type ValueTest = (v: string) => boolean;

const MEMO_LIMIT = 64;

/**
 * Remembers `test` per distinct value. Values are few (instance types, AZs) and usually
 * internalised strings, so a linear scan with === is cheaper than hashing; past
 * MEMO_LIMIT distinct values the test simply runs.
 */
function memoised(test: ValueTest): ValueTest {
  const seen: string[] = [];
  const results: boolean[] = [];
  return (v) => {
    for (let j = 0; j < seen.length; j++) if (seen[j] === v) return results[j];
    const r = test(v);
    if (seen.length < MEMO_LIMIT) {
      seen.push(v);
      results.push(r);
    }
    return r;
  };
}

/** The test on a present value, and the result when the subject is absent. */
function valueTest(c: Comparison): ValueTest {
  const arg = c.argument as string;
  const numeric = c.subject.kind === 'runningTasksCount';
  switch (c.operator) {
    case 'exists':
      return () => true;
    case 'not_exists':
      return () => false;
    case '==':
      return numeric ? (v) => Number(v) === Number(arg) : (v) => v === arg;
    case '!=':
      return numeric ? (v) => Number(v) !== Number(arg) : (v) => v !== arg;
    case '>':
      return (v) => orderOf(v, arg) > 0;
    case '>=':
      return (v) => orderOf(v, arg) >= 0;
    case '<':
      return (v) => orderOf(v, arg) < 0;
    case '<=':
      return (v) => orderOf(v, arg) <= 0;
    case 'in': {
      const set = new Set(numeric ? (c.list as string[]).map((x) => String(Number(x))) : c.list);
      return numeric ? (v) => set.has(String(Number(v))) : (v) => set.has(v);
    }
    case 'not_in': {
      const set = new Set(numeric ? (c.list as string[]).map((x) => String(Number(x))) : c.list);
      return numeric ? (v) => !set.has(String(Number(v))) : (v) => !set.has(v);
    }
    case '=~': {
      const re = c.pattern as RegExp;
      return memoised((v) => re.test(v));
    }
    case '!~': {
      const re = c.pattern as RegExp;
      return memoised((v) => !re.test(v));
    }
  }
}

function absentResult(c: Comparison): boolean {
  return c.operator === '!=' || c.operator === 'not_in' || c.operator === '!~' || c.operator === 'not_exists';
}

function compileComparison(c: Comparison): InstancePredicate {
  const s = c.subject;
  if (s.kind === 'task:group') return compileGroupComparison(c);
  const test = valueTest(c);
  if (s.kind === 'ec2InstanceId') return (i) => test(i.id);
  if (s.kind === 'runningTasksCount') return (i) => test(String(i.runningTasksCount));
  const name = s.name;
  const absent = absentResult(c);
  if (name in Object.prototype) {
    // e.g. attribute:constructor: only an own property counts.
    return (i) => (Object.prototype.hasOwnProperty.call(i.attributes, name) ? test(i.attributes[name]) : absent);
  }
  return (i) => {
    const v = i.attributes[name];
    return v === undefined ? absent : test(v);
  };
}

function compileGroupComparison(c: Comparison): InstancePredicate {
  const has = (i: PlacementInstance, g: string) => (i.groupCounts.get(g) ?? 0) > 0;
  const anyMatch = (i: PlacementInstance, re: RegExp) => {
    for (const [g, n] of i.groupCounts) if (n > 0 && re.test(g)) return true;
    return false;
  };
  const arg = c.argument as string;
  const list = c.list as readonly string[];
  const re = c.pattern as RegExp;
  switch (c.operator) {
    case '==':
      return (i) => has(i, arg);
    case '!=':
      return (i) => !has(i, arg);
    case 'in':
      return (i) => list.some((g) => has(i, g));
    case 'not_in':
      return (i) => !list.some((g) => has(i, g));
    case '=~':
      return (i) => anyMatch(i, re);
    case '!~':
      return (i) => !anyMatch(i, re);
    default:
      return () => false; // rejected by the parser
  }
}
