// The explain lines docs/guide-learners.md quotes (§6, capacity-target.yaml on its own
// seed) are what `ecsim explain` prints: a change of the model that moves a figure (the
// 10:09 decision read 79.1 % until a change made it 79.2 %) fails here instead of leaving
// the guide quoting a run nobody can reproduce. scenarios/README.md quotes the same
// decision's arithmetic.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';

const guide = readFileSync('docs/guide-learners.md', 'utf8');
const libraryReadme = readFileSync('scenarios/README.md', 'utf8');

/** The lines of the fenced block after `marker` in `text` (a quote of explain's output). */
function quotedBlock(text: string, marker: string): string[] {
  const after = text.slice(text.indexOf(marker));
  const block = /^```\n([^]*?)^```$/m.exec(after)?.[1] ?? '';
  return block.split('\n').filter((l) => l.trim() !== '' && l.trim() !== '…');
}

describe('docs/guide-learners.md §6 quotes `ecsim explain` of capacity-target.yaml', () => {
  it('every quoted line begins a line explain prints (a line cut short ends with …); the prose figures (the 10:09 arithmetic, 90.8 to 100 %, 79.2 %, 57.8 %) match', async () => {
    expect(guide).toContain('In `capacity-target.yaml` the load steps');
    const quoted = quotedBlock(guide, '## 6. Putting the delays together');
    expect(quoted.length).toBeGreaterThan(5);
    const out = join(tempDir(), 'ct');
    expect((await cli('run', 'scenarios/capacity-target.yaml', '--out', out, '--quiet')).code).toBe(0);
    const r = await cli('explain', out);
    expect(r.code).toBe(0);
    const printed = r.stdout.split('\n');
    for (const q of quoted) {
      const cut = q.endsWith(' …');
      const text = cut ? q.slice(0, -2) : q;
      expect(printed.some((p) => (cut ? p.startsWith(text) : p === text || p.startsWith(`${text} `))), q).toBe(true);
    }
    // the decision the prose works through, in the guide and in the library's README
    const decision = printed.find((p) => p.startsWith('10:09  web: CPU above 60 %'));
    const arithmetic = /ceil\(10 x [\d.]+\/60\) = 14/.exec(decision ?? '')?.[0];
    expect(arithmetic, decision).toBeDefined();
    expect(guide).toContain(`\`${arithmetic}\``);
    expect(libraryReadme).toContain(`\`${arithmetic}\``);
    // the prose's other figures, each from the line that prints it (the guide's lines joined)
    const prose = guide.replace(/\s+/g, ' ');
    const newest = /\(([\d.]+), ([\d.]+), ([\d.]+)\) -> /.exec(decision ?? '');
    // the 10:09 decision's newest datapoint: the minute the first two waiting tasks started
    expect(prose).toContain(`then ${newest?.[3]} % in the minute the first two waiting tasks started`);
    // the lowest of the datapoints measured while tasks waited: the 10:06 decision's newest
    const at1006 = /\(([\d.]+), ([\d.]+), ([\d.]+)\) -> /.exec(printed.find((p) => p.startsWith('10:06  web: CPU above 60 %')) ?? '');
    expect(prose).toContain(`6 tasks at ${at1006?.[3]} to 100 %`);
    // the CPU the 12 tasks settle at: explain's last "no scale in" line
    const lowest = / lowest ([\d.]+) %$/.exec(printed.find((p) => p.includes('no scale in since')) ?? '')?.[1];
    expect(prose).toContain(`serve 1000 rps at ${lowest} % CPU on 6`);
  }, 60_000);
});
