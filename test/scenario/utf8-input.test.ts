// A scenario file (or a CSV trace) that is not UTF-8 is refused, naming the line and the
// byte: it was decoded with U+FFFD in place of the bytes and went on with text that was not
// the file's (a Latin-1 "é" in a name). A UTF-8 byte order mark is still accepted.

import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioFile, ScenarioError } from '../../src/scenario/index.js';
import { invalidUtf8Message } from '../../src/scenario/input-file.js';
import { quickstart, tempDir, writeScenario } from '../helpers.js';

const dir = tempDir();
const QUICKSTART_TEXT = readFileSync('scenarios/quickstart.yaml');

function refusal(file: string): string {
  try {
    loadScenarioFile(file);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).message;
  }
  return 'accepted';
}

function withBytes(name: string, bytes: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('UTF-8 input', () => {
  it('a Latin-1 byte in a comment is refused with its line and byte', () => {
    // line 2 of the file: "# caf\xE9"
    const file = withBytes('latin1.yaml', Buffer.concat([Buffer.from('# ok\n# caf'), Buffer.from([0xe9]), Buffer.from('\n'), QUICKSTART_TEXT]));
    expect(refusal(file)).toBe(`${file}:2: expected UTF-8 text, found bytes that are not UTF-8 (from 0xE9, byte 11 of the file); save the file as UTF-8 (Latin-1 or UTF-16 text is not read)`);
  });

  it('a sequence cut off at the end of the file, and an encoded surrogate, are refused', () => {
    expect(refusal(withBytes('cut.yaml', Buffer.concat([QUICKSTART_TEXT, Buffer.from('# \xe2\x82', 'latin1')])))).toMatch(/expected UTF-8 text, found bytes that are not UTF-8 \(from 0xE2, /);
    expect(refusal(withBytes('surrogate.yaml', Buffer.concat([Buffer.from('# '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n'), QUICKSTART_TEXT])))).toMatch(/:1: expected UTF-8 text, found bytes that are not UTF-8 \(from 0xED, byte 3 /);
  });

  it('valid UTF-8 (a U+FFFD written on purpose, a 4-byte emoji) and a byte order mark are accepted', () => {
    const text = Buffer.concat([Buffer.from('\ufeff# caf\u00e9 \ufffd \u{1f600}\n', 'utf8'), QUICKSTART_TEXT]);
    expect(refusal(withBytes('bom.yaml', text))).toBe('accepted');
  });

  it('a CSV trace that is not UTF-8 is refused with its line', () => {
    writeFileSync(join(dir, 'latin1.csv'), Buffer.concat([Buffer.from('time_s,rps\n0,100\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const s = quickstart();
    s.services.web.workload.requestRate = { csv: { file: 'latin1.csv' } };
    expect(refusal(writeScenario(dir, 'csv-latin1', s))).toMatch(/requestRate\.csv\.file: expected UTF-8 text, found bytes that are not UTF-8 \(from 0xE9, byte 23 of the file\) at \S*latin1\.csv, line 3; save/);
  });

  it('an overlong sequence is not UTF-8: "ab" then E0 80 80 (U+0000 in three bytes) is refused from its first byte', () => {
    // RFC 3629: a code point takes its shortest form; E0 80 80 would decode to 0 < 0x800, the
    // least a three-byte sequence encodes (E0 must be followed by A0..BF)
    const message = invalidUtf8Message(Uint8Array.from([0x61, 0x62, 0xe0, 0x80, 0x80])).message;
    expect(message).toBe('expected UTF-8 text, found bytes that are not UTF-8 (from 0xE0, byte 3 of the file); save the file as UTF-8 (Latin-1 or UTF-16 text is not read)');
  });
});
