// Parses one `expect:` line: `<dotted path into summary.json> <op> <number>`, e.g.
// `services.web.latencyMs.p95 < 250`, or with a key in brackets, `services["web"].sloViolationMinutes < 5`
// (accepted, though no ECS name needs them: service and capacity provider names keep to
// letters, digits, "_" and "-", all plain key characters).
// A malformed line throws an Error naming the column and what was expected there.

import { COMPARISON_OPERATORS, type ComparisonOperator, type Expectation } from './expectation.js';
import { cutText } from '../cut-text.js';

const KEY_CHAR = /[A-Za-z0-9_:-]/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const OPERATOR_LIST = '<, <=, >, >=, ==, !=';

/** Parses an expectation; throws an Error `column N: expected ..., found ...` when malformed. */
export function parseExpectation(text: string): Expectation {
  if (typeof text !== 'string') throw new Error(`expected an expression like "services.web.latencyMs.p95 < 250", found ${typeof text}`);
  const p = { text, at: 0 };
  skipSpaces(p);
  const path = parsePath(p);
  skipSpaces(p);
  const op = parseOperator(p);
  skipSpaces(p);
  const value = parseNumber(p);
  skipSpaces(p);
  if (p.at < text.length) fail(p, 'the end of the expression after the number');
  return { text, path, op, value };
}

interface Cursor {
  text: string;
  at: number;
}

function parsePath(p: Cursor): string[] {
  const path: string[] = [];
  for (;;) {
    if (p.text[p.at] === '[') path.push(parseBracketKey(p));
    else path.push(parsePlainKey(p, path.length === 0 ? 'a summary key (e.g. services, capacityProviders, cost)' : 'a key after "."'));
    while (p.text[p.at] === '[') path.push(parseBracketKey(p));
    if (p.text[p.at] !== '.') return path;
    p.at++;
  }
}

function parsePlainKey(p: Cursor, what: string): string {
  const start = p.at;
  while (p.at < p.text.length && KEY_CHAR.test(p.text[p.at])) p.at++;
  if (p.at === start) fail(p, what);
  return p.text.slice(start, p.at);
}

/** `["web"]`, `['web']` or `[0]`. */
function parseBracketKey(p: Cursor): string {
  p.at++; // '['
  const quote = p.text[p.at];
  let key: string;
  if (quote === '"' || quote === "'") {
    const end = p.text.indexOf(quote, p.at + 1);
    if (end < 0) fail(p, `a closing ${quote}`);
    key = p.text.slice(p.at + 1, end);
    p.at = end + 1;
  } else {
    const start = p.at;
    while (p.at < p.text.length && /\d/.test(p.text[p.at])) p.at++;
    if (p.at === start) fail(p, 'a quoted key like ["web"] or an index like [0]');
    key = p.text.slice(start, p.at);
  }
  if (p.text[p.at] !== ']') fail(p, '"]"');
  p.at++;
  return key;
}

function parseOperator(p: Cursor): ComparisonOperator {
  for (const op of COMPARISON_OPERATORS) {
    if (p.text.startsWith(op, p.at)) {
      p.at += op.length;
      return op;
    }
  }
  const hint = p.text.startsWith('=<', p.at) ? ' (did you mean "<="?)' : p.text.startsWith('=>', p.at) ? ' (did you mean ">="?)' : p.text[p.at] === '=' ? ' (did you mean "=="?)' : '';
  fail(p, `an operator (${OPERATOR_LIST})`, hint);
}

function parseNumber(p: Cursor): number {
  const m = NUMBER.exec(p.text.slice(p.at));
  if (!m) fail(p, 'a number');
  const value = Number(m[0]);
  if (!Number.isFinite(value)) fail(p, 'a finite number');
  p.at += m[0].length;
  return value;
}

function skipSpaces(p: Cursor): void {
  while (p.at < p.text.length && /\s/.test(p.text[p.at])) p.at++;
}

function fail(p: Cursor, expected: string, hint = ''): never {
  const rest = p.text.slice(p.at);
  const found = rest === '' ? 'the end of the expression' : `"${cutText(rest, 12)}"`;
  throw new Error(`"${p.text}": column ${p.at + 1}: expected ${expected}, found ${found}${hint}`);
}
