import type { Language } from '../../config/app-config';
import { namedPeriod } from './stats.period';
import { summarize } from './stats.service';
import { amountsText, chartModel, pct, periodText, STATS_TEXTS, summaryText } from './stats.texts';

const LANGS: Language[] = ['ru', 'uz', 'en'];
const NOW = new Date('2026-11-29T09:00:00Z');

describe('stats texts', () => {
  it.each([
    ['ru', { kind: 'month', from: '2026-11-01', to: '2026-11-30' }, 'за ноябрь'],
    ['ru', { kind: 'month', from: '2025-12-01', to: '2025-12-31' }, 'за декабрь 2025'],
    ['uz', { kind: 'month', from: '2026-03-01', to: '2026-03-31' }, 'mart oyida'],
    ['en', { kind: 'month', from: '2026-10-01', to: '2026-10-31' }, 'in October'],
    ['ru', { kind: 'week', from: '2026-11-23', to: '2026-11-29' }, 'за неделю 23.11–29.11.2026'],
    ['en', { kind: 'day', from: '2026-11-28', to: '2026-11-28' }, 'on 28.11.2026'],
    ['uz', { kind: 'year', from: '2025-01-01', to: '2025-12-31' }, '2025-yilda'],
    ['en', { kind: 'custom', from: '2026-01-05', to: '2026-02-01' }, 'for 05.01.2026–01.02.2026'],
  ] as const)('periodText(%s, %j) = %s', (lang, period, text) => {
    expect(periodText(lang, period, 2026)).toBe(text);
  });

  it('amountsText: per currency, the user currency first, zero in the user currency', () => {
    const list = [
      { currency: 'USD', amountMinor: 725n },
      { currency: 'UZS', amountMinor: 12_000_000n },
      { currency: 'EUR', amountMinor: 0n },
    ];
    expect(amountsText(list, 'UZS')).toBe('120,000.00 UZS, 7.25 USD');
    expect(amountsText(list, 'RUB')).toBe('7.25 USD, 120,000.00 UZS');
    expect(amountsText([], 'USD')).toBe('0.00 USD');
  });

  it.each(LANGS)('%s: every catalogue entry is filled in', (lang) => {
    const t = STATS_TEXTS[lang];
    for (const value of [
      t.expenses,
      t.incomes,
      t.balance,
      t.unknownPeriod,
      t.exportEmpty,
      t.deleteConfirm,
      t.deleteYes,
      t.deleteNo,
      t.deleted,
    ]) {
      expect(value.trim().length).toBeGreaterThan(0);
    }
    for (const c of Object.values(t.commands)) expect(c.length).toBeLessThanOrEqual(256);
  });

  it.each(LANGS)(
    "%s: the caption stays within Telegram's 1024 characters even with many long categories",
    (lang) => {
      const rows = Array.from({ length: 40 }, (_, i) => ({
        currency: i % 2 ? 'USD' : 'UZS',
        type: (i % 4 < 2 ? 'expense' : 'income') as 'expense' | 'income',
        category: `custom:${i}`,
        amountMinor: BigInt(1000 + i),
        count: 1,
      }));
      const s = summarize(
        namedPeriod('month', NOW, 'Asia/Tashkent'),
        rows,
        (k) => `A rather long custom category name ${k}`,
      );
      const caption = summaryText(lang, s, 2026);
      expect(caption.length).toBeLessThanOrEqual(1024);
      expect(caption).toContain(STATS_TEXTS[lang].balance);
      const chart = chartModel(lang, s, 2026);
      expect(chart.blocks).toHaveLength(4);
      for (const b of chart.blocks) expect(b.bars.length).toBeLessThanOrEqual(10);
      for (const b of chart.blocks) for (const bar of b.bars) expect(bar.fraction).toBeGreaterThanOrEqual(0);
    },
  );

  it('an empty period says so', () => {
    const s = summarize(namedPeriod('prev_month', NOW, 'Asia/Tashkent'), [], (k) => k);
    expect(summaryText('ru', s, 2026)).toBe('📊 Операций за октябрь нет.');
    expect(summaryText('en', s, 2026)).toBe('📊 No transactions in October.');
    expect(summaryText('uz', s, 2026)).toBe('📊 Oktyabr oyida operatsiyalar yoʻq.');
  });
});

describe('pct: a share in tenths of a percent, shown as it was rounded', () => {
  it.each([
    [1000, '100%'],
    [600, '60%'],
    [625, '62.5%'],
    [333, '33.3%'],
    [10, '1%'],
    [1, '0.1%'],
    [0, '0%'],
  ])('%i → %s', (permille, text) => {
    expect(pct(permille)).toBe(text);
  });
});

describe('the statistics title names the period as each language does', () => {
  const rows = [
    { currency: 'UZS', type: 'expense' as const, category: 'transport', amountMinor: 100n, count: 1 },
  ];
  it.each([
    ['en', '2026-12-01', 2026, '📊 Statistics for December'],
    ['en', '2025-12-01', 2026, '📊 Statistics for December 2025'],
    ['ru', '2026-12-01', 2026, '📊 Статистика за декабрь'],
    ['uz', '2026-12-01', 2026, '📊 Statistika: dekabr oyida'],
  ] as const)('%s, %s (current year %i): %s', (lang, from, year, title) => {
    const s = summarize(
      {
        period: 'month',
        kind: 'month',
        from,
        to: `${from.slice(0, 8)}31`,
        start: new Date(0),
        end: new Date(0),
      } as never,
      rows,
      () => 'Transport',
    );
    expect(summaryText(lang, s, year).split('\n')[0]).toBe(title);
    expect(chartModel(lang, s, year).title).toBe(title.replace('📊 ', ''));
  });

  it.each([
    ['en', { kind: 'day', from: '2026-11-28', to: '2026-11-28' }, 'for 28.11.2026', 'on 28.11.2026'],
    ['en', { kind: 'year', from: '2025-01-01', to: '2025-12-31' }, 'for 2025', 'in 2025'],
    ['en', { kind: 'month', from: '2026-10-01', to: '2026-10-31' }, 'for October', 'in October'],
    ['ru', { kind: 'month', from: '2026-10-01', to: '2026-10-31' }, 'за октябрь', 'за октябрь'],
    ['uz', { kind: 'month', from: '2026-10-01', to: '2026-10-31' }, 'oktyabr oyida', 'oktyabr oyida'],
  ] as const)('%s %j: %s in a title, %s in a sentence', (lang, period, title, sentence) => {
    expect(periodText(lang, period, 2026, 'title')).toBe(title);
    expect(periodText(lang, period, 2026)).toBe(sentence);
  });
});

describe('shares shown add up to exactly 100%', () => {
  const line = (
    category: string,
    amountMinor: bigint,
    type: 'expense' | 'income' = 'expense',
    currency = 'UZS',
  ) => ({ currency, type, category, amountMinor, count: 1 });
  /** The percentages of one block of the text summary, the "… and N more" line included. */
  const shownShares = (text: string) =>
    [...text.matchAll(/\((\d+(?:\.\d)?)%\)/g)].map((m) => Math.round(Number(m[1]) * 10));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it.each<[string, ReturnType<typeof line>[], string[]]>([
    // Each rounded alone: 33.3 + 33.3 + 33.3 = 99.9.
    [
      'three equal categories',
      [line('cafe', 1n), line('transport', 1n), line('groceries', 1n)],
      ['33.4%', '33.3%', '33.3%'],
    ],
    // Each rounded alone: 66.7 + 16.7 + 16.7 = 100.1.
    ['4:1:1', [line('cafe', 4n), line('transport', 1n), line('groceries', 1n)], ['66.7%', '16.7%', '16.6%']],
    ['exact halves', [line('cafe', 50n), line('transport', 50n)], ['50%', '50%']],
  ])('%s', (_label, rows, expected) => {
    const s = summarize(namedPeriod('month', NOW, 'Asia/Tashkent'), rows, (k) => k);
    const text = summaryText('en', s, 2026);
    expect([...text.matchAll(/\((\d+(?:\.\d)?%)\)/g)].map((m) => m[1])).toEqual(expected);
    const bars = chartModel('en', s, 2026).blocks[0].bars.map((b) => b.value.split(' · ')[1]);
    expect(bars).toEqual(expected);
  });

  it('with more categories than are listed, the rest line carries their share and the total is still 100%', () => {
    const rows = Array.from({ length: 14 }, (_, i) => line(`custom:${i}`, BigInt(1 + (i % 3))));
    const s = summarize(namedPeriod('month', NOW, 'Asia/Tashkent'), rows, (k) => k);
    const text = summaryText('ru', s, 2026);
    expect(text).toMatch(/… и ещё 8 \(\d+(\.\d)?%\)/);
    expect(sum(shownShares(text))).toBe(1000);
    const chart = chartModel('ru', s, 2026);
    const bars = chart.blocks[0].bars.map((b) =>
      Math.round(Number(/· (\d+(?:\.\d)?)%$/.exec(b.value)![1]) * 10),
    );
    expect(bars).toHaveLength(11);
    expect(sum(bars)).toBe(1000);
  });

  it('each type and currency is its own whole', () => {
    const rows = [
      line('cafe', 1n),
      line('transport', 2n),
      line('salary', 7n, 'income'),
      line('cafe', 3n, 'expense', 'USD'),
      line('gifts', 3n, 'expense', 'USD'),
    ];
    const s = summarize(namedPeriod('month', NOW, 'Asia/Tashkent'), rows, (k) => k);
    const groups = new Map<string, number>();
    for (const l of s.byCategory)
      groups.set(`${l.type}|${l.currency}`, (groups.get(`${l.type}|${l.currency}`) ?? 0) + l.sharePermille);
    expect(Object.fromEntries(groups)).toEqual({
      'expense|UZS': 1000,
      'expense|USD': 1000,
      'income|UZS': 1000,
    });
  });
});
