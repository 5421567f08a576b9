/**
 * The field vocabulary of the REST API: DRF serializer messages, word for word (docs/interface.md §3, error
 * bodies). Field errors are `{"field": ["message"]}`, one message per field, fields in the DTO's order.
 */
import type { DecimalParseError } from '../money';

export type FieldErrors = Record<string, string[]>;

export const REQUIRED = 'This field is required.';
export const NOT_NULL = 'This field may not be null.';
export const NOT_A_STRING = 'Not a valid string.';
export const BLANK = 'This field may not be blank.';
export const NOT_AN_INTEGER = 'A valid integer is required.';
export const NOT_A_BOOLEAN = 'Must be a valid boolean.';

export const DATE_FORMAT =
  'Date has wrong format. Use one of these formats instead: YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].';
export const DATE_ONLY_FORMAT = 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.';

export const AMOUNT_MESSAGES: Record<DecimalParseError, string> = {
  invalid: 'A valid number is required.',
  too_many_decimals: 'Ensure that there are no more than 2 decimal places.',
  too_many_digits: 'Ensure that there are no more than 13 digits before the decimal point.',
  not_positive: 'Ensure this value is greater than or equal to 0.01.',
};

export function maxLengthMessage(max: number): string {
  return `Ensure this field has no more than ${max} characters.`;
}

/** DRF ChoiceField's message; objects and null are shown as JSON. */
export function invalidChoice(value: unknown): string {
  return `"${typeof value === 'object' ? JSON.stringify(value) : String(value)}" is not a valid choice.`;
}

/** django-filter's message for a query parameter outside its choices. */
export function invalidQueryChoice(value: string): string {
  return `Select a valid choice. ${value} is not one of the available choices.`;
}
