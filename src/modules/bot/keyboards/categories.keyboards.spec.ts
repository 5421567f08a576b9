import {
  decodeCallback,
  decodeForget,
  encodeForget,
  LEARNED_CALLBACK_RE,
  PLAN_CALLBACK_RE,
} from './callback-data';
import { learnedKeyboard } from './categories.keyboards';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('the ✖ buttons of /categories', () => {
  it('round-trip an id within 64 bytes, and are nobody else’s', () => {
    const data = encodeForget(ID);
    expect(data).toBe('lr:0f8fad5bd9cb469fa16570867728950e');
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(LEARNED_CALLBACK_RE.test(data)).toBe(true);
    expect(decodeForget(data)).toBe(ID);
    expect(decodeCallback(data)).toBeNull();
    expect(PLAN_CALLBACK_RE.test(data)).toBe(false);
  });

  it.each(['lr:', 'lr:xyz', `lr:${'0'.repeat(31)}`, `lr:${'a'.repeat(33)}`, 'u:1', '', undefined])(
    'refuse %p',
    (data) => {
      expect(decodeForget(data)).toBeNull();
    },
  );

  it('numbered like the list, two per row, long words cut; none without words', () => {
    const words = [
      { id: ID, keyword: 'obed' },
      { id: ID, keyword: 'обед' },
      { id: ID, keyword: 'x'.repeat(64) },
    ];
    const rows = learnedKeyboard('ru', words)!.inline_keyboard.map((row) => row.map((b) => b.text));
    expect(rows).toEqual([['✖ 1. obed', '✖ 2. обед'], [`✖ 3. ${'x'.repeat(26)}…`]]);
    expect(learnedKeyboard('en', [])).toBeUndefined();
  });
});
