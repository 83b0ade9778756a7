// Parser of the ECS cluster query language
// (AmazonECS/latest/developerguide/cluster-query-language.html):
//   expression := or ;  or := and (("or" | "||") and)* ;  and := unary (("and" | "&&") unary)*
//   unary := ("not" | "!") unary | "(" expression ")" | subject operator [argument]
// Operators are accepted in both spellings AWS lists (== / equals, !in / not_in, =~ / matches,
// ...). Each subject accepts only the operators AWS lists for it. Keywords and word operators
// are lower case, as AWS lists them. A malformed expression throws QueryLanguageError with the
// 0-based position of the offending text, with a hint for common slips ("===", "AND",
// ecs.cpu-architecture without "attribute:").

import type { Comparison, Expression, Operator, Subject } from './ast.js';
import { subjectText } from './ast.js';
import { unmodelledAttributeProblem } from '../built-in-attributes.js';
import { compileJavaPattern } from './java-pattern.js';
import { QueryLanguageError } from './query-language-error.js';

const SYMBOL_OPERATORS: ReadonlyArray<readonly [string, Operator]> = [
  ['!exists', 'not_exists'],
  ['==', '=='],
  ['!=', '!='],
  ['>=', '>='],
  ['<=', '<='],
  ['=~', '=~'],
  ['!~', '!~'],
  ['!in', 'not_in'],
  ['>', '>'],
  ['<', '<'],
];

const WORD_OPERATORS: ReadonlyMap<string, Operator> = new Map<string, Operator>([
  ['equals', '=='],
  ['not_equals', '!='],
  ['greater_than', '>'],
  ['greater_than_equal', '>='],
  ['less_than', '<'],
  ['less_than_equal', '<='],
  ['exists', 'exists'],
  ['not_exists', 'not_exists'],
  ['in', 'in'],
  ['not_in', 'not_in'],
  ['matches', '=~'],
  ['not_matches', '!~'],
]);

/** Operator-like runs people write for another operator. */
const OPERATOR_TYPOS: ReadonlyMap<string, string> = new Map([
  ['=', '=='],
  ['===', '=='],
  ['!==', '!='],
  ['<>', '!='],
  ['=>', '>='],
  ['=<', '<='],
  ['~=', '=~'],
  ['~', '=~'],
  ['==~', '=~'],
  ['!=~', '!~'],
]);

/** The language's keywords and word operators (lower case). */
const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', ...WORD_OPERATORS.keys()]);

const ALL_OPERATORS: readonly Operator[] = ['==', '!=', '>', '>=', '<', '<=', 'exists', 'not_exists', 'in', 'not_in', '=~', '!~'];
const ID_OPERATORS: readonly Operator[] = ['==', '!=', 'in', 'not_in', '=~', '!~'];
const NUMBER_OPERATORS: readonly Operator[] = ['==', '!=', '>', '>=', '<', '<='];

/** Operators AWS lists per subject (task:group is documented without a list; we allow the id set). */
function operatorsFor(s: Subject): readonly Operator[] {
  switch (s.kind) {
    case 'attribute':
      return ALL_OPERATORS;
    case 'runningTasksCount':
      return NUMBER_OPERATORS;
    default:
      return ID_OPERATORS;
  }
}

const NAME_CHAR = /[A-Za-z0-9_.\-:/\\@]/;
const WORD_CHAR = /[A-Za-z0-9_]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Parses `text`; throws QueryLanguageError if it is not a valid expression. */
/**
 * Subjects the cluster query language documents (cluster-query-language.html) that ecsim
 * does not model: said so, rather than "unknown subject".
 */
const UNMODELLED_SUBJECTS: readonly string[] = ['agentConnected', 'agentVersion', 'registeredAt'];

export function parseExpression(text: string): Expression {
  return new Parser(text).parseAll();
}

class Parser {
  private pos = 0;
  /** Where the last bare (unquoted) =~ / !~ pattern ended; -1 before one. */
  private barePatternEnd = -1;

  constructor(private readonly src: string) {}

  parseAll(): Expression {
    this.skipSpace();
    if (this.pos >= this.src.length) this.fail(`expected an expression, found ${this.src === '' ? 'an empty text' : 'only spaces'}`, 0);
    const e = this.parseOr();
    this.skipSpace();
    if (this.pos < this.src.length) {
      const what = this.src[this.pos] === ')' ? 'an unmatched ")"' : `"${this.peekToken()}"`;
      this.fail(`expected "and", "or" or the end of the expression, found ${what} at position ${this.pos}${this.caseHint(this.peekWord())}`);
    }
    return e;
  }

  private parseOr(): Expression {
    let left = this.parseAnd();
    for (;;) {
      this.skipSpace();
      if (!this.eatWord('or') && !this.eat('||')) return left;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
  }

  private parseAnd(): Expression {
    let left = this.parseUnary();
    for (;;) {
      this.skipSpace();
      if (!this.eatWord('and') && !this.eat('&&')) return left;
      left = { kind: 'and', left, right: this.parseUnary() };
    }
  }

  private parseUnary(): Expression {
    this.skipSpace();
    if (this.pos >= this.src.length) this.fail(`expected an expression at position ${this.pos}, found the end of the text`);
    if (this.eat('(')) {
      const open = this.pos - 1;
      const inner = this.parseOr();
      this.skipSpace();
      if (!this.eat(')')) {
        const found = this.pos >= this.src.length ? 'the end of the text' : `"${this.peekToken()}"`;
        this.fail(`expected ")" to close "(" at position ${open}, found ${found} at position ${this.pos}`);
      }
      return inner;
    }
    if (this.eatWord('not') || this.eat('!')) return { kind: 'not', operand: this.parseUnary() };
    return this.parseComparison();
  }

  private parseComparison(): Comparison {
    const start = this.pos;
    const subject = this.parseSubject();
    const subjectEnd = this.pos;
    this.skipSpace();
    const opPos = this.pos;
    this.checkSymbolRun(opPos);
    const operator = this.parseOperator();
    if (operator === undefined) {
      const found = this.pos >= this.src.length ? 'the end of the text' : `"${this.peekToken()}"`;
      this.fail(`expected an operator after "${this.src.slice(start, subjectEnd)}" at position ${opPos}, found ${found}${this.operatorHint(subject)}`, opPos);
    }
    const allowed = operatorsFor(subject);
    if (!allowed.includes(operator)) {
      this.fail(
        `expected an operator for ${subjectText(subject)} (${allowed.join(', ')}), found "${operator}" at position ${opPos}`,
        opPos,
      );
    }
    const node: Comparison = { kind: 'compare', subject, operator, position: start };
    if (operator === 'exists' || operator === 'not_exists') return node;
    this.skipSpace();
    if (operator === 'in' || operator === 'not_in') {
      node.list = this.parseList(operator);
      if (subject.kind === 'runningTasksCount') node.list.forEach((v) => this.checkNumber(v, subject));
      return node;
    }
    const argPos = this.pos;
    this.barePatternEnd = -1;
    const arg = this.parseValue(operator === '=~' || operator === '!~');
    if (arg === undefined) this.failExpectedValue(operator);
    node.argument = arg;
    if (subject.kind === 'runningTasksCount') this.checkNumber(arg, subject, argPos);
    if (operator === '=~' || operator === '!~') {
      const re = compileJavaPattern(arg);
      if (typeof re === 'string') {
        // a bare pattern followed by "and"/"or" was not cut short: no hint then
        const next = /^\s*(?:(?:and|or)(?![A-Za-z0-9_])|&&|\|\|)/.test(this.src.slice(this.pos));
        throw new QueryLanguageError(`expected a regular expression at position ${argPos}, found ${JSON.stringify(arg)}: ${re}${next ? '' : this.quoteHint(this.barePatternEnd)}`, argPos, this.src);
      }
      node.pattern = re;
    }
    return node;
  }

  private parseSubject(): Subject {
    const start = this.pos;
    while (this.pos < this.src.length && NAME_CHAR.test(this.src[this.pos])) this.pos++;
    const word = this.src.slice(start, this.pos);
    if (word === '') {
      const found = `"${this.src[start]}"`;
      this.fail(
        `expected a subject (attribute:NAME, ec2InstanceId, runningTasksCount or task:group) at position ${start}, found ${found}`,
        start,
      );
    }
    if (word.startsWith('attribute:')) {
      const name = word.slice('attribute:'.length);
      if (name === '') this.fail(`expected an attribute name after "attribute:" at position ${this.pos}, found ${this.pos >= this.src.length ? 'the end of the text' : /\s/.test(this.src[this.pos]) ? 'a space' : `"${this.peekToken()}"`}`);
      const unmodelled = unmodelledAttributeProblem(name, ` at position ${start}`);
      if (unmodelled !== undefined) this.fail(unmodelled, start);
      return { kind: 'attribute', name };
    }
    if (word === 'ec2InstanceId') return { kind: 'ec2InstanceId' };
    if (word === 'runningTasksCount') return { kind: 'runningTasksCount' };
    if (word === 'task:group') return { kind: 'task:group' };
    if (UNMODELLED_SUBJECTS.includes(word)) {
      this.fail(
        `expected a subject ecsim models (attribute:NAME, ec2InstanceId, runningTasksCount or task:group), found "${word}" at position ${start}, an ECS query subject that ecsim does not model (its instances have no ${word})`,
        start,
      );
    }
    this.fail(`expected a subject (attribute:NAME, ec2InstanceId, runningTasksCount or task:group), found "${word}" at position ${start}${this.subjectHint(word)}`, start);
  }

  /** A hint for an unknown subject: a keyword in upper case, a subject in the wrong case, or an attribute without "attribute:". */
  private subjectHint(word: string): string {
    const keyword = this.caseHint(word);
    if (keyword !== '') return keyword;
    const lower = word.toLowerCase();
    const subject = ['ec2InstanceId', 'runningTasksCount', 'task:group'].find((x) => x.toLowerCase() === lower);
    if (subject !== undefined) return ` (names are case-sensitive: did you mean ${subject}?)`;
    if (lower.startsWith('attribute:')) return ` (did you mean attribute:${word.slice('attribute:'.length)}?)`;
    if (KEYWORDS.has(lower) || word.includes(':')) return '';
    return ` (an attribute is written attribute:NAME: did you mean attribute:${word}?)`;
  }

  /**
   * The keywords and word operators are lower case (cluster-query-language.html lists them so,
   * and says nothing of other cases): " (... did you mean "and"?)" for "AND", else "".
   */
  private caseHint(word: string): string {
    const lower = word.toLowerCase();
    if (word === lower || !KEYWORDS.has(lower)) return '';
    return ` (keywords and operators are lower case: did you mean "${lower}"?)`;
  }

  /**
   * "not in", "not exists", "not equals", "not matches" written as two words (the negated
   * word operators are one: not_in, ...; `not` alone negates an expression, before it):
   * the one-word operator meant, "not_in" (lower case: for NOT IN too), else "".
   */
  private notWordHint(): string {
    const m = /^not\s+(in|exists|equals|matches)(?![A-Za-z0-9_])/i.exec(this.src.slice(this.pos));
    return m === null ? '' : `not_${m[1].toLowerCase()}`;
  }

  /**
   * The hint where an operator was expected after `subject`: the one-word operator meant
   * ("not exists" -> not_exists, "NOT_IN" -> not_in) only if `subject` takes it; if it does not
   * (runningTasksCount not_exists), the operators `subject` takes, so that following the hint
   * does not lead to a second error. "" when nothing operator-like is found.
   */
  private operatorHint(subject: Subject): string {
    const word = this.peekWord();
    const twoWords = this.notWordHint();
    const meant = twoWords !== '' ? twoWords : WORD_OPERATORS.has(word.toLowerCase()) ? word.toLowerCase() : '';
    if (meant === '') return this.caseHint(word);
    const allowed = operatorsFor(subject);
    if (!allowed.includes(WORD_OPERATORS.get(meant)!)) return ` (${subjectText(subject)} takes only ${allowed.join(', ')})`;
    return twoWords !== '' ? ` (did you mean "${meant}"?)` : this.caseHint(word);
  }

  /** The word (letters, digits, _) at the current position. */
  private peekWord(): string {
    const m = /^[A-Za-z0-9_]+/.exec(this.src.slice(this.pos));
    return m ? m[0] : '';
  }

  /**
   * A run of operator characters that is no operator ("===", "=", "<>", "=>"): said so, with
   * the operator meant, rather than reading "==" and then a value "=..." or finding no operator.
   */
  private checkSymbolRun(at: number): void {
    const m = /^[=!<>~]+/.exec(this.src.slice(at));
    if (!m) return;
    const run = m[0];
    // "!in" / "!exists" begin with "!": the word after it decides
    if (run === '!' || SYMBOL_OPERATORS.some(([sym]) => sym === run)) return;
    const meant = OPERATOR_TYPOS.get(run) ?? SYMBOL_OPERATORS.find(([sym]) => !/[a-z]/.test(sym) && run.startsWith(sym))?.[0];
    this.fail(`expected an operator (==, !=, >, >=, <, <=, exists, !exists, in, !in, =~, !~ or their word forms), found "${run}" at position ${at}${meant === undefined ? '' : ` (did you mean "${meant}"?)`}`, at);
  }

  private parseOperator(): Operator | undefined {
    for (const [sym, op] of SYMBOL_OPERATORS) {
      if (this.src.startsWith(sym, this.pos)) {
        const after = this.pos + sym.length;
        // "!in" / "!exists" are words: "!inx" is not the operator.
        if (/[a-z]$/.test(sym) && after < this.src.length && WORD_CHAR.test(this.src[after])) continue;
        this.pos = after;
        return op;
      }
    }
    const start = this.pos;
    let end = start;
    while (end < this.src.length && WORD_CHAR.test(this.src[end])) end++;
    const op = WORD_OPERATORS.get(this.src.slice(start, end));
    if (op !== undefined) this.pos = end;
    return op;
  }

  private parseList(op: Operator): string[] {
    if (!this.eat('[')) {
      const found = this.pos >= this.src.length ? 'the end of the text' : `"${this.peekToken()}"`;
      this.fail(`expected "[" to start the argument list of ${op} at position ${this.pos}, found ${found}`);
    }
    const values: string[] = [];
    for (;;) {
      this.skipSpace();
      const v = this.parseValue(false);
      if (v === undefined) this.failExpectedValue(op);
      values.push(v);
      this.skipSpace();
      if (this.eat(']')) return values;
      if (!this.eat(',')) {
        const found = this.pos >= this.src.length ? 'the end of the text' : `"${this.peekToken()}"`;
        this.fail(`expected "," or "]" in the argument list at position ${this.pos}, found ${found}`);
      }
    }
  }

  /**
   * A quoted ('..' or "..") or bare value. A bare pattern is scanned as Java reads it: it may
   * contain balanced (..), classes [..] (where ( ) & | are the class's own, a ] first is a
   * character and [ opens a nested class) and \Q..\E quotes; it ends at whitespace, at a ")" or "]" that closes
   * nothing of its own, or at && / || outside its groups and classes.
   */
  private parseValue(pattern: boolean): string | undefined {
    const q = this.src[this.pos];
    if (q === "'" || q === '"') {
      const close = this.src.indexOf(q, this.pos + 1);
      if (close < 0) this.fail(`expected a closing ${q} for the value quoted at position ${this.pos}, found the end of the text`);
      const v = this.src.slice(this.pos + 1, close);
      this.pos = close + 1;
      return v;
    }
    const start = this.pos;
    const src = this.src;
    let depth = 0;
    let classDepth = 0;
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break;
      // "a == b&&c == d"; within a pattern's [..] or (..), && and || belong to the pattern
      if ((c === '&' || c === '|') && src[this.pos + 1] === c && (!pattern || (depth === 0 && classDepth === 0))) break;
      if (pattern) {
        if (c === '\\') {
          if (src[this.pos + 1] === 'Q') {
            // quoted text up to \E (or the end): no character in it is the pattern's syntax
            const end = src.indexOf('\\E', this.pos + 2);
            const stop = end < 0 ? src.length : end + 2;
            const space = src.slice(this.pos + 2, stop).search(/[ \t\n\r]/);
            this.pos = space < 0 ? stop : this.pos + 2 + space;
            if (space >= 0) break;
            continue;
          }
          this.pos += 2;
          continue;
        }
        if (c === '[') {
          classDepth++; // in a class, Java reads "[" as a nested class
          // a "]" first in the class (after an optional ^) is a character
          if (src[this.pos + 1] === '^') this.pos++;
          if (src[this.pos + 1] === ']') this.pos++;
        } else if (classDepth > 0) {
          if (c === ']') classDepth--;
        } else if (c === '(') depth++;
        else if (c === ')' || c === ']') {
          if (depth === 0) break;
          if (c === ')') depth--;
        }
      } else if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',' || c === "'" || c === '"') break;
      this.pos++;
    }
    if (this.pos > src.length) this.pos = src.length;
    if (pattern) this.barePatternEnd = this.pos;
    return this.pos > start ? src.slice(start, this.pos) : undefined;
  }

  private checkNumber(v: string, s: Subject, at = this.pos): void {
    if (!NUMBER.test(v)) this.fail(`expected a number for ${subjectText(s)}, found "${v}" at position ${at}`, at);
  }

  private failExpectedValue(op: Operator): never {
    const found = this.pos >= this.src.length ? 'the end of the text' : `"${this.peekToken()}"`;
    this.fail(`expected a value after "${op}" at position ${this.pos}, found ${found}`);
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && /\s/.test(this.src[this.pos])) this.pos++;
  }

  private eat(s: string): boolean {
    if (!this.src.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  /** Consumes `w` only as a whole word (so "notes" is not "not", "android" is not "and"). */
  private eatWord(w: string): boolean {
    if (!this.src.startsWith(w, this.pos)) return false;
    const after = this.pos + w.length;
    if (after < this.src.length && (WORD_CHAR.test(this.src[after]) || NAME_CHAR.test(this.src[after]))) return false;
    this.pos = after;
    return true;
  }

  private peekToken(): string {
    const m = /^\S+/.exec(this.src.slice(this.pos));
    const t = m ? m[0] : '';
    return t.length > 20 ? `${t.slice(0, 20)}...` : t;
  }

  private fail(message: string, position = this.pos): never {
    throw new QueryLanguageError(message + this.quoteHint(position), position, this.src);
  }

  /**
   * A failure just after a bare pattern that stopped before the end of the text may be the
   * pattern cut short (a space, or a ")" or "]" the scan took for the expression's): say so.
   */
  private quoteHint(position: number): string {
    const end = this.barePatternEnd;
    if (end < 0 || end >= this.src.length || position < end || this.src.slice(end, position).trim() !== '') return '';
    return ` (the unquoted pattern ends at position ${end}; if it goes on, quote it: =~ '...')`;
  }
}
