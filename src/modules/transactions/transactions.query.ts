import { DomainError } from '../../common/errors/domain-error';
import { isCurrency } from '../../common/money';
import { TransactionFilter, TransactionOrder, TransactionOrderField } from './transactions.repository';

const ORDER_FIELDS: Record<string, TransactionOrderField> = {
  date: 'occurred_at',
  occurred_at: 'occurred_at',
  amount: 'amount',
  created_at: 'created_at',
};

/** YYYY-MM-DD or a full ISO timestamp; a bare date means the start of that UTC day. */
function readDate(field: string, value: string, endOfDay: boolean): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) {
    throw DomainError.validation(field, 'Enter a valid date, e.g. 2026-11-29.');
  }
  if (dateOnly && endOfDay) date.setUTCDate(date.getUTCDate() + 1);
  return date;
}

/** Filters and ordering of GET /api/transactions/ (DRF django-filter style). */
export function parseListQuery(query: Record<string, string | undefined>): { filter: TransactionFilter; order: TransactionOrder } {
  const filter: TransactionFilter = {};
  if (query.type) {
    if (query.type !== 'income' && query.type !== 'expense') {
      throw DomainError.validation('type', `Select a valid choice. ${query.type} is not one of the available choices.`);
    }
    filter.type = query.type;
  }
  if (query.currency) {
    const currency = query.currency.toUpperCase();
    if (!isCurrency(currency)) throw DomainError.validation('currency', `Select a valid choice. ${query.currency} is not one of the available choices.`);
    filter.currency = currency;
  }
  if (query.category) filter.category = query.category;
  if (query.date_from) filter.dateFrom = readDate('date_from', query.date_from, false);
  if (query.date_to) filter.dateTo = readDate('date_to', query.date_to, true);
  if (query.search?.trim()) filter.search = query.search.trim().slice(0, 100);

  let order: TransactionOrder = { field: 'occurred_at', direction: 'DESC' };
  if (query.ordering) {
    const desc = query.ordering.startsWith('-');
    const field = ORDER_FIELDS[desc ? query.ordering.slice(1) : query.ordering];
    if (!field) throw DomainError.validation('ordering', `Ordering by "${query.ordering}" is not supported. Use date, amount or created_at, with "-" for descending.`);
    order = { field, direction: desc ? 'DESC' : 'ASC' };
  }
  return { filter, order };
}
