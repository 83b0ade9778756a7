import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/output/shell-word.js';

describe('shellWord', () => {
  it('leaves a path of safe characters as it is', () => {
    expect(shellWord('results/quickstart-1.yaml')).toBe('results/quickstart-1.yaml');
  });
  it('single-quotes a path with a space or a shell-special character, a quote as \'\\\'\'', () => {
    expect(shellWord('dir with space/run')).toBe("'dir with space/run'");
    expect(shellWord('a$b;c')).toBe("'a$b;c'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
  });
});
