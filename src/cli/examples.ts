// The examples of a command's --help, each printed as a `# description` comment line (or
// a few) above the command, both across the full width. yargs' own layout puts the
// command and its description in two columns, the command's at most half the width, so a
// longer command wrapped and its first line did not paste. A command here is whole on one
// line from 80 columns up: at most EXAMPLE_WIDTH characters ("ecsim" for $0), as the test
// of every command's help checks; a description is split into comment lines that fit the
// help's width (helpWidth, less the indents), so on a narrower terminal too each of its lines
// starts with `#` (a command longer than the line still wraps there: nothing can keep it whole).

export interface Example {
  /** The command line, with $0 for the program's name. */
  command: string;
  describe: string;
}

/** 80 columns less yargs' indent of 2 on either side of an example. */
export const EXAMPLE_WIDTH = 76;

/** The width --help is laid out in: the terminal's, at most 100 (100 when not a terminal). */
export function helpWidth(): number {
  return Math.min(100, process.stdout.columns || 100);
}

/** The description's words as comment lines of at most `width` characters. */
function commentLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '#' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

/** The rows to give yargs' .example(): each description's comment lines, then its command, each a full-width line. */
export function exampleRows(examples: readonly Example[]): [string, string][] {
  const width = Math.max(20, Math.min(EXAMPLE_WIDTH, helpWidth() - 4));
  return examples.flatMap((e) => [...commentLines(e.describe, width), e.command].map((line): [string, string] => [line, '']));
}
