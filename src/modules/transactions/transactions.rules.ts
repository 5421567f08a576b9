/** The limits of a transaction's fields, shared by the REST DTOs, the service and the bot's recording. */
import { localDate, readIsoDate, utcMillis } from '../../common/time/local-time';

export const DESCRIPTION_MAX = 500;
export const CATEGORY_KEY_MAX = 64;
export const PARSE_TEXT_MAX = 1000;

/** The earliest day a record may carry (a typo like 0026-11-29 or 1026-11-29 is refused, not stored). */
export const EARLIEST_DATE = '2000-01-01';

/** The latest day a record may carry: a year after the user's today (planned payments, a mistyped year). */
export function latestDate(now: Date, timeZone: string): string {
  const [y, m, d] = readIsoDate(localDate(now, timeZone))!;
  return new Date(utcMillis(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

export function dateRangeMessage(latest: string): string {
  return `Ensure this date is between ${EARLIEST_DATE} and ${latest} (a year from today).`;
}

/**
 * The day a record's `date` falls on in the user's zone must lie in [EARLIEST_DATE, a year from today]: the
 * message when it does not, else undefined.
 */
export function dateRangeProblem(at: Date, timeZone: string, now: Date = new Date()): string | undefined {
  const latest = latestDate(now, timeZone);
  const day = localDate(at, timeZone);
  return day < EARLIEST_DATE || day > latest ? dateRangeMessage(latest) : undefined;
}
