/**
 * The arithmetic of a budget (docs/budgets.md): the current period's bounds in the user's time zone, the spending
 * converted into the budget's currency at each day's bank rate, what is left, the percent and the warnings due.
 * Pure functions, table-tested in budget-status.spec.ts.
 */
import { BASE_CURRENCY, convertMinor, Rate, UNIT_RATE } from '../../common/money';
import { readIsoDate, startOfLocalDay } from '../../common/time/local-time';
import { currentMonth, currentWeek, localToday } from '../nlu';
import type { BudgetPeriod } from './budget.entity';

/** The local days [from, to] of the period containing `now`, and the instants [start, end) they cover. */
export interface PeriodBounds {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/** Month: the 1st to the last day; week: Monday to Sunday; both in `timeZone`. */
export function periodBounds(period: BudgetPeriod, now: Date, timeZone: string): PeriodBounds {
  const today = localToday(now, timeZone);
  const p = period === 'week' ? currentWeek(today) : currentMonth(today);
  return {
    from: p.from,
    to: p.to,
    start: startOfLocalDay(readIsoDate(p.from)!, timeZone),
    end: startOfLocalDay(readIsoDate(p.to)!, timeZone, 1),
  };
}

/** Expenses of one currency on one local day (YYYY-MM-DD). */
export interface DaySpending {
  day: string;
  currency: string;
  amountMinor: bigint;
}

/** UZS per unit of the currencies of one day, or null when the bank's rates of that day cannot be had. */
export type DayRates = ReadonlyMap<string, ReadonlyMap<string, Rate> | null>;

/**
 * The sum of `spending` in `target`: amounts in the target currency as they are, the others converted at the rates
 * of their own day (half-up, once per day and currency). Null when a rate needed is missing: a budget never adds
 * up mixed currencies as they are, nor converts at another day's rate than the one the rate source gave.
 */
export function spentIn(target: string, spending: readonly DaySpending[], rates: DayRates): bigint | null {
  let total = 0n;
  for (const s of spending) {
    if (s.currency === target) {
      total += s.amountMinor;
      continue;
    }
    const day = rates.get(s.day);
    if (!day) return null;
    const rateOf = (c: string) => (c === BASE_CURRENCY ? UNIT_RATE : day.get(c));
    const from = rateOf(s.currency);
    const to = rateOf(target);
    if (!from || !to) return null;
    total += convertMinor(s.amountMinor, from, to);
  }
  return total;
}

/** The days that need rates: those with spending in a currency other than the target. */
export function daysNeedingRates(target: string, spending: readonly DaySpending[]): Map<string, string[]> {
  const days = new Map<string, string[]>();
  for (const s of spending) {
    if (s.currency === target) continue;
    const list = days.get(s.day) ?? [];
    if (!list.includes(s.currency)) list.push(s.currency);
    if (target !== BASE_CURRENCY && !list.includes(target)) list.push(target);
    days.set(s.day, list);
  }
  return days;
}

/** Whole percent spent, rounded down (99.9% is not yet 100%); above 100 when overspent. */
export function percentSpent(spentMinor: bigint, limitMinor: bigint): number {
  if (limitMinor <= 0n) return 0;
  return Number((spentMinor * 100n) / limitMinor);
}

/** The warning thresholds, in percent. */
export const THRESHOLDS = [80, 100] as const;
export type Threshold = (typeof THRESHOLDS)[number];

/** The thresholds `spent` has reached (exactly: spent × 100 ≥ threshold × limit). */
export function reachedThresholds(spentMinor: bigint, limitMinor: bigint): Threshold[] {
  return THRESHOLDS.filter((t) => spentMinor * 100n >= BigInt(t) * limitMinor);
}

/** Categories a budget key covers: "food" is groceries and cafe; null (everything) is null. */
export const FOOD = 'food';
export function coveredCategories(category: string | null): string[] | null {
  if (category === null) return null;
  return category === FOOD ? ['groceries', 'cafe'] : [category];
}

/** A budget and where it stands in the current period. */
export interface BudgetLine {
  id: string;
  /** A category key, "food", or null (all spending). */
  category: string | null;
  /** A custom category's own name (null for default keys, "food" and null). */
  customName: string | null;
  wallet: 'personal' | 'household';
  period: BudgetPeriod;
  currency: string;
  amountMinor: bigint;
  /** Null when a rate needed to convert the period's spending cannot be had (docs/budgets.md, "Currencies"). */
  spentMinor: bigint | null;
  /** amount − spent; negative when overspent; null with spent. */
  remainingMinor: bigint | null;
  /** Whole percent spent (rounded down, above 100 when overspent); null with spent. */
  percent: number | null;
  /** The current period's local days. */
  periodFrom: string;
  periodTo: string;
}
