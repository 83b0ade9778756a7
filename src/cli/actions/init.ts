// What `ecsim init` does: a starter scenario copied, comments and all, from the library,
// with `name:` set to the output file's name, the header's command lines naming the output
// file (`ecsim compare scenarios/compare-quickstart.yaml` -> `ecsim compare my.yaml`), and the lesson's `expect:` lists taken out
// (they assert the lesson, not the user's service, and the name picks results/<name>/).

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, parse, parseDocument, type Pair } from 'yaml';
import { InstallationError, UsageError } from '../errors.js';
import { shellWord } from '../../output/shell-word.js';
import { makeFolders, namingUserPath, removeEmptyFolders } from '../../output/staging.js';
import { refuseFolderName } from '../out-file.js';
import { didYouMean } from '../../scenario/did-you-mean.js';
import type { InitArgs } from '../commands/init.js';

export function init(argv: InitArgs): void {
  const dir = libraryDir();
  const templates = listTemplates(dir);
  if (argv.list) {
    // the other flags did nothing with --list (it listed and wrote no file)
    const others = [argv.template === undefined ? '' : '--template', argv.out === undefined ? '' : '--out'].filter((f) => f !== '');
    if (others.length > 0) throw new UsageError(`--list: takes no other flags, found ${others.join(' and ')} (run ecsim init --list alone, then ecsim init --template NAME --out FILE)`);
    const width = Math.max(...templates.map((t) => t.name.length));
    for (const t of templates) process.stdout.write(`${t.name.padEnd(width)}  ${t.description}\n`);
    return;
  }
  const name = (argv.template ?? 'quickstart').replace(/\.ya?ml$/, '');
  const template = templates.find((t) => t.name === name);
  if (!template) {
    throw new UsageError(
      `--template: no library scenario "${name}"${didYouMean(name, templates.map((t) => t.name))}; expected one of: ${templates.map((t) => t.name).join(', ')}`,
    );
  }
  const out = argv.out ?? `${template.name}.yaml`;
  // a folder is not a file it would overwrite: say what --out names (`init --out other/`)
  if (isFolder(out)) throw new UsageError(`--out: expected the file to write the scenario to, found the folder ${out} (give a file name, e.g. --out ${shellWord(join(out, `${template.name}.yaml`))})`);
  // a name ending in "/" names a folder whether it exists or not (`init --out new/dir/`:
  // the write said only `cannot open ...: it is a folder (EISDIR)`)
  refuseFolderName(out, `${template.name}.yaml`, 'the file to write the scenario to');
  if (existsSync(out)) throw new UsageError(`--out: ${out} already exists; ecsim init never overwrites a file (choose another --out or remove it)`);
  const scenarioName = nameForFile(out);
  const starter = starterText(readFileSync(template.file, 'utf8'), scenarioName);
  const { expectLists } = starter;
  // `ecsim compare scenarios/compare-quickstart.yaml` in the header comment: the copy's own path
  const text = ownPathInComments(starter.text, template.name, out);
  // a .json file gets JSON (the scenario loader reads JSON as YAML's subset); JSON has no
  // comments, so the template's are left out
  const json = /\.json$/i.test(out);
  // missing parent folders are made, as run, trace, merge and report make them (mkdir -p),
  // and removed again, where still empty, when the file cannot be written
  let made: string[];
  try {
    made = makeFolders(dirname(resolve(out)));
  } catch (e) {
    throw namingUserPath(e, dirname(resolve(out)), out); // a file in the way (EEXIST), EACCES, EROFS...
  }
  try {
    writeFileSync(out, json ? `${JSON.stringify(parse(text), null, 2)}\n` : text, { flag: 'wx' });
  } catch (e) {
    removeEmptyFolders(made);
    const code = (e as NodeJS.ErrnoException).code;
    // EEXIST: made between the check above and the write (wx never overwrites)
    if (code === 'EEXIST') throw new UsageError(`--out: cannot write ${out}: already exists`);
    // EROFS, EACCES, ENOSPC, ENOTDIR...: one line naming the file, as every write says it (errors.ts fileSystemProblem)
    throw namingUserPath(e, out, out);
  }
  const dropped = expectLists === 0 ? '' : `; the lesson's expect: ${expectLists === 1 ? 'list was' : 'lists were'} left out, add your own requirements`;
  const format = json ? '; as JSON, without the template\'s comments (a .yaml --out keeps them)' : '';
  process.stdout.write(`wrote ${out} (from the ${template.name} template, named ${scenarioName}, results in results/${scenarioName}/${dropped}${format}): edit it, then run: ecsim run ${shellWord(out)}\n`);
}

/**
 * The text with every `scenarios/<template>.yaml` in a comment line (the command lines of a
 * template's header: `#   ecsim compare scenarios/compare-quickstart.yaml --replications 10`)
 * replaced by the copy's path, as one shell word; everything else byte for byte.
 */
export function ownPathInComments(text: string, template: string, out: string): string {
  const own = new RegExp(`(^|[\\s'"=])(?:\\./)?scenarios/${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.yaml(?![A-Za-z0-9_.-])`, 'g');
  return text
    .split('\n')
    .map((line) => (/^\s*#/.test(line) ? line.replace(own, (_, before: string) => `${before}${shellWord(out)}`) : line))
    .join('\n');
}

/** The scenario name for an output file: its base name without the extension, in the characters a name may use. */
export function nameForFile(file: string): string {
  const stem = basename(file).replace(/\.(ya?ml|json)$/i, '');
  const name = stem.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '');
  return name === '' || /^\.+$/.test(name) ? 'my-scenario' : name;
}

/**
 * The template's text with the top-level `name:` value replaced and every `expect:` list
 * (top level and in variants) removed with the comment lines just above it; everything
 * else is kept byte for byte. Returns how many expect: lists were removed.
 */
export function starterText(template: string, name: string): { text: string; expectLists: number } {
  const doc = parseDocument(template);
  const cuts: [number, number][] = [];
  let nameRange: [number, number] | null = null;
  const expectPair = (pair: Pair) => {
    const key = pair.key as { range?: [number, number, number] } | null;
    const value = pair.value as { range?: [number, number, number] } | null;
    if (!key?.range || !value?.range) return;
    let from = lineStart(template, commentsAbove(template, lineStart(template, key.range[0])));
    let to = lineEnd(template, value.range[1]);
    // a list set off by blank lines leaves one blank line, not two (none at the end)
    if (from >= 2 && template.slice(from - 2, from) === '\n\n') {
      if (to >= template.length) from -= 1;
      else if (template[to] === '\n') to += 1;
    }
    cuts.push([from, to]);
  };
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (key === 'name' && isScalar(pair.value) && pair.value.range) nameRange = [pair.value.range[0], pair.value.range[1]];
      if (key === 'expect') expectPair(pair);
      if (key === 'variants' && isMap(pair.value)) {
        for (const variant of pair.value.items) {
          if (!isMap(variant.value)) continue;
          for (const p of variant.value.items) if (isScalar(p.key) && p.key.value === 'expect') expectPair(p);
        }
      }
    }
  }
  const quoted = parse(name) === name ? name : JSON.stringify(name);
  const edits: { from: number; to: number; text: string }[] = cuts.map(([from, to]) => ({ from, to, text: '' }));
  if (nameRange) edits.push({ from: nameRange[0], to: nameRange[1], text: quoted });
  let text = template;
  for (const e of edits.sort((a, b) => b.from - a.from)) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  if (!nameRange) text = `name: ${quoted}\n${text}`;
  return { text, expectLists: cuts.length };
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** The end of the line holding offset `at` (after its newline), so that whole lines are cut. */
function lineEnd(text: string, at: number): number {
  const end = at > 0 && text[at - 1] === '\n' ? at : text.indexOf('\n', at) + 1;
  return end === 0 ? text.length : end;
}

/** The start of the run of comment lines just above the line that starts at `start`. */
function commentsAbove(text: string, start: number): number {
  let from = start;
  while (from > 0) {
    const prev = lineStart(text, from - 1);
    if (!/^\s*#/.test(text.slice(prev, from - 1))) break;
    from = prev;
  }
  return from;
}

interface Template {
  name: string;
  description: string;
  file: string;
}

/** The library's scenarios, by name, with their one-line descriptions. */
function listTemplates(dir: string): Template[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      let description = '';
      try {
        const doc = parse(readFileSync(file, 'utf8')) as { description?: unknown };
        if (typeof doc?.description === 'string') description = doc.description;
      } catch {
        description = '(not valid YAML)';
      }
      return { name: f.replace(/\.yaml$/, ''), description, file };
    });
}

/** scenarios/ of the installed package: the first ancestor of this file that has it. */
function libraryDir(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'scenarios');
    if (existsSync(join(candidate, 'quickstart.yaml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new InstallationError(missingLibrary(start));
    dir = parent;
  }
}

/**
 * `the scenario library that init copies from is not installed: no scenarios/quickstart.yaml in
 * /app/dist/ecsim or a folder above it; copy the package's scenarios/ folder beside dist/ (to /app/scenarios)`.
 */
function missingLibrary(start: string): string {
  const bundle = basename(start) === 'ecsim' && basename(dirname(start)) === 'dist';
  const to = bundle ? ` (to ${join(dirname(dirname(start)), 'scenarios')})` : '';
  return `the scenario library that init copies from is not installed: no scenarios/quickstart.yaml in ${start} or a folder above it; copy the package's scenarios/ folder beside dist/${to}`;
}

/** Whether `path` is a folder (through a link); false when nothing is there or it cannot be looked at. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
