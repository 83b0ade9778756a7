// A file that is no scenario map says what it is; YAML that JSON cannot hold, or that would
// overflow the stack, is refused in ecsim's words (was: "Maximum call stack size exceeded",
// an unknown tag read as its untagged value, a Node warning "Keys with collection values
// will be stringified").

import { describe, it, expect } from 'vitest';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';
import { loadScenarioFile, loadScenarioText, ScenarioError } from '../../src/scenario/index.js';

const QUICKSTART = readFileSync('scenarios/quickstart.yaml', 'utf8');
const TOP = 'expected a scenario map at the top level (name, duration, cluster, taskDefinitions, services, ...), found';

function message(text: string): string {
  try {
    loadScenarioText('s.yaml', text);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  return 'accepted';
}

describe('what the top level is', () => {
  it.each([
    ['', 'an empty file'],
    ['  \n\n', 'an empty file'],
    ['# only a comment\n', 'a file with no value (only comments, or a bare ---)'],
    ['- a\n- b\n', 'a list'],
    ['hello\n', 'the text "hello"'],
    ['~\n', 'null'],
    ['42\n', 'number 42'],
  ])('%j: says what it found', (text, found) => {
    expect(message(text)).toBe(`s.yaml: ${TOP} ${found}`);
  });
});

describe('YAML that ecsim does not read', () => {
  it('nesting deeper than 64 levels, with its line (2 500 levels overflowed the stack)', () => {
    for (const depth of [65, 3000]) {
      const text = QUICKSTART.replace(/^description: .*$/m, `description: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`);
      const line = text.split('\n').findIndex((l) => l.startsWith('description:')) + 1;
      expect(message(text)).toBe(`s.yaml:${line}: expected at most 64 levels of nested maps and lists (a scenario needs about 10), found deeper; is it the right file?`);
    }
    // 60 levels under description: read (then refused by the schema as no string)
    const ok = QUICKSTART.replace(/^description: .*$/m, `description: ${'{a: '.repeat(60)}1${'}'.repeat(60)}`);
    expect(message(ok)).toMatch(/description: expected a string, found a map/);
  });

  it('an unknown tag, and tags beyond the core ones, with their line', () => {
    const withSeed = (seed: string) => QUICKSTART.replace(/^seed: 1$/m, `seed: ${seed}`);
    const line = QUICKSTART.split('\n').findIndex((l) => l === 'seed: 1') + 1;
    expect(message(withSeed('!custom 1'))).toBe(`s.yaml:${line}: expected a plain value (text, a number, true/false, null, a list or a map: the values ecsim reads), found the YAML tag !custom; remove the tag`);
    expect(message(withSeed('!!set {a, b}'))).toMatch(/^s\.yaml:\d+: expected a plain value .*, found the YAML tag !!set; /);
    // core tags are plain values
    expect(message(withSeed('!!int 1'))).toBe('accepted');
  });

  it('an alias with no anchor before it is named, with its key path and line (was: "its aliases expand to too many values", the alias bomb message)', () => {
    const line = QUICKSTART.split('\n').findIndex((l) => l === 'seed: 1') + 1;
    expect(message(QUICKSTART.replace(/^seed: 1$/m, 'seed: *nope'))).toBe(
      `s.yaml:${line}: seed: expected an anchor &nope before the alias *nope, found none (an alias *name repeats the value marked &name earlier in the file); mark that value with &nope, or write the value out`,
    );
    // the anchor after its alias: said so, with the anchor's line
    const late = QUICKSTART.replace(/^seed: 1$/m, 'seed: *one\nx-one: &one 1');
    const lateLine = late.split('\n').indexOf('x-one: &one 1') + 1;
    expect(lateLine).toBeGreaterThan(line);
    expect(message(late)).toBe(
      `s.yaml:${line}: seed: expected an anchor &one before the alias *one, found it after the alias, on line ${lateLine}; YAML reads an anchor before its aliases, so move the anchored value up`,
    );
    // in a list: the item's index
    expect(message(QUICKSTART.replace(/^seed: 1$/m, 'seed: 1\nx-list: [1, *y]'))).toMatch(/^s\.yaml:\d+: x-list\[1\]: expected an anchor &y before the alias \*y, found none /);
    // the anchor before: read
    expect(message(QUICKSTART.replace(/^seed: 1$/m, 'x-one: &one 1\nseed: *one'))).not.toMatch(/alias/);
  });

  it('a map key that is a list is refused without a Node warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const text = QUICKSTART.replace(/^seed: 1$/m, 'seed: 1\n? [a, b]\n: 1');
      const line = text.split('\n').indexOf('? [a, b]') + 1;
      expect(message(text)).toBe(`s.yaml:${line}: expected a map key that is text, found a list (["a","b"]); keys are names: write the key as text`);
      await new Promise((resolve) => setImmediate(resolve)); // (process warnings are emitted on the next tick)
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });
});

describe('a scenario file that cannot be read', () => {
  const said = (file: string) => {
    try {
      loadScenarioFile(file);
    } catch (e) {
      if (e instanceof ScenarioError) return e.message;
      throw e;
    }
    return 'read';
  };

  it('missing: expected / found, with a did-you-mean from the files beside it; a folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'quickstart.yaml'), QUICKSTART);
    expect(said(join(dir, 'quikstart.yaml'))).toBe(`${join(dir, 'quikstart.yaml')}: expected a scenario file, found no file of that name (did you mean "${join(dir, 'quickstart.yaml')}"?)`);
    expect(said(join(dir, 'other.yaml'))).toBe(`${join(dir, 'other.yaml')}: expected a scenario file, found no file of that name`);
    expect(said(dir)).toBe(`${dir}: expected a scenario file, found a folder`);
  });

  it('a file on the way, a link loop, a dangling link: said as such, not "cannot be read (ENOTDIR)" or "no file of that name"', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q.yaml'), QUICKSTART);
    const through = join(dir, 'q.yaml', 's.yaml');
    expect(said(through)).toBe(`${through}: expected a scenario file, found no file of that name (${join(dir, 'q.yaml')} is a file, not a folder)`);
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    expect(said(join(dir, 'loop.yaml'))).toBe(`${join(dir, 'loop.yaml')}: expected a scenario file, found a link loop`);
    symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
    expect(said(join(dir, 'dangling.yaml'))).toBe(`${join(dir, 'dangling.yaml')}: expected a scenario file, found a link to a missing file (it points to nowhere.yaml)`);
  });

  it('did-you-mean: a link to a scenario counts as a file; the name with .yaml/.yml/.json added is the one meant, alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.txt'), QUICKSTART);
    symlinkSync('real.txt', join(dir, 'quickstart.yaml'));
    expect(said(join(dir, 'quikstart.yaml'))).toBe(`${join(dir, 'quikstart.yaml')}: expected a scenario file, found no file of that name (did you mean "${join(dir, 'quickstart.yaml')}"?)`);
    writeFileSync(join(dir, 'compare-quickstart.yaml'), QUICKSTART);
    expect(said(join(dir, 'quickstart'))).toBe(`${join(dir, 'quickstart')}: expected a scenario file, found no file of that name (did you mean "${join(dir, 'quickstart.yaml')}"?)`);
  });
});
