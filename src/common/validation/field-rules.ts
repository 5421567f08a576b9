/**
 * class-validator rules for the REST bodies, each one the whole DRF check of one field kind: presence (absent,
 * JSON null) and then the value, reporting exactly one message (messages.ts). One rule per property keeps the
 * order of checks explicit, whatever order decorators run in. The matching class-transformer transforms turn a
 * checked value into its typed form (trimmed text, upper-case currency, minor units); they run only after every
 * rule has passed (validation.pipe.ts).
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { CURRENCIES } from '../money';
import { readDateOrDateTime, readIsoDate } from '../time/local-time';
import {
  BLANK,
  DATE_FORMAT,
  DATE_ONLY_FORMAT,
  invalidChoice,
  invalidQueryChoice,
  NOT_A_STRING,
  NOT_NULL,
  REQUIRED,
} from './messages';
import { AMOUNT_PATTERN, Read, readAmount, readCurrency, readText, TextRules, textOf } from './readers';

export interface Presence {
  /** Absent → "This field is required." (PartialType with `skipNullProperties: false` lifts it for PATCH). */
  required?: boolean;
  /**
   * JSON null: 'refuse' (default) → "This field may not be null."; 'allow' → accepted (the transform maps it);
   * 'check' → the value check sees it (DRF choice fields answer `"null" is not a valid choice.`).
   */
  onNull?: 'refuse' | 'allow' | 'check';
  /** Absent and not required: the check still runs (a rule across fields may require it). */
  checkAbsent?: boolean;
}

/** The message for a value (undefined when valid); `object` is the whole DTO, for rules across fields. */
type Check = (value: unknown, object: object) => string | undefined;

/** The message for a value of a field (undefined when it is valid). */
export function fieldMessage(
  check: Check,
  presence: Presence,
  value: unknown,
  object: object = {},
): string | undefined {
  if (value === undefined) {
    if (presence.required) return REQUIRED;
    return presence.checkAbsent ? check(value, object) : undefined;
  }
  if (value === null) {
    const onNull = presence.onNull ?? 'refuse';
    if (onNull === 'refuse') return NOT_NULL;
    if (onNull === 'allow') return undefined;
  }
  return check(value, object);
}

/** A property rule from a check: valid when the check has no message, else that message. */
export function FieldRule(name: string, check: Check, presence: Presence = {}): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown, args) => fieldMessage(check, presence, value, args?.object) === undefined,
      defaultMessage: (args) => fieldMessage(check, presence, args?.value, args?.object) ?? '',
    },
  });
}

const messageOf = <T>(read: Read<T>): string | undefined => (read.ok ? undefined : read.message);

/** A rule that checks a field with a reader and, once every rule has passed, keeps the value the reader made. */
function ReadRule<T>(name: string, read: (value: unknown) => Read<T>, presence: Presence): PropertyDecorator {
  return applyDecorators(
    FieldRule(name, (v) => messageOf(read(v)), presence),
    Transform(({ value }) => {
      const result = read(value);
      return result.ok ? result.value : value;
    }),
  );
}

/** A positive decimal amount (string or JSON number, ≤ 13 integer digits, ≤ 2 decimals); becomes minor units. */
export function IsAmount(presence: Presence = {}): PropertyDecorator {
  return ReadRule('isAmount', readAmount, presence);
}

/** One of the currencies we keep, any case, spaces around ignored; becomes the upper-case code. */
export function IsCurrencyCode(presence: Presence = {}): PropertyDecorator {
  return ReadRule('isCurrencyCode', readCurrency, presence);
}

/** A required amount of a body: the rule (IsAmount) and its OpenAPI description, with an example. */
export function AmountField(example: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      pattern: AMOUNT_PATTERN,
      example,
      description:
        'Decimal string (a JSON number is accepted too); > 0, at most 13 integer digits and 2 decimals.',
    }),
    IsAmount({ required: true }),
  );
}

/** An optional currency of a body: the rule (IsCurrencyCode) and its OpenAPI description. */
export function CurrencyField(whose = 'the user'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: CURRENCIES, description: `Any case. Default: ${whose}'s currency.` }),
    IsCurrencyCode(),
  );
}

export interface TextOptions extends Presence, TextRules {
  /** Most characters (after trimming, unless `keepSpaces`); no limit when absent. */
  max?: number;
  /** What JSON null becomes when `onNull` is 'allow' (e.g. "" for a description). */
  nullAs?: string | null;
}

/** A string of at most `max` characters; becomes its text (trimmed unless `keepSpaces`, see textOf). */
export function IsText(options: TextOptions): PropertyDecorator {
  const rule = FieldRule('isText', (v) => messageOf(readText(v, options.max ?? Infinity, options)), options);
  const transform = Transform(({ value }) => {
    if (value === null && options.nullAs !== undefined) return options.nullAs;
    return typeof value === 'string' ? textOf(value, options) : value;
  });
  return applyDecorators(rule, transform);
}

export interface ChoiceOptions extends Presence {
  /** The refused value is shown as JavaScript's String() gives it, not as JSON (`[object Object]`, `a,b`). */
  plainString?: boolean;
}

/** One of `choices`, exactly as written. */
export function IsChoice(choices: readonly string[], options: ChoiceOptions = {}): PropertyDecorator {
  return FieldRule(
    'isChoice',
    (v) => {
      if (typeof v === 'string' && choices.includes(v)) return undefined;
      return options.plainString ? `"${String(v)}" is not a valid choice.` : invalidChoice(v);
    },
    options,
  );
}

/** A category key as a client may send it: a non-blank string of at most `max` characters (trimmed). */
export function IsCategoryKey(max: number, presence: Presence = {}): PropertyDecorator {
  const rule = FieldRule(
    'isCategoryKey',
    (v) => {
      if (typeof v !== 'string') return NOT_A_STRING;
      if (!v.trim()) return BLANK;
      return v.trim().length > max ? invalidChoice(v) : undefined;
    },
    presence,
  );
  const transform = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
  return applyDecorators(rule, transform);
}

/**
 * YYYY-MM-DD or an ISO 8601 date-time (offset optional). Stays text: which instant it names depends on the user's
 * time zone, so the service reads it (readDateOrDateTime) and checks the range.
 */
export function IsDateOrDateTime(presence: Presence = {}): PropertyDecorator {
  const rule = FieldRule(
    'isDateOrDateTime',
    (v) => (typeof v === 'string' && readDateOrDateTime(v, 'UTC') ? undefined : DATE_FORMAT),
    presence,
  );
  const transform = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));
  return applyDecorators(rule, transform);
}

/** YYYY-MM-DD, or null or "" for "no date"; becomes the trimmed day or null. */
export function IsOptionalDay(): PropertyDecorator {
  const rule = FieldRule(
    'isOptionalDay',
    (v) => (v === '' || (typeof v === 'string' && readIsoDate(v.trim())) ? undefined : DATE_ONLY_FORMAT),
    { onNull: 'allow' },
  );
  const transform = Transform(({ value }) =>
    value === null || value === '' ? null : typeof value === 'string' ? value.trim() : value,
  );
  return applyDecorators(rule, transform);
}

/** The value of a query parameter: the first of repeated ones (`?status=a&status=b`). */
export function firstQueryValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A query parameter filtering by one of `choices` (django-filter): absent or empty → no filter; becomes the
 * choice. Repeated values: the first counts, or with `whole` the list is checked as one value (and refused).
 */
export function IsQueryChoice(choices: readonly string[], whole = false): PropertyDecorator {
  const pick = (v: unknown) => (whole ? v : firstQueryValue(v));
  const rule = FieldRule('isQueryChoice', (v) => {
    const value = pick(v);
    if (value === '' || (typeof value === 'string' && choices.includes(value))) return undefined;
    return value === undefined ? undefined : invalidQueryChoice(String(value));
  });
  const transform = Transform(({ value }) => {
    const first = pick(value);
    return first === '' ? undefined : first;
  });
  return applyDecorators(rule, transform);
}
