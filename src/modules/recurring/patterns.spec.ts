import { detectPattern, foldDescription, isPatternDescription, monthBefore, PatternRecord } from './patterns';

const TASHKENT = 'Asia/Tashkent';
let n = 0;
const rec = (at: string, amountMinor = 300_000_000n, currency = 'UZS'): PatternRecord => ({
  id: `r${++n}`,
  amountMinor,
  currency,
  occurredAt: new Date(at),
});

describe('detectPattern', () => {
  const latest = rec('2027-03-02T07:00:00Z');

  it.each<[string, PatternRecord[], ReturnType<typeof detectPattern>]>([
    [
      'three consecutive months: the median amount and day',
      [rec('2027-01-01T07:00:00Z', 290_000_000n), rec('2027-02-05T07:00:00Z', 310_000_000n)],
      { amountMinor: 300_000_000n, currency: 'UZS', day: 2 },
    ],
    [
      'a gap (January missing, December there)',
      [rec('2026-12-01T07:00:00Z'), rec('2027-02-01T07:00:00Z')],
      null,
    ],
    ['only two months', [rec('2027-02-01T07:00:00Z')], null],
    [
      'amounts apart: one 20% above the median',
      [rec('2027-01-01T07:00:00Z', 360_000_000n), rec('2027-02-01T07:00:00Z', 300_000_000n)],
      null,
    ],
    [
      'exactly 15% is still similar',
      [rec('2027-01-01T07:00:00Z', 345_000_000n), rec('2027-02-01T07:00:00Z', 300_000_000n)],
      { amountMinor: 300_000_000n, currency: 'UZS', day: 1 },
    ],
    [
      'another currency in a month',
      [rec('2027-01-01T07:00:00Z', 300_000_000n, 'USD'), rec('2027-02-01T07:00:00Z')],
      null,
    ],
    [
      'twice in a month is a habit, not a monthly payment',
      [rec('2027-01-01T07:00:00Z'), rec('2027-02-01T07:00:00Z'), rec('2027-02-20T07:00:00Z')],
      null,
    ],
    [
      'the new record itself in the list counts once',
      [latest, rec('2027-01-10T07:00:00Z'), rec('2027-02-20T07:00:00Z')],
      { amountMinor: 300_000_000n, currency: 'UZS', day: 10 },
    ],
  ])('%s', (_name, records, expected) => {
    expect(detectPattern(latest, records, TASHKENT)).toEqual(expected);
  });

  it('months are the user’s: 31 Jan 20:00 UTC is 1 February in Tashkent, still 31 January in New York', () => {
    const records = [rec('2027-01-31T20:00:00Z'), rec('2026-12-15T12:00:00Z')];
    const march = rec('2027-03-15T12:00:00Z');
    // Tashkent: December, February, March — January is missing
    expect(detectPattern(march, records, TASHKENT)).toBeNull();
    // New York: December, January, March — February is missing
    expect(detectPattern(march, records, 'America/New_York')).toBeNull();
    const february = rec('2027-02-10T12:00:00Z');
    // New York: December, January (31st), February
    expect(detectPattern(february, records, 'America/New_York')).toEqual({
      amountMinor: 300_000_000n,
      currency: 'UZS',
      day: 15,
    });
    // Tashkent: December and two in February
    expect(detectPattern(february, records, TASHKENT)).toBeNull();
  });

  it('February and the 31st: the median day of 31, 28, 31 is 31 (the schedule makes it the month’s last day)', () => {
    const march = rec('2027-03-31T07:00:00Z');
    expect(
      detectPattern(march, [rec('2027-01-31T07:00:00Z'), rec('2027-02-28T07:00:00Z')], TASHKENT),
    ).toEqual({ amountMinor: 300_000_000n, currency: 'UZS', day: 31 });
  });

  it('across a year: November, December, January', () => {
    expect(
      detectPattern(
        rec('2027-01-03T07:00:00Z', 100n),
        [rec('2026-11-03T07:00:00Z', 100n), rec('2026-12-03T07:00:00Z', 100n)],
        TASHKENT,
      ),
    ).toEqual({ amountMinor: 100n, currency: 'UZS', day: 3 });
  });
});

describe('descriptions and months', () => {
  it.each([
    ['  Аренда ', 'аренда'],
    ['Ёлка', 'елка'],
    ['Oʻqish', 'oqish'],
    ['Қарз', 'карз'],
  ])('%j folds to %j', (text, folded) => expect(foldDescription(text)).toBe(folded));

  it.each([
    ['', false],
    ['   ', false],
    ['123', false],
    ['netflix', true],
  ])('%j is worth a look: %s', (text, ok) => expect(isPatternDescription(text)).toBe(ok));

  it.each([
    ['2027-03', 1, '2027-02'],
    ['2027-01', 1, '2026-12'],
    ['2027-02', 2, '2026-12'],
  ])('%s minus %d month(s) is %s', (m, by, out) => expect(monthBefore(m, by)).toBe(out));
});
