// Parsing of the six fields of an AWS cron expression: minutes hours day-of-month month
// day-of-week year, with * , - / and the L, W, # wildcards; errors name the field and the
// character position of the offending text.

import {
  CRON_MAX_YEAR,
  CRON_MIN_YEAR,
  type CronSchedule,
  type DayOfMonthField,
  type DayOfWeekField,
} from './schedule.js';

interface FieldSpec {
  name: string;
  index: number; // 1-based position of the field
  min: number;
  max: number;
  names?: readonly string[]; // names[i] is the value min + i
  expected: string;
  /**
   * The largest increment after "/" (model: AWS documents no bound): the Quartz scheduler's
   * cron, with the same six fields, refuses an increment larger than the field's range
   * (above 59 in minutes, 23 in hours, 31 in day-of-month, 12 in month); such a step fires
   * once per enclosing period, not every n (cron(0/90 * * * ? *) is hourly). None for the year.
   */
  maxStep?: number;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const SPECS: readonly FieldSpec[] = [
  { name: 'minutes', index: 1, min: 0, max: 59, expected: 'a minute 0-59', maxStep: 59 },
  { name: 'hours', index: 2, min: 0, max: 23, expected: 'an hour 0-23', maxStep: 23 },
  { name: 'day-of-month', index: 3, min: 1, max: 31, expected: 'a day 1-31, L, LW or nW', maxStep: 31 },
  { name: 'month', index: 4, min: 1, max: 12, names: MONTHS, expected: 'a month 1-12 or JAN-DEC', maxStep: 12 },
  { name: 'day-of-week', index: 5, min: 1, max: 7, names: DAYS, expected: 'a day 1-7 or SUN-SAT (1 = SUN), L, xL or x#n' },
  { name: 'year', index: 6, min: CRON_MIN_YEAR, max: CRON_MAX_YEAR, expected: `a year ${CRON_MIN_YEAR}-${CRON_MAX_YEAR}` },
];

/** What a field's values repeat within: an increment larger than the field fires once in it. */
const ENCLOSING: Record<string, string> = { minutes: 'hour', hours: 'day', 'day-of-month': 'month', month: 'year' };

/** Where a piece of text sits in the whole expression, for error messages. */
interface Cursor {
  text: string; // the whole schedule expression
  offset: number; // 0-based index of the piece in `text`
}

function fail(spec: FieldSpec, at: Cursor, found: string, expected = spec.expected): never {
  throw new Error(
    `schedule "${at.text}": ${spec.name} (field ${spec.index}) at character ${at.offset + 1}: expected ${expected}, found "${found}"`,
  );
}

function parseValue(spec: FieldSpec, token: string, at: Cursor): number {
  let v: number;
  if (/^\d+$/.test(token)) v = Number(token);
  else {
    const i = spec.names ? spec.names.indexOf(token.toUpperCase()) : -1;
    if (i < 0) fail(spec, at, token);
    v = spec.min + i;
  }
  if (v < spec.min || v > spec.max) fail(spec, at, token);
  return v;
}

/** Sets flags[v] for every value of one plain item: *, v, v-w, * /s, v/s, v-w/s (ranges may wrap, except years). */
function addPlainItem(spec: FieldSpec, item: string, at: Cursor, flags: Uint8Array, base: number): void {
  const slash = item.indexOf('/');
  const rangePart = slash < 0 ? item : item.slice(0, slash);
  let step = 1;
  if (slash >= 0) {
    const s = item.slice(slash + 1);
    if (!/^\d+$/.test(s) || Number(s) < 1) fail(spec, { text: at.text, offset: at.offset + slash + 1 }, s, 'a step >= 1 after "/"');
    step = Number(s);
    if (spec.maxStep !== undefined && step > spec.maxStep) {
      const hint = spec.name === 'minutes' ? `; for every ${step} minutes use rate(${step} minutes)` : spec.name === 'hours' ? `; for every ${step} hours use rate(${step} hours)` : '';
      fail(spec, { text: at.text, offset: at.offset + slash + 1 }, s, `a step 1-${spec.maxStep} after "/" (a larger one fires once per ${ENCLOSING[spec.name]}, not every ${step}${hint})`);
    }
  }
  let from: number;
  let to: number;
  if (rangePart === '*') {
    from = spec.min;
    to = spec.max;
  } else {
    const dash = rangePart.indexOf('-');
    if (dash < 0) {
      from = parseValue(spec, rangePart, at);
      to = slash >= 0 ? spec.max : from;
    } else {
      from = parseValue(spec, rangePart.slice(0, dash), at);
      to = parseValue(spec, rangePart.slice(dash + 1), { text: at.text, offset: at.offset + dash + 1 });
      // years do not wrap: Quartz's cron refuses a reversed year range ("Start year must be
      // less than stop year"); 2030-2026 would otherwise fire from 2030 on, not 2026-2030
      if (spec.name === 'year' && to < from) fail(spec, at, rangePart, 'a year range from <= to');
    }
  }
  const span = spec.max - spec.min + 1;
  const count = to >= from ? to - from : to - from + span; // a range like FRI-MON wraps around
  for (let k = 0; k <= count; k += step) {
    const v = ((from - spec.min + k) % span) + spec.min;
    flags[v - base] = 1;
  }
}

function items(field: string, at: Cursor): Array<{ item: string; at: Cursor }> {
  const out: Array<{ item: string; at: Cursor }> = [];
  let offset = at.offset;
  for (const item of field.split(',')) {
    out.push({ item, at: { text: at.text, offset } });
    offset += item.length + 1;
  }
  return out;
}

function parseSimpleField(spec: FieldSpec, field: string, at: Cursor, size: number, base: number): Uint8Array {
  const flags = new Uint8Array(size);
  for (const { item, at: a } of items(field, at)) {
    if (item === '') fail(spec, a, item);
    addPlainItem(spec, item, a, flags, base);
  }
  return flags;
}

function parseDayOfMonth(field: string, at: Cursor): DayOfMonthField {
  const spec = SPECS[2];
  const f: DayOfMonthField = { days: new Uint8Array(32), last: false, lastWeekday: false, nearestWeekday: [] };
  const list = items(field, at);
  // L, LW and nW stand alone: Quartz's cron refuses them in a list ("1W,15W", "1,L"), and
  // AWS's cron reference (eb-cron-expressions.html) shows none in one
  if (list.length > 1) {
    for (const { item, at: a } of list) {
      if (/^(L|LW|\d+W)$/i.test(item)) fail(spec, a, field, `"${item}" as the only day-of-month expression (L, LW and nW take no list; one scheduled action per such day)`);
    }
  }
  for (const { item, at: a } of list) {
    const u = item.toUpperCase();
    if (u === 'L') f.last = true;
    else if (u === 'LW') f.lastWeekday = true;
    else if (/^\d+W$/.test(u)) {
      // (the whole item in the error: "32W", not "32")
      const d = Number(u.slice(0, -1));
      if (d < 1 || d > 31) fail(spec, a, item);
      f.nearestWeekday.push(d);
    }
    else if (item === '' || /[LW#?]/i.test(item)) fail(spec, a, item);
    else addPlainItem(spec, item, a, f.days, 0);
  }
  return f;
}

function parseDayOfWeek(field: string, at: Cursor): DayOfWeekField {
  const spec = SPECS[4];
  const f: DayOfWeekField = { days: new Uint8Array(8), lastOfMonth: [], nth: [] };
  const list = items(field, at);
  // EventBridge cron (eb-cron-expressions.html): day-of-week takes , - * ? L # but no "/";
  // "If you use the '#' character, you can define only one expression in the day-of-week field"
  const slash = field.indexOf('/');
  if (slash >= 0) {
    fail(spec, { text: at.text, offset: at.offset + slash }, field, 'no "/" in day-of-week (it allows , - * ? L #); list the days instead, e.g. MON,WED,FRI');
  }
  if (list.length > 1) {
    for (const { item, at: a } of list) {
      if (item.includes('#')) fail(spec, a, field, 'a "#" item as the only day-of-week expression (one scheduled action per "#" day)');
    }
  }
  for (const { item, at: a } of list) {
    const u = item.toUpperCase();
    if (u === 'L') f.days[7] = 1; // L alone: the last day of the week, Saturday
    else if (/^[0-9A-Z]+L$/.test(u)) f.lastOfMonth.push(parseValue(spec, u.slice(0, -1), a));
    else if (u.includes('#')) {
      const [d, n] = u.split('#');
      const dayOfWeek = parseValue(spec, d, a);
      if (!/^[1-5]$/.test(n)) fail(spec, { text: a.text, offset: a.offset + d.length + 1 }, n, 'a week number 1-5 after "#"');
      f.nth.push({ dayOfWeek, n: Number(n) });
    } else if (item === '' || item.includes('?')) fail(spec, a, item);
    else addPlainItem(spec, item, a, f.days, 0);
  }
  return f;
}

/** Parses the body of cron(...): six space-separated fields. `bodyOffset` locates it in `text`. */
export function parseCronFields(text: string, body: string, bodyOffset: number): CronSchedule {
  const fields: Array<{ field: string; at: Cursor }> = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) fields.push({ field: m[0], at: { text, offset: bodyOffset + m.index } });
  if (fields.length !== 6) {
    throw new Error(
      `schedule "${text}": expected 6 cron fields (minutes hours day-of-month month day-of-week year), found ${fields.length}`,
    );
  }
  const [mi, h, dom, mo, dow, y] = fields;
  const domQ = dom.field === '?';
  const dowQ = dow.field === '?';
  if (domQ === dowQ) {
    throw new Error(
      `schedule "${text}": expected "?" in exactly one of day-of-month (field 3) and day-of-week (field 5), found "${dom.field}" and "${dow.field}"`,
    );
  }
  for (const [i, f] of [mi, h, mo, y].entries()) {
    if (f.field.includes('?')) fail(SPECS[[0, 1, 3, 5][i]], f.at, f.field, 'no "?" (only day-of-month or day-of-week may be "?")');
  }
  return {
    kind: 'cron',
    text,
    minutes: parseSimpleField(SPECS[0], mi.field, mi.at, 60, 0),
    hours: parseSimpleField(SPECS[1], h.field, h.at, 24, 0),
    months: parseSimpleField(SPECS[3], mo.field, mo.at, 13, 0),
    years: parseSimpleField(SPECS[5], y.field, y.at, CRON_MAX_YEAR - CRON_MIN_YEAR + 1, CRON_MIN_YEAR),
    dayOfMonth: domQ ? null : parseDayOfMonth(dom.field, dom.at),
    dayOfWeek: dowQ ? null : parseDayOfWeek(dow.field, dow.at),
  };
}
