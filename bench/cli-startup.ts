// How long the installed executable (dist/ecsim/bin.js, the bundle `npm run build` makes)
// takes from start to exit: `ecsim --help`, and `ecsim run` of the quick start (one
// simulated hour, about 0.01 s of simulation: the rest is starting Node and loading the
// CLI), beside a bare `node -e 0`. The median of 7 runs of each, taken in turns.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from 'd3-array';

const BIN = 'dist/ecsim/bin.js';

function seconds(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return s;
}

export function cliStartup() {
  const dir = mkdtempSync(join(tmpdir(), 'ecsim-bench-cli-'));
  const runs = { node: [] as number[], help: [] as number[], quickstart: [] as number[] };
  try {
    for (let i = 0; i < 7; i++) {
      runs.node.push(seconds(['-e', '0']));
      runs.help.push(seconds([BIN, '--help']));
      runs.quickstart.push(seconds([BIN, 'run', 'scenarios/quickstart.yaml', '--quiet', '--out', join(dir, 'qs')]));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const s = (xs: number[]) => Math.round((median(xs) ?? NaN) * 1000) / 1000;
  return { nodeSeconds: s(runs.node), helpSeconds: s(runs.help), quickstartRunSeconds: s(runs.quickstart) };
}
