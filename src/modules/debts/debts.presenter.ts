/** The JSON of debts on the REST API (snake_case, money as decimal strings; the Mini App reads these names). */
import { toDecimalString } from '../../common/money';
import type { Debt, DebtDirection, DebtStatus } from './debt.entity';

/** The API shape of a debt (the Mini App reads these names). */
export interface DebtJson {
  id: string;
  direction: DebtDirection;
  counterparty: string;
  amount: string;
  repaid_amount: string;
  remaining_amount: string;
  currency: string;
  due_date: string | null;
  status: DebtStatus;
  description: string;
  created_at: string;
  updated_at: string;
}

export function debtJson(debt: Debt): DebtJson {
  return {
    id: debt.id,
    direction: debt.direction,
    counterparty: debt.counterparty,
    amount: toDecimalString(debt.amount),
    repaid_amount: toDecimalString(debt.repaidAmount),
    remaining_amount: toDecimalString(debt.amount - debt.repaidAmount),
    currency: debt.currency,
    due_date: debt.dueDate,
    status: debt.status,
    description: debt.description,
    created_at: debt.createdAt.toISOString(),
    updated_at: debt.updatedAt.toISOString(),
  };
}
