import { checkBody } from '../../common/validation/testing';
import {
  listFilter,
  listOrder,
  TransactionExportQueryDto,
  TransactionFilterQueryDto,
  TransactionListQueryDto,
} from './transactions.query';

const TZ = 'Asia/Tashkent';

async function read(query: Record<string, unknown>, timeZone = TZ) {
  const { value, errors } = await checkBody(TransactionListQueryDto, query, 'query');
  expect(errors).toEqual({});
  return { filter: listFilter(value!, timeZone), order: listOrder(value!) };
}

const errorsOf = async (query: Record<string, unknown>) =>
  (await checkBody(TransactionListQueryDto, query, 'query')).errors;

describe('TransactionListQueryDto', () => {
  it('defaults to newest first with no filters', async () => {
    expect(await read({})).toEqual({ filter: {}, order: { field: 'occurred_at', direction: 'DESC' } });
  });

  it.each([
    ['date', { field: 'occurred_at', direction: 'ASC' }],
    ['-date', { field: 'occurred_at', direction: 'DESC' }],
    ['amount', { field: 'amount', direction: 'ASC' }],
    ['-amount', { field: 'amount', direction: 'DESC' }],
    ['created_at', { field: 'created_at', direction: 'ASC' }],
    ['-created_at', { field: 'created_at', direction: 'DESC' }],
  ])('ordering=%s', async (ordering, order) => {
    expect((await read({ ordering })).order).toEqual(order);
  });

  it('reads date filters as local days in the user time zone, both ends inclusive', async () => {
    const { filter } = await read({ date_from: '2026-11-29', date_to: '2026-11-29' });
    expect(filter.dateFrom?.toISOString()).toBe('2026-11-28T19:00:00.000Z');
    expect(filter.dateTo?.toISOString()).toBe('2026-11-29T19:00:00.000Z');
    const utc = (await read({ date_from: '2026-11-29' }, 'UTC')).filter;
    expect(utc.dateFrom?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('takes full ISO date-times as instants', async () => {
    const { filter } = await read({ date_from: '2026-11-29T10:00:00Z' });
    expect(filter.dateFrom?.toISOString()).toBe('2026-11-29T10:00:00.000Z');
  });

  it('normalises values: first of repeated parameters, upper-case currency, trimmed search', async () => {
    const { filter } = await read({
      type: ['income', 'expense'],
      currency: 'usd',
      search: '  taxi ',
      category: 'transport',
      page: '2',
    });
    expect(filter).toEqual({ type: 'income', currency: 'USD', search: 'taxi', category: 'transport' });
  });

  it('reports every bad parameter at once, in the order of the parameters', async () => {
    expect(
      Object.entries(
        await errorsOf({
          ordering: 'name',
          date_to: '2026-02-30',
          date_from: 'yesterday',
          currency: 'XYZ',
          type: 'gift',
        }),
      ),
    ).toEqual([
      ['type', ['Select a valid choice. gift is not one of the available choices.']],
      ['currency', ['Select a valid choice. XYZ is not one of the available choices.']],
      ['date_from', ['Enter a valid date, e.g. 2026-11-29.']],
      ['date_to', ['Enter a valid date, e.g. 2026-11-29.']],
      [
        'ordering',
        ['Ordering by "name" is not supported. Use date, amount or created_at, with "-" for descending.'],
      ],
    ]);
  });

  it('ignores parameters that are objects (qs brackets) and empty ones', async () => {
    expect((await read({ type: { $ne: 'x' }, currency: '', ordering: ' ' })).filter).toEqual({});
  });
});

describe('TransactionExportQueryDto', () => {
  const errors = async (query: Record<string, unknown>) =>
    (await checkBody(TransactionExportQueryDto, query, 'query')).errors;

  it.each([[{}], [{ format: 'csv' }], [{ format: ['csv', 'json'] }]])('accepts %j', async (query) => {
    expect(await errors(query)).toEqual({});
  });

  it('refuses another format alone, before looking at the filters', async () => {
    expect(await errors({ format: 'json', type: 'gift' })).toEqual({
      format: ['"json" is not supported. Use csv.'],
    });
  });

  it('checks the filters when the format is fine', async () => {
    expect(await errors({ type: 'gift' })).toEqual({
      type: ['Select a valid choice. gift is not one of the available choices.'],
    });
  });

  it('reads the same filter as the list', async () => {
    const { value } = await checkBody(TransactionExportQueryDto, { currency: 'eur' }, 'query');
    expect(listFilter(value as TransactionFilterQueryDto, TZ)).toEqual({ currency: 'EUR' });
  });
});
