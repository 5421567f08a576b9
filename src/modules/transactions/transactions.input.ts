/**
 * Reading a transaction from a REST body (POST, PUT, PATCH): DRF serializer semantics and messages, every
 * field error at once. Pure; whether a category key fits the type and the user is decided by the service.
 */
import { Currency, CURRENCIES, DecimalParseError, parseDecimal } from '../../common/money';
import type { TransactionType } from './transaction.entity';
import { localDate, readDateOrDateTime, readIsoDate, utcMillis } from '../../common/time/local-time';

export const DESCRIPTION_MAX = 500;
export const CATEGORY_KEY_MAX = 64;

export type InputMode = 'create' | 'replace' | 'patch';

export interface TransactionInput {
  type?: TransactionType;
  amountMinor?: bigint;
  currency?: Currency;
  category?: string;
  description?: string;
  occurredAt?: Date;
}

export type FieldErrors = Record<string, string[]>;

export const AMOUNT_MESSAGES: Record<DecimalParseError, string> = {
  invalid: 'A valid number is required.',
  too_many_decimals: 'Ensure that there are no more than 2 decimal places.',
  too_many_digits: 'Ensure that there are no more than 13 digits before the decimal point.',
  not_positive: 'Ensure this value is greater than or equal to 0.01.',
};

export const REQUIRED = 'This field is required.';
export const NOT_NULL = 'This field may not be null.';
export const DATE_FORMAT =
  'Date has wrong format. Use one of these formats instead: YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].';

/** The earliest day a record may carry (a typo like 0026-11-29 or 1026-11-29 is refused, not stored). */
export const EARLIEST_DATE = '2000-01-01';

/** The latest day a record may carry: a year after the user's today (planned payments, a mistyped year). */
export function latestDate(now: Date, timeZone: string): string {
  const [y, m, d] = readIsoDate(localDate(now, timeZone))!;
  return new Date(utcMillis(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

export function dateRangeMessage(latest: string): string {
  return `Ensure this date is between ${EARLIEST_DATE} and ${latest} (a year from today).`;
}

export function invalidChoice(value: unknown): string {
  return `"${typeof value === 'object' ? JSON.stringify(value) : String(value)}" is not a valid choice.`;
}

/** Which fields must be present: type and amount on create and replace (PUT); none on patch. */
function required(mode: InputMode): boolean {
  return mode !== 'patch';
}

/**
 * Reads the known fields of a body. Absent optional fields stay undefined (the service applies defaults on
 * create and keeps stored values on PUT/PATCH, as a DRF ModelSerializer does).
 */
export function readTransactionInput(
  body: Record<string, unknown>,
  mode: InputMode,
  timeZone: string,
  now: Date = new Date(),
): { values: TransactionInput; errors: FieldErrors } {
  const values: TransactionInput = {};
  const errors: FieldErrors = {};

  const { type, amount, currency, category, description, date } = body;

  if (type === undefined) {
    if (required(mode)) errors.type = [REQUIRED];
  } else if (type === null) errors.type = [NOT_NULL];
  else if (type === 'income' || type === 'expense') values.type = type;
  else errors.type = [invalidChoice(type)];

  if (amount === undefined) {
    if (required(mode)) errors.amount = [REQUIRED];
  } else if (amount === null) errors.amount = [NOT_NULL];
  else {
    const parsed = parseDecimal(amount);
    if (!parsed.ok) errors.amount = [AMOUNT_MESSAGES[parsed.error]];
    else if (parsed.minor < 1n) errors.amount = [AMOUNT_MESSAGES.not_positive];
    else values.amountMinor = parsed.minor;
  }

  if (currency === null) errors.currency = [NOT_NULL];
  else if (currency !== undefined) {
    const code = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
    if ((CURRENCIES as readonly string[]).includes(code)) values.currency = code as Currency;
    else errors.currency = [invalidChoice(currency)];
  }

  if (category === null) errors.category = [NOT_NULL];
  else if (category !== undefined) {
    if (typeof category !== 'string') errors.category = ['Not a valid string.'];
    else if (!category.trim()) errors.category = ['This field may not be blank.'];
    else if (category.trim().length > CATEGORY_KEY_MAX) errors.category = [invalidChoice(category)];
    else values.category = category.trim();
  }

  if (description === null) values.description = '';
  else if (description !== undefined) {
    if (typeof description !== 'string') errors.description = ['Not a valid string.'];
    else if (description.trim().length > DESCRIPTION_MAX)
      errors.description = [`Ensure this field has no more than ${DESCRIPTION_MAX} characters.`];
    else values.description = description.trim();
  }

  if (date === null) errors.date = [NOT_NULL];
  else if (date !== undefined) {
    const at = typeof date === 'string' ? readDateOrDateTime(date, timeZone) : null;
    const latest = latestDate(now, timeZone);
    const day = at && localDate(at, timeZone);
    if (!at || !day) errors.date = [DATE_FORMAT];
    else if (day < EARLIEST_DATE || day > latest) errors.date = [dateRangeMessage(latest)];
    else values.occurredAt = at;
  }

  return { values, errors };
}

export const PARSE_TEXT_MAX = 1000;

/** `text` of POST /api/transactions/parse/: a non-blank string of at most 1000 characters (DRF CharField's messages). */
export function readParseText(body: Record<string, unknown>): { text?: string; errors: FieldErrors } {
  const { text } = body;
  if (text === undefined) return { errors: { text: [REQUIRED] } };
  if (text === null) return { errors: { text: [NOT_NULL] } };
  if (typeof text !== 'string') return { errors: { text: ['Not a valid string.'] } };
  if (!text.trim()) return { errors: { text: ['This field may not be blank.'] } };
  if (text.length > PARSE_TEXT_MAX)
    return { errors: { text: [`Ensure this field has no more than ${PARSE_TEXT_MAX} characters.`] } };
  return { text, errors: {} };
}
