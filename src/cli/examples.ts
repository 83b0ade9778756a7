// The examples of a command's --help, each printed as a `# description` comment line (or
// a few) above the command, both across the full width. yargs' own layout puts the
// command and its description in two columns, the command's at most half the width, so a
// longer command wrapped and its first line did not paste. A command here is whole on one
// line from 80 columns up: at most EXAMPLE_WIDTH characters ("ecsim" for $0), as the test
// of every command's help checks; a description is split into comment lines of that width.

export interface Example {
  /** The command line, with $0 for the program's name. */
  command: string;
  describe: string;
}

/** 80 columns less yargs' indent of 2 on either side of an example. */
export const EXAMPLE_WIDTH = 76;

/** The description's words as comment lines of at most EXAMPLE_WIDTH characters. */
function commentLines(text: string): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '#' && line.length + 1 + word.length > EXAMPLE_WIDTH) {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

/** The rows to give yargs' .example(): an example without a description is one full-width line. */
export function exampleRows(examples: readonly Example[]): [string, string][] {
  return examples.flatMap((e) => [...commentLines(e.describe), e.command].map((line): [string, string] => [line, '']));
}
