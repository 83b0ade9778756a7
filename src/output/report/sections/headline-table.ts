// The headline figures per service and the cost per provider, as rows of text shared by
// the HTML page and report.md (from summary.json, SLO from scenario.json when present).

import type { ReportContext } from './report-context.js';
import { fmtNum, fmtPct, fmtUsdColumn } from '../format/numbers.js';
import { spotProviders } from './capacity-charts.js';

export interface Table {
  header: string[];
  /** A tooltip per header cell (e.g. a sweep path's full dotted name); none where undefined. */
  headerTitles?: (string | undefined)[];
  rows: string[][];
  /** Columns aligned right (numbers). */
  numeric: boolean[];
}

export function serviceHeadlineTable(ctx: ReportContext): Table {
  const header = ['service', 'task-hours', 'desired lowest..highest (final)', 'CPU % mean / p95', 'p95 latency ms', 'p95 SLO ms', 'dropped %', 'SLO-violation min', 'scale out / in'];
  const rows: string[][] = [];
  for (const [name, s] of Object.entries(ctx.data.summary.services ?? {})) {
    const offered = s.requests?.offered ?? 0;
    const dropped = offered > 0 ? ((s.requests?.dropped ?? 0) / offered) * 100 : NaN;
    const slo = ctx.settings.services.get(name)?.sloLatencyP95Ms;
    rows.push([
      name,
      fmtNum(s.taskHours),
      s.desiredCount ? `${s.desiredCount.min}..${s.desiredCount.max} (${s.desiredCount.final})` : '–',
      `${fmtNum(s.cpuUtilization?.mean)} / ${fmtNum(s.cpuUtilization?.p95)}`,
      fmtNum(s.latencyMs?.p95),
      slo ? fmtNum(slo) : '–',
      fmtPct(dropped, 2).replace(' %', ''),
      fmtNum(s.sloViolationMinutes),
      `${s.scalingActivities?.out ?? 0} / ${s.scalingActivities?.in ?? 0}`,
    ]);
  }
  return { header, rows, numeric: header.map((_, i) => i > 0) };
}

/** Cost per provider with what it paid for: instance-hours of a group, task-hours of Fargate. */
export function costTable(ctx: ReportContext): Table {
  const cost = ctx.data.summary.cost ?? {};
  const hours = ctx.data.summary.capacityProviders ?? {};
  const used = (p: string) => {
    const h = hours[p];
    if (h?.instanceHours !== undefined) return `${fmtNum(h.instanceHours)} instance-h`;
    if (h?.taskHours !== undefined) return `${fmtNum(h.taskHours)} task-h`;
    return '–';
  };
  const entries = Object.entries(cost.byProvider ?? {});
  // one number of decimals for the column: $0.560 beside $0.296, not $0.56
  const usd = fmtUsdColumn([...entries.map(([, v]) => v), cost.total]);
  const rows = entries.map(([p], i) => [p, used(p), usd[i]]);
  rows.push(['total', '', usd[entries.length]]);
  return { header: ['capacity provider', 'instance- or task-hours', `cost (${cost.currency ?? 'USD'})`], rows, numeric: [false, true, true] };
}

/**
 * The note under the cost table when its hours times a price would not give the cost: a
 * Fargate task is billed from PENDING (image pull and container start included), while its
 * task-hours count from RUNNING; an EC2 Spot group's instance-hours include instances EC2
 * interrupted in their first hour, which are not charged (the Spot groups named from
 * scenario.json's purchaseOption; without scenario.json, said of any group). Null for
 * on-demand groups alone, whose hours differ from their bills only by the whole-second
 * rounding and 60 s minimum.
 */
export function costTableNote(ctx: ReportContext): string | null {
  const hours = ctx.data.summary.capacityProviders ?? {};
  const names = Object.keys(ctx.data.summary.cost?.byProvider ?? {});
  const groups = names.filter((p) => hours[p]?.instanceHours !== undefined);
  const fargate = names.filter((p) => hours[p]?.instanceHours === undefined && hours[p]?.taskHours !== undefined);
  const spot = spotProviders(ctx.data.scenario, groups);
  const parts: string[] = [];
  if (fargate.length > 0) parts.push(`Fargate bills a task from PENDING (its image pull and container start included), while its task-hours count from RUNNING (${fargate.join(', ')})`);
  if (spot === null && groups.length > 0) parts.push('the instance-hours of an EC2 Spot group include instances EC2 interrupted in their first hour, which are not charged');
  else if (spot !== null && spot.length > 0) parts.push(`the instance-hours of ${spot.join(', ')} include Spot instances EC2 interrupted in their first hour, which are not charged`);
  if (parts.length === 0) return null;
  return `Hours times a price do not give the cost: ${parts.join('; ')}; and each instance and task is billed rounded up to whole seconds, 60 s at least (docs/outputs.md, cost).`;
}
