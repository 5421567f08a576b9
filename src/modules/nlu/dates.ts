/**
 * Local calendar dates in the user's zone. Intl does the zone conversion; day arithmetic runs on UTC dates so it is
 * immune to DST. Formatters are cached per zone, and the local "today" per (zone, instant).
 */

export interface LocalDate {
  y: number;
  m: number;
  d: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Tashkent';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: DEFAULT_TIME_ZONE,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

let lastKey = '';
let lastToday: LocalDate = { y: 1970, m: 1, d: 1 };

/** The local date of `now` in `timeZone`. */
export function localToday(now: Date, timeZone: string): LocalDate {
  const t = now.getTime();
  const key = `${timeZone}|${t}`;
  if (key === lastKey) return lastToday;
  let y = 1970;
  let m = 1;
  let d = 1;
  if (Number.isFinite(t)) {
    for (const part of formatter(timeZone).formatToParts(now)) {
      if (part.type === 'year') y = Number.parseInt(part.value, 10);
      else if (part.type === 'month') m = Number.parseInt(part.value, 10);
      else if (part.type === 'day') d = Number.parseInt(part.value, 10);
    }
  }
  lastKey = key;
  lastToday = { y, m, d };
  return lastToday;
}

const DAY_MS = 86_400_000;

export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

/** Days back to the most recent `weekday` (today counts; never in the future). */
export function daysBackToWeekday(today: LocalDate, weekday: number): number {
  return (weekdayOf(today) - weekday + 7) % 7;
}

/** The most recent date with this day and month, not after today (this year or last year). */
export function mostRecentDayMonth(today: LocalDate, day: number, month: number): LocalDate | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  for (const y of [today.y, today.y - 1]) {
    const t = new Date(Date.UTC(y, month - 1, day));
    if (t.getUTCMonth() !== month - 1) continue; // 31 февраля
    const cand = { y, m: month, d: day };
    if (y < today.y || month < today.m || (month === today.m && day <= today.d)) return cand;
  }
  return null;
}

export function formatDate(date: LocalDate): string {
  const y = String(date.y).padStart(4, '0');
  const m = String(date.m).padStart(2, '0');
  const d = String(date.d).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
