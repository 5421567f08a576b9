/**
 * The month-end forecast (docs/forecast.md): today's balance + recurring incomes still due − recurring payments still
 * due − what budgets still allow, each part listed. A pure function over plain values (integer minor units, local
 * dates), table-tested in forecast.spec.ts; the service gathers the inputs.
 */
import { BASE_CURRENCY, convertMinor, Rate, UNIT_RATE } from '../../common/money';
import type { BudgetPeriod } from '../budgets/budget.entity';
import { coveredCategories } from '../budgets/budget-status';
import { addDays, Every, isoWeekday, occurrencesBetween } from '../recurring/recurring.schedule';

/** A recurring rule as the forecast needs it. */
export interface ForecastRule {
  type: 'income' | 'expense';
  amountMinor: bigint;
  currency: string;
  category: string;
  label: string;
  every: Every;
  day: number;
  paused: boolean;
  /** The first occurrence not handled yet (on or after today): today's counts until it was asked about or recorded. */
  nextDate: string;
}

/** A budget and what is left of its current period (null when its spending could not be converted). */
export interface ForecastBudget {
  label: string;
  /** A category key, "food", or null (everything). */
  category: string | null;
  period: BudgetPeriod;
  currency: string;
  amountMinor: bigint;
  remainingMinor: bigint | null;
}

export interface ForecastInput {
  /** The user's local date today (YYYY-MM-DD). */
  today: string;
  /** The currency everything is shown in. */
  currency: string;
  /** Today's balance in `currency`; null when it could not be converted. */
  balanceMinor: bigint | null;
  /** The balance part's label ("Баланс"). */
  balanceLabel: string;
  rules: readonly ForecastRule[];
  budgets: readonly ForecastBudget[];
  /** UZS per unit of the other currencies, at the bank's latest rates; null or a missing entry: no rate. */
  rates: ReadonlyMap<string, Rate> | null;
}

export type ForecastPartKind = 'balance' | 'recurring_income' | 'recurring_expense' | 'budget';

export interface ForecastPart {
  kind: ForecastPartKind;
  label: string;
  /** The occurrence's local date (recurring parts); null for the balance and budgets. */
  date: string | null;
  /** In the forecast's currency, positive; null when it could not be converted. */
  amountMinor: bigint | null;
}

export interface Forecast {
  currency: string;
  asOf: string;
  monthEnd: string;
  balanceMinor: bigint | null;
  recurringIncomeMinor: bigint | null;
  recurringExpenseMinor: bigint | null;
  budgetsLeftMinor: bigint | null;
  expectedMinor: bigint | null;
  /** Why `expected` is null: a rate is missing. */
  reason: 'no_rate' | null;
  parts: ForecastPart[];
}

/** The last day of `date`'s month. */
export function monthEnd(date: string): string {
  const [y, m] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 8)}${String(last).padStart(2, '0')}`;
}

const sumOrNull = (xs: ReadonlyArray<bigint | null>): bigint | null =>
  xs.some((x) => x === null) ? null : xs.reduce<bigint>((a, x) => a + x!, 0n);

const covers = (outer: string[] | null, inner: string[] | null): boolean =>
  outer === null || (inner !== null && inner.every((c) => outer.includes(c)));

/**
 * Budgets counted: one whose categories another budget already covers (everything covers all; food covers
 * groceries and cafe) is left out, so the same money is not allowed twice; of two with the same categories the
 * monthly one stays.
 */
export function countedBudgets<T extends Pick<ForecastBudget, 'category' | 'period'>>(
  budgets: readonly T[],
): T[] {
  return budgets.filter((b, i) => {
    const mine = coveredCategories(b.category);
    return !budgets.some((o, j) => {
      if (j === i) return false;
      const theirs = coveredCategories(o.category);
      if (!covers(theirs, mine)) return false;
      if (!covers(mine, theirs)) return true; // strictly wider
      // the same categories: the monthly one stays; of two alike, the first
      if (o.period !== b.period) return o.period === 'month';
      return j < i;
    });
  });
}

/**
 * What a budget still allows until `end`, in its own currency, before the recurring payments due under it:
 * a month: max(remaining, 0); a week: max(remaining, 0) over the days of this week left in the month (pro rata by
 * days from today), plus each later week's amount × its days in the month ÷ 7 (rounded down).
 */
export function budgetAllowance(b: ForecastBudget, today: string, end: string): bigint | null {
  if (b.remainingMinor === null) return null;
  const left = b.remainingMinor > 0n ? b.remainingMinor : 0n;
  if (b.period === 'month') return left;
  const sunday = addDays(today, 7 - isoWeekday(today));
  const daysLeftInWeek = BigInt(7 - isoWeekday(today) + 1);
  const lastDay = sunday < end ? sunday : end;
  const daysInMonth = BigInt(daysBetween(today, lastDay) + 1);
  let total = (left * daysInMonth) / daysLeftInWeek;
  for (let monday = addDays(sunday, 1); monday <= end; monday = addDays(monday, 7)) {
    const weekEnd = addDays(monday, 6) < end ? addDays(monday, 6) : end;
    total += (b.amountMinor * BigInt(daysBetween(monday, weekEnd) + 1)) / 7n;
  }
  return total;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The forecast for the end of `today`'s month. */
export function forecast(input: ForecastInput): Forecast {
  const { today, currency } = input;
  const end = monthEnd(today);
  const convert = (amount: bigint, from: string, to = currency): bigint | null => {
    if (from === to) return amount;
    const rateOf = (c: string) => (c === BASE_CURRENCY ? UNIT_RATE : (input.rates?.get(c) ?? null));
    const a = rateOf(from);
    const b = rateOf(to);
    return a && b ? convertMinor(amount, a, b) : null;
  };

  const parts: ForecastPart[] = [
    { kind: 'balance', label: input.balanceLabel, date: null, amountMinor: input.balanceMinor },
  ];
  const recurring: Array<ForecastPart & { rule: ForecastRule }> = [];
  for (const rule of input.rules) {
    if (rule.paused) continue;
    const from = rule.nextDate > today ? rule.nextDate : today;
    for (const date of occurrencesBetween(rule, from, end))
      recurring.push({
        kind: rule.type === 'income' ? 'recurring_income' : 'recurring_expense',
        label: rule.label,
        date,
        amountMinor: convert(rule.amountMinor, rule.currency),
        rule,
      });
  }
  recurring.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));

  const budgetParts: ForecastPart[] = [];
  for (const b of countedBudgets(input.budgets)) {
    const allowance = budgetAllowance(b, today, end);
    const covered = coveredCategories(b.category);
    // recurring payments under this budget already count against it: only what is left beyond them is subtracted
    const due = sumOrNull(
      recurring
        .filter(
          (p) => p.kind === 'recurring_expense' && (covered === null || covered.includes(p.rule.category)),
        )
        .map((p) => convert(p.rule.amountMinor, p.rule.currency, b.currency)),
    );
    let amount: bigint | null = null;
    if (allowance !== null && due !== null) {
      const rest = allowance - due;
      amount = convert(rest > 0n ? rest : 0n, b.currency);
    }
    budgetParts.push({ kind: 'budget', label: b.label, date: null, amountMinor: amount });
  }

  parts.push(...recurring.map(({ rule: _rule, ...p }) => p), ...budgetParts);
  const of = (kind: ForecastPartKind) =>
    sumOrNull(parts.filter((p) => p.kind === kind).map((p) => p.amountMinor));
  const income = of('recurring_income');
  const expense = of('recurring_expense');
  const budgets = of('budget');
  const known = [input.balanceMinor, income, expense, budgets];
  const expected = known.some((x) => x === null) ? null : input.balanceMinor! + income! - expense! - budgets!;
  return {
    currency,
    asOf: today,
    monthEnd: end,
    balanceMinor: input.balanceMinor,
    recurringIncomeMinor: income,
    recurringExpenseMinor: expense,
    budgetsLeftMinor: budgets,
    expectedMinor: expected,
    reason: expected === null ? 'no_rate' : null,
    parts,
  };
}
