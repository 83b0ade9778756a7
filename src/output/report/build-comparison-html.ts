// The HTML page of a compare or sweep folder: the comparison table (mean ± 95 % CI, the
// Pareto front on cost vs SLO), the figures per capacity provider, the paired differences, a cost-vs-SLO scatter, and the
// time series of each variant's (or sweep point's) replication 0 overlaid, a line per
// runs/ folder labelled with the variant name or the point label.

import { basename } from 'node:path';
import { COMPARISON_METRICS, loadComparison, type ComparisonData } from './data/load-comparison.js';
import { RUN_FILES_LISTED } from '../run-files.js';
import { scatterChart } from './charts/scatter-chart.js';
import { esc } from './charts/svg.js';
import { comparisonTable, hasPartialCounts, notRecordedPoints, pairedTable, providersTable } from './sections/comparison-tables.js';
import { NO_COMPARE_PROVIDERS_FILE_NOTE, NO_PROVIDERS_FILE_NOTE, NOT_RECORDED_NOTE, providersNote } from '../../experiment/comparison-markdown.js';
import { COMBINED_NOTE, missingNote, PAIRED_POINTS_NOTE, paretoNote, significanceNote, UNPAIRED_FOLDER_NOTE } from '../../experiment/figures-markdown.js';
import { shortNames } from '../../experiment/point-label.js';
import { overlayCharts } from './sections/overlay-charts.js';
import { figure, htmlPage, htmlTable, TITLE_END } from './sections/page.js';

export function buildComparisonHtml(compareDir: string): string {
  return renderComparisonHtml(loadComparison(compareDir));
}

export function renderComparisonHtml(c: ComparisonData): string {
  const firstRun = c.runs.values().next().value;
  const scenario = firstRun?.summary.scenario ?? basename(c.dir);
  const what = c.kind === 'compare' ? 'Comparison' : 'Sweep';
  const parts: string[] = [`<h1>${esc(`${what}: ${scenario}`)}</h1>`];
  const description = typeof firstRun?.scenario?.description === 'string' ? firstRun.scenario.description : '';
  parts.push(`<p class="lead">${esc(`${description ? `${description} — ` : ''}${c.rows.length} ${c.kind === 'compare' ? 'variants' : 'parameter points'}; figures are means over the replications with 95 % confidence half-widths.`)}</p>`);

  parts.push(`<h2>${c.kind === 'compare' ? 'Variants' : 'Points'}</h2>`, htmlTable(comparisonTable(c)));
  parts.push(`<p class="muted">${esc(COMBINED_NOTE)}</p>`);
  // comparison.md's notes: the Pareto column (decided on the unrounded means), (k of n) marks, and under the paired table the * mark
  const noun = c.kind === 'compare' ? 'variant' : 'point';
  parts.push(`<p class="muted">${esc(paretoNote(noun))}</p>`);
  if (hasPartialCounts(c)) parts.push(`<p class="muted">${esc(missingNote(c.replications, noun, c.kind === 'compare' || c.paired.length > 0))}</p>`);
  // a sweep's intervals are per point (none with one replication); its paired table (paired.csv) is against the first point
  if (c.kind === 'sweep' && c.rows.length >= 2 && c.rows.some((r) => Number.isFinite(r.ci95.cost))) parts.push(`<p class="muted">${esc(c.paired.length > 0 ? PAIRED_POINTS_NOTE : UNPAIRED_FOLDER_NOTE)}</p>`);
  const perProvider = providersTable(c);
  if (perProvider) parts.push('<h3>Per capacity provider</h3>', htmlTable(perProvider), `<p class="muted">${esc(providersNote(noun))}</p>`);
  if (notRecordedPoints(c) > 0) parts.push(`<p class="muted">${esc(NOT_RECORDED_NOTE)}</p>`);
  // a sweep folder without providers.csv: comparison.md's section is a note alone, and so is the page's
  if (c.kind === 'sweep' && !c.providersFile) parts.push('<h3>Per capacity provider</h3>', `<p class="muted">${esc(NO_PROVIDERS_FILE_NOTE)}</p>`);
  // a compare folder of an ecsim before compare wrote providers.csv: one line, not silence
  if (c.kind === 'compare' && !c.providersFile) parts.push('<h3>Per capacity provider</h3>', `<p class="muted">${esc(NO_COMPARE_PROVIDERS_FILE_NOTE)}</p>`);
  const paired = pairedTable(c);
  if (paired) {
    parts.push(`<h3>Paired differences against the first ${noun}</h3>`);
    // not "much tighter": that holds only where the seed moves the variants alike (a paired
    // interval can be wider than both variants' own), and with one replication there is none
    const single = c.rows.every((r) => !Number.isFinite(r.ci95.cost));
    parts.push(
      `<p class="muted">${esc(
        `Every ${noun} of one replication draws the same random numbers (common random numbers). ` +
          (single
            ? 'With one replication there are no intervals.'
            : `Where the seed moves the ${noun}s alike, a difference's interval is narrower than the ${noun}s' own; where it does not, it is not (compare the ± columns).`),
      )}</p>`,
    );
    parts.push(htmlTable(paired));
    if (c.replications >= 2) parts.push(`<p class="muted">${esc(significanceNote(COMPARISON_METRICS.length))}</p>`);
  }

  parts.push('<h2>Cost vs SLO</h2>');
  parts.push(
    figure(
      scatterChart({
        title: 'Cost vs SLO-violation minutes (lower left is better)',
        xTitle: 'cost (USD)',
        yTitle: 'SLO-violation minutes',
        highlightLabel: `Pareto front (no other ${c.kind === 'compare' ? 'variant' : 'point'} is at least as good on both cost and SLO violation and better on one)`,
        otherLabel: c.kind === 'compare' ? 'other variants' : 'other points',
        nonNegative: true,
        // a sweep's points labelled by their values alone ("40, 60s"; the paths' short names in
        // the note below): full labels piled on each other at 8 points
        points: c.rows.map((r) => ({ label: c.kind === 'sweep' ? r.params.map(([, v]) => v).join(', ') : r.label, name: r.label, x: r.mean.cost, y: r.mean.sloViolationMinutes, xErr: r.ci95.cost, yErr: r.ci95.sloViolationMinutes, highlight: r.pareto })),
      }),
    ),
  );
  if (c.kind === 'sweep' && c.rows[0]) {
    const names = shortNames(c.rows[0].params.map(([p]) => p));
    parts.push(`<p class="muted">${esc(`Each point is labelled by its values of ${names.join(', ')}, in that order; its tooltip names it in full.`)}</p>`);
  }

  const by = c.kind === 'compare' ? 'variant' : 'point';
  const overlays = overlayCharts(c.runs, by);
  if (overlays.length) {
    parts.push(`<h2>Time series by ${by} (replication 0)</h2>`);
    if (c.kind === 'sweep') {
      const shown = c.rows.filter((r) => c.runs.has(r.label)).length;
      const own = c.otherSweepsRuns.length > 0 ? ' of this sweep' : '';
      parts.push(`<p class="muted">${esc(`A line per point, named by its label (the runs/ folder name: parameter=value, ...); ${shown} of ${c.rows.length} points have a runs/ folder${own}.`)}</p>`);
      if (c.otherSweepsRuns.length > 0) parts.push(`<p class="muted">${esc(otherSweepsRunsNote(c))}</p>`);
    }
    if (c.missingRuns.length > 0) parts.push(`<p class="muted">${esc(missingRunsNote(c))}</p>`);
    if (c.incompleteRuns.length > 0) parts.push(`<p class="muted">${esc(incompleteRunsNote(c))}</p>`);
    // not "the offered load is the same": a variant may change the load itself (fargate-vs-ec2-cost)
    // not "not by different random draws": a stream kept per service is drawn in event order, and
    // per-task draws go by task number, so a variant that starts more tasks shifts that service's
    // later draws to other tasks (experiments.md, "What pairing cannot keep")
    parts.push(
      `<p class="muted">${esc(
        `${c.kind === 'compare' ? 'Variants' : 'Points'} share their random numbers (the same seed), so the lines differ mostly by what the ${by}s set. ` +
          `Not only by it: the random draws of each service (or instance group) go by the order its tasks are started, its instances launched and its choices made, so a ${by} that starts more tasks or launches more instances shifts that stream's later draws. ` +
          'Where lines coincide only the last drawn shows.',
      )}</p>`,
    );
    for (const o of overlays) {
      if (o.service) parts.push(`<h3>Service ${esc(o.service)}</h3>`);
      else parts.push('<h3>Cost</h3>');
      for (const svg of o.charts) parts.push(figure(svg));
    }
  } else {
    const incomplete = c.incompleteRuns.length > 0 ? ` ${incompleteRunsNote(c)}` : '';
    parts.push(
      c.kind === 'compare'
        ? c.missingRuns.length > 0 || incomplete
          ? `<p class="muted">${esc(`No runs/<variant>/ results folders here: no time series to overlay.${c.missingRuns.length > 0 ? ` ${missingRunsNote(c)}` : ''}${incomplete}`)}</p>`
          : '<p class="muted">No runs/&lt;variant&gt;/ results folders here: no time series to overlay.</p>'
        : c.otherSweepsRuns.length > 0 || incomplete
          ? `<p class="muted">${esc(`No runs/<point label>/ results folders of this sweep here: no time series to overlay.${c.otherSweepsRuns.length > 0 ? ` ${otherSweepsRunsNote(c)}` : ''}${incomplete}`)}</p>`
          : `<p class="muted">No runs/&lt;point label&gt;/ results folders here: no time series to overlay (ecsim sweep writes them for at most 24 points, or with --runs).</p>`,
    );
  }
  return htmlPage(`${what}: ${scenario}${TITLE_END}`, parts.join('\n'));
}

/**
 * What the page (and `ecsim report` on stderr) says of the runs/ folders left out as another
 * sweep's: how many points' and which (the first five).
 */
export function otherSweepsRunsNote(c: Pick<ComparisonData, 'otherSweepsRuns' | 'rows'>): string {
  const k = c.otherSweepsRuns.length;
  const shown = c.otherSweepsRuns.slice(0, 5).join('; ') + (k > 5 ? `; ... (${k} in all)` : '');
  return (
    `The runs/ folders of ${k} of ${c.rows.length} points (${shown}) are of another sweep (their sweep-plan.txt does not name the plan of sweep.csv's): left out. ` +
    'Shards run without runs (--no-runs, or of a sweep over 24 points) leave an earlier sweep\'s runs/ in place; run the sweep again with runs (--runs over 24 points) to draw this one\'s.'
  );
}

/**
 * What the page (and `ecsim report` on stderr) says of a compare's variants whose runs/
 * folder is missing: how many and which (the first five). `ecsim compare` writes one for
 * every variant, so the folder was deleted or not copied.
 */
export function missingRunsNote(c: Pick<ComparisonData, 'missingRuns' | 'rows'>): string {
  const k = c.missingRuns.length;
  const shown = c.missingRuns.slice(0, 5).map((v) => `runs/${v}/`).join('; ') + (k > 5 ? `; ... (${k} in all)` : '');
  return (
    `${k} of ${c.rows.length} variants have no results folder (${shown}), which ecsim compare writes for every variant: ` +
    `left out of the time series (the table's figures are comparison.csv's). Run the compare again to draw ${k === 1 ? 'it' : 'them'}.`
  );
}

/**
 * What the page (and `ecsim report` on stderr) says of runs/ folders missing some of the
 * files every run writes: which (the first five) and the files each lacks. The compare or
 * sweep wrote them whole, so a file was deleted or not copied: run it again (`ecsim run`
 * into the folder with another scenario would overlay a run that is not the variant's).
 */
export function incompleteRunsNote(c: Pick<ComparisonData, 'incompleteRuns' | 'kind'>): string {
  const k = c.incompleteRuns.length;
  const shown = c.incompleteRuns.slice(0, 5).map((r) => `runs/${r.name}/ lacks ${listed(r.missing)}`).join('; ') + (k > 5 ? `; ... (${k} in all)` : '');
  const each = c.kind === 'compare' ? 'every variant' : 'each point it keeps runs of';
  return (
    `${k} results ${k === 1 ? 'folder is' : 'folders are'} incomplete (${shown}), which ecsim ${c.kind} writes whole for ${each} (${RUN_FILES_LISTED}): ` +
    `left out of the time series (the table's figures are ${c.kind === 'compare' ? 'comparison.csv' : 'sweep.csv'}'s). Run the ${c.kind} again to draw ${k === 1 ? 'it' : 'them'}.`
  );
}

function listed(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
