// The charts of one service: load vs capacity, tasks with scaling activities, the scaling
// metric vs its target with alarm states, latency vs the SLO.

import type { SeriesTable } from '../data/results-data.js';
import { alarmIntervals, isScaleInAlarm } from '../data/alarm-intervals.js';
import { desiredSteps } from './desired-steps.js';
import type { ServiceSettings, TargetLine } from '../data/scenario-settings.js';
import { lineChart, type LineSeries, type RefLine } from '../charts/line-chart.js';
import type { Band, Marker } from '../charts/markers.js';
import { ROLE } from '../charts/palette.js';
import { parseScalingActivity } from '../narrative/parse-scaling-activity.js';
import { clockLabel, clockRange } from '../format/sim-time.js';
import type { ReportContext } from './report-context.js';
import { atEnd, atMiddle, hasValues, perSecond, perTask, times } from './series-points.js';

export function serviceCharts(ctx: ReportContext, name: string, s: SeriesTable): string[] {
  const set = ctx.settings.services.get(name);
  const charts = [loadChart(ctx, name, s, set), tasksChart(ctx, name, s), utilizationChart(ctx, name, s, set)];
  if (hasValues(s.columns.backlog)) charts.push(backlogChart(ctx, name, s, set));
  charts.push(latencyChart(ctx, name, s, set));
  return charts;
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
  return lineChart({ title: `${name} — load vs capacity`, clock: ctx.clock, domainS: ctx.domainS, yTitle: `${unit} / s`, yTitleRight: 'tasks', series });
}

function tasksChart(ctx: ReportContext, name: string, s: SeriesTable): string {
  const end = atEnd(s.time, ctx.periodS);
  const c = s.columns;
  const series: LineSeries[] = [
    { label: 'desired', ...desiredSteps(end, c.desired_count, ctx.data.events, name), color: ROLE.desired, curve: 'step', width: 2.2 },
    { label: 'running', x: end, y: c.running_count, color: ROLE.running, curve: 'step' },
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
    } else if (e.type === 'scheduled-action') {
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
  const bands: Band[] = alarmIntervals(ctx.data.events, name, ctx.domainS[1]).map((a) => ({
    fromS: a.fromS,
    toS: a.toS,
    color: isScaleInAlarm(a.alarm) ? ROLE.alarmLow : ROLE.alarmHigh,
    title: `${clockRange(ctx.clock, a.fromS, a.toS)} ${a.message}`,
  }));
  const title = set ? `${name} — utilization vs scaling targets` : `${name} — utilization (targets unknown: no scenario.json)`;
  return lineChart({
    title,
    clock: ctx.clock,
    domainS: ctx.domainS,
    yTitle: '% of reserved',
    series,
    refLines,
    bands,
    extraLegend: [
      { label: 'alarm in ALARM (scale out)', color: ROLE.alarmHigh, shape: 'box' },
      { label: 'low alarm in ALARM (scale in)', color: ROLE.alarmLow, shape: 'box' },
    ],
  });
}

function backlogChart(ctx: ReportContext, name: string, s: SeriesTable, set: ServiceSettings | undefined): string {
  // backlog and running_count are end-of-period values: drawn at the period's end
  const end = atEnd(s.time, ctx.periodS);
  const c = s.columns;
  const series: LineSeries[] = [
    { label: 'backlog per task (visible messages / running tasks)', x: end, y: perTask(c.backlog, c.running_count), color: ROLE.load, width: 2.2 },
    { label: 'messages queued', x: end, y: c.backlog!, color: ROLE.pending, axis: 'right' },
  ];
  return lineChart({ title: `${name} — backlog per task vs target`, clock: ctx.clock, domainS: ctx.domainS, yTitle: 'messages per task', yTitleRight: 'messages', series, refLines: refLinesFor(set, ['backlog']) });
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

function refLinesFor(set: ServiceSettings | undefined, columns: string[]): RefLine[] {
  const lines: TargetLine[] = set?.lines.filter((l) => l.column !== null && columns.includes(l.column)) ?? [];
  return lines.map((l) => ({
    value: l.value,
    label: `${l.policy}: ${l.kind} ${Number.isInteger(l.value) ? l.value : l.value.toFixed(1)}`,
    color: l.kind === 'target' ? ROLE.target : ROLE.threshold,
  }));
}
