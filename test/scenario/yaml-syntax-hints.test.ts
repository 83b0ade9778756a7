// A YAML syntax error a hand-written scenario often has gets the yaml package's words, the
// line and column, and what it most often means: a key indented off its siblings, a deeper
// line under a key that has a value, a missing `:`, a tab.

import { describe, it, expect } from 'vitest';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';
import { tempDir } from '../helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = tempDir();
const message = (text: string) => {
  const file = join(dir, 's.yaml');
  writeFileSync(file, text);
  try {
    loadScenarioFile(file);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.slice(file.length);
    throw e;
  }
  return 'no error';
};

describe("YAML syntax errors: file:line:column, what was found, the yaml package's words and a hint", () => {
  it('a key indented off its siblings', () => {
    expect(message('name: a\nseed: 1\ncluster:\n  availabilityZones: [a]\n   capacityProviders: {}\n')).toBe(
      `:5:1: expected valid YAML/JSON, found "   capacityProviders: {}" (All mapping items must start at the same column); check this line's indentation: the keys of one map start at the same column`,
    );
  });

  it('a deeper line under a key that has a value', () => {
    expect(message('name: a\nautoScaling:\n  minCapacity: 3\n  maxCapacity: 12\n    policies: {}\n')).toMatch(
      /^:4:\d+: expected valid YAML\/JSON, found "12" \(Nested mappings are not allowed in compact mappings\); check the indentation of this line and the next: a line indented deeper than this line's key is read as part of it, but it already has a value \(keys go under a key written with nothing after its `:`\) \(1 more YAML error follows from here\)$/,
    );
  });

  it('a missing colon', () => {
    expect(message('name: a\nseed: 1\nduration 1h\nstart: 2026-01-01T00:00:00Z\n')).toBe(
      ':3:1: expected valid YAML/JSON, found "duration 1h" (Implicit keys need to be on a single line); a key needs `: ` before its value (`maxCapacity: 12`), or check the indentation of this line and the next',
    );
    // inside a map: the yaml package says it differently, with the same advice
    expect(message('name: a\ncluster:\n  availabilityZones: [a]\n  capacityProviders 12\n  x: 1\n')).toMatch(/; a key needs `: ` before its value \(`maxCapacity: 12`\)/);
  });

  it('a tab', () => {
    expect(message('name: a\ncluster:\n\tavailabilityZones: [a]\n')).toMatch(/^:3:1: expected valid YAML\/JSON, found "\\tavailabilityZones: \[a\]" \(Tabs are not allowed as indentation\); indent with spaces, not tabs$/);
  });

  it('one line, no stack trace: what the text holds there, or the end of the file', () => {
    const said = message('name: a\nseed: [1, 2\n');
    expect(said.split('\n')).toHaveLength(1);
    expect(said).not.toMatch(/\bat .*\.(js|ts):\d+/);
    expect(said).toMatch(/^:3:1: expected valid YAML\/JSON, found the end of the file \(/);
    // a long line is cut to 30 characters
    expect(message('name: a\nduration 1h and then a great deal more text here\n')).toMatch(/found "duration 1h and then a great d\.\.\." \(/);
    // cut by code points: an emoji on the cut stays whole (not "\ud83d..."), and counts as one
    const cut = message('name: a\nduration 1h and then a great \u{1F600}\u{1F600} more text\n');
    expect(cut).toContain('found "duration 1h and then a great \u{1F600}..." (');
    expect(cut).not.toMatch(/\\ud83d/);
  });

  it('an unclosed quote or bracket: told to close it, not a key hint', () => {
    expect(message('name: "abc\nduration: 1h\n')).toBe(':3:1: expected valid YAML/JSON, found the end of the file (Missing closing "quote); close the " opened on line 1, column 7 (a quoted value runs to its closing quote, so this one ran to the end of the file)');
    // the unclosed one, after closed ones of both kinds; a ' in a flow list
    expect(message('a: "ok"\nb: \'x\'\nname: "abc\nduration: 1h\n# c\n')).toMatch(/; close the " opened on line 3, column 7 \(/);
    expect(message('name: a\nx: [\'abc, d]\nseed: 1\n')).toMatch(/^:4:1: expected valid YAML\/JSON, found the end of the file \(Missing closing 'quote\); close the ' opened on line 2, column 5 \(/);
    expect(message('name: a\ncluster:\n  availabilityZones: [us-east-1a, us-east-1b\n  capacityProviders: {}\n')).toMatch(/; close the \[ opened earlier with \] \(a list written inline ends on its own brackets\), or indent its next lines deeper than its key$/);
    expect(message('name: a\nseed: {x: 1\nduration: 1h\n')).toMatch(/; close the \{ opened earlier with \} \(a map written inline/);
  });
});
