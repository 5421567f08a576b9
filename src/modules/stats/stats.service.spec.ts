import { namedPeriod } from './stats.period';
import { summaryJson } from './stats.presenter';
import { summarize } from './stats.service';

describe('shares and the summary', () => {
  const range = namedPeriod('month', new Date('2026-11-29T09:00:00Z'), 'Asia/Tashkent');
  const expense = (category: string, amountMinor: bigint) => ({
    currency: 'UZS',
    type: 'expense' as const,
    category,
    amountMinor,
    count: 1,
  });

  it.each<[string, bigint[], number[], number[]]>([
    ['thirds', [1n, 1n, 1n], [3334, 3333, 3333], [334, 333, 333]],
    ['two to one', [2n, 1n], [6667, 3333], [667, 333]],
    ['an eighth', [1n, 7n], [1250, 8750], [125, 875]],
    ['one category', [5n], [10000], [1000]],
    ['huge amounts', [10n ** 17n, 2n * 10n ** 17n], [3333, 6667], [333, 667]],
    ['4:1:1 (per-line rounding would add up to 100.1%)', [4n, 1n, 1n], [6667, 1667, 1666], [667, 167, 166]],
  ])(
    '%s: basis points and tenths of a percent, each adding up to the whole',
    (_label, amounts, bp, permille) => {
      const keys = ['cafe', 'groceries', 'transport'];
      const s = summarize(
        range,
        amounts.map((a, i) => expense(keys[i], a)),
        (k) => k,
      );
      const byKey = new Map(s.byCategory.map((c) => [c.category, c]));
      expect(amounts.map((_, i) => byKey.get(keys[i])!.shareBp)).toEqual(bp);
      expect(amounts.map((_, i) => byKey.get(keys[i])!.sharePermille)).toEqual(permille);
    },
  );

  it('equal amounts get the same shares whatever order the rows come in', () => {
    const rows = [expense('transport', 1n), expense('cafe', 1n), expense('groceries', 1n)];
    const shares = (r: typeof rows) =>
      Object.fromEntries(summarize(range, r, (k) => k).byCategory.map((c) => [c.category, c.sharePermille]));
    expect(shares(rows)).toEqual(shares([...rows].reverse()));
  });

  it('totals per currency (never mixed), categories ordered expenses first, largest first, exact decimals', () => {
    const s = summarize(
      range,
      [
        { currency: 'UZS', type: 'expense', category: 'cafe', amountMinor: 1n, count: 1 },
        {
          currency: 'USD',
          type: 'income',
          category: 'salary',
          amountMinor: 99_999_999_999_999_999n,
          count: 2,
        },
        { currency: 'UZS', type: 'expense', category: 'transport', amountMinor: 2n, count: 3 },
        { currency: 'UZS', type: 'income', category: 'gifts', amountMinor: 10n, count: 1 },
      ],
      (k) => k.toUpperCase(),
    );
    const json = summaryJson(s);
    expect(json.totals).toEqual([
      {
        currency: 'USD',
        income: '999999999999999.99',
        expense: '0.00',
        balance: '999999999999999.99',
        count: 2,
      },
      { currency: 'UZS', income: '0.10', expense: '0.03', balance: '0.07', count: 5 },
    ]);
    expect(
      json.by_category.map((c) => [
        c.type,
        c.currency,
        c.category,
        c.category_name,
        c.amount,
        c.share_percent,
      ]),
    ).toEqual([
      ['expense', 'UZS', 'transport', 'TRANSPORT', '0.02', 66.67],
      ['expense', 'UZS', 'cafe', 'CAFE', '0.01', 33.33],
      ['income', 'USD', 'salary', 'SALARY', '999999999999999.99', 100],
      ['income', 'UZS', 'gifts', 'GIFTS', '0.10', 100],
    ]);
    expect([json.period, json.date_from, json.date_to]).toEqual(['month', '2026-11-01', '2026-11-30']);
  });
});
