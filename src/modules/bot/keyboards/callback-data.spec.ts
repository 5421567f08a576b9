import {
  CALLBACK_DATA_MAX_BYTES,
  CallbackAction,
  decodeCallback,
  decodeFamily,
  encodeFamily,
  FAMILY_CALLBACK_RE,
  FamilyAction,
  decodeCategory,
  encodeCallback,
  encodeCategory,
} from './callback-data';

const CUSTOM = 'custom:0f8fad5b-d9cb-469f-a165-70867728950e';
const BIG_UPDATE = 9_223_372_036_854_775_807n; // the largest bigint id the column holds

describe('callback data', () => {
  it.each<[CallbackAction, string]>([
    [{ kind: 'undo', updateId: 123456789n }, 'u:123456789'],
    [{ kind: 'category', updateId: 123456789n }, 'c:123456789'],
    [{ kind: 'category', updateId: 123456789n, item: 2 }, 'c:123456789:2'],
    [
      { kind: 'set_category', updateId: 123456789n, item: 0, category: 'transport' },
      's:123456789:0:transport',
    ],
    [
      { kind: 'set_category', updateId: 5n, item: 1, category: CUSTOM },
      's:5:1:~0f8fad5bd9cb469fa16570867728950e',
    ],
    [{ kind: 'back', updateId: 77n }, 'b:77'],
    [{ kind: 'move_wallet', updateId: 77n, wallet: 'household' }, 'w:77:h'],
    [{ kind: 'move_wallet', updateId: 78n, wallet: 'personal' }, 'w:78:p'],
    [{ kind: 'language', language: 'uz' }, 'lang:uz'],
    [{ kind: 'currency', currency: 'USD' }, 'cur:USD'],
    [{ kind: 'card_side', updateId: 123456789n, card: '4410' }, 'm:123456789:4410'],
    [{ kind: 'pick_currency', updateId: 42n, currency: 'UZS' }, 'k:42:UZS'],
    [{ kind: 'planned', updateId: 42n, step: 'remind' }, 'f:42:r'],
    [{ kind: 'planned', updateId: 42n, step: 'tomorrow' }, 'f:42:t'],
    [{ kind: 'planned', updateId: 42n, step: 'week' }, 'f:42:w'],
    [{ kind: 'planned', updateId: 42n, step: 'paid' }, 'f:42:p'],
    [{ kind: 'planned', updateId: 42n, step: 'no' }, 'f:42:n'],
    [{ kind: 'planned', updateId: 42n, step: 'record' }, 'f:42:d'],
    [{ kind: 'planned', updateId: 42n, step: 'skip' }, 'f:42:s'],
    [{ kind: 'goal_offer', updateId: BIG_UPDATE }, `g:${BIG_UPDATE}`],
  ])('%#: ⇄ %s', (action, data) => {
    expect(encodeCallback(action)).toBe(data);
    expect(decodeCallback(data)).toEqual(action);
  });

  it('stays within Telegram’s 64 bytes for the longest data (largest update id, item 999, a custom category)', () => {
    const data = encodeCallback({ kind: 'set_category', updateId: BIG_UPDATE, item: 999, category: CUSTOM });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(decodeCallback(data)).toEqual({
      kind: 'set_category',
      updateId: BIG_UPDATE,
      item: 999,
      category: CUSTOM,
    });
  });

  it.each([
    undefined,
    '',
    'u:',
    'u:abc',
    'u:1:2',
    'x:1',
    'c:1:',
    's:1:0:',
    's:1:0:Транспорт',
    's:1:0:~123',
    'lang:de',
    'cur:GBP',
    'cur:usd',
    'm:1:441',
    'm:1:44100',
    'm:1',
    'm:x:4410',
    'k:1:GBP',
    'k:1',
    'k:1:4410',
    'f:1:x',
    'f:1:',
    'f:1:rr',
    'g:',
    'g:1:2',
    'a'.repeat(65),
  ])('refuses %j', (data) => {
    expect(decodeCallback(data)).toBeNull();
  });

  it.each([
    ['groceries', 'groceries'],
    [CUSTOM, '~0f8fad5bd9cb469fa16570867728950e'],
  ])('category %s travels as %s and back', (key, code) => {
    expect(encodeCategory(key)).toBe(code);
    expect(decodeCategory(code)).toBe(key);
  });
});

describe('household buttons (hf:…)', () => {
  const MEMBER = '0f8fad5b-d9cb-469f-a165-70867728950e';
  const TOKEN = 'A'.repeat(21) + '-_' + 'z9'.repeat(10);

  it.each<[FamilyAction, string]>([
    [{ kind: 'create' }, 'hf:c'],
    [{ kind: 'view' }, 'hf:v'],
    [{ kind: 'invite' }, 'hf:i'],
    [{ kind: 'rename' }, 'hf:n'],
    [{ kind: 'remove', memberId: MEMBER, confirmed: false }, 'hf:r:0f8fad5bd9cb469fa16570867728950e'],
    [{ kind: 'remove', memberId: MEMBER, confirmed: true }, 'hf:R:0f8fad5bd9cb469fa16570867728950e'],
    [{ kind: 'transfer', memberId: MEMBER, confirmed: false }, 'hf:t:0f8fad5bd9cb469fa16570867728950e'],
    [{ kind: 'transfer', memberId: MEMBER, confirmed: true }, 'hf:T:0f8fad5bd9cb469fa16570867728950e'],
    [{ kind: 'leave', confirmed: false }, 'hf:l'],
    [{ kind: 'leave', confirmed: true }, 'hf:L'],
    [{ kind: 'dissolve', confirmed: false }, 'hf:d'],
    [{ kind: 'dissolve', confirmed: true }, 'hf:D'],
    [{ kind: 'default_wallet', on: true }, 'hf:w:1'],
    [{ kind: 'default_wallet', on: false }, 'hf:w:0'],
    [{ kind: 'notify_ask' }, 'hf:o'],
    [{ kind: 'notify_off' }, 'hf:o:0'],
    [{ kind: 'join', token: TOKEN }, `hf:j:${TOKEN}`],
    [{ kind: 'revoke', token: TOKEN }, `hf:x:${TOKEN}`],
  ])('%#: ⇄ %s', (action, data) => {
    expect(encodeFamily(action)).toBe(data);
    expect(decodeFamily(data)).toEqual(action);
    expect(FAMILY_CALLBACK_RE.test(data)).toBe(true);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(decodeCallback(data)).toBeNull();
  });

  it.each(['hf:', 'hf:x', 'hf:w:2', 'hf:r:123', 'hf:j:short', `hf:j:${TOKEN}x`, 'hf:constructor', undefined])(
    'refuses %s',
    (data) => {
      expect(decodeFamily(data)).toBeNull();
    },
  );
});
