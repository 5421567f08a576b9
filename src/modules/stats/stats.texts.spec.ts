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
    ['uz', { kind: 'year', from: '2025-01-01', to: '2025-12-31' }, '2025 yilda'],
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
    for (const value of [t.expenses, t.incomes, t.balance, t.unknownPeriod, t.exportEmpty, t.deleteConfirm, t.deleteYes, t.deleteNo, t.deleted]) {
      expect(value.trim().length).toBeGreaterThan(0);
    }
    for (const c of Object.values(t.commands)) expect(c.length).toBeLessThanOrEqual(256);
  });

  it.each(LANGS)('%s: the caption stays within Telegram\'s 1024 characters even with many long categories', (lang) => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      currency: i % 2 ? 'USD' : 'UZS',
      type: (i % 4 < 2 ? 'expense' : 'income') as 'expense' | 'income',
      category: `custom:${i}`,
      amountMinor: BigInt(1000 + i),
      count: 1,
    }));
    const s = summarize(namedPeriod('month', NOW, 'Asia/Tashkent'), rows, (k) => `A rather long custom category name ${k}`);
    const caption = summaryText(lang, s, 2026);
    expect(caption.length).toBeLessThanOrEqual(1024);
    expect(caption).toContain(STATS_TEXTS[lang].balance);
    const chart = chartModel(lang, s, 2026);
    expect(chart.blocks).toHaveLength(4);
    for (const b of chart.blocks) expect(b.bars.length).toBeLessThanOrEqual(10);
    for (const b of chart.blocks) for (const bar of b.bars) expect(bar.fraction).toBeGreaterThanOrEqual(0);
  });

  it('an empty period says so', () => {
    const s = summarize(namedPeriod('prev_month', NOW, 'Asia/Tashkent'), [], (k) => k);
    expect(summaryText('ru', s, 2026)).toBe('📊 Операций за октябрь нет.');
    expect(summaryText('en', s, 2026)).toBe('📊 No transactions in October.');
    expect(summaryText('uz', s, 2026)).toBe('📊 Oktyabr oyida operatsiyalar yoʻq.');
  });
});

describe('pct: a share in basis points as a percentage', () => {
  it.each([
    [10_000, '100%'],
    [6_000, '60%'],
    [6_250, '62.5%'],
    [3_333, '33.3%'],
    [4_255, '42.6%'],
    [95, '1.0%'],
    [5, '0.1%'],
    [4, '0.0%'],
    [0, '0%'],
  ])('%i → %s', (bp, text) => {
    expect(pct(bp)).toBe(text);
  });
});
