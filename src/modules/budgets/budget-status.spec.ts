import { parseRate, Rate } from '../../common/money';
import {
  coveredCategories,
  daysNeedingRates,
  percentSpent,
  periodBounds,
  reachedThresholds,
  spentIn,
} from './budget-status';

const rate = (text: string): Rate => parseRate(text)!;

describe('periodBounds', () => {
  it.each([
    // New York (UTC−5 in winter): 2026-12-01 03:00 UTC is still 30 November there.
    [
      'month',
      '2026-12-01T03:00:00Z',
      'America/New_York',
      '2026-11-01',
      '2026-11-30',
      '2026-11-01T04:00:00.000Z',
      '2026-12-01T05:00:00.000Z',
    ],
    [
      'month',
      '2026-12-01T06:00:00Z',
      'America/New_York',
      '2026-12-01',
      '2026-12-31',
      '2026-12-01T05:00:00.000Z',
      '2027-01-01T05:00:00.000Z',
    ],
    // Tashkent (UTC+5): 2026-11-30 20:00 UTC is already 1 December.
    [
      'month',
      '2026-11-30T20:00:00Z',
      'Asia/Tashkent',
      '2026-12-01',
      '2026-12-31',
      '2026-11-30T19:00:00.000Z',
      '2026-12-31T19:00:00.000Z',
    ],
    // February of a leap year.
    [
      'month',
      '2028-02-15T12:00:00Z',
      'Europe/Moscow',
      '2028-02-01',
      '2028-02-29',
      '2028-01-31T21:00:00.000Z',
      '2028-02-29T21:00:00.000Z',
    ],
    // Sunday 2026-12-06 22:00 UTC: Monday 7 Dec in Tashkent, still Sunday in New York.
    [
      'week',
      '2026-12-06T22:00:00Z',
      'Asia/Tashkent',
      '2026-12-07',
      '2026-12-13',
      '2026-12-06T19:00:00.000Z',
      '2026-12-13T19:00:00.000Z',
    ],
    [
      'week',
      '2026-12-06T22:00:00Z',
      'America/New_York',
      '2026-11-30',
      '2026-12-06',
      '2026-11-30T05:00:00.000Z',
      '2026-12-07T05:00:00.000Z',
    ],
    // A week across a month end and a DST change (Europe/Berlin leaves summer time on 2026-10-25).
    [
      'week',
      '2026-10-28T12:00:00Z',
      'Europe/Berlin',
      '2026-10-26',
      '2026-11-01',
      '2026-10-25T23:00:00.000Z',
      '2026-11-01T23:00:00.000Z',
    ],
  ] as const)('%s at %s in %s → %s..%s', (period, now, zone, from, to, start, end) => {
    const b = periodBounds(period, new Date(now), zone);
    expect([b.from, b.to, b.start.toISOString(), b.end.toISOString()]).toEqual([from, to, start, end]);
  });
});

describe('spentIn', () => {
  const day1 = new Map([
    ['USD', rate('12000')],
    ['EUR', rate('13000')],
  ]);
  const day2 = new Map([['USD', rate('12500')]]);
  it('adds the target currency as it is and converts the others at their own day', () => {
    const spent = spentIn(
      'UZS',
      [
        { day: '2026-12-01', currency: 'UZS', amountMinor: 100_000_00n },
        { day: '2026-12-01', currency: 'USD', amountMinor: 10_00n },
        { day: '2026-12-02', currency: 'USD', amountMinor: 10_00n },
      ],
      new Map([
        ['2026-12-01', day1],
        ['2026-12-02', day2],
      ]),
    );
    expect(spent).toBe(100_000_00n + 120_000_00n + 125_000_00n);
  });

  it('converts into a foreign budget currency through UZS', () => {
    const spent = spentIn(
      'USD',
      [
        { day: '2026-12-01', currency: 'UZS', amountMinor: 60_000_00n },
        { day: '2026-12-01', currency: 'EUR', amountMinor: 12_00n },
        { day: '2026-12-01', currency: 'USD', amountMinor: 1_00n },
      ],
      new Map([['2026-12-01', day1]]),
    );
    // 60,000 UZS = 5.00 USD; 12 EUR = 156,000 UZS = 13.00 USD; plus 1.00 USD.
    expect(spent).toBe(19_00n);
  });

  it.each([
    ['no rates at all for the day', new Map([['2026-12-01', null]])],
    ['the day is not known', new Map()],
    ['the currency is missing that day', new Map([['2026-12-01', new Map([['EUR', rate('13000')]])]])],
  ])('is null (unknown, not a wrong number) when %s', (_name, rates) => {
    expect(spentIn('UZS', [{ day: '2026-12-01', currency: 'USD', amountMinor: 1_00n }], rates)).toBeNull();
  });

  it('needs no rate when everything is in the budget currency', () => {
    expect(spentIn('USD', [{ day: '2026-12-01', currency: 'USD', amountMinor: 5_00n }], new Map())).toBe(
      5_00n,
    );
  });

  it('asks for the rates of the days with foreign money only, with the target currency', () => {
    const days = daysNeedingRates('USD', [
      { day: '2026-12-01', currency: 'USD', amountMinor: 1n },
      { day: '2026-12-02', currency: 'UZS', amountMinor: 1n },
      { day: '2026-12-03', currency: 'EUR', amountMinor: 1n },
    ]);
    expect([...days.entries()]).toEqual([
      ['2026-12-02', ['UZS', 'USD']],
      ['2026-12-03', ['EUR', 'USD']],
    ]);
  });
});

describe('thresholds', () => {
  it.each([
    [0n, 500_000_00n, 0, []],
    [399_999_99n, 500_000_00n, 79, []],
    [400_000_00n, 500_000_00n, 80, [80]],
    [499_999_99n, 500_000_00n, 99, [80]],
    [500_000_00n, 500_000_00n, 100, [80, 100]],
    [750_000_00n, 500_000_00n, 150, [80, 100]],
  ])('spent %s of %s → %s%%, reached %j', (spent, limit, percent, reached) => {
    expect(percentSpent(spent, limit)).toBe(percent);
    expect(reachedThresholds(spent, limit)).toEqual(reached);
  });
});

describe('coveredCategories', () => {
  it.each([
    [null, null],
    ['food', ['groceries', 'cafe']],
    ['cafe', ['cafe']],
  ])('%s → %j', (key, covered) => expect(coveredCategories(key)).toEqual(covered));
});
