/** The JSON of recurring payments on the REST API (snake_case, money as decimal strings; docs/recurring.md). */
import { toDecimalString } from '../../common/money';
import type { TransactionType } from '../nlu/nlu.types';
import type { Wallet } from '../transactions/wallet';
import type { Every } from './recurring.schedule';
import type { RecurringView } from './recurring.service';

export interface RecurringJson {
  id: string;
  type: TransactionType;
  amount: string;
  currency: string;
  category: string;
  description: string;
  every: Every;
  day: number;
  auto: boolean;
  wallet: Wallet;
  next_date: string;
  paused: boolean;
}

export function recurringJson({ rule, nextDate }: RecurringView): RecurringJson {
  return {
    id: rule.id,
    type: rule.type,
    amount: toDecimalString(rule.amount),
    currency: rule.currency,
    category: rule.category,
    description: rule.description,
    every: rule.every,
    day: rule.day,
    auto: rule.auto,
    wallet: rule.wallet,
    next_date: nextDate,
    paused: rule.paused,
  };
}
