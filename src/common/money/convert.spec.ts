import {
  convertMinor,
  convertTotals,
  divideHalfUp,
  parseRate,
  Rate,
  rateToDecimal,
  UNIT_RATE,
} from './convert';

const rate = (text: string, nominal: string | number = 1): Rate => {
  const r = parseRate(text, nominal);
  if (!r) throw new Error(`bad rate ${text}`);
  return r;
};

describe('currency conversion', () => {
  it.each([
    ['12741.19', '1', { num: 1274119n, den: 100n }],
    ['12741.1', 1, { num: 127411n, den: 10n }],
    ['150', '1', { num: 150n, den: 1n }],
    ['165.00', '10', { num: 33n, den: 2n }],
    ['0.00012345', '1', { num: 2469n, den: 20000000n }],
    ['95.5', '100', { num: 191n, den: 200n }],
  ])('parseRate(%j, %j) is exact', (text, nominal, expected) => {
    expect(parseRate(text, nominal)).toEqual(expected);
  });

  it.each([
    ['', '1'],
    ['abc', '1'],
    ['-1.5', '1'],
    ['1e3', '1'],
    ['12,741.19', '1'],
    ['0', '1'],
    ['0.00', '1'],
    ['1.123456789', '1'],
    ['12741.19', '0'],
    ['12741.19', '1.5'],
    ['12741.19', ''],
    ['12741.19', -1],
  ])('parseRate(%j, %j) refuses', (text, nominal) => {
    expect(parseRate(text, nominal)).toBeNull();
  });

  it.each([
    [7n, 2n, 4n], // 3.5 → 4
    [5n, 2n, 3n], // 2.5 → 3
    [-5n, 2n, -3n], // -2.5 → -3 (away from zero)
    [-7n, 3n, -2n], // -2.33 → -2
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [0n, 7n, 0n],
    [10n ** 30n + 1n, 2n, 5n * 10n ** 29n + 1n],
  ])('divideHalfUp(%s, %s) = %s', (n, d, q) => {
    expect(divideHalfUp(n, d)).toBe(q);
  });

  const USD = rate('12741.19');
  const RUB = rate('163.61');
  const EUR = rate('14752.66');
  const JPY10 = rate('826.18', '10'); // 82.618 UZS per yen

  it.each<[string, bigint, Rate, Rate, bigint]>([
    ['100.00 USD → UZS', 10_000n, USD, UNIT_RATE, 127_411_900n],
    ['0.01 USD → UZS', 1n, USD, UNIT_RATE, 12_741n],
    ['1,274,119.00 UZS → USD', 127_411_900n, UNIT_RATE, USD, 10_000n],
    ['12,741.18 UZS → USD (0.9999992 → 1.00)', 1_274_118n, UNIT_RATE, USD, 100n],
    ['63.71 UZS → USD (0.0050001 → 0.01)', 6_371n, UNIT_RATE, USD, 1n],
    ['63.70 UZS → USD (0.0049994 → 0.00)', 6_370n, UNIT_RATE, USD, 0n],
    ['1.00 USD → RUB (77.875…)', 100n, USD, RUB, 7_788n],
    ['1.00 EUR → USD (1.15786…)', 100n, EUR, USD, 116n],
    ['1000.00 JPY per 10 → UZS', 100_000n, JPY10, UNIT_RATE, 8_261_800n],
    ['UZS → UZS unchanged', 123_456n, UNIT_RATE, UNIT_RATE, 123_456n],
    ['negative balance rounds away from zero', -6_371n, UNIT_RATE, USD, -1n],
    ['largest amount stays exact', 999_999_999_999_999n, USD, UNIT_RATE, 12_741_189_999_999_987_259n],
  ])('%s', (_name, amount, from, to, expected) => {
    expect(convertMinor(amount, from, to)).toBe(expected);
  });

  it.each([
    ['12741.19', '1', '12741.19'],
    ['150', '1', '150.00'],
    ['165.00', '10', '16.50'],
    ['826.18', '10', '82.618'],
    ['95.5', '100', '0.955'],
    ['1', '3', '0.3333333333'],
  ])('rateToDecimal(%j per %j) = %s', (text, nominal, expected) => {
    expect(rateToDecimal(rate(text, nominal))).toBe(expected);
  });

  describe('convertTotals', () => {
    const rates = new Map([
      ['USD', USD],
      ['RUB', RUB],
    ]);
    const line = (currency: string, income: bigint, expense: bigint) => ({
      currency,
      incomeMinor: income,
      expenseMinor: expense,
    });

    it.each([
      [
        'USD + UZS → UZS',
        [line('UZS', 100_000_000n, 30_000_000n), line('USD', 10_000n, 2_550n)],
        'UZS',
        { currency: 'UZS', incomeMinor: 227_411_900n, expenseMinor: 62_490_035n, balanceMinor: 164_921_865n },
      ],
      [
        'USD + UZS → USD (UZS converted, USD as it is)',
        [line('UZS', 1_274_119n, 0n), line('USD', 500n, 100n)],
        'USD',
        { currency: 'USD', incomeMinor: 600n, expenseMinor: 100n, balanceMinor: 500n },
      ],
      [
        'RUB → USD through UZS (7788 × 163.61 / 12741.19 = 100.0059)',
        [line('RUB', 0n, 778_800n)],
        'USD',
        { currency: 'USD', incomeMinor: 0n, expenseMinor: 10_001n, balanceMinor: -10_001n },
      ],
      [
        'only the target currency needs no rate',
        [line('EUR', 5n, 7n)],
        'EUR',
        { currency: 'EUR', incomeMinor: 5n, expenseMinor: 7n, balanceMinor: -2n },
      ],
      [
        'nothing at all is zero',
        [],
        'EUR',
        { currency: 'EUR', incomeMinor: 0n, expenseMinor: 0n, balanceMinor: 0n },
      ],
    ])('%s', (_name, totals, target, expected) => {
      expect(convertTotals(totals, target, rates)).toEqual(expected);
    });

    it.each([
      ['a source currency without a rate', [line('UZS', 1n, 0n), line('EUR', 1n, 0n)], 'UZS'],
      ['a target currency without a rate', [line('USD', 1n, 0n)], 'EUR'],
    ])('is null for %s', (_name, totals, target) => {
      expect(convertTotals(totals, target, rates)).toBeNull();
    });
  });
});
