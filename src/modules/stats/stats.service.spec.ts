import { namedPeriod } from './stats.period';
import { shareBasisPoints, summarize, summaryJson } from './stats.service';

describe('shares and the summary', () => {
  it.each([
    [1n, 3n, 3333],
    [2n, 3n, 6667],
    [1n, 8n, 1250],
    [5n, 5n, 10000],
    [0n, 0n, 0],
    [10n ** 17n, 3n * 10n ** 17n, 3333],
  ])('shareBasisPoints(%s, %s) = %s', (a, b, bp) => {
    expect(shareBasisPoints(a, b)).toBe(bp);
  });

  it('totals per currency (never mixed), categories ordered expenses first, largest first, exact decimals', () => {
    const range = namedPeriod('month', new Date('2026-11-29T09:00:00Z'), 'Asia/Tashkent');
    const s = summarize(
      range,
      [
        { currency: 'UZS', type: 'expense', category: 'cafe', amountMinor: 1n, count: 1 },
        { currency: 'USD', type: 'income', category: 'salary', amountMinor: 99_999_999_999_999_999n, count: 2 },
        { currency: 'UZS', type: 'expense', category: 'transport', amountMinor: 2n, count: 3 },
        { currency: 'UZS', type: 'income', category: 'gifts', amountMinor: 10n, count: 1 },
      ],
      (k) => k.toUpperCase(),
    );
    const json = summaryJson(s);
    expect(json.totals).toEqual([
      { currency: 'USD', income: '999999999999999.99', expense: '0.00', balance: '999999999999999.99', count: 2 },
      { currency: 'UZS', income: '0.10', expense: '0.03', balance: '0.07', count: 5 },
    ]);
    expect(json.by_category.map((c) => [c.type, c.currency, c.category, c.category_name, c.amount, c.share_percent])).toEqual([
      ['expense', 'UZS', 'transport', 'TRANSPORT', '0.02', 66.67],
      ['expense', 'UZS', 'cafe', 'CAFE', '0.01', 33.33],
      ['income', 'USD', 'salary', 'SALARY', '999999999999999.99', 100],
      ['income', 'UZS', 'gifts', 'GIFTS', '0.10', 100],
    ]);
    expect([json.period, json.date_from, json.date_to]).toEqual(['month', '2026-11-01', '2026-11-30']);
  });
});
