/**
 * Which reminders are due at an instant (pure). Every decision is made in the user's time zone; every reminder
 * has a key, and the sent_reminders row with that key is what makes it go out once.
 */
import { localDate, readIsoDate, utcMillis, wallClock } from '../../common/time/local-time';

/** Days before the due date a debt reminder goes out: three days before, the day before, the day itself. */
export const DEBT_REMINDER_DAYS: readonly number[] = [3, 1, 0];
/** Debt reminders go out from this local hour on (not at midnight). */
export const DEBT_REMINDER_HOUR = 9;

const DAY_MS = 86_400_000;

function dayNumber(date: string): number | null {
  const d = readIsoDate(date);
  return d ? utcMillis(d[0], d[1] - 1, d[2]) / DAY_MS : null;
}

/** Whole days from `today` to `due` (both YYYY-MM-DD); negative when overdue. */
export function daysBetween(today: string, due: string): number | null {
  const a = dayNumber(today);
  const b = dayNumber(due);
  return a === null || b === null ? null : b - a;
}

export interface DebtDue {
  id: string;
  dueDate: string;
}

export interface PlannedDebtReminder {
  key: string;
  daysLeft: number;
}

/** The reminder due now for an open debt in `timeZone`, or null (not one of the days, or too early in the day). */
export function debtReminderDue(debt: DebtDue, now: Date, timeZone: string): PlannedDebtReminder | null {
  if (wallClock(now, timeZone).hour < DEBT_REMINDER_HOUR) return null;
  const days = daysBetween(localDate(now, timeZone), debt.dueDate);
  if (days === null || !DEBT_REMINDER_DAYS.includes(days)) return null;
  // the due date is part of the key: moving the date plans the reminders anew
  return { key: `${debt.id}:${debt.dueDate}:${days}`, daysLeft: days };
}

/** "HH:MM" → minutes after midnight (null when malformed). */
export function minutesOf(time: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * The daily nudge's key when it is due now (the local clock has passed the user's reminder time today), else null.
 * The key is the local date: once a day.
 */
export function dailyReminderDue(reminderTime: string, now: Date, timeZone: string): string | null {
  const at = minutesOf(reminderTime);
  if (at === null) return null;
  const w = wallClock(now, timeZone);
  return w.hour * 60 + w.minute >= at ? localDate(now, timeZone) : null;
}

/** UTC calendar days [from, to] that hold every zone's "today" … "today + 3" (zones span −12 h … +14 h). */
export function dueWindow(now: Date): { from: string; to: string } {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(now.getTime() - DAY_MS), to: iso(now.getTime() + 5 * DAY_MS) };
}

/**
 * A planned payment's reminder (planned_payments.remind_on) is due from DEBT_REMINDER_HOUR on its day in the user's
 * zone, and at once when that day has passed (a tick missed while no instance ran).
 */
export function plannedReminderDue(remindOn: string, now: Date, timeZone: string): boolean {
  const today = localDate(now, timeZone);
  return today > remindOn || (today === remindOn && wallClock(now, timeZone).hour >= DEBT_REMINDER_HOUR);
}

/** The latest day any zone has reached at `now` (zones run up to 14 h ahead of UTC): the UTC date of tomorrow. */
export function latestLocalDay(now: Date): string {
  return new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
}
