import {
  dailyReminderDue,
  daysBetween,
  debtReminderDue,
  dueWindow,
  latestLocalDay,
  minutesOf,
  plannedReminderDue,
} from './reminders.plan';

const TZ = 'Asia/Tashkent'; // UTC+5
const at = (iso: string) => new Date(iso);

describe('reminder planning', () => {
  it.each([
    ['2027-05-29', '2027-06-01', 3],
    ['2027-05-31', '2027-06-01', 1],
    ['2027-06-01', '2027-06-01', 0],
    ['2027-06-02', '2027-06-01', -1],
    ['2026-12-31', '2027-01-01', 1],
    ['2028-02-28', '2028-03-01', 2],
  ])('days from %s to %s = %s', (today, due, days) => {
    expect(daysBetween(today, due)).toBe(days);
  });

  it.each([
    // local 10:00 on 29.05 → 3 days before 01.06
    ['2027-05-29T05:00:00Z', 'd1:2027-06-01:3', 3],
    // local 08:59: too early
    ['2027-05-29T03:59:00Z', null, null],
    // 2 days before: no reminder
    ['2027-05-30T05:00:00Z', null, null],
    ['2027-05-31T05:00:00Z', 'd1:2027-06-01:1', 1],
    // 31.05 21:00 UTC is already 01.06 02:00 in Tashkent, but before 09:00
    ['2027-05-31T21:00:00Z', null, null],
    ['2027-06-01T04:00:00Z', 'd1:2027-06-01:0', 0],
    ['2027-06-02T05:00:00Z', null, null],
  ])('debt due 2027-06-01 at %s → %s', (now, key, days) => {
    const r = debtReminderDue({ id: 'd1', dueDate: '2027-06-01' }, at(now), TZ);
    expect(r).toEqual(key === null ? null : { key, daysLeft: days });
  });

  it("uses the user's zone: New York's day differs from Tashkent's", () => {
    // 2027-05-31 15:00 UTC = 11:00 in New York (31.05, one day before) and 20:00 in Tashkent (31.05 too)
    expect(
      debtReminderDue({ id: 'd', dueDate: '2027-06-01' }, at('2027-05-31T15:00:00Z'), 'America/New_York'),
    ).toEqual({ key: 'd:2027-06-01:1', daysLeft: 1 });
    // 2027-06-01 02:00 UTC = 31.05 22:00 in New York (1 day), 01.06 07:00 in Tashkent (too early)
    expect(
      debtReminderDue({ id: 'd', dueDate: '2027-06-01' }, at('2027-06-01T02:00:00Z'), 'America/New_York'),
    ).toEqual({ key: 'd:2027-06-01:1', daysLeft: 1 });
    expect(debtReminderDue({ id: 'd', dueDate: '2027-06-01' }, at('2027-06-01T02:00:00Z'), TZ)).toBeNull();
  });

  it.each([
    ['21:00', '2026-11-29T15:59:00Z', null], // 20:59 local
    ['21:00', '2026-11-29T16:00:00Z', '2026-11-29'], // 21:00 local
    ['21:00', '2026-11-29T18:59:00Z', '2026-11-29'], // 23:59 local
    ['21:00', '2026-11-29T19:00:00Z', null], // 00:00 on the 30th
    ['00:00', '2026-11-29T19:00:00Z', '2026-11-30'],
    ['bad', '2026-11-29T16:00:00Z', null],
  ])('daily at %s, now %s → %s', (time, now, key) => {
    expect(dailyReminderDue(time, at(now), TZ)).toBe(key);
  });

  it('minutesOf and the UTC window', () => {
    expect(minutesOf('07:30')).toBe(450);
    expect(minutesOf('7:30')).toBeNull();
    expect(dueWindow(at('2027-05-29T12:00:00Z'))).toEqual({ from: '2027-05-28', to: '2027-06-03' });
  });

  it.each([
    ['2026-12-07', '2026-12-07T03:59:00Z', false], // 08:59 local on the day
    ['2026-12-07', '2026-12-07T04:00:00Z', true], // 09:00 local
    ['2026-12-07', '2026-12-06T18:59:00Z', false], // 23:59 the day before
    ['2026-12-07', '2026-12-07T19:30:00Z', true], // 00:30 the day after: late, still sent
    ['2026-12-08', '2026-12-07T12:00:00Z', false],
  ])('planned payment reminded on %s, at %s → %s', (remindOn, now, due) => {
    expect(plannedReminderDue(remindOn, at(now), TZ)).toBe(due);
  });

  it("a planned reminder follows the user's zone; the tick looks up to tomorrow's UTC date", () => {
    // 2026-12-07 14:00 UTC = 09:00 in New York, 19:00 in Tashkent
    expect(plannedReminderDue('2026-12-07', at('2026-12-07T13:59:00Z'), 'America/New_York')).toBe(false);
    expect(plannedReminderDue('2026-12-07', at('2026-12-07T14:00:00Z'), 'America/New_York')).toBe(true);
    expect(latestLocalDay(at('2026-12-06T23:00:00Z'))).toBe('2026-12-07');
  });
});
