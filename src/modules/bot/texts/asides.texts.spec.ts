/** The asides' replies and buttons (asides.texts.ts, asides.keyboards.ts): what the user reads, per language. */
import { MAX_AMOUNT_MINOR } from '../../../common/money';
import { plannedReminderKeyboard } from '../../notifications/reminder-buttons';
import { plannedReminderText } from '../../notifications/reminders.texts';
import { currencyChoiceKeyboard, futureKeyboard, goalOfferKeyboard } from '../keyboards/asides.keyboards';
import {
  ASIDE_TEXTS,
  askCurrencyText,
  AsideItemView,
  conversionText,
  ConversionView,
  foodAnswerText,
  futureText,
  plannedClosedText,
  reminderSetText,
  termAnswerText,
  tooLargeAsideText,
  tooManyText,
} from './asides.texts';

const LANGS = ['ru', 'uz', 'en'] as const;
const tickets: AsideItemView = {
  description: 'билеты',
  categoryName: 'Транспорт',
  amountMinor: 80_000_000n,
  currency: 'UZS',
};
const other: AsideItemView = {
  description: '',
  categoryName: 'Boshqa',
  amountMinor: 10_000_000n,
  currency: 'UZS',
};

type Markup = { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> };
const buttons = (m: Markup) => m.inline_keyboard.map((row) => row.map((b) => [b.text, b.callback_data]));

describe('conversion', () => {
  const usd: ConversionView = {
    amountMinor: 10_000n,
    from: 'USD',
    resultMinor: 127_000_000n,
    to: 'UZS',
    date: '2026-12-06',
    rates: [{ currency: 'USD', perUnit: '12700.00' }],
  };
  it.each<[string, (typeof LANGS)[number], ConversionView, string]>([
    ['USD → UZS', 'ru', usd, '💱 100.00 USD = 1,270,000.00 UZS · курс ЦБ 12,700.00 на 06.12.2026'],
    ['USD → UZS', 'uz', usd, '💱 100.00 USD = 1,270,000.00 UZS · Markaziy bank kursi 12,700.00, 06.12.2026'],
    ['USD → UZS', 'en', usd, '💱 100.00 USD = 1,270,000.00 UZS · CBU rate 12,700.00 on 06.12.2026'],
    [
      'UZS → USD',
      'en',
      {
        amountMinor: 100_000_000n,
        from: 'UZS',
        resultMinor: 7_874n,
        to: 'USD',
        date: '2026-12-05',
        rates: [{ currency: 'USD', perUnit: '12700.00' }],
      },
      '💱 1,000,000.00 UZS = 78.74 USD · CBU rate 12,700.00 on 05.12.2026',
    ],
    [
      'between two foreign currencies: both rates',
      'ru',
      {
        amountMinor: 10_000n,
        from: 'USD',
        resultMinor: 9_071n,
        to: 'EUR',
        date: '2026-12-06',
        rates: [
          { currency: 'USD', perUnit: '12700.00' },
          { currency: 'EUR', perUnit: '14000.5' },
        ],
      },
      '💱 100.00 USD = 90.71 EUR · курс ЦБ 1 USD = 12,700.00 UZS, 1 EUR = 14,000.5 UZS на 06.12.2026',
    ],
  ])('%s (%s)', (_name, lang, view, expected) => {
    expect(conversionText(lang, view)).toBe(expected);
  });
});

describe('money for a later day', () => {
  it.each<[string, string | null, AsideItemView[], string]>([
    ['one item on a day', '2026-12-07', [tickets], '📅 07.12.2026 · Билеты — 800,000.00 UZS'],
    ['no description: the category', '2026-12-07', [other], '📅 07.12.2026 · Boshqa — 100,000.00 UZS'],
    ['no day named', null, [tickets], '📅 Билеты — 800,000.00 UZS'],
    [
      'several items',
      '2026-12-07',
      [tickets, other],
      '📅 07.12.2026:\n• Билеты — 800,000.00 UZS\n• Boshqa — 100,000.00 UZS',
    ],
  ])('%s', (_name, date, items, block) => {
    expect(futureText('ru', date, items)).toBe(
      `${block}\n\n${date === null ? ASIDE_TEXTS.ru.futureNoteNoDate : ASIDE_TEXTS.ru.futureNote}`,
    );
  });

  it('after the buttons', () => {
    expect(reminderSetText('en', '2026-12-07', [tickets], '2026-12-07')).toBe(
      "📅 07.12.2026 · Билеты — 800,000.00 UZS\n\n🔔 I'll remind you on the morning of 07.12.2026. Nothing recorded for now.",
    );
    expect(plannedClosedText('ru', null, [tickets], 'declined')).toBe(
      '📅 Билеты — 800,000.00 UZS\n\n✖ Хорошо: не записываю и не напоминаю.',
    );
    expect(plannedClosedText('uz', null, [other], 'skipped')).toBe(
      '📅 Boshqa — 100,000.00 UZS\n\n⏭ Oʻtkazib yuborildi — hech narsa yozilmadi.',
    );
  });

  it('the reminder on its day', () => {
    expect(plannedReminderText('ru', [tickets, other])).toBe(
      '🔔 Сегодня по плану:\n• Билеты — 800,000.00 UZS\n• Boshqa — 100,000.00 UZS\n\nОплатили? Запишу расходом этого дня.',
    );
  });

  it('buttons: remind on the day (or tomorrow / in a week), paid already, no; under the reminder record and skip', () => {
    expect(buttons(futureKeyboard('ru', 77n, '2026-12-07'))).toEqual([
      [['🔔 Напомнить 07.12', 'f:77:r']],
      [['✅ Уже оплачено — записать сегодня', 'f:77:p']],
      [['✖ Нет', 'f:77:n']],
    ]);
    expect(buttons(futureKeyboard('en', 77n, null))).toEqual([
      [
        ['🔔 Tomorrow', 'f:77:t'],
        ['🔔 In a week', 'f:77:w'],
      ],
      [["✅ It's paid already — record today", 'f:77:p']],
      [['✖ No', 'f:77:n']],
    ]);
    expect(buttons(plannedReminderKeyboard('uz', 77n))).toEqual([
      [
        ['✅ Yozib qoʻyish', 'f:77:d'],
        ['⏭ Oʻtkazib yuborish', 'f:77:s'],
      ],
    ]);
  });
});

describe('which currency', () => {
  it('asks with the bare amounts and one button per reading', () => {
    const taxi: AsideItemView = {
      description: 'такси',
      categoryName: 'Транспорт',
      amountMinor: 4_000_000n,
      currency: null,
    };
    expect(askCurrencyText('ru', 'USD', [taxi])).toBe(
      '💱 Это сумы или USD? С «тыс» обычно говорят о сумах, а ваша валюта по умолчанию — USD.\n• Такси — 40,000.00',
    );
    const markup = currencyChoiceKeyboard(12n, [
      { currency: 'UZS', label: '40,000.00 UZS' },
      { currency: 'USD', label: '40,000.00 USD' },
    ]);
    expect(buttons(markup)).toEqual([
      [
        ['40,000.00 UZS', 'k:12:UZS'],
        ['40,000.00 USD', 'k:12:USD'],
      ],
    ]);
  });
});

describe('limits and goals', () => {
  it.each([
    [
      'ru',
      '❌ Слишком большая сумма: в записи не больше 13 цифр до запятой (до 9,999,999,999,999.99). Ничего не записано — проверьте число.',
    ],
    [
      'en',
      '❌ That amount is too large: a record holds at most 13 digits before the decimal point (up to 9,999,999,999,999.99). Nothing recorded — please check the number.',
    ],
  ] as const)('too large (%s) says the maximum', (lang, text) => {
    expect(tooLargeAsideText(lang, MAX_AMOUNT_MINOR)).toBe(text);
  });

  it.each([
    [
      31,
      'ru',
      '❌ В сообщении 31 сумма — за раз можно записать не больше 30. Ничего не записано: разделите, пожалуйста, на несколько сообщений.',
    ],
    [
      32,
      'ru',
      '❌ В сообщении 32 суммы — за раз можно записать не больше 30. Ничего не записано: разделите, пожалуйста, на несколько сообщений.',
    ],
    [
      300,
      'ru',
      '❌ В сообщении 300 сумм — за раз можно записать не больше 30. Ничего не записано: разделите, пожалуйста, на несколько сообщений.',
    ],
    [
      45,
      'uz',
      '❌ Xabarda 45 ta summa bor — bir martada koʻpi bilan 30 tasini yozish mumkin. Hech narsa yozilmadi: iltimos, bir necha xabarga boʻlib yuboring.',
    ],
    [
      45,
      'en',
      '❌ That message has 45 amounts — at most 30 can be recorded at once. Nothing recorded: please split it into several messages.',
    ],
  ] as const)('too many: %s (%s)', (count, lang, text) => {
    expect(tooManyText(lang, count, 30)).toBe(text);
  });

  it('the goal offer button', () => {
    expect(buttons(goalOfferKeyboard('en', 5n))).toEqual([[['🎯 Create the goal', 'g:5']]]);
  });
});

describe('spending questions', () => {
  const fuel = (date: string, minor: bigint, currency = 'UZS') => ({
    date,
    description: 'бензин',
    categoryName: 'Транспорт',
    amountMinor: minor,
    currency,
  });
  it.each<[string, Parameters<typeof termAnswerText>[1], string]>([
    [
      'one record, beside the category',
      {
        term: 'бензин',
        period: 'за декабрь',
        totals: [{ currency: 'UZS', count: 1, amountMinor: 20_000_000n }],
        latest: [fuel('2026-12-06', 20_000_000n)],
        categoryLine: '🚕 Транспорт за декабрь: 230,000.00 UZS',
        userCurrency: 'UZS',
      },
      '🔎 «бензин» за декабрь: 1 запись, 200,000.00 UZS\n• 06.12 · Бензин — 200,000.00 UZS\n\n🚕 Транспорт за декабрь: 230,000.00 UZS',
    ],
    [
      'nothing found',
      {
        term: 'бензин',
        period: 'за декабрь',
        totals: [],
        latest: [],
        categoryLine: '🚕 Транспорт за декабрь: 0.00 UZS',
        userCurrency: 'UZS',
      },
      '🔎 «бензин» за декабрь: записей нет\n\n🚕 Транспорт за декабрь: 0.00 UZS',
    ],
    [
      'seven records in two currencies: five shown, the rest counted',
      {
        term: 'бензин',
        period: 'за декабрь',
        totals: [
          { currency: 'USD', count: 1, amountMinor: 1_000n },
          { currency: 'UZS', count: 6, amountMinor: 60_000_000n },
        ],
        latest: [
          fuel('2026-12-06', 1_000n, 'USD'),
          ...[5, 4, 3, 2, 1].map((d) => fuel(`2026-12-0${d}`, 10_000_000n)),
        ],
        userCurrency: 'UZS',
      },
      '🔎 «бензин» за декабрь: 7 записей, 600,000.00 UZS, 10.00 USD\n• 06.12 · Бензин — 10.00 USD\n• 05.12 · Бензин — 100,000.00 UZS\n' +
        '• 04.12 · Бензин — 100,000.00 UZS\n• 03.12 · Бензин — 100,000.00 UZS\n• 02.12 · Бензин — 100,000.00 UZS\n… и ещё 2',
    ],
  ])('%s', (_name, view, expected) => {
    expect(termAnswerText('ru', view)).toBe(expected);
  });

  it('en counts records in the singular and plural', () => {
    const view = {
      term: 'coffee',
      period: 'in December',
      totals: [{ currency: 'UZS', count: 2, amountMinor: 5_000_000n }],
      latest: [],
      userCurrency: 'UZS',
    };
    expect(termAnswerText('en', view)).toBe(
      '🔎 “coffee” in December: 2 records, 50,000.00 UZS\n… and 2 more',
    );
  });

  it.each([
    [
      'uz',
      'dekabr oyida',
      '🍲 Ovqat, dekabr oyida: 55,000.00 UZS, 3.00 USD\n🛒 Oziq-ovqat: 5,000.00 UZS\n🍽 Kafe: 50,000.00 UZS, 3.00 USD',
    ],
    [
      'en',
      'in December',
      '🍲 Food in December: 55,000.00 UZS, 3.00 USD\n🛒 Oziq-ovqat: 5,000.00 UZS\n🍽 Kafe: 50,000.00 UZS, 3.00 USD',
    ],
  ] as const)('food (%s): both categories together, then each', (lang, period, expected) => {
    expect(
      foodAnswerText(lang, {
        period,
        userCurrency: 'UZS',
        categories: [
          { emoji: '🛒', name: 'Oziq-ovqat', amounts: [{ currency: 'UZS', amountMinor: 500_000n }] },
          {
            emoji: '🍽',
            name: 'Kafe',
            amounts: [
              { currency: 'USD', amountMinor: 300n },
              { currency: 'UZS', amountMinor: 5_000_000n },
            ],
          },
        ],
      }),
    ).toBe(expected);
  });

  it('food with nothing spent says zero in the user currency', () => {
    expect(
      foodAnswerText('ru', {
        period: 'за декабрь',
        userCurrency: 'UZS',
        categories: [{ emoji: '🛒', name: 'Продукты', amounts: [] }],
      }),
    ).toBe('🍲 Еда за декабрь: 0.00 UZS\n🛒 Продукты: 0.00 UZS');
  });
});

describe('the catalogue', () => {
  const CYRILLIC = /\p{Script=Cyrillic}/u;
  const render = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : typeof value === 'function'
        ? [String((value as (...a: unknown[]) => unknown)(...Array<unknown>(value.length).fill(7)))]
        : [];

  it.each(LANGS)('%s has every key of ru, none empty', (lang) => {
    expect(Object.keys(ASIDE_TEXTS[lang])).toEqual(Object.keys(ASIDE_TEXTS.ru));
    for (const [key, value] of Object.entries(ASIDE_TEXTS[lang]))
      for (const text of render(value)) expect({ key, empty: !text.trim() }).toEqual({ key, empty: false });
  });

  it.each(['uz', 'en'] as const)('%s has no Cyrillic', (lang) => {
    for (const [key, value] of Object.entries(ASIDE_TEXTS[lang]))
      for (const text of render(value))
        expect({ key, cyrillic: CYRILLIC.test(text) }).toEqual({ key, cyrillic: false });
  });

  it('Uzbek writes oʻ and gʻ with ʻ (U+02BB), never a plain apostrophe', () => {
    for (const [key, value] of Object.entries(ASIDE_TEXTS.uz))
      for (const text of render(value))
        expect({ key, ascii: /[og]['’‘`]/i.test(text) }).toEqual({ key, ascii: false });
  });
});
