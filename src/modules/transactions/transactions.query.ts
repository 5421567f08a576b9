import { DomainError } from '../../common/errors/domain-error';
import { isCurrency } from '../../common/money';
import { readDateOrDateTime, readIsoDate, startOfLocalDay } from '../../common/time/local-time';
import { TransactionFilter, TransactionOrder, TransactionOrderField } from './transactions.repository';

const ORDER_FIELDS: Record<string, TransactionOrderField> = {
  date: 'occurred_at',
  occurred_at: 'occurred_at',
  amount: 'amount',
  created_at: 'created_at',
};

/** A query parameter as one string: the first of repeated values; anything else (objects) → undefined. */
function one(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : undefined;
}

/**
 * date_from / date_to: YYYY-MM-DD is a local day in the user's time zone (date_from from its first moment,
 * date_to through its last, both inclusive); a full ISO date-time is that instant (date_to exclusive).
 */
function readDate(value: string, timeZone: string, endOfDay: boolean): Date | null {
  const day = readIsoDate(value.trim());
  if (day) return startOfLocalDay(day, timeZone, endOfDay ? 1 : 0);
  return /T|\s\d/.test(value.trim()) ? readDateOrDateTime(value, timeZone) : null;
}

/** Filters and ordering of GET /api/transactions/ (django-filter style; every bad parameter reported at once). */
export function parseListQuery(
  query: Record<string, unknown>,
  timeZone: string,
): { filter: TransactionFilter; order: TransactionOrder } {
  const filter: TransactionFilter = {};
  const errors: Record<string, string[]> = {};
  const choice = (v: string) => `Select a valid choice. ${v} is not one of the available choices.`;

  const type = one(query.type);
  if (type) {
    if (type === 'income' || type === 'expense') filter.type = type;
    else errors.type = [choice(type)];
  }
  const currency = one(query.currency);
  if (currency) {
    const code = currency.trim().toUpperCase();
    if (isCurrency(code)) filter.currency = code;
    else errors.currency = [choice(currency)];
  }
  const category = one(query.category)?.trim();
  if (category) filter.category = category;
  for (const [field, end] of [
    ['date_from', false],
    ['date_to', true],
  ] as const) {
    const value = one(query[field]);
    if (!value) continue;
    const at = readDate(value, timeZone, end);
    if (!at) errors[field] = ['Enter a valid date, e.g. 2026-11-29.'];
    else if (end) filter.dateTo = at;
    else filter.dateFrom = at;
  }
  const search = one(query.search)?.trim();
  if (search) filter.search = search.slice(0, 100);

  let order: TransactionOrder = { field: 'occurred_at', direction: 'DESC' };
  const ordering = one(query.ordering)?.trim();
  if (ordering) {
    const desc = ordering.startsWith('-');
    const field = ORDER_FIELDS[desc ? ordering.slice(1) : ordering];
    if (field) order = { field, direction: desc ? 'DESC' : 'ASC' };
    else
      errors.ordering = [
        `Ordering by "${ordering}" is not supported. Use date, amount or created_at, with "-" for descending.`,
      ];
  }
  if (Object.keys(errors).length) throw new DomainError('validation', 'Invalid filter', errors);
  return { filter, order };
}
