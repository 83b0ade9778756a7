import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Test files share their worker's modules (isolate: false): importing the simulator afresh
// for each of 300 files took half of the suite's time. A file that patches shared things
// (vi.mock, vi.spyOn, vi.stub*, fake timers, process listeners) runs isolated, so a patch
// cannot leak into the next file; the list is read from the files themselves.
const PATCHES = /\bvi\.(mock|doMock|spyOn|stubEnv|stubGlobal|useFakeTimers)\b|\bprocess\.on\(/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const isolated = testFiles('test').filter((f) => PATCHES.test(readFileSync(f, 'utf8')));

export default defineConfig({
  test: {
    setupFiles: ['test/fast-check-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: isolated, isolate: false } },
      { extends: true, test: { name: 'isolated', include: isolated.length > 0 ? isolated : ['no-such-file'] } },
    ],
  },
});
