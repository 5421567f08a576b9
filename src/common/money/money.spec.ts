import {
  formatAmount,
  formatMoney,
  parseDbDecimal,
  parseDecimal,
  sumMinor,
  toDecimalString,
  compareMinor,
} from './money';

describe('money', () => {
  it.each([
    ['50000', 5_000_000n],
    ['50000.00', 5_000_000n],
    ['50000.5', 5_000_050n],
    ['0.01', 1n],
    ['0.10', 10n],
    ['12.50', 1250n],
    ['12.500', 1250n],
    ['007.07', 707n],
    ['9999999999999.99', 999_999_999_999_999n],
    [12.5, 1250n],
    [0.1, 10n],
    [150000, 15_000_000n],
    [' 42 ', 4200n],
  ])('parses %p exactly', (input, minor) => {
    expect(parseDecimal(input)).toEqual({ ok: true, minor });
  });

  it.each([
    ['12.345', 'too_many_decimals'],
    [0.001, 'too_many_decimals'],
    [1e-7, 'too_many_decimals'],
    ['10000000000000', 'too_many_digits'],
    ['10000000000000.00', 'too_many_digits'],
    [1e21, 'too_many_digits'],
    ['-5', 'not_positive'],
    ['-5.50', 'not_positive'],
    ['abc', 'invalid'],
    ['', 'invalid'],
    ['1,000', 'invalid'],
    ['1.2.3', 'invalid'],
    ['.5', 'invalid'],
    ['5.', 'invalid'],
    [Number.NaN, 'invalid'],
    [Infinity, 'invalid'],
    [null, 'invalid'],
    [true, 'invalid'],
  ])('refuses %p (%s)', (input, error) => {
    expect(parseDecimal(input)).toEqual({ ok: false, error });
  });

  it('adds 0.10 and 0.20 to exactly 0.30 (no float drift)', () => {
    const a = parseDecimal('0.10');
    const b = parseDecimal('0.20');
    if (!a.ok || !b.ok) throw new Error('parse failed');
    expect(toDecimalString(sumMinor([a.minor, b.minor]))).toBe('0.30');
  });

  it.each([
    [0n, '0.00'],
    [1n, '0.01'],
    [5_000_000n, '50000.00'],
    [-250n, '-2.50'],
    [999_999_999_999_999n, '9999999999999.99'],
  ])('writes %p as the API decimal %p', (minor, text) => {
    expect(toDecimalString(minor)).toBe(text);
  });

  it.each([
    [150_000_000n, 'UZS', '1,500,000.00 UZS'],
    [80_000_000n, 'UZS', '800,000.00 UZS'],
    [5_000n, 'USD', '50.00 USD'],
    [99_999n, 'EUR', '999.99 EUR'],
    [-70_000_000n, 'UZS', '-700,000.00 UZS'],
    [100_000n, 'RUB', '1,000.00 RUB'],
  ])('formats %p %s as docs/interface.md §4 shows money: %s', (minor, currency, text) => {
    expect(formatMoney(minor, currency)).toBe(text);
  });

  it('formats amounts without currency and compares', () => {
    expect(formatAmount(123_456_789n)).toBe('1,234,567.89');
    expect(compareMinor(1n, 2n)).toBe(-1);
    expect(compareMinor(2n, 2n)).toBe(0);
    expect(compareMinor(3n, 2n)).toBe(1);
  });

  it.each([
    ['0', 0n],
    ['0.00', 0n],
    ['50000.00', 5_000_000n],
    ['12.5', 1250n],
    ['19999999999999.98', 1_999_999_999_999_998n], // a sum of two maximal amounts: 14 integer digits
    ['-700000.00', -70_000_000n],
  ])('reads the database decimal %p as %p minor units', (text, minor) => {
    expect(parseDbDecimal(text)).toBe(minor);
  });

  it.each(['', 'abc', '1.234', '1e5', ' 1'])('refuses the database decimal %p loudly', (text) => {
    expect(() => parseDbDecimal(text)).toThrow(/Unexpected decimal/);
  });
});
