// Reads a scenario file (YAML or JSON), validates it and resolves references. Every
// problem becomes a ScenarioIssue with the key path and, where known, the line.

import { bareSecondsWritten } from './bare-seconds.js';
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { Lexer, LineCounter, parseDocument, isAlias, isCollection, isNode, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { decodeUtf8, invalidUtf8Message, MAX_SCENARIO_BYTES, notAFileToRead, readFailureFound, regularFileSize, scenarioBaseDir, siblingNameHint, tooLargeMessage } from './input-file.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { INFINITY_FOUND, issueMessage } from './schema-helpers.js';
import type { z } from 'zod';
import { ScenarioError, joinPath, uniqueIssues, type ScenarioIssue } from './errors.js';
import { resolveScenario, wholePeriodsMessage, type ResolvedScenario } from './resolve.js';
import { describe, parseDuration } from './duration.js';
import { cutText } from './cut-text.js';

export interface LoadOptions {
  /** Overrides `seed`. */
  seed?: number;
  /** Overrides `duration` (ms). */
  durationMs?: number;
}

/** Loads, validates and resolves a scenario file; throws ScenarioError listing every problem. */
export function loadScenarioFile(file: string, options: LoadOptions = {}): ResolvedScenario {
  return loadScenarioText(file, readScenarioText(file), options);
}

/** Validates and resolves the text of a scenario file read with readScenarioText. */
export function loadScenarioText(file: string, text: string, options: LoadOptions = {}): ResolvedScenario {
  return loadParsedScenario(file, parseScenarioText(file, text), options);
}

/**
 * Validates and resolves a scenario file's text already parsed by parseScenarioText: a command
 * that reads the raw object as well (run's warnings and notes on variants and sweep, compare's
 * and sweep's variants) parses the file once (about a fifth of a second for the 60 KB month
 * benchmark). Validation reads `raw.value` and never changes it.
 */
export function loadParsedScenario(file: string, raw: RawScenario, options: LoadOptions = {}): ResolvedScenario {
  return resolveRaw(file, raw.value, raw.lineOf, options, raw.sourceOf);
}

/**
 * The text of a scenario file, read once: a pipe (`cat s.yaml | ecsim validate /dev/stdin`)
 * can be read only once. Throws ScenarioError when it cannot be read.
 */
export function readScenarioText(file: string): string {
  if (file === '') {
    // (the command line refuses "" and "-" before this: cli/flag-shape.ts rejectDashPositionals)
    throw new ScenarioError(file, [{ path: '', message: 'expected a scenario file, found an empty name (to read standard input give /dev/stdin, as in cat s.yaml | ecsim run /dev/stdin)' }]);
  }
  const notFile = notAFileToRead(file);
  if (notFile !== undefined) throw new ScenarioError(file, [{ path: '', message: notFile }]);
  const tooLarge = (bytes: number) => tooLargeMessage(bytes, MAX_SCENARIO_BYTES, 'a scenario file', 'is it the right file? (a request-rate trace belongs in a CSV file: workload.requestRate.csv)');
  // a regular file is measured before it is read; a pipe once read, before it is parsed
  const before = tooLarge(regularFileSize(file));
  if (before !== undefined) throw new ScenarioError(file, [{ path: '', message: before }]);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const { found, missing } = readFailureFound(file, (e as NodeJS.ErrnoException).code);
    const hint = missing ? siblingNameHint(file, resolvePath(file), ['.yaml', '.yml', '.json']) : '';
    throw new ScenarioError(file, [{ path: '', message: `expected a scenario file, found ${found}${hint}` }]);
  }
  const after = tooLarge(bytes.length);
  if (after !== undefined) throw new ScenarioError(file, [{ path: '', message: after }]);
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new ScenarioError(file, [{ path: '', ...invalidUtf8Message(bytes) }]);
  return text;
}

/**
 * Validates an in-memory scenario object (variants and sweeps build these). `lineOf`, when
 * given, says which line of `label` (a file) a key path comes from.
 */
export function loadScenarioObject(
  label: string,
  value: unknown,
  options: LoadOptions & { baseDir?: string; lineOf?: RawScenario['lineOf'] } = {},
): ResolvedScenario {
  return resolveRaw(label, value, options.lineOf ?? (() => undefined), options);
}

export interface RawScenario {
  value: unknown;
  lineOf: (path: readonly (string | number)[]) => number | undefined;
  /** The text of the scalar at a key path as written (`1e400`, which parses to Infinity), if any. */
  sourceOf?: (path: readonly (string | number)[]) => string | undefined;
}

export function parseScenarioText(file: string, text: string): RawScenario {
  const lineCounter = new LineCounter();
  const tooDeep = `expected at most ${MAX_NESTING} levels of nested maps and lists (a scenario needs about 10), found deeper; is it the right file?`;
  // a .json file with a // or /* comment was read as YAML and failed as "found the text ..."
  // (also after a value on its line: `"seed": 1, // x`; a // inside a string is no comment)
  const lines = /\.json$/i.test(file) ? text.split('\n') : [];
  const comment = lines.findIndex((l) => commentAt(l) >= 0);
  if (comment >= 0) {
    const at = commentAt(lines[comment]);
    const mark = lines[comment].slice(at, at + 2);
    const column = at + 1;
    throw new ScenarioError(file, [{ path: '', line: comment + 1, column, message: `expected JSON, found a comment "${mark}" (JSON has no comments); remove the comment, or write the scenario as YAML (.yaml), whose comments start with #` }]);
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    throw new ScenarioError(file, [{ path: '', message: tooDeep }]);
  }
  if (doc.errors.length > 0) {
    // the first syntax error only: the ones after it usually follow from it
    const e = doc.errors[0];
    // the yaml package reports its own stack overflow on deep nesting as a syntax error
    if (e.message.includes('Maximum call stack size exceeded')) throw new ScenarioError(file, [{ path: '', line: e.linePos?.[0]?.line, message: tooDeep }]);
    // the yaml package's own words, its position said as file:line:column
    const said = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    let line = e.linePos?.[0]?.line;
    let column = e.linePos?.[0]?.col;
    let message: string;
    if (e.code === 'MULTIPLE_DOCS') {
      // (the yaml package's own advice is to call a function of its own)
      message = 'expected one YAML document, found a second one from this `---` line; remove the line and what follows it (or merge the documents into one)';
    } else if (e.code === 'DUPLICATE_KEY') {
      // named from the document: the yaml package points after an empty first value (`variants:`
      // twice pointed at the end of the first line, whose text after it is no key)
      const repeat = firstRepeatedKey(doc, lineCounter);
      if (repeat !== undefined) {
        line = repeat.line;
        column = repeat.column;
      }
      const key = repeat?.key ?? text.slice(e.pos[0]).split(/[:\n]/)[0].trim().replace(/^(["'])(.*)\1$/, '$2');
      message = `expected each key once in a map, found ${JSON.stringify(key)} again${repeat === undefined ? '' : ` (first on line ${repeat.firstLine})`}; remove one, or merge their values`;
    } else {
      message = `expected valid YAML/JSON, found ${foundAt(text, e.pos[0])} (${said})${yamlHint(e.code, said, text, lineCounter)}`;
    }
    const more = doc.errors.length > 1 ? ` (${doc.errors.length - 1} more YAML ${doc.errors.length === 2 ? 'error follows' : 'errors follow'} from here)` : '';
    throw new ScenarioError(file, [{ path: '', line, column, message: `${message}${more}` }]);
  }
  // before any recursive walk of the document (visit, toJS, the schema), which would overflow the stack
  const deep = firstTooDeep(doc);
  if (deep !== undefined) throw new ScenarioError(file, [{ path: '', line: lineAt(deep, lineCounter), message: tooDeep }]);
  if (doc.contents === null) {
    const what = text.replace(/^\uFEFF/, '').trim() === '' ? 'an empty file' : 'a file with no value (only comments, or a bare ---)';
    throw new ScenarioError(file, [{ path: '', message: `expected a scenario map at the top level (name, duration, cluster, taskDefinitions, services, ...), found ${what}` }]);
  }
  const odd = firstUnreadableNode(doc);
  if (odd !== undefined) throw new ScenarioError(file, [{ path: '', line: lineAt(odd.node, lineCounter), message: odd.message }]);
  const reserved = firstReservedKey(doc, lineCounter);
  if (reserved !== undefined) {
    throw new ScenarioError(file, [{ path: reserved.path, line: reserved.line, message: 'expected a key other than "__proto__" (in JavaScript it names an object\'s prototype, so ecsim would lose what it holds), found "__proto__"; rename it' }]);
  }
  const unresolved = firstUnresolvedAlias(doc, lineCounter);
  if (unresolved !== undefined) throw new ScenarioError(file, [{ path: unresolved.path, line: unresolved.line, message: unresolved.message }]);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // the yaml package refuses aliases that expand to too many nodes (an "alias bomb": a
    // few lines of `&a [*a, *a, ...]` nested grow to millions) only here, with a ReferenceError
    // (an alias with no anchor before it, a ReferenceError too, is found above)
    if (!(e instanceof ReferenceError) || e.message.startsWith('Unresolved alias')) throw e;
    throw new ScenarioError(file, [{ path: '', line: firstAliasLine(doc, lineCounter), message: `expected aliases (*name) that expand to a modest number of values, found ones that expand to too many (aliases of anchors that hold aliases, nested); write the values out or use fewer aliases` }]);
  }
  return {
    value,
    lineOf: (path) => lineOf(doc, lineCounter, path),
    sourceOf: (path) => {
      const node = doc.getIn(path, true);
      return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    },
  };
}

/** The deepest nesting of maps and lists read (a scenario needs about 10; the yaml package overflowed the stack at about 2 500). */
const MAX_NESTING = 64;

/** What the text holds at `offset`, for a syntax error: `"1h"` (to the end of its line, at most 30 characters, counted as code points), `the end of the line`, `the end of the file`. */
function foundAt(text: string, offset: number): string {
  if (offset >= text.length || text.slice(offset).trim() === '') return 'the end of the file';
  const rest = text.slice(offset).split(/\r?\n/)[0].trimEnd();
  if (rest.trim() === '') return 'the end of the line';
  return JSON.stringify(cutText(rest, 30));
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && e.message.includes('Maximum call stack size exceeded');
}

function lineAt(node: Node, counter: LineCounter): number | undefined {
  return node.range ? counter.linePos(node.range[0]).line : undefined;
}

/** The first node nested deeper than MAX_NESTING maps and lists, found without recursion. */
function firstTooDeep(doc: Document): Node | undefined {
  const stack: [unknown, number][] = [[doc.contents, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth >= MAX_NESTING) return node;
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push([item.key, depth + 1], [item.value, depth + 1]);
      } else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/** YAML's core tags, as the yaml package names them: the ones whose values ecsim reads. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * The first node JSON cannot hold or ecsim does not read: a tag beyond YAML's core ones
 * (`!custom`, `!!set`: the value was read as its untagged text or map), or a map key that is
 * a list or a map (`? [a, b]`: the yaml package stringified it, with a Node warning).
 */
function firstUnreadableNode(doc: Document): { node: Node; message: string } | undefined {
  let found: { node: Node; message: string } | undefined;
  visit(doc, (_key, node) => {
    if (isPair(node) && isCollection(node.key)) {
      found = { node: node.key, message: `expected a map key that is text, found a ${isSeq(node.key) ? 'list' : 'map'} (${String(node.key)}); keys are names: write the key as text` };
      return visit.BREAK;
    }
    if (isNode(node) && node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      const tag = node.tag.startsWith('tag:yaml.org,2002:') ? `!!${node.tag.slice('tag:yaml.org,2002:'.length)}` : node.tag;
      found = { node, message: `expected a plain value (text, a number, true/false, null, a list or a map: the values ecsim reads), found the YAML tag ${tag}; remove the tag` };
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

/**
 * The first map key "__proto__" in the document, with its path and line: a map keyed by it
 * (a service, a policy, a variant named so) vanished into the object's prototype, and the
 * run went on without it.
 */
function firstReservedKey(doc: Document, counter: LineCounter): { path: string; line: number | undefined } | undefined {
  let found: { path: string; line: number | undefined } | undefined;
  visit(doc, {
    Pair(_key, pair, path) {
      if (!isScalar(pair.key) || pair.key.value !== '__proto__') return undefined;
      found = { path: keyPath(path, '__proto__'), line: pair.key.range ? counter.linePos(pair.key.range[0]).line : undefined };
      return visit.BREAK;
    },
  });
  return found;
}

/** The key path of a node met in a visit (`path` as visit gives it). */
function keyPath(path: readonly unknown[], last?: string | number): string {
  const keys: (string | number)[] = [];
  for (let i = 1; i < path.length; i++) {
    const node = path[i];
    const parent = path[i - 1];
    if (isPair(node) && isScalar(node.key)) keys.push(String(node.key.value));
    else if (isSeq(parent) && isNode(node)) keys.push(parent.items.indexOf(node));
  }
  if (last !== undefined) keys.push(last);
  return joinPath(keys);
}

/**
 * The first alias (`*name`, in the text's order) with no anchor `&name` before it: the yaml
 * package refused it in toJS with a ReferenceError that read as an alias bomb. Named with
 * its key path, its line, and the anchor's line when the anchor comes after it.
 */
function firstUnresolvedAlias(doc: Document, counter: LineCounter): { path: string; line: number | undefined; message: string } | undefined {
  const anchors = new Map<string, number>();
  const aliases: { name: string; offset: number; path: string }[] = [];
  visit(doc, (key, node, path) => {
    if (isAlias(node)) {
      // an item of a list is below the list on `path`, its index the key
      aliases.push({ name: node.source, offset: node.range?.[0] ?? 0, path: keyPath(path, typeof key === 'number' && isSeq(path[path.length - 1]) ? key : undefined) });
    } else if (isNode(node) && node.anchor !== undefined && node.range) {
      const first = anchors.get(node.anchor);
      if (first === undefined || node.range[0] < first) anchors.set(node.anchor, node.range[0]);
    }
    return undefined;
  });
  aliases.sort((a, b) => a.offset - b.offset);
  for (const alias of aliases) {
    const anchor = anchors.get(alias.name);
    if (anchor !== undefined && anchor < alias.offset) continue;
    const found =
      anchor === undefined
        ? `none (an alias *name repeats the value marked &name earlier in the file); mark that value with &${alias.name}, or write the value out`
        : `it after the alias, on line ${counter.linePos(anchor).line}; YAML reads an anchor before its aliases, so move the anchored value up`;
    return { path: alias.path, line: counter.linePos(alias.offset).line, message: `expected an anchor &${alias.name} before the alias *${alias.name}, found ${found}` };
  }
  return undefined;
}

function firstAliasLine(doc: Document, counter: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) line = counter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

/**
 * What the yaml package's syntax errors most often mean in a hand-written scenario, by its
 * error code: a key indented off its siblings, a deeper line under a key that has a value,
 * a missing `:`, a tab.
 */
const YAML_HINTS: Partial<Record<string, string>> = {
  BAD_INDENT: "; check this line's indentation: the keys of one map start at the same column",
  BLOCK_AS_IMPLICIT_KEY:
    "; check the indentation of this line and the next: a line indented deeper than this line's key is read as part of it, but it already has a value (keys go under a key written with nothing after its `:`)",
  MULTILINE_IMPLICIT_KEY: '; a key needs `: ` before its value (`maxCapacity: 12`), or check the indentation of this line and the next',
  MISSING_CHAR: '; a key needs `: ` before its value (`maxCapacity: 12`), or a list item `- ` before it',
  TAB_AS_INDENT: '; indent with spaces, not tabs',
};

/**
 * The hint for a yaml package error: by its message where one code covers several mistakes
 * (an unclosed quote is a MISSING_CHAR, an unclosed `[` or `{` a BAD_INDENT, each pointing
 * where the file or the collection ends), else by its code; '' for none.
 */
function yamlHint(code: string, message: string, text: string, counter: LineCounter): string {
  const quote = /^Missing closing (["'])quote/.exec(message);
  if (quote) {
    const at = quoteOpenedAt(text, quote[1]);
    const where = at === undefined ? 'earlier in the file' : `on line ${counter.linePos(at).line}, column ${counter.linePos(at).col}`;
    return `; close the ${quote[1]} opened ${where} (a quoted value runs to its closing quote, so this one ran to the end of the file)`;
  }
  const flow = /^Flow (sequence|map) in block collection must be sufficiently indented and end with an? ([\]}])/.exec(message);
  if (flow) return `; close the ${flow[2] === ']' ? '[' : '{'} opened earlier with ${flow[2]} (a ${flow[1] === 'sequence' ? 'list' : 'map'} written inline ends on its own brackets), or indent its next lines deeper than its key`;
  return YAML_HINTS[code] ?? '';
}

/**
 * The offset of the quote that opens the last quoted scalar (`"` or `'`) of `text`, read by
 * the yaml package's lexer: the one left unclosed when the parser says the closing quote is
 * missing (it reports the end of the file). Undefined if none is found.
 */
function quoteOpenedAt(text: string, quote: string): number | undefined {
  let offset = 0;
  let at: number | undefined;
  for (const token of new Lexer().lex(text)) {
    // the lexer's marks for a document, a flow end and a scalar hold no text of the file
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if (token.startsWith(quote)) at = offset;
    offset += token.length;
  }
  return at;
}

/**
 * The first key (in the text) that repeats a key of its map, as the yaml package compares
 * them (scalars by value), with the line of the repeat and of the first; undefined if none is found.
 */
function firstRepeatedKey(doc: Document, counter: LineCounter): { key: string; line: number; column: number; firstLine: number } | undefined {
  let best: { key: string; offset: number; firstOffset: number } | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Map<unknown, number>();
      for (const pair of map.items) {
        const k = pair.key;
        if (!isScalar(k) || !k.range) continue;
        const first = seen.get(k.value);
        if (first === undefined) seen.set(k.value, k.range[0]);
        else if (best === undefined || k.range[0] < best.offset) best = { key: String(k.value), offset: k.range[0], firstOffset: first };
      }
    },
  });
  if (best === undefined) return undefined;
  const at = counter.linePos(best.offset);
  return { key: best.key, line: at.line, column: at.col, firstLine: counter.linePos(best.firstOffset).line };
}

function lineOf(doc: Document, counter: LineCounter, path: readonly (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

function resolveRaw(
  file: string,
  value: unknown,
  lineOfPath: RawScenario['lineOf'],
  options: LoadOptions & { baseDir?: string },
  sourceOf: RawScenario['sourceOf'] = () => undefined,
): ResolvedScenario {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found = Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'string' ? `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}` : describe(value);
    throw new ScenarioError(file, [{ path: '', message: `expected a scenario map at the top level (name, duration, cluster, taskDefinitions, services, ...), found ${found}` }]);
  }
  const parsed = scenarioSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issues: ScenarioIssue[] = parsed.error.issues.map((issue) => ({
      path: joinPath(issue.path as (string | number)[]),
      message: asWritten(issue, issueMessage(issue), sourceOf),
      line: lineOfPath(issue.path as (string | number)[]),
    }));
    throw new ScenarioError(file, uniqueIssues(issues));
  }
  const scenario: Scenario = parsed.data;
  if (options.seed !== undefined) scenario.seed = options.seed;
  if (options.durationMs !== undefined) {
    scenario.duration = options.durationMs;
    if (options.durationMs % scenario.metrics.period !== 0) {
      throw new ScenarioError(file, [{ path: '', message: `--duration: ${wholePeriodsMessage(options.durationMs, scenario.metrics.period)}` }]);
    }
  }
  const baseDir = options.baseDir ?? scenarioBaseDir(file);
  const result = resolveScenario(scenario, baseDir, {
    startWritten: 'start' in value,
    defaultedAlarmPeriods: defaultedAlarmPeriods(scenario, value),
    durationFromFlag: options.durationMs !== undefined,
  });
  if (result.issues.length > 0) {
    throw new ScenarioError(
      file,
      result.issues.map((i) => ({ path: joinPath(i.at), message: i.message, line: lineOfPath(i.at) })),
    );
  }
  return { ...result.scenario!, bareSeconds: bareSecondsWritten(value) };
}

/**
 * The step policies whose `alarm.period` the file does not write (the schema's 60 s default
 * fills it in), as `service/policy`: a message about the period says it is the default.
 */
function defaultedAlarmPeriods(scenario: Scenario, raw: object): Set<string> {
  const out = new Set<string>();
  const own = (o: unknown, key: string): unknown => (o !== null && typeof o === 'object' && Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined);
  for (const [name, svc] of Object.entries(scenario.services)) {
    for (const [pname, p] of Object.entries(svc.autoScaling?.policies ?? {})) {
      if (p.policyType !== 'StepScaling') continue;
      const alarm = own(own(own(own(own(raw, 'services'), name), 'autoScaling'), 'policies'), pname);
      if (own(own(alarm, 'alarm'), 'period') === undefined) out.add(`${name}/${pname}`);
    }
  }
  return out;
}

/**
 * A number too large for a double (`1e400`, `1e999`) parses to Infinity; its message
 * (issueMessage: `found Infinity (too large: ...)`) says it as written: `found 1e400 (too large: ...)`,
 * and a YAML `.inf` as `found .inf (infinity)`; a whole number rounded when parsed, as written too.
 */
function asWritten(issue: z.core.$ZodIssue, message: string, sourceOf: NonNullable<RawScenario['sourceOf']>): string {
  for (const input of [Infinity, -Infinity]) {
    const said = `found ${INFINITY_FOUND(input)}`;
    if (!message.endsWith(said)) continue;
    const written = sourceOf(issue.path as (string | number)[]);
    if (written === undefined) return message;
    return `${message.slice(0, -said.length)}found ${written}${/inf/i.test(written) ? ' (infinity)' : said.slice(`found ${input}`.length)}`;
  }
  // a whole number past 2^53 - 1 is rounded when parsed (9007199254740993 reads 9007199254740992)
  const rounded = /found (number (-?[0-9]+))$/.exec(message);
  if (rounded !== null && !Number.isSafeInteger(Number(rounded[2]))) {
    const written = sourceOf(issue.path as (string | number)[]);
    if (written !== undefined && /^[-+]?[0-9]+$/.test(written)) return `${message.slice(0, -rounded[1].length)}${written}`;
  }
  // a duration said formatted (`found 40ms`, `found 5m`) that the file wrote otherwise
  // (`0.04`, `300`): as written, the formatted value after it (`found 0.04 (40ms)`)
  const said = /found ([0-9][0-9a-z]*[a-z])$/.exec(message);
  if (said !== null && typeof parseDuration(said[1], Infinity) === 'number') {
    const written = sourceOf(issue.path as (string | number)[]);
    if (written !== undefined && written !== said[1] && sameDuration(written, said[1])) return `${message.slice(0, -said[1].length)}${written} (${said[1]})`;
  }
  return message;
}

/** Whether the scalar written as `source` is the duration `formatted`. */
function sameDuration(source: string, formatted: string): boolean {
  const value = /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)(e[-+]?[0-9]+)?$/i.test(source) ? Number(source) : source;
  // unbounded: a value refused as too long (a cooldown past AWS's Integer) is still said as written
  const ms = parseDuration(value, Infinity);
  return typeof ms === 'number' && Number.isFinite(ms) && ms === parseDuration(formatted, Infinity);
}

/** Where a // or /* comment starts on a line of JSON, outside its strings; -1 for none. */
function commentAt(line: string): number {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && (line[i + 1] === '/' || line[i + 1] === '*')) return i;
  }
  return -1;
}
