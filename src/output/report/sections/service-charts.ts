// The charts of one service: load vs capacity, tasks with scaling activities, the scaling
// metrics vs their targets with alarm states (utilization; backlog per task for a queue;
// requests per target for a policy on RequestCountPerTarget), latency vs the SLO.

import type { SeriesTable } from '../data/results-data.js';
import { alarmIntervals } from '../data/alarm-intervals.js';
import { desiredSteps, runningSteps } from './desired-steps.js';
import type { AlarmSetting, MetricChart, ServiceSettings, TargetLine } from '../data/scenario-settings.js';
import type { LegendItem } from '../charts/legend.js';
import { lineChart, type LineSeries, type RefLine } from '../charts/line-chart.js';
import type { Band, Marker } from '../charts/markers.js';
import { POLICY_COLORS, ROLE } from '../charts/palette.js';
import { parseScalingActivity } from '../narrative/parse-scaling-activity.js';
import { clockLabel, clockRange } from '../format/sim-time.js';
import { fmtMs } from '../format/duration.js';
import type { ReportContext } from './report-context.js';
import { atEnd, atMiddle, hasValues, perSecond, perTask, times } from './series-points.js';
import { visibleMessages } from '../../../model/queue-metric.js';

/** The charts of a service, and notes on what they leave out (alarms on a metric no chart shows). */
export function serviceCharts(ctx: ReportContext, name: string, s: SeriesTable): { charts: string[]; notes: string[] } {
  const set = ctx.settings.services.get(name);
  if (!ranOrLoaded(ctx, name, s)) return { charts: [], notes: [`No task of ${name} ran and no load was offered to it: its charts would be empty and are left out.`] };
  const backlog = hasValues(s.columns.backlog);
  // requests per target: for a service whose policies scale on it, when the folder has the
  // column (empty in every period with no healthy target: the lines and bands still show)
  const requests = s.columns.request_count_per_target !== undefined && usesChart(set, 'requests');
  // no task RUNNING: no utilization or latency datapoint, so no empty chart with its legend
  const never = !everRunning(ctx, name, s);
  const c = s.columns;
  const noUtilization = never && !hasValues(c.cpu_utilization) && !hasValues(c.memory_utilization);
  const noLatency = never && !hasValues(c.latency_p50_ms) && !hasValues(c.latency_p95_ms) && !hasValues(c.latency_p99_ms);
  const charts = [loadChart(ctx, name, s, set), tasksChart(ctx, name, s)];
  if (!noUtilization) charts.push(utilizationChart(ctx, name, s, set));
  if (backlog) charts.push(backlogChart(ctx, name, s, set));
  if (requests) charts.push(requestsChart(ctx, name, s, set));
  if (!noLatency) charts.push(latencyChart(ctx, name, s, set));
  // alarms on a chart left out are listed as not drawn
  const shown = new Set<MetricChart>(noUtilization ? [] : ['utilization']);
  if (backlog) shown.add('backlog');
  if (requests) shown.add('requests');
  const notDrawn = (set?.alarms ?? []).filter((a) => a.chart === null || !shown.has(a.chart));
  const notes = [
    'Tasks chart: desired steps at its scaling activities and running rises at each task\'s RUNNING (tasks.csv); a fall in running and the pending count are drawn at the end of the metric period that shows them, up to a period late (events.csv does not time a task leaving RUNNING).',
  ];
  const missing = [noUtilization ? 'utilization' : '', noLatency ? 'latency' : ''].filter(Boolean);
  if (missing.length) notes.push(`No ${missing.join(' or ')} datapoint: no task of ${name} was RUNNING; its ${missing.join(' and ')} ${missing.length === 1 ? 'chart would be empty and is' : 'charts would be empty and are'} left out.`);
  if (notDrawn.length) notes.push(`Alarms not drawn, as no chart shows their metric: ${notDrawn.map((a) => `${a.name} (${a.metric})`).join(', ')}.`);
  return { charts, notes };
}

/** Whether a policy of the service scales on a metric `chart` shows (a target line or an alarm). */
function usesChart(set: ServiceSettings | undefined, chart: MetricChart): boolean {
  return (set?.alarms ?? []).some((a) => a.chart === chart);
}

/** Whether a service's charts have anything to show: a task RUNNING or pending, a task in tasks.csv, or load offered. */
function ranOrLoaded(ctx: ReportContext, name: string, s: SeriesTable): boolean {
  const c = s.columns;
  const any = (a: Float64Array | undefined) => a !== undefined && a.some((v) => v > 0);
  return any(c.running_count) || any(c.pending_count) || any(c.request_rate) || any(c.backlog) || ctx.data.tasks.some((t) => t.service === name);
}

/** Whether a task of the service was RUNNING at some time: at a period end, or in tasks.csv. */
function everRunning(ctx: ReportContext, name: string, s: SeriesTable): boolean {
  return (s.columns.running_count?.some((v) => v > 0) ?? false) || ctx.data.tasks.some((t) => t.service === name && Number.isFinite(t.runningS));
}

/** A scheduled-action row for a cron() firing the clocks skipped (service-auto-scaler.ts): no firing. */
const SKIPPED = /^scheduled action \S+ \(.*\) skipped: /;

const ALARM_COLOR: Record<AlarmSetting['direction'], string> = { out: ROLE.alarmHigh, in: ROLE.alarmLow, either: ROLE.alarmEither };
const ALARM_LEGEND: Record<AlarmSetting['direction'], string> = {
  out: 'alarm in ALARM (its policy scales out)',
  in: 'alarm in ALARM (its policy scales in)',
  either: 'alarm in ALARM (ExactCapacity or steps both ways)',
};

/**
 * The spans in ALARM of the alarms that watch a metric `chart` shows, shaded by what their
 * policy does, and the legend for the kinds of alarm on it (alarms are known from scenario.json).
 */
function alarmBands(ctx: ReportContext, name: string, set: ServiceSettings | undefined, chart: MetricChart): { bands: Band[]; legend: LegendItem[] } {
  const mine = new Map((set?.alarms ?? []).filter((a) => a.chart === chart).map((a) => [a.name, a]));
  const bands: Band[] = [];
  for (const a of alarmIntervals(ctx.data.events, name, ctx.domainS[1])) {
    const alarm = mine.get(a.alarm);
    if (!alarm) continue;
    bands.push({ fromS: a.fromS, toS: a.toS, color: ALARM_COLOR[alarm.direction], title: `${clockRange(ctx.clock, a.fromS, a.toS)} ${a.message} (policy ${alarm.policy})` });
  }
  const kinds = (['out', 'in', 'either'] as const).filter((d) => [...mine.values()].some((a) => a.direction === d));
  return { bands, legend: kinds.map((d) => ({ label: ALARM_LEGEND[d], color: ALARM_COLOR[d], shape: 'box' as const })) };
}

function loadChart(ctx: ReportContext, name: string, s: SeriesTable, set: ServiceSettings | undefined): string {
  const mid = atMiddle(s.time, ctx.periodS);
  const end = atEnd(s.time, ctx.periodS);
  const c = s.columns;
  // a queue workload's load is messages (explain says msg/s too)
  const unit = set?.queue ? 'messages' : 'requests';
  const series: LineSeries[] = [
    { label: `${set?.queue ? 'message' : 'request'} rate (offered)`, x: mid, y: c.request_rate, color: ROLE.load, width: 2.2 },
    { label: 'served', x: mid, y: perSecond(c.requests_served, ctx.periodS), color: ROLE.served },
    { label: 'dropped', x: mid, y: perSecond(c.requests_dropped, ctx.periodS), color: ROLE.dropped },
  ];
  // With perTask.capacityRps known, capacity is drawn in requests/s; else running tasks on a second axis.
  // It counts RUNNING tasks, whether or not the load balancer routes to them yet (health checks).
  if (set?.capacityRps) {
    series.push({ label: `RUNNING tasks x ${set.capacityRps} ${set.queue ? 'msg/s' : 'rps'} (in rotation or not)`, x: end, y: times(c.running_count, set.capacityRps), color: ROLE.running, curve: 'step', dashed: true });
  } else {
    series.push({ label: 'running tasks', x: end, y: c.running_count, color: ROLE.running, axis: 'right', curve: 'step' });
  }
  return lineChart({ title: `${name} — load vs capacity`, clock: ctx.clock, domainS: ctx.domainS, yTitle: `${unit} / s`, yTitleRight: 'tasks', yRightInteger: true, series });
}

function tasksChart(ctx: ReportContext, name: string, s: SeriesTable): string {
  const end = atEnd(s.time, ctx.periodS);
  const c = s.columns;
  const series: LineSeries[] = [
    { label: 'desired', ...desiredSteps(end, c.desired_count, ctx.data.events, name), color: ROLE.desired, curve: 'step', width: 2.2 },
    { label: 'running', ...runningSteps(end, c.running_count, ctx.data.tasks.filter((t) => t.service === name).map((t) => t.runningS)), color: ROLE.running, curve: 'step' },
    { label: 'pending', x: end, y: c.pending_count, color: ROLE.pending, curve: 'step' },
  ];
  if (hasValues(c.min_capacity)) series.push({ label: 'min / max capacity', x: end, y: c.min_capacity, color: '#999', curve: 'step', dashed: true, width: 1.2 });
  if (hasValues(c.max_capacity)) series.push({ label: 'max capacity', x: end, y: c.max_capacity, color: '#999', curve: 'step', dashed: true, width: 1.2 });
  const markers: Marker[] = [];
  for (const e of ctx.data.events) {
    if (e.subject !== name) continue;
    if (e.type === 'scaling-activity') {
      const a = parseScalingActivity(e.timeS, e.subject, e.message);
      const dir = a?.direction === 'in' ? 'down' : 'up';
      markers.push({ timeS: e.timeS, color: dir === 'up' ? ROLE.scaleOut : ROLE.scaleIn, direction: dir, title: `${clockLabel(ctx.clock, e.timeS)} ${e.message}` });
    } else if (e.type === 'scheduled-action' && !SKIPPED.test(e.message)) {
      // (a cron() firing the clocks skipped is no firing: no marker)
      markers.push({ timeS: e.timeS, color: ROLE.scheduled, direction: 'none', title: `${clockLabel(ctx.clock, e.timeS)} ${e.message}` });
    }
  }
  const legendMax = series.findIndex((x) => x.label === 'max capacity');
  const shown = legendMax >= 0 ? series.filter((_, i) => i !== legendMax) : series;
  return lineChart({
    title: `${name} — tasks and scaling activities`,
    clock: ctx.clock,
    domainS: ctx.domainS,
    yTitle: 'tasks',
    yInteger: true,
    series,
    markers,
    extraLegend: [
      { label: 'scale out', color: ROLE.scaleOut, shape: 'marker', direction: 'up' },
      { label: 'scale in', color: ROLE.scaleIn, shape: 'marker', direction: 'down' },
      ...(markers.some((m) => m.direction === 'none') ? [{ label: 'scheduled action', color: ROLE.scheduled, shape: 'marker' as const, direction: 'none' as const }] : []),
    ],
    legendSeries: shown,
  });
}

function utilizationChart(ctx: ReportContext, name: string, s: SeriesTable, set: ServiceSettings | undefined): string {
  const mid = atMiddle(s.time, ctx.periodS);
  const series: LineSeries[] = [
    { label: 'CPU utilization', x: mid, y: s.columns.cpu_utilization, color: ROLE.cpu, width: 2.2 },
    { label: 'memory utilization', x: mid, y: s.columns.memory_utilization, color: ROLE.memory, dashed: true },
  ];
  const refLines = refLinesFor(set, ['cpu_utilization', 'memory_utilization']);
  const { bands, legend } = alarmBands(ctx, name, set, 'utilization');
  const title = set ? `${name} — utilization vs scaling targets` : `${name} — utilization (targets and alarms unknown: no scenario.json)`;
  return lineChart({ title, clock: ctx.clock, domainS: ctx.domainS, yTitle: '% of reserved', series, refLines, bands, extraLegend: legend });
}

function backlogChart(ctx: ReportContext, name: string, s: SeriesTable, set: ServiceSettings | undefined): string {
  // backlog and running_count are end-of-period values: drawn at the period's end
  const end = atEnd(s.time, ctx.periodS);
  const c = s.columns;
  const series: LineSeries[] = [
    // BacklogPerTask as published: the whole count of visible messages (ApproximateNumberOfMessagesVisible) over the running tasks, as its alarm bands
    { label: 'backlog per task (visible messages / running tasks)', x: end, y: perTask(c.backlog?.map(visibleMessages), c.running_count), color: ROLE.load, width: 2.2 },
    { label: 'messages queued', x: end, y: c.backlog!, color: ROLE.pending, axis: 'right' },
  ];
  const { bands, legend } = alarmBands(ctx, name, set, 'backlog');
  return lineChart({ title: `${name} — backlog per task vs target`, clock: ctx.clock, domainS: ctx.domainS, yTitle: 'messages per task', yTitleRight: 'messages', yRightInteger: true, series, refLines: refLinesFor(set, ['backlog']), bands, extraLegend: legend });
}

function requestsChart(ctx: ReportContext, name: string, s: SeriesTable, set: ServiceSettings | undefined): string {
  // a Sum over the period (requests received in it): drawn at the period's middle, as the
  // other per-period figures; a gap where the metric had no datapoint (no healthy target)
  const mid = atMiddle(s.time, ctx.periodS);
  const series: LineSeries[] = [
    { label: 'RequestCountPerTarget (requests received in the period / healthy targets)', x: mid, y: s.columns.request_count_per_target, color: ROLE.load, width: 2.2 },
  ];
  const { bands, legend } = alarmBands(ctx, name, set, 'requests');
  return lineChart({ title: `${name} — requests per target vs target`, clock: ctx.clock, domainS: ctx.domainS, yTitle: `requests per target (per ${fmtMs(ctx.periodS * 1000)} period)`, series, refLines: refLinesFor(set, ['request_count_per_target']), bands, extraLegend: legend });
}

function latencyChart(ctx: ReportContext, name: string, s: SeriesTable, set: ServiceSettings | undefined): string {
  const mid = atMiddle(s.time, ctx.periodS);
  const c = s.columns;
  const series: LineSeries[] = [
    { label: 'p50', x: mid, y: c.latency_p50_ms, color: '#59a14f' },
    { label: 'p95', x: mid, y: c.latency_p95_ms, color: '#f28e2b', width: 2.2 },
    { label: 'p99', x: mid, y: c.latency_p99_ms, color: '#b07aa1' },
  ];
  const refLines: RefLine[] = set?.sloLatencyP95Ms ? [{ value: set.sloLatencyP95Ms, label: `SLO p95 ≤ ${set.sloLatencyP95Ms} ms`, color: ROLE.slo }] : [];
  return lineChart({ title: `${name} — latency vs SLO`, clock: ctx.clock, domainS: ctx.domainS, yTitle: 'latency (ms)', series, refLines });
}

/** The policies' lines on a chart: one colour per policy, its target dashed and its thresholds dotted. */
function refLinesFor(set: ServiceSettings | undefined, columns: string[]): RefLine[] {
  const lines: TargetLine[] = set?.lines.filter((l) => l.column !== null && columns.includes(l.column)) ?? [];
  const policies = [...new Set(lines.map((l) => l.policy))];
  return lines.map((l) => ({
    value: l.value,
    label: `${l.policy}: ${l.kind} ${Number.isInteger(l.value) ? l.value : l.value.toFixed(1)}${l.axis === 'right' ? ' (right axis)' : ''}`,
    color: POLICY_COLORS[policies.indexOf(l.policy) % POLICY_COLORS.length],
    dashArray: l.kind === 'target' ? '6 4' : '2 3',
    ...(l.axis ? { axis: l.axis } : {}),
  }));
}
