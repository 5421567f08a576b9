import { parseChatId, parseOptionalPhone, parseRefresh } from './auth.dto';

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

describe('parseOptionalPhone', () => {
  it.each([undefined, null, ''])('treats %p as not given', (value) => {
    expect(parseOptionalPhone(value)).toEqual({ ok: true, phone: undefined });
  });

  it('normalises a valid number to E.164', () => {
    expect(parseOptionalPhone('+998 (90) 123-45-67')).toEqual({ ok: true, phone: '+998901234567' });
  });

  it.each(['998901234567', '+1', '+998abc', 5])('refuses %p', (value) => {
    expect(parseOptionalPhone(value).ok).toBe(false);
  });
});

describe('parseRefresh', () => {
  it.each([
    [undefined, 'This field is required.'],
    [null, 'This field may not be null.'],
    ['  ', 'This field may not be blank.'],
    [1, 'Not a valid string.'],
  ])('refuses %p', (value, message) => {
    expect(parseRefresh(value)).toEqual({ ok: false, message });
  });
});
