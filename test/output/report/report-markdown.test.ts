import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { buildReportMarkdown } from '../../../src/output/report/index.js';
import { markdownText } from '../../../src/output/report/build-report-markdown.js';
import { tempDir, writeFakeRun } from './fixtures.js';

describe('report.md', () => {
  it('puts the timeline under its own "### Timeline" heading, apart from the "What happened" list', () => {
    const dir = writeFakeRun(join(tempDir('md-timeline'), 'run'), {
      services: ['web'],
      providers: ['asg'],
      periods: 60,
      events: ['600,scaling-activity,web,desired count 3 -> 5: target tracking cpu: 3 datapoints > 60: 100.0 100.0 100.0; ceil(3 x 100.0/60) = 5'],
      scenario: { name: 'fake', duration: '1h', services: { web: {} } },
    });
    const md = buildReportMarkdown(dir).split('\n');
    const what = md.indexOf('## What happened');
    const timeline = md.indexOf('### Timeline');
    expect(what).toBeGreaterThan(0);
    expect(timeline).toBeGreaterThan(what);
    // a blank line before the heading ends the overview list; the timeline items follow it
    expect(md[timeline - 1]).toBe('');
    expect(md[timeline + 1]).toBe('');
    expect(md[timeline + 2]).toMatch(/^- /);
  });

  it('escapes the description: no raw HTML, heading or list survives', () => {
    const dir = writeFakeRun(join(tempDir('md-desc'), 'run'), {
      services: ['web'],
      providers: ['asg'],
      periods: 10,
      scenario: { name: 'fake', duration: '10m', description: '# Load <script>alert(1)</script> *fast*\n- not a list' },
    });
    const md = buildReportMarkdown(dir);
    expect(md).not.toContain('<script>');
    const line = md.split('\n')[2];
    expect(line.startsWith('\\# Load \\<script\\>alert(1)\\</script\\> \\*fast\\* - not a list ')).toBe(true);
  });

  it('markdownText: a backslash before Markdown and HTML characters, and before a list start', () => {
    expect(markdownText('a_b [x](y) `c` | d & e')).toBe('a\\_b \\[x\\](y) \\`c\\` \\| d \\& e');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('1. first')).toBe('1\\. first');
    expect(markdownText('  plain text.  ')).toBe('plain text.');
  });
});
