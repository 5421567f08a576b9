/**
 * Periods of the statistics: REST query parameters and bot arguments → whole local days in the user's zone and the
 * UTC instants bounding them. Pure.
 */
import { DomainError } from '../../common/errors/domain-error';
import { isCurrency, type Currency } from '../../common/money';
import { readIsoDate, startOfLocalDay, utcMillis } from '../../common/time/local-time';
import { currentMonth, currentWeek, currentYear, localToday, previousMonth, type StatsPeriod } from '../nlu';
import type { TransactionType } from '../transactions/transaction.entity';

export const PERIODS = ['week', 'month', 'prev_month', 'year', 'custom'] as const;
export type PeriodName = (typeof PERIODS)[number];

/** A period of local days [from, to] and the instants [start, end) they cover in the user's zone. */
export interface StatsRange {
  period: PeriodName;
  kind: StatsPeriod['kind'];
  from: string;
  to: string;
  start: Date;
  end: Date;
}

export interface SummaryQuery {
  range: StatsRange;
  type?: TransactionType;
  currency?: Currency;
  category?: string;
}

/** Longest custom period: ten years of days. */
const MAX_CUSTOM_DAYS = 3660;

/** The local days of a period → the instants bounding them (end exclusive: midnight after `to`). */
export function toRange(period: PeriodName, p: StatsPeriod, timeZone: string): StatsRange {
  return {
    period,
    kind: p.kind,
    from: p.from,
    to: p.to,
    start: startOfLocalDay(readIsoDate(p.from)!, timeZone),
    end: startOfLocalDay(readIsoDate(p.to)!, timeZone, 1),
  };
}

/** A named period as of `now` in the zone. */
export function namedPeriod(name: Exclude<PeriodName, 'custom'>, now: Date, timeZone: string): StatsRange {
  const today = localToday(now, timeZone);
  const p =
    name === 'week'
      ? currentWeek(today)
      : name === 'month'
        ? currentMonth(today)
        : name === 'prev_month'
          ? previousMonth(today)
          : currentYear(today);
  return toRange(name, p, timeZone);
}

function one(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v.trim() : undefined;
}

const choice = (v: string) => `Select a valid choice. ${v} is not one of the available choices.`;
const BAD_DATE = 'Enter a valid date in the format YYYY-MM-DD.';

function daysBetween(a: [number, number, number], b: [number, number, number]): number {
  return (utcMillis(b[0], b[1] - 1, b[2]) - utcMillis(a[0], a[1] - 1, a[2])) / 86_400_000;
}

/**
 * GET /api/analytics/summary/ parameters: period (week|month|prev_month|year|custom; default month, or custom when
 * dates are given), date_from/date_to (YYYY-MM-DD local days, both inclusive; only and both required with custom),
 * type, currency. Every bad parameter is reported at once, DRF style.
 */
export function parseSummaryQuery(query: Record<string, unknown>, now: Date, timeZone: string): SummaryQuery {
  const errors: Record<string, string[]> = {};
  const rawPeriod = one(query.period);
  const rawFrom = one(query.date_from);
  const rawTo = one(query.date_to);
  const hasDates = Boolean(rawFrom || rawTo);
  let period: PeriodName | undefined = rawPeriod ? undefined : hasDates ? 'custom' : 'month';
  if (rawPeriod) {
    if ((PERIODS as readonly string[]).includes(rawPeriod)) period = rawPeriod as PeriodName;
    else errors.period = [choice(rawPeriod)];
  }
  let range: StatsRange | undefined;
  if (period === 'custom') {
    const from = rawFrom ? readIsoDate(rawFrom) : null;
    const to = rawTo ? readIsoDate(rawTo) : null;
    if (!rawFrom) errors.date_from = ['This field is required when period is custom.'];
    else if (!from) errors.date_from = [BAD_DATE];
    if (!rawTo) errors.date_to = ['This field is required when period is custom.'];
    else if (!to) errors.date_to = [BAD_DATE];
    if (from && to) {
      const days = daysBetween(from, to);
      if (days < 0) errors.date_to = ['Must not be before date_from.'];
      else if (days >= MAX_CUSTOM_DAYS)
        errors.date_to = [`The period must not be longer than ${MAX_CUSTOM_DAYS} days.`];
      else range = toRange('custom', { kind: 'custom', from: rawFrom!, to: rawTo! }, timeZone);
    }
  } else if (period) {
    if (hasDates) {
      for (const field of ['date_from', 'date_to'] as const) {
        if (one(query[field])) errors[field] = ['Allowed only when period is custom.'];
      }
    }
    range = namedPeriod(period, now, timeZone);
  }
  const result: Partial<SummaryQuery> = {};
  const type = one(query.type);
  if (type) {
    if (type === 'income' || type === 'expense') result.type = type;
    else errors.type = [choice(type)];
  }
  const currency = one(query.currency);
  if (currency) {
    const code = currency.toUpperCase();
    if (isCurrency(code)) result.currency = code;
    else errors.currency = [choice(currency)];
  }
  if (Object.keys(errors).length || !range) throw new DomainError('validation', 'Invalid parameters', errors);
  return { ...result, range };
}
