import { clipText, fitList, REPLY_TEXT_LIMIT, TELEGRAM_TEXT_LIMIT } from './message-limit';

/** A numbered list under a title with "… and N more" for what is left out, as the bot's formatters draw one. */
const list =
  (items: readonly string[], tail = '') =>
  (shown: number) =>
    [
      'Title:',
      ...items.slice(0, shown).map((it, i) => `${i + 1}. ${it}`),
      ...(shown < items.length ? [`… and ${items.length - shown} more`] : []),
      ...(tail ? ['', tail] : []),
    ].join('\n');

describe('fitList', () => {
  it('a list that fits is returned whole', () => {
    expect(fitList(2, list(['a', 'b']), 100)).toBe('Title:\n1. a\n2. b');
  });

  const A = 'a'.repeat(16);
  const B = 'b'.repeat(16);
  const C = 'c'.repeat(16);
  it.each([
    [19, 'Title:\n… and 3 more'],
    [38, 'Title:\n… and 3 more'],
    [39, `Title:\n1. ${A}\n… and 2 more`],
    [65, `Title:\n1. ${A}\n2. ${B}\n… and 1 more`],
    [66, `Title:\n1. ${A}\n2. ${B}\n3. ${C}`],
  ])('limit %i: the first whole items that fit, then the summary line', (limit, expected) => {
    const text = fitList(3, list([A, B, C]), limit);
    expect(text).toBe(expected);
    expect(text.length).toBeLessThanOrEqual(limit);
  });

  it('keeps the tail (a question after the list)', () => {
    const text = fitList(
      100,
      list(
        Array.from({ length: 100 }, (_, i) => `item ${i}`),
        'How much?',
      ),
      80,
    );
    expect(text.endsWith('\n\nHow much?')).toBe(true);
    expect(text).toMatch(/… and \d+ more/);
    expect(text.length).toBeLessThanOrEqual(80);
  });

  it.each([1, 10, 300, 5_000])(
    '%i items of 200 characters stay within the reply limit, never cut mid-line',
    (n) => {
      const items = Array.from({ length: n }, (_, i) => `${'x'.repeat(195)} ${String(i).padStart(4, '0')}`);
      const text = fitList(n, list(items));
      expect(text.length).toBeLessThanOrEqual(REPLY_TEXT_LIMIT);
      for (const line of text.split('\n').slice(1, -1))
        expect(line).toMatch(/^\d+\. x{195} \d{4}$|^… and \d+ more$/);
    },
  );

  it('even the title alone too long: clipped at a line break, within the limit', () => {
    const text = fitList(5, (shown) => `${'T'.repeat(50)}\n${'U'.repeat(50)}\n… and ${5 - shown} more`, 60);
    expect(text).toBe(`${'T'.repeat(50)}\n…`);
  });

  it('an empty list that is too long is clipped', () => {
    expect(fitList(0, () => 'x'.repeat(5000)).length).toBe(REPLY_TEXT_LIMIT);
  });

  it("the reply limit leaves room for a quoted transcript under Telegram's limit", () => {
    expect(TELEGRAM_TEXT_LIMIT - REPLY_TEXT_LIMIT).toBeGreaterThanOrEqual(510);
  });
});

describe('clipText', () => {
  it.each([
    ['short', 10, 'short'],
    ['line one\nline two\nline three', 20, 'line one\nline two\n…'],
    ['abcdefghij', 5, 'abcd…'],
    ['ab😀cd', 4, 'ab…'], // never half of a surrogate pair
    ['abc', 1, '…'],
    ['abc', 0, ''],
  ])('clipText(%j, %i) = %j', (text, limit, expected) => {
    expect(clipText(text, limit)).toBe(expected);
    expect(clipText(text, limit).length).toBeLessThanOrEqual(limit);
  });
});
