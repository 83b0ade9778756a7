// What `ecsim init` does: a starter scenario copied, comments and all, from the library.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { UsageError } from '../errors.js';
import { didYouMean } from '../../scenario/did-you-mean.js';
import type { InitArgs } from '../commands/init.js';

export function init(argv: InitArgs): void {
  const dir = libraryDir();
  const templates = listTemplates(dir);
  if (argv.list) {
    const width = Math.max(...templates.map((t) => t.name.length));
    for (const t of templates) process.stdout.write(`${t.name.padEnd(width)}  ${t.description}\n`);
    return;
  }
  const name = argv.template.replace(/\.ya?ml$/, '');
  const template = templates.find((t) => t.name === name);
  if (!template) {
    throw new UsageError(
      `--template: no library scenario "${name}"${didYouMean(name, templates.map((t) => t.name))}; expected one of: ${templates.map((t) => t.name).join(', ')}`,
    );
  }
  const out = argv.out ?? `${template.name}.yaml`;
  if (existsSync(out)) throw new UsageError(`--out: ${out} already exists; ecsim init never overwrites a file (choose another --out or remove it)`);
  try {
    writeFileSync(out, readFileSync(template.file, 'utf8'), { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--out: cannot write ${out}: ${code === 'ENOENT' ? 'no such folder' : code === 'EEXIST' ? 'already exists' : code}`);
  }
  process.stdout.write(`wrote ${out} (from the ${template.name} template): edit it, then run: ecsim run ${out}\n`);
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
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'scenarios');
    if (existsSync(join(candidate, 'quickstart.yaml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the scenario library (scenarios/quickstart.yaml) was not found next to the ecsim package');
    dir = parent;
  }
}
