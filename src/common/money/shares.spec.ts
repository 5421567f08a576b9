import { wholePercents } from '../../../web/src/format';
import { apportion } from './shares';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('apportion (largest remainder, integer arithmetic)', () => {
  it.each<[string, bigint[], number, number[]]>([
    [
      'thirds in percent: the remainders tie, the first part gets the missing unit',
      [1n, 1n, 1n],
      100,
      [34, 33, 33],
    ],
    ['thirds in tenths of a percent', [1n, 1n, 1n], 1000, [334, 333, 333]],
    ['per-part rounding would give 67 + 33 + 1 = 101', [6650n, 3300n, 50n], 100, [67, 33, 0]],
    ['per-part rounding would give 17 × 6 = 102', [1n, 1n, 1n, 1n, 1n, 1n], 100, [17, 17, 17, 17, 16, 16]],
    ['equal remainders of equal amounts: the earlier part', [5n, 10n, 5n], 3, [1, 1, 1]],
    ['equal remainders of unequal amounts: the larger amount', [1n, 3n], 2, [0, 2]],
    ['the largest remainder wins over the larger amount', [1n, 2n], 1, [0, 1]],
    ['exact shares stay exact', [25n, 75n], 100, [25, 75]],
    ['one part is everything', [42n], 10_000, [10_000]],
    ['tiny parts next to a huge one', [10n ** 17n, 1n, 1n], 1000, [1000, 0, 0]],
    ['nothing to share', [0n, 0n], 100, [0, 0]],
    ['no parts', [], 100, []],
  ])('%s', (_label, amounts, units, expected) => {
    const shares = apportion(amounts, units);
    expect(shares).toEqual(expected);
    if (amounts.some((a) => a > 0n)) expect(sum(shares)).toBe(units);
  });

  it('any split adds up to exactly the whole', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let run = 0; run < 200; run++) {
      const amounts = Array.from({ length: 1 + (next() % 12) }, () => BigInt(1 + (next() % 100_000)));
      for (const units of [100, 1000, 10_000]) expect(sum(apportion(amounts, units))).toBe(units);
    }
  });
});

describe('the Mini App rounds its legend the same way (web/src/format.ts)', () => {
  // The Mini App is its own bundle; this keeps its copy of the method equal to the server's.

  const decimal = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;

  it.each<[string[], number[]]>([
    [
      ['0.01', '0.01', '0.01'],
      [34, 33, 33],
    ],
    [
      ['66.50', '33.00', '0.50'],
      [67, 33, 0],
    ],
    [
      ['600000.00', '300000.00', '100000'],
      [60, 30, 10],
    ],
    [
      ['1.00', '1.00', '1.00', '1.00', '1.00', '1.00'],
      [17, 17, 17, 17, 16, 16],
    ],
    [
      ['0.00', '0.00'],
      [0, 0],
    ],
  ])('%j → %j', (amounts, percents) => {
    expect(wholePercents(amounts)).toEqual(percents);
  });

  it('equals apportion(…, 100) on any amounts', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let run = 0; run < 200; run++) {
      const amounts = Array.from({ length: 1 + (next() % 9) }, () => BigInt(1 + (next() % 10_000_000)));
      expect(wholePercents(amounts.map(decimal))).toEqual(apportion(amounts, 100));
    }
  });
});
