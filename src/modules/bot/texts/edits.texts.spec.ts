/** The texts about edited messages and unreadable messages: complete in every language, and what the user reads. */
import { ItemView } from './bot.texts';
import { EDIT_CATALOGUE, MediaKind, mediaHintText, noLongerRecordText } from './edits.texts';
import { LANGUAGES } from '../../../common/text/languages';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const KINDS: MediaKind[] = [
  'photo',
  'document',
  'video',
  'animation',
  'sticker',
  'location',
  'poll',
  'dice',
  'other',
];

/** Every string of a language's catalogue, by key path. */
function strings(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    strings(v, path ? `${path}.${k}` : k),
  );
}

describe('edits texts', () => {
  it.each(LANGUAGES)('%s: the keys of ru, each non-empty', (lang) => {
    const keys = (l: typeof lang) => strings(EDIT_CATALOGUE[l]).map(([k]) => k);
    expect(keys(lang)).toEqual(keys('ru'));
    for (const [key, text] of strings(EDIT_CATALOGUE[lang]))
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });

  it.each(['uz', 'en'] as const)('%s: no Cyrillic letters', (lang) => {
    for (const [key, text] of strings(EDIT_CATALOGUE[lang]))
      expect({ key, cyrillic: CYRILLIC.test(text) }).toEqual({ key, cyrillic: false });
  });

  it('uz: oʻ and gʻ with the turned comma (U+02BB), never an apostrophe', () => {
    for (const [key, text] of strings(EDIT_CATALOGUE.uz))
      expect({ key, text: /[og]['’`]/i.test(text) ? text : null }).toEqual({ key, text: null });
  });

  it.each(KINDS)('every language names %s and ends with what the bot understands, /help included', (kind) => {
    for (const lang of LANGUAGES) {
      const [first, rest] = mediaHintText(lang, kind).split('\n');
      expect(first).toBe(EDIT_CATALOGUE[lang].media[kind]);
      expect(rest).toContain('/help');
    }
  });

  it.each([
    ['ru', '«такси 20000»'],
    ['uz', '«taksi 20 ming»'],
    ['en', '“taxi 20000”'],
  ] as const)('%s: the hint gives an example phrase', (lang, example) => {
    expect(mediaHintText(lang, 'sticker')).toContain(example);
  });

  const AT = new Date('2026-03-10T07:00:00Z');
  const coffee: ItemView = {
    type: 'expense',
    amountMinor: 1_500_000n,
    currency: 'UZS',
    categoryName: 'Кафе и рестораны',
    description: 'кофе',
    occurredAt: AT,
  };
  const taxi: ItemView = {
    type: 'expense',
    amountMinor: 2_000_000n,
    currency: 'UZS',
    categoryName: 'Транспорт',
    description: 'такси',
    occurredAt: AT,
  };

  it.each<[string, ItemView[], ItemView | undefined, string]>([
    [
      'one item',
      [coffee],
      undefined,
      '✏️ Сообщение исправлено — теперь это не запись. Удалил:\n💸 15,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026',
    ],
    [
      'two items, numbered',
      [coffee, taxi],
      undefined,
      '✏️ Сообщение исправлено — теперь это не запись. Удалил:\n1. 💸 15,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026\n2. 💸 20,000.00 UZS — Транспорт, такси · 10.03.2026',
    ],
    [
      'and the amount question',
      [coffee],
      { ...taxi, amountMinor: null },
      '✏️ Сообщение исправлено — теперь это не запись. Удалил:\n💸 15,000.00 UZS — Кафе и рестораны, кофе · 10.03.2026\n\n💬 Сколько? Напишите сумму, например 25000\n💸 Транспорт, такси · 10.03.2026',
    ],
  ])('noLongerRecordText: %s', (_name, removed, pending, expected) => {
    expect(noLongerRecordText('ru', removed, 'Asia/Tashkent', pending)).toBe(expected);
  });
});
