// Evaluates a parsed cluster query language expression against one container instance,
// by walking the tree. Simple and obviously right; the placer uses compileExpression,
// which must agree with this.
//
// Semantics (AWS documents the operators, not these corner cases; see docs/notes/placement.md):
// - attribute:NAME: the attribute's value; an instance without it fails ==, >, >=, <, <=, in,
//   =~ and exists, and passes !=, not_in, !~ and not_exists.
// - > >= < <=: numeric when both sides are numbers, else string order.
// - task:group: the groups of the tasks on the instance; "== G" holds when it runs a task of G,
//   "!= G" when it runs none, "in" when any listed group runs there, "=~" when any group matches.

import type { PlacementInstance } from '../types.js';
import type { Comparison, Expression } from './ast.js';

export function evaluate(expr: Expression, instance: PlacementInstance): boolean {
  switch (expr.kind) {
    case 'and':
      return evaluate(expr.left, instance) && evaluate(expr.right, instance);
    case 'or':
      return evaluate(expr.left, instance) || evaluate(expr.right, instance);
    case 'not':
      return !evaluate(expr.operand, instance);
    case 'compare':
      return expr.subject.kind === 'task:group' ? compareGroups(expr, instance) : compareValue(expr, valueOf(expr, instance));
  }
}

function valueOf(c: Comparison, inst: PlacementInstance): string | undefined {
  switch (c.subject.kind) {
    case 'attribute':
      return Object.prototype.hasOwnProperty.call(inst.attributes, c.subject.name) ? inst.attributes[c.subject.name] : undefined;
    case 'ec2InstanceId':
      return inst.id;
    case 'runningTasksCount':
      return String(inst.runningTasksCount);
    default:
      return undefined;
  }
}

/** Numeric order when both are numbers, else string order; negative, zero or positive. */
export function orderOf(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareValue(c: Comparison, v: string | undefined): boolean {
  if (v === undefined) return c.operator === '!=' || c.operator === 'not_in' || c.operator === '!~' || c.operator === 'not_exists';
  const arg = c.argument as string;
  switch (c.operator) {
    case 'exists':
      return true;
    case 'not_exists':
      return false;
    case '==':
      return sameValue(c, v, arg);
    case '!=':
      return !sameValue(c, v, arg);
    case '>':
      return orderOf(v, arg) > 0;
    case '>=':
      return orderOf(v, arg) >= 0;
    case '<':
      return orderOf(v, arg) < 0;
    case '<=':
      return orderOf(v, arg) <= 0;
    case 'in':
      return (c.list as readonly string[]).some((x) => sameValue(c, v, x));
    case 'not_in':
      return !(c.list as readonly string[]).some((x) => sameValue(c, v, x));
    case '=~':
      return (c.pattern as RegExp).test(v);
    case '!~':
      return !(c.pattern as RegExp).test(v);
  }
}

function sameValue(c: Comparison, v: string, x: string): boolean {
  return c.subject.kind === 'runningTasksCount' ? Number(v) === Number(x) : v === x;
}

function compareGroups(c: Comparison, inst: PlacementInstance): boolean {
  const has = (g: string) => (inst.groupCounts.get(g) ?? 0) > 0;
  const any = (p: (g: string) => boolean) => {
    for (const [g, n] of inst.groupCounts) if (n > 0 && p(g)) return true;
    return false;
  };
  switch (c.operator) {
    case '==':
      return has(c.argument as string);
    case '!=':
      return !has(c.argument as string);
    case 'in':
      return (c.list as readonly string[]).some(has);
    case 'not_in':
      return !(c.list as readonly string[]).some(has);
    case '=~':
      return any((g) => (c.pattern as RegExp).test(g));
    case '!~':
      return !any((g) => (c.pattern as RegExp).test(g));
    default:
      return false; // rejected by the parser
  }
}
