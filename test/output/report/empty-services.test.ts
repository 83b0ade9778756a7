import { describe, it, expect, beforeAll } from 'vitest';
import { join } from 'node:path';
import { loadScenarioFile } from '../../../src/scenario/index.js';
import { runToFolder } from '../../../src/output/run-to-folder.js';
import { buildReportHtml } from '../../../src/output/report/index.js';
import { charts, tempDir } from './fixtures.js';

let html: string;

beforeAll(() => {
  const dir = join(tempDir('unplaceable'), 'run');
  const s = loadScenarioFile('scenarios/unplaceable-task.yaml');
  runToFolder(s, { outDir: dir, seed: s.scenario.seed });
  html = buildReportHtml(dir);
});

/** The HTML of one service's section: from its heading to the next h2. */
const section = (name: string) => {
  const from = html.indexOf(`<h2>Service ${name}</h2>`);
  const to = html.indexOf('<h2>', from + 1);
  return html.slice(from, to);
};

describe('unplaceable-task: services no task of which ran', () => {
  it('get a one-line note instead of empty charts (reports and gpu-batch never ran a task and have no load)', () => {
    for (const name of ['reports', 'gpu-batch']) {
      const part = section(name);
      expect(charts(part), name).toEqual([]);
      expect(part).toContain(`No task of ${name} ran and no load was offered to it: its charts would be empty and are left out.`);
    }
    expect(charts(section('web')).length).toBe(4);
  });

  it('sums the unplaceable episodes over services, and says so (they can add up to more than the run)', () => {
    expect(html).toMatch(/\d+ unplaceable episodes \([^)]* in all, summed over services\)/);
  });
});
