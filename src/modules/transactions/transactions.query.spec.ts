import { DomainError } from '../../common/errors/domain-error';
import { parseListQuery } from './transactions.query';

const TZ = 'Asia/Tashkent';

function errorsOf(query: Record<string, unknown>): Record<string, string[]> | undefined {
  try {
    parseListQuery(query, TZ);
  } catch (e) {
    return (e as DomainError).fields;
  }
  return undefined;
}

describe('parseListQuery', () => {
  it('defaults to newest first with no filters', () => {
    expect(parseListQuery({}, TZ)).toEqual({
      filter: {},
      order: { field: 'occurred_at', direction: 'DESC' },
    });
  });

  it.each([
    ['date', { field: 'occurred_at', direction: 'ASC' }],
    ['-date', { field: 'occurred_at', direction: 'DESC' }],
    ['amount', { field: 'amount', direction: 'ASC' }],
    ['-amount', { field: 'amount', direction: 'DESC' }],
    ['created_at', { field: 'created_at', direction: 'ASC' }],
    ['-created_at', { field: 'created_at', direction: 'DESC' }],
  ])('ordering=%s', (ordering, order) => {
    expect(parseListQuery({ ordering }, TZ).order).toEqual(order);
  });

  it('reads date filters as local days in the user time zone, both ends inclusive', () => {
    const { filter } = parseListQuery({ date_from: '2026-11-29', date_to: '2026-11-29' }, TZ);
    expect(filter.dateFrom?.toISOString()).toBe('2026-11-28T19:00:00.000Z');
    expect(filter.dateTo?.toISOString()).toBe('2026-11-29T19:00:00.000Z');
    const utc = parseListQuery({ date_from: '2026-11-29' }, 'UTC').filter;
    expect(utc.dateFrom?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('takes full ISO date-times as instants', () => {
    const { filter } = parseListQuery({ date_from: '2026-11-29T10:00:00Z' }, TZ);
    expect(filter.dateFrom?.toISOString()).toBe('2026-11-29T10:00:00.000Z');
  });

  it('normalises values: first of repeated parameters, upper-case currency, trimmed search', () => {
    const { filter } = parseListQuery(
      { type: ['income', 'expense'], currency: 'usd', search: '  taxi ', category: 'transport' },
      TZ,
    );
    expect(filter).toEqual({ type: 'income', currency: 'USD', search: 'taxi', category: 'transport' });
  });

  it('reports every bad parameter at once', () => {
    expect(
      errorsOf({
        type: 'gift',
        currency: 'XYZ',
        date_from: 'yesterday',
        date_to: '2026-02-30',
        ordering: 'name',
      }),
    ).toEqual({
      type: ['Select a valid choice. gift is not one of the available choices.'],
      currency: ['Select a valid choice. XYZ is not one of the available choices.'],
      date_from: ['Enter a valid date, e.g. 2026-11-29.'],
      date_to: ['Enter a valid date, e.g. 2026-11-29.'],
      ordering: [
        'Ordering by "name" is not supported. Use date, amount or created_at, with "-" for descending.',
      ],
    });
  });

  it('ignores parameters that are objects (qs brackets)', () => {
    expect(parseListQuery({ type: { $ne: 'x' } }, TZ).filter).toEqual({});
  });
});
