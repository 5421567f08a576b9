import { groupBalanceText, groupRecordedText } from './group.texts';

describe('group texts', () => {
  it('a recorded row: the sender, the amount, the category and the family mark; income with a plus', () => {
    expect(
      groupRecordedText('ru', 'Bob', [
        { type: 'expense', amountMinor: 5_000_000n, currency: 'UZS', categoryName: 'Продукты' },
        { type: 'income', amountMinor: 100n, currency: 'USD', categoryName: 'Зарплата' },
      ]),
    ).toBe('✅ Bob: 50,000.00 UZS — Продукты (в семью)\n✅ Bob: +1.00 USD — Зарплата (в семью)');
    expect(
      groupRecordedText('uz', 'Ali', [
        { type: 'expense', amountMinor: 800_000n, currency: 'UZS', categoryName: 'Oziq-ovqat' },
      ]),
    ).toBe('✅ Ali: 8,000.00 UZS — Oziq-ovqat (oilaga)');
  });

  it('the household balance: per currency, or no records yet', () => {
    expect(groupBalanceText('en', 'Oila', [])).toBe('🏠 Family “Oila”: no records yet.');
    expect(
      groupBalanceText('en', 'Oila', [{ currency: 'UZS', incomeMinor: 1_000_000n, expenseMinor: 250_000n }]),
    ).toBe('🏠 Family “Oila”:\n7,500.00 UZS (income 10,000.00 UZS, expenses 2,500.00 UZS)');
  });
});
