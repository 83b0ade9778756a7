// README's front door: `npm ci && npm start`. `npm start` runs the quick start through the
// built CLI (not `npx ecsim`, which installs the checkout into npm's cache and rebuilds it,
// silently, on its first call), and the output block README shows is what it prints.

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from '../helpers.js';

const readme = readFileSync('README.md', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('the front door (README "Two commands")', () => {
  it('is `npm ci && npm start`, and `npm start` runs the built CLI on the quick start', () => {
    expect(readme).toMatch(/^npm ci && npm start\b/m);
    expect(pkg.scripts.start).toBe('node dist/ecsim/bin.js run scenarios/quickstart.yaml');
    // `npm ci` runs prepare after installing: that is what builds dist/ecsim for `npm start`
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.build).toMatch(/\btsc -p tsconfig\.build\.json\b/);
    expect(pkg.bin.ecsim).toBe('dist/ecsim/bin.js');
  });

  it('no command line in the docs runs `npx ecsim`', () => {
    for (const f of ['README.md', 'docs/guide-learners.md', 'docs/guide-capacity-planners.md', 'scenarios/README.md']) {
      // at the start of a line or after &&, ; or | (`npm ci && npx ecsim run ...`)
      const commands = readFileSync(f, 'utf8').split('\n').filter((l) => /(^|&&|;|\|)\s*npx ecsim\b/.test(l));
      expect(commands, f).toEqual([]);
    }
  });

  it('the quick-start output README shows (an excerpt) is what the run prints', async () => {
    const block = /^```\n(quickstart: [^]*?)^```$/m.exec(readme)?.[1] ?? '';
    const shown = block.split('\n').filter((l) => l.trim() !== '');
    expect(shown[0]).toMatch(/^quickstart: 1 h simulated \(seed 1\) in [\d.]+ s wall, \.\.\.$/);
    const r = await cli('run', 'scenarios/quickstart.yaml', '--out', join(tempDir(), 'q'));
    expect(r.code).toBe(0);
    const printed = r.stdout.split('\n');
    expect(printed[0]).toMatch(/^quickstart: 1 h simulated \(seed 1\) in [\d.]+ s wall, [\d,]+ events\/s$/);
    expect(shown.length).toBeGreaterThan(2);
    for (const line of shown.slice(1)) expect(printed, line).toContain(line);
  });
});
