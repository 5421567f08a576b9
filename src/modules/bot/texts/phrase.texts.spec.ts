/** The phrase replies of bot.texts.ts: what the user reads after writing a transaction, a question or a setting. */
import { parsePhrase } from '../../nlu';
import {
  categoryKeyboard,
  currencyKeyboard,
  itemChooserKeyboard,
  languageKeyboard,
  recordedKeyboard,
} from '../keyboards/bot.keyboards';
import {
  askAmountText,
  callbackTexts,
  ItemView,
  itemLine,
  languageSetText,
  recordedText,
  statsText,
  textHint,
  tooLargeText,
  undoLastText,
  undoneText,
} from './bot.texts';
import { REPLY_TEXT_LIMIT, TELEGRAM_TEXT_LIMIT } from '../../../common/text/message-limit';
import { voiceReplyText } from './voice.texts';
import { LANGUAGES } from '../../../common/text/languages';

const TZ = 'Asia/Tashkent';
const AT = new Date('2026-11-29T07:30:00Z'); // 12:30 in Tashkent
const LATE = new Date('2026-11-28T20:30:00Z'); // 01:30 on the 29th in Tashkent

const taxi: ItemView = {
  type: 'expense',
  amountMinor: 2_000_000n,
  currency: 'UZS',
  categoryName: 'Транспорт',
  description: 'такси',
  occurredAt: AT,
};
const salary: ItemView = {
  type: 'income',
  amountMinor: 50_000n,
  currency: 'USD',
  categoryName: 'Salary',
  description: '',
  occurredAt: AT,
};

describe('phrase texts', () => {
  it.each<[string, ItemView, string]>([
    ['an expense', taxi, '💸 20,000.00 UZS — Транспорт, такси · 29.11.2026'],
    ['an income without description', salary, '💰 500.00 USD — Salary · 29.11.2026'],
    [
      'a description that repeats the category',
      { ...taxi, description: 'транспорт' },
      '💸 20,000.00 UZS — Транспорт · 29.11.2026',
    ],
    [
      'the local date, not the UTC one',
      { ...taxi, occurredAt: LATE },
      '💸 20,000.00 UZS — Транспорт, такси · 29.11.2026',
    ],
    [
      'a big amount',
      { ...taxi, amountMinor: 150_000_000n },
      '💸 1,500,000.00 UZS — Транспорт, такси · 29.11.2026',
    ],
    ['no amount yet', { ...taxi, amountMinor: null }, '💸 Транспорт, такси · 29.11.2026'],
  ])('itemLine: %s', (_label, item, expected) => {
    expect(itemLine(item, TZ)).toBe(expected);
  });

  it.each([
    ['ru', '✅ Записано:'],
    ['uz', '✅ Yozib qoʻyildi:'],
    ['en', '✅ Recorded:'],
  ] as const)('recordedText in %s: a header and one line for one item', (lang, header) => {
    expect(recordedText(lang, [taxi], TZ)).toBe(
      `${header}\n💸 20,000.00 UZS — Транспорт, такси · 29.11.2026`,
    );
  });

  it('recordedText numbers several items in spoken order', () => {
    expect(recordedText('en', [taxi, salary], TZ)).toBe(
      '✅ Recorded:\n1. 💸 20,000.00 UZS — Транспорт, такси · 29.11.2026\n2. 💰 500.00 USD — Salary · 29.11.2026',
    );
  });

  it('recordedText with a pending item asks for its amount after the list', () => {
    const bread: ItemView = { ...taxi, amountMinor: null, categoryName: 'Продукты', description: 'хлеб' };
    expect(recordedText('ru', [taxi], TZ, bread)).toBe(
      '✅ Записано:\n💸 20,000.00 UZS — Транспорт, такси · 29.11.2026\n\n💬 Сколько? Напишите сумму, например 25000\n💸 Продукты, хлеб · 29.11.2026',
    );
    expect(recordedText('ru', [], TZ, bread)).toBe(askAmountText('ru', bread, TZ));
  });

  describe('a reply with very many items stays within one Telegram message', () => {
    const many = (n: number, item: (i: number) => ItemView) => Array.from({ length: n }, (_, i) => item(i));
    const bread = (i: number): ItemView => ({
      ...taxi,
      categoryName: 'Продукты',
      description: `хлеб ${i}`,
      amountMinor: 500_000n,
    });

    it('300 items of 1 UZS: the first ones, then how many more and what they add up to', () => {
      const items = many(300, () => ({
        ...taxi,
        description: '',
        categoryName: 'Прочее',
        amountMinor: 100n,
      }));
      const text = recordedText('ru', items, TZ);
      expect(text.length).toBeLessThanOrEqual(REPLY_TEXT_LIMIT);
      const lines = text.split('\n');
      expect(lines[0]).toBe('✅ Записано:');
      const shown = lines.length - 2;
      expect(lines.slice(1, -1)).toEqual(
        items.slice(0, shown).map((_, i) => `${i + 1}. 💸 1.00 UZS — Прочее · 29.11.2026`),
      );
      expect(lines[lines.length - 1]).toBe(`… и ещё ${300 - shown}: расходы ${300 - shown}.00 UZS`);
    });

    it.each([
      ['ru', /^… и ещё \d+: расходы 4\.00 USD, [\d,]+\.00 UZS; доходы 7\.00 USD$/],
      ['uz', /^… yana \d+ ta: xarajat 4\.00 USD, [\d,]+\.00 UZS; daromad 7\.00 USD$/],
      ['en', /^… and \d+ more: expense 4\.00 USD, [\d,]+\.00 UZS; income 7\.00 USD$/],
    ] as const)(
      '%s: the summary line adds up the left-out items per type and currency (currencies by code)',
      (lang, summary) => {
        const items = [
          ...many(200, bread),
          { ...taxi, currency: 'USD', amountMinor: 400n },
          { ...salary, amountMinor: 700n },
        ];
        const text = recordedText(lang, items, TZ);
        const last = text.split('\n').pop()!;
        expect(last).toMatch(summary);
        const left = Number(/\d+/.exec(last)![0]);
        expect(last).toContain(`${(5000 * (left - 2)).toLocaleString('en-US')}.00 UZS`);
      },
    );

    it('the amount question after a long list is kept, the list shortened instead', () => {
      const pending: ItemView = {
        ...taxi,
        amountMinor: null,
        categoryName: 'Продукты',
        description: 'молоко',
      };
      const text = recordedText('ru', many(300, bread), TZ, pending);
      expect(text.length).toBeLessThanOrEqual(REPLY_TEXT_LIMIT);
      expect(
        text.endsWith('\n\n💬 Сколько? Напишите сумму, например 25000\n💸 Продукты, молоко · 29.11.2026'),
      ).toBe(true);
    });

    it.each([1, 2, 50, 300, 2000])(
      '%i items with the longest descriptions (500 characters), as a voice reply too: within 4096',
      (n) => {
        const items = many(n, (i) => ({ ...bread(i), description: `${i} ${'д'.repeat(497)}` }));
        for (const lang of LANGUAGES) {
          for (const text of [recordedText(lang, items, TZ), undoneText(lang, items, TZ)]) {
            expect(text.length).toBeLessThanOrEqual(REPLY_TEXT_LIMIT);
            // Whole lines only: every item line is complete (ends with its date).
            for (const line of text.split('\n').slice(1)) expect(line).toMatch(/· 29\.11\.2026$|^… /);
            expect(voiceReplyText(lang, 'слово '.repeat(200), text).length).toBeLessThanOrEqual(
              TELEGRAM_TEXT_LIMIT,
            );
          }
        }
      },
    );
  });

  it.each([
    ['ru', '💬 Сколько? Напишите сумму, например 25000'],
    ['uz', '💬 Qancha? Summani yozing, masalan 25000'],
    ['en', '💬 How much? Type the amount, e.g. 25000'],
  ] as const)('askAmountText in %s', (lang, first) => {
    expect(askAmountText(lang, taxi, TZ).split('\n')[0]).toBe(first);
  });

  it('undoneText says it is cancelled and lists what went', () => {
    expect(undoneText('ru', [taxi], TZ)).toBe(
      '↩️ Отменено, удалена 1 запись:\n💸 20,000.00 UZS — Транспорт, такси · 29.11.2026',
    );
  });

  it.each([
    ['ru', 1, '↩️ Отменено, удалена 1 запись:'],
    ['ru', 2, '↩️ Отменено, удалены 2 записи:'],
    ['ru', 4, '↩️ Отменено, удалены 4 записи:'],
    ['ru', 5, '↩️ Отменено, удалено 5 записей:'],
    ['ru', 11, '↩️ Отменено, удалено 11 записей:'],
    ['ru', 12, '↩️ Отменено, удалено 12 записей:'],
    ['ru', 21, '↩️ Отменено, удалена 21 запись:'],
    ['ru', 22, '↩️ Отменено, удалены 22 записи:'],
    ['ru', 25, '↩️ Отменено, удалено 25 записей:'],
    ['en', 1, '↩️ Cancelled, 1 record removed:'],
    ['en', 2, '↩️ Cancelled, 2 records removed:'],
    ['en', 21, '↩️ Cancelled, 21 records removed:'],
    ['uz', 1, '↩️ Bekor qilindi, 1 ta yozuv oʻchirildi:'],
    ['uz', 5, '↩️ Bekor qilindi, 5 ta yozuv oʻchirildi:'],
  ] as const)('undoneText(%s) of %i records: %s', (lang, n, title) => {
    expect(undoneText(lang, Array<ItemView>(n).fill(taxi), TZ).split('\n')[0]).toBe(title);
  });

  it.each([
    [
      'ru',
      '❌ Слишком большая сумма: в одной записи не больше 9,999,999,999,999.99. Проверьте число и напишите ещё раз.',
    ],
    [
      'uz',
      '❌ Summa juda katta: bitta yozuvda koʻpi bilan 9,999,999,999,999.99. Raqamni tekshirib, qayta yozing.',
    ],
    [
      'en',
      '❌ That amount is too large: one record holds at most 9,999,999,999,999.99. Check the number and try again.',
    ],
  ] as const)('tooLargeText(%s) says the maximum', (lang, text) => {
    expect(tooLargeText(lang)).toBe(text);
  });

  it.each([
    ['ru', taxi, '↩️ Удалил последнюю запись:\n💸 20,000.00 UZS — Транспорт, такси · 29.11.2026'],
    ['ru', null, '👌 Отменять нечего: записей пока нет.'],
    ['en', null, '👌 Nothing to undo: no records yet.'],
  ] as const)('undoLastText(%s)', (lang, removed, expected) => {
    expect(undoLastText(lang, removed, TZ)).toBe(expected);
  });

  it.each([
    ['ru', '✅ Язык: Русский'],
    ['uz', '✅ Til: Oʻzbekcha'],
    ['en', '✅ Language: English'],
  ] as const)('languageSetText(%s) is in that language', (lang, text) => {
    expect(languageSetText(lang)).toBe(text);
  });

  it.each(LANGUAGES.map((l) => [l]))('the %s hint gives examples the parser understands', (lang) => {
    const examples = textHint(lang)
      .split('\n')
      .filter((l) => l.startsWith('• '))
      .map((l) => l.slice(2));
    expect(examples).toHaveLength(3);
    for (const example of examples) {
      const parsed = parsePhrase(example, {
        language: 'auto',
        defaultCurrency: 'UZS',
        now: AT,
        timeZone: TZ,
      });
      expect(parsed.intent).toBe('transaction');
      expect(parsed.items.length).toBeGreaterThan(0);
      expect(parsed.items.every((i) => i.amountMinor !== null)).toBe(true);
    }
  });

  it('statsText: per currency, expenses then income, largest category first, with totals', () => {
    const text = statsText('ru', 2026, 11, [
      { currency: 'UZS', type: 'expense', categoryName: 'Транспорт', totalMinor: 4_000_000n },
      { currency: 'UZS', type: 'expense', categoryName: 'Продукты', totalMinor: 15_000_000n },
      { currency: 'UZS', type: 'income', categoryName: 'Зарплата', totalMinor: 500_000_000n },
      { currency: 'USD', type: 'expense', categoryName: 'Кафе и рестораны', totalMinor: 1250n },
    ]);
    expect(text).toBe(
      [
        '📊 Статистика за ноябрь 2026',
        '💸 Расходы: 12.50 USD\n• Кафе и рестораны: 12.50 USD',
        '💸 Расходы: 190,000.00 UZS\n• Продукты: 150,000.00 UZS\n• Транспорт: 40,000.00 UZS\n💰 Доходы: 5,000,000.00 UZS\n• Зарплата: 5,000,000.00 UZS',
      ].join('\n\n'),
    );
  });

  it.each([
    ['ru', '📊 За январь 2027 операций пока нет.'],
    ['uz', '📊 2027-yil yanvar oyida hali operatsiyalar yoʻq.'],
    ['en', '📊 No transactions in January 2027 yet.'],
  ] as const)('statsText(%s) for an empty month', (lang, text) => {
    expect(statsText(lang, 2027, 1, [])).toBe(text);
  });

  it.each(LANGUAGES.map((l) => [l]))('every %s toast and alert fits Telegram’s 200 characters', (lang) => {
    const t = callbackTexts(lang);
    for (const text of [
      t.undone,
      t.alreadyUndone,
      t.notAvailable,
      t.chooseItem,
      t.chooseCategory,
      t.categorySet('Кафе и рестораны'),
    ]) {
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(200);
    }
  });
});

describe('inline keyboards', () => {
  const data = (markup: { inline_keyboard: Array<Array<{ text: string; callback_data?: string }>> }) =>
    markup.inline_keyboard.map((row) => row.map((b) => [b.text, b.callback_data]));

  it.each([
    ['ru', '↩️ Отменить', '🏷 Категория'],
    ['uz', '↩️ Bekor qilish', '🏷 Kategoriya'],
    ['en', '↩️ Undo', '🏷 Category'],
  ] as const)('recordedKeyboard(%s): Undo and Category for the whole update', (lang, undo, category) => {
    expect(data(recordedKeyboard(lang, 42n))).toEqual([
      [
        [undo, 'u:42'],
        [category, 'c:42'],
      ],
    ]);
  });

  it('categoryKeyboard: two per row, the current one marked, Back last', () => {
    const list = [
      { key: 'groceries', name: 'Продукты' },
      { key: 'cafe', name: 'Кафе и рестораны' },
      { key: 'transport', name: 'Транспорт' },
    ];
    expect(data(categoryKeyboard('ru', 42n, 1, list, 'transport'))).toEqual([
      [
        ['Продукты', 's:42:1:groceries'],
        ['Кафе и рестораны', 's:42:1:cafe'],
      ],
      [['✅ Транспорт', 's:42:1:transport']],
      [['⬅️ Назад', 'b:42']],
    ]);
  });

  it('itemChooserKeyboard numbers the items as the reply does', () => {
    expect(
      data(
        itemChooserKeyboard('en', 7n, [
          { item: 0, label: 'taxi' },
          { item: 1, label: 'coffee' },
        ]),
      ),
    ).toEqual([
      [
        ['1. taxi', 'c:7:0'],
        ['2. coffee', 'c:7:1'],
      ],
      [['⬅️ Back', 'b:7']],
    ]);
  });

  it('language and currency choosers', () => {
    expect(data(languageKeyboard())).toEqual([
      [
        ['🇷🇺 Русский', 'lang:ru'],
        ['🇺🇿 Oʻzbekcha', 'lang:uz'],
        ['🇬🇧 English', 'lang:en'],
      ],
    ]);
    expect(
      data(currencyKeyboard())
        .flat()
        .map(([, d]) => d),
    ).toEqual(['cur:UZS', 'cur:USD', 'cur:RUB', 'cur:EUR']);
  });
});
