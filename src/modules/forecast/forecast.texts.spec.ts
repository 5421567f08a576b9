import { forecast } from './forecast';
import { forecastBlock } from './forecast.texts';

const base = {
  today: '2026-12-06',
  currency: 'UZS',
  balanceMinor: 2_000_000_00n,
  balanceLabel: 'Баланс',
  rules: [],
  budgets: [
    {
      label: 'Кафе',
      category: 'cafe',
      period: 'month' as const,
      currency: 'UZS',
      amountMinor: 500_000_00n,
      remainingMinor: 450_000_00n,
    },
  ],
  rates: new Map(),
};

describe('forecastBlock', () => {
  it.each([
    ['ru', '🔮 Прогноз на 31.12: 1,550,000 UZS = баланс 2,000,000 + доходы 0 − платежи 0 − бюджеты 450,000'],
    [
      'uz',
      '🔮 31.12 uchun prognoz: 1,550,000 UZS = balans 2,000,000 + daromadlar 0 − to‘lovlar 0 − byudjetlar 450,000',
    ],
    [
      'en',
      '🔮 Forecast for 31.12: 1,550,000 UZS = balance 2,000,000 + incomes 0 − payments 0 − budgets 450,000',
    ],
  ] as const)('%s', (lang, text) => {
    expect(forecastBlock(lang, forecast(base))).toBe(text);
  });

  it('says why without a rate', () => {
    expect(forecastBlock('ru', forecast({ ...base, balanceMinor: null }))).toBe(
      '🔮 Прогноз на 31.12: нет курса валют, прогноз не посчитать',
    );
  });
});
