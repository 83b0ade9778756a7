// End to end: the report of a real quickstart run, opened in headless Chromium (Debian's
// package). Checks that every chart drew content (paths with a non-empty box and length)
// and keeps a screenshot in test-artifacts/report.png.

import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadScenarioFile } from '../../../src/scenario/index.js';
import { runToFolder } from '../../../src/output/run-to-folder.js';
import { writeReports } from '../../../src/output/report/index.js';
import { tempDir } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report e2e test skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);

function chromium(args: string[]): string {
  return execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--user-data-dir=${tempDir('chromium-profile')}`,
      ...args,
    ],
    { encoding: 'utf8', timeout: 90_000, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
}

// Measures what the browser drew: per chart, its rendered width and the series paths
// whose bounding box and length are not empty.
const CHECK_SCRIPT = `<script>
(function () {
  var out = [];
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    var drawn = 0;
    svg.querySelectorAll('path.series').forEach(function (p) {
      var b = p.getBBox();
      if ((b.width > 0 || b.height > 0) && p.getTotalLength() > 0) drawn++;
    });
    out.push({ title: svg.getAttribute('aria-label'), width: svg.getBoundingClientRect().width, drawn: drawn });
  });
  var pre = document.createElement('pre');
  pre.id = 'ecsim-check';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>`;

describe.skipIf(!hasChromium)('report.html in headless Chromium', () => {
  it('draws every chart and leaves a screenshot in test-artifacts/report.png', () => {
    const dir = join(tempDir('e2e'), 'quickstart');
    runToFolder(loadScenarioFile('scenarios/quickstart.yaml'), { outDir: dir, seed: 1 });
    writeReports(dir);
    const page = join(dir, 'report.html');

    // One browser start: the page with the check script appended (it adds a <pre> below
    // everything, out of the screenshot) is both dumped and photographed.
    const checkPage = join(dir, 'check.html');
    writeFileSync(checkPage, readFileSync(page, 'utf8').replace('</body>', `${CHECK_SCRIPT}</body>`));
    const artifacts = resolve('test-artifacts');
    mkdirSync(artifacts, { recursive: true });
    const png = join(artifacts, 'report.png');
    const dom = chromium(['--dump-dom', `--screenshot=${png}`, '--window-size=1400,3000', '--hide-scrollbars', pathToFileURL(checkPage).href]);
    const json = /<pre id="ecsim-check">([\s\S]*?)<\/pre>/.exec(dom)?.[1];
    expect(json, 'the check script ran in the page').toBeDefined();
    const result = JSON.parse(json!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')) as { title: string; width: number; drawn: number }[];
    expect(result.length).toBe(6);
    for (const chart of result) {
      expect(chart.width, chart.title).toBeGreaterThan(500);
      expect(chart.drawn, chart.title).toBeGreaterThan(0);
    }

    expect(existsSync(png)).toBe(true);
    expect(statSync(png).size).toBeGreaterThan(50_000);
  });
});
