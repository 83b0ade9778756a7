// report.md of one results folder: a short Markdown summary to paste into a design
// review — headline table per service, cost by provider, what happened.

import { loadResults } from './data/load-results.js';
import { spanLabel } from './format/sim-time.js';
import { whatHappened } from './narrative/what-happened.js';
import { costTable, costTableNote, serviceHeadlineTable, type Table } from './sections/headline-table.js';
import { reportContext, type ReportContext } from './sections/report-context.js';

export function buildReportMarkdown(resultsDir: string): string {
  return renderReportMarkdown(reportContext(loadResults(resultsDir)));
}

export function renderReportMarkdown(ctx: ReportContext): string {
  const { data } = ctx;
  const lines: string[] = [];
  lines.push(`# ${data.summary.scenario ?? 'ecsim run'}`, '');
  const description = typeof data.scenario?.description === 'string' ? `${markdownText(data.scenario.description)} ` : '';
  lines.push(`${description}${spanLabel(data.durationSeconds)} simulated, seed ${data.summary.seed ?? '?'}.`, '');
  lines.push('## Services', '', ...markdownTable(serviceHeadlineTable(ctx)), '');
  lines.push('## Cost by capacity provider', '', ...markdownTable(costTable(ctx)), '');
  const costNote = costTableNote(ctx);
  if (costNote) lines.push(costNote, '');
  const story = whatHappened(data, ctx.settings, ctx.periodS);
  lines.push('## What happened', '', ...story.overview.map((s) => `- ${s}`), '');
  if (story.timeline.length) {
    lines.push('### Timeline', '', ...story.timeline.map((i) => `- ${i.text}`));
    if (story.omitted) lines.push(`- … and ${story.omitted} smaller moves (see events.csv).`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Free text (the scenario's description) as Markdown that shows it as written: one line,
 * and a backslash before each character Markdown or HTML would act on (CommonMark: any
 * ASCII punctuation may be escaped so; a line's start is escaped too when it would begin a
 * list), so a `<script>`, a `# heading` or a `- item` stays text.
 */
export function markdownText(text: string): string {
  return text
    .trim()
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>#+|~&]/g, (c) => `\\${c}`)
    .replace(/^([-=]|\d+[.)])/, (m) => m.replace(/[-=.)]/, (c) => `\\${c}`));
}

/** Whether `text` is an earlier report.md (its three sections), which a new report may replace. */
export function isReportMarkdown(text: string): boolean {
  const lines = new Set(text.split('\n'));
  return text.startsWith('# ') && ['## Services', '## Cost by capacity provider', '## What happened'].every((h) => lines.has(h));
}

export function markdownTable(t: Table): string[] {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${t.header.map(cell).join(' | ')} |`,
    `|${t.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}
