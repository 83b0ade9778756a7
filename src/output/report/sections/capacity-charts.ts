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
import { fmtUsd, fmtUsdColumn } from '../format/numbers.js';
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
      yInteger: true,
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
    yInteger: true,
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

/**
 * A note under the cost chart when it ends below the cost table's total (as printed): each
 * provider's last cost_to_date leaves out an EC2 Spot instance's first hour until it has
 * passed (EC2 charges nothing for a Spot instance it interrupts in its first hour), and the
 * rounding up to whole seconds and the 60 s minimum of what is still running at the end;
 * summary.json's cost bills those as stopped at the end (docs/outputs.md). null when the two agree.
 */
export function costNote(ctx: ReportContext): string | null {
  const cost = ctx.data.summary.cost;
  const total = cost?.total;
  if (total === undefined || ctx.data.providers.size === 0) return null;
  let end = 0;
  let runningAtEnd = false;
  for (const s of ctx.data.providers.values()) {
    const c = s.columns.cost_to_date;
    const last = c ? c[c.length - 1] : NaN;
    if (Number.isFinite(last)) end += last;
    const lastOf = (col: Float64Array | undefined) => (col && col.length > 0 ? col[col.length - 1] : 0);
    if (lastOf(s.columns.instances_pending) + lastOf(s.columns.instances_running) + lastOf(s.columns.instances_draining) + lastOf(s.columns.tasks_running) > 0) runningAtEnd = true;
  }
  // capacity.csv writes cost_to_date to 6 decimals (4 before 2026-11-27, which a folder
  // of an earlier ecsim has): a gap within the coarser rounding is no gap
  if (!(total - end > CSV_COST_ROUNDING * ctx.data.providers.size) || fmtUsd(end) === fmtUsd(total)) return null;
  const spot = spotProviders(ctx.data.scenario, [...ctx.data.providers.keys()]);
  const rounding = 'the rounding up to whole seconds and the 60 s minimum charge of instances and tasks still running at the end';
  const why =
    spot === null
      ? `cost to date leaves out ${rounding}, and each EC2 Spot instance's first hour until it has passed (an interruption by EC2 in that hour is not charged)`
      : spot.length > 0
        ? `cost to date leaves out the first hour of each EC2 Spot instance (${spot.join(', ')}) until that hour has passed, as an interruption by EC2 in it is not charged${runningAtEnd ? `, and ${rounding}` : ''}`
        : `cost to date leaves out ${rounding}`;
  // the total as the cost table prints it (one number of decimals for its column)
  const printed = fmtUsdColumn([...Object.values(cost?.byProvider ?? {}), total]).at(-1)!;
  return `The cost chart ends at ${fmtUsd(end)}, below the total ${printed} in the cost table: ${why}; the table bills what is still running at the end as stopped then.`;
}

/** Half the last of the 4 decimals capacity.csv wrote cost_to_date with before 2026-11-27 (now 6), USD. */
const CSV_COST_ROUNDING = 0.00005;

/** The capacity providers of scenario.json that buy EC2 Spot instances (purchaseOption spot); null without scenario.json. */
export function spotProviders(scenario: Record<string, unknown> | null, names: string[]): string[] | null {
  if (!scenario) return null;
  const cluster = scenario.cluster as { capacityProviders?: Record<string, { autoScalingGroup?: { purchaseOption?: unknown } }> } | undefined;
  const cps = cluster?.capacityProviders ?? {};
  return names.filter((n) => cps[n]?.autoScalingGroup?.purchaseOption === 'spot');
}
