import { signInitData, signLoginWidget, verifyInitData, verifyLoginWidget } from './telegram-proof';

const TOKEN = '123456789:TEST-token_abcdefghijklmnopqrstuv';
const AUTH_DATE = 1764400000;
const NOW = new Date(AUTH_DATE * 1000 + 60_000);
const at = (secondsAfterAuth: number) => new Date((AUTH_DATE + secondsAfterAuth) * 1000);

// Computed independently (Python hmac/hashlib) from Telegram's documented algorithm.
const PYTHON_INIT_DATA =
  'query_id=AAH&user=%7B%22id%22%3A42%2C%22first_name%22%3A%22Ali%22%2C%22username%22%3A%22ali%22%7D&auth_date=1764400000&hash=0964e130d769c908cf9094f74cbb248c0fae9f0eef588441b9cc30996527fb56';
const PYTHON_WIDGET = {
  id: 42,
  first_name: 'Ali',
  username: 'ali',
  auth_date: AUTH_DATE,
  hash: 'ec01a3a314cddde1c67cd43afbe4ea4529da70e70214ff7d86a93e002451a5c7',
};

function initData(overrides: Record<string, string> = {}, token = TOKEN): string {
  return signInitData(token, {
    query_id: 'AAH',
    user: JSON.stringify({ id: 42, first_name: 'Ali', language_code: 'uz' }),
    auth_date: String(AUTH_DATE),
    ...overrides,
  });
}

describe('verifyInitData', () => {
  it('accepts initData signed as Telegram documents it (independent vector)', () => {
    const r = verifyInitData(TOKEN, PYTHON_INIT_DATA, NOW);
    expect(r).toEqual({
      ok: true,
      identity: {
        userId: 42n,
        firstName: 'Ali',
        username: 'ali',
        lastName: undefined,
        languageCode: undefined,
        authDate: AUTH_DATE,
      },
    });
  });

  it('reads the user and language from the user field', () => {
    const r = verifyInitData(TOKEN, initData(), NOW);
    expect(r.ok && r.identity).toMatchObject({ userId: 42n, firstName: 'Ali', languageCode: 'uz' });
  });

  it.each([
    ['another bot token', initData({}, '987654321:OTHER-token_abcdefghijklmnopqrstu'), 'bad_hash'],
    ['a changed user id', PYTHON_INIT_DATA.replace('%3A42', '%3A43'), 'bad_hash'],
    [
      'a changed auth_date',
      PYTHON_INIT_DATA.replace('auth_date=1764400000', 'auth_date=1764400001'),
      'bad_hash',
    ],
    ['an extra field', `${PYTHON_INIT_DATA}&start_param=x`, 'bad_hash'],
    ['a hash of the wrong length', PYTHON_INIT_DATA.replace(/hash=\w+/, 'hash=abcd'), 'bad_hash'],
    ['no hash', PYTHON_INIT_DATA.replace(/&hash=\w+/, ''), 'malformed'],
    ['a duplicated key', `${PYTHON_INIT_DATA}&auth_date=1764400000`, 'malformed'],
    ['an empty string', '', 'malformed'],
  ])('refuses %s', (_name, data, reason) => {
    expect(verifyInitData(TOKEN, data, NOW)).toEqual({ ok: false, reason });
  });

  it('accepts an upper-case hash', () => {
    const upper = PYTHON_INIT_DATA.replace(/hash=(\w+)/, (_m, h: string) => `hash=${h.toUpperCase()}`);
    expect(verifyInitData(TOKEN, upper, NOW).ok).toBe(true);
  });

  it.each([
    [24 * 3600, true],
    [24 * 3600 + 1, false],
    [-60, true],
    [-61, false],
  ])('auth_date checks at now = auth_date + %i s → ok=%s', (offset, ok) => {
    expect(verifyInitData(TOKEN, initData(), at(offset)).ok).toBe(ok);
  });

  it('names the reason for stale and future dates', () => {
    expect(verifyInitData(TOKEN, initData(), at(2 * 24 * 3600))).toEqual({ ok: false, reason: 'stale' });
    expect(verifyInitData(TOKEN, initData(), at(-3600))).toEqual({ ok: false, reason: 'future' });
  });

  it.each([
    ['no user field', { user: '' }],
    ['a user without an id', { user: JSON.stringify({ first_name: 'A' }) }],
    ['a negative id', { user: JSON.stringify({ id: -5 }) }],
    ['a fractional id', { user: JSON.stringify({ id: 1.5 }) }],
  ])('refuses a signed proof with %s', (_name, overrides) => {
    const data = signInitData(TOKEN, { auth_date: String(AUTH_DATE), ...overrides });
    expect(verifyInitData(TOKEN, data, NOW)).toEqual({ ok: false, reason: 'no_user' });
  });

  it('refuses a signed proof with a non-JSON user as malformed', () => {
    expect(
      verifyInitData(TOKEN, signInitData(TOKEN, { auth_date: String(AUTH_DATE), user: '{' }), NOW),
    ).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a missing auth_date', () => {
    expect(verifyInitData(TOKEN, signInitData(TOKEN, { user: JSON.stringify({ id: 42 }) }), NOW)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});

describe('verifyLoginWidget', () => {
  it('accepts widget data signed as Telegram documents it (independent vector)', () => {
    const r = verifyLoginWidget(TOKEN, PYTHON_WIDGET, NOW);
    expect(r.ok && r.identity).toMatchObject({
      userId: 42n,
      firstName: 'Ali',
      username: 'ali',
      authDate: AUTH_DATE,
    });
  });

  it('accepts numbers sent as strings and the optional fields', () => {
    const fields = signLoginWidget(TOKEN, {
      id: '42',
      first_name: 'Ali',
      last_name: 'V',
      photo_url: 'https://t.me/i/userpic/1.jpg',
      auth_date: String(AUTH_DATE),
    });
    expect(verifyLoginWidget(TOKEN, fields, NOW)).toMatchObject({
      ok: true,
      identity: { userId: 42n, lastName: 'V' },
    });
  });

  it.each([
    ['a changed id', { ...PYTHON_WIDGET, id: 43 }, 'bad_hash'],
    ['a changed name', { ...PYTHON_WIDGET, first_name: 'Bob' }, 'bad_hash'],
    ['an added optional field', { ...PYTHON_WIDGET, last_name: 'X' }, 'bad_hash'],
    ['a removed optional field', { ...PYTHON_WIDGET, username: undefined }, 'bad_hash'],
    [
      'another bot token',
      signLoginWidget('987654321:OTHER-token_abcdefghijklmnopqrstu', { id: 42, auth_date: AUTH_DATE }),
      'bad_hash',
    ],
    ['no hash', { ...PYTHON_WIDGET, hash: undefined }, 'malformed'],
    ['no id', { auth_date: AUTH_DATE, hash: PYTHON_WIDGET.hash }, 'malformed'],
    ['an object value', { ...PYTHON_WIDGET, first_name: { a: 1 } }, 'malformed'],
  ])('refuses %s', (_name, data, reason) => {
    expect(verifyLoginWidget(TOKEN, data, NOW)).toEqual({ ok: false, reason });
  });

  it('refuses a signature made with the Mini App key derivation', () => {
    // Same fields, signed with HMAC("WebAppData", token) instead of SHA256(token): must not pass as a widget proof.
    const asInitData = new URLSearchParams(signInitData(TOKEN, { id: '42', auth_date: String(AUTH_DATE) }));
    expect(
      verifyLoginWidget(TOKEN, { id: 42, auth_date: AUTH_DATE, hash: asInitData.get('hash') ?? '' }, NOW),
    ).toEqual({ ok: false, reason: 'bad_hash' });
  });

  it('refuses stale and future auth dates', () => {
    expect(verifyLoginWidget(TOKEN, PYTHON_WIDGET, at(24 * 3600 + 1))).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifyLoginWidget(TOKEN, PYTHON_WIDGET, at(-120))).toEqual({ ok: false, reason: 'future' });
  });
});
