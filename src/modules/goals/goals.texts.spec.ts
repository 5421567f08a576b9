import { debtLine, debtsListText, repaidText } from '../debts/debts.texts';
import { dueReminderText } from '../notifications/reminders.texts';
import { REPLY_TEXT_LIMIT } from '../../common/text/message-limit';
import { contributedText, goalsListText, goalTooLargeText } from './goals.texts';
import { debtTooLargeText } from '../debts/debts.texts';

const phone = {
  title: 'Telefon',
  targetMinor: 300_000_000n,
  savedMinor: 120_000_000n,
  currency: 'UZS',
  deadline: '2027-03-01',
  status: 'active' as const,
};

describe('goal, debt and reminder texts', () => {
  it.each([
    ['ru', '🎯 Ваши цели:\n\n1. Telefon\n▓▓▓▓░░░░░░ 40%\n1,200,000.00 / 3,000,000.00 UZS · до 01.03.2027'],
    [
      'uz',
      '🎯 Maqsadlaringiz:\n\n1. Telefon\n▓▓▓▓░░░░░░ 40%\n1,200,000.00 / 3,000,000.00 UZS · 01.03.2027 gacha',
    ],
    ['en', '🎯 Your goals:\n\n1. Telefon\n▓▓▓▓░░░░░░ 40%\n1,200,000.00 / 3,000,000.00 UZS · by 01.03.2027'],
  ] as const)('/goals in %s', (lang, text) => {
    expect(goalsListText(lang, [phone])).toBe(text);
  });

  it('a contribution that reaches the target celebrates', () => {
    expect(
      contributedText(
        'en',
        180_000_000n,
        { ...phone, savedMinor: 300_000_000n, status: 'completed', deadline: null },
        true,
      ),
    ).toBe(
      '✅ Saved 1,800,000.00 UZS towards “Telefon”\n\n✅ Telefon\n▓▓▓▓▓▓▓▓▓▓ 100%\n3,000,000.00 / 3,000,000.00 UZS\n\n🎉 Goal “Telefon” reached!',
    );
  });

  it('debts', () => {
    const lent = {
      direction: 'lent' as const,
      counterparty: 'Alisher',
      amountMinor: 20_000n,
      repaidMinor: 5_000n,
      currency: 'USD',
      dueDate: '2027-06-01',
    };
    expect(debtLine('en', lent)).toBe(
      'Owes you: Alisher — 150.00 USD · due 01.06.2027 (50.00 USD of 200.00 USD repaid)',
    );
    expect(debtsListText('uz', [{ ...lent, direction: 'borrowed', repaidMinor: 0n, dueDate: null }])).toBe(
      '📋 Ochiq qarzlar:\n1. Siz qarzdorsiz: Alisher — 200.00 USD',
    );
    expect(repaidText('uz', 5_000n, { ...lent, repaidMinor: 20_000n }, true)).toBe(
      '✅ Qaytarildi: Alisher — 50.00 USD\n🎉 Qarz yopildi: Alisher',
    );
  });

  it.each([
    ['ru', '… и ещё'],
    ['uz', '… yana'],
    ['en', '… and'],
  ] as const)(
    '%s: hundreds of goals and debts with the longest names fit one message, whole entries only',
    (lang, more) => {
      const title = 'Ц'.repeat(100);
      const goals = Array.from({ length: 300 }, (_, i) => ({
        ...phone,
        title: `${i} ${title}`.slice(0, 100),
      }));
      const text = goalsListText(lang, goals);
      expect(text.length).toBeLessThanOrEqual(REPLY_TEXT_LIMIT);
      const blocks = text.split('\n\n');
      const last = blocks.pop()!;
      expect(last).toMatch(new RegExp(`^${more} \\d+`));
      expect(Number(/\d+/.exec(last)![0]) + blocks.length - 1).toBe(300);
      for (const block of blocks.slice(1)) expect(block.split('\n')).toHaveLength(3);

      const debts = Array.from({ length: 300 }, (_, i) => ({
        direction: 'lent' as const,
        counterparty: `${i} ${title}`.slice(0, 100),
        amountMinor: 20_000n,
        repaidMinor: 5_000n,
        currency: 'USD',
        dueDate: '2027-06-01',
      }));
      const list = debtsListText(lang, debts);
      expect(list.length).toBeLessThanOrEqual(REPLY_TEXT_LIMIT);
      const lines = list.split('\n');
      expect(lines[lines.length - 1]).toMatch(new RegExp(`^${more} \\d+`));
      expect(Number(/\d+/.exec(lines[lines.length - 1])![0]) + lines.length - 2).toBe(300);
      for (const line of lines.slice(1, -1)) expect(line).toMatch(/\)$/);
    },
  );

  it.each(['ru', 'uz', 'en'] as const)('%s: too large a goal or debt says the maximum', (lang) => {
    expect(goalTooLargeText(lang)).toContain('9,999,999,999,999.99');
    expect(debtTooLargeText(lang)).toContain('9,999,999,999,999.99');
  });

  it.each([
    ['ru', 3, '⏰ Через 3 дня срок возврата долга\nВы должны: Akam — 1,000,000.00 UZS (01.06.2027)'],
    ['uz', 1, '⏰ Ertaga qarzni qaytarish muddati\nSiz qarzdorsiz: Akam — 1,000,000.00 UZS (01.06.2027)'],
    ['en', 0, '⏰ A debt is due today\nYou owe: Akam — 1,000,000.00 UZS (01.06.2027)'],
  ] as const)('due reminder in %s, %s days left', (lang, days, text) => {
    expect(
      dueReminderText(lang, {
        daysLeft: days,
        direction: 'borrowed',
        counterparty: 'Akam',
        remainingMinor: 100_000_000n,
        currency: 'UZS',
        dueDate: '2027-06-01',
      }),
    ).toBe(text);
  });
});
