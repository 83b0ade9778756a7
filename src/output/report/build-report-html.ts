// report.html of one results folder: ONE self-contained page (inline SVG and CSS, no
// scripts, no network) with the headline figures, what happened, the scenario's key
// settings, and the charts per service and per capacity provider.

import { loadResults } from './data/load-results.js';
import { esc } from './charts/svg.js';
import { fmtNum, fmtUsd } from './format/numbers.js';
import { spanLabel } from './format/sim-time.js';
import { whatHappened } from './narrative/what-happened.js';
import { costChart, costNote, providerChart } from './sections/capacity-charts.js';
import { costTable, costTableNote, serviceHeadlineTable } from './sections/headline-table.js';
import { figure, htmlKeyValue, htmlList, htmlPage, htmlTable, TITLE_END } from './sections/page.js';
import { reportContext, type ReportContext } from './sections/report-context.js';
import { serviceCharts } from './sections/service-charts.js';

export function buildReportHtml(resultsDir: string): string {
  return renderReportHtml(reportContext(loadResults(resultsDir)));
}

export function renderReportHtml(ctx: ReportContext): string {
  const { data } = ctx;
  const name = data.summary.scenario ?? 'ecsim run';
  const parts: string[] = [];
  parts.push(`<h1>${esc(name)}</h1>`);
  const description = typeof data.scenario?.description === 'string' ? data.scenario.description : '';
  parts.push(`<p class="lead">${esc(description ? `${description} — ` : '')}${esc(`${spanLabel(data.durationSeconds)} simulated, seed ${data.summary.seed ?? '?'}.`)}</p>`);
  parts.push(cards(ctx));

  parts.push('<h2>Headline figures</h2>', htmlTable(serviceHeadlineTable(ctx)), htmlTable(costTable(ctx)));
  const tableNote = costTableNote(ctx);
  if (tableNote) parts.push(`<p class="muted">${esc(tableNote)}</p>`);

  const story = whatHappened(data, ctx.settings, ctx.periodS);
  parts.push('<h2>What happened</h2>', htmlList(story.overview));
  if (story.timeline.length) {
    parts.push('<h3>Timeline</h3>', htmlList(story.timeline.map((i) => i.text)));
    if (story.omitted) parts.push(`<p class="muted">${story.omitted} smaller moves are not listed; events.csv has every event.</p>`);
  }

  parts.push('<h2>Scenario settings</h2>', settingsHtml(ctx));

  for (const [service, series] of data.services) {
    parts.push(`<h2>Service ${esc(service)}</h2>`);
    const { charts, notes } = serviceCharts(ctx, service, series);
    for (const svg of charts) parts.push(figure(svg));
    for (const note of notes) parts.push(`<p class="muted">${esc(note)}</p>`);
  }
  if (data.providers.size) {
    parts.push('<h2>Capacity providers and cost</h2>');
    for (const [provider, series] of data.providers) parts.push(figure(providerChart(ctx, provider, series)));
    const cost = costChart(ctx);
    if (cost) parts.push(figure(cost));
    const note = cost ? costNote(ctx) : null;
    if (note) parts.push(`<p class="muted">${esc(note)}</p>`);
  }
  return htmlPage(`${name}${TITLE_END}`, parts.join('\n'));
}

function cards(ctx: ReportContext): string {
  const s = ctx.data.summary;
  const services = Object.values(s.services ?? {});
  const sum = (f: (x: (typeof services)[number]) => number | undefined) => services.reduce((a, x) => a + (f(x) ?? 0), 0);
  const offered = sum((x) => x.requests?.offered);
  const dropped = sum((x) => x.requests?.dropped);
  const items: [string, string][] = [
    ['total cost', fmtUsd(s.cost?.total)],
    ['task-hours', fmtNum(sum((x) => x.taskHours))],
    ['SLO-violation minutes', fmtNum(sum((x) => x.sloViolationMinutes))],
    ['requests dropped', offered > 0 ? `${((dropped / offered) * 100).toFixed(2)} %` : '–'],
    ['scaling activities', fmtNum(sum((x) => (x.scalingActivities?.out ?? 0) + (x.scalingActivities?.in ?? 0)))],
  ];
  return `<div class="cards">${items.map(([k, v]) => `<div class="card"><div class="v">${esc(v)}</div><div class="k">${esc(k)}</div></div>`).join('')}</div>`;
}

function settingsHtml(ctx: ReportContext): string {
  const { settings, data } = ctx;
  if (!data.scenario) {
    return `<p class="muted">No scenario.json in the results folder: settings from summary.json only.</p>${htmlKeyValue([
      ['scenario', String(data.summary.scenario ?? '?')],
      ['seed', String(data.summary.seed ?? '?')],
      ['duration', spanLabel(data.durationSeconds)],
      ['services', Object.keys(data.summary.services ?? {}).join(', ')],
      ['capacity providers', Object.keys(data.summary.capacityProviders ?? data.summary.cost?.byProvider ?? {}).join(', ')],
    ])}`;
  }
  const parts = [htmlKeyValue([...settings.rows, ['seed', String(data.summary.seed ?? '?')]])];
  if (settings.providers.length) parts.push('<h3>Capacity providers</h3>', htmlKeyValue(settings.providers));
  for (const [name, s] of settings.services) parts.push(`<h3>Service ${esc(name)}</h3>`, htmlKeyValue(s.rows));
  return parts.join('\n');
}
