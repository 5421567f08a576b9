import type { Rate } from '../../common/money';
import {
  budgetAllowance,
  countedBudgets,
  forecast,
  ForecastBudget,
  ForecastInput,
  ForecastRule,
  monthEnd,
} from './forecast';

const rule = (over: Partial<ForecastRule>): ForecastRule => ({
  type: 'expense',
  amountMinor: 100_000_00n,
  currency: 'UZS',
  category: 'housing',
  label: 'Аренда',
  every: 'month',
  day: 1,
  paused: false,
  nextDate: '2026-12-01',
  ...over,
});

const budget = (over: Partial<ForecastBudget>): ForecastBudget => ({
  label: 'Кафе',
  category: 'cafe',
  period: 'month',
  currency: 'UZS',
  amountMinor: 500_000_00n,
  remainingMinor: 200_000_00n,
  ...over,
});

const USD: Rate = { num: 12_000n, den: 1n };
const rates = new Map<string, Rate>([['USD', USD]]);

const input = (over: Partial<ForecastInput>): ForecastInput => ({
  today: '2026-12-06',
  currency: 'UZS',
  balanceMinor: 2_000_000_00n,
  balanceLabel: 'Баланс',
  rules: [],
  budgets: [],
  rates,
  ...over,
});

describe('monthEnd', () => {
  it.each([
    ['2026-12-06', '2026-12-31'],
    ['2026-02-10', '2026-02-28'],
    ['2028-02-01', '2028-02-29'],
    ['2026-04-30', '2026-04-30'],
  ])('%s → %s', (d, end) => expect(monthEnd(d)).toBe(end));
});

describe('forecast: recurring occurrences still due', () => {
  it.each<[string, Partial<ForecastInput>, string[]]>([
    // a monthly rule whose day is still to come this month
    ['monthly, later this month', { rules: [rule({ day: 20, nextDate: '2026-12-20' })] }, ['2026-12-20']],
    // already handled this month: next_date is next month → nothing due
    ['monthly, already handled', { rules: [rule({ day: 1, nextDate: '2027-01-01' })] }, []],
    // today's occurrence not yet asked about counts
    ['today, not handled', { rules: [rule({ day: 6, nextDate: '2026-12-06' })] }, ['2026-12-06']],
    // today's handled: next_date moved to next month
    ['today, handled', { rules: [rule({ day: 6, nextDate: '2027-01-06' })] }, []],
    // day 31 in a 30-day month → the 30th
    [
      '31 → 30th',
      { today: '2026-11-10', rules: [rule({ day: 31, nextDate: '2026-11-30' })] },
      ['2026-11-30'],
    ],
    // day 31 in February → 28th
    [
      '31 → Feb 28',
      { today: '2026-02-10', rules: [rule({ day: 31, nextDate: '2026-02-28' })] },
      ['2026-02-28'],
    ],
    // leap February → 29th
    [
      '30 → Feb 29',
      { today: '2028-02-29', rules: [rule({ day: 30, nextDate: '2028-02-29' })] },
      ['2028-02-29'],
    ],
    // weekly: every Monday from tomorrow (today Sunday 2026-12-06) to Dec 31
    [
      'weekly Mondays',
      { rules: [rule({ every: 'week', day: 1, nextDate: '2026-12-07' })] },
      ['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'],
    ],
    // weekly on the last day of the month (Thursday Dec 31)
    [
      'weekly Thursday, month end',
      { today: '2026-12-30', rules: [rule({ every: 'week', day: 4, nextDate: '2026-12-31' })] },
      ['2026-12-31'],
    ],
    // paused rules are skipped
    ['paused', { rules: [rule({ day: 20, nextDate: '2026-12-20', paused: true })] }, []],
    // the last day of the month: tomorrow is next month, nothing due beyond today
    ['month end, next month', { today: '2026-12-31', rules: [rule({ day: 1, nextDate: '2027-01-01' })] }, []],
  ])('%s', (_name, over, dates) => {
    const f = forecast(input(over));
    expect(f.parts.filter((p) => p.kind === 'recurring_expense').map((p) => p.date)).toEqual(dates);
  });

  it('adds incomes, subtracts payments, converts at the rate', () => {
    const f = forecast(
      input({
        rules: [
          rule({
            type: 'income',
            category: 'salary',
            label: 'Зарплата',
            day: 10,
            nextDate: '2026-12-10',
            amountMinor: 8_000_000_00n,
          }),
          rule({
            label: 'Netflix',
            category: 'entertainment',
            currency: 'USD',
            amountMinor: 10_00n,
            day: 15,
            nextDate: '2026-12-15',
          }),
        ],
      }),
    );
    expect(f).toMatchObject({
      asOf: '2026-12-06',
      monthEnd: '2026-12-31',
      balanceMinor: 2_000_000_00n,
      recurringIncomeMinor: 8_000_000_00n,
      recurringExpenseMinor: 120_000_00n,
      budgetsLeftMinor: 0n,
      expectedMinor: 9_880_000_00n,
      reason: null,
    });
    expect(f.parts).toEqual([
      { kind: 'balance', label: 'Баланс', date: null, amountMinor: 2_000_000_00n },
      { kind: 'recurring_income', label: 'Зарплата', date: '2026-12-10', amountMinor: 8_000_000_00n },
      { kind: 'recurring_expense', label: 'Netflix', date: '2026-12-15', amountMinor: 120_000_00n },
    ]);
  });
});

describe('forecast: budgets', () => {
  it.each<[string, ForecastBudget[], ForecastRule[], bigint]>([
    ['partly spent', [budget({})], [], 200_000_00n],
    ['overspent → 0', [budget({ remainingMinor: -50_000_00n })], [], 0n],
    // a recurring payment in the budget's category is not counted twice
    [
      'recurring under it',
      [budget({})],
      [rule({ category: 'cafe', amountMinor: 50_000_00n, day: 20, nextDate: '2026-12-20' })],
      150_000_00n,
    ],
    [
      'recurring beyond it',
      [budget({})],
      [rule({ category: 'cafe', amountMinor: 300_000_00n, day: 20, nextDate: '2026-12-20' })],
      0n,
    ],
    // a recurring payment in another category does not touch the cafe budget
    [
      'other category',
      [budget({})],
      [rule({ category: 'housing', day: 20, nextDate: '2026-12-20' })],
      200_000_00n,
    ],
    // an overall budget covers every recurring payment and makes the cafe budget redundant
    [
      'overall covers the rest',
      [
        budget({}),
        budget({ label: 'Всё', category: null, amountMinor: 3_000_000_00n, remainingMinor: 1_000_000_00n }),
      ],
      [rule({ amountMinor: 300_000_00n, day: 20, nextDate: '2026-12-20' })],
      700_000_00n,
    ],
    // a budget in dollars, converted
    ['in USD', [budget({ currency: 'USD', amountMinor: 100_00n, remainingMinor: 40_00n })], [], 480_000_00n],
  ])('%s', (_name, budgets, rules, left) => {
    expect(forecast(input({ budgets, rules })).budgetsLeftMinor).toBe(left);
  });

  it('food covers cafe and groceries; the same categories monthly over weekly', () => {
    const kept = countedBudgets([
      budget({ category: 'cafe' }),
      budget({ category: 'food' }),
      budget({ category: 'groceries' }),
      budget({ category: 'transport', period: 'week' }),
      budget({ category: 'transport', period: 'month' }),
    ]);
    expect(kept.map((b) => `${b.category}/${b.period}`)).toEqual(['food/month', 'transport/month']);
  });

  it.each<[string, string, bigint]>([
    // Sunday Dec 6: 1 day left this week (all of it in the month), then Mon 7–13, 14–20, 21–27 whole, 28–31 four days
    ['2026-12-06', '2026-12-31', 70_00n + 700_00n * 3n + 400_00n],
    // Wednesday Dec 30: 5 days left this week, 2 of them in December → 2/5 of what is left
    ['2026-12-30', '2026-12-31', 28_00n],
  ])('a weekly budget from %s', (today, end, expected) => {
    expect(
      budgetAllowance(budget({ period: 'week', amountMinor: 700_00n, remainingMinor: 70_00n }), today, end),
    ).toBe(expected);
  });
});

describe('forecast: a missing rate', () => {
  it('a rule in a currency without a rate: expected null, the part null', () => {
    const f = forecast(
      input({
        rates: null,
        rules: [rule({ currency: 'USD', amountMinor: 10_00n, day: 15, nextDate: '2026-12-15' })],
      }),
    );
    expect(f.expectedMinor).toBeNull();
    expect(f.recurringExpenseMinor).toBeNull();
    expect(f.reason).toBe('no_rate');
    expect(f.parts[1].amountMinor).toBeNull();
    expect(f.balanceMinor).toBe(2_000_000_00n);
  });

  it('no balance (not convertible): expected null', () => {
    const f = forecast(input({ balanceMinor: null }));
    expect(f).toMatchObject({ expectedMinor: null, reason: 'no_rate', budgetsLeftMinor: 0n });
  });

  it('a budget in EUR without a rate', () => {
    const f = forecast(input({ budgets: [budget({ currency: 'EUR' })] }));
    expect(f).toMatchObject({ budgetsLeftMinor: null, expectedMinor: null, reason: 'no_rate' });
  });

  it('a budget whose spending could not be converted', () => {
    expect(forecast(input({ budgets: [budget({ remainingMinor: null })] })).expectedMinor).toBeNull();
  });
});
