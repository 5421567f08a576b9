import { checkPhoneNumber } from './phone';

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
