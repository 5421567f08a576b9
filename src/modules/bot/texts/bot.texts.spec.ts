import {
  balanceText,
  BalanceView,
  cancelText,
  COMMANDS,
  formatDateTime,
  helpText,
  languageFromCode,
  phoneText,
  voiceInfoText,
  voiceTooLongText,
  welcomeText,
} from './bot.texts';
import { REPLY_TEXT_LIMIT } from '../../../common/text/message-limit';
import { LANGUAGES } from '../../../common/text/languages';

const AT = new Date('2023-12-15T09:30:00Z'); // 14:30 in Tashkent (UTC+5)

function view(partial: Partial<BalanceView> = {}): BalanceView {
  return { totals: [], recent: [], defaultCurrency: 'UZS', at: AT, timeZone: 'Asia/Tashkent', ...partial };
}

describe('bot texts', () => {
  it.each([
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['uz', 'uz'],
    ['en-US', 'en'],
    ['EN', 'en'],
    ['de', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('languageFromCode(%j) → %j', (code, lang) => {
    expect(languageFromCode(code)).toBe(lang);
  });

  it.each([
    ['2023-12-15T09:30:00Z', 'Asia/Tashkent', '15.12.2023 14:30'],
    ['2023-12-15T09:30:00Z', 'UTC', '15.12.2023 09:30'],
    ['2023-12-31T20:05:00Z', 'Asia/Tashkent', '01.01.2024 01:05'],
    ['2024-07-01T00:00:00Z', 'Europe/Moscow', '01.07.2024 03:00'],
    ['2024-03-05T23:59:00Z', 'America/New_York', '05.03.2024 18:59'],
  ])('formatDateTime(%s, %s) → %s', (iso, tz, expected) => {
    expect(formatDateTime(new Date(iso), tz)).toBe(expected);
  });

  it('renders the original /balance example exactly', () => {
    const text = balanceText(
      'ru',
      view({
        totals: [
          {
            currency: 'UZS',
            incomeMinor: 150_000_000n,
            expenseMinor: 80_000_000n,
            balanceMinor: 70_000_000n,
          },
        ],
        recent: [
          {
            type: 'expense',
            amountMinor: 5_000_000n,
            currency: 'UZS',
            description: 'Продукты в магазине',
            categoryName: 'Продукты',
          },
          {
            type: 'income',
            amountMinor: 20_000_000n,
            currency: 'UZS',
            description: 'Зарплата',
            categoryName: 'Зарплата',
          },
          {
            type: 'expense',
            amountMinor: 2_500_000n,
            currency: 'UZS',
            description: '',
            categoryName: 'Транспорт',
          },
        ],
      }),
    );
    expect(text).toBe(`💰 Ваш баланс

💵 Доходы: 1,500,000.00 UZS
💸 Расходы: 800,000.00 UZS
📊 Итого: 700,000.00 UZS

📅 На 15.12.2023 14:30

📝 Последние операции:
💸 50,000.00 UZS - Продукты в магазине
💰 200,000.00 UZS - Зарплата
💸 25,000.00 UZS - Транспорт`);
  });

  it.each([
    ['ru', '💱 Всё в UZS по курсу ЦБ на 28.11.2026:'],
    ['uz', '💱 Hammasi UZS hisobida, Markaziy bank kursi boʻyicha (28.11.2026):'],
    ['en', '💱 All in UZS at the Central Bank rate of 28.11.2026:'],
  ] as const)(
    'in %s, a converted total follows the per-currency blocks with its rate date and rates',
    (lang, title) => {
      const totals = [
        { currency: 'USD', incomeMinor: 10_000n, expenseMinor: 2_550n, balanceMinor: 7_450n },
        { currency: 'UZS', incomeMinor: 100_000_000n, expenseMinor: 30_000_000n, balanceMinor: 70_000_000n },
      ];
      const converted = {
        currency: 'UZS',
        incomeMinor: 227_411_900n,
        expenseMinor: 62_490_035n,
        balanceMinor: 164_921_865n,
        rateDate: '2026-11-28',
        rates: { USD: '12741.19' },
      };
      const text = balanceText(lang, view({ totals, converted }));
      const blocks = text.split('\n\n');
      expect(blocks[3].split('\n')).toEqual([
        title,
        expect.stringMatching(/: 2,274,119\.00 UZS$/),
        expect.stringMatching(/: 624,900\.35 UZS$/),
        expect.stringMatching(/: 1,649,218\.65 UZS$/),
        '1 USD = 12,741.19 UZS',
      ]);
      expect(blocks[1]).toContain('100.00 USD');
      expect(blocks[2]).toContain('1,000,000.00 UZS');
      // No rate needed (one currency) or none available: per-currency totals only.
      expect(balanceText(lang, view({ totals, converted: null }))).not.toContain('💱');
      expect(
        balanceText(
          lang,
          view({ totals: totals.slice(1), converted: { ...converted, rateDate: null, rates: {} } }),
        ),
      ).not.toContain('💱');
    },
  );

  it('one block per currency, negative totals with a minus', () => {
    const text = balanceText(
      'en',
      view({
        totals: [
          { currency: 'USD', incomeMinor: 0n, expenseMinor: 1_050n, balanceMinor: -1_050n },
          { currency: 'UZS', incomeMinor: 100n, expenseMinor: 0n, balanceMinor: 100n },
        ],
      }),
    );
    expect(text.split('\n\n')).toEqual([
      '💰 Your balance',
      '💵 Income: 0.00 USD\n💸 Expenses: 10.50 USD\n📊 Total: -10.50 USD',
      '💵 Income: 1.00 UZS\n💸 Expenses: 0.00 UZS\n📊 Total: 1.00 UZS',
      '📅 As of 15.12.2023 14:30',
      '📝 No transactions yet. Record your first income or expense and it will show up here.',
    ]);
  });

  it.each(LANGUAGES.map((l) => [l]))('an empty balance in %s shows zeros in the default currency', (lang) => {
    const text = balanceText(lang, view({ defaultCurrency: 'USD' }));
    expect(text.match(/0\.00 USD/g)).toHaveLength(3);
  });

  it.each([
    ['ru', { ok: true, phone: '+998901234567' }, '✅ Номер телефона обновлен: +998901234567'],
    ['ru', { ok: false, reason: 'missing' }, '❌ Укажите номер телефона.\nПример: /phone +998901234567'],
    ['en', { ok: true, phone: '+79001234567' }, '✅ Phone number updated: +79001234567'],
    [
      'uz',
      { ok: false, reason: 'taken' },
      '❌ Bu telefon raqami boshqa foydalanuvchi tomonidan ishlatilmoqda.',
    ],
  ] as const)('phoneText(%s, %j)', (lang, outcome, expected) => {
    expect(phoneText(lang, outcome)).toBe(expected);
  });

  it.each(LANGUAGES.flatMap((l) => (['no_plus', 'invalid'] as const).map((r) => [l, r] as const)))(
    'phoneText(%s, %s) is the original bot error with the example',
    (lang, reason) => {
      expect(phoneText(lang, { ok: false, reason })).toBe(phoneText(lang, { ok: false, reason: 'missing' }));
      expect(phoneText(lang, { ok: false, reason })).toMatch(/^❌ .*\n.*\/phone \+998901234567$/s);
    },
  );

  it('renders the original voice info reply exactly', () => {
    expect(voiceInfoText('ru', 5, 24576)).toBe(`🎙 Получено голосовое сообщение!

⏱ Длительность: 5 сек.
📁 Размер: 24576 байт

🔄 Функция распознавания речи будет добавлена в следующих обновлениях.
📝 Пока используйте текстовые команды для управления финансами.`);
  });

  it.each([
    ['ru', 'неизвестно'],
    ['uz', 'nomaʼlum'],
    ['en', 'unknown'],
  ] as const)('voice info without file_size in %s', (lang, word) => {
    expect(voiceInfoText(lang, 3, undefined)).toContain(word);
  });

  it.each([
    ['ru', 'Голосовое сообщение слишком длинное (300 сек.)'],
    ['en', 'too long (300 s)'],
    ['uz', 'juda uzun (300 soniya)'],
  ] as const)('voiceTooLongText in %s', (lang, part) => {
    expect(voiceTooLongText(lang, 300, 120)).toContain(part);
    expect(voiceTooLongText(lang, 300, 120)).toContain('120');
  });

  it.each(LANGUAGES.map((l) => [l]))(
    '%s: /balance with every currency, rates and the longest descriptions fits one message',
    (lang) => {
      const text = balanceText(
        lang,
        view({
          totals: ['EUR', 'RUB', 'USD', 'UZS'].map((currency) => ({
            currency,
            incomeMinor: 10n ** 15n,
            expenseMinor: 10n ** 15n - 1n,
            balanceMinor: 1n,
          })),
          converted: {
            currency: 'UZS',
            incomeMinor: 10n ** 18n,
            expenseMinor: 10n ** 18n,
            balanceMinor: 0n,
            rateDate: '2026-11-28',
            rates: { USD: '12741.19', EUR: '13500.00', RUB: '150.12' },
          },
          recent: Array.from({ length: 8 }, (_, i) => ({
            type: 'expense' as const,
            amountMinor: 10n ** 15n - 1n,
            currency: 'UZS',
            description: `${i} ${'я'.repeat(497)}`,
            categoryName: 'Прочее',
          })),
        }),
      );
      expect(text.length).toBeLessThanOrEqual(REPLY_TEXT_LIMIT);
      const recent = text.split('\n\n').pop()!.split('\n');
      expect(recent.length).toBeGreaterThan(2);
      for (const line of recent.slice(1, -1))
        expect(line).toMatch(/^💸 9,999,999,999,999\.99 UZS - \d я{497}$/);
      expect(recent[recent.length - 1]).toMatch(/^… (и ещё|yana|and) \d+/);
    },
  );

  it.each([
    ['ru', true, '✖️ Действие отменено.'],
    ['ru', false, '👌 Нечего отменять.'],
    ['en', true, '✖️ Cancelled.'],
  ] as const)('cancelText(%s, %s)', (lang, had, expected) => {
    expect(cancelText(lang, had)).toBe(expected);
  });

  it.each(LANGUAGES.map((l) => [l]))(
    'welcome and help in %s mention the same commands as the original bot',
    (lang) => {
      expect(welcomeText(lang)).toContain('/phone +998901234567');
      expect(welcomeText(lang)).toContain('/help');
      for (const command of ['/start', '/balance', '/help', '/phone'])
        expect(helpText(lang)).toContain(command);
    },
  );

  it.each(LANGUAGES.map((l) => [l]))('the %s command menu is valid for setMyCommands', (lang) => {
    expect(COMMANDS[lang].map((c) => c.command)).toEqual([
      'start',
      'help',
      'balance',
      'phone',
      'login',
      'cancel',
      'language',
      'currency',
    ]);
    for (const c of COMMANDS[lang]) {
      expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(256);
    }
  });
});
