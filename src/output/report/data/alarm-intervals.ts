// The spans each CloudWatch alarm of a subject spent in ALARM, from the `alarm-state`
// rows of events.csv ("<alarm name> <from> -> <to>: <datapoints>"). An alarm still in
// ALARM at the end of the run stays so until `endS`.

import type { EventRow } from './results-data.js';

export interface AlarmInterval {
  alarm: string;
  fromS: number;
  toS: number;
  /** The sentence of the transition into ALARM. */
  message: string;
}

const TRANSITION = /^(\S+) (OK|ALARM|INSUFFICIENT_DATA) -> (OK|ALARM|INSUFFICIENT_DATA)\b/;

export function alarmIntervals(events: readonly EventRow[], subject: string, endS: number): AlarmInterval[] {
  const open = new Map<string, { fromS: number; message: string }>();
  const out: AlarmInterval[] = [];
  for (const e of events) {
    if (e.type !== 'alarm-state' || e.subject !== subject) continue;
    const m = TRANSITION.exec(e.message);
    if (!m) continue;
    const [, alarm, , to] = m;
    const started = open.get(alarm);
    if (to === 'ALARM' && !started) open.set(alarm, { fromS: e.timeS, message: e.message });
    else if (to !== 'ALARM' && started) {
      out.push({ alarm, fromS: started.fromS, toS: e.timeS, message: started.message });
      open.delete(alarm);
    }
  }
  for (const [alarm, s] of open) out.push({ alarm, fromS: s.fromS, toS: endS, message: s.message });
  return out.sort((a, b) => a.fromS - b.fromS);
}
