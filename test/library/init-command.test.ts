// `ecsim init`: copies a library scenario (named after the output file, without the
// lesson's expect: lists, otherwise verbatim), lists templates, refuses to overwrite
// (UsageError, exit 2) and names unknown templates with a hint. The command module is
// driven through yargs here, as src/cli/main.ts drives it.

import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yargs from 'yargs';
import { initCommand } from '../../src/cli/commands/init.js';
import { UsageError } from '../../src/cli/errors.js';
import { parse } from 'yaml';
import { loadScenarioFile } from '../../src/scenario/index.js';
import { nameForFile } from '../../src/cli/actions/init.js';
import { tempDir } from '../helpers.js';

async function init(...args: string[]): Promise<{ stdout: string; error: unknown }> {
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  let error: unknown = null;
  try {
    await yargs(['init', ...args])
      .command(initCommand)
      .strict()
      .fail((msg, err) => {
        throw err ?? new UsageError(msg);
      })
      .parseAsync();
  } catch (e) {
    error = e;
  } finally {
    process.stdout.write = write;
  }
  return { stdout, error };
}

describe('ecsim init', () => {
  it('writes the quick start by default: a copy named after the file, otherwise byte for byte, that validates', async () => {
    const out = join(tempDir(), 'my.yaml');
    const r = await init('--out', out);
    expect(r.error).toBeNull();
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('scenarios/quickstart.yaml', 'utf8').replace(/^name: quickstart$/m, 'name: my'));
    expect(r.stdout).toMatch(/wrote .*my\.yaml \(from the quickstart template, named my, results in results\/my\/\): edit it/);
    expect(loadScenarioFile(out).scenario.name).toBe('my');
  });

  it('the command it suggests is one shell word, quoted when the name needs it (review: "Weird Name!.yaml" failed when pasted)', async () => {
    const out = join(tempDir(), "Weird Name!.yaml");
    const r = await init('--out', out);
    expect(r.error).toBeNull();
    expect(r.stdout.trim().endsWith(`then run: ecsim run '${out}'`)).toBe(true);
  });

  it('--template picks a library scenario (with or without .yaml)', async () => {
    const dir = tempDir();
    expect((await init('--template', 'flash-crowd', '--out', join(dir, 'a.yaml'))).error).toBeNull();
    expect((await init('--template', 'fargate-spot.yaml', '--out', join(dir, 'b.yaml'))).error).toBeNull();
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toMatch(/^# A flash crowd/);
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toMatch(/^# Fargate Spot with an on-demand base/);
  });

  it('the lesson\'s name and expect: lists do not come along (review item 11); comments and everything else do', async () => {
    const out = join(tempDir(), 'my-service.yaml');
    const r = await init('--template', 'capacity-target', '--out', out);
    expect(r.error).toBeNull();
    expect(r.stdout).toMatch(/named my-service, results in results\/my-service\/; the lesson's expect: lists were left out, add your own requirements\)/);
    const text = readFileSync(out, 'utf8');
    const raw = parse(text);
    expect(raw.name).toBe('my-service');
    expect(raw.expect).toBeUndefined();
    expect(Object.values<any>(raw.variants).map((v) => v?.expect)).toEqual([undefined, undefined]);
    expect(text).not.toMatch(/expect/);
    // every line written is the template's, in order, but for the name
    const template = readFileSync('scenarios/capacity-target.yaml', 'utf8').split('\n');
    let at = 0;
    for (const line of text.split('\n')) {
      if (line === 'name: my-service') continue;
      while (at < template.length && template[at] !== line) at++;
      expect(at, line).toBeLessThan(template.length);
      at++;
    }
    expect(text).toContain('# Lesson: ECS scales the Auto Scaling group');
    const s = loadScenarioFile(out);
    expect(s.scenario.name).toBe('my-service');
    expect(s.scenario.expect ?? []).toEqual([]);
  });

  it('the command lines of the header comment name the copy, not the library file (review: `ecsim compare scenarios/compare-quickstart.yaml` in my.yaml)', async () => {
    const dir = tempDir();
    const out = join(dir, 'my.yaml');
    expect((await init('--template', 'compare-quickstart', '--out', out)).error).toBeNull();
    const template = readFileSync('scenarios/compare-quickstart.yaml', 'utf8');
    expect(template).toContain('#   ecsim compare scenarios/compare-quickstart.yaml --replications 10\n#   ecsim sweep scenarios/compare-quickstart.yaml\n');
    expect(readFileSync(out, 'utf8')).toBe(
      template
        .replace(/^name: compare-quickstart$/m, 'name: my')
        .replace('#   ecsim compare scenarios/compare-quickstart.yaml --replications 10\n#   ecsim sweep scenarios/compare-quickstart.yaml\n', `#   ecsim compare ${out} --replications 10\n#   ecsim sweep ${out}\n`),
    );
    // a path that needs quoting is one shell word, as in the line init prints
    const weird = join(dir, "Weird Name!.yaml");
    expect((await init('--template', 'compare-quickstart', '--out', weird)).error).toBeNull();
    expect(readFileSync(weird, 'utf8')).toContain(`#   ecsim compare '${weird}' --replications 10\n#   ecsim sweep '${weird}'\n`);
  });

  it('no template copy names its library path in a comment', async () => {
    const dir = tempDir();
    for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.yaml'))) {
      const out = join(dir, `own-${file}`);
      expect((await init('--template', file, '--out', out)).error).toBeNull();
      const comments = readFileSync(out, 'utf8').split('\n').filter((l) => /^\s*#/.test(l));
      expect(comments.filter((l) => l.includes(`scenarios/${file}`)), file).toEqual([]);
    }
  });

  it('the name is the file\'s base name in the characters a scenario name may use', () => {
    expect(nameForFile('dir/my-service.yaml')).toBe('my-service');
    expect(nameForFile('/x/My Service (v2).yml')).toBe('My-Service-v2');
    expect(nameForFile('2026.json')).toBe('2026');
    expect(nameForFile('..yaml')).toBe('my-scenario');
  });

  it('a name YAML would read as a number is quoted', async () => {
    const out = join(tempDir(), '2026.yaml');
    expect((await init('--out', out)).error).toBeNull();
    expect(readFileSync(out, 'utf8')).toMatch(/^name: "2026"$/m);
    expect(loadScenarioFile(out).scenario.name).toBe('2026');
  });

  it('refuses to overwrite an existing file (UsageError -> exit 2) and leaves it alone', async () => {
    const out = join(tempDir(), 'exists.yaml');
    writeFileSync(out, 'mine');
    const r = await init('--out', out);
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toMatch(/already exists; ecsim init never overwrites/);
    expect(readFileSync(out, 'utf8')).toBe('mine');
  });

  it('--out naming an existing folder says it is a folder and what to give (it said "never overwrites a file"); nothing written', async () => {
    const dir = tempDir();
    for (const out of [dir, `${dir}/`]) {
      const r = await init('--out', out);
      expect(r.error).toBeInstanceOf(UsageError);
      expect((r.error as Error).message).toBe(`--out: expected the file to write the scenario to, found the folder ${out} (give a file name, e.g. --out ${join(out, 'quickstart.yaml')})`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--out ending in "/" that does not exist names a folder too (it said `cannot open ...: it is a folder (EISDIR)`); no folder made', async () => {
    const dir = tempDir();
    const out = join(dir, 'a', 'b') + '/';
    const r = await init('--out', out);
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toBe(`--out: expected the file to write the scenario to, found ${out}, which names a folder (it ends with "/"); give a file in it, e.g. --out ${join(dir, 'a', 'b', 'quickstart.yaml')}`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the suggested --out is one shell word: a folder with a space or a quote is quoted (it was printed bare)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'my scenarios'));
    const existing = await init('--out', join(dir, 'my scenarios'));
    expect((existing.error as Error).message).toBe(`--out: expected the file to write the scenario to, found the folder ${dir}/my scenarios (give a file name, e.g. --out '${dir}/my scenarios/quickstart.yaml')`);
    const named = await init('--out', `${dir}/it's new/`);
    expect((named.error as Error).message).toBe(`--out: expected the file to write the scenario to, found ${dir}/it's new/, which names a folder (it ends with "/"); give a file in it, e.g. --out '${dir}/it'\\''s new/quickstart.yaml'`);
    expect(readdirSync(dir)).toEqual(['my scenarios']);
  });

  it('an unknown template is a UsageError with a hint and the list', async () => {
    const out = join(tempDir(), 'x.yaml');
    const r = await init('--template', 'flash-crowed', '--out', out);
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toMatch(/no library scenario "flash-crowed" \(did you mean "flash-crowd"\?\); expected one of: .*quickstart/);
    expect(existsSync(out)).toBe(false);
  });

  it('a .json --out gets JSON (it was YAML in a .json file) that loads as the same scenario as the .yaml, for every template', async () => {
    const templates = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
    expect(templates.length).toBeGreaterThan(5);
    for (const t of templates) {
      const [a, b] = [tempDir(), tempDir()];
      expect((await init('--template', t, '--out', join(a, 'my.yaml'))).error).toBeNull();
      const r = await init('--template', t, '--out', join(b, 'my.JSON'));
      expect(r.error).toBeNull();
      expect(r.stdout).toContain('; as JSON, without the template\'s comments (a .yaml --out keeps them)): edit it');
      const text = readFileSync(join(b, 'my.JSON'), 'utf8');
      expect(JSON.parse(text).name).toBe('my');
      expect(text.endsWith('}\n')).toBe(true);
      expect(loadScenarioFile(join(b, 'my.JSON')).scenario, t).toEqual(loadScenarioFile(join(a, 'my.yaml')).scenario);
    }
  });

  it('--list takes no other flags (--out and --template were ignored: it listed and wrote nothing)', async () => {
    const out = join(tempDir(), 'zz.yaml');
    for (const [args, found] of [[['--out', out], '--out'], [['--template', 'flash-crowd'], '--template'], [['--template', 'x', '--out', out], '--template and --out']] as const) {
      const r = await init('--list', ...args);
      expect(r.error).toBeInstanceOf(UsageError);
      expect((r.error as Error).message).toBe(`--list: takes no other flags, found ${found} (run ecsim init --list alone, then ecsim init --template NAME --out FILE)`);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(out)).toBe(false);
  });

  it('--list prints every template with its description', async () => {
    const r = await init('--list');
    expect(r.error).toBeNull();
    expect(r.stdout).toMatch(/^quickstart +One web service on a fixed EC2 fleet/m);
    expect(r.stdout).toMatch(/^sqs-worker-backlog +A queue worker fleet/m);
  });
});
