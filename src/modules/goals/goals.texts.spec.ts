import { debtLine, debtsListText, repaidText } from '../debts/debts.texts';
import { dueReminderText } from '../notifications/reminders.texts';
import { contributedText, goalsListText } from './goals.texts';

const phone = { title: 'Telefon', targetMinor: 300_000_000n, savedMinor: 120_000_000n, currency: 'UZS', deadline: '2027-03-01', status: 'active' as const };

describe('goal, debt and reminder texts', () => {
  it.each([
    ['ru', '🎯 Ваши цели:\n\n1. Telefon\n▓▓▓▓░░░░░░ 40%\n1,200,000.00 / 3,000,000.00 UZS · до 01.03.2027'],
    ['uz', '🎯 Maqsadlaringiz:\n\n1. Telefon\n▓▓▓▓░░░░░░ 40%\n1,200,000.00 / 3,000,000.00 UZS · 01.03.2027 gacha'],
    ['en', '🎯 Your goals:\n\n1. Telefon\n▓▓▓▓░░░░░░ 40%\n1,200,000.00 / 3,000,000.00 UZS · by 01.03.2027'],
  ] as const)('/goals in %s', (lang, text) => {
    expect(goalsListText(lang, [phone])).toBe(text);
  });

  it('a contribution that reaches the target celebrates', () => {
    expect(contributedText('en', 180_000_000n, { ...phone, savedMinor: 300_000_000n, status: 'completed', deadline: null }, true)).toBe(
      '✅ Saved 1,800,000.00 UZS towards “Telefon”\n\n✅ Telefon\n▓▓▓▓▓▓▓▓▓▓ 100%\n3,000,000.00 / 3,000,000.00 UZS\n\n🎉 Goal “Telefon” reached!',
    );
  });

  it('debts', () => {
    const lent = { direction: 'lent' as const, counterparty: 'Alisher', amountMinor: 20_000n, repaidMinor: 5_000n, currency: 'USD', dueDate: '2027-06-01' };
    expect(debtLine('en', lent)).toBe('Owes you: Alisher — 150.00 USD · due 01.06.2027 (50.00 USD of 200.00 USD repaid)');
    expect(debtsListText('uz', [{ ...lent, direction: 'borrowed', repaidMinor: 0n, dueDate: null }])).toBe('📋 Ochiq qarzlar:\n1. Siz qarzdorsiz: Alisher — 200.00 USD');
    expect(repaidText('uz', 5_000n, { ...lent, repaidMinor: 20_000n }, true)).toBe('✅ Qaytarildi: Alisher — 50.00 USD\n🎉 Qarz yopildi: Alisher');
  });

  it.each([
    ['ru', 3, '⏰ Через 3 дня срок возврата долга\nВы должны: Akam — 1,000,000.00 UZS (01.06.2027)'],
    ['uz', 1, '⏰ Ertaga qarzni qaytarish muddati\nSiz qarzdorsiz: Akam — 1,000,000.00 UZS (01.06.2027)'],
    ['en', 0, '⏰ A debt is due today\nYou owe: Akam — 1,000,000.00 UZS (01.06.2027)'],
  ] as const)('due reminder in %s, %s days left', (lang, days, text) => {
    expect(dueReminderText(lang, { daysLeft: days, direction: 'borrowed', counterparty: 'Akam', remainingMinor: 100_000_000n, currency: 'UZS', dueDate: '2027-06-01' })).toBe(text);
  });
});
