// Text quoted in a message is cut by code points: an emoji (two UTF-16 units) is never split.

import { describe, expect, it } from 'vitest';
import { cutText } from '../../src/scenario/cut-text.js';
import { parseExpectation } from '../../src/scenario/expect/parse-expectation.js';

describe('cutText', () => {
  it('keeps text of at most max code points whole, cuts longer text after keep code points', () => {
    expect(cutText('abc', 3)).toBe('abc');
    expect(cutText('abcd', 3)).toBe('abc...');
    expect(cutText('abcdef', 4, 2)).toBe('ab...');
  });

  it('counts an emoji as one: 11 letters and an emoji are 12 code points (13 units), not cut at 12', () => {
    const text = `${'a'.repeat(11)}😀`;
    expect(text.length).toBe(13);
    expect(cutText(text, 12)).toBe(text);
    // cut after 12 code points: the emoji whole, never "\ud83d"
    expect(cutText(`${text}bc`, 12)).toBe(`${text}...`);
  });
});

describe('an expect: line quoted in its parse error', () => {
  it('keeps an emoji whole where it is cut', () => {
    let message = '';
    try {
      parseExpectation(`services.web.cpuUtilization.mean ${'x'.repeat(11)}😀 and more`);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('found "');
    expect(message).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
