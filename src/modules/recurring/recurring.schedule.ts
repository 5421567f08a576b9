/**
 * When a recurring payment or income falls due (docs/recurring.md). Pure functions over local calendar dates
 * (YYYY-MM-DD) and the user's time zone; no clock of their own: `now` is passed in.
 *
 * - month, day 1–31: that day of every month; a day the month does not have (31 in November, 29–31 in February)
 *   is the month's last day.
 * - week, day 1–7: that weekday, Monday = 1.
 * - An occurrence is due from RUN_HOUR (09:00) local on its date. Occurrences start on `startsOn` (the local date
 *   the rule was made, changed or resumed); missed ones are caught up for CATCH_UP_DAYS, older ones are skipped.
 */
import { localDate, readIsoDate, utcMillis, wallClock } from '../../common/time/local-time';

export const EVERY = ['month', 'week'] as const;
export type Every = (typeof EVERY)[number];

export interface Timing {
  every: Every;
  day: number;
}

/** Local hour an occurrence becomes due. */
export const RUN_HOUR = 9;
/** Missed occurrences at most this many days old are still handled (once); older ones are skipped. */
export const CATCH_UP_DAYS = 31;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function parts(date: string): [number, number, number] {
  const p = readIsoDate(date);
  if (!p) throw new Error(`Not a date: ${date}`);
  return p;
}

/** The date `n` days after (before, when negative) `date`. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(utcMillis(y, m - 1, d + n));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = parts(date);
  const w = new Date(utcMillis(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

function daysInMonth(y: number, m: number): number {
  return new Date(utcMillis(y, m, 0)).getUTCDate();
}

/** Is `day` a valid day for `every` (1–31 for month, 1–7 for week)? */
export function validDay(every: Every, day: number): boolean {
  return Number.isInteger(day) && day >= 1 && day <= (every === 'month' ? 31 : 7);
}

/** The occurrence in month y-m: `day`, or the month's last day when it has fewer days. */
function inMonth(y: number, m: number, day: number): string {
  return ymd(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The first occurrence on or after `from`. */
export function occurrenceOnOrAfter(t: Timing, from: string): string {
  if (t.every === 'week') return addDays(from, (t.day - isoWeekday(from) + 7) % 7);
  const [y, m] = parts(from);
  const here = inMonth(y, m, t.day);
  if (here >= from) return here;
  return m === 12 ? inMonth(y + 1, 1, t.day) : inMonth(y, m + 1, t.day);
}

/** The occurrences in [from, to], oldest first. */
export function occurrencesBetween(t: Timing, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = occurrenceOnOrAfter(t, from); d <= to; d = occurrenceOnOrAfter(t, addDays(d, 1))) out.push(d);
  return out;
}

/** The user's local date now. */
export function today(now: Date, timeZone: string): string {
  return localDate(now, timeZone);
}

/** Has `date`'s run hour (09:00 local) come? */
function runHourReached(date: string, now: Date, timeZone: string): boolean {
  const local = today(now, timeZone);
  if (date !== local) return date < local;
  return wallClock(now, timeZone).hour >= RUN_HOUR;
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The occurrences due at `now` that were never handled: from max(startsOn, today − CATCH_UP_DAYS) to today, today's
 * only from RUN_HOUR local. Oldest first.
 */
export function dueOccurrences(
  t: Timing,
  startsOn: string,
  now: Date,
  timeZone: string,
  handled: ReadonlySet<string>,
): string[] {
  const local = today(now, timeZone);
  const from = later(startsOn, addDays(local, -CATCH_UP_DAYS));
  return occurrencesBetween(t, from, local).filter(
    (d) => !handled.has(d) && runHourReached(d, now, timeZone),
  );
}

/**
 * The next occurrence's local date: the first one on or after today (and on or after `startsOn`) that was not
 * handled yet (`lastHandled`: the latest occurrence already recorded, skipped or asked about).
 */
export function nextDate(
  t: Timing,
  startsOn: string,
  now: Date,
  timeZone: string,
  lastHandled: string | null,
): string {
  let from = later(startsOn, today(now, timeZone));
  if (lastHandled && lastHandled >= from) from = addDays(lastHandled, 1);
  return occurrenceOnOrAfter(t, from);
}
