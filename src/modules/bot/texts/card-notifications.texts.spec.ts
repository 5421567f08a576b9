import { askCardText, CARD_CATALOGUE, cardItemLine, cardSideKeyboard } from './card-notifications.texts';

const CYRILLIC = /\p{Script=Cyrillic}/u;

function render(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function')
    return [String((value as (...a: string[]) => unknown)(...Array<string>(value.length).fill('7')))];
  return [];
}

describe('card notification texts', () => {
  it.each(['ru', 'uz', 'en'] as const)('%s has every key of ru, each non-empty', (lang) => {
    expect(Object.keys(CARD_CATALOGUE[lang])).toEqual(Object.keys(CARD_CATALOGUE.ru));
    for (const [key, value] of Object.entries(CARD_CATALOGUE[lang])) {
      for (const text of render(value))
        expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it.each(['uz', 'en'] as const)('%s has no Cyrillic letters; Uzbek writes oʻ with U+02BB', (lang) => {
    for (const [key, value] of Object.entries(CARD_CATALOGUE[lang])) {
      for (const text of render(value)) {
        expect({ key, cyrillic: CYRILLIC.test(text) }).toEqual({ key, cyrillic: false });
        expect({ key, apostrophe: /[og]['‘’`]/.test(text) }).toEqual({ key, apostrophe: false });
      }
    }
  });

  it.each([
    [
      { type: 'expense' as const, categoryName: 'Продукты', description: 'MAKRO YUNUSABAD', card: '1177' },
      '💸 76,400.00 UZS — Продукты, MAKRO YUNUSABAD · 02.12.2026 19:48 · 💳 ***1177',
    ],
    [
      { type: 'income' as const, categoryName: 'Прочее', description: '', card: null },
      '💰 76,400.00 UZS — Прочее · 02.12.2026 19:48',
    ],
    [
      { type: 'expense' as const, categoryName: 'Прочее', description: 'прочее', card: '1177' },
      '💸 76,400.00 UZS — Прочее · 02.12.2026 19:48 · 💳 ***1177',
    ],
  ])('one line shows the notification’s own date and time: %#', (item, line) => {
    expect(
      cardItemLine(
        { ...item, amountMinor: 7_640_000n, currency: 'UZS', occurredAt: new Date('2026-12-02T14:48:00Z') },
        'Asia/Tashkent',
      ),
    ).toBe(line);
  });

  it('the question names both sides; the buttons carry the receipt’s update id and each card', () => {
    const q = {
      amountMinor: 120_000_000n,
      currency: 'UZS',
      occurredAt: new Date('2026-12-01T16:40:05Z'),
      senderCard: '4410',
      receiverCard: '2235',
      senderName: '',
      receiverName: 'BOBUR T.',
    };
    expect(askCardText('en', q, 'Asia/Tashkent')).toBe(
      "💳 Transfer 1,200,000.00 UZS · 01.12.2026 21:40\n***4410 → BOBUR T. ***2235\nWhich card is yours? I'll remember it and record such transfers myself next time.",
    );
    expect(cardSideKeyboard('uz', 99n, '4410', '2235')).toEqual({
      inline_keyboard: [
        [
          { text: 'Mening kartam ***4410', callback_data: 'm:99:4410' },
          { text: 'Mening kartam ***2235', callback_data: 'm:99:2235' },
        ],
      ],
    });
  });
});
