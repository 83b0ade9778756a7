// Each example command in a command's --help is whole on one line, so it pastes: yargs'
// two-column layout wrapped a long command (`ecsim init --template flash-crowd --out` then
// `my-service.yaml` on the next line). Checked at 80 columns and wider, on the built
// executable (yargs prints help through console.log, which vitest takes).

import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { compareExamples } from '../../src/cli/commands/compare.js';
import { explainExamples } from '../../src/cli/commands/explain.js';
import { initExamples } from '../../src/cli/commands/init.js';
import { mergeExamples } from '../../src/cli/commands/merge.js';
import { reportExamples } from '../../src/cli/commands/report.js';
import { runExamples } from '../../src/cli/commands/run.js';
import { sweepExamples } from '../../src/cli/commands/sweep.js';
import { traceExamples } from '../../src/cli/commands/trace.js';
import { validateExamples } from '../../src/cli/commands/validate.js';
import type { Example } from '../../src/cli/examples.js';

const COMMANDS: [string, readonly Example[]][] = [
  ['run', runExamples], ['validate', validateExamples], ['compare', compareExamples], ['sweep', sweepExamples], ['merge', mergeExamples],
  ['trace', traceExamples], ['explain', explainExamples], ['report', reportExamples], ['init', initExamples],
];

/** `ecsim <command> --help` as printed on a terminal of `columns` columns. */
function help(command: string, columns: number): string {
  const width = `data:text/javascript,process.stdout.columns=${columns}`;
  const r = spawnSync(process.execPath, ['--import', width, resolve('dist/ecsim/bin.js'), command, '--help'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('--help examples', () => {
  it.each(COMMANDS.flatMap(([c, examples]) => [80, 120].map((columns) => [c, columns, examples] as const)))('%s --help at %i columns prints each example command whole on one line', (command, columns, examples) => {
    expect(examples.length).toBeGreaterThan(0);
    const text = help(command, columns);
    const lines = text.split('\n');
    const start = lines.indexOf('Examples:');
    expect(start).toBeGreaterThan(-1);
    const section = lines.slice(start + 1, lines.indexOf('', start));
    for (const e of examples) {
      const command = e.command.replace(/\$0/g, 'ecsim');
      expect(section.map((l) => l.trim())).toContain(command);
    }
    // nothing in the section runs past the terminal's width (a line cliui wrapped would not)
    for (const line of section) expect(line.length).toBeLessThanOrEqual(columns);
    // every line is an example command or a comment describing one
    const commands = new Set(examples.map((e) => e.command.replace(/\$0/g, 'ecsim')));
    for (const line of section) expect(commands.has(line.trim()) || line.trim().startsWith('# ')).toBe(true);
  });
});

describe('--help examples on a narrow terminal', () => {
  it.each(COMMANDS.map(([c, examples]) => [c, examples] as const))('%s --help at 60 columns: a description wraps onto lines that each start with "#"', (command, examples) => {
    const text = help(command, 60);
    const lines = text.split('\n');
    const start = lines.indexOf('Examples:');
    const section = lines.slice(start + 1, lines.indexOf('', start)).map((l) => l.trim());
    const commands = examples.map((e) => e.command.replace(/\$0/g, 'ecsim'));
    // a command longer than the line wraps (nothing can keep it whole); every other line of
    // the section is a comment, none a stray piece of a description
    const pieces = new Set(commands.flatMap((c) => c.split(' ')));
    for (const line of section) {
      if (line.startsWith('# ')) { expect(line.length).toBeLessThanOrEqual(56); continue; }
      for (const word of line.split(' ')) expect(pieces.has(word)).toBe(true);
    }
  });
});
