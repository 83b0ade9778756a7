// The progress bar must not change the terminal's modes: Ctrl-C stops a run in the middle
// of synchronous work, where nothing could change them back (cursor hidden, line wrapping
// off in the user's shell afterwards).

import { describe, it, expect, vi, afterEach } from 'vitest';
import { progressReporter } from '../../src/cli/progress.js';

function fakeTerminal() {
  const written: string[] = [];
  const stream = { isTTY: true, columns: 60, rows: 24, write: (s: string) => (written.push(s), true), on() {}, removeListener() {} };
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => written.join('') };
}

afterEach(() => vi.restoreAllMocks());

describe('progress bar', () => {
  it('draws after a second, cut to the terminal width, and never hides the cursor or turns off line wrapping', () => {
    const t = fakeTerminal();
    const now = Date.now();
    const p = progressReporter('month', t.stream);
    vi.spyOn(Date, 'now').mockReturnValue(now + 2000);
    p.update(0.25);
    const drawn = t.text();
    p.stop();
    expect(drawn).toContain('month [');
    expect(t.text()).toContain('25%');
    expect(t.text()).not.toContain('\x1b[?25l'); // hide cursor
    expect(t.text()).not.toContain('\x1b[?7l'); // line wrapping off
    // each redraw starts at column 1 (ESC [1G)
    const lines = t.text().split(/\r|\n|\x1b\[1G/).map((l) => l.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, ''));
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
  });

  it('draws nothing when stderr is not a terminal', () => {
    const t = fakeTerminal();
    (t.stream as { isTTY: boolean }).isTTY = false;
    const p = progressReporter('month', t.stream);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 2000);
    p.update(0.5);
    p.stop();
    expect(t.text()).toBe('');
  });
});
