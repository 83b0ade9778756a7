// The charts of the capacity providers: instances and CapacityProviderReservation per
// Auto Scaling group provider (with managed scaling's targetCapacity), tasks per Fargate
// provider, and the cost to date of all providers stacked.

import type { SeriesTable } from '../data/results-data.js';
import { lineChart, type LineSeries, type RefLine } from '../charts/line-chart.js';
import { stackedAreaChart } from '../charts/area-chart.js';
import type { Marker } from '../charts/markers.js';
import { ROLE, seriesColor } from '../charts/palette.js';
import { parseScalingActivity } from '../narrative/parse-scaling-activity.js';
import { clockLabel } from '../format/sim-time.js';
import type { ReportContext } from './report-context.js';
import { atEnd, hasValues } from './series-points.js';
import { desiredSteps } from './desired-steps.js';
import { isAsgProvider } from '../data/provider-kind.js';

export function providerChart(ctx: ReportContext, name: string, s: SeriesTable): string {
  const end = atEnd(s.time, ctx.periodS);
  const c = s.columns;
  const isAsg = isAsgProvider(ctx.data, name);
  if (!isAsg) {
    return lineChart({
      title: `${name} — tasks`,
      clock: ctx.clock,
      domainS: ctx.domainS,
      yTitle: 'tasks',
      series: [
        { label: 'tasks running', x: end, y: c.tasks_running, color: ROLE.running, curve: 'step', width: 2.2 },
        { label: 'tasks provisioning', x: end, y: c.tasks_provisioning, color: ROLE.pending, curve: 'step' },
      ],
    });
  }
  const series: LineSeries[] = [
    { label: 'instances running', x: end, y: c.instances_running, color: ROLE.running, curve: 'step', width: 2.2 },
    { label: 'instances pending', x: end, y: c.instances_pending, color: ROLE.pending, curve: 'step' },
    { label: 'instances draining', x: end, y: c.instances_draining, color: '#9c755f', curve: 'step' },
  ];
  if (hasValues(c.desired_capacity)) series.push({ label: 'ASG desired capacity', ...desiredSteps(end, c.desired_capacity, ctx.data.events, name), color: ROLE.desired, curve: 'step', dashed: true });
  const refLines: RefLine[] = [];
  const hasReservation = hasValues(c.capacity_provider_reservation);
  if (hasReservation) {
    series.push({ label: 'CapacityProviderReservation', x: end, y: c.capacity_provider_reservation, color: '#76b7b2', axis: 'right' });
    const target = ctx.settings.targetCapacity.get(name);
    if (target !== undefined) refLines.push({ value: target, label: `targetCapacity ${target} %`, color: ROLE.target, axis: 'right' });
  }
  const markers: Marker[] = [];
  for (const e of ctx.data.events) {
    if (e.type !== 'scaling-activity' || e.subject !== name) continue;
    const a = parseScalingActivity(e.timeS, e.subject, e.message);
    const dir = a?.direction === 'in' ? 'down' : 'up';
    markers.push({ timeS: e.timeS, color: dir === 'up' ? ROLE.scaleOut : ROLE.scaleIn, direction: dir, title: `${clockLabel(ctx.clock, e.timeS)} ${e.message}` });
  }
  return lineChart({
    title: `${name} — instances${hasReservation ? ' and capacity provider reservation' : ''}`,
    clock: ctx.clock,
    domainS: ctx.domainS,
    yTitle: 'instances',
    yTitleRight: hasReservation ? 'reservation (%)' : undefined,
    series,
    refLines,
    markers,
    extraLegend: markers.length
      ? [
          { label: 'managed scaling out', color: ROLE.scaleOut, shape: 'marker', direction: 'up' },
          { label: 'managed scaling in', color: ROLE.scaleIn, shape: 'marker', direction: 'down' },
        ]
      : [],
  });
}

export function costChart(ctx: ReportContext): string | null {
  const providers = [...ctx.data.providers.entries()];
  if (providers.length === 0) return null;
  const [, first] = providers[0];
  const n = Math.min(...providers.map(([, s]) => s.time.length));
  const x = atEnd(first.time.subarray(0, n), ctx.periodS);
  return stackedAreaChart({
    // the layers are stacked: the top edge is the total, a layer's height its provider's cost
    title: providers.length > 1 ? 'Cost to date by capacity provider (stacked; top = total)' : `Cost to date of ${providers[0][0]}`,
    clock: ctx.clock,
    domainS: ctx.domainS,
    yTitle: 'USD',
    x,
    layers: providers.map(([name, s], i) => ({ label: name, y: (s.columns.cost_to_date ?? new Float64Array(n)).subarray(0, n), color: seriesColor(i) })),
  });
}
