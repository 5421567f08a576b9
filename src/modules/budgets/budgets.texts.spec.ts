import {
  budgetAlertText,
  budgetCreatedText,
  budgetLinesText,
  budgetListText,
  LineView,
} from './budgets.texts';

const cafe: LineView = {
  category: 'cafe',
  customName: null,
  wallet: 'personal',
  period: 'month',
  currency: 'UZS',
  amountMinor: 500_000_00n,
  spentMinor: 380_000_00n,
  remainingMinor: 120_000_00n,
  percent: 76,
};

describe('budget texts', () => {
  it.each([
    ['ru', '☕ Кафе и рестораны: осталось 120,000 из 500,000 UZS'],
    ['uz', '☕ Kafe va restoranlar: 500,000 UZS dan 120,000 qoldi'],
    ['en', '☕ Cafes & restaurants: 120,000 left of 500,000 UZS'],
  ] as const)('the line under a record (%s)', (lang, text) => {
    expect(budgetLinesText(lang, [cafe])).toBe(text);
  });

  it('says overspending and an unknown rate plainly', () => {
    const over = { ...cafe, spentMinor: 520_000_00n, remainingMinor: -20_000_00n, percent: 104 };
    const unknown = { ...cafe, category: null, spentMinor: null, remainingMinor: null, percent: null };
    expect(budgetLinesText('ru', [over, unknown])).toBe(
      '☕ Кафе и рестораны: перерасход 20,000 (лимит 500,000 UZS)\n💰 Все расходы: нет курса валют, остаток не посчитать',
    );
  });

  it('lists budgets with progress', () => {
    expect(
      budgetListText('ru', [cafe, { ...cafe, category: 'food', wallet: 'household', period: 'week' }]),
    ).toBe(
      '📊 Бюджеты\n☕ Кафе и рестораны 380,000 / 500,000 UZS (76%) в месяц\n🍽 Еда 380,000 / 500,000 UZS (76%) в неделю · 👨‍👩‍👧 семья',
    );
    expect(budgetListText('en', [])).toMatch(/^No budgets yet/);
  });

  it.each([
    ['ru', 80, '⚠️ ☕ Кафе и рестораны: потрачено 80% бюджета, осталось 100,000 UZS.'],
    ['en', 100, '🚨 ☕ Cafes & restaurants: budget used up — 500,000 UZS of 500,000 UZS spent.'],
  ] as const)('warns (%s, %s%%)', (lang, threshold, text) => {
    const line =
      threshold === 80
        ? { ...cafe, spentMinor: 400_000_00n, remainingMinor: 100_000_00n, percent: 80 }
        : { ...cafe, spentMinor: 500_000_00n, remainingMinor: 0n, percent: 100 };
    expect(budgetAlertText(lang, threshold, line)).toBe(text);
  });

  it('confirms a new budget, a custom category by its own name', () => {
    expect(
      budgetCreatedText('uz', { ...cafe, category: 'custom:x', customName: 'Kitoblar', amountMinor: 12_50n }),
    ).toBe('✅ «🏷 Kitoblar» byudjeti: oyiga 12.50 UZS. 80% va 100% da ogohlantiraman.');
  });
});
