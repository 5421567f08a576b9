/** The JSON of budgets on the REST API (snake_case, money as decimal strings; the Mini App reads these names). */
import { toDecimalString } from '../../common/money';
import type { Wallet } from '../transactions/wallet';
import type { BudgetPeriod } from './budget.entity';
import type { BudgetLine } from './budgets.service';

export interface BudgetJson {
  id: string;
  category: string | null;
  amount: string;
  currency: string;
  period: BudgetPeriod;
  wallet: Wallet;
  spent: string | null;
  remaining: string | null;
  percent: number | null;
  period_start: string;
  period_end: string;
}

export function budgetJson(line: BudgetLine): BudgetJson {
  return {
    id: line.id,
    category: line.category,
    amount: toDecimalString(line.amountMinor),
    currency: line.currency,
    period: line.period,
    wallet: line.wallet,
    spent: line.spentMinor === null ? null : toDecimalString(line.spentMinor),
    remaining: line.remainingMinor === null ? null : toDecimalString(line.remainingMinor),
    percent: line.percent,
    period_start: line.periodFrom,
    period_end: line.periodTo,
  };
}
