import { categoriesText, LEARNED_SHOWN, LEARNED_TEXTS, learnedTexts } from './learned.texts';

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** A catalogue value as shown: functions called with placeholder arguments. */
const render = (value: unknown): string =>
  typeof value === 'function' ? String((value as (...a: unknown[]) => unknown)(7, 'word')) : String(value);

describe('learned-category texts', () => {
  it.each(['uz', 'en'] as const)('%s has every key of ru, none empty, no Cyrillic', (lang) => {
    expect(Object.keys(LEARNED_TEXTS[lang])).toEqual(Object.keys(LEARNED_TEXTS.ru));
    for (const [key, value] of Object.entries(LEARNED_TEXTS[lang])) {
      const text = render(value);
      expect({ key, empty: !text.trim(), cyrillic: CYRILLIC.test(text) }).toEqual({
        key,
        empty: false,
        cyrillic: false,
      });
    }
  });

  it('Uzbek writes oʻ and gʻ with U+02BB', () => {
    expect(Object.values(LEARNED_TEXTS.uz).map(render).join(' ')).not.toMatch(/[og]['‘’`]/);
  });

  it.each([
    [
      'ru',
      [
        '🏷 Ваши категории',
        '',
        'Свои категории:',
        '💸 Бензин · Обеды',
        '💰 Подработка',
        '',
        '🧠 Запомненные слова — их категорию я ставлю первой:',
        '1. 💸 obed → Кафе и рестораны',
        '2. 💰 premiya → Зарплата',
        '',
        'Нажмите ✖ под словом, чтобы я его забыл.',
      ],
    ],
    [
      'en',
      [
        '🏷 Your categories',
        '',
        'Your own categories:',
        '💸 Бензин · Обеды',
        '💰 Подработка',
        '',
        '🧠 Learned words — I put their category first:',
        '1. 💸 obed → Кафе и рестораны',
        '2. 💰 premiya → Зарплата',
        '',
        'Tap ✖ under a word to make me forget it.',
      ],
    ],
  ] as const)('/categories in %s', (lang, lines) => {
    const own = [
      { type: 'expense' as const, name: 'Бензин' },
      { type: 'income' as const, name: 'Подработка' },
      { type: 'expense' as const, name: 'Обеды' },
    ];
    const learned = [
      { keyword: 'obed', type: 'expense' as const, categoryName: 'Кафе и рестораны' },
      { keyword: 'premiya', type: 'income' as const, categoryName: 'Зарплата' },
    ];
    expect(categoriesText(lang, own, learned)).toBe(lines.join('\n'));
  });

  it('nothing of either: both say how to get some', () => {
    const text = categoriesText('uz', [], []);
    expect(text).toContain(learnedTexts('uz').noOwn);
    expect(text).toContain(learnedTexts('uz').noLearned);
  });

  it('many long words and names stay within a Telegram message, the rest counted', () => {
    const long = 'ж'.repeat(64);
    const own = Array.from({ length: 300 }, (_, i) => ({
      type: (i % 2 ? 'income' : 'expense') as 'income' | 'expense',
      name: `${long}${i}`,
    }));
    const learned = Array.from({ length: 120 }, () => ({
      keyword: long,
      type: 'expense' as const,
      categoryName: long,
    }));
    const text = categoriesText('ru', own, learned);
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text.split('\n').filter((l) => /^\d+\. /.test(l))).toHaveLength(LEARNED_SHOWN);
    expect(text).toContain(learnedTexts('ru').more(120 - LEARNED_SHOWN));
  });
});
