import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';
import { CURRENCIES, isCurrency } from '../../common/money';
import { FieldRule } from '../../common/validation/field-rules';
import { invalidQueryChoice } from '../../common/validation/messages';
import { PageQueryDto } from '../../common/validation/page-query.dto';
import { TRANSACTION_TYPES, TransactionType } from '../nlu/nlu.types';
import { readDateOrDateTime, readIsoDate, startOfLocalDay } from '../../common/time/local-time';
import { TransactionFilter, TransactionOrder, TransactionOrderField } from './transactions.repository';
import { fieldsOf } from '../../common/validation/validation.pipe';
import { WALLETS, type Wallet } from './wallet';

const ORDER_FIELDS: Record<string, TransactionOrderField> = {
  date: 'occurred_at',
  occurred_at: 'occurred_at',
  amount: 'amount',
  created_at: 'created_at',
};

/** A query parameter as one string: the first of repeated values; anything else (objects) → undefined. */
export function one(value: unknown): string | undefined {
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

const DATE_MESSAGE = 'Enter a valid date, e.g. 2026-11-29.';
const ORDERING_FIELDS = ['date', '-date', 'amount', '-amount', 'created_at', '-created_at'];

/** A query parameter's rule on its one value (`one`); absent, empty or an object passes (no filter). */
function QueryRule(name: string, check: (value: string) => string | undefined): PropertyDecorator {
  const rule = FieldRule(name, (v) => {
    const value = one(v);
    return value ? check(value) : undefined;
  });
  const transform = Transform(({ value }) => one(value) || undefined);
  return (target, key) => {
    rule(target, key);
    transform(target, key);
  };
}

/** `?wallet=` of the list, the balance, the analytics and the export (docs/households.md). */
export class WalletQueryDto {
  @ApiPropertyOptional({
    enum: WALLETS,
    description:
      "Absent: every record you made. personal: your own wallet only. household: your household's records from " +
      'every member (none when you are in no household).',
  })
  @QueryRule('isWallet', (v) =>
    (WALLETS as readonly string[]).includes(v) ? undefined : invalidQueryChoice(v),
  )
  wallet?: Wallet;
}

/** The filters of GET /api/transactions/ and its CSV export (django-filter style; every bad parameter at once). */
export class TransactionFilterQueryDto extends WalletQueryDto {
  @ApiPropertyOptional({ enum: TRANSACTION_TYPES })
  @QueryRule('isTransactionType', (v) =>
    (TRANSACTION_TYPES as readonly string[]).includes(v) ? undefined : invalidQueryChoice(v),
  )
  type?: TransactionType;

  @ApiPropertyOptional({ enum: CURRENCIES, description: 'Any case.' })
  @QueryRule('isCurrency', (v) => (isCurrency(v.trim().toUpperCase()) ? undefined : invalidQueryChoice(v)))
  currency?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'groceries',
    description: 'A category key (custom:<uuid> too).',
  })
  @QueryRule('isCategory', () => undefined)
  category?: string;

  @ApiPropertyOptional({
    type: String,
    example: '2026-11-01',
    description: "YYYY-MM-DD (a day in the user's time zone) or ISO date-time",
  })
  @QueryRule('isDateFrom', (v) => (readDate(v, 'UTC', false) ? undefined : DATE_MESSAGE))
  date_from?: string;

  @ApiPropertyOptional({
    type: String,
    example: '2026-11-30',
    description: 'YYYY-MM-DD (inclusive) or ISO date-time (exclusive)',
  })
  @QueryRule('isDateTo', (v) => (readDate(v, 'UTC', true) ? undefined : DATE_MESSAGE))
  date_to?: string;

  @ApiPropertyOptional({
    type: String,
    description: 'Words of the description (the first 100 characters count).',
  })
  @QueryRule('isSearch', () => undefined)
  search?: string;
}

/** `ordering` of GET /api/transactions/: date, amount or created_at, "-" for descending. */
class OrderingQueryDto {
  @ApiPropertyOptional({ enum: ORDERING_FIELDS, description: 'Default -date.' })
  @QueryRule('isOrdering', (v) => {
    const field = v.trim();
    return ORDER_FIELDS[field.startsWith('-') ? field.slice(1) : field] || !field
      ? undefined
      : `Ordering by "${field}" is not supported. Use date, amount or created_at, with "-" for descending.`;
  })
  ordering?: string;
}

/** GET /api/transactions/: the filters, the ordering and pagination (errors in that order). */
export class TransactionListQueryDto extends IntersectionType(
  TransactionFilterQueryDto,
  OrderingQueryDto,
  PageQueryDto,
) {}

/** The export format: csv only (repeated: the first counts). */
function formatProblem(value: unknown): string | undefined {
  const format = Array.isArray(value) ? value[0] : value;
  return format === undefined || format === 'csv'
    ? undefined
    : `"${String(format)}" is not supported. Use csv.`;
}

class FormatQueryDto {
  @ApiPropertyOptional({ enum: ['csv'], description: 'Only csv; anything else → 400' })
  @FieldRule('isExportFormat', formatProblem)
  format?: unknown;
}

/** GET /api/transactions/export/: the format, then the filters (each checked only when the format is fine). */
export class TransactionExportQueryDto extends IntersectionType(FormatQueryDto, TransactionFilterQueryDto) {}
for (const key of fieldsOf(TransactionFilterQueryDto))
  ValidateIf((o: TransactionExportQueryDto) => formatProblem(o.format) === undefined)(
    TransactionExportQueryDto.prototype,
    key,
  );

/** The filter of checked query values; dates are read in the user's zone. */
export function listFilter(query: TransactionFilterQueryDto, timeZone: string): TransactionFilter {
  const filter: TransactionFilter = {};
  const type = one(query.type);
  if (type) filter.type = type as TransactionType;
  const currency = one(query.currency);
  if (currency) filter.currency = currency.trim().toUpperCase();
  const category = one(query.category)?.trim();
  if (category) filter.category = category;
  const from = one(query.date_from);
  if (from) filter.dateFrom = readDate(from, timeZone, false)!;
  const to = one(query.date_to);
  if (to) filter.dateTo = readDate(to, timeZone, true)!;
  const search = one(query.search)?.trim();
  if (search) filter.search = search.slice(0, 100);
  return filter;
}

/** The ordering of a checked `ordering` value (default: newest first). */
export function listOrder(query: TransactionListQueryDto): TransactionOrder {
  const ordering = one(query.ordering)?.trim();
  if (!ordering) return { field: 'occurred_at', direction: 'DESC' };
  const desc = ordering.startsWith('-');
  return { field: ORDER_FIELDS[desc ? ordering.slice(1) : ordering], direction: desc ? 'DESC' : 'ASC' };
}
