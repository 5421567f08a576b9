/**
 * Reading a goal from a REST body (POST, PATCH) with DRF serializer semantics and messages, every field error at
 * once. Pure.
 */
import { Currency, parseDecimal } from '../../common/money';
import { readIsoDate } from '../../common/time/local-time';
import {
  AMOUNT_MESSAGES,
  FieldErrors,
  invalidChoice,
  NOT_NULL,
  REQUIRED,
} from '../../common/validation/messages';
import { CURRENCIES } from '../../common/money';
import type { GoalStatus } from './goal.entity';

export const TITLE_MAX = 100;
export const DATE_ONLY_FORMAT = 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.';

export interface GoalInput {
  title?: string;
  targetMinor?: bigint;
  currency?: Currency;
  deadline?: string | null;
  status?: GoalStatus;
}

/** A positive decimal amount of a body field into `errors` (or minor units). */
export function readAmount(
  value: unknown,
  field: string,
  errors: FieldErrors,
  required: boolean,
): bigint | undefined {
  if (value === undefined) {
    if (required) errors[field] = [REQUIRED];
    return undefined;
  }
  if (value === null) {
    errors[field] = [NOT_NULL];
    return undefined;
  }
  const parsed = parseDecimal(value);
  if (!parsed.ok) errors[field] = [AMOUNT_MESSAGES[parsed.error]];
  else if (parsed.minor < 1n) errors[field] = [AMOUNT_MESSAGES.not_positive];
  else return parsed.minor;
  return undefined;
}

export function readText(
  value: unknown,
  field: string,
  max: number,
  errors: FieldErrors,
  required: boolean,
): string | undefined {
  if (value === undefined) {
    if (required) errors[field] = [REQUIRED];
    return undefined;
  }
  if (value === null) errors[field] = [NOT_NULL];
  else if (typeof value !== 'string') errors[field] = ['Not a valid string.'];
  else if (!value.trim()) errors[field] = ['This field may not be blank.'];
  else if (value.trim().length > max)
    errors[field] = [`Ensure this field has no more than ${max} characters.`];
  else return value.trim();
  return undefined;
}

export function readCurrency(value: unknown, errors: FieldErrors): Currency | undefined {
  if (value === undefined) return undefined;
  if (value === null) {
    errors.currency = [NOT_NULL];
    return undefined;
  }
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if ((CURRENCIES as readonly string[]).includes(code)) return code as Currency;
  errors.currency = [invalidChoice(value)];
  return undefined;
}

/** YYYY-MM-DD, or null (allowed: "no date"); undefined when absent. */
export function readOptionalDate(
  value: unknown,
  field: string,
  errors: FieldErrors,
): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === '') return null;
  if (typeof value === 'string' && readIsoDate(value.trim())) return value.trim();
  errors[field] = [DATE_ONLY_FORMAT];
  return undefined;
}

export function readGoalInput(
  body: Record<string, unknown>,
  mode: 'create' | 'patch',
): { values: GoalInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: GoalInput = {};
  const create = mode === 'create';
  values.title = readText(body.title, 'title', TITLE_MAX, errors, create);
  values.targetMinor = readAmount(body.target_amount, 'target_amount', errors, create);
  values.currency = readCurrency(body.currency, errors);
  values.deadline = readOptionalDate(body.deadline, 'deadline', errors);
  if (body.status !== undefined) {
    if (body.status === 'active' || body.status === 'completed') values.status = body.status;
    else errors.status = [invalidChoice(body.status)];
  }
  return { values, errors };
}
