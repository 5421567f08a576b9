/** Reading a debt from a REST body (POST, PATCH): DRF semantics and messages, every field error at once. Pure. */
import type { Currency } from '../../common/money';
import { readAmount, readCurrency, readOptionalDate, readText } from '../goals/goals.input';
import { FieldErrors, invalidChoice, NOT_NULL } from '../../common/validation/messages';
import type { DebtDirection, DebtStatus } from './debt.entity';

export const COUNTERPARTY_MAX = 100;
export const DESCRIPTION_MAX = 500;

export interface DebtInput {
  direction?: DebtDirection;
  counterparty?: string;
  amountMinor?: bigint;
  currency?: Currency;
  dueDate?: string | null;
  description?: string;
  status?: DebtStatus;
}

export function readDebtInput(
  body: Record<string, unknown>,
  mode: 'create' | 'patch',
): { values: DebtInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: DebtInput = {};
  const create = mode === 'create';
  if (body.direction === undefined) {
    if (create) errors.direction = ['This field is required.'];
  } else if (body.direction === 'lent' || body.direction === 'borrowed') values.direction = body.direction;
  else errors.direction = [invalidChoice(body.direction)];
  values.counterparty = readText(body.counterparty, 'counterparty', COUNTERPARTY_MAX, errors, create);
  values.amountMinor = readAmount(body.amount, 'amount', errors, create);
  values.currency = readCurrency(body.currency, errors);
  values.dueDate = readOptionalDate(body.due_date, 'due_date', errors);
  if (body.description === null) values.description = '';
  else if (body.description !== undefined) {
    if (typeof body.description !== 'string') errors.description = ['Not a valid string.'];
    else if (body.description.trim().length > DESCRIPTION_MAX)
      errors.description = [`Ensure this field has no more than ${DESCRIPTION_MAX} characters.`];
    else values.description = body.description.trim();
  }
  if (body.status !== undefined) {
    if (body.status === null) errors.status = [NOT_NULL];
    else if (body.status === 'open' || body.status === 'closed') values.status = body.status;
    else errors.status = [invalidChoice(body.status)];
  }
  return { values, errors };
}
