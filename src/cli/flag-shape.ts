// Mistakes yargs lets through, checked for every command: a flag that takes a value given
// without one (`--seed` at the end was silently dropped, `--out` became ""), a flag given
// twice (yargs makes a list of it, which later failed as an internal error) or with its
// negation (yargs kept the last), a number flag with a word; and yargs' own messages in
// ours (a misspelt flag gets a "did you mean").
// Loaded at start-up: imports nothing but yargs' types and the small "did you mean" helper.

import { closest } from '../scenario/did-you-mean.js';
import type { Argv } from 'yargs';
import { UsageError } from './errors.js';

/** The positional names in a command string: `run <scenario>`, `merge <inputs..>`. */
function positionals(command: string): Set<string> {
  return new Set([...command.matchAll(/[<[]([A-Za-z-]+)(?:\.\.)?[>\]]/g)].map((m) => m[1]));
}

/**
 * `--` ends the options, as in other Unix tools: the words after it are names, even when they
 * start with a dash (`ecsim run -- -x.yaml`). yargs does not fill a command's `<scenario>`
 * from words after `--` (it said "missing <scenario>"), so they are given to it as names
 * that cannot be read as flags: `./-x.yaml`, the same file. Every positional of ours is a
 * path.
 */
export function endOfOptions(args: readonly string[]): string[] {
  const end = args.indexOf('--');
  if (end < 0) return [...args];
  return [...args.slice(0, end), ...args.slice(end + 1).map((a) => (a.startsWith('-') ? `./${a}` : a))];
}

/** The command with every string or number flag requiring a value after it. */
export function withValueFlags<C extends { command: string; builder: (y: Argv) => Argv }>(cmd: C): C {
  const skip = positionals(cmd.command);
  return {
    ...cmd,
    builder: (y: Argv) => {
      const built = cmd.builder(y);
      // (getOptions is yargs' own, missing from its typings)
      const o = (built as unknown as { getOptions(): { string: string[]; number: string[] } }).getOptions();
      return built.requiresArg([...o.string, ...o.number].filter((k) => !skip.has(k)));
    },
  };
}

/** What an option of a command takes: nothing (boolean), one value, or one or more (array). */
export type OptionKind = 'boolean' | 'value' | 'array';

/**
 * The options of a command as its builder declares them, each name and one-letter alias
 * with what it takes; the positionals (`<scenario>`) are not options.
 */
export function optionKinds(cmd: { command: string; builder: (y: Argv) => Argv }, bare: Argv): Map<string, OptionKind> {
  const skip = positionals(cmd.command);
  // (getOptions is yargs' own, missing from its typings)
  const o = (cmd.builder(bare) as unknown as { getOptions(): { key: Record<string, unknown>; alias: Record<string, string[]>; boolean: string[]; array: string[] } }).getOptions();
  const out = new Map<string, OptionKind>();
  for (const k of Object.keys(o.key)) {
    if (skip.has(k)) continue;
    const kind: OptionKind = o.boolean.includes(k) ? 'boolean' : o.array.includes(k) ? 'array' : 'value';
    for (const name of [k, ...(o.alias[k] ?? [])]) out.set(name, kind);
  }
  return out;
}

/**
 * Whether `words` are options of the command and their values only, in an order it takes:
 * each dash-word a known option (`--quiet`, `--no-quiet`, `-o`, `--out=d`), one value after
 * an option that takes one (none after `=`), one or more after an array option, no word
 * left over (a left-over word would be one file name too many).
 */
function optionsOnly(words: readonly string[], options: ReadonlyMap<string, OptionKind>): boolean {
  for (let i = 0; i < words.length; i++) {
    const m = /^(--?)([^=]+)(=.*)?$/s.exec(words[i]);
    if (!m || (m[1] === '-' && m[2].length > 1)) return false;
    const name = m[2];
    const kind = options.get(name) ?? (name.startsWith('no-') && options.get(name.slice(3)) === 'boolean' ? 'boolean' : undefined);
    if (kind === undefined) return false;
    if (kind === 'boolean' || m[3] !== undefined) continue;
    if (i + 1 >= words.length || words[i + 1].startsWith('-')) return false;
    i++;
    if (kind === 'array') while (i + 1 < words.length && !words[i + 1].startsWith('-')) i++;
  }
  return true;
}

/**
 * When the unexpected words after "--" are options of the command (`run -- -x.yaml --out d`):
 * "--" ends the options, so they were taken for file names; the hint moves them before "--"
 * (`ecsim run --out d -- -x.yaml`). Only when every moved word is a known option or its value
 * and what is left after "--" is what the command takes (`options`, the command's:
 * optionKinds); '' otherwise (an unknown flag, a file name among them: the usual message).
 */
function afterEndHint(typedArgs: readonly string[], extra: readonly string[], options: ReadonlyMap<string, OptionKind> | undefined): string {
  const end = typedArgs.indexOf('--');
  if (end < 0 || options === undefined) return '';
  const after = typedArgs.slice(end + 1);
  const moved = after.filter((a) => extra.includes(a));
  if (!moved.some((a) => a.startsWith('-')) || !optionsOnly(moved, options)) return '';
  const kept = after.filter((a) => !extra.includes(a));
  const line = [...typedArgs.slice(0, end), ...moved, ...(kept.length > 0 ? ['--', ...kept] : [])].join(' ');
  return `: options go before "--", which ends them (every word after it is a file name): ecsim ${line}`;
}

/**
 * yargs' words for a usage mistake, in ours. `args` are the command-line words;
 * `commands` the command strings (`run <scenario>`), to name what is missing; `typedArgs`
 * the words as typed, before endOfOptions.
 */
export function usageMessage(
  msg: string,
  args: readonly string[],
  commands: readonly string[],
  flags: readonly string[] = [],
  typedArgs: readonly string[] = args,
  options?: ReadonlyMap<string, OptionKind>,
): string {
  const word = args.find((a) => !a.startsWith('-'));
  let m = /^Unknown arguments?: (.+)$/.exec(msg);
  if (m) {
    const known = flags.filter((f) => f.length > 1 && !/[A-Z]/.test(f) && f !== '$0' && f !== '_');
    const names = m[1].split(', ');
    // a word given without a dash is an extra argument, not a flag
    const extra = names.filter((u) => args.includes(u));
    // a word after "--" as typed, not as endOfOptions gave it to yargs: --seed, not ./--seed
    const end = typedArgs.indexOf('--');
    const typed = (u: string) => (end >= 0 && u.startsWith('./-') && typedArgs.indexOf(u.slice(2), end + 1) > end ? u.slice(2) : u);
    if (extra.length > 0) return `unexpected ${extra.length === 1 ? 'argument' : 'arguments'} ${extra.map((u) => `"${typed(u)}"`).join(', ')}${afterEndHint(typedArgs, extra.map(typed), options)}${word ? ` (see ecsim ${word} --help)` : ''}`;
    const unknown = names.map((u) => {
      // as typed: -q, --no-seed
      const typed = args.find((a) => new RegExp(`^--?(no-)?${u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(=|$)`).test(a))?.split('=')[0] ?? `--${u}`;
      return unknownFlag(typed, u, known);
    });
    return `unknown ${unknown.length === 1 ? 'flag' : 'flags'} ${unknown.join(', ')}${word ? ` (see ecsim ${word} --help)` : ''}`;
  }
  if (/^Not enough non-option arguments/.test(msg)) {
    // an unknown flag took the scenario as its value (`run -q s.yaml`, `run --qiet s.yaml`), or
    // a file name starting with "-" read as flags (`run -x.yaml`): say that, not "missing"
    const known = flags.filter((f) => f !== '$0' && f !== '_');
    const end = args.indexOf('--');
    const unknown = (end < 0 ? args : args.slice(0, end))
      .filter((a) => /^--?[^-]/.test(a))
      .map((a): [string, string] => [a.split('=')[0], a.split('=')[0].replace(/^--?(no-)?/, '')])
      .filter(([, name]) => !known.includes(name) && !(name.length === 1 && ['h', 'v'].includes(name)));
    if (unknown.length > 0) {
      const named = unknown.map(([typed, name]) =>
        /[./]/.test(name) ? `${typed} (a file whose name starts with "-" goes after --, or as ./${typed}: ecsim ${word} -- ${typed})` : unknownFlag(typed, name, known.filter((f) => f.length > 1 && !/[A-Z]/.test(f))),
      );
      return `unknown ${named.length === 1 ? 'flag' : 'flags'} ${named.join(', ')}${word ? ` (see ecsim ${word} --help)` : ''}`;
    }
  }
  m = /^Not enough arguments following: (\S+)$/.exec(msg);
  if (m) return `--${m[1]}: expected a value after the flag (a value starting with "-" goes as --${m[1]}=VALUE)`;
  m = /^Did you mean (\S+)\?$/.exec(msg);
  if (m) return `unknown command "${word}"; did you mean ${m[1]}? (see ecsim --help)`;
  if (/^Not enough non-option arguments/.test(msg)) {
    const command = commands.find((c) => c.split(' ')[0] === word);
    if (command) return `${word}: missing ${command.split(' ').slice(1).filter((p) => p.startsWith('<')).join(' ')} (see ecsim ${word} --help)`;
  }
  return msg;
}

/** The flags ecsim takes before (or without) a command, and their one-letter aliases. */
export const TOP_LEVEL_FLAGS = ['help', 'version', 'h', 'v'] as const;

/**
 * A flag before the command (or with none) that neither ecsim nor any command takes:
 * `ecsim --verison`, or `ecsim --hlep run`, where yargs took the command as the flag's value
 * and said "name a command". A command's own flag before the command (`--seed 3 run s.yaml`)
 * is fine. `commandFlags` (every command's flags) is asked only when a flag comes first.
 * Undefined when there is none such.
 */
export function unknownLeadingFlag(args: readonly string[], commands: readonly string[], commandFlags: () => ReadonlySet<string>): string | undefined {
  const names = commands.map((c) => c.split(' ')[0]);
  const first = args.findIndex((a) => a === '--' || names.includes(a));
  const leading = (first < 0 ? args : args.slice(0, first)).filter((a) => /^--?[^-]/.test(a));
  if (leading.length === 0) return undefined;
  const known: readonly string[] = TOP_LEVEL_FLAGS;
  const ofCommands = commandFlags();
  const unknown = leading
    .map((a): [string, string] => [a.split('=')[0], a.split('=')[0].replace(/^--?(no-)?/, '')])
    .filter(([, name]) => !known.includes(name) && !ofCommands.has(name));
  if (unknown.length === 0) return undefined;
  // a did-you-mean among the flags that go without a command (--help, --version)
  const named = unknown.map(([typed, name]) => unknownFlag(typed, name, known.filter((f) => f.length > 1)));
  return `unknown ${named.length === 1 ? 'flag' : 'flags'} ${named.join(', ')} (see ecsim --help)`;
}

/** `-q (did you mean --quiet?)`: a flag the name begins (--dur: --duration) first, the shortest of several; else the closest by spelling. */
function unknownFlag(typed: string, name: string, known: readonly string[]): string {
  const prefixed = known.filter((k) => k.startsWith(name.toLowerCase())).sort((x, y) => x.length - y.length);
  const near = prefixed[0] ?? closest(name, known);
  return `${typed}${near === undefined ? '' : ` (did you mean --${near}?)`}`;
}

/**
 * A first word that names no command (`ecsim xyzzy s.yaml`, `ecsim xyzzy --help`): yargs
 * called it an unexpected argument, or printed the top-level help. `commands`: the command
 * strings (`run <scenario>`). Undefined when the first word is a command or a flag.
 */
export function unknownCommand(args: readonly string[], commands: readonly string[]): string | undefined {
  const first = args[0];
  // `ecsim -- --version` (once advised for npx): every word after `--` is a file name, never a command
  if (first === '--') {
    const rest = args.slice(1).join(' ');
    return `"--" ends the options, so it goes after a command and before file names that start with a dash (ecsim run -- -x.yaml); it comes first here: write ecsim ${rest === '' ? '<command>' : rest} (see ecsim --help)`;
  }
  if (first === undefined || first.startsWith('-')) return undefined;
  const names = commands.map((c) => c.split(' ')[0]);
  if (names.includes(first)) return undefined;
  const near = closest(first, names);
  return `unknown command ${JSON.stringify(first)}${near === undefined ? '' : `; did you mean ${near}?`} (see ecsim --help)`;
}

/** Middleware: a flag given more than once (yargs makes it a list) is a usage error. */
export function rejectRepeatedFlags(listPositionals: readonly string[]) {
  const lists = new Set(listPositionals);
  return (argv: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(argv)) {
      if (key === '_' || key === '$0' || lists.has(key) || !Array.isArray(value)) continue;
      const flag = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      throw new UsageError(`--${flag}: given ${value.length} times, expected once`);
    }
  };
}

/** Middleware: a flag given with its negation (`--runs --no-runs`; yargs kept the last) is a usage error. */
export function rejectNegatedTwice(args: readonly string[]) {
  return (): void => {
    const seen = new Map<string, string>();
    for (const a of args) {
      if (a === '--') break;
      const m = /^--([^=]+)/.exec(a);
      if (!m) continue;
      const name = m[1].startsWith('no-') ? m[1].slice(3) : m[1];
      const before = seen.get(name);
      if (before !== undefined && before !== m[1]) throw new UsageError(`--${name}: given both --${name} and --no-${name}, expected one`);
      seen.set(name, m[1]);
    }
  };
}

/**
 * Middleware: a flag written twice, whatever yargs made of it. yargs lists most repeats
 * (rejectRepeatedFlags), but a number flag repeated with 1 was ADDED (`--seed 5 --seed 1`
 * ran seed 6, `--replications 2 --replications 1` ran 3) and a boolean repeated was kept.
 * Runs after rejectNegatedTwice (its message names both forms). `args`: the command-line
 * words; only long flags count (`--name` or `--name=value`, up to a bare `--`).
 */
export function rejectRepeatedWords(args: readonly string[]) {
  return (): void => {
    const count = new Map<string, number>();
    for (const a of args) {
      if (a === '--') break;
      const m = /^--(?:no-)?([^=]+)/.exec(a);
      if (m) count.set(m[1], (count.get(m[1]) ?? 0) + 1);
    }
    for (const [name, n] of count) if (n > 1) throw new UsageError(`--${name}: given ${n} times, expected once`);
  };
}

/**
 * Middleware: a boolean flag given a value other than true/false (`--quiet=x`, `--list=yes`:
 * yargs made them false, silently). `args`: the command-line words.
 */
export function rejectBooleanValues(args: readonly string[]) {
  return (argv: Record<string, unknown>): void => {
    for (const a of args) {
      if (a === '--') break;
      const m = /^--([^=]+)=(.*)$/s.exec(a);
      if (!m || typeof argv[m[1]] !== 'boolean' || /^(true|false)$/.test(m[2])) continue;
      throw new UsageError(`--${m[1]}: takes no value (or true/false), found "${m[2]}"`);
    }
  };
}

/**
 * Middleware: a number flag whose value is not a number (yargs makes it NaN, which later
 * read "found NaN") names what was typed; one given an empty or blank value (yargs makes
 * `--seed ""`, `--seed=` and `--seed " "` the number 0, which ran seed 0) is refused too.
 * `args` are the command-line words.
 */
export function rejectNonNumbers(args: readonly string[]) {
  return (argv: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(argv)) {
      if (typeof value !== 'number' || /[A-Z]/.test(key)) continue;
      const at = args.findIndex((a) => a === `--${key}` || a.startsWith(`--${key}=`));
      if (at < 0) {
        if (Number.isNaN(value)) throw new UsageError(`--${key}: expected a number, found "${value}"`);
        continue;
      }
      const typed = args[at].includes('=') ? args[at].slice(args[at].indexOf('=') + 1) : (args[at + 1] ?? '');
      if (typed.trim() === '') throw new UsageError(`--${key}: expected a number, found an empty value`);
      if (Number.isNaN(value)) throw new UsageError(`--${key}: expected a number, found "${typed}"`);
      // yargs reads "0x10" as 16, " 5" as 5, "1e3" as 1000: a seed is written in decimal digits only
      if (key === 'seed' && !/^[0-9]+$/.test(typed)) {
        throw new UsageError(`--seed: expected a whole number in decimal digits, from 0 to ${Number.MAX_SAFE_INTEGER}, found "${typed}"`);
      }
      // above 2^53 - 1 yargs' number is rounded (9007199254740993 read 9007199254740992): say what was typed
      if (key === 'seed' && BigInt(typed) > BigInt(Number.MAX_SAFE_INTEGER)) {
        throw new UsageError(`--seed: expected at most ${Number.MAX_SAFE_INTEGER} (larger numbers are not distinct seeds), found ${typed}`);
      }
    }
  };
}

/**
 * Middleware: a flag given as "" (`sweep --out ""` wrote sweep.csv and runs/ into the
 * current folder) is a usage error, and so is `--out -` (a file named "-"). `args` are the command-line words: positionals are
 * left to the commands.
 */
export function rejectEmptyStrings(args: readonly string[]) {
  return (argv: Record<string, unknown>, y?: unknown): void => {
    const declared = declaredFlags(y);
    for (const [key, value] of Object.entries(argv)) {
      // `--out -` wrote a file or folder named "-" where stdout was meant
      if (key === 'out' && value === '-') throw new UsageError('--out: expected a path, found "-" (standard output is /dev/stdout, where the command can write to it: trace, merge, report)');
      if (value !== '' || /[A-Z]/.test(key)) continue;
      if (!args.some((a) => a === `--${key}` || a.startsWith(`--${key}=`))) continue;
      // a flag the command does not have is yargs' "unknown flag" (strict), not an empty value
      if (declared !== undefined && !declared.has(key)) continue;
      throw new UsageError(`--${key}: expected a value, found an empty string`);
    }
  };
}

/** The flags (and aliases) the command being parsed declares; undefined when yargs does not say. */
function declaredFlags(y: unknown): Set<string> | undefined {
  // (getOptions is yargs' own, missing from its typings)
  const o = (y as { getOptions?: () => { key?: Record<string, unknown>; alias?: Record<string, string[]> } } | undefined)?.getOptions?.();
  if (o?.key === undefined) return undefined;
  const names = new Set(Object.keys(o.key));
  for (const [k, aliases] of Object.entries(o.alias ?? {})) {
    names.add(k);
    for (const a of aliases) names.add(a);
  }
  return names;
}

/** What each command's positional names, in "expected ..." messages, and why "-" is not it. */
const POSITIONAL_WORDS: Record<string, { what: (command: string) => string; dash: (command: string) => string }> = {
  scenario: {
    what: () => 'a scenario file',
    dash: (command) => `standard input is read as /dev/stdin, not "-": cat s.yaml | ecsim ${command} /dev/stdin`,
  },
  results: {
    what: () => 'a results folder (written by ecsim run)',
    dash: (command) => `${command} reads a folder, not standard input`,
  },
  'results-dir': {
    what: () => 'a results folder (written by ecsim run, compare or sweep)',
    dash: (command) => `${command} reads a folder, not standard input`,
  },
  inputs: {
    what: () => 'folders holding shard files, or shard files',
    dash: (command) => `${command} reads files, not standard input`,
  },
};

/**
 * Middleware: a positional given as "-" or "" (yargs gives "-" as "", or drops it from a
 * list: `merge a - b` merged a and b) is a usage error naming what was typed: "-" is not
 * standard input here, and "" names nothing. A "-" after a flag that takes a value is that
 * flag's value, not a positional. `args` are the command-line words; `commands` the command
 * strings (`run <scenario>`).
 */
export function rejectDashPositionals(args: readonly string[], commands: readonly string[]) {
  return (argv: Record<string, unknown>, y?: unknown): void => {
    const word = String((argv._ as unknown[] | undefined)?.[0] ?? '');
    const command = commands.find((c) => c.split(' ')[0] === word);
    if (command === undefined) return;
    const names = [...positionals(command)];
    if (names.length === 0) return;
    const o = (y as { getOptions?: () => { string?: string[]; number?: string[] } } | undefined)?.getOptions?.();
    const valued = new Set([...(o?.string ?? []), ...(o?.number ?? [])].filter((k) => !names.includes(k)));
    const end = args.indexOf('--');
    const words = end < 0 ? args : args.slice(0, end);
    const dash = words.some((a, i) => {
      if (a !== '-') return false;
      const flag = /^--?([^=]+)$/.exec(words[i - 1] ?? '');
      return !(flag && valued.has(flag[1]));
    });
    const empty = names.find((n) => argv[n] === '' || (Array.isArray(argv[n]) && (argv[n] as unknown[]).includes('')));
    if (!dash && empty === undefined) return;
    const name = empty ?? names[0];
    const words_ = POSITIONAL_WORDS[name] ?? { what: () => `<${name}>`, dash: () => '"-" is not standard input here' };
    throw new UsageError(
      dash ? `expected ${words_.what(word)}, found "-" (${words_.dash(word)})` : `expected ${words_.what(word)}, found an empty name`,
    );
  };
}
