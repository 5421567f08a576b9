import {
  isCalendarDate,
  localDate,
  readDateOrDateTime,
  readIsoDate,
  startOfLocalDay,
  utcMillis,
  wallClock,
  zonedTimeToUtc,
  zoneOffsetMs,
} from './local-time';

describe('local time', () => {
  it.each([
    ['Asia/Tashkent', '2026-01-15T00:00:00Z', 5 * 3600_000],
    ['UTC', '2026-01-15T00:00:00Z', 0],
    ['America/New_York', '2026-01-15T12:00:00Z', -5 * 3600_000],
    ['America/New_York', '2026-07-15T12:00:00Z', -4 * 3600_000],
    ['Asia/Kolkata', '2026-07-15T12:00:00Z', 5.5 * 3600_000],
  ])('offset of %s at %s', (zone, at, offset) => {
    expect(zoneOffsetMs(new Date(at), zone)).toBe(offset);
  });

  it.each([
    ['Asia/Tashkent', [2026, 11, 29, 12], '2026-11-29T07:00:00.000Z'],
    ['Asia/Tashkent', [2026, 11, 29, 0], '2026-11-28T19:00:00.000Z'],
    ['Europe/Moscow', [2026, 3, 1, 0], '2026-02-28T21:00:00.000Z'],
    ['UTC', [2024, 2, 29, 23], '2024-02-29T23:00:00.000Z'],
    // New York, fall back: 01:30 happens twice → the earlier (EDT)
    ['America/New_York', [2026, 11, 1, 1, 30], '2026-11-01T05:30:00.000Z'],
    // New York, spring forward: 02:30 does not exist → read with EST (-5) → 03:30 EDT
    ['America/New_York', [2026, 3, 8, 2, 30], '2026-03-08T07:30:00.000Z'],
    // a +5 → +6 style change right after the wall time: Europe/London spring forward at 01:00 UTC
    ['Europe/London', [2026, 3, 29, 0, 30], '2026-03-29T00:30:00.000Z'],
    ['Europe/London', [2026, 3, 29, 2, 30], '2026-03-29T01:30:00.000Z'],
  ] as Array<[string, number[], string]>)('%s wall %j → %s', (zone, parts, iso) => {
    const [y, mo, d, h = 0, mi = 0] = parts;
    expect(zonedTimeToUtc(zone, y, mo, d, h, mi).toISOString()).toBe(iso);
  });

  it.each([
    ['2026-11-28T19:00:00Z', 'Asia/Tashkent', '2026-11-29'],
    ['2026-11-28T18:59:59Z', 'Asia/Tashkent', '2026-11-28'],
    ['2026-11-28T18:59:59Z', 'UTC', '2026-11-28'],
    ['2026-01-01T03:00:00Z', 'America/New_York', '2025-12-31'],
  ])('local date of %s in %s is %s', (at, zone, date) => {
    expect(localDate(new Date(at), zone)).toBe(date);
  });

  it.each([
    ['2026-11-29', [2026, 11, 29]],
    ['2024-02-29', [2024, 2, 29]],
    ['2026-02-29', null],
    ['2026-13-01', null],
    ['2026-04-31', null],
    ['2026-4-1', null],
    ['29.11.2026', null],
    ['', null],
  ])('readIsoDate(%j) → %j', (text, expected) => {
    expect(readIsoDate(text)).toEqual(expected);
  });

  it('finds the local day boundaries', () => {
    expect(startOfLocalDay([2026, 11, 29], 'Asia/Tashkent').toISOString()).toBe('2026-11-28T19:00:00.000Z');
    expect(startOfLocalDay([2026, 11, 30], 'Asia/Tashkent', 1).toISOString()).toBe(
      '2026-11-30T19:00:00.000Z',
    );
    expect(startOfLocalDay([2026, 12, 31], 'UTC', 1).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it.each([
    ['2026-11-29', 'Asia/Tashkent', '2026-11-29T07:00:00.000Z'],
    ['2026-11-29', 'UTC', '2026-11-29T12:00:00.000Z'],
    ['2026-11-29T10:15:00Z', 'Asia/Tashkent', '2026-11-29T10:15:00.000Z'],
    ['2026-11-29T10:15:00+05:00', 'UTC', '2026-11-29T05:15:00.000Z'],
    ['2026-11-29T10:15:00-0130', 'UTC', '2026-11-29T11:45:00.000Z'],
    ['2026-11-29T10:15:30.123456Z', 'UTC', '2026-11-29T10:15:30.123Z'],
    ['2026-11-29T10:15', 'Asia/Tashkent', '2026-11-29T05:15:00.000Z'],
    ['2026-11-29 10:15:00', 'UTC', '2026-11-29T10:15:00.000Z'],
    [' 2026-11-29 ', 'UTC', '2026-11-29T12:00:00.000Z'],
  ])('reads %j in %s as %s', (text, zone, iso) => {
    expect(readDateOrDateTime(text, zone)?.toISOString()).toBe(iso);
  });

  it.each([
    'yesterday',
    '2026-02-30',
    '2026-11-29T24:00:00Z',
    '2026-11-29T10:61Z',
    '2026-11-29T10:15:00+25:00',
    '1764400000',
    '2026/11/29',
  ])('refuses %j', (text) => {
    expect(readDateOrDateTime(text, 'UTC')).toBeNull();
  });

  describe('years 0000–0099 are those years, not 1900–1999 (Date.UTC reads 0–99 as 19xx)', () => {
    it.each([
      ['0000-01-01', 'Asia/Tashkent'],
      ['0000-02-29', 'UTC'], // year 0 is a leap year (divisible by 400); 1900 was not
      ['0001-06-15', 'Asia/Tashkent'],
      ['0050-12-31', 'America/New_York'],
      ['0099-12-31', 'Asia/Tashkent'],
      ['0100-03-01', 'Asia/Tashkent'],
    ])('%s in %s: read, stored and shown as that day', (date, zone) => {
      const instant = readDateOrDateTime(date, zone);
      expect(instant).not.toBeNull();
      expect(instant!.toISOString().slice(0, 4)).toBe(date.slice(0, 4));
      expect(localDate(instant!, zone)).toBe(date);
      const day = readIsoDate(date)!;
      expect(localDate(startOfLocalDay(day, zone), zone)).toBe(date);
      expect(localDate(startOfLocalDay(day, zone, 1), zone)).not.toBe(date);
    });

    it.each([
      ['0005-03-01T10:00:00Z', '0005-03-01T10:00:00.000Z'],
      ['0099-07-04T23:59:59+05:00', '0099-07-04T18:59:59.000Z'],
      ['0000-01-01T00:00:00Z', '0000-01-01T00:00:00.000Z'],
    ])('%s → %s', (value, iso) => {
      expect(readDateOrDateTime(value, 'Asia/Tashkent')!.toISOString()).toBe(iso);
    });

    it('calendar checks, UTC arithmetic and the wall clock use the real year', () => {
      expect(isCalendarDate(0, 2, 29)).toBe(true);
      expect(isCalendarDate(100, 2, 29)).toBe(false);
      expect(isCalendarDate(4, 2, 29)).toBe(true);
      expect(new Date(utcMillis(5, 0, 1)).toISOString()).toBe('0005-01-01T00:00:00.000Z');
      expect(new Date(utcMillis(99, 11, 32)).toISOString()).toBe('0100-01-01T00:00:00.000Z');
      expect(utcMillis(2026, 10, 29, 10, 30)).toBe(Date.UTC(2026, 10, 29, 10, 30));
      const yearZero = new Date(utcMillis(0, 5, 1, 12));
      expect(wallClock(yearZero, 'UTC')).toEqual({
        year: 0,
        month: 6,
        day: 1,
        hour: 12,
        minute: 0,
        second: 0,
      });
      expect(wallClock(new Date(utcMillis(-1, 5, 1, 12)), 'UTC').year).toBe(-1);
    });
  });

  describe('wallClock, with the offset remembered per zone and hour', () => {
    // What Intl says, field by field: the reference the remembered offsets must agree with.
    const intl = (instant: Date, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }).formatToParts(instant);
      const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
      return {
        year: n('year'),
        month: n('month'),
        day: n('day'),
        hour: n('hour'),
        minute: n('minute'),
        second: n('second'),
      };
    };

    it.each([
      // transitions on the hour in UTC, at half past (St. John's), by half an hour (Lord Howe), none (Tashkent)
      ['Europe/Berlin', '2026-03-29T00:00:00Z', '2026-10-25T00:00:00Z'],
      ['America/St_Johns', '2026-03-08T03:00:00Z', '2026-11-01T02:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T13:00:00Z', '2026-10-03T14:00:00Z'],
      ['Asia/Tashkent', '2026-03-29T00:00:00Z', '2026-10-25T00:00:00Z'],
    ])('%s agrees with Intl every 7 min 13 s across its transitions', (zone, spring, autumn) => {
      for (const from of [spring, autumn]) {
        const start = Date.parse(from);
        for (let t = start; t < start + 4 * 3_600_000; t += 433_000) {
          // asked twice: the first fills the hour's entry, the second is served from it
          expect(wallClock(new Date(t), zone)).toEqual(intl(new Date(t), zone));
          expect(wallClock(new Date(t), zone)).toEqual(intl(new Date(t), zone));
        }
      }
    });
  });
});
