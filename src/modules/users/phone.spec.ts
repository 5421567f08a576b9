import { checkPhoneNumber, checkTypedPhoneNumber } from './phone';

describe('checkPhoneNumber', () => {
  it.each([
    ['+998901234567', '+998901234567'],
    ['+998 90 123-45-67', '+998901234567'],
    ['+7 (900) 123-45-67', '+79001234567'],
    ['+79001234567', '+79001234567'],
    ['+14155552671', '+14155552671'],
  ])('accepts %s as %s', (raw, e164) => {
    expect(checkPhoneNumber(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'missing'],
    [undefined, 'missing'],
    ['   ', 'missing'],
    ['998901234567', 'no_plus'],
    ['89001234567', 'no_plus'],
    ['+99890', 'invalid'],
    ['+000000000', 'invalid'],
    ['+99890123456789012', 'invalid'],
    ['+998abc1234567', 'invalid'],
    ['+998901234567; drop table users', 'invalid'],
  ])('refuses %p (%s)', (raw, reason) => {
    expect(checkPhoneNumber(raw)).toEqual({ ok: false, reason });
  });
});

describe('checkTypedPhoneNumber (/phone in the bot): without "+" an Uzbek number is understood', () => {
  it.each([
    ['901234567', '+998901234567'],
    ['90 123 45 67', '+998901234567'],
    ['90-123-45-67', '+998901234567'],
    ['(90) 123-45-67', '+998901234567'],
    ['998901234567', '+998901234567'],
    ['998 90 123 45 67', '+998901234567'],
    ['+998 90 123-45-67', '+998901234567'],
    ['+998901234567', '+998901234567'],
    ['  935556677 ', '+998935556677'],
    ['+7 900 123-45-67', '+79001234567'],
    ['+14155552671', '+14155552671'],
  ])('accepts %j as %s', (raw, e164) => {
    expect(checkTypedPhoneNumber(raw)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', 'missing'],
    [undefined, 'missing'],
    ['79001234567', 'no_plus'], // 11 digits: some other country, which one is not ours to guess
    ['89001234567', 'no_plus'],
    ['14155552671', 'no_plus'],
    ['99890123456', 'no_plus'], // 11 digits starting 998: one short
    ['9989012345678', 'no_plus'],
    ['90123456', 'no_plus'], // 8 digits
    ['abc', 'no_plus'],
    ['90 123 45 6x', 'no_plus'],
    ['000000000', 'invalid'], // 9 digits, but no Uzbek number
    ['998000000000', 'invalid'],
    ['+99890', 'invalid'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(checkTypedPhoneNumber(raw)).toEqual({ ok: false, reason });
  });

  it('the REST rule stays strict: the same digits without "+" are refused there', () => {
    expect(checkPhoneNumber('901234567')).toEqual({ ok: false, reason: 'no_plus' });
    expect(checkPhoneNumber('998901234567')).toEqual({ ok: false, reason: 'no_plus' });
  });
});
