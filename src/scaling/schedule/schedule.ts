// The parsed form of a scheduled action's `schedule` expression: at(...), rate(...) or
// cron(...) (autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html).

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export interface AtSchedule {
  kind: 'at';
  text: string;
  /** Wall-clock time in the action's timezone. */
  local: LocalDateTime;
}

export type RateUnit = 'minute' | 'hour' | 'day';

export interface RateSchedule {
  kind: 'rate';
  text: string;
  value: number;
  unit: RateUnit;
  intervalMs: number;
}

/** Day-of-month field: plain days plus AWS's L (last day), LW and nW (nearest weekday). */
export interface DayOfMonthField {
  days: Uint8Array; // index 1-31
  last: boolean;
  lastWeekday: boolean;
  nearestWeekday: number[];
}

/** Day-of-week field (1 = SUN ... 7 = SAT): plain days plus xL (last x of month) and x#n. */
export interface DayOfWeekField {
  days: Uint8Array; // index 1-7
  lastOfMonth: number[];
  nth: Array<{ dayOfWeek: number; n: number }>;
}

export interface CronSchedule {
  kind: 'cron';
  text: string;
  minutes: Uint8Array; // 0-59
  hours: Uint8Array; // 0-23
  months: Uint8Array; // 1-12
  years: Uint8Array; // index year - CRON_MIN_YEAR
  /** null when the field is "?". Exactly one of dayOfMonth / dayOfWeek is null. */
  dayOfMonth: DayOfMonthField | null;
  dayOfWeek: DayOfWeekField | null;
}

export type Schedule = AtSchedule | RateSchedule | CronSchedule;

export const CRON_MIN_YEAR = 1970;
export const CRON_MAX_YEAR = 2199;
