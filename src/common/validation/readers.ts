/** The readers of the common field kinds: a raw JSON value → the typed value, or the DRF message (messages.ts). */
import { DomainError } from '../errors/domain-error';
import { CURRENCIES, Currency, MAX_AMOUNT_MINOR, parseDecimal } from '../money';
import { AMOUNT_MESSAGES, BLANK, invalidChoice, maxLengthMessage, NOT_A_STRING } from './messages';

/** What the OpenAPI document says of a decimal amount sent as a string (JSON numbers are accepted too). */
export const AMOUNT_PATTERN = '^\\s*\\d{1,13}(\\.\\d{1,2}0*)?\\s*$';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** A positive amount: a decimal string or a JSON number, at most 13 integer digits and 2 decimals → minor units. */
export function readAmount(value: unknown): Read<bigint> {
  const parsed = parseDecimal(value);
  if (!parsed.ok) return { ok: false, message: AMOUNT_MESSAGES[parsed.error] };
  if (parsed.minor < 1n) return { ok: false, message: AMOUNT_MESSAGES.not_positive };
  return { ok: true, value: parsed.minor };
}

/** An ISO currency code we keep (any case, spaces around ignored). */
export function readCurrency(value: unknown): Read<Currency> {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  return (CURRENCIES as readonly string[]).includes(code)
    ? { ok: true, value: code as Currency }
    : { ok: false, message: invalidChoice(value) };
}

export interface TextRules {
  /** "" (or only spaces) accepted; else "This field may not be blank." */
  allowBlank?: boolean;
  /** Kept as sent, `max` counting the spaces around; else trimmed first. */
  keepSpaces?: boolean;
  /** Trimmed and every run of white space inside made one space (names). */
  collapseSpaces?: boolean;
}

/** The text a string value stands for under the rules. */
export function textOf(value: string, rules: TextRules = {}): string {
  if (rules.keepSpaces) return value;
  const text = value.trim();
  return rules.collapseSpaces ? text.replace(/\s+/g, ' ') : text;
}

/** A string of at most `max` characters (textOf); blank refused unless `allowBlank`. */
export function readText(value: unknown, max: number, rules: TextRules = {}): Read<string> {
  if (typeof value !== 'string') return { ok: false, message: NOT_A_STRING };
  const text = textOf(value, rules);
  if (!value.trim() && !rules.allowBlank) return { ok: false, message: BLANK };
  if (text.length > max) return { ok: false, message: maxLengthMessage(max) };
  return { ok: true, value: text };
}

/**
 * The services' own guard on an amount in minor units (the bot and other callers skip the REST rules): > 0 and at
 * most 13 integer digits, else a 400 on `field` with the same message the REST rule gives.
 */
export function checkAmountMinor(field: string, minor: bigint): void {
  if (minor < 1n) throw DomainError.validation(field, AMOUNT_MESSAGES.not_positive);
  if (minor > MAX_AMOUNT_MINOR) throw DomainError.validation(field, AMOUNT_MESSAGES.too_many_digits);
}
