import {
  addDays,
  dueOccurrences,
  isoWeekday,
  nextDate,
  occurrenceOnOrAfter,
  occurrencesBetween,
  validDay,
} from './recurring.schedule';

const TASHKENT = 'Asia/Tashkent';
const NEW_YORK = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';

describe('recurring schedule', () => {
  it.each([
    // [day, from, expected]
    [1, '2026-12-01', '2026-12-01'],
    [1, '2026-12-02', '2027-01-01'],
    [31, '2026-11-05', '2026-11-30'],
    [31, '2026-12-05', '2026-12-31'],
    [31, '2027-02-01', '2027-02-28'],
    [31, '2028-02-01', '2028-02-29'],
    [29, '2027-02-10', '2027-02-28'],
    [29, '2028-02-10', '2028-02-29'],
    [30, '2027-03-01', '2027-03-30'],
    [15, '2026-12-16', '2027-01-15'],
    [31, '2027-01-31', '2027-01-31'],
  ])('monthly on day %i, from %s: %s', (day, from, expected) => {
    expect(occurrenceOnOrAfter({ every: 'month', day }, from)).toBe(expected);
  });

  it('the 31st across a year: each month once, the short ones on their last day', () => {
    expect(occurrencesBetween({ every: 'month', day: 31 }, '2027-01-01', '2027-12-31')).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
      '2027-07-31',
      '2027-08-31',
      '2027-09-30',
      '2027-10-31',
      '2027-11-30',
      '2027-12-31',
    ]);
  });

  it('weeks, Monday first', () => {
    expect(isoWeekday('2026-12-07')).toBe(1); // a Monday
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(occurrenceOnOrAfter({ every: 'week', day: 1 }, '2026-12-07')).toBe('2026-12-07');
    expect(occurrenceOnOrAfter({ every: 'week', day: 1 }, '2026-12-08')).toBe('2026-12-14');
    expect(occurrenceOnOrAfter({ every: 'week', day: 7 }, '2026-12-29')).toBe('2027-01-03');
    expect(occurrencesBetween({ every: 'week', day: 5 }, '2026-12-01', '2026-12-31')).toEqual([
      '2026-12-04',
      '2026-12-11',
      '2026-12-18',
      '2026-12-25',
    ]);
  });

  it('valid days', () => {
    expect(validDay('month', 31)).toBe(true);
    expect(validDay('month', 32)).toBe(false);
    expect(validDay('week', 7)).toBe(true);
    expect(validDay('week', 8)).toBe(false);
    expect(validDay('week', 0)).toBe(false);
    expect(validDay('month', 1.5)).toBe(false);
  });

  it('addDays crosses months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  describe('due at 09:00 local', () => {
    const rent = { every: 'month' as const, day: 1 };
    it('not before 09:00 in Tashkent, then once', () => {
      // 08:59 Tashkent = 03:59 UTC
      expect(
        dueOccurrences(rent, '2026-11-15', new Date('2026-12-01T03:59:00Z'), TASHKENT, new Set()),
      ).toEqual([]);
      expect(
        dueOccurrences(rent, '2026-11-15', new Date('2026-12-01T04:00:00Z'), TASHKENT, new Set()),
      ).toEqual(['2026-12-01']);
      expect(
        dueOccurrences(
          rent,
          '2026-11-15',
          new Date('2026-12-01T04:00:00Z'),
          TASHKENT,
          new Set(['2026-12-01']),
        ),
      ).toEqual([]);
    });

    it('in New York the local day decides, not UTC', () => {
      // 2026-12-01 03:00 UTC is still 30 November, 22:00 in New York
      expect(
        dueOccurrences(rent, '2026-11-15', new Date('2026-12-01T03:00:00Z'), NEW_YORK, new Set()),
      ).toEqual([]);
      // 09:00 EST = 14:00 UTC
      expect(
        dueOccurrences(rent, '2026-11-15', new Date('2026-12-01T13:59:00Z'), NEW_YORK, new Set()),
      ).toEqual([]);
      expect(
        dueOccurrences(rent, '2026-11-15', new Date('2026-12-01T14:00:00Z'), NEW_YORK, new Set()),
      ).toEqual(['2026-12-01']);
      expect(nextDate(rent, '2026-11-15', new Date('2026-12-01T03:00:00Z'), NEW_YORK, null)).toBe(
        '2026-12-01',
      );
    });

    it('Kolkata (UTC+05:30)', () => {
      // 09:00 IST = 03:30 UTC
      expect(
        dueOccurrences(rent, '2026-11-15', new Date('2026-12-01T03:29:00Z'), KOLKATA, new Set()),
      ).toEqual([]);
      expect(
        dueOccurrences(rent, '2026-11-15', new Date('2026-12-01T03:30:00Z'), KOLKATA, new Set()),
      ).toEqual(['2026-12-01']);
    });

    it('catch-up: each missed occurrence of the last 31 days once, nothing before the rule started', () => {
      const gym = { every: 'week' as const, day: 1 };
      const now = new Date('2026-12-16T10:00:00Z'); // Wednesday 16 Dec, 15:00 Tashkent
      expect(dueOccurrences(gym, '2026-11-01', now, TASHKENT, new Set(['2026-11-23']))).toEqual([
        '2026-11-16',
        '2026-11-30',
        '2026-12-07',
        '2026-12-14',
      ]);
      // 9 November is 37 days back: skipped; started on 1 December: November's are not its own: November's are not its own
      expect(dueOccurrences(gym, '2026-12-01', now, TASHKENT, new Set())).toEqual([
        '2026-12-07',
        '2026-12-14',
      ]);
      // more than 31 days down: the older ones are skipped
      expect(
        dueOccurrences(rent, '2026-01-01', new Date('2026-12-16T10:00:00Z'), TASHKENT, new Set()),
      ).toEqual(['2026-12-01']);
    });
  });

  describe('next_date', () => {
    const rent31 = { every: 'month' as const, day: 31 };
    it('the 31st in February, leap and not', () => {
      expect(nextDate(rent31, '2027-02-01', new Date('2027-02-10T12:00:00Z'), TASHKENT, null)).toBe(
        '2027-02-28',
      );
      expect(nextDate(rent31, '2028-02-01', new Date('2028-02-10T12:00:00Z'), TASHKENT, null)).toBe(
        '2028-02-29',
      );
    });
    it('after the occurrence of today was handled: the next one', () => {
      const now = new Date('2027-02-28T06:00:00Z');
      expect(nextDate(rent31, '2027-02-01', now, TASHKENT, null)).toBe('2027-02-28');
      expect(nextDate(rent31, '2027-02-01', now, TASHKENT, '2027-02-28')).toBe('2027-03-31');
    });
    it('not before the rule starts', () => {
      expect(
        nextDate({ every: 'week', day: 3 }, '2026-12-20', new Date('2026-12-07T06:00:00Z'), TASHKENT, null),
      ).toBe('2026-12-23');
    });
    it('month end in New York while it is already the 1st in UTC', () => {
      // 30 Nov 2026 23:30 EST = 1 Dec 04:30 UTC: today is still the 30th there
      expect(
        nextDate({ every: 'month', day: 31 }, '2026-11-01', new Date('2026-12-01T04:30:00Z'), NEW_YORK, null),
      ).toBe('2026-11-30');
    });
  });
});
