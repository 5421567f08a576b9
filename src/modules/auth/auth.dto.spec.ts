import { checkBody } from '../../common/validation/testing';
import { parseChatId, RefreshTokenDto, TelegramLoginDto } from './auth.dto';

describe('parseChatId', () => {
  it.each([
    [123456789, 123456789n],
    ['123456789', 123456789n],
    [' 42 ', 42n],
    [Number.MAX_SAFE_INTEGER, BigInt(Number.MAX_SAFE_INTEGER)],
  ])('accepts %p', (value, chatId) => {
    expect(parseChatId(value)).toEqual({ ok: true, chatId });
  });

  it.each([
    [undefined, 'This field is required.'],
    [null, 'This field may not be null.'],
    [0, 'Ensure this value is greater than or equal to 1.'],
    [-1, 'Ensure this value is greater than or equal to 1.'],
    ['-1', 'Ensure this value is greater than or equal to 1.'],
    [1.5, 'A valid integer is required.'],
    ['1.5', 'A valid integer is required.'],
    ['1e3', 'A valid integer is required.'],
    ['', 'A valid integer is required.'],
    ['abc', 'A valid integer is required.'],
    [true, 'A valid integer is required.'],
    [[1], 'A valid integer is required.'],
    [2 ** 53, 'Ensure this value is less than or equal to 9007199254740991.'],
    ['9007199254740992', 'Ensure this value is less than or equal to 9007199254740991.'],
  ])('refuses %p', (value, message) => {
    expect(parseChatId(value)).toEqual({ ok: false, message });
  });
});

describe('TelegramLoginDto', () => {
  const login = (body: object) => checkBody(TelegramLoginDto, body);

  it('reads the chat id as a bigint and keeps the proof fields as sent', async () => {
    const { value, errors } = await login({ telegram_chat_id: '42', hash: 5, id: '42', extra: 1 });
    expect(errors).toEqual({});
    expect(value).toMatchObject({ telegram_chat_id: 42n, hash: 5, id: '42' });
    expect(value).not.toHaveProperty('extra');
  });

  it.each([undefined, null, ''])('treats phone %p as not given', async (phone_number) => {
    const { value, errors } = await login({ telegram_chat_id: 1, phone_number });
    expect(errors).toEqual({});
    expect(value!.phone_number ?? undefined).toBeUndefined();
  });

  it('normalises a valid number to E.164', async () => {
    const { value } = await login({ telegram_chat_id: 1, phone_number: '+998 (90) 123-45-67' });
    expect(value!.phone_number).toBe('+998901234567');
  });

  it.each([
    ['998901234567', 'Phone number must start with "+" and be in international format, e.g. +998901234567.'],
    ['+1', 'Enter a valid international phone number, e.g. +998901234567.'],
    ['+998abc', 'Enter a valid international phone number, e.g. +998901234567.'],
    ['  ', 'This field may not be blank.'],
    [5, 'Not a valid string.'],
  ])('refuses phone %p', async (phone_number, message) => {
    expect((await login({ telegram_chat_id: 1, phone_number })).errors).toEqual({ phone_number: [message] });
  });

  it('reports both fields at once, the chat id first', async () => {
    expect(Object.entries((await login({ phone_number: 5 })).errors)).toEqual([
      ['telegram_chat_id', ['This field is required.']],
      ['phone_number', ['Not a valid string.']],
    ]);
  });
});

describe('RefreshTokenDto', () => {
  it.each([
    [undefined, 'This field is required.'],
    [null, 'This field may not be null.'],
    ['  ', 'This field may not be blank.'],
    [1, 'Not a valid string.'],
  ])('refuses %p', async (refresh, message) => {
    expect((await checkBody(RefreshTokenDto, { refresh })).errors).toEqual({ refresh: [message] });
  });

  it('trims the token', async () => {
    expect((await checkBody(RefreshTokenDto, { refresh: ' a.b.c ' })).value!.refresh).toBe('a.b.c');
  });
});
