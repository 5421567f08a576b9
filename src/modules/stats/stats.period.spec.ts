import { DomainError } from '../../common/errors/domain-error';
import { namedPeriod, parseSummaryQuery } from './stats.period';

/** Sunday 29.11.2026 14:00 in Tashkent. */
const NOW = new Date('2026-11-29T09:00:00Z');

function fields(run: () => unknown): Record<string, string[]> | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.fields;
    throw error;
  }
  return undefined;
}

describe('namedPeriod', () => {
  it.each([
    ['week', '2026-11-23', '2026-11-29', '2026-11-22T19:00:00.000Z', '2026-11-29T19:00:00.000Z'],
    ['month', '2026-11-01', '2026-11-30', '2026-10-31T19:00:00.000Z', '2026-11-30T19:00:00.000Z'],
    ['prev_month', '2026-10-01', '2026-10-31', '2026-09-30T19:00:00.000Z', '2026-10-31T19:00:00.000Z'],
    ['year', '2026-01-01', '2026-12-31', '2025-12-31T19:00:00.000Z', '2026-12-31T19:00:00.000Z'],
  ] as const)('%s in Tashkent', (name, from, to, start, end) => {
    const r = namedPeriod(name, NOW, 'Asia/Tashkent');
    expect([r.period, r.from, r.to, r.start.toISOString(), r.end.toISOString()]).toEqual([
      name,
      from,
      to,
      start,
      end,
    ]);
  });

  it('"today" is the user\'s: in Auckland it is already Monday, a new week', () => {
    const late = new Date('2026-11-29T12:00:00Z'); // Sunday 17:00 in Tashkent, Monday 01:00 in Auckland (UTC+13)
    expect(namedPeriod('week', late, 'Asia/Tashkent').from).toBe('2026-11-23');
    const r = namedPeriod('week', late, 'Pacific/Auckland');
    expect([r.from, r.to, r.start.toISOString()]).toEqual([
      '2026-11-30',
      '2026-12-06',
      '2026-11-29T11:00:00.000Z',
    ]);
  });
});

describe('parseSummaryQuery', () => {
  it('defaults to this month; dates alone mean custom; filters are read', () => {
    expect(parseSummaryQuery({}, NOW, 'Asia/Tashkent').range.period).toBe('month');
    const q = parseSummaryQuery(
      { date_from: '2026-02-01', date_to: '2026-02-28', type: 'income', currency: 'usd' },
      NOW,
      'Asia/Tashkent',
    );
    expect([q.range.period, q.range.from, q.range.to, q.type, q.currency]).toEqual([
      'custom',
      '2026-02-01',
      '2026-02-28',
      'income',
      'USD',
    ]);
    expect(q.range.end.toISOString()).toBe('2026-02-28T19:00:00.000Z');
  });

  it.each([
    [{ period: 'daily' }, ['period']],
    [{ period: 'custom', date_from: '2026-01-01' }, ['date_to']],
    [{ period: 'custom', date_from: '01.01.2026', date_to: '2026-01-31' }, ['date_from']],
    [{ date_from: '2026-01-02', date_to: '2026-01-01' }, ['date_to']],
    [{ date_from: '2000-01-01', date_to: '2026-01-01' }, ['date_to']],
    [{ period: 'week', date_to: '2026-01-01' }, ['date_to']],
    [{ type: 'both', currency: 'GBP' }, ['currency', 'type']],
  ])('%j → 400 on %j', (query, names) => {
    expect(Object.keys(fields(() => parseSummaryQuery(query, NOW, 'Asia/Tashkent')) ?? {}).sort()).toEqual(
      names,
    );
  });
});
